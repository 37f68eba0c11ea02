/**
 * The built plugin (dist/) loads the way Grafana loads it: AMD modules whose shared dependencies
 * come from the host, in both themes, without a console error. The app's routed pages are served at
 * the URLs Grafana serves them from (`/a/<app id>/...`): module.js loads them lazily (also from a CDN
 * origin) and renders them inside PluginPage; a path that names no page says so and leads back.
 * The incident page, before any analysis: its states when pieces are missing (no InfraDrift data
 * source, a dashboard that does not exist, a source that fails), a hostile alert name kept as text,
 * and controls that write to the URL from the keyboard (the page against the real engine and
 * Prometheus has its own test).
 */
import { Browser } from 'playwright-core';
import { startSandbox, Sandbox } from '../../sandbox/server';
import { launchChromium, openPage, screenshot } from './lib/browser';

jest.setTimeout(120_000);

const APP = 'a/infradrift-correlation-app';
const HOSTILE = '<img src=x onerror=alert(1)>';

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
    expect(kinds).toEqual({
      app: 'AppPlugin',
      datasource: 'DataSourcePlugin',
      'panels/matrix': 'PanelPlugin',
      'panels/lag': 'PanelPlugin',
    });
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

describe.each(['dark', 'light'])('app route, %s theme', (theme) => {
  it('serves the overview page at the app’s URL, inside PluginPage', async () => {
    const { page, problems } = await openPage(browser, `${sandbox.url}${APP}?theme=${theme}`);
    const overview = page.getByTestId('infradrift-app-root');
    await overview.waitFor();
    await expect(overview.textContent()).resolves.toContain('When a model degrades, InfraDrift tells you whether');
    // The page sits in the host's PluginPage, titled by plugin.json's `includes` page for this URL.
    const chrome = page.getByTestId('sandbox-plugin-page');
    await expect(chrome.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Overview');
    await expect(chrome.locator('[data-testid="infradrift-app-root"]').count()).resolves.toBe(1);
    await screenshot(page, `app-overview-${theme}`);
    expect(problems).toEqual([]);
    await page.close();
  });
});

it('says a path under the app names no page, and its link leads to the overview without reloading', async () => {
  const { page, problems } = await openPage(browser, `${sandbox.url}${APP}/nowhere`);
  await page.getByText('No such page').waitFor();
  await expect(page.getByText('InfraDrift has no page at /a/infradrift-correlation-app/nowhere').count()).resolves.toBe(
    1
  );
  await screenshot(page, 'app-not-found-dark');
  await page.evaluate(() => ((window as unknown as { beforeNavigation: boolean }).beforeNavigation = true));
  await page.getByRole('link', { name: 'Go to the InfraDrift overview' }).click();
  await page.getByTestId('infradrift-app-root').waitFor();
  expect(new URL(page.url()).pathname).toBe(`/${APP}`);
  // Same document: the router moved, the browser did not load a new page.
  await expect(
    page.evaluate(() => (window as unknown as { beforeNavigation?: boolean }).beforeNavigation)
  ).resolves.toBe(true);
  expect(problems).toEqual([]);
  await page.close();
});

it('loads the app’s lazy chunk next to module.js when the plugin is served from a CDN origin', async () => {
  const { page, problems } = await openPage(
    browser,
    `${sandbox.url}${APP}/?cdn=${encodeURIComponent(sandbox.cdnUrl!)}`
  );
  await page.getByTestId('infradrift-app-root').waitFor();
  const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  const fromCdn = scripts
    .filter((u) => u.startsWith(sandbox.cdnUrl!) && /\.js(\?|$)/.test(u))
    .map((u) => new URL(u).pathname);
  // module.js and, beside it, the chunk holding the app's pages.
  expect(fromCdn).toContain('/module.js');
  expect(fromCdn.filter((p) => /^\/\d+\.js$/.test(p)).length).toBeGreaterThan(0);
  expect(problems).toEqual([]);
  await page.close();
});

describe.each(['dark', 'light'])('incident page, %s theme', (theme) => {
  it('says what is missing, keeps a hostile alert name as text, and writes choices to the URL', async () => {
    const url = `${sandbox.url}${APP}/incidents?from=now-1h&to=now&theme=${theme}&alert=${encodeURIComponent(HOSTILE)}`;
    const { page, problems } = await openPage(browser, url);
    const chrome = page.getByTestId('sandbox-plugin-page');
    await page.getByTestId('infradrift-incident-problem').waitFor();
    await expect(chrome.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Incident');
    await expect(page.getByText(/No InfraDrift data source exists/).count()).resolves.toBe(1);
    await expect(page.getByText(`Alert: ${HOSTILE}`, { exact: false }).count()).resolves.toBe(1);
    await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
    await screenshot(page, `incident-no-datasource-${theme}`);

    // An InfraDrift data source whose Prometheus does not answer: the failed source's message.
    await page.evaluate(async () => {
      const sb = (window as any).sandbox;
      sb.registerPrometheus('prom');
      await sb.createDataSource('datasource', 'infra', 'InfraDrift', {
        defaultSource: { uid: 'prom', type: 'prometheus' },
      });
    });
    // The baseline choice, from the keyboard: focus "1 day earlier" and press Space.
    await page.getByLabel('1 day earlier').focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URLSearchParams(window.location.search).get('baseline') === '1d');
    await page.getByText('The data could not be fetched').waitFor({ timeout: 60_000 });
    await screenshot(page, `incident-failed-source-${theme}`);

    expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
    await page.close();
  });
});

it('says a dashboard it is sent to does not exist, in Grafana’s words', async () => {
  const { page, problems } = await openPage(browser, `${sandbox.url}${APP}/incidents?dashboard=gone&panel=3`);
  await page.getByText(/The dashboard "gone" could not be read: Dashboard not found/).waitFor();
  expect(problems).toEqual([]);
  await page.close();
});
