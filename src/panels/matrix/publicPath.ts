import { setPublicPathToPluginRoot } from '../../shared/publicPath';

// Imported first by module.ts: this folder is two levels below the app's root (see shared/publicPath.ts).
setPublicPathToPluginRoot(2);
