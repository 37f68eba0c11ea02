/**
 * The sandbox host's web server (development and tests only; not part of the plugin).
 *
 *   GET /                         the host page (index.html)
 *   GET /a/<app id>/...           the host page too: it renders the app's page at that URL, as Grafana does
 *   GET /host.js                  the bundled host (shared dependencies + AMD loader)
 *   GET /public/plugins/<app id>/ the built plugin from dist/, where Grafana serves plugins
 *   GET /api/prom/*               proxy to a Prometheus, for the test's Prometheus stand-in
 *   second port (optional)        dist/ again, from another origin, with CORS: a CDN stand-in
 *
 * `?csp=no-blob-worker` on the page URL sends a Content-Security-Policy that forbids blob: workers;
 * `?csp=no-wasm` one that forbids compiling WebAssembly, `?csp=wasm` one that allows it (contentSecurityPolicy).
 * `?cores=N` makes the page report N logical processors (host/index.tsx): `?cores=1` runs without the helper worker.
 * Every handler runs inside `safeHandler`: a URL that does not decode answers 400, a sandbox bug 500,
 * and the process (in the demo, the one that owns Prometheus) carries on.
 */
import fs from 'fs';
import http from 'http';
import path from 'path';
import { AddressInfo } from 'net';
import { pipeline } from 'stream/promises';
import { safeHandler } from '../simulator/server/safeHandler';
import { buildHost } from './build';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const PUBLIC = path.join(__dirname, 'public');
const PLUGIN_PREFIX = '/public/plugins/infradrift-correlation-app/';

const GRAFANA_ICONS = path.join(ROOT, 'node_modules', '@grafana', 'ui', 'dist', 'public', 'img', 'icons');
const INTER = path.join(ROOT, 'node_modules', '@fontsource', 'inter', 'files');
/** Grafana ships Inter under its own file names; map them to the same font from @fontsource/inter. */
const INTER_WEIGHTS: Record<string, number> = { Light: 300, Regular: 400, Medium: 500, SemiBold: 600, Bold: 700 };

const SPINNER_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 2a10 10 0 1 0 10 10h-2a8 8 0 1 1-8-8z"/></svg>';

const TYPES: Record<string, string> = {
  '.woff2': 'font/woff2',
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
  '.md': 'text/markdown; charset=utf-8',
};

export interface SandboxOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Also serve dist/ from a second origin (0 = free port); undefined = no CDN origin. */
  cdnPort?: number;
  /** Base URL of a Prometheus to proxy under /api/prom/. */
  prometheusUrl?: string;
  /** Extra static folders served under a prefix, e.g. { '/demo/': '/path' }. */
  staticDirs?: Record<string, string>;
}

export interface Sandbox {
  url: string;
  cdnUrl?: string;
  close(): Promise<void>;
}

async function sendFile(res: http.ServerResponse, file: string, headers: Record<string, string> = {}): Promise<void> {
  const resolved = path.resolve(file);
  const stat = await fs.promises.stat(resolved).catch(() => undefined);
  if (!stat?.isFile()) {
    return notFound(res, headers);
  }
  res.writeHead(200, {
    'content-type': TYPES[path.extname(resolved)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
    ...headers,
  });
  // A read error after the headers (file removed, unreadable) rejects here and cuts the response.
  await pipeline(fs.createReadStream(resolved), res);
}

function notFound(res: http.ServerResponse, headers: Record<string, string> = {}): void {
  res.writeHead(404, { 'content-type': 'text/plain', ...headers });
  res.end('not found');
}

/** Maps a URL path under `prefix` to a file under `dir`, refusing anything that escapes `dir`. */
function under(dir: string, prefix: string, urlPath: string): string | undefined {
  const rel = decodeURIComponent(urlPath.slice(prefix.length));
  const file = path.resolve(dir, rel);
  return file.startsWith(dir + path.sep) ? file : undefined;
}

function proxy(target: string, req: http.IncomingMessage, res: http.ServerResponse, strip: string): Promise<void> {
  const url = new URL(req.url!.slice(strip.length), target.endsWith('/') ? target : target + '/');
  return new Promise((resolve, reject) => {
    const upstream = http.request(
      url,
      { method: req.method, headers: { 'content-type': req.headers['content-type'] ?? '' } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, { 'content-type': up.headers['content-type'] ?? 'application/json' });
        pipeline(up, res).then(resolve, reject);
      }
    );
    upstream.on('error', (error) => {
      if (res.headersSent) {
        return reject(error);
      }
      // In the shape of a Prometheus API error, as Grafana's proxy answers when the data source is down.
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'error', errorType: 'proxy', error: error.message }), resolve);
    });
    req.pipe(upstream);
  });
}

