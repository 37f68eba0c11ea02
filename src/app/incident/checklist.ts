/**
 * The verdict laid out as a model-incident triage checklist: data inputs → predictions → dependencies
 * → resources, then anything else. Pure.
 *
 * Groups are read from the signal's name (and the expression behind it when known), first match wins,
 * in this order:
 *   predictions   score, prediction, predicted, accuracy, precision, recall, auc, f1, conversion, ctr, click
 *                 (a drift score of a prediction is a prediction's drift, so this comes before inputs)
 *   data inputs   feature, input, drift, psi, kolmogorov/ks, wasserstein, missing, null, schema
 *   dependencies  error, 5xx, timeout, latency, retry, fail, unavailable, upstream, dependency
 *   resources     cpu, throttl, memory, mem, oom, gpu, temperature, cache, evict, miss, disk, restart, io
 *   other         everything else (request rate, traffic, custom metrics)
 * Names are heuristics: a signal in the wrong group is still listed, with its own numbers.
 *
 * A row's status, from the signal's change (q across signals) and its link with the target in the
 * incident (q across the target's links), at the compare's alpha:
 *   fail         the verdict names the signal, or it changed and moves with the target;
 *   investigate  it changed, or it moves with the target, but not both;
 *   pass         neither;
 *   unknown      no number for its change (too few points, constant): the reason is shown.
 * For the target itself: fail when it changed, pass when it did not.
 */
import type { CompareResult, SignalChange, TargetLink, Verdict } from '../../stats';

export type ChecklistGroup = 'data' | 'predictions' | 'dependencies' | 'resources' | 'other';
export type RowStatus = 'fail' | 'investigate' | 'pass' | 'unknown';

export const GROUP_ORDER: ChecklistGroup[] = ['data', 'predictions', 'dependencies', 'resources', 'other'];

const GROUP_RULES: Array<[ChecklistGroup, RegExp]> = [
  ['predictions', /score|predict|accuracy|precision|recall|\bauc\b|\bf1\b|conversion|\bctr\b|click/i],
  ['data', /feature|input|drift|\bpsi\b|\bks\b|kolmogorov|wasserstein|missing|null|schema/i],
  ['dependencies', /error|5xx|timeout|latency|retr(y|ies)|fail|unavailable|upstream|dependenc/i],
  ['resources', /cpu|throttl|memory|\bmem|oom|gpu|temperature|cache|evict|miss|disk|restart|\bio\b/i],
];

/** The checklist group of a signal, from its name and the expression behind it. */
export function classifySignal(name: string, expr?: string): ChecklistGroup {
  // Underscores separate words in metric names: read them as spaces so \b matches (`gpu_temp`).
  const text = `${name} ${expr ?? ''}`.replace(/_/g, ' ');
  return GROUP_RULES.find(([, re]) => re.test(text))?.[0] ?? 'other';
}

export interface ChecklistRow {
  id: string;
  name: string;
  status: RowStatus;
  change: SignalChange;
  /** The signal's link with the target (absent for the target itself). */
  link?: TargetLink;
  isTarget: boolean;
}

export interface ChecklistSection {
  group: ChecklistGroup;
  rows: ChecklistRow[];
}

function atOrBelow(v: number | null | undefined, alpha: number): boolean {
  return v !== null && v !== undefined && v <= alpha;
}

/** Status of one row (rules in the header). */
export function rowStatus(
  change: SignalChange,
  link: TargetLink | undefined,
  verdict: Verdict,
  alpha: number
): RowStatus {
  if (change.q === null) {
    return 'unknown';
  }
  const changed = change.q <= alpha;
  if (change.id === verdict.target) {
    return changed ? 'fail' : 'pass';
  }
  if (verdict.named.includes(change.id)) {
    return 'fail';
  }
  const linked = atOrBelow(link?.qIncident, alpha);
  if (changed && linked) {
    return 'fail';
  }
  return changed || linked ? 'investigate' : 'pass';
}

const STATUS_RANK: Record<RowStatus, number> = { fail: 0, investigate: 1, unknown: 2, pass: 3 };

/**
 * The checklist for one verdict: every signal of the compare in its group, groups in triage order
 * (empty groups kept, so the team sees what is not monitored), rows worst first, then by change score.
 */
export function buildChecklist(
  compare: CompareResult,
  verdict: Verdict,
  exprOf: (id: string) => string | undefined = () => undefined
): ChecklistSection[] {
  const links = new Map((compare.links[verdict.target] ?? []).map((l) => [l.other, l]));
  const rows = compare.signals.map((change): ChecklistRow => {
    const link = links.get(change.id);
    return {
      id: change.id,
      name: change.name,
      status: rowStatus(change, link, verdict, compare.alpha),
      change,
      link,
      isTarget: change.id === verdict.target,
    };
  });
  return GROUP_ORDER.map((group) => ({
    group,
    rows: rows
      .filter((r) => classifySignal(r.name, exprOf(r.id)) === group)
      .sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || (b.change.score ?? -1) - (a.change.score ?? -1)),
  }));
}
