import CopyWebpackPlugin from 'copy-webpack-plugin';
import path from 'path';
import type { Configuration } from 'webpack';
import { merge } from 'webpack-merge';
import grafanaConfig, { type Env } from './.config/webpack/webpack.config';

/**
 * The scaffold copies the app's own logo only; each nested plugin (data source, panels) has its
 * own `img/` that must reach `dist/` too, or Grafana shows broken logos in the catalog.
 */
const config = async (env: Env): Promise<Configuration> => {
  const baseConfig = await grafanaConfig(env);
  return merge(baseConfig, {
    // The build cache lives in the checkout, not in node_modules/.cache: a second checkout that shares
    // node_modules (a git worktree) would otherwise reuse this one's cached copies of plugin.json.
    cache: { type: 'filesystem', cacheDirectory: path.resolve(process.cwd(), '.cache', 'webpack') },
    optimization: {
      // No automatic splitting: each module.js stays whole. The one shared chunk is `engine`, named by the
      // analysis worker's and the main-thread fallback's `import(/* webpackChunkName: "engine" */ ...)`
      // (docs/worker.md).
      splitChunks: false,
    },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: 'datasource/img', to: 'datasource/img' },
          { from: 'panels/matrix/img', to: 'panels/matrix/img' },
          { from: 'panels/lag/img', to: 'panels/lag/img' },
        ],
      }),
    ],
  });
};

export default config;
