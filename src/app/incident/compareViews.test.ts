import { compareMatrixModel, leadingLink, linkLagCurve } from './compareViews';
import { handBuiltCompare, STEP } from './testing/handBuiltCompare';

describe('compare views', () => {
  it('turns Δr with its p and q into a matrix model in the compare’s id order, named for display', () => {
    const model = compareMatrixModel(handBuiltCompare(), 'delta', [], STEP)!;
    expect(model.names).toEqual(['accuracy', 'cache miss ratio', 'request rate']);
    expect(model.r[1]).toBe(0.77);
    expect(model.q[1]).toBe(0.006);
    expect(Number.isNaN(model.q[0])).toBe(true);
    expect(model.signals[0].role).toBe('model');
    expect(compareMatrixModel(handBuiltCompare({ ids: undefined }), 'baseline', [], STEP)).toBeUndefined();
  });

  it('draws the leading link with the other signal as A, so a positive lag reads "the other leads"', () => {
    const compare = handBuiltCompare();
    const leading = leadingLink(compare)!;
    expect(leading.link.other).toBe('cache_miss');
    const curve = linkLagCurve(leading.link, { target: 'accuracy', other: 'cache miss ratio' }, STEP, 0.05, 10)!;
    expect(curve.a).toBe('cache miss ratio');
    expect(curve.lags).toEqual([-120, -60, 0, 60, 120]);
    expect(curve.bestLagSeconds).toBe(120);
    expect(
      linkLagCurve(
        { ...leading.link, lead: { ...leading.link.lead, curve: [1] } },
        { target: 'a', other: 'b' },
        STEP,
        0.05,
        10
      )
    ).toBeUndefined();
  });
});
