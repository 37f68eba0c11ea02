#!/usr/bin/python3
"""Golden fixtures for the compare section (src/stats/compare): an incident window against a baseline window.

Run:  /usr/bin/python3 scripts/reference/compare_fixtures.py
Writes fixtures/reference/compare/windows.json (AR(1) windows with and without a change) and
fixtures/reference/compare/tails.json (p far below 1e-20, and p near 1). Seeds are fixed, so reruns give
identical files. Inputs are rounded to 4 decimals BEFORE anything is computed (smaller files, and ties);
NaN is stored as null. Everything is computed with NumPy / SciPy from the documented definitions
(docs/engine.md, "Compare"), never by the code under test:
- lag1(x): m = mean of the finite values; r1 = sum_t (x_t - m)(x_{t+1} - m) / sum_t (x_t - m)^2, the
  numerator over grid neighbours that are both finite, the denominator over every finite value
  (= statsmodels acf(x, nlags=1, adjusted=False)[1] without NaNs: checked below).
- effective size of a window: ne = n (1 - rho) / (1 + rho), rho = max(0, lag1), clamped to [2, n].
- level: the shift of the mean against the baseline's spread (under the null hypothesis both windows
  share the baseline's variance): t = (mI - mB) / (sB sqrt(1/neI + 1/neB)), sB with ddof 1, df = neB - 1,
  p = 2 scipy.stats.t.sf(|t|, df); with ne = n and equal sizes it is the pooled two-sample t of
  scipy.stats.ttest_ind when both variances are equal.
- ksLevel: D = scipy.stats.ks_2samp(xB, xI).statistic, p = scipy.special.kolmogorov((sqrt(e) + 0.12 +
  0.11 / sqrt(e)) D), e = neB neI / (neB + neI).
- ksDiff: d_t = x_{t+1} - x_t where both grid points are finite, inside each window; kept on the grid
  (null where a neighbour is missing) so lag1(d) skips the pairs next to a gap; n_d = finite d;
  ne_d from lag1(d) as for levels; D and p as for levels.
- deltaR: r = scipy.stats.pearsonr on the pairwise-complete points of each window; Bretherton
  ne = n_pair (1 - rho) / (1 + rho), rho = max(0, lag1(a_window) lag1(b_window)), clamped to [2, n_pair];
  z = (atanh rI - atanh rB) / sqrt(1 / (neI - 3) + 1 / (neB - 3)), p = 2 scipy.stats.norm.sf(|z|).
Every test is incident against baseline: t > 0 and z > 0 when the incident is higher.
"""
import json
import math
import os
import sys

import numpy as np
import scipy
from scipy import special, stats
from statsmodels.tsa.stattools import acf

from lead_fixtures import ar1  # the same stationary AR(1) generator as the lead/lag fixtures

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'fixtures', 'reference', 'compare')
DECIMALS = 4


def lag1(x):
    ok = np.isfinite(x)
    v = x[ok]
    m = v.mean()
    den = np.sum((v - m) ** 2)
    both = ok[:-1] & ok[1:]
    num = np.sum((x[:-1][both] - m) * (x[1:][both] - m))
    r1 = float(num / den)
    if ok.all():
        # The definition equals statsmodels' acf when nothing is missing.
        assert abs(r1 - acf(x, nlags=1, adjusted=False, fft=False)[1]) < 1e-12
    return r1


def effective(n, rho):
    return float(min(n, max(2.0, n * (1 - rho) / (1 + rho))))


def window_size(x):
    n = int(np.isfinite(x).sum())
    r1 = lag1(x)
    return n, r1, effective(n, max(0.0, r1))


def ks(xb, xi, neb, nei):
    d = float(stats.ks_2samp(xb, xi).statistic)
    e = neb * nei / (neb + nei)
    se = math.sqrt(e)
    return {'D': d, 'e': e, 'p': float(special.kolmogorov((se + 0.12 + 0.11 / se) * d))}


def diffs(x):
    return x[1:] - x[:-1]  # NaN wherever a neighbour is missing


