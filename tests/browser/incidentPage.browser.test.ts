/**
 * The incident page on real data: Prometheus backfilled with the simulator's timeline (every scenario
 * in turn, seed 1), the sandbox's InfraDrift data source on it, and a dashboard panel holding the
 * scenario signal set (tests/support/incidentScenarios.ts). For each scenario the page opens on the
 * incident's window with the quiet time before it as the baseline, as a link from a panel would, and
 * must show the planted verdict and name the planted signal, in both themes, reachable by keyboard.
 */
import { Browser, Page } from 'playwright-core';
import { startSandbox, Sandbox } from '../../sandbox/server';
import { incidentPath } from '../../src/app/incident/incidentUrl';
import { DEFAULT_END } from '../../simulator/simulate';
import {
  incidentCases,
  scenarioDashboard,
  simulateTimeline,
  targetName,
  TIMELINE_HOURS,
  type IncidentCase,
} from '../support/incidentScenarios';
import { prometheusAvailable, startPrometheus, type RunningPrometheus } from '../support/prometheusServer';
import { launchChromium, openPage, screenshot } from './lib/browser';

jest.setTimeout(300_000);

const DASHBOARD = 'incident-scenarios';
const HOSTILE = '<img src=x onerror=alert(1)>"}\'';
const sim = simulateTimeline(1);
const cases = incidentCases(sim);

let browser: Browser;
let prometheus: RunningPrometheus;
let sandbox: Sandbox;

const run = prometheusAvailable() ? describe : describe.skip;

run('incident page on the five scenarios', () => {
  beforeAll(async () => {
    prometheus = await startPrometheus([{ scenario: 'all', hours: TIMELINE_HOURS, end: DEFAULT_END, seed: 1 }]);
    sandbox = await startSandbox({ prometheusUrl: prometheus.url });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
    await prometheus?.stop();
  });

  /** The app's page with the sandbox's data sources and the scenario dashboard, as Grafana would have them. */
  async function openIncident(
    c: IncidentCase,
    theme: string,
    alert?: string,
    waitFor = 'infradrift-verdict'
  ): Promise<Page> {
    const { page, problems } = await openPage(
      browser,
      `${sandbox.url}a/infradrift-correlation-app/incidents?theme=${theme}`,
      {
        width: 1400,
        height: 1800,
      }
    );
    await page.evaluate(
      async ({ dashboard, uid }) => {
        const sb = (window as any).sandbox;
        sb.registerPrometheus('prom');
        await sb.createDataSource('datasource', 'infradrift', 'InfraDrift', {
          defaultSource: { uid: 'prom', type: 'prometheus' },
        });
        sb.registerDashboard(uid, dashboard);
      },
      { dashboard: scenarioDashboard(sim, DASHBOARD), uid: DASHBOARD }
    );
    if (c.baseline.kind !== 'fixed') {
      throw new Error('the scenario cases use fixed baselines');
    }
    const path = incidentPath({
      from: String(c.incident.from),
      to: String(c.incident.to),
      baseline: { kind: 'fixed', from: c.baseline.from, to: c.baseline.to },
      dashboard: DASHBOARD,
      panel: 1,
      targets: [targetName(c)],
      controls: c.controls,
      infra: c.infrastructure,
      alert,
    });
    await page.evaluate((url) => (window as any).sandbox.navigate(url), `${path}&theme=${theme}`);
    await page.getByTestId(waitFor).first().waitFor({ timeout: 120_000 });
    expect(problems).toEqual([]);
    return page;
  }

  describe.each(['dark', 'light'])('%s theme', (theme) => {
    it.each(cases.map((c) => [c.scenario, c] as [string, IncidentCase]))('%s: the planted verdict', async (_s, c) => {
      const page = await openIncident(c, theme, c.scenario === 'data-drift' ? HOSTILE : undefined);
      const verdict = page.getByTestId('infradrift-verdict').first();
      await expect(verdict.getAttribute('data-kind')).resolves.toBe(c.expected);
      const text = (await verdict.textContent()) ?? '';
      if (c.expectNamed.length > 0) {
        expect(c.expectNamed.some((id) => text.includes(id))).toBe(true);
      }
      if (c.expected === 'data drift') {
        // The hostile alert name stays text, and nothing of it became an element.
        await expect(page.getByText(`Alert: ${HOSTILE}`, { exact: false }).count()).resolves.toBe(1);
        await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
      }
      await screenshot(page, `incident-${c.scenario}-${theme}`);
      await page.close();
    });
  });

  it('too short a window: inconclusive, saying how long a window is needed', async () => {
    const c = cases[0];
    const short = { ...c, incident: { from: c.incident.from, to: c.incident.from + 3 * 60_000 } };
    const page = await openIncident(short, 'dark');
    const verdict = page.getByTestId('infradrift-verdict').first();
    await expect(verdict.getAttribute('data-kind')).resolves.toBe('inconclusive');
    await expect(page.getByTestId('infradrift-verdict-needed').textContent()).resolves.toMatch(/at least \d/);
    await screenshot(page, 'incident-too-short-dark');
    await page.close();
  });

  it('a window with no data says so', async () => {
    const c = cases[0];
    const day = 86_400_000;
    const empty = {
      ...c,
      incident: { from: c.incident.from - 400 * day, to: c.incident.to - 400 * day },
      baseline: { kind: 'fixed' as const, from: c.incident.from - 401 * day, to: c.incident.from - 400 * day - 60_000 },
    };
    const page = await openIncident(empty, 'dark', undefined, 'infradrift-incident-problem');
    await page.getByText('No data in this window').waitFor();
    await page.close();
  });

  it('is operable by keyboard: the baseline choice and the actions are reachable with Tab', async () => {
    const page = await openIncident(cases[0], 'dark');
    const reached: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() =>
          (document.activeElement?.textContent || document.activeElement?.getAttribute('aria-label') || '').trim()
        )
      );
    }
    expect(reached.some((t) => /Open in Explore/.test(t))).toBe(true);
    await page.close();
  });
});
