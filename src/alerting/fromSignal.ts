/**
 * From what a frame says about a signal (the data source's signal definition and the series'
 * provenance in `SignalInfo`) to an alert signal, so a matrix cell or a lag curve becomes a rule.
 * The shapes are structural copies of the data source's, so this module needs no Grafana types.
 */
import type { SignalInfo } from '../shared/frameContract';
import type { AlertSignal, DriftBaseline, DriftScore } from './spec';

/** The fields of the data source's `SignalQuery` that a rule needs. */
export interface SignalDefinition {
  expr: string;
  kind: 'gauge' | 'counter' | 'histogram';
  legendFormat?: string;
  transform?: string;
  by?: string[];
  driftMethod?: string;
  baseline?: 'preceding' | '1d' | '7d' | 'fixed' | 'static';
  baselineFrom?: number;
  baselineTo?: number;
  windowSteps?: number;
}

export interface FromSignalOptions {
  /** The analysis step in seconds (the grid's), to size drift windows. */
  stepSeconds: number;
  /** The engine's summary of the series (mean, std), for exact centring. */
  typical?: { mean: number | null; std: number | null };
  /** The histogram's bucket bounds, when known (PSI needs them). */
  le?: string[];
  /** Drift window in steps when the definition has none (the data source's DEFAULT_DRIFT_WINDOW_STEPS). */
  defaultWindowSteps: number;
}

function baseline(def: SignalDefinition): DriftBaseline {
  switch (def.baseline ?? 'preceding') {
    case '1d':
      return { kind: 'shifted', shiftSeconds: 86_400 };
    case '7d':
      return { kind: 'shifted', shiftSeconds: 604_800 };
    case 'fixed':
      return { kind: 'fixed', from: def.baselineFrom ?? 0, to: def.baselineTo ?? 0 };
    case 'static':
      return { kind: 'static' };
    default:
      return { kind: 'preceding' };
  }
}

/**
 * The alert signal for one series of a signal definition. The series' labels select it (as matchers
 * for selectors, as a label filter for other PromQL). Notices say what the rule computes differently
 * from the analysis (e.g. KS instead of a drift method PromQL cannot compute).
 */
export function alertSignalFrom(
  def: SignalDefinition,
  info: Pick<SignalInfo, 'name' | 'labels'> | undefined,
  options: FromSignalOptions
): { signal: AlertSignal; notices: string[] } {
  const notices: string[] = [];
  const select = Object.fromEntries(Object.entries(info?.labels ?? {}).filter(([k]) => k !== '__name__' && k !== 'le'));
  const typical =
    options.typical && options.typical.mean !== null && options.typical.std !== null
      ? { mean: options.typical.mean, std: options.typical.std }
      : undefined;
  const transform = def.transform === 'log' || def.transform === 'diff' ? def.transform : 'none';
  if (def.transform === 'rollingMean') {
    notices.push(`${info?.name ?? def.expr}: the rolling mean is left out of the rule (it reads the raw signal)`);
  }
  const signal: AlertSignal = {
    expr: def.expr,
    kind: def.kind,
    name: info?.name ?? def.legendFormat ?? def.expr,
    ...(Object.keys(select).length ? { select } : {}),
    ...(transform !== 'none' ? { transform } : {}),
    ...(typical ? { typical } : {}),
  };
  if (def.kind === 'histogram') {
    let score: DriftScore = 'ks';
    if (def.driftMethod === 'psi' && options.le?.length) {
      score = 'psi';
    } else if (def.driftMethod && def.driftMethod !== 'ks') {
      notices.push(
        `${signal.name}: the rule scores drift with KS (exact from cumulative buckets); ${def.driftMethod} ${def.driftMethod === 'psi' ? 'needs the bucket bounds' : 'is not expressible in PromQL'}`
      );
    }
    signal.labels = (def.by ?? []).filter((l) => l !== 'le');
    signal.drift = {
      score,
      windowSeconds: (def.windowSteps ?? options.defaultWindowSteps) * options.stepSeconds,
      baseline: baseline(def),
      ...(score === 'psi' ? { le: options.le } : {}),
    };
  }
  return { signal, notices };
}
