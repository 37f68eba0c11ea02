import { AppPlugin } from '@grafana/data';
import { AppRoot } from './app/AppRoot';

/** The InfraDrift app: enables the nested data source and panels and shows an overview page. */
export const plugin = new AppPlugin<{}>().setRootPage(AppRoot);
