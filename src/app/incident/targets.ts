/**
 * Which series get a verdict (targets) and which are partialled out (controls), as engine ids.
 * The URL names signals as people see them; a series is known by its id and its display name, and a
 * drift series also by the label the engine gives it (`<name> drift (psi)`). Defaults: targets are
 * the model-role signals, controls the query's confounders.
 */
import { driftSeriesId, driftSeriesName, type AnalyzeRequest } from '../../stats';
import type { SignalInfo } from '../../shared/frameContract';

export interface NamedSeries {
  id: string;
  /** What the page shows. */
  name: string;
}

/** Every series the request analyses, with its display name (drift series as the engine names them). */
export function seriesOfRequest(request: AnalyzeRequest): NamedSeries[] {
  const plain = request.series.map((s) => ({ id: s.id, name: s.name ?? s.id }));
  const drift = (request.drift?.series ?? []).flatMap((d) => {
    const method = d.methods?.[0] ?? 'psi';
    return [{ id: driftSeriesId(d.id, method), name: driftSeriesName(d.name ?? d.id, method) }];
  });
  return [...plain, ...drift];
}

function lookup(series: NamedSeries[]): (name: string) => string | undefined {
  const map = new Map<string, string>();
  series.forEach((s) => {
    map.set(s.id, s.id);
    map.has(s.name) || map.set(s.name, s.id);
  });
  return (name) => map.get(name);
}

export type RolesResult =
  | { ok: true; targets: string[]; controls: string[]; infrastructure: string[] }
  | { ok: false; message: string; kind: 'no-targets' | 'unknown' };

function listed(names: string[]): string {
  const shown = names.slice(0, 12).map((n) => `"${n}"`);
  return names.length > 12 ? `${shown.join(', ')} and ${names.length - 12} more` : shown.join(', ');
}

/**
 * Engine ids of the targets and controls. Unknown names are an error that lists what is available;
 * a control that is also a target is dropped from the controls (a signal cannot explain itself away).
 */
export function resolveRoles(
  series: NamedSeries[],
  signals: SignalInfo[],
  wanted: { targets: string[]; controls: string[]; confounders: string[]; infra?: string[] }
): RolesResult {
  const idOf = lookup(series);
  const available = series.map((s) => s.name);
  const unknown = (names: string[]) => names.filter((n) => idOf(n) === undefined);
  const missingTargets = unknown(wanted.targets);
  if (missingTargets.length) {
    return {
      ok: false,
      kind: 'unknown',
      message: `No signal is named ${listed(missingTargets)} in this window. Available: ${listed(available)}.`,
    };
  }
  const controlNames = wanted.controls.length ? wanted.controls : wanted.confounders;
  const missingControls = unknown(controlNames);
  if (missingControls.length && wanted.controls.length) {
    return {
      ok: false,
      kind: 'unknown',
      message: `No control signal is named ${listed(missingControls)} in this window. Available: ${listed(available)}.`,
    };
  }
  const modelIds = new Set(signals.filter((s) => s.role === 'model').map((s) => s.name));
  const targets = wanted.targets.length
    ? wanted.targets.map((n) => idOf(n)!)
    : series.filter((s) => modelIds.has(s.id)).map((s) => s.id);
  if (targets.length === 0) {
    return {
      ok: false,
      kind: 'no-targets',
      message:
        'The signal set has no model signal to judge: choose a target (a drift score, accuracy, conversion or any signal you judge the model by).',
    };
  }
  const targetSet = new Set(targets);
  // Default confounders the window lacks are skipped (the query's own setting, not the user's choice here).
  const controls = controlNames
    .map((n) => idOf(n))
    .filter((id): id is string => id !== undefined && !targetSet.has(id));
  // Only infrastructure may be named as infrastructure: other model signals (another feature's drift)
  // moving with the target are not an explanation of it.
  const infraNames = wanted.infra ?? [];
  const missingInfra = unknown(infraNames);
  if (missingInfra.length) {
    return {
      ok: false,
      kind: 'unknown',
      message: `No infrastructure signal is named ${listed(missingInfra)} in this window. Available: ${listed(available)}.`,
    };
  }
  const infraIds = new Set(signals.filter((s) => s.role === 'infra').map((s) => s.name));
  const controlSet = new Set(controls);
  const infrastructure = (
    infraNames.length ? infraNames.map((n) => idOf(n)!) : series.filter((s) => infraIds.has(s.id)).map((s) => s.id)
  ).filter((id) => !targetSet.has(id) && !controlSet.has(id));
  return {
    ok: true,
    targets: [...new Set(targets)],
    controls: [...new Set(controls)],
    infrastructure: [...new Set(infrastructure)],
  };
}
