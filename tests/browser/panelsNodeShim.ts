/**
 * @grafana/data reaches for browser globals when first imported (localStorage store, history, a
 * CSS-in-JS helper). The panel fixtures run the engine and `resultToFrames` in Node, so they get a
 * jsdom window for the duration of the import. Import this module before @grafana/data.
 */
import { JSDOM } from 'jsdom';

const g = globalThis as Record<string, unknown>;
if (g.window === undefined) {
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url: 'http://localhost/' });
  for (const key of [
    'window',
    'document',
    'history',
    'localStorage',
    'location',
    'HTMLElement',
    'getComputedStyle',
    'matchMedia',
  ]) {
    if (g[key] === undefined) {
      g[key] = key === 'window' ? dom.window : (dom.window as unknown as Record<string, unknown>)[key];
    }
  }
  if (g.navigator === undefined) {
    Object.defineProperty(globalThis, 'navigator', { value: dom.window.navigator, configurable: true });
  }
  g.matchMedia ??= () => ({
    matches: false,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  });
}
export {};
