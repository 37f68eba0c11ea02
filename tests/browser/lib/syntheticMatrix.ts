/**
 * The data source's matrix for the sandbox's synthetic source (`signals` series of `points` points, one a
 * minute), read in the page: what the browser tests of the kernel and of the workers compare.
 */
import type { Page } from 'playwright-core';
import { DEFAULT_ANALYSIS } from '../../../src/datasource/query/defaults';

export interface SyntheticMatrix {
  r: Array<number | null>;
  /** The matrix frame's meta.custom.kernel and meta.custom.workers. */
  kernel: string | undefined;
  workers: number | undefined;
  notices: string[];
  error: unknown;
}

/** `queries` runs of the same query (the last one is returned): an earlier one starts the workers. */
export function syntheticMatrix(page: Page, signals: number, points: number, queries = 1): Promise<SyntheticMatrix> {
  return page.evaluate(
    async ({ signals, points, queries, analysis }) => {
      const sb = (window as any).sandbox;
      await sb.createSyntheticInfraDrift(signals, points);
      const to = Date.UTC(2026, 0, 10);
      const target = {
        refId: 'A',
        signals: [{ key: 'A', expr: 'synthetic', role: 'infra', kind: 'gauge', transform: 'none' }],
        analysis,
      };
      const range = { from: to - (points - 1) * 60_000, to };
      for (let i = 1; i < queries; i++) {
        await sb.runQuery('infradrift', [target], range, { summaryOnly: true });
      }
      const response = await sb.runQuery('infradrift', [target], range);
      const matrix = response.frames.find((f: any) => f.schema.meta?.custom?.kind === 'infradrift-matrix');
      const fields = matrix.schema.fields.map((f: any) => f.name);
      return {
        r: matrix.data.values[fields.indexOf('r')],
        kernel: matrix.schema.meta?.custom?.kernel,
        workers: matrix.schema.meta?.custom?.workers,
        notices: response.frames.flatMap((f: any) => f.schema.meta?.notices ?? []).map((n: any) => n.text),
        error: response.error,
      };
    },
    { signals, points, queries, analysis: { ...DEFAULT_ANALYSIS, maxLag: 0 } }
  );
}

/** The largest difference between two r columns (0 where both are null, NaN where only one is). */
export function largestDifference(a: Array<number | null>, b: Array<number | null>): number {
  // A loop, not Math.max(...): a spread of 360,000 arguments overflows the stack.
  let largest = 0;
  a.forEach((v, k) => {
    largest = Math.max(largest, v === null && b[k] === null ? 0 : Math.abs((v ?? NaN) - (b[k] ?? NaN)));
  });
  return largest;
}
