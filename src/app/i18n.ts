import { initPluginTranslations } from '@grafana/i18n';
import pluginJson from '../plugin.json';

let ready: Promise<unknown> | undefined;

/**
 * Binds `t()` and `<Trans>` of `@grafana/i18n` to the app's namespace in Grafana's shared i18next
 * instance. Must finish before the first page renders: `t()` called earlier falls back to Grafana's
 * own namespace and warns. The app ships its strings in English only (the default text of each
 * `t()`), so there are no resource files to load yet.
 */
export function initAppTranslations(): Promise<unknown> {
  ready ??= initPluginTranslations(pluginJson.id);
  return ready;
}
