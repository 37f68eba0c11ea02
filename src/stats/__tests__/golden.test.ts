/** @jest-environment node */
import { analyze } from '../analyze';
import type { AnalyzeRequest } from '../contract';
import { cophenetic } from '../cluster/cophenetic';
import { linkage } from '../cluster/linkage';
import { pearsonPair } from '../correlation/pearsonPair';
import { spearmanPair } from '../correlation/spearmanPair';
import { kendallTau } from '../correlation/kendallTau';
import { crossCorrelation, prepareLagSeries } from '../lags/crossCorrelation';
import { FftCrossSum } from '../lags/fftCrossSum';
import { denseRanks } from '../rank/denseRanks';
import { adjustPValues } from '../significance/adjustPValues';
import { correlationPValue } from '../significance/correlationPValue';
import { kendallPValue } from '../significance/kendallPValue';
import { expectClose, readFixture } from './helpers';

const f64 = (a: Array<number | null>) => Float64Array.from(a, (v) => (v === null ? NaN : v));

describe('golden: scipy.stats pearsonr / spearmanr / kendalltau', () => {
  const { cases } = readFixture('pairs.json');
  it.each((cases as any[]).map((c: any) => [c.label, c] as [string, any]))('%s', (_label, c: any) => {
    const x = f64(c.x);
    const y = f64(c.y);
    const n = x.length;
    const pr = pearsonPair(x, y, 2);
    expectClose(pr.r, c.pearson.r, 1e-9, 1e-15, 'pearson r');
    expectClose(n === 2 ? 1 : correlationPValue(pr.r, n - 2), c.pearson.p, 1e-9, 1e-300, 'pearson p');
    const sr = spearmanPair(x, y, 2);
    expectClose(sr.r, c.spearman.r, 1e-9, 1e-15, 'spearman r');
    expectClose(correlationPValue(sr.r, n - 2), c.spearman.p, 1e-9, 1e-300, 'spearman p');
    const rx = denseRanks(x);
    const ry = denseRanks(y);
    const kt = kendallTau(rx.ranks, ry.ranks, ry.unique, rx.unique);
    expectClose(kt.tau, c.kendall.tau, 1e-9, 1e-15, 'kendall tau');
    expectClose(kendallPValue(kt), c.kendall.p, 1e-9, 1e-300, 'kendall p');
  });
});

describe('golden: pandas DataFrame.corr with NaNs and min_periods (through analyze)', () => {
  const fx = readFixture('frame_corr.json');
  it.each((fx.cases as any[]).map((c: any) => [c.method, c.min_periods, c] as [string, number, any]))(
    '%s min_periods=%d',
    (method, minPeriods, c: any) => {
      const req: AnalyzeRequest = {
        version: 1,
        series: fx.columns.map((id: string) => ({ id, values: fx.data[id] })),
        grid: { start: 0, stepMs: 1000 },
        align: { minOverlap: Math.max(2, minPeriods as number) },
        correlation: { method: method as any },
      };
      const res = analyze(req);
      const N = fx.columns.length;
      for (let i = 0; i < N; i++) {
        for (let j = 0; j < N; j++) {
          expectClose(res.correlation!.r[i * N + j], c.matrix[i][j], 1e-9, 1e-15, `${method} [${i},${j}]`);
        }
      }
    }
  );
});

describe('golden: statsmodels ccf / np.correlate', () => {
  const fx = readFixture('ccf.json');
  const a = prepareLagSeries(f64(fx.a));
  const b = prepareLagSeries(f64(fx.b));
  const L = fx.maxLag;
  for (const norm of ['biased', 'adjusted'] as const) {
    for (const algo of ['direct', 'fft'] as const) {
      it(`${norm} via ${algo}: r(k) = ccf(b, a)[k], r(-k) = ccf(a, b)[k]`, () => {
        const fft = algo === 'fft' ? new FftCrossSum(fx.a.length, L) : null;
        const r = crossCorrelation(a, b, L, norm, fft);
        for (let k = 0; k <= L; k++) {
          const tol = algo === 'fft' ? 1e-12 : 1e-9;
          expectClose(r[L + k], fx[`ccf_ba_${norm}`][k], tol, 1e-13, `k=${k}`);
          expectClose(r[L - k], fx[`ccf_ab_${norm}`][k], tol, 1e-13, `k=-${k}`);
        }
      });
    }
  }
  it('cross sums equal np.correlate(b - mean, a - mean, "full")', () => {
    const T = fx.a.length;
    const fft = new FftCrossSum(T, L);
    const s = fft.crossSums(a.centred, b.centred);
    for (let k = -L; k <= L; k++) {
      expectClose(s[k + L], fx.np_correlate_full_b_a[T - 1 + k], 1e-12, 1e-10, `k=${k}`);
    }
  });
  it('analyze finds that a leads b by 4 steps (positive lag)', () => {
    const res = analyze({
      version: 1,
      series: [
        { id: 'a', values: fx.a },
        { id: 'b', values: fx.b },
      ],
      lags: { maxLag: L, pairs: [['a', 'b']] },
    });
    expect(res.lags!.pairs[0].bestLag).toBe(4);
    expectClose(res.lags!.pairs[0].bestR, fx.ccf_ba_biased[4], 1e-12, 1e-13, 'bestR');
  });
});

