/**
 * The built plugin (dist/) loads the way Grafana loads it: AMD modules whose shared dependencies
 * come from the host, in both themes, without a console error.
 */
import { Browser } from 'playwright-core';
import { startSandbox, Sandbox } from '../../sandbox/server';
import { launchChromium, openPage, screenshot } from './lib/browser';

jest.setTimeout(120_000);

let sandbox: Sandbox;
let browser: Browser;

beforeAll(async () => {
  sandbox = await startSandbox({ cdnPort: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

const MODULES: Array<[string, string]> = [
  ['', 'AppPlugin'],
  ['datasource', 'DataSourcePlugin'],
  ['panels/matrix', 'PanelPlugin'],
  ['panels/lag', 'PanelPlugin'],
];

describe.each([
  ['same origin', () => sandbox.url],
  ['CDN origin', () => `${sandbox.url}?cdn=${encodeURIComponent(sandbox.cdnUrl!)}`],
])('built modules from the %s', (_label, pageUrl) => {
  it('loads all four modules through AMD with the host’s shared dependencies', async () => {
    const { page, problems } = await openPage(browser, pageUrl());
    const kinds = await page.evaluate(async (modules) => {
      const sb = (window as any).sandbox;
      const out: Record<string, string> = {};
      for (const [path] of modules) {
        out[path || 'app'] = await sb.pluginKind(path);
      }
      return out;
    }, MODULES);
    // instanceof holds only if the plugin's @grafana/data is the host's: shared, not bundled.
    expect(kinds).toEqual({ app: 'AppPlugin', datasource: 'DataSourcePlugin', 'panels/matrix': 'PanelPlugin', 'panels/lag': 'PanelPlugin' });
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe.each(['dark', 'light'])('%s theme', (theme) => {
  it('renders the app page and both panels in their empty states', async () => {
    const { page, problems } = await openPage(browser, `${sandbox.url}?view=gallery&theme=${theme}`);
    await page.getByTestId('infradrift-app-root').waitFor();
    await page.getByTestId('infradrift-panel-message').nth(1).waitFor();
    await expect(page.getByTestId('infradrift-app-root').textContent()).resolves.toContain('InfraDrift');
    const messages = await page.getByTestId('infradrift-panel-message').allTextContents();
    expect(messages).toHaveLength(2);
    messages.forEach((m) => expect(m).toContain('No data'));
    // Grafana's theme reached the page: GlobalStyles paints the body dark or light.
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    expect(theme === 'dark' ? luminance < 40 : luminance > 200).toBe(true);
    await screenshot(page, `foundation-gallery-${theme}`);
    expect(problems).toEqual([]);
    await page.close();
  });
});

it('instantiates the data source with the host DataSourceSrv; without a default source it says what is missing', async () => {
  const { page, problems } = await openPage(browser, sandbox.url);
  const result = await page.evaluate(async () => {
    const sb = (window as any).sandbox;
    await sb.createDataSource('datasource', 'infradrift', 'InfraDrift', {});
    const found = await sb.dataSourceSrv.get({ uid: 'infradrift' });
    const response = await sb.runQuery('infradrift', [{ refId: 'A' }], { from: Date.now() - 3600e3, to: Date.now() });
    const test = await found.testDatasource();
    return { type: found.type, error: response.error?.message, test: test.message };
  });
  expect(result.type).toBe('infradrift-correlation-datasource');
  expect(result.error).toMatch(/no data source chosen, and the InfraDrift data source has no default source/);
  expect(result.test).toMatch(/Choose a default source data source/);
  expect(problems).toEqual([]);
  await page.close();
});
