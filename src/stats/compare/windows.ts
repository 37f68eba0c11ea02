import type { CompareBaseline, CompareRequest, EngineWarning, GridResult, WindowRange } from '../contract';
import { DEFAULT_PRECEDING_FACTOR, shiftMs } from '../drift/baseline';

/** A window on the grid: points lo..hi−1 (times start + i·step in (from, to]). */
export interface GridWindow extends WindowRange {
  lo: number;
  hi: number;
}

export interface CompareWindows {
  incident: GridWindow;
  baseline: GridWindow;
}

/** The baseline's time range for an incident (from, to]; the drift baselines' rules (drift/baseline.ts). */
export function baselineWindow(
  spec: CompareBaseline,
  incident: { from: number; to: number }
): { from: number; to: number } {
  const w = incident.to - incident.from;
  switch (spec.kind) {
    case 'fixed':
      return { from: spec.from, to: spec.to };
    case 'shifted': {
      const s = shiftMs(spec.shift);
      return { from: incident.from - s, to: incident.to - s };
    }
    case 'preceding': {
      const k = spec.factor ?? DEFAULT_PRECEDING_FACTOR;
      return { from: incident.from - k * w, to: incident.from };
    }
  }
}

/** Grid points with from < t <= to, clipped to the grid. */
export function onGrid(grid: Pick<GridResult, 'start' | 'stepMs' | 'length'>, from: number, to: number): GridWindow {
  const lo = Math.max(0, Math.floor((from - grid.start) / grid.stepMs) + 1);
  const hi = Math.min(grid.length, Math.floor((to - grid.start) / grid.stepMs) + 1);
  return { from, to, lo, hi: Math.max(lo, hi), points: Math.max(0, hi - lo) };
}

function isBaseline(b: unknown): b is CompareBaseline {
  if (typeof b !== 'object' || b === null) {
    return false;
  }
  const o = b as Record<string, unknown>;
  switch (o.kind) {
    case 'preceding':
      return o.factor === undefined || (typeof o.factor === 'number' && o.factor > 0 && Number.isFinite(o.factor));
    case 'shifted':
      return o.shift === '1d' || o.shift === '7d' || (typeof o.shift === 'number' && o.shift > 0);
    case 'fixed':
      return typeof o.from === 'number' && typeof o.to === 'number' && o.from < o.to;
    default:
      return false;
  }
}

/**
 * Resolves and checks the two windows. Every problem is a COMPARE_WINDOW warning with what to change;
 * null when there is nothing to compare (the section is then left out of the result).
 */
export function compareWindows(
  request: CompareRequest,
  grid: Pick<GridResult, 'start' | 'stepMs' | 'length'>,
  warnings: EngineWarning[]
): CompareWindows | null {
  const warn = (message: string) => warnings.push({ code: 'COMPARE_WINDOW', message });
  const inc = request.incident;
  if (!inc || !Number.isFinite(inc.from) || !Number.isFinite(inc.to) || !(inc.from < inc.to)) {
    warn('compare.incident must be {from, to} in ms with from < to; no comparison made');
    return null;
  }
  const spec = request.baseline ?? { kind: 'preceding', factor: DEFAULT_PRECEDING_FACTOR };
  if (!isBaseline(spec)) {
    warn(
      "compare.baseline must be {kind: 'preceding', factor?}, {kind: 'shifted', shift: '1d' | '7d' | ms} or {kind: 'fixed', from, to}; no comparison made"
    );
    return null;
  }
  const b = baselineWindow(spec, inc);
  if (b.to > inc.from && b.from < inc.to) {
    warn(
      `the baseline (${iso(b.from)} to ${iso(b.to)}) overlaps the incident (${iso(inc.from)} to ${iso(inc.to)}): ` +
        'pick a baseline that ends before the incident starts; no comparison made'
    );
    return null;
  }
  const gridEnd = grid.start + (grid.length - 1) * grid.stepMs;
  const incident = onGrid(grid, inc.from, inc.to);
  const baseline = onGrid(grid, b.from, b.to);
  if (incident.points === 0) {
    warn(
      `the incident window (${iso(inc.from)} to ${iso(inc.to)}) holds no data point: the data run from ${iso(grid.start)} to ${iso(gridEnd)}`
    );
  }
  if (baseline.points === 0) {
    warn(
      `the baseline window (${iso(b.from)} to ${iso(b.to)}) holds no data point: the data run from ${iso(grid.start)} to ${iso(gridEnd)}; ` +
        'query a range that starts earlier or pick another baseline'
    );
  } else if (baseline.from < grid.start - grid.stepMs || baseline.to > gridEnd) {
    warn(
      `the baseline window (${iso(b.from)} to ${iso(b.to)}) is only partly inside the data (${iso(grid.start)} to ${iso(gridEnd)}): ` +
        `${baseline.points} points used`
    );
  }
  return { incident, baseline };
}

function iso(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : String(ms);
}
