#!/usr/bin/env python3
"""Golden fixtures for the drift engine (src/stats/drift).

Run:  /usr/bin/python3 scripts/reference/drift_fixtures.py
Writes fixtures/reference/drift/*.json (outside src/ so webpack does not ship them).
Pinned: SciPy 1.10.1, NumPy 1.24.2. Seeds are fixed, so reruns give identical files.

Each fixture holds the inputs and the values SciPy/NumPy compute, never values produced by the
TypeScript code under test. Conventions mirrored here on purpose (see docs/engine.md, "Drift"):
- PSI / KL: zero proportions replaced by 1e-4 (KL then renormalised by scipy.stats.entropy).
- KL direction: KL(baseline || current) = scipy.stats.entropy(baseline, current).
- JS: scipy.spatial.distance.jensenshannon(p, q, base=2) is the DISTANCE; divergence = distance**2.
- Sample PSI bins: (e_{k-1}, e_k] with e_k = numpy.quantile(baseline, k/10) (linear), ties merged.
"""
import json
import os
import sys

import numpy as np
import scipy
from scipy import special, stats
from scipy.spatial import distance

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'fixtures', 'reference', 'drift')
EPS = 1e-4


def meta(extra=None):
    m = {'generator': 'scripts/reference/drift_fixtures.py', 'scipy': scipy.__version__, 'numpy': np.__version__}
    if extra:
        m.update(extra)
    return m


def write(name, cases, note=''):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), 'w') as f:
        json.dump({'meta': meta({'note': note}), 'cases': cases}, f, indent=1)
        f.write('\n')


def floats(a):
    return [float(x) for x in a]


def proportions_filled(counts):
    p = np.asarray(counts, dtype=float)
    p = p / p.sum()
    p[p == 0] = EPS
    return p


def sample_pairs():
    """(name, current, baseline) pairs used by KS, Wasserstein and sample PSI."""
    rng = np.random.default_rng(20240601)
    pairs = []
    for n, m, shift, scale in [(50, 80, 0.0, 1.0), (200, 200, 0.3, 1.0), (500, 300, 0.0, 1.5), (1000, 4000, 0.1, 1.0),
                               (3000, 2000, 1.0, 0.5), (30, 40, 0.5, 1.0)]:
        pairs.append((f'normal n={n} m={m} shift={shift} scale={scale}',
                      rng.normal(shift, scale, n), rng.normal(0.0, 1.0, m)))
    # Ties: integer-valued data.
    pairs.append(('poisson ties', rng.poisson(4.0, 300).astype(float), rng.poisson(3.5, 400).astype(float)))
    # Heavy tail and skew, like latencies.
    pairs.append(('lognormal latency', rng.lognormal(3.2, 0.6, 800), rng.lognormal(3.0, 0.5, 1200)))
    # Rounded to 6 decimals so the JSON stays small; the rounded values ARE the inputs for every reference.
    return [(name, np.round(c, 6), np.round(b, 6)) for name, c, b in pairs]


def samples_file():
    return [{'name': name, 'current': floats(c), 'baseline': floats(b)} for name, c, b in sample_pairs()]


def ks_cases():
    cases = []
    for name, cur, base in sample_pairs():
        r_auto = stats.ks_2samp(cur, base)
        r_asymp = stats.ks_2samp(cur, base, method='asymp')
        n, m = len(cur), len(base)
        en = n * m / (n + m)
        cases.append({
            'name': name,
            'statistic': float(r_asymp.statistic),
            'p_asymp_scipy': float(r_asymp.pvalue),
            'p_auto_scipy': float(r_auto.pvalue),
            # Limiting Kolmogorov law with Stephens' small-sample correction of the argument (the formula
            # the TS code implements): Q_KS((sqrt(en) + 0.12 + 0.11/sqrt(en)) * D).
            'p_stephens': float(stats.kstwobign.sf((np.sqrt(en) + 0.12 + 0.11 / np.sqrt(en)) * r_asymp.statistic)),
        })
    return cases


def kolmogorov_cases():
    zs = [0.05, 0.2, 0.3, 0.5, 0.7, 0.8, 0.82, 0.9, 0.99, 1.0, 1.2, 1.36, 1.63, 2.0, 3.0, 5.0]
    return [{'z': z, 'sf': float(special.kolmogorov(z))} for z in zs]