describe('golden: partial correlation from the precision matrix (numpy.linalg.inv)', () => {
  const fx = readFixture('partial.json');
  const run = (values: Record<string, Array<number | null>>) =>
    analyze({
      version: 1,
      series: fx.names.map((id: string) => ({ id, values: values[id] })),
      partial: { controls: fx.controls },
      correlation: { enabled: false },
    });
  const check = (res: ReturnType<typeof analyze>) => {
    expect(res.partial!.ids).toEqual(fx.ids);
    const N = fx.ids.length;
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < N; j++) {
        expectClose(res.partial!.r[i * N + j], fx.r[i][j], 1e-9, 1e-14, `r[${i},${j}]`);
        if (i !== j) {
          expectClose(res.partial!.pNaive[i * N + j], fx.p[i][j], 1e-9, 1e-300, `p[${i},${j}]`);
        }
      }
    }
  };
  it('fast path (Schur complement) matches', () => check(run(fx.data)));
  it('per-pair path (gaps in x0: pairwise rows where x, y and controls are finite) matches', () => {
    const res = run(fx.gappy.data);
    const N = fx.ids.length;
    for (let i = 0; i < N * N; i++) {
      expectClose(res.partial!.r[i], fx.gappy.r[Math.floor(i / N)][i % N], 1e-9, 1e-14, `gappy r ${i}`);
    }
  });
  it('controls = all other series equals -P_ij / sqrt(P_ii P_jj) of the full precision matrix', () => {
    const res = analyze({
      version: 1,
      series: fx.names.map((id: string) => ({ id, values: fx.data[id] })),
      partial: { controls: ['x2', 'x3', 'z1', 'z2'] },
      correlation: { enabled: false },
    });
    expectClose(res.partial!.r[1], fx.allOthers[0][1], 1e-9, 1e-14, 'x0,x1 | all others');
  });
});

describe('golden: statsmodels multipletests', () => {
  const fx = readFixture('multipletests.json');
  it.each(['fdr_bh', 'bonferroni'])('%s', (method) => {
    const q = adjustPValues(fx.p, method as any);
    fx[method].forEach((e: number, i: number) => expectClose(q[i], e, 1e-12, 0, `q[${i}]`));
  });
});

describe('golden: scipy.cluster.hierarchy linkage (cophenetic distances)', () => {
  const fx = readFixture('cluster.json');
  it.each((fx.cases as any[]).map((c: any) => [c.distance, c.method, c] as [string, string, any]))(
    '%s / %s',
    (_d, method, c: any) => {
      const N = c.D.length;
      const merges = linkage(c.D.flat(), N, method as any);
      const coph = cophenetic(merges, N);
      for (let i = 0; i < N; i++) {
        for (let j = 0; j < N; j++) {
          expectClose(coph[i * N + j], c.cophenetic[i][j], 1e-9, 1e-15, `coph[${i},${j}]`);
        }
      }
      merges.forEach((m, k) => {
        expectClose(m.height, c.Z[k][2], 1e-9, 1e-15, `height ${k}`);
        expect(m.size).toBe(c.Z[k][3]);
        if (!c.ties) {
          expect([m.a, m.b]).toEqual([c.Z[k][0], c.Z[k][1]]);
        }
      });
    }
  );
  it('analyze clusters the fixture series like scipy (average, 1-|r|)', () => {
    const res = analyze({
      version: 1,
      series: fx.series.map((v: number[], i: number) => ({ id: `s${i}`, values: v })),
      clustering: { linkage: 'average', distance: 'abs' },
    });
    const c = fx.cases.find((k: any) => k.distance === 'abs' && k.method === 'average');
    const N = fx.series.length;
    const coph = cophenetic(res.clustering!.merges, N);
    for (let i = 0; i < N * N; i++) {
      expectClose(coph[i], c.cophenetic[Math.floor(i / N)][i % N], 1e-9, 1e-15, `coph ${i}`);
    }
    expect(res.clustering!.order).toEqual(c.leaves);
  });
});
