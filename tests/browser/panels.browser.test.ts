/**
 * Matrix and lag panels, built (dist/), in Chromium through the sandbox host, on frames that the real
 * engine computed from simulator scenario 1 (cache eviction storm) in Node. Until the data source's
 * Prometheus-backed path lands, this stands in for "a real Prometheus": same engine, same frames.
 */
import { Browser, Page } from 'playwright-core';
import { startSandbox, Sandbox } from '../../sandbox/server';
import { launchChromium, openPage, screenshot } from './lib/browser';
import { scenarioFixture, ScenarioFixture, syntheticMatrixFrames, timeSeriesFrame } from './panelsFixtures';

jest.setTimeout(120_000);

let sandbox: Sandbox;
let browser: Browser;
let fx: ScenarioFixture;

const XSS = '<img src=x onerror=alert(1)>';
const A = 'cache_miss_ratio';
const B = 'feature_drift:user_ctr_7d';

beforeAll(async () => {
  [sandbox, browser] = await Promise.all([startSandbox({}), launchChromium()]);
  fx = scenarioFixture();
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

type Frames = unknown[];
const kindOf = (f: unknown) => (f as { schema?: { meta?: { custom?: { kind?: string } } } }).schema?.meta?.custom?.kind;
/** The data source's answer for a matrix query: matrix, lag curves and aligned series. */
const matrixFrames = () => fx.frames;
/** Lag frames of the miss ratio against every other signal: what a lag query for one driver returns. */
const lagFrames = () =>
  fx.frames.filter(
    (f) =>
      kindOf(f) === 'infradrift-lag' &&
      (f as unknown as { schema: { meta: { custom: { a: string } } } }).schema.meta.custom.a === A
  );

async function render(
  page: Page,
  id: string,
  path: string,
  frames: Frames,
  size: [number, number],
  options: Record<string, unknown> = {},
  title = 'Panel'
) {
  // Frames go over as one JSON string: Playwright serialises a string ten times faster than the same object.
  await page.evaluate(({ json, ...req }) => (window as any).sandbox.renderPanel({ ...req, frames: JSON.parse(json) }), {
    id,
    path,
    title,
    json: JSON.stringify(frames),
    options,
    width: size[0],
    height: size[1],
  });
}

async function waitForMatrix(page: Page, id: string) {
  await page.locator(`#${id} [data-testid="infradrift-matrix-base"][data-last-draw-ms]`).waitFor({ timeout: 30_000 });
}

/** Centre of the cell (row signal, column signal) in page coordinates, from the canvas' own layout. */
async function cellCentre(page: Page, id: string, row: string, col: string) {
  const overlay = page.locator(`#${id} [data-testid="infradrift-matrix-overlay"]`);
  const layout = JSON.parse((await overlay.getAttribute('data-layout'))!) as {
    gridX: number;
    gridY: number;
    cell: number;
  };
  const matrix = fx.frames.find((f) => kindOf(f) === 'infradrift-matrix') as unknown as {
    schema: { meta: { custom: { order: number[]; signals: Array<{ name: string }> } } };
  };
  const { order, signals } = matrix.schema.meta.custom;
  const pos = (name: string) => order.indexOf(signals.findIndex((s) => s.name === name));
  const box = (await overlay.boundingBox())!;
  return {
    x: box.x + layout.gridX + (pos(col) + 0.5) * layout.cell,
    y: box.y + layout.gridY + (pos(row) + 0.5) * layout.cell,
  };
}

/** The engine's numbers for the pair, from the matrix frame (what the tooltip must show). */
function pairNumbers(row: string, col: string) {
  const m = fx.frames.find((f) => kindOf(f) === 'infradrift-matrix') as unknown as {
    schema: { fields: Array<{ name: string }> };
    data: { values: unknown[][] };
  };
  const col_ = (name: string) => m.data.values[m.schema.fields.findIndex((f) => f.name === name)];
  const k = col_('row').findIndex((r, i) => r === row && col_('column')[i] === col);
  return { r: col_('r')[k] as number, q: col_('q')[k] as number, bestLag: col_('best_lag')[k] as number };
}

describe.each(['dark', 'light'])('%s theme', (theme) => {
  it('renders both panels at two sizes (screenshots)', async () => {
    const { page, problems } = await openPage(browser, `${sandbox.url}?theme=${theme}`, { width: 1800, height: 1900 });
    for (const [label, size] of [
      ['small', [520, 400]],
      ['large', [1100, 760]],
    ] as Array<[string, [number, number]]>) {
      await render(
        page,
        `matrix-${label}`,
        'panels/matrix',
        matrixFrames(),
        size,
        {},
        'Correlation matrix: cache eviction storm'
      );
      await waitForMatrix(page, `matrix-${label}`);
      await screenshot(page, `panels-matrix-${label}-${theme}`, `#matrix-${label}`);
      await render(
        page,
        `lag-${label}`,
        'panels/lag',
        lagFrames(),
        size,
        { maxPairs: label === 'small' ? 4 : 9 },
        `Lag correlation: ${A} against the rest`
      );
      await page.locator(`#lag-${label} [data-testid="infradrift-lag-chart"]`).first().waitFor();
      await screenshot(page, `panels-lag-${label}-${theme}`, `#lag-${label}`);
    }
    await render(
      page,
      'matrix-model-infra',
      'panels/matrix',
      matrixFrames(),
      [900, 300],
      { layout: 'model-infra', significance: 'hatch' },
      'Model x infra'
    );
    await waitForMatrix(page, 'matrix-model-infra');
    await screenshot(page, `panels-matrix-model-infra-${theme}`, '#matrix-model-infra');
    await render(
      page,
      'lag-overlay',
      'panels/lag',
      lagFrames(),
      [800, 420],
      { layout: 'overlay', maxPairs: 5 },
      'Lag correlation overlay'
    );
    await page.locator('#lag-overlay [data-testid="infradrift-lag-legend"]').waitFor();
    await screenshot(page, `panels-lag-overlay-${theme}`, '#lag-overlay');
    const bestText = await page.locator('#lag-large [data-testid="infradrift-best-lag-text"]').allTextContents();
    // The caption may shorten the name on narrow charts, never the lag; its <title> keeps the full sentence.
    expect(bestText.some((t) => t.includes(`${A} leads ${B} by 3m`) && t.includes(' leads by 3m (r = '))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('matrix interaction (scenario 1 ground truth)', () => {
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    ({ page, problems } = await openPage(browser, sandbox.url, { width: 1400, height: 1000 }));
    await render(page, 'm', 'panels/matrix', matrixFrames(), [1100, 760], {}, 'Correlation matrix');
    await waitForMatrix(page, 'm');
  });
  afterAll(() => page.close());

  it(`hovering the ground-truth pair (${A} leads ${B} by ${'3 steps'}) shows its numbers`, async () => {
    expect(fx.truth.lagSeconds).toBe(180);
    const want = pairNumbers(A, B);
    const p = await cellCentre(page, 'm', A, B);
    await page.mouse.move(p.x, p.y);
    const tip = page.getByTestId('infradrift-matrix-tooltip');
    await tip.waitFor();
    const text = (await tip.textContent())!;
    expect(text).toContain(A);
    expect(text).toContain(B);
    expect(await tip.getByTestId('tooltip-r').textContent()).toBe(want.r.toFixed(2));
    expect(await tip.getByTestId('tooltip-best-lag').textContent()).toBe('3m');
    expect(want.bestLag).toBe(fx.truth.lagSeconds);
    expect(text).toContain(`${A} leads ${B} by 3m`);
    expect(want.r).toBeGreaterThan(0.8);
    await screenshot(page, 'panels-matrix-hover', '#m');
  });

  it('click opens the drill-down with series, scatter, lag curve and the sentence; Escape closes it', async () => {
    const p = await cellCentre(page, 'm', A, B);
    await page.mouse.click(p.x, p.y);
    const drawer = page.getByTestId('infradrift-drilldown');
    await drawer.waitFor();
    const sentence = await page.getByTestId('infradrift-drilldown-sentence').textContent();
    const b = B.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // The correlation, then the engine's lead statement: the planted 3m lead is significant, so it is stated.
    expect(sentence).toMatch(
      new RegExp(
        `^${A} and ${b}: r = 0\\.\\d\\d \\(CI 0\\.\\d\\d–0\\.\\d\\d\\), q [=<] [\\d.]+, n_eff \\d+\\. ${A} leads ${b} by 3m \\(r = 0\\.\\d\\d at that lag, q [=<] [\\d.]+\\)\\.$`
      )
    );
    await page.getByTestId('infradrift-drilldown-overlay').waitFor();
    await page.getByTestId('infradrift-drilldown-scatter').waitFor();
    await page.getByTestId('infradrift-drilldown-lag').waitFor();
    expect(await page.getByRole('link', { name: `Explore ${A}` }).getAttribute('href')).toContain('/explore?');
    await screenshot(page, 'panels-matrix-drilldown');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
  });

  it('is keyboard reachable: focus, arrows move the tooltip, Enter opens the drill-down', async () => {
    await page.getByTestId('infradrift-matrix-grid').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const tip = page.getByTestId('infradrift-matrix-tooltip');
    await tip.waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('infradrift-drilldown').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('infradrift-drilldown').waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
  });
});

it('computes from plain time series in the worker; a hostile label renders as text, no dialog, no error', async () => {
  const { page, problems } = await openPage(browser, sandbox.url);
  const miss = fx.series.find((s) => s.id === A)!;
  const drift = fx.series.find((s) => s.id === B)!;
  const cpu = fx.series.find((s) => s.id === 'cpu_usage')!;
  const frames = [
    timeSeriesFrame(A, miss.timestamps as number[], miss.values as number[]),
    timeSeriesFrame(B, drift.timestamps as number[], drift.values as number[], 'B'),
    timeSeriesFrame(XSS, cpu.timestamps as number[], cpu.values as number[], 'C'),
  ];
  await render(page, 'ts', 'panels/matrix', frames, [560, 420], { clusterOrder: false }, 'Time series mode');
  await waitForMatrix(page, 'ts');
  const overlay = page.locator('#ts [data-testid="infradrift-matrix-overlay"]');
  const layout = JSON.parse((await overlay.getAttribute('data-layout'))!) as {
    gridX: number;
    gridY: number;
    cell: number;
  };
  const box = (await overlay.boundingBox())!;
  // Input order (cluster order off): the hostile series is the third row.
  await page.mouse.move(box.x + layout.gridX + 0.5 * layout.cell, box.y + layout.gridY + 2.5 * layout.cell);
  await expect(page.getByTestId('infradrift-matrix-tooltip').textContent()).resolves.toContain(XSS);
  await render(page, 'ts-lag', 'panels/lag', frames, [560, 420], { target: B }, 'Lag, time series mode');
  await page.locator('#ts-lag [data-testid="infradrift-lag-multiple"]').nth(1).waitFor({ timeout: 30_000 });
  await expect(page.locator('#ts-lag').textContent()).resolves.toContain(XSS);
  await screenshot(page, 'panels-timeseries-mode-xss');
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(problems).toEqual([]);
  await page.close();
});

it('renders a 300 x 300 matrix (time goes to bench/panels.bench.ts) and the empty / too-few states', async () => {
  const { page, problems } = await openPage(browser, sandbox.url, { width: 1400, height: 1300 });
  await render(page, 'big', 'panels/matrix', syntheticMatrixFrames(300), [1100, 1100], {}, '300 signals');
  await waitForMatrix(page, 'big');
  await screenshot(page, 'panels-matrix-300', '#big');
  await render(page, 'empty', 'panels/matrix', [], [400, 260], {}, 'Empty');
  await render(
    page,
    'few',
    'panels/lag',
    [timeSeriesFrame('only_one', [1, 2, 3], [1, 2, 3])],
    [400, 260],
    {},
    'One series'
  );
  await expect(page.locator('#empty').textContent()).resolves.toContain('No data');
  await expect(page.locator('#few').textContent()).resolves.toContain('Only 1 series');
  await screenshot(page, 'panels-states');
  expect(problems).toEqual([]);
  await page.close();
});
