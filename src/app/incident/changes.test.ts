import { changeRows, effectText, sparkData } from './changes';
import { BASELINE, handBuiltResult, INCIDENT, STEP } from './testing/handBuiltCompare';

describe('what changed', () => {
  it('keeps the engine ranking and writes each row’s numbers as text', () => {
    const rows = changeRows(handBuiltResult().compare!);
    expect(rows.map((r) => [r.name, r.changed, r.qText])).toEqual([
      ['cache miss ratio', true, 'q 0.001'],
      ['accuracy', true, 'q 0.003'],
      ['request rate', false, 'q 0.60'],
    ]);
    expect(effectText(2.5)).toBe('+2.5 sd');
    expect(effectText(-0.44)).toBe('−0.4 sd');
    expect(effectText(null)).toBe('');
  });

  it('slices the aligned values into the two half-open windows', () => {
    const spark = sparkData(handBuiltResult(), 'accuracy')!;
    expect(spark.baseline.times[0]).toBe(BASELINE.from + STEP);
    expect(spark.baseline.times).toHaveLength(40);
    expect(spark.incident.times).toEqual(Array.from({ length: 10 }, (_, i) => INCIDENT.from + (i + 1) * STEP));
    const noAligned = handBuiltResult();
    noAligned.series.forEach((s) => delete s.values);
    expect(sparkData(noAligned, 'accuracy')).toBeUndefined();
  });
});
