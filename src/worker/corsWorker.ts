/**
 * A Worker that also works when the plugin's files come from another origin (Grafana Cloud serves
 * plugins from a CDN): `new Worker(crossOriginUrl)` throws a SecurityError, so we start a same-origin
 * `blob:` worker that imports the real script. The build wraps the worker chunk in AMD `define(...)`
 * (the plugin is built as an AMD library), so the blob first installs a tiny `define` that just runs
 * the factory. It also sets `self.__infradriftPublicPath` to the real chunk's folder, from which the
 * worker loads the engine chunk (see workerPublicPath.ts).
 */
export class CorsWorker extends Worker {
  constructor(url: URL | string, options?: WorkerOptions) {
    const absolute = new URL(String(url), document.baseURI).href;
    const publicPath = new URL('./', absolute).href;
    const source = [
      `self.__infradriftPublicPath = ${JSON.stringify(publicPath)};`,
      'self.define = function (deps, factory) {',
      '  if (typeof deps === "function") { factory = deps; }',
      '  if (typeof factory === "function") { factory(); }',
      '};',
      'self.define.amd = {};',
      `importScripts(${JSON.stringify(absolute)});`,
    ].join('\n');
    const blobUrl = URL.createObjectURL(new Blob([source], { type: 'application/javascript' }));
    super(blobUrl, options);
    // The worker has fetched the blob once it starts; the URL is not needed after that.
    setTimeout(() => URL.revokeObjectURL(blobUrl), 30_000);
  }
}
