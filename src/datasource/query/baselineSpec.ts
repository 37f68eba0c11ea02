import type { BaselineSpec } from '../../stats';
import type { SignalQuery } from '../types';

/**
 * The engine's baseline for a histogram signal's editor choice. Throws on a static baseline whose
 * JSON does not parse (the caller reports it).
 */
export function baselineSpec(signal: SignalQuery): BaselineSpec {
  switch (signal.baseline ?? 'preceding') {
    case '1d':
      return { kind: 'shifted', shift: '1d' };
    case '7d':
      return { kind: 'shifted', shift: '7d' };
    case 'fixed':
      return { kind: 'fixed', from: signal.baselineFrom ?? 0, to: signal.baselineTo ?? 0 };
    case 'static':
      return { kind: 'static', distribution: JSON.parse(signal.baselineJson ?? 'null') };
    default:
      return { kind: 'preceding', factor: 4 };
  }
}