def wasserstein_cases():
    cases = []
    for name, cur, base in sample_pairs():
        wd = stats.wasserstein_distance(cur, base)
        cases.append({'name': name, 'distance': float(wd),
                      'normalized': float(wd / max(np.std(base), 0.001))})
    return cases


def count_pairs():
    rng = np.random.default_rng(7)
    pairs = [
        ('small', [10, 20, 30, 40], [25, 25, 25, 25]),
        ('with zeros in current', [0, 5, 50, 45, 0], [10, 10, 40, 30, 10]),
        ('with zeros in baseline', [3, 5, 50, 45, 2], [0, 10, 40, 50, 0]),
        ('disjoint-ish', [100, 0, 0, 0], [0, 0, 0, 100]),
    ]
    for k in (10, 20):
        pairs.append((f'multinomial k={k}', rng.multinomial(5000, rng.dirichlet(np.ones(k))).tolist(),
                      rng.multinomial(8000, rng.dirichlet(np.ones(k))).tolist()))
    return pairs


def divergence_cases():
    cases = []
    for name, cur, base in count_pairs():
        pc, pb = proportions_filled(cur), proportions_filled(base)
        psi = float(np.sum((pc - pb) * np.log(pc / pb)))
        kl = float(stats.entropy(pb, pc))  # KL(baseline || current); entropy() renormalises
        c = np.asarray(cur, dtype=float) / np.sum(cur)
        b = np.asarray(base, dtype=float) / np.sum(base)
        js_dist = float(distance.jensenshannon(c, b, base=2))
        hell = float(np.sqrt(np.sum((np.sqrt(c) - np.sqrt(b)) ** 2) / 2))
        tv = float(0.5 * np.sum(np.abs(c - b)))
        cases.append({'name': name, 'current': cur, 'baseline': base, 'psi': psi, 'kl': kl,
                      'js_distance': js_dist, 'js_divergence': js_dist ** 2, 'hellinger': hell, 'tv': tv})
    return cases


def psi_sample_cases():
    cases = []
    for name, cur, base in sample_pairs():
        edges = np.unique(np.quantile(base, np.arange(1, 10) / 10))
        # side='left' puts x == e_k into bin k: bins are (e_{k-1}, e_k], like Prometheus `le`.
        cc = np.bincount(np.searchsorted(edges, cur, side='left'), minlength=len(edges) + 1)
        cb = np.bincount(np.searchsorted(edges, base, side='left'), minlength=len(edges) + 1)
        pc, pb = proportions_filled(cc), proportions_filled(cb)
        cases.append({'name': name, 'edges': floats(edges),
                      'current_counts': cc.tolist(), 'baseline_counts': cb.tolist(),
                      'psi': float(np.sum((pc - pb) * np.log(pc / pb)))})
    return cases


def chi2_cases():
    cases = []
    rng = np.random.default_rng(99)
    pairs = [('3 classes', [120, 340, 540], [100, 300, 600]), ('identical proportions', [50, 100, 150], [100, 200, 300]),
             ('strong shift', [500, 100, 50, 350], [250, 250, 250, 250])]
    for k in (5, 12):
        pairs.append((f'multinomial k={k}', rng.multinomial(2000, rng.dirichlet(np.ones(k) * 5)).tolist(),
                      rng.multinomial(3000, rng.dirichlet(np.ones(k) * 5)).tolist()))
    for name, cur, base in pairs:
        cur_a, base_a = np.asarray(cur, float), np.asarray(base, float)
        r = stats.chisquare(cur_a, f_exp=base_a * cur_a.sum() / base_a.sum())
        cases.append({'name': name, 'current': cur, 'baseline': base, 'statistic': float(r.statistic),
                      'p': float(r.pvalue), 'dof': len(cur) - 1})
    return cases


