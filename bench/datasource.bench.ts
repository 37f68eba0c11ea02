/**
 * Data source benchmark in Chromium (built dist/ required: `npm run build` first).
 *
 * 500 signals x 2,000 points from a synthetic data source: time from `query()` to frames, and the
 * longest main-thread task meanwhile (PerformanceObserver 'longtask'), with the analysis in the Web
 * Worker (alone, as on one core: at this size the engine does not split the matrix) and, in the same run,
 * forced onto the main thread (a page whose CSP forbids blob: workers); then 1,000 signals, a page's later
 * query, with the helper worker that its first query started and on one core. The table says how many
 * workers computed the matrix's Gram product (the matrix frame's meta.custom.workers).
 * Goals (issue "Speed"): query() to frames at most 0.4 s, and no main-thread task over 50 ms with the worker.
 * The synthetic source's own time (it generates the series on every query, as an upstream would parse
 * its response) is printed apart, so InfraDrift's share can be read: query() to frames minus upstream.
 */
import { startSandbox } from '../sandbox/server';
import { launchChromium, openPage } from '../tests/browser/lib/browser';
import { formatTable, ms } from './lib/table';
import { DEFAULT_ANALYSIS } from '../src/datasource/query/defaults';

const SIGNALS = 500;
/** Signals of the two-worker rows: 1000*1001/2*2000 = 1.0 G multiply-adds, well above the split floor. */
const BIG = 1000;
const POINTS = 2000;
const RUNS = 3;
const GOAL_MS = 50;

interface Sample {
  totalMs: number;
  upstreamMs: number;
  longestTaskMs: number;
  tasksOver50: number;
  frames: number;
  notices: string[];
  /** The matrix frame's meta.custom.workers. */
  workers: number | undefined;
}

/**
 * One timed query of `signals` series in a fresh browser, after `earlier` untimed ones (and a pause for the
 * helper worker, which a large first job starts, to load).
 */
async function measureOnce(url: string, earlier: number, signals: number): Promise<Sample> {
  const browser = await launchChromium();
  try {
    const { page } = await openPage(browser, url);
    return await page.evaluate(
      // Runs in the page: everything it uses comes in as this argument (the analysis too).
      async ({ signals, points, analysis, earlier }) => {
        const sb = (window as any).sandbox;
        await sb.createSyntheticInfraDrift(signals, points);
        const to = Date.UTC(2026, 0, 10);
        const from = to - (points - 1) * 60_000;
        const target = {
          refId: 'A',
          signals: [{ key: 'A', expr: 'synthetic', role: 'infra', kind: 'gauge', transform: 'none' }],
          analysis,
        };
        for (let i = 0; i < earlier; i++) {
          await sb.runQuery('infradrift', [target], { from, to }, { summaryOnly: true });
          await new Promise((r) => setTimeout(r, 500));
        }
        const tasks: number[] = [];
        const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
        observer.observe({ type: 'longtask', buffered: false });
        const t0 = performance.now();
        const response = await sb.runQuery('infradrift', [target], { from, to }, { summaryOnly: true });
        const totalMs = performance.now() - t0;
        await new Promise((r) => setTimeout(r, 100)); // let the observer deliver the last entries
        observer.disconnect();
        const notices = response.notices;
        return {
          totalMs,
          upstreamMs: (await sb.syntheticQueryMs()) ?? NaN,
          longestTaskMs: Math.max(0, ...tasks),
          tasksOver50: tasks.filter((d) => d > 50).length,
          frames: response.frameCount,
          notices,
          workers: response.workers,
        };
      },
      { signals, points: POINTS, analysis: { ...DEFAULT_ANALYSIS, maxLag: 0 }, earlier }
    );
  } finally {
    await browser.close();
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export async function run(): Promise<void> {
  const sandbox = await startSandbox({});
  try {
    const rows: string[][] = [];
    const medians: Record<string, { total: number; upstream: number; longest: number }> = {};
    // The goals are for the first three rows (500 signals). At 1,000 signals the matrix is large enough to
    // split (worthSplitting): its later queries have the helper that the first one started.
    for (const [label, url, earlier, signals] of [
      ['worker', sandbox.url, 0, SIGNALS],
      ['worker, one core (no helper)', `${sandbox.url}?cores=1`, 0, SIGNALS],
      ['main thread (CSP fallback)', `${sandbox.url}?csp=no-blob-worker`, 0, SIGNALS],
      [`${BIG} signals, a later query`, sandbox.url, 1, BIG],
      [`${BIG} signals, one core, a later query`, `${sandbox.url}?cores=1`, 1, BIG],
    ] as const) {
      const samples: Sample[] = [];
      for (let i = 0; i < RUNS; i++) {
        samples.push(await measureOnce(url, earlier, signals));
      }
      const mainThread = samples[0].notices.some((n) => /main thread/.test(n));
      medians[label] = {
        total: median(samples.map((s) => s.totalMs)),
        upstream: median(samples.map((s) => s.upstreamMs)),
        longest: median(samples.map((s) => s.longestTaskMs)),
      };
      rows.push([
        label,
        mainThread ? 'main thread' : 'worker',
        ms(medians[label].total),
        ms(medians[label].upstream),
        ms(median(samples.map((s) => s.totalMs - s.upstreamMs))),
        // The longtask API reports only tasks over 50 ms.
        medians[label].longest > 0 ? ms(medians[label].longest) : 'none > 50 ms',
        String(median(samples.map((s) => s.tasksOver50))),
        String(samples[0].frames),
        [...new Set(samples.map((s) => String(s.workers ?? 'none')))].join(', '),
      ]);
    }
    console.log(
      `InfraDrift data source, ${SIGNALS} signals (or as the row says) x ${POINTS} points, Pearson matrix + FDR + clustering, median of ${RUNS} runs in Chromium`
    );
    console.log(
      formatTable([
        [
          'mode',
          'computed on',
          'query() to frames',
          'upstream source',
          'InfraDrift (rest)',
          'longest main-thread task',
          'tasks > 50 ms',
          'frames',
          'matrix workers',
        ],
        ...rows,
      ])
    );
    const w = medians.worker;
    const later = medians[`${BIG} signals, a later query`];
    const aloneLater = medians[`${BIG} signals, one core, a later query`];
    const m = medians['main thread (CSP fallback)'];
    const workerLongest = w.longest > 0 ? `${ms(w.longest)} ms` : `no task over ${GOAL_MS} ms`;
    console.log(
      `query() to frames with the worker: ${ms(w.total)} ms; goal at most 400 ms -> ${w.total <= 400 ? 'met' : 'NOT met'}`
    );
    console.log(
      `matrix workers: the matrix frame's meta.custom.workers (2: the analysis worker and its helper shared the Gram ` +
        `product; a page's first large job starts the helper, so later queries have it). At ${BIG} signals a later ` +
        `query took ${ms(later.total)} ms with the helper, ${ms(aloneLater.total)} ms on one core`
    );
    console.log(
      `longest main-thread task: worker ${workerLongest}, main thread ${ms(m.longest)} ms; goal with the worker: no task over ${GOAL_MS} ms -> ${w.longest <= GOAL_MS ? 'met' : 'NOT met'}`
    );
  } finally {
    await sandbox.close();
  }
}

if (require.main === module) {
  run().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
