/**
 * @jest-environment node
 */
/**
 * The demo's links to the incident page (sandbox/demo/incidentLinks.ts): the provisioned dashboard holds
 * exactly the links the module writes, every signal a link names is one the demo matrix panel shows,
 * that panel has its verdict line on, and the sandbox demo's links carry each scenario's window and the
 * quiet baseline the verdict tests judge.
 */
import fs from 'fs';
import path from 'path';
import {
  dashboardIncidentLinks,
  DEMO_SIGNAL_SET,
  incidentLinks,
  SCENARIO_TARGETS,
} from '../../sandbox/demo/incidentLinks';
import { histogramName } from '../../src/datasource/pipeline/histogramName';
import { parseIncidentSearch } from '../../src/app/incident/incidentUrl';
import { driftSeriesName } from '../../src/stats';
import { SCENARIOS } from '../../simulator/scenarios';
import type { Incident } from '../../simulator/types';

const dashboard = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '..', '..', 'provisioning', 'dashboards', 'ml-service.json'), 'utf8')
);
const matrix = dashboard.panels.find((p: { id: number }) => p.id === DEMO_SIGNAL_SET.panel);
const query = matrix.targets[0];
/** Names as the matrix shows them: legends for gauges, `<legend> (psi)` for drift (docs/frames.md, Names). */
const shown: string[] = query.signals.map((s: { kind: string; expr: string; by?: string[]; legendFormat: string }) =>
  s.kind === 'histogram'
    ? driftSeriesName(histogramName({ expr: s.expr, labels: {}, by: s.by, legendFormat: s.legendFormat }), 'psi')
    : s.legendFormat
);

const MINUTE = 60_000;
const at = (scenario: Incident['scenario'], startMin: number, endMin: number): Incident => ({
  scenario,
  start: startMin * MINUTE,
  end: endMin * MINUTE,
});

describe('demo incident links', () => {
  it('the provisioned dashboard holds the links the module writes, one per scenario', () => {
    expect(dashboard.uid).toBe(DEMO_SIGNAL_SET.dashboard);
    expect(dashboard.links).toEqual(dashboardIncidentLinks());
    expect(Object.keys(SCENARIO_TARGETS).sort()).toEqual(SCENARIOS.map((s) => s.name).sort());
    for (const link of dashboard.links) {
      const state = parseIncidentSearch(link.url.split('?')[1]);
      expect(state).toMatchObject({ ds: DEMO_SIGNAL_SET.ds, dashboard: DEMO_SIGNAL_SET.dashboard, panel: 6 });
      expect(link.keepTime).toBe(true);
    }
  });

  it('names only signals the demo matrix panel shows, and that panel has its verdict line on', () => {
    expect(matrix.type).toBe('infradrift-matrix-panel');
    for (const { targets, controls } of Object.values(SCENARIO_TARGETS)) {
      for (const name of [...targets, ...controls]) {
        expect({ name, shown: shown.includes(name) }).toEqual({ name, shown: true });
      }
    }
    expect(matrix.options.verdictLine).toBe(true);
    expect(query.analysis.output).toBe('matrix');
    expect(query.analysis.verdict).toEqual({ enabled: true, baseline: 'preceding' });
  });

  it('links the latest finished incident of each scenario with its window and the quiet time before it', () => {
    const incidents = [
      at('cache-eviction-storm', 600, 660),
      at('gpu-thermal-throttling', 700, 760),
      at('data-drift', 800, 900),
      at('cache-eviction-storm', 1000, 1030),
      at('memory-leak', 1100, 1200), // still running at `now`: no link yet
    ];
    const links = incidentLinks(incidents, 1150 * MINUTE);
    expect(links.map((l) => l.scenario)).toEqual(['cache-eviction-storm', 'gpu-thermal-throttling', 'data-drift']);
    const read = (scenario: string) =>
      parseIncidentSearch(links.find((l) => l.scenario === scenario)!.href.split('?')[1]);
    // The later cache incident and the 15 minutes after it; its baseline from 20 min after data drift ended
    // to 10 min before it, at most 3 h.
    expect(read('cache-eviction-storm')).toMatchObject({
      from: String(1000 * MINUTE),
      to: String(1045 * MINUTE),
      baseline: { kind: 'fixed', from: 920 * MINUTE, to: 990 * MINUTE },
      targets: ['user_ctr_7d drift (psi)', 'conversion rate'],
      controls: ['request rate'],
      ...DEMO_SIGNAL_SET,
    });
    // Data drift takes in the last 15 minutes of the incident before it; its quiet time (10 minutes before
    // that one) is too short, and a drift score cannot look a day back in the demo: the 4x window before it.
    expect(read('data-drift')).toMatchObject({
      from: String(745 * MINUTE),
      to: String(915 * MINUTE),
      baseline: { kind: 'preceding', factor: 4 },
      targets: ['user_tenure_days drift (psi)'],
    });
    expect(links.every((l) => l.href.startsWith('/a/infradrift-correlation-app/incidents?'))).toBe(true);
  });

  it("links the longest incident of a scenario's latest play (the large traffic surge, not the small one after it)", () => {
    const incidents = [at('traffic-confounder', 600, 660), at('traffic-confounder', 700, 720)];
    const link = incidentLinks(incidents, 800 * MINUTE)[0];
    expect(link.incident.from).toBe(600 * MINUTE);
  });
});
