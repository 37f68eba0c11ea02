/**
 * The incident page as the built plugin serves it at `/a/<app id>/incidents`, before any analysis:
 * its route and title, its states when pieces are missing (no InfraDrift data source, a dashboard that
 * does not exist, a source that fails), a hostile alert name kept as text, and controls that write
 * to the URL from the keyboard. The page against the real engine and Prometheus has its own test.
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
  sandbox = await startSandbox({});
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
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