def chi2_tail_cases():
    """Far upper tail of chi-squared, p from 0.5 down to 1e-300: scipy.stats.chi2.sf, and the same value
    from mpmath at 40 digits (SciPy's own cephes igamc is off by up to ~3e-12 relative at dof 5000 in
    the far tail, so the test holds the TypeScript value to mpmath at 1e-12 and to SciPy at its own error).
    Also goodness-of-fit count tables whose p lies far below 1e-16 (scipy.stats.chisquare)."""
    import mpmath
    mpmath.mp.dps = 40
    sf = []
    for dof in (1, 2, 3, 4, 5, 7, 10, 25, 50, 200, 1000, 5000):
        for target in (0.5, 1e-3, 1e-10, 1e-16, 1e-20, 1e-50, 1e-100, 1e-200, 1e-300):
            x = float(stats.chi2.isf(target, dof))
            exact = mpmath.gammainc(mpmath.mpf(dof) / 2, mpmath.mpf(x) / 2, mpmath.inf, regularized=True)
            sf.append({'dof': dof, 'x': x, 'scipy': float(stats.chi2.sf(x, dof)), 'mpmath': float(exact)})
    tables = []
    for name, cur, base in [('two classes swapped 600/400', [600, 400], [400, 600]),
                            ('two classes swapped 1000/600', [1000, 600], [600, 1000]),
                            ('two classes swapped 700/300', [700, 300], [300, 700]),
                            ('two classes swapped 1500/700', [1500, 700], [700, 1500]),
                            ('four classes 1200/900/600/300 vs uniform', [1200, 900, 600, 300], [750, 750, 750, 750])]:
        cur_a, base_a = np.asarray(cur, float), np.asarray(base, float)
        r = stats.chisquare(cur_a, f_exp=base_a * cur_a.sum() / base_a.sum())
        tables.append({'name': name, 'current': cur, 'baseline': base, 'statistic': float(r.statistic),
                       'p': float(r.pvalue), 'dof': len(cur) - 1})
    return {'sf': sf, 'tables': tables}


def bucket_wasserstein_cases():
    """W1 between piecewise-uniform bucket distributions by brute-force numerical integration of
    |F_c - F_b| on a fine grid (an independent route from the exact segment formula in TS)."""
    rng = np.random.default_rng(3)
    le = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0]  # + Inf bucket appended
    cases = []
    for i in range(4):
        cur = rng.multinomial(3000, rng.dirichlet(np.ones(12))).tolist()
        base = rng.multinomial(5000, rng.dirichlet(np.ones(12))).tolist()
        knots = np.array([0.0] + le)  # +Inf bucket collapses onto the last finite bound
        fc = np.concatenate([[0.0], np.cumsum(cur[:-1]) / sum(cur)])
        fb = np.concatenate([[0.0], np.cumsum(base[:-1]) / sum(base)])
        xs = np.linspace(0.0, le[-1], 2_000_001)
        diff = np.abs(np.interp(xs, knots, fc) - np.interp(xs, knots, fb))
        w = float(np.trapz(diff, xs))
        # Baseline std of the piecewise-uniform distribution (+Inf mass at the last bound).
        lo, hi = knots[:-1], knots[1:]
        lo = np.append(lo, le[-1]); hi = np.append(hi, le[-1])
        pb = np.asarray(base, float) / sum(base)
        mid, width = (lo + hi) / 2, hi - lo
        mean = np.sum(pb * mid)
        var = np.sum(pb * (mid ** 2 + width ** 2 / 12)) - mean ** 2
        cases.append({'le': le + ['+Inf'], 'current': cur, 'baseline': base, 'distance': w,
                      'baseline_std': float(np.sqrt(var))})
    return cases


def main():
    write('samples.json', samples_file(), 'sample pairs (current, baseline) referenced by name from ks, wasserstein, psi_samples')
    write('ks.json', ks_cases(), 'scipy.stats.ks_2samp statistic; p from method=asymp, auto (exact when n small), and kstwobign.sf with Stephens corrected argument')
    write('kolmogorov.json', kolmogorov_cases(), 'scipy.special.kolmogorov(z) = P(K > z)')
    write('wasserstein.json', wasserstein_cases(), 'scipy.stats.wasserstein_distance; normalized = / max(np.std(baseline), 0.001)')
    write('divergences.json', divergence_cases(), 'PSI (numpy, eps 1e-4), KL = scipy.stats.entropy(baseline, current) after eps fill, JS via scipy jensenshannon base 2, Hellinger and TV by numpy formula')
    write('psi_samples.json', psi_sample_cases(), 'sample PSI with numpy.quantile deciles of the baseline as bin edges')
    write('chi2.json', chi2_cases(), 'scipy.stats.chisquare(current, f_exp=baseline*Nc/Nb)')
    write('chi2_tail.json', chi2_tail_cases(), 'scipy.stats.chi2.sf and mpmath.gammainc(dof/2, x/2, inf, regularized=True) at 40 digits; scipy.stats.chisquare on count tables with p far below 1e-16')
    write('bucket_wasserstein.json', bucket_wasserstein_cases(), 'W1 of piecewise-uniform bucket CDFs by trapezoid on 2e6+1 points (abs error ~1e-9)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
