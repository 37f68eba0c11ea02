/** @jest-environment node */
import { analyze } from '../analyze';
import { ar1, normal, rng } from './helpers';

/**
 * Statistical honesty: for independent AR(1) series (phi = 0.9, 500 points) the null hypothesis is
 * true, so at alpha = 0.05 about 5 % of pairs should be flagged. The naive p-value (independent
 * samples) flags far more; the Bretherton effective-N correction must stay at or below 7 %.
 */
it('1000 independent AR(1) pairs: corrected false-positive share <= 0.07', () => {
  const z = normal(rng(20240601));
  const pairs = 1000;
  let corrected = 0;
  let naive = 0;
  for (let k = 0; k < pairs; k++) {
    const res = analyze({
      version: 1,
      series: [
        { id: 'a', values: ar1(0.9, 500, z) },
        { id: 'b', values: ar1(0.9, 500, z) },
      ],
      significance: { alpha: 0.05, autocorrelation: 'bretherton', adjust: 'none' },
    });
    const p = res.correlation!.p[1];
    const pn = res.correlation!.pNaive[1];
    expect(p).not.toBeNull();
    corrected += (p as number) < 0.05 ? 1 : 0;
    naive += (pn as number) < 0.05 ? 1 : 0;
  }
  const shareCorrected = corrected / pairs;
  const shareNaive = naive / pairs;
  process.stdout.write(
    `\n[honesty] independent AR(1) pairs, phi=0.9, T=500, alpha=0.05: flagged share naive=${shareNaive.toFixed(3)}, Bretherton-corrected=${shareCorrected.toFixed(3)}\n`
  );
  expect(shareCorrected).toBeLessThanOrEqual(0.07);
  expect(shareNaive).toBeGreaterThan(shareCorrected);
});
