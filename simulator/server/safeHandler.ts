/**
 * One guard for every request handler of the demo's HTTP servers (the simulator's and the sandbox's):
 * whatever a handler throws or rejects with becomes an HTTP error answer, never an uncaught exception
 * that would end the process (and, in the demo, leave Prometheus and its temporary data behind).
 * It lives with the simulator because the simulator's Docker image holds only `simulator/`.
 */
import type http from 'node:http';

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

/** The status a failure answers with: the client's fault (a URL that does not parse or decode) is a 400. */
export function statusOf(error: unknown): number {
  // decodeURIComponent throws URIError on a broken percent-escape; new URL throws ERR_INVALID_URL.
  if (error instanceof URIError || (error as { code?: unknown } | null)?.code === 'ERR_INVALID_URL') {
    return 400;
  }
  return 500;
}

function messageOf(error: unknown, status: number): string {
  if (status === 400) {
    return 'bad request: malformed URL';
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Wraps a handler so that a throw or a rejection answers `statusOf(error)` with the error's message
 * as text. When the answer has already started, the connection is cut instead: the client sees a
 * truncated response rather than a wrong one. `onServerError` hears about 5xx answers (server bugs).
 */
export function safeHandler(
  handler: RequestHandler,
  onServerError?: (error: unknown, req: http.IncomingMessage) => void
): http.RequestListener {
  const fail = (req: http.IncomingMessage, res: http.ServerResponse, error: unknown) => {
    if (res.destroyed || (error as { code?: unknown } | null)?.code === 'ERR_STREAM_PREMATURE_CLOSE') {
      return; // the client went away (a cancelled query): nobody to answer, nothing went wrong here
    }
    const status = statusOf(error);
    if (status >= 500) {
      onServerError?.(error, req);
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`${messageOf(error, status)}\n`);
  };
  return (req, res) => {
    try {
      const done = handler(req, res);
      if (done) {
        done.catch((error: unknown) => fail(req, res, error));
      }
    } catch (error) {
      fail(req, res, error);
    }
  };
}
