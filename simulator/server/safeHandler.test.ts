/**
 * @jest-environment node
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { RequestHandler, safeHandler } from './safeHandler';
import { startLiveServer } from './server';
import { demoTimeline } from './timeline';

async function serve(handler: RequestHandler, onServerError?: (error: unknown) => void) {
  const server = http.createServer(safeHandler(handler, onServerError));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function close(server: http.Server) {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/** A raw GET, the path as written; a cut connection resolves as status 0. */
function get(url: string, urlPath = '/'): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    http
      .get(`${url}${urlPath}`, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
        res.on('error', () => resolve({ status: 0, body }));
      })
      .on('error', () => resolve({ status: 0, body: '' }));
  });
}

describe('safeHandler', () => {
  it('answers a decodeURIComponent error with 400, not an uncaught exception', async () => {
    const { server, url } = await serve((req, res) => {
      res.end(decodeURIComponent(req.url!));
    });
    expect(await get(url, '/%E0%A4%A')).toEqual({ status: 400, body: 'bad request: malformed URL\n' });
    expect(await get(url, '/fine')).toEqual({ status: 200, body: '/fine' });
    await close(server);
  });

  it('answers a handler bug with 500 and its message, reports it, and keeps serving', async () => {
    const reported: unknown[] = [];
    let calls = 0;
    const { server, url } = await serve(
      (_req, res) => {
        if (++calls === 1) {
          throw new Error('boom');
        }
        res.end('ok');
      },
      (error) => reported.push(error)
    );
    expect(await get(url)).toEqual({ status: 500, body: 'boom\n' });
    expect(await get(url)).toEqual({ status: 200, body: 'ok' });
    expect(reported).toEqual([new Error('boom')]);
    await close(server);
  });

  it('answers a rejected async handler with 500', async () => {
    const { server, url } = await serve(async () => {
      await Promise.resolve();
      throw new Error('later');
    });
    expect(await get(url)).toEqual({ status: 500, body: 'later\n' });
    await close(server);
  });

  it('cuts the connection when the handler fails after the answer has started', async () => {
    const { server, url } = await serve(async (_req, res) => {
      res.writeHead(200);
      res.write('partial');
      await new Promise((resolve) => setTimeout(resolve, 10));
      throw new Error('mid-answer');
    });
    expect((await get(url)).status).not.toBe(500);
    expect(server.listening).toBe(true);
    await close(server);
  });
});

it('the live simulator answers a request target that is not a URL with 400 and keeps serving', async () => {
  const anchor = Date.UTC(2025, 0, 13);
  const timeline = demoTimeline({ anchor, historyHours: 0.5, leadHours: 0.1, cycleMinutes: 30 });
  const live = await startLiveServer({ timeline, now: () => anchor });
  const base = live.url.replace(/\/$/, '');
  try {
    expect((await get(base, '//[')).status).toBe(400);
    expect((await get(base, '/healthz')).status).toBe(200);
  } finally {
    await live.close();
  }
});
