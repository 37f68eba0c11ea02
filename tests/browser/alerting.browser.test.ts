/**
 * "Create alert" from a matrix cell, in Chromium through the sandbox host (which, like a Grafana
 * without alerting, exposes no alert form: the dialog shows the PromQL and both files). Frames are the
 * engine's on simulator scenario 1 (cache eviction storm), with the provenance the data source adds.
 * Needs `npm run build` first.
 */
import { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { startSandbox, Sandbox } from '../../sandbox/server';
import { SIGNALS } from '../../simulator/signals';
import { launchChromium, openPage, screenshot } from './lib/browser';
import { scenarioFixture, ScenarioFixture } from './panelsFixtures';

jest.setTimeout(120_000);

const A = 'cache_miss_ratio';
const B = 'feature_drift:user_ctr_7d';
const HOSTILE = 'x" } {{ $labels }}\n<img src=x onerror=alert(1)>';

interface MatrixJson {
  schema: {
    meta: {
      custom: {
        kind: string;
        order: number[];
        stepMs: number;
        signals: Array<{ name: string; labels: Record<string, string>; provenance?: unknown }>;
      };
    };
  };
}

let sandbox: Sandbox;
let browser: Browser;
let fx: ScenarioFixture;

beforeAll(async () => {
  [sandbox, browser] = await Promise.all([startSandbox({}), launchChromium()]);
  fx = scenarioFixture();
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

/**
 * The scenario's frames with each signal's provenance as the data source reports it: infrastructure
 * signals are gauges (their PromQL), feature drift is the feature's histogram scored with PSI.
 */
function framesWithProvenance(labels: Record<string, Record<string, string>> = {}): unknown[] {
  const frames = JSON.parse(JSON.stringify(fx.frames)) as unknown[];
  const matrix = frames.find((f) => (f as MatrixJson).schema?.meta?.custom?.kind === 'infradrift-matrix') as MatrixJson;
  const { stepMs } = matrix.schema.meta.custom;
  const datasource = { uid: 'prometheus', type: 'prometheus' };
  for (const s of matrix.schema.meta.custom.signals) {
    const feature = /^feature_drift:(.+)$/.exec(s.name)?.[1];
    const expr = SIGNALS.find((d) => d.id === s.name)!.promql;
    s.labels = labels[s.name] ?? s.labels;
    s.provenance = feature
      ? {
          datasource,
          expr: `recsys_feature_value{namespace="recsys",feature="${feature}"}`,
          sentExpr: null,
          kind: 'histogram',
          transforms: [],
          histogramBy: [],
          drift: { method: 'psi', windowMs: 5 * stepMs, baseline: { kind: 'preceding', factor: 4 } },
          stepMs,
        }
      : { datasource, expr, sentExpr: expr, kind: 'gauge', transforms: [{ type: 'none' }], stepMs };
  }
  return frames;
}

async function openCellAlert(page: Page, frames: unknown[], row: string, col: string) {
  // The dashboard range is the scenario's day: the analysis window the rule takes.
  const from = fx.sim.timestamps[0];
  const timeRange = { from, to: from + fx.sim.timestamps.length * fx.stepMs };
  await page.evaluate(
    ({ json, range }) =>
      (window as any).sandbox.renderPanel({
        id: 'm',
        path: 'panels/matrix',
        title: 'Correlation matrix',
        frames: JSON.parse(json),
        options: {},
        width: 1000,
        height: 700,
        timeRange: range,
      }),
    { json: JSON.stringify(frames), range: timeRange }
  );
  const overlay = page.locator('#m [data-testid="infradrift-matrix-overlay"]');
  await page.locator('#m [data-testid="infradrift-matrix-base"][data-last-draw-ms]').waitFor({ timeout: 30_000 });
  const layout = JSON.parse((await overlay.getAttribute('data-layout'))!) as {
    gridX: number;
    gridY: number;
    cell: number;
  };
  const { order, signals } = (
    frames.find((f) => (f as MatrixJson).schema?.meta?.custom?.kind === 'infradrift-matrix') as MatrixJson
  ).schema.meta.custom;
  const pos = (name: string) => order.indexOf(signals.findIndex((s) => s.name === name));
  await overlay.scrollIntoViewIfNeeded();
  const box = (await overlay.boundingBox())!;
  const at = [
    box.x + layout.gridX + (pos(col) + 0.5) * layout.cell,
    box.y + layout.gridY + (pos(row) + 0.5) * layout.cell,
  ] as const;
  await page.mouse.move(...at);
  await page.getByTestId('infradrift-matrix-tooltip').waitFor();
  await page.mouse.click(...at);
  await page.getByTestId('infradrift-drilldown').waitFor();
  // Keyboard: the drill-down's button is reached with Tab like any button; Enter presses it.
  await page.getByTestId('infradrift-create-alert-button').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('infradrift-create-alert').waitFor();
}

/**
 * The page's problems, less the sandbox's missing Roboto Mono (Grafana's monospace font, which
 * Grafana serves and the sandbox has no copy of): the browser reports each such 404 as a console error.
 */
async function watched(url: string) {
  const { page, problems } = await openPage(browser, url, { width: 1300, height: 1000 });
  let fontMisses = 0;
  page.on('response', (r) => {
    if (r.status() === 404 && new URL(r.url()).pathname.startsWith('/public/fonts/roboto/')) {
      fontMisses++;
    }
  });
  const real = () => {
    let skip = fontMisses;
    return problems.filter((p) => !(/Failed to load resource: .*404/.test(p) && skip-- > 0));
  };
  return { page, real };
}

const DIALOG = '[role="dialog"]:has([data-testid="infradrift-create-alert"])';
const text = async (page: Page, id: string) => (await page.getByTestId(id).textContent()) ?? '';

describe.each(['dark', 'light'])('%s theme', (theme) => {
  it(`"Create alert" on ${A} vs ${B} shows the PromQL with the 3m lead and |r| >= 0.7`, async () => {
    const { page, real } = await watched(`${sandbox.url}?theme=${theme}`);
    await openCellAlert(page, framesWithProvenance(), A, B);
    expect(fx.truth.lagSeconds).toBe(180);
    const summary = await text(page, 'infradrift-alert-summary');
    // The lag is the engine's stated lead (q of the best lag at most alpha, peak inside the range).
    expect(summary).toContain(`Pearson r of ${A} and ${B} over the last 1d (${A} leads ${B} by 3m (r = `);
    expect(summary).toMatch(/ at that lag, q [<=] [\d.]+\)\) stays at \|r\| >= 0\.7/);
    const promql = await text(page, 'infradrift-alert-promql');
    // A's PromQL as the simulator's signal table writes it, read 3m earlier (A leads).
    const missRatio = SIGNALS.find((d) => d.id === A)!.promql;
    expect(promql).toContain(missRatio.replace(/\[5m\]/g, '[5m] offset 3m'));
    expect(promql).toContain('recsys_feature_value_bucket{namespace="recsys", feature="user_ctr_7d"');
    const rules = parse(await text(page, 'infradrift-alert-prometheus'));
    const alert = rules.groups[0].rules.find((r: { alert?: string }) => r.alert);
    expect(alert.expr).toMatch(/:r >= 0\.7 or \S+:r <= \(-0\.7\)$/);
    const grafana = parse(await text(page, 'infradrift-alert-grafana'));
    const threshold = grafana.groups[0].rules[0].data.find(
      (d: { model: { type?: string } }) => d.model.type === 'threshold'
    );
    expect(threshold.model.conditions[0].evaluator).toEqual({ type: 'outside_range_included', params: [-0.7, 0.7] });
    await expect(page.getByText(/scores drift with KS/).count()).resolves.toBeGreaterThan(0);
    await screenshot(page, `alerting-create-alert-${theme}`, DIALOG);
    await page.keyboard.press('Escape');
    await page.getByTestId('infradrift-create-alert').waitFor({ state: 'detached' });
    // Escape closed the dialog only; the drill-down stays.
    await expect(page.getByTestId('infradrift-drilldown').count()).resolves.toBe(1);
    expect(real()).toEqual([]);
    await page.close();
  });
});

it('a hostile label stays text in the dialog and data in the PromQL and YAML', async () => {
  const { page, real } = await watched(sandbox.url);
  await openCellAlert(page, framesWithProvenance({ [A]: { pod: HOSTILE } }), A, B);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  const promql = await text(page, 'infradrift-alert-promql');
  // The label reaches PromQL as one string literal; reading it back gives the value (label_replace doubles `$`).
  const literal = /label_replace\(vector\(1\), "pod", ("(?:[^"\\]|\\.)*")/.exec(promql)?.[1];
  expect(literal).toBeDefined();
  expect((JSON.parse(literal!) as string).replace(/\$\$/g, '$')).toBe(HOSTILE);
  for (const id of ['infradrift-alert-prometheus', 'infradrift-alert-grafana']) {
    const doc = parse(await text(page, id));
    const value = (doc.groups as Array<{ rules: Array<{ expr?: string; data?: Array<{ model: { expr?: string } }> }> }>)
      .flatMap((g) => g.rules.flatMap((r) => [r.expr, ...(r.data ?? []).map((d) => d.model.expr)]))
      .filter((e): e is string => typeof e === 'string' && e.includes('label_replace'))
      .map((e) => /label_replace\(vector\(1\), "pod", ("(?:[^"\\]|\\.)*")/.exec(e)![1]);
    expect(value.length).toBeGreaterThan(0);
    value.forEach((v) => expect((JSON.parse(v) as string).replace(/\$\$/g, '$')).toBe(HOSTILE));
  }
  await screenshot(page, 'alerting-create-alert-hostile-label', DIALOG);
  expect(real()).toEqual([]);
  await page.close();
});
