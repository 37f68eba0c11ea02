/**
 * @jest-environment node
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createSandboxServer } from '../../sandbox/server';

/** A raw GET: the path goes on the wire as written (fetch would normalize it). */
function get(port: number, urlPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      })
      .on('error', reject);
  });
}

describe('sandbox server', () => {
  let server: http.Server;
  let port: number;
  let files: string;

  beforeAll(async () => {
    files = fs.mkdtempSync(path.join(os.tmpdir(), 'infradrift-sandbox-test-'));
    fs.writeFileSync(path.join(files, 'ok.txt'), 'still serving');
    // Port 9 (discard) on loopback: nothing listens, so the proxy's upstream fails at once.
    server = createSandboxServer(
      { staticDirs: { '/files/': files }, prometheusUrl: 'http://127.0.0.1:9/' },
      path.join(files, 'host.js')
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(files, { recursive: true, force: true });
  });

  it.each([
    ['a broken percent-escape in a plugin file path', '/public/plugins/infradrift-correlation-app/%E0%A4%A'],
    ['a lone percent sign in a static file path', '/files/%'],
    ['a broken percent-escape in an icon path', '/public/build/img/icons/%E0%A4%A.svg'],
    ['a request target that is not a URL', '//['],
  ])('answers %s with 400 instead of dying, and keeps serving', async (_what, malformed) => {
    const answer = await get(port, malformed);
    expect(answer).toEqual({ status: 400, body: 'bad request: malformed URL\n' });
    expect(await get(port, '/files/ok.txt')).toEqual({ status: 200, body: 'still serving' });
  });

  it('serves the page for a malformed query string (the page reads its parameters itself)', async () => {
    expect((await get(port, '/?view=%')).status).toBe(200);
  });

  it('answers 404 for a path that escapes its folder once decoded', async () => {
    expect((await get(port, '/files/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
  });

  it('answers a Prometheus that cannot be reached with a 502 in the API error shape, and keeps serving', async () => {
    const answer = await get(port, '/api/prom/api/v1/query?query=up');
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 'error', errorType: 'proxy' });
    expect((await get(port, '/files/ok.txt')).status).toBe(200);
  });
});
