/**
 * The demo's links to the incident page, one per scenario, with what its verdict reads:
 *   - on the sandbox demo page (`npm run demo`), built at start from the simulator's `/incidents`: the
 *     latest finished incident of each scenario, its window and the quiet time before it as a fixed
 *     baseline (simulator/scenarios/incidentWindow.ts, the rule the verdict tests judge); when the quiet time
 *     is shorter than 15 minutes, a day earlier (a drift score: the 4x longer window before it);
 *   - on the provisioned dashboard (Grafana, docker compose), static links that take the dashboard's
 *     time range as the window (`keepTime`): zoom to the incident's annotation first.
 * Signals come from the demo's main matrix panel (provisioning/dashboards/ml-service.json, panel 6),
 * named as that panel shows them.
 */
import { incidentPath, type IncidentState } from '../../src/app/incident/incidentUrl';
import { incidentWindow } from '../../simulator/scenarios/incidentWindow';
import type { Incident, ScenarioName } from '../../simulator/types';

/** The signal set: the demo's InfraDrift data source, and the dashboard's main matrix panel whose query is reused. */
export const DEMO_SIGNAL_SET = { ds: 'infradrift-demo', dashboard: 'infradrift-ml-service', panel: 6 } as const;

/**
 * What each scenario's verdict is read on (tests/support/incidentScenarios.ts names them by simulator
 * id): the model signal it judges and the request rate partialled out. The matrix panel has no mean
 * latency, so the traffic confounder is read on its p99.
 */
export const SCENARIO_TARGETS: Record<
  ScenarioName,
  { title: string; targets: string[]; controls: string[]; infra?: string[] }
> = {
  'cache-eviction-storm': {
    title: 'Cache eviction storm',
    targets: ['user_ctr_7d drift (psi)', 'conversion rate'],
    controls: ['request rate'],
  },
  'gpu-thermal-throttling': {
    title: 'GPU thermal throttling',
    targets: ['session_length_seconds drift (psi)'],
    controls: ['request rate'],
  },
  'data-drift': { title: 'Data drift', targets: ['user_tenure_days drift (psi)'], controls: ['request rate'] },
  // Latency is judged against the resources: the timeout ratio is another view of the same latency.
  'traffic-confounder': {
    title: 'Traffic confounder',
    targets: ['latency p99'],
    controls: ['request rate'],
    infra: ['cpu throttling', 'memory', 'restarts', 'cache miss ratio', 'gpu temperature'],
  },
  'memory-leak': { title: 'Memory leak', targets: ['user_tenure_days drift (psi)'], controls: ['request rate'] },
};

function state(scenario: ScenarioName): Partial<IncidentState> {
  const { targets, controls, infra = [] } = SCENARIO_TARGETS[scenario];
  return { ...DEMO_SIGNAL_SET, targets, controls, infra };
}

export interface DemoIncidentLink {
  scenario: ScenarioName;
  title: string;
  /** The incident page, app-relative (`/a/<app id>/incidents?...`). */
  href: string;
  incident: { from: number; to: number };
}

/** A drift score is named `<name> drift (<method>)` (driftSeriesName). */
function judgesDrift(scenario: ScenarioName): boolean {
  return SCENARIO_TARGETS[scenario].targets.some((t) => / drift \(\w+\)$/.test(t));
}

/** Shortest quiet time before an incident that can serve as its baseline. */
const MIN_QUIET_MS = 15 * 60_000;

/** Incidents of one scenario that start this close to each other belong to one play of it (the traffic confounder's two surges). */
const SAME_PLAY_MS = 3 * 3_600_000;

/**
 * One link per scenario that has a finished incident by `now`: from its latest play, the longest incident
 * (the traffic confounder plays a large surge and a small one; the small one alone is too short to judge),
 * with its window and baseline.
 */
export function incidentLinks(incidents: readonly Incident[], now: number): DemoIncidentLink[] {
  const sorted = [...incidents].sort((a, b) => a.start - b.start);
  const latest = new Map<ScenarioName, number>();
  const length = (k: number) => sorted[k].end - sorted[k].start;
  sorted.forEach((inc, k) => {
    const current = latest.get(inc.scenario);
    const samePlay = current !== undefined && inc.start - sorted[current].start < SAME_PLAY_MS;
    if (inc.end <= now && (!samePlay || length(k) > length(current!))) {
      latest.set(inc.scenario, k);
    }
  });
  return (Object.keys(SCENARIO_TARGETS) as ScenarioName[])
    .filter((scenario) => latest.has(scenario))
    .map((scenario) => {
      // The window and quiet baseline by the verdict tests' rule. The demo's 6-hour history packs the
      // scenarios close together, so the quiet time before an incident can be minutes: then the baseline is
      // the same window a day earlier (healthy by design: the history's 25-hour lead), except for a drift
      // score, whose own baseline reaches a day back, beyond the backfill: it gets the page's default, the
      // 4x longer window before it.
      const { incident, baseline } = incidentWindow(sorted, latest.get(scenario)!);
      const quietIsLongEnough = baseline.to - baseline.from >= MIN_QUIET_MS;
      const href = incidentPath({
        ...state(scenario),
        from: String(incident.from),
        to: String(incident.to),
        baseline: quietIsLongEnough
          ? { kind: 'fixed', ...baseline }
          : judgesDrift(scenario)
            ? { kind: 'preceding', factor: 4 }
            : { kind: 'shifted', shift: '1d' },
      });
      return { scenario, title: SCENARIO_TARGETS[scenario].title, href, incident };
    });
}

/** A Grafana dashboard link (the dashboard JSON's `links[]`). */
export interface DashboardLink {
  title: string;
  type: 'link';
  url: string;
  tooltip: string;
  icon: 'info';
  keepTime: true;
  includeVars: false;
  targetBlank: false;
  asDropdown: false;
  tags: string[];
}

/** The provisioned dashboard's links: what `links` in provisioning/dashboards/ml-service.json must hold. */
export function dashboardIncidentLinks(): DashboardLink[] {
  return (Object.keys(SCENARIO_TARGETS) as ScenarioName[]).map((scenario) => ({
    title: `Incident: ${SCENARIO_TARGETS[scenario].title}`,
    type: 'link',
    url: incidentPath(state(scenario)),
    tooltip:
      `Zoom to the ${scenario} annotation first: the incident page judges the dashboard's time range against ` +
      `the 4x longer window before it (${SCENARIO_TARGETS[scenario].targets.join(', ')}, controlling for request rate).`,
    icon: 'info',
    keepTime: true,
    includeVars: false,
    targetBlank: false,
    asDropdown: false,
    tags: [],
  }));
}
