import type { EngineWarning, TransformSpec } from '../contract';
import { counterRate } from './counterRate';
import { difference } from './difference';
import { logTransform } from './logTransform';
import { rollingMean } from './rollingMean';
import { zScore } from './zScore';

/** Normalises a transform spec (single or chain) into a chain. */
export function toChain(spec: TransformSpec | TransformSpec[] | undefined): TransformSpec[] {
  if (spec === undefined) {
    return [];
  }
  return Array.isArray(spec) ? spec : [spec];
}

/** Short human label for a transform, e.g. "rollingMean(5)". */
export function describeTransform(t: TransformSpec): string {
  switch (t.type) {
    case 'rollingMean':
      return `rollingMean(${t.window})`;
    case 'log':
      return t.offset ? `log(x+${t.offset})` : 'log';
    default:
      return t.type;
  }
}

/**
 * Applies a transform chain to one aligned series, left to right. Unknown transforms are skipped
 * with a warning instead of throwing (bad input never escapes analyze).
 */
export function applyTransforms(
  x: Float64Array,
  chain: TransformSpec[],
  stepMs: number,
  seriesId: string,
  warnings: EngineWarning[]
): { values: Float64Array; applied: string[] } {
  let v = x;
  const applied: string[] = [];
  for (const t of chain) {
    switch (t?.type) {
      case 'none':
        continue;
      case 'diff':
        v = difference(v);
        break;
      case 'rate': {
        const r = counterRate(v, stepMs);
        if (r.resets > 0) {
          warnings.push({
            code: 'COUNTER_RESET',
            message: `${r.resets} counter resets handled (counter assumed to restart at 0)`,
            series: seriesId,
          });
        }
        v = r.values;
        break;
      }
      case 'rollingMean':
        if (!(Number.isFinite(t.window) && t.window >= 1)) {
          warnings.push({
            code: 'UNKNOWN_OPTION',
            message: `rollingMean needs window >= 1 (got ${String(t.window)}); skipped`,
            series: seriesId,
          });
          continue;
        }
        v = rollingMean(v, t.window, t.minPeriods ?? t.window);
        break;
      case 'zscore':
        v = zScore(v);
        break;
      case 'log': {
        const r = logTransform(v, t.offset ?? 0);
        if (r.nonPositive > 0) {
          warnings.push({
            code: 'LOG_NONPOSITIVE',
            message: `${r.nonPositive} non-positive values have no log and became missing`,
            series: seriesId,
          });
        }
        v = r.values;
        break;
      }
      default:
        warnings.push({
          code: 'UNKNOWN_OPTION',
          message: `unknown transform ${JSON.stringify(t)}; skipped`,
          series: seriesId,
        });
        continue;
    }
    applied.push(describeTransform(t));
  }
  return { values: v, applied };
}
