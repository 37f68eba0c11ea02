/**
 * Gates: `--fail-above A,B=X` / `--fail-below A,B=X` compare one statistic of the pair (A, B) of a result to a
 * threshold. A gate that cannot be read or evaluated is bad input, never a pass: a CI job must not go green
 * because a series was renamed or a threshold was left empty.
 */
import { pairStats, type AnalyzeResult } from '../src/stats';
import { BadInputError, EXIT, type ExitCode } from './exitCodes';
import { parseNumber } from './parseNumber';

export const GATE_STATS = ['r', 'abs-r', 'p', 'q', 'best-r'] as const;
export type GateStat = (typeof GATE_STATS)[number];

export interface Gate {
  kind: 'above' | 'below';
  a: string;
  b: string;
  threshold: number;
  /** The text as given, for messages. */
  spec: string;
}

/** `A<sep>B=X` -> Gate; the pair is split at the last `=`, so series ids may contain `=`. */
export function parseGate(kind: Gate['kind'], spec: string, sep: string): Gate {
  const usage = `gate '${spec}' must look like A${sep}B=THRESHOLD (e.g. cpu${sep}latency=0.8)`;
  const eq = spec.lastIndexOf('=');
  if (eq <= 0) {
    throw new BadInputError(usage);
  }
  const pair = spec.slice(0, eq);
  const at = pair.indexOf(sep);
  if (sep === '' || at <= 0 || at + sep.length >= pair.length) {
    throw new BadInputError(`${usage}: the pair needs two series ids separated by '${sep}'`);
  }
  const threshold = parseNumber(spec.slice(eq + 1), `gate '${spec}'`);
  return { kind, a: pair.slice(0, at), b: pair.slice(at + sep.length), threshold, spec };
}

/** The gated statistic of a pair: a number, or why there is none. */
export function statOf(result: AnalyzeResult, g: Gate, stat: GateStat): { value: number } | { missing: string } {
  const ps = pairStats(result, g.a, g.b);
  if (!ps) {
    const ids = result.correlation?.ids ?? [];
    const unknown = [g.a, g.b].filter((id) => !ids.includes(id));
    return {
      missing:
        unknown.length > 0
          ? `unknown series ${unknown.map((id) => `'${id}'`).join(', ')} (known: ${ids.join(', ') || 'none'})`
          : 'no correlation section',
    };
  }
  const raw = { r: ps.r, 'abs-r': ps.r === null ? null : Math.abs(ps.r), p: ps.p, q: ps.q, 'best-r': ps.bestR }[stat];
  return raw === null ? { missing: `the pair has no ${stat}${ps.reason ? ` (${ps.reason})` : ''}` } : { value: raw };
}

/** Evaluates every gate, reports each crossing or problem on stderr, returns the worst exit code. */
export function evaluateGates(
  result: AnalyzeResult,
  gates: Gate[],
  stat: GateStat,
  stderr: (text: string) => void
): ExitCode {
  let code: ExitCode = EXIT.OK;
  for (const g of gates) {
    const s = statOf(result, g, stat);
    if ('missing' in s) {
      stderr(`infradrift: gate ${g.spec} cannot be evaluated: ${s.missing}\n`);
      code = EXIT.BAD_INPUT;
    } else if (g.kind === 'above' ? s.value > g.threshold : s.value < g.threshold) {
      stderr(`infradrift: gate crossed: ${stat}(${g.a}, ${g.b}) = ${s.value} is ${g.kind} ${g.threshold}\n`);
      code = code === EXIT.OK ? EXIT.GATE_CROSSED : code;
    }
  }
  return code;
}
