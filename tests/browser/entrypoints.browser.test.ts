/**
 * The incident page's entry points as a user meets them: on the sandbox's provisioned dashboard, a
 * panel's "⋮" menu lists the app's "Explain with InfraDrift" link (registered with `addLink`, declared
 * in plugin.json, configured for that panel as Grafana's registry does), reached and followed with the
 * keyboard alone, and it opens `/a/infradrift-correlation-app/incidents` with the panel's own range and
 * queries in the URL. An InfraDrift panel hands over itself (data source, dashboard, panel id).
 * Screenshots of the open menu in both themes.
 */
import fs from 'fs';
import path from 'path';
import { Browser, Page } from 'playwright-core';
import { startDemoStack, DemoStack } from '../../sandbox/demo/stack';
import { parseIncidentSearch } from '../../src/app/incident/incidentUrl';
import { launchChromium, openPage, SCREENSHOT_DIR } from './lib/browser';

jest.setTimeout(150_000);

const ROOT = path.resolve(__dirname, '..', '..');
const INCIDENTS_PATH = '/a/infradrift-correlation-app/incidents';
const LINK_TITLE = 'Explain with InfraDrift';

interface Panel {
  id: number;
  type: string;
  title: string;
  targets?: Array<{ expr?: string; datasource?: { uid: string } }>;
}
const dashboard = JSON.parse(fs.readFileSync(path.join(ROOT, 'provisioning/dashboards/ml-service.json'), 'utf8')) as {
  uid: string;
  panels: Panel[];
  templating: { list: Array<{ name: string; current: { value: string } }> };
};
const panel = (id: number) => dashboard.panels.find((p) => p.id === id)!;
/** A Prometheus time series panel and an InfraDrift matrix panel of the demo dashboard. */
const CACHE_MISSES = panel(11);
const MATRIX = panel(6);

/** The panel's expression with the dashboard's variables at their saved values (what the dashboard shows). */
function shownExpr(p: Panel): string {
  let expr = p.targets![0].expr!;
  for (const v of dashboard.templating.list) {
    expr = expr.split(`$${v.name}`).join(v.current.value);
  }
  return expr;
}

let stack: DemoStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startDemoStack({ port: 0 }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function openDashboard(theme: string) {
  const watched = await openPage(browser, `${stack.url}&theme=${theme}`, { width: 1600, height: 1000 });
  const { page } = watched;
  await page.locator(`#demo-panel-${CACHE_MISSES.id}[data-frames]`).waitFor({ timeout: 60_000 });
  const range = JSON.parse((await page.locator('#demo').getAttribute('data-range'))!) as { from: number; to: number };
  return { ...watched, range };
}

/** Tab from the top of the page until the panel's menu button has focus: the menu is reachable by keyboard. */
async function tabTo(page: Page, label: string) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) === label) {
      return;
    }
  }
  throw new Error(`"${label}" was not reached with Tab`);
}

function incidentUrl(page: Page) {
  const url = new URL(page.url());
  return { path: url.pathname, state: parseIncidentSearch(url.search) };
}

describe.each(['dark', 'light'])('%s theme: a panel menu opens the incident page', (theme) => {
  it('lists "Explain with InfraDrift" and follows it by keyboard with the panel’s range and queries', async () => {
    const { page, problems, range } = await openDashboard(theme);
    const label = `Menu for panel ${CACHE_MISSES.title}`;
    await tabTo(page, label);
    await page.keyboard.press('Enter');
    const item = page.getByRole('menuitem', { name: LINK_TITLE });
    await item.waitFor();

    // The pointer over the panel shows its menu button beside the open menu (PanelChrome shows it on hover).
    await page.locator(`#demo-panel-${CACHE_MISSES.id}`).hover({ position: { x: 40, y: 60 } });
    const panelBox = (await page.locator(`#demo-panel-${CACHE_MISSES.id}`).boundingBox())!;
    const menuBox = (await page.getByRole('menu').boundingBox())!;
    const left = Math.min(panelBox.x, menuBox.x) - 8;
    const top = Math.min(panelBox.y, menuBox.y) - 8;
    await page.screenshot({
      path: screenshotPath(`panel-menu-explain-${theme}`),
      clip: {
        x: Math.max(0, left),
        y: Math.max(0, top),
        width: Math.max(panelBox.x + panelBox.width, menuBox.x + menuBox.width) + 8 - Math.max(0, left),
        height: Math.max(panelBox.y + panelBox.height, menuBox.y + menuBox.height) + 8 - Math.max(0, top),
      },
    });

    // Arrow keys walk the menu's items; Enter follows the focused link.
    for (let i = 0; i < 5 && !(await item.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === INCIDENTS_PATH);
    await page.waitForSelector('body[data-ready="true"]');

    const { path: at, state } = incidentUrl(page);
    expect(at).toBe(INCIDENTS_PATH);
    expect({ from: state.from, to: state.to }).toEqual({ from: String(range.from), to: String(range.to) });
    expect(state.source).toBe(CACHE_MISSES.targets![0].datasource!.uid);
    expect(state.exprs).toEqual([shownExpr(CACHE_MISSES)]);
    expect(new URL(page.url()).searchParams.get('theme')).toBe(theme);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('an InfraDrift panel', () => {
  it('hands over its data source, dashboard and panel id', async () => {
    const { page, problems, range } = await openDashboard('dark');
    await page.locator(`#demo-panel-${MATRIX.id} [data-testid="infradrift-matrix-grid"]`).waitFor({ timeout: 60_000 });
    await page.locator(`#demo-panel-${MATRIX.id}`).hover();
    await page.getByRole('button', { name: `Menu for panel ${MATRIX.title}` }).click();
    await page.getByRole('menuitem', { name: LINK_TITLE }).click();
    await page.waitForURL((url) => url.pathname === INCIDENTS_PATH);

    const { state } = incidentUrl(page);
    expect(state).toMatchObject({
      from: String(range.from),
      to: String(range.to),
      ds: MATRIX.targets![0].datasource!.uid,
      dashboard: dashboard.uid,
      panel: MATRIX.id,
      exprs: [],
    });
    expect(problems).toEqual([]);
    await page.close();
  });
});

/** Where a clipped screenshot goes: the folder `screenshot()` writes to. */
function screenshotPath(name: string): string {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return path.join(SCREENSHOT_DIR, `${name}.png`);
}
