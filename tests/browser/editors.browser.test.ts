/**
 * The data source's query and config editors, built from @grafana/ui, render from the built plugin in
 * both themes with a realistic query (a gauge signal, a histogram signal, a target and a confounder).
 */
import { Browser } from 'playwright-core';
import { startSandbox, Sandbox } from '../../sandbox/server';
import { driftSignal, INFRA } from '../support/scenarioQueries';
import { launchChromium, openPage, screenshot } from './lib/browser';

jest.setTimeout(60_000);

let sandbox: Sandbox;
let browser: Browser;

beforeAll(async () => {
  sandbox = await startSandbox({});
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

it.each(['dark', 'light'])('renders the query and config editors (%s)', async (theme) => {
  const { page, problems } = await openPage(browser, `${sandbox.url}?theme=${theme}`, { width: 1340, height: 760 });
  const query = {
    refId: 'A',
    signals: [INFRA.find((s) => s.legendFormat === 'cache_miss_ratio'), driftSignal('user_ctr_7d')],
    analysis: {
      output: 'matrix',
      method: 'pearson',
      maxLag: 10,
      lagMode: 'target',
      target: 'cache_miss_ratio',
      confounders: ['request_rate'],
      alpha: 0.05,
      adjust: 'fdr_bh',
      autocorrelation: true,
      clustering: 'average',
      includeAligned: false,
    },
  };
  await page.evaluate(async (q) => {
    const sb = (window as any).sandbox;
    sb.registerPrometheus('prom');
    await sb.createDataSource('datasource', 'infradrift', 'InfraDrift', {
      defaultSource: { type: 'prometheus', uid: 'prom' },
    });
    await sb.renderEditors('ed', 'datasource', 'infradrift', q);
  }, query);
  await page.getByTestId('infradrift-analysis-editor').waitFor();
  await page.getByTestId('infradrift-config-editor').waitFor();
  // Both signals are there, the histogram one with its drift settings; the target and confounder show.
  await expect(page.getByLabel('Expression of signal M_user_ctr_7d').inputValue()).resolves.toContain(
    'recsys_feature_value'
  );
  expect(await page.locator('#ed').textContent()).toMatch(/Histogram.*Drift.*PSI.*Baseline/s);
  await expect(page.getByText('request_rate').count()).resolves.toBeGreaterThan(0);
  // The per-query timeout is a setting, with its default as the placeholder.
  await expect(page.getByTestId('infradrift-config-timeout').getAttribute('placeholder')).resolves.toBe('60');
  await screenshot(page, `datasource-editors-${theme}`, '#ed');
  expect(problems).toEqual([]);
  await page.close();
});
