/** jsdom gaps for the panel tests: Grafana's Drawer needs Resize/IntersectionObserver; options builders need the editor registry. */
import { standardEditorsRegistry, StandardEditorsRegistryItem } from '@grafana/data';

class NoopObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}

export function installPanelTestEnv() {
  const g = globalThis as { ResizeObserver?: unknown; IntersectionObserver?: unknown };
  g.ResizeObserver ??= NoopObserver;
  g.IntersectionObserver ??= NoopObserver;
  // Grafana core registers option editors at start-up; builders look them up by id.
  const ids = ['text', 'number', 'slider', 'boolean', 'radio', 'select', 'unit', 'color'];
  standardEditorsRegistry.setInit(() =>
    ids.map((id): StandardEditorsRegistryItem => ({ id, name: id, editor: () => null }))
  );
}
