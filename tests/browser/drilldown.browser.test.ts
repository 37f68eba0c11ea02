/**
 * The matrix panel's drill-down fits its drawer at every window width: nothing inside the drawer reaches past
 * its right edge, and nothing scrolls sideways except an element that says it scrolls (overflow-x auto/scroll) or a
 * one-line label cut with a visible ellipsis.
 * Built panels (dist/) in Chromium through the sandbox host, on the engine's frames for scenario 1, with the
 * drift signal given a long name (a raw selector, as drift rows were named before legends) to stress the layout.
 */
import { Browser, Page } from 'playwright-core';
import { startSandbox, Sandbox } from '../../sandbox/server';
import { launchChromium, openPage, screenshot } from './lib/browser';
import { scenarioFixture } from './panelsFixtures';

jest.setTimeout(180_000);

const A = 'cache_miss_ratio';
const B = 'feature_drift:user_ctr_7d';
/** What a drift row was called before legends: long, no spaces to break at. */
const LONG_B =
  'recsys_feature_value{namespace="recsys",model="ranker-v3",feature="session_length_seconds"} drift (psi)';

let sandbox: Sandbox;
let browser: Browser;
let framesJson: string;
let cellOrder: { order: number[]; names: string[] };

beforeAll(async () => {
  [sandbox, browser] = await Promise.all([startSandbox({}), launchChromium()]);
  framesJson = JSON.stringify(scenarioFixture().frames)
    .split(JSON.stringify(B).slice(1, -1))
    .join(JSON.stringify(LONG_B).slice(1, -1));
  const matrix = (
    JSON.parse(framesJson) as Array<{
      schema?: { meta?: { custom?: { kind?: string; order: number[]; signals: Array<{ name: string }> } } };
    }>
  ).find((f) => f.schema?.meta?.custom?.kind === 'infradrift-matrix')!.schema!.meta!.custom!;
  cellOrder = { order: matrix.order, names: matrix.signals.map((s) => s.name) };
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

async function openDrillDown(page: Page, width: number) {
  await page.evaluate(({ json, ...req }) => (window as any).sandbox.renderPanel({ ...req, frames: JSON.parse(json) }), {
    id: 'm',
    path: 'panels/matrix',
    title: 'Correlation matrix',
    json: framesJson,
    options: {},
    width: Math.min(1100, width - 40),
    height: 700,
  });
  await page.locator('#m [data-testid="infradrift-matrix-base"][data-last-draw-ms]').waitFor({ timeout: 30_000 });
  const overlay = page.locator('#m [data-testid="infradrift-matrix-overlay"]');
  const layout = JSON.parse((await overlay.getAttribute('data-layout'))!) as {
    gridX: number;
    gridY: number;
    cell: number;
  };
  const pos = (name: string) => cellOrder.order.indexOf(cellOrder.names.indexOf(name));
  const box = (await overlay.boundingBox())!;
  const [x, y] = [
    box.x + layout.gridX + (pos(LONG_B) + 0.5) * layout.cell,
    box.y + layout.gridY + (pos(A) + 0.5) * layout.cell,
  ];
  // Hover first: the click opens the cell the tooltip is on.
  await page.mouse.move(x, y);
  await page.getByTestId('infradrift-matrix-tooltip').waitFor();
  await page.mouse.click(x, y);
  await page.getByTestId('infradrift-drilldown').waitFor();
  await page.getByTestId('infradrift-drilldown-lag').waitFor();
  // The drawer slides in: measure once every transition on the page has ended (a wrapper still moving in
  // reaches past the window for a frame or two) and the drawer has kept its place for 300 ms.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="infradrift-drilldown"]')!;
    const x = el.getBoundingClientRect().right;
    return new Promise((resolve) => setTimeout(() => resolve(el.getBoundingClientRect().right === x), 300));
  });
}

/** Everything in the drawer that reaches past the content box's right edge, and every sideways overflow that is not a scroller. */
function layoutProblems(page: Page) {
  return page.evaluate(() => {
    const body = document.querySelector('[data-testid="infradrift-drilldown"]')!;
    const box = body.parentElement!; // the Drawer's padded content box
    const style = getComputedStyle(box);
    const rect = box.getBoundingClientRect();
    const right = rect.right - parseFloat(style.paddingRight) + 0.5;
    const left = rect.left + parseFloat(style.paddingLeft) - 0.5;
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''} "${(el.textContent ?? '').slice(0, 40)}"`;
    const scroller = (el: Element): boolean => {
      for (let p: Element | null = el.parentElement; p && p !== body; p = p.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) {
          return true;
        }
      }
      return false;
    };
    const out: string[] = [];
    for (const el of [body, ...Array.from(body.querySelectorAll('*'))]) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) {
        continue;
      }
      if ((r.right > right || r.left < left) && !scroller(el)) {
        out.push(
          `${describe(el)} spans ${Math.round(r.left)}..${Math.round(r.right)} outside ${Math.round(left)}..${Math.round(right)}`
        );
      }
      const { overflowX, textOverflow } = getComputedStyle(el);
      // Allowed: a scroller, and a one-line label cut with a visible ellipsis (its full text stays in the DOM and its title).
      const ellipsis = overflowX === 'hidden' && textOverflow === 'ellipsis';
      if (
        el instanceof HTMLElement &&
        el.scrollWidth > el.clientWidth + 1 &&
        !['auto', 'scroll'].includes(overflowX) &&
        !ellipsis
      ) {
        out.push(`${describe(el)} overflows sideways (${el.scrollWidth} > ${el.clientWidth})`);
      }
    }
    // The drawer itself must not scroll sideways either.
    for (let p: Element | null = body.parentElement; p && p !== document.body; p = p.parentElement) {
      if (p.scrollWidth > p.clientWidth + 1 && getComputedStyle(p).overflowX !== 'hidden') {
        out.push(`drawer ancestor ${describe(p)} scrolls sideways (${p.scrollWidth} > ${p.clientWidth})`);
      }
    }
    return out;
  });
}

describe.each(['dark', 'light'])('%s theme', (theme) => {
  it.each([
    [1400, 1000],
    [1024, 800],
    [768, 1000],
    [420, 1400],
  ])('at %i x %i the drill-down fits its drawer', async (width, height) => {
    const { page, problems } = await openPage(browser, `${sandbox.url}?theme=${theme}`, { width, height });
    await openDrillDown(page, width);
    expect(await layoutProblems(page)).toEqual([]);
    // Long names stay whole where they are read in full (the sentence, the title), shortened only inside charts.
    expect(await page.getByTestId('infradrift-drilldown-sentence').textContent()).toContain(LONG_B);
    if (width !== 420) {
      await screenshot(page, `panels-drilldown-${width}-${theme}`);
    } else {
      await screenshot(page, `panels-drilldown-narrow-${theme}`);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