/** A 500 is a sandbox bug: say it where the developer looks. */
function logServerError(error: unknown, req: http.IncomingMessage): void {
  process.stderr.write(
    `sandbox: ${req.method} ${req.url} failed: ${error instanceof Error ? error.stack : String(error)}\n`
  );
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * The page's Content-Security-Policy for `?csp=<name>`, like a Grafana with a strict content_security_policy
 * (scripts from our origins only); null without one. A blob: worker inherits the page's policy.
 *   no-blob-worker  no blob: workers (the analysis falls back to the main thread)
 *   no-wasm         blob: workers, but neither 'unsafe-eval' nor 'wasm-unsafe-eval': WebAssembly cannot compile
 *   wasm            as no-wasm plus 'wasm-unsafe-eval'
 */
function contentSecurityPolicy(name: string | null, cdn: string): string | null {
  const byName: Record<string, string> = {
    'no-blob-worker': "'unsafe-eval'",
    'no-wasm': '',
    wasm: "'wasm-unsafe-eval'",
  };
  const scripts = name !== null && Object.hasOwn(byName, name) ? byName[name] : undefined;
  if (scripts === undefined) {
    return null;
  }
  const workers = name === 'no-blob-worker' ? "'self'" : "'self' blob:";
  return `default-src 'self' ${cdn}; script-src 'self' ${cdn} ${scripts}; worker-src ${workers}; style-src 'self' 'unsafe-inline'; img-src 'self' data: ${cdn}; connect-src 'self' ${cdn}`;
}

/** The sandbox's main origin: the host page, the plugin, Grafana's assets, the Prometheus proxy. */
export function createSandboxServer(options: SandboxOptions, hostFile: string, cdnUrl?: string): http.Server {
  return http.createServer(
    safeHandler(async (req, res) => {
      const url = new URL(req.url!, 'http://x');
      const p = url.pathname;
      if (p === '/' || p === '/index.html' || p.startsWith('/a/')) {
        const headers: Record<string, string> = {};
        const csp = contentSecurityPolicy(url.searchParams.get('csp'), cdnUrl ?? '');
        if (csp) {
          headers['content-security-policy'] = csp;
        }
        return sendFile(res, path.join(PUBLIC, 'index.html'), headers);
      }
      if (p === '/favicon.ico') {
        return sendFile(res, path.join(ROOT, 'src', 'img', 'logo.svg'), { 'content-type': 'image/svg+xml' });
      }
      if (p === '/public/build/img/icons/unicons/spinner.svg') {
        // Grafana serves its spinner from its own assets; @grafana/ui's package does not ship it.
        res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'no-store' });
        res.end(SPINNER_SVG);
        return;
      }
      if (p.startsWith('/public/build/img/icons/')) {
        const file = under(GRAFANA_ICONS, '/public/build/img/icons/', p);
        return file ? sendFile(res, file) : notFound(res);
      }
      // Inter-<Weight>.woff2 and Inter-<Weight>Italic.woff2 ("Italic" alone is Regular's).
      const inter = /^\/public\/fonts\/inter\/Inter-(\w*?)(Italic)?\.woff2$/.exec(p);
      const weight = inter ? INTER_WEIGHTS[inter[1] || 'Regular'] : undefined;
      if (inter && weight) {
        return sendFile(res, path.join(INTER, `inter-latin-${weight}-${inter[2] ? 'italic' : 'normal'}.woff2`));
      }
      if (p === '/sandbox.json') {
        // What the page may fetch besides the plugin: an app page opened in the demo looks for the demo's files.
        res.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-store' });
        res.end(JSON.stringify({ staticDirs: Object.keys(options.staticDirs ?? {}) }));
        return;
      }
      if (p === '/host.js') {
        return sendFile(res, hostFile);
      }
      if (p.startsWith(PLUGIN_PREFIX)) {
        const file = under(DIST, PLUGIN_PREFIX, p);
        return file ? sendFile(res, file) : notFound(res);
      }
      if (p.startsWith('/api/prom/') && options.prometheusUrl) {
        return proxy(options.prometheusUrl, req, res, '/api/prom/');
      }
      for (const [prefix, dir] of Object.entries(options.staticDirs ?? {})) {
        if (p.startsWith(prefix)) {
          const file = under(path.resolve(dir), prefix, p);
          return file ? sendFile(res, file) : notFound(res);
        }
      }
      return notFound(res);
    }, logServerError)
  );
}

/** dist/ from another origin with CORS, as a CDN serves plugin assets. */
function createCdnServer(): http.Server {
  return http.createServer(
    safeHandler(async (req, res) => {
      const cors = { 'access-control-allow-origin': '*' };
      const file = under(DIST, '/', new URL(req.url!, 'http://x').pathname);
      return file ? sendFile(res, file, cors) : notFound(res, cors);
    }, logServerError)
  );
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  if (!fs.existsSync(path.join(DIST, 'module.js'))) {
    throw new Error('dist/module.js is missing: run `npm run build` first');
  }
  const hostFile = await buildHost();
  const servers: http.Server[] = [];

  let cdnUrl: string | undefined;
  if (options.cdnPort !== undefined) {
    const cdn = createCdnServer();
    const cdnPort = await listen(cdn, options.cdnPort);
    servers.push(cdn);
    cdnUrl = `http://127.0.0.1:${cdnPort}/`;
  }

  const main = createSandboxServer(options, hostFile, cdnUrl);
  const port = await listen(main, options.port ?? 0);
  servers.push(main);

  return {
    url: `http://127.0.0.1:${port}/`,
    cdnUrl,
    close: () =>
      Promise.all(
        servers.map((s) => new Promise<void>((resolve) => (s.closeAllConnections(), s.close(() => resolve()))))
      ).then(() => undefined),
  };
}

if (require.main === module) {
  const port = Number(process.env.SANDBOX_PORT ?? 3001);
  startSandbox({
    port,
    cdnPort: process.env.SANDBOX_CDN_PORT ? Number(process.env.SANDBOX_CDN_PORT) : undefined,
    prometheusUrl: process.env.PROMETHEUS_URL,
  })
    .then((s) => {
      process.stdout.write(`InfraDrift sandbox: ${s.url}?view=gallery (dark) and ${s.url}?view=gallery&theme=light\n`);
    })
    .catch((error) => {
      process.stderr.write(`sandbox failed to start: ${error.message}\n`);
      process.exit(1);
    });
}
