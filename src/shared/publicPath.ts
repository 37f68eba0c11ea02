/**
 * Webpack emits every lazy chunk (the analysis worker, the main-thread engine) at the root of dist/,
 * but Grafana serves a nested plugin's module.js from its own folder (`<app>/datasource/module.js`,
 * `<app>/panels/matrix/module.js`), and the scaffold derives the public path from that URL. Each nested
 * module therefore moves the public path up to the app's root before anything loads a chunk.
 */
declare let __webpack_public_path__: string;

export function setPublicPathToPluginRoot(levelsBelowRoot: number) {
  if (typeof __webpack_public_path__ === 'string' && __webpack_public_path__) {
    __webpack_public_path__ = new URL('../'.repeat(levelsBelowRoot), new URL(__webpack_public_path__, document.baseURI))
      .href;
  }
}
