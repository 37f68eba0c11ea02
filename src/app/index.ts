import App from './App';
import { initAppTranslations } from './i18n';

/** What `module.tsx` loads lazily: the routed app, once its translations are bound. */
export async function loadApp() {
  await initAppTranslations();
  return { default: App };
}
