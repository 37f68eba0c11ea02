import { createDataFrame, dataFrameFromJSON, dataFrameToJSON, FieldType } from '@grafana/data';
import type { AnalyzeResult, CompareResult, Verdict } from '../../stats';
import { FrameKind, VerdictField } from '../frameContract';
import { readVerdictFrame, verdictFrame } from './verdictFrame';

const HOSTILE = '<img src=x onerror=alert(1)> {{pod}}';

function verdict(target: string, patch: Partial<Verdict> = {}): Verdict {
  return {
    target,
    targetName: target,
    kind: 'infrastructure',
    named: ['cache'],
    sentence: `cache miss ratio leads ${target} by 2m`,
    evidence: ['cache miss ratio: r 0.8 (q 0.001) in the incident, 0.05 before'],
    ...patch,
  };
}

/** A hand-built result: only what the frame reads (series names and the compare section). */
function result(verdicts: Verdict[]): AnalyzeResult {
  const compare: Partial<CompareResult> = {
    incident: { from: 1_000, to: 5_000, points: 4 },
    baseline: { from: 0, to: 1_000, points: 1 },
    alpha: 0.05,
    verdicts,
    caution: 'Correlation alone does not show causation.',
  };
  return {
    series: [
      { id: 'cache', name: 'cache miss ratio' },
      { id: 'pod', name: HOSTILE },
    ],
    warnings: [],
    compare,
  } as unknown as AnalyzeResult;
}

const options = { refId: 'A', baseline: { kind: 'preceding' as const, factor: 4 }, datasourceUid: 'ds1' };

describe('verdict frame', () => {
  it('has one row per target and the caution, window, baseline and data source once in meta', () => {
    const frame = verdictFrame(
      result([verdict('conversion'), verdict('accuracy', { kind: 'no change', named: [] })]),
      options
    )!;
    expect(frame.length).toBe(2);
    expect(frame.fields.map((f) => f.name)).toEqual(Object.values(VerdictField));
    expect(frame.meta?.custom).toEqual({
      kind: FrameKind.Verdict,
      version: 1,
      incident: { from: 1_000, to: 5_000 },
      baseline: { kind: 'preceding', factor: 4 },
      alpha: 0.05,
      caution: 'Correlation alone does not show causation.',
      datasourceUid: 'ds1',
    });
  });

  it('round-trips through the reader, names shown as people read them', () => {
    const verdicts = [
      verdict('conversion', { named: ['cache', 'pod'] }),
      verdict(HOSTILE, { kind: 'data drift', named: [] }),
    ];
    const read = readVerdictFrame([verdictFrame(result(verdicts), options)!]);
    expect(read?.verdicts).toEqual([
      { ...verdicts[0], named: ['cache miss ratio', HOSTILE] },
      { ...verdicts[1], named: [] },
    ]);
    expect(read?.meta.baseline).toEqual({ kind: 'preceding', factor: 4 });
  });

  it('round-trips through JSON, as frames travel between a data source and a panel', () => {
    const frame = verdictFrame(result([verdict('conversion', { named: ['pod'], sentence: HOSTILE })]), options)!;
    const back = dataFrameFromJSON(JSON.parse(JSON.stringify(dataFrameToJSON(frame))));
    expect(readVerdictFrame([back])?.verdicts).toEqual(readVerdictFrame([frame])?.verdicts);
    expect(readVerdictFrame([back])?.verdicts[0]).toMatchObject({ sentence: HOSTILE, named: [HOSTILE] });
  });

  it('is absent without a compare section', () => {
    expect(verdictFrame({ series: [], warnings: [] } as unknown as AnalyzeResult, options)).toBeUndefined();
  });

  it('reads nothing from other frames, and skips rows of a kind it does not know', () => {
    expect(readVerdictFrame([createDataFrame({ fields: [] })])).toBeUndefined();
    const frame = verdictFrame(result([verdict('a'), verdict('b')]), options)!;
    const kinds = frame.fields.find((f) => f.name === VerdictField.Kind)!;
    kinds.values[0] = 'causes';
    expect(readVerdictFrame([frame])?.verdicts.map((v) => v.target)).toEqual(['b']);
    const other = createDataFrame({
      meta: { custom: { kind: FrameKind.Verdict } },
      fields: [{ name: VerdictField.Kind, type: FieldType.string, values: ['infrastructure'] }],
    });
    expect(readVerdictFrame([other])).toBeUndefined();
  });
});
