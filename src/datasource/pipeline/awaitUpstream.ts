import type { DataQueryResponse } from '@grafana/data';
import { from, type ObservableInput } from 'rxjs';

/** Rejection of an upstream query that our caller cancelled (panel removed, range changed). */
export class UpstreamCancelled extends Error {
  constructor() {
    super('query cancelled');
    this.name = 'UpstreamCancelled';
  }
}

/** Rejection of an upstream query that did not answer in time; the message names what timed out. */
export class UpstreamTimeout extends Error {
  constructor(what: string, timeoutMs: number) {
    super(
      `${what} did not answer within ${timeoutMs / 1000} s (the data source's query timeout); narrow the query or raise the timeout in the InfraDrift data source settings`
    );
    this.name = 'UpstreamTimeout';
  }
}

export interface UpstreamOptions {
  /** Named in the timeout message, e.g. "signal A (cpu)". */
  what: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * The final answer of a data source's `query()` (a Promise or an Observable that may emit several
 * times). Subscribes itself rather than using `lastValueFrom`, so that a timeout or our own
 * cancellation unsubscribes the upstream query: Grafana's data sources cancel their HTTP request then.
 */
export function awaitUpstream(
  query: () => ObservableInput<DataQueryResponse>,
  { what, timeoutMs, signal }: UpstreamOptions
): Promise<DataQueryResponse> {
  return new Promise<DataQueryResponse>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new UpstreamCancelled());
      return;
    }
    let last: DataQueryResponse | undefined;
    let done = false;
    const finish = (outcome: () => void) => {
      if (done) {
        return;
      }
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      subscription?.unsubscribe();
      outcome();
    };
    const onAbort = () => finish(() => reject(new UpstreamCancelled()));
    const timer = setTimeout(() => finish(() => reject(new UpstreamTimeout(what, timeoutMs))), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    let subscription: { unsubscribe(): void } | undefined;
    try {
      subscription = from(query()).subscribe({
        next: (response) => (last = response),
        error: (error: unknown) => finish(() => reject(error)),
        complete: () => finish(() => resolve(last ?? { data: [] })),
      });
    } catch (error) {
      finish(() => reject(error));
    }
    if (done) {
      // The source answered synchronously: unsubscribe now that the handle exists.
      subscription?.unsubscribe();
    }
  });
}
