import type { SignalChange, TargetLink, Verdict } from '../contract';
import { durationText, pText, rText } from '../lags/leadWords';

/** Said once per result: the verdicts read links, not mechanisms. */
export const CAUTION =
  'These verdicts say what moves with what and who leads; correlation alone does not show that one signal causes another.';

export interface VerdictInput {
  target: SignalChange;
  links: TargetLink[];
  /** Change of every signal by id. */
  changes: ReadonlyMap<string, SignalChange>;
  names: ReadonlyMap<string, string>;
  controls: string[];
  alpha: number;
  minEffective: number;
  stepMs: number;
  /** Points in each window (to say how long a window would be needed). */
  baselinePoints: number;
  incidentPoints: number;
}

/**
 * Smallest |r| in the incident for "moves with": a significant r of 0.1 over a long incident is real but
 * explains 1 % of the variance, too little to name a signal as the reason (0.3 is Cohen's "medium").
 */
export const MIN_LINK_R = 0.3;

/**
 * The target moves with l's signal in the incident: the lead test (lags/leadStatement.ts, which pays for
 * searching every lag) says it leads the target or moves at the same time, |r| there is at least
 * MIN_LINK_R, and r at lag 0 is significant too unless it leads. A peak at the edge of the lag range,
 * a lead of the target over it, or no clear peak do not count.
 */
function movesWith(l: TargetLink, alpha: number): boolean {
  const strong = Math.abs(linkR(l)) >= MIN_LINK_R;
  return strong && (l.lead.kind === 'leads' || (l.lead.kind === 'same-time' && sig(l.qIncident, alpha)));
}

/** The r a link is judged by: at the lead's lag when the other signal leads, else at lag 0. */
function linkR(l: TargetLink): number {
  return (l.lead.kind === 'leads' ? l.lead.bestR : l.rIncident) ?? 0;
}

/** Share of its strength a link must keep once the controls are partialled out. */
export const KEEP_SHARE = 0.5;

const sig = (q: number | null | undefined, alpha: number): boolean => q !== null && q !== undefined && q <= alpha;

/**
 * The decision table (docs/engine.md, "Verdicts"), in this order:
 *
 * | # | condition                                                                  | verdict          |
 * |---|----------------------------------------------------------------------------|------------------|
 * | 1 | target not tested, or q > alpha with < minEffective effective points in a  | `inconclusive`   |
 * |   | window (too little data to say "no change")                                |                  |
 * | 2 | target's change q > alpha                                                  | `no change`      |
 * | 3 | an infrastructure signal X qualifies: X changed (q ≤ α), moves with the     | `infrastructure` |
 * |   | target in the incident (q ≤ α, |r| ≥ 0.3; at its lag if X leads), does not follow it (no |    |
 * |   | significant lead of the target over X), and with controls its partial r    |                  |
 * |   | keeps q ≤ α                                                                |                  |
 * | 4 | such an X exists except that its partial r loses significance              | `confounded`     |
 * | 5 | otherwise (the target changed, no infrastructure signal qualifies)          | `data drift`     |
 */
