/**
 * Imported first by the analysis worker. The worker loads the engine chunk on demand, by a URL made
 * from webpack's public path; inside a `blob:` worker neither the build's fixed public path nor an
 * automatic one (resolved against the `blob:` URL) points at the plugin's files. `CorsWorker` therefore
 * hands over the folder of the real worker chunk, which is where every chunk lives.
 */
declare let __webpack_public_path__: string;

const handedOver = (self as unknown as { __infradriftPublicPath?: unknown }).__infradriftPublicPath;
if (typeof handedOver === 'string' && handedOver) {
  __webpack_public_path__ = handedOver;
}
