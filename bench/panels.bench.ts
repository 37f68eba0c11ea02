/**
 * Panel benchmark (Chromium through the sandbox, built dist/ required: `npm run build` first).
 *
 * - First paint of the matrix panel for 50 / 150 / 300 signals: from `renderPanel` (frames already in the
 *   page) until the base canvas is drawn and the next animation frame has run. Median of 5.
 * - Hover redraw at each size: a mousemove over a new cell; the overlay canvas reports its own draw time
 *   (`data-last-draw-ms`), and we also time event -> next animation frame (React update + overlay draw).
 *   Goal: overlay redraw under 16 ms at 300 x 300.
 *
 * Frames come from the real engine on synthetic correlated signals (tests/browser/panelsFixtures.ts).
 * Shape: exports `run()` like every bench/*.bench.ts; also runnable alone with `npx tsx bench/panels.bench.ts`.
 */
import fs from 'fs';
import path from 'path';
import { startSandbox } from '../sandbox/server';
import { launchChromium, openPage } from '../tests/browser/lib/browser';
import { syntheticMatrixFrames } from '../tests/browser/panelsFixtures';
import { formatTable, ms } from './lib/table';

const SIZES = [50, 150, 300];
const PAINTS = 5;
const HOVERS = 60;
const GOAL_MS = 16;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))];
}

export async function run(): Promise<void> {
  if (!fs.existsSync(path.join(__dirname, '..', 'dist', 'panels', 'matrix', 'module.js'))) {
    console.log('panels bench: dist/ not built; run `npm run build` first');
    return;
  }
  const sandbox = await startSandbox({});
  const browser = await launchChromium();
  const rows: string[][] = [
    [
      'signals',
      'cells',
      'first paint (median)',
      'base draw',
      'hover overlay draw (median / p95)',
      'hover event->frame (median)',
      `goal < ${GOAL_MS} ms`,
    ],
  ];
  try {
    const { page } = await openPage(browser, sandbox.url, { width: 1200, height: 1200 });
    for (const n of SIZES) {
      await page.evaluate(
        (json) => ((window as any).__frames = JSON.parse(json)),
        JSON.stringify(syntheticMatrixFrames(n))
      );
      const paint = await page.evaluate(
        async ({ n, runs }) => {
          const w = window as any;
          const out: Array<{ total: number; base: number }> = [];
          for (let i = 0; i < runs; i++) {
            const id = `bench-${n}-${i}`;
            const t0 = performance.now();
            await w.sandbox.renderPanel({
              id,
              path: 'panels/matrix',
              title: `${n} signals`,
              frames: w.__frames,
              width: 1000,
              height: 1000,
            });
            let canvas: Element | null = null;
            while (
              !(canvas = document.querySelector(`#${id} [data-testid="infradrift-matrix-base"][data-last-draw-ms]`))
            ) {
              await new Promise((r) => setTimeout(r, 1));
            }
            await new Promise((r) => requestAnimationFrame(() => r(null)));
            out.push({ total: performance.now() - t0, base: Number(canvas.getAttribute('data-last-draw-ms')) });
            if (i < runs - 1) {
              document.getElementById(id)!.style.display = 'none';
            }
          }
          return out;
        },
        { n, runs: PAINTS }
      );
      const hover = await page.evaluate(
        async ({ n, moves }) => {
          const overlay = document.querySelector(
            `#bench-${n}-${4} [data-testid="infradrift-matrix-overlay"]`
          ) as HTMLCanvasElement;
          const layout = JSON.parse(overlay.dataset.layout!);
          const box = overlay.getBoundingClientRect();
          const draw: number[] = [];
          const frame: number[] = [];
          for (let i = 0; i < moves; i++) {
            const a = (i * 7) % n;
            const b = (i * 13 + 1) % n;
            const before = overlay.dataset.lastDrawMs;
            const t0 = performance.now();
            overlay.dispatchEvent(
              new MouseEvent('mousemove', {
                bubbles: true,
                clientX: box.left + layout.gridX + (b + 0.5) * layout.cell,
                clientY: box.top + layout.gridY + (a + 0.5) * layout.cell,
              })
            );
            await new Promise((r) => requestAnimationFrame(() => r(null)));
            frame.push(performance.now() - t0);
            if (overlay.dataset.lastDrawMs !== before || i === 0) {
              draw.push(Number(overlay.dataset.lastDrawMs));
            }
          }
          return { draw, frame };
        },
        { n, moves: HOVERS }
      );
      const drawMedian = median(hover.draw);
      rows.push([
        String(n),
        String(n * n),
        `${ms(median(paint.map((p) => p.total)))} ms`,
        `${ms(median(paint.map((p) => p.base)))} ms`,
        `${ms(drawMedian)} / ${ms(p95(hover.draw))} ms`,
        `${ms(median(hover.frame))} ms`,
        drawMedian < GOAL_MS ? 'met' : 'MISSED',
      ]);
    }
  } finally {
    await browser.close();
    await sandbox.close();
  }
  console.log(
    'Matrix panel in Chromium (headless, --disable-gpu), 1000 x 1000 px panel; first paint = renderPanel -> base canvas drawn -> next frame'
  );
  console.log(formatTable(rows));
}

if (require.main === module) {
  run().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