def signal_expected(xb, xi):
    fb, fi = xb[np.isfinite(xb)], xi[np.isfinite(xi)]
    nb, r1b, neb = window_size(xb)
    ni, r1i, nei = window_size(xi)
    vb, vi = float(np.var(fb, ddof=1)), float(np.var(fi, ddof=1))
    t = float((fi.mean() - fb.mean()) / (math.sqrt(vb) * math.sqrt(1 / nei + 1 / neb)))
    df = float(neb - 1)
    db, di = diffs(xb), diffs(xi)
    ndb, r1db, nedb = window_size(db)
    ndi, r1di, nedi = window_size(di)
    return {
        'nBaseline': nb, 'nIncident': ni,
        'lag1Baseline': r1b, 'lag1Incident': r1i,
        'nEffBaseline': neb, 'nEffIncident': nei,
        'meanBaseline': float(fb.mean()), 'meanIncident': float(fi.mean()),
        'sdBaseline': math.sqrt(vb), 'sdIncident': math.sqrt(vi),
        'level': {'t': t, 'df': df, 'p': float(2 * stats.t.sf(abs(t), df))},
        'ksLevel': ks(fb, fi, neb, nei),
        'ksDiff': {'nBaseline': ndb, 'nIncident': ndi, 'lag1Baseline': r1db, 'lag1Incident': r1di,
                   'nEffBaseline': nedb, 'nEffIncident': nedi,
                   **ks(db[np.isfinite(db)], di[np.isfinite(di)], nedb, nedi)},
    }


def pair_window(a, b):
    ok = np.isfinite(a) & np.isfinite(b)
    n = int(ok.sum())
    r = float(stats.pearsonr(a[ok], b[ok])[0])
    rho = max(0.0, lag1(a) * lag1(b))
    return n, r, rho, effective(n, rho)


def delta_r_expected(base, inc):
    nb, rb, rhob, neb = pair_window(base['a'], base['b'])
    ni, ri, rhoi, nei = pair_window(inc['a'], inc['b'])
    z = float((math.atanh(ri) - math.atanh(rb)) / math.sqrt(1 / (nei - 3) + 1 / (neb - 3)))
    return {'nPairBaseline': nb, 'nPairIncident': ni, 'rBaseline': rb, 'rIncident': ri,
            'rhoBaseline': rhob, 'rhoIncident': rhoi, 'nEffBaseline': neb, 'nEffIncident': nei,
            'z': z, 'p': float(2 * stats.norm.sf(abs(z)))}


def windows(rng, phi, n_base, n_inc, change, nans):
    """Series a and b over baseline + incident; `change` applies to the incident slice."""
    n = n_base + n_inc
    a = ar1(rng, phi, n)
    noise = ar1(rng, phi, n)
    b = 0.5 * a + math.sqrt(0.75) * noise  # moves with a (r about 0.5) in both windows
    inc = slice(n_base, n)
    if change == 'level':
        a[inc] += 1.5 * a[:n_base].std()
    elif change == 'scale':
        a[inc] = a[:n_base].mean() + 2.5 * (a[inc] - a[:n_base].mean())
    elif change == 'correlation':
        # b stops moving with a in the baseline, moves closely with it in the incident
        b[:n_base] = noise[:n_base]
        b[inc] = 0.95 * a[inc] + math.sqrt(1 - 0.95 ** 2) * noise[inc]
    elif change == 'ties':
        a, b = np.round(2 * a), np.round(2 * b)
    a, b = np.round(a, DECIMALS), np.round(b, DECIMALS)
    for x in (a, b):
        for _ in range(nans):
            x[rng.integers(0, n)] = np.nan
    if nans:
        a[n_base + 3:n_base + 5] = np.nan  # two neighbours missing: a gap in the differences
    return ({'a': a[:n_base], 'b': b[:n_base]}, {'a': a[inc], 'b': b[inc]})


def js(x):
    return [None if not np.isfinite(v) else float(v) for v in x]


def case(name, base, inc, **about):
    for w in (base, inc):
        for x in w.values():
            # pearsonr and KS need two finite points; the generator never makes fewer.
            assert np.isfinite(x).sum() >= 3
    return {
        'name': name, **about,
        'baseline': {k: js(v) for k, v in base.items()},
        'incident': {k: js(v) for k, v in inc.items()},
        'expected': {'signals': {k: signal_expected(base[k], inc[k]) for k in base},
                     'deltaR': delta_r_expected(base, inc)},
    }


def window_cases():
    cases = []
    seed = 20261126
    for j, n_inc in enumerate((30, 120, 600)):
        n_base = 2 * n_inc if n_inc < 600 else n_inc  # keeps the file small at 600
        for k, phi in enumerate((0.0, 0.5, 0.9)):
            # each change meets each phi once across the three lengths
            for change in ('none', ('level', 'scale', 'correlation')[(k + j) % 3]):
                seed += 1
                nans = 0 if n_inc == 30 else 3
                base, inc = windows(np.random.default_rng(seed), phi, n_base, n_inc, change, nans)
                cases.append(case(f'AR(1) phi {phi}, incident {n_inc}, baseline {n_base}, {change}', base, inc,
                                  phi=phi, change=change, seed=seed, nans=nans))
    for n_inc in (30, 120):
        seed += 1
        base, inc = windows(np.random.default_rng(seed), 0.5, 2 * n_inc, n_inc, 'ties', 2)
        cases.append(case(f'ties (values on a 0.5 grid), phi 0.5, incident {n_inc}', base, inc,
                          phi=0.5, change='ties', seed=seed, nans=2))
    return cases


