/**
 * The verdict frame (docs/frames.md, "Verdict"): one row per target of the engine's compare section,
 * written by the data source and read back by the matrix panel's verdict line.
 */
import { DataFrame, FieldType, createDataFrame } from '@grafana/data';
import type { AnalyzeResult, VerdictKind } from '../../stats';
import { FRAME_CONTRACT_VERSION, FrameKind, VerdictField, type VerdictMeta } from '../frameContract';
import { seriesNames } from './options';

export interface VerdictFrameOptions {
  refId: string;
  baseline: VerdictMeta['baseline'];
  datasourceUid?: string;
}

/** The frame for a result with a compare section; undefined without one (the engine said why in its warnings). */
export function verdictFrame(result: AnalyzeResult, opts: VerdictFrameOptions): DataFrame | undefined {
  const compare = result.compare;
  if (!compare) {
    return undefined;
  }
  const nameOf = seriesNames(result);
  const v = compare.verdicts;
  const custom: VerdictMeta = {
    kind: FrameKind.Verdict,
    version: FRAME_CONTRACT_VERSION,
    incident: { from: compare.incident.from, to: compare.incident.to },
    baseline: opts.baseline,
    alpha: compare.alpha,
    caution: compare.caution,
    ...(opts.datasourceUid ? { datasourceUid: opts.datasourceUid } : {}),
  };
  return createDataFrame({
    refId: opts.refId,
    name: 'Verdict',
    meta: { preferredVisualisationType: 'table', custom },
    fields: [
      { name: VerdictField.Target, type: FieldType.string, values: v.map((x) => x.target) },
      { name: VerdictField.TargetName, type: FieldType.string, values: v.map((x) => x.targetName) },
      { name: VerdictField.Kind, type: FieldType.string, values: v.map((x) => x.kind) },
      { name: VerdictField.Sentence, type: FieldType.string, values: v.map((x) => x.sentence) },
      { name: VerdictField.Named, type: FieldType.other, values: v.map((x) => x.named.map(nameOf)) },
      { name: VerdictField.Evidence, type: FieldType.other, values: v.map((x) => x.evidence.slice()) },
    ],
  });
}

export interface VerdictRow {
  target: string;
  targetName: string;
  kind: VerdictKind;
  sentence: string;
  named: string[];
  evidence: string[];
}

export interface VerdictFrameData {
  meta: VerdictMeta;
  verdicts: VerdictRow[];
}

const KINDS: readonly VerdictKind[] = ['infrastructure', 'data drift', 'confounded', 'inconclusive', 'no change'];

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
}

function isMeta(custom: unknown): custom is VerdictMeta {
  const m = custom as Partial<VerdictMeta> | undefined;
  return (
    m?.kind === FrameKind.Verdict &&
    typeof m.incident?.from === 'number' &&
    typeof m.incident?.to === 'number' &&
    (m.baseline?.kind === 'preceding' || m.baseline?.kind === 'shifted')
  );
}

/**
 * Reads the first verdict frame among `frames`; undefined when there is none or its meta is not a
 * verdict's. Rows with an unknown kind are skipped (a newer writer), never guessed at.
 */
export function readVerdictFrame(frames: DataFrame[]): VerdictFrameData | undefined {
  const frame = frames.find((f) => isMeta(f.meta?.custom));
  if (!frame) {
    return undefined;
  }
  const field = (name: string) => frame.fields.find((f) => f.name === name)?.values ?? [];
  const target = field(VerdictField.Target);
  const targetName = field(VerdictField.TargetName);
  const kind = field(VerdictField.Kind);
  const sentence = field(VerdictField.Sentence);
  const named = field(VerdictField.Named);
  const evidence = field(VerdictField.Evidence);
  const verdicts: VerdictRow[] = [];
  for (let i = 0; i < frame.length; i++) {
    const k = kind[i] as VerdictKind;
    if (!KINDS.includes(k)) {
      continue;
    }
    const id = String(target[i] ?? '');
    verdicts.push({
      target: id,
      targetName: typeof targetName[i] === 'string' ? targetName[i] : id,
      kind: k,
      sentence: typeof sentence[i] === 'string' ? sentence[i] : '',
      named: strings(named[i]),
      evidence: strings(evidence[i]),
    });
  }
  return { meta: frame.meta!.custom as VerdictMeta, verdicts };
}
