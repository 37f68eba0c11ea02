import { setPublicPathToPluginRoot } from '../shared/publicPath';

// Imported first by module.ts: this folder is one level below the app's root (see shared/publicPath.ts).
setPublicPathToPluginRoot(1);