def tail_cases():
    cases = []
    rng = np.random.default_rng(7)
    # Far tail: every p below 1e-20 (a large level shift of a, and b moving with a only in the incident).
    base = {'a': np.round(rng.standard_normal(600), DECIMALS), 'b': np.round(rng.standard_normal(600), DECIMALS)}
    ia = rng.standard_normal(600)
    inc = {'a': np.round(ia + 1.0, DECIMALS), 'b': np.round(0.8 * ia + 0.6 * rng.standard_normal(600), DECIMALS)}
    c = case('far tail: level shift 1 sd and r 0 -> 0.8, n 600 white noise', base, inc, change='far-tail')
    for k in ('level', 'ksLevel'):
        assert 1e-300 < c['expected']['signals']['a'][k]['p'] < 1e-20
    assert 1e-300 < c['expected']['deltaR']['p'] < 1e-20
    cases.append(c)
    # Far tail for the differences: the incident's steps are ten times larger (a random walk against noise).
    base = {'a': np.round(rng.standard_normal(400), DECIMALS), 'b': np.round(rng.standard_normal(400), DECIMALS)}
    inc = {'a': np.round(np.cumsum(10 * rng.standard_normal(400)), DECIMALS),
           'b': np.round(rng.standard_normal(400), DECIMALS)}
    c = case('far tail: first differences ten times larger, n 400', base, inc, change='far-tail-diff')
    assert c['expected']['signals']['a']['ksDiff']['p'] < 1e-20
    cases.append(c)
    # p near 1: the incident is the baseline reversed (same values, same lag-1, same correlation).
    a = np.round(ar1(rng, 0.5, 200), DECIMALS)
    b = np.round(0.5 * a + ar1(rng, 0.5, 200), DECIMALS)
    c = case('p near 1: incident = baseline reversed, phi 0.5, n 200', {'a': a, 'b': b},
             {'a': a[::-1].copy(), 'b': b[::-1].copy()}, change='none')
    assert c['expected']['signals']['a']['level']['p'] > 0.999 and c['expected']['deltaR']['p'] > 0.999
    cases.append(c)
    return cases


def fisher_z_cases():
    """Fisher's z of a change of r at 50 digits (mpmath): pairs far apart, close together (where the difference of
    two atanh loses its precision), small, and near +-1 (as the engine clamps r, within 1 - 1e-15)."""
    import mpmath
    mpmath.mp.dps = 50
    rng = np.random.default_rng(21)
    cases = []
    for k in range(400):
        kind = k % 4
        if kind == 0:
            rb, ri = rng.uniform(-1, 1, 2)
        elif kind == 1:
            rb = rng.uniform(-1, 1)
            ri = rb + float(rng.choice([-1, 1])) * 10 ** rng.uniform(-12, -2)
        elif kind == 2:
            rb, ri = rng.uniform(-1e-3, 1e-3, 2)
        else:
            rb, ri = (float(rng.choice([-1, 1])) * (1 - 10 ** rng.uniform(-15, -1)) for _ in range(2))
        rb, ri = (float(min(1 - 1e-15, max(-1 + 1e-15, r))) for r in (rb, ri))
        nb, ni = float(rng.uniform(4, 2000)), float(rng.uniform(4, 2000))
        z = (mpmath.atanh(mpmath.mpf(ri)) - mpmath.atanh(mpmath.mpf(rb))) / mpmath.sqrt(
            1 / (mpmath.mpf(nb) - 3) + 1 / (mpmath.mpf(ni) - 3))
        cases.append({'rBefore': rb, 'nBefore': nb, 'rAfter': ri, 'nAfter': ni, 'z': float(z)})
    return cases


def write(name, cases, note):
    os.makedirs(OUT, exist_ok=True)
    meta = {'generator': 'scripts/reference/compare_fixtures.py', 'scipy': scipy.__version__,
            'numpy': np.__version__, 'note': note}
    with open(os.path.join(OUT, name), 'w') as f:
        json.dump({'meta': meta, 'cases': cases}, f, separators=(',', ':'))
        f.write('\n')


def main():
    write('windows.json', window_cases(),
          'series a and b: baseline and incident windows (null = missing); expected per signal (level, '
          'ksLevel, ksDiff) and for the pair (deltaR), definitions in the generator docstring')
    write('tails.json', tail_cases(), 'same shape as windows.json: p below 1e-20, and p near 1')
    write('fisher_z.json', fisher_z_cases(), "Fisher's z of a change of r (effective sizes nBefore, nAfter) at 50 "
          'digits: far apart, close together, small, near +-1')
    return 0


if __name__ == '__main__':
    sys.exit(main())