export function verdict(input: VerdictInput): Verdict {
  const { target, alpha } = input;
  const name = (id: string) => input.names.get(id) ?? id;
  const base = { target: target.id, targetName: target.name, named: [] as string[] };
  const changeLine = `${target.name}: change score ${num(target.score)}, effect ${num(target.effect)} baseline SD, q ${pText(target.q)}`;
  // A change found with few effective points stands (the test already pays for them); "no change" from
  // few effective points would be a lack of power, so it is inconclusive instead.
  const short = shortness(input);
  if (short && (target.q === null || !sig(target.q, alpha))) {
    return {
      ...base,
      kind: 'inconclusive',
      sentence: short.sentence,
      evidence: short.evidence,
      neededMs: short.neededMs,
    };
  }
  if (!sig(target.q, alpha)) {
    return {
      ...base,
      kind: 'no change',
      sentence: `${target.name} did not change against the baseline (q ${pText(target.q)}).`,
      evidence: [changeLine],
    };
  }
  const candidates = input.links.filter(
    (l) => l.role === 'infrastructure' && sig(input.changes.get(l.other)?.q, alpha) && movesWith(l, alpha)
  );
  const hasControls = input.controls.length > 0;
  // The link is kept when its partial r stays significant, of the same sign and at least MIN_LINK_R. A
  // link at the same time must also keep half its strength: a control that explains three quarters of
  // what two signals share at once is the story. A signal that leads the target is spared that share: when
  // the control drives it (traffic → cache misses → imputed features) partialling the control takes out
  // most of a real chain, and the lead is evidence the control alone does not give.
  const keeps = (l: TargetLink) => {
    const r = linkR(l);
    const partial = l.partialR ?? 0;
    const share = l.lead.kind === 'leads' ? 0 : KEEP_SHARE;
    return (
      !hasControls ||
      (sig(l.partialQ, alpha) &&
        Math.sign(partial) === Math.sign(r) &&
        Math.abs(partial) >= Math.max(MIN_LINK_R, share * Math.abs(r)))
    );
  };
  // Strongest first, each link at its own lag (a leading signal by r where it leads).
  const kept = candidates.filter(keeps).sort((a, b) => Math.abs(linkR(b)) - Math.abs(linkR(a)));
  const vanished = candidates.filter((l) => !keeps(l));
  const linkLine = (l: TargetLink) =>
    `${name(l.other)}: r ${rText(l.rIncident)} in the incident (q ${pText(l.qIncident)}), ${rText(l.rBaseline)} in the baseline` +
    (l.partialR !== undefined
      ? `, partial r ${rText(l.partialR)} given ${input.controls.map(name).join(', ')} (q ${pText(l.partialQ)})`
      : '') +
    `; ${l.lead.text}`;
  if (kept.length > 0) {
    const lead = kept.find((l) => l.lead.kind === 'leads');
    const who = kept.slice(0, 3).map((l) => name(l.other));
    return {
      ...base,
      kind: 'infrastructure',
      named: kept.map((l) => l.other),
      sentence:
        `${target.name} changed in the incident and moves with ${list(who)} there` +
        (lead
          ? `; ${name(lead.other)} leads it by ${durationText(Math.abs(lead.lead.bestLag ?? 0), input.stepMs)}`
          : '') +
        '. Look at the infrastructure before retraining.',
      evidence: [changeLine, ...kept.map(linkLine)],
    };
  }
  const controls = confounders(input);
  if (vanished.length > 0 && controls.length > 0) {
    return {
      ...base,
      kind: 'confounded',
      named: controls,
      vanished: vanished.map((l) => l.other),
      sentence:
        `${target.name} moves with ${list(vanished.slice(0, 3).map((l) => name(l.other)))} only through ${list(controls.map(name))}: ` +
        `the link vanishes once ${list(controls.map(name))} is partialled out.`,
      evidence: [changeLine, ...vanished.map(linkLine), ...controlLines(input, controls)],
    };
  }
  return {
    ...base,
    kind: 'data drift',
    sentence:
      `${target.name} changed (q ${pText(target.q)}) and no infrastructure signal that changed moves with it: ` +
      'this looks like real data drift; check the inputs and consider retraining.',
    evidence: [changeLine],
  };
}

/**
 * Controls that can explain the target's links: they changed in the incident and move with the target
 * there without following it (the rule for infrastructure signals, movesWith).
 */
function confounders(input: VerdictInput): string[] {
  return input.links
    .filter((l) => l.role === 'control' && sig(input.changes.get(l.other)?.q, input.alpha) && movesWith(l, input.alpha))
    .map((l) => l.other);
}

function controlLines(input: VerdictInput, controls: string[]): string[] {
  return input.links
    .filter((l) => controls.includes(l.other))
    .map(
      (l) =>
        `${input.names.get(l.other) ?? l.other}: r ${rText(l.rIncident)} with ${input.target.name} in the incident (q ${pText(l.qIncident)})`
    );
}

/** Too few effective points in either window: how long a window would give `minEffective`. */
function shortness(input: VerdictInput): { sentence: string; evidence: string[]; neededMs: number } | null {
  const t = input.target;
  const windows: Array<[string, number | null, number]> = [
    ['baseline', t.nEffBaseline, input.baselinePoints],
    ['incident', t.nEffIncident, input.incidentPoints],
  ];
  for (const [which, nEff, points] of windows) {
    if (t.reason === null && nEff !== null && nEff >= input.minEffective) {
      continue;
    }
    // Points per effective point (1 when unknown), times the effective points needed.
    const perEffective = nEff !== null && nEff > 0 && points > 0 ? points / nEff : 1;
    const neededMs = Math.ceil(input.minEffective * perEffective) * input.stepMs;
    return {
      neededMs,
      sentence:
        `Inconclusive for ${t.name}: the ${which} holds ${nEff === null ? 'too few' : num(nEff)} effective points ` +
        `(at least ${input.minEffective} needed); a ${which} of at least ${durationText(neededMs / input.stepMs, input.stepMs)} is needed.`,
      evidence: [`${t.name}: ${points} points in the ${which}, ${nEff === null ? 'no' : num(nEff)} effective`],
    };
  }
  return null;
}

function num(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v)
    ? '–'
    : Math.abs(v) >= 100
      ? v.toFixed(0)
      : v.toPrecision(2);
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
