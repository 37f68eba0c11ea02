#!/usr/bin/python3
"""Golden fixture for the best-lag test (src/stats/lags/bestLagSignificance.ts) and its q-values.

Run:  /usr/bin/python3 scripts/reference/lead_fixtures.py
Writes fixtures/reference/correlation/best_lag.json. Seeds are fixed. Everything here is computed with
statsmodels / SciPy from the documented method (docs/engine.md, "Lead/lag test"), never by the code under test:
- r(k) = corr(A[t], B[t+k]): statsmodels ccf(B, A)[k] for k >= 0 and ccf(A, B)[-k] for k < 0;
- best lag: largest |r(k)|; lag-1 autocorrelation: statsmodels acf(x, nlags=1, adjusted=False)[1];
- nEff = n (1 - r1a r1b) / (1 + r1a r1b) (product floored at 0), clamped to [2, n];
- p at the best lag: two-sided t-test, df = nEff' - 2, with nEff' = nEff (biased) or nEff (n - |k|) / n (adjusted);
- p_best = 1 - (1 - p)^M (Šidák), M = min(2L + 1, 1 + 2L nEff / n);
- q = statsmodels multipletests(p_best, method='fdr_bh') over all pairs.
"""
import json
import os

import numpy as np
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.multitest import multipletests
from statsmodels.tsa.stattools import acf, ccf

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'fixtures', 'reference', 'correlation')


def ar1(rng, phi, n):
    x = np.zeros(n + 200)
    e = rng.standard_normal(n + 200)
    for t in range(1, n + 200):
        x[t] = phi * x[t - 1] + e[t]
    return x[200:]


def series(rng, T):
    base = ar1(rng, 0.8, T + 40)
    other = ar1(rng, 0.9, T + 40)
    s = {
        'base': base[30:30 + T],
        # base leads it by 4 steps: follows4[t + 4] moves with base[t]
        'follows4': 0.8 * base[26:26 + T] + 0.6 * ar1(rng, 0.5, T),
        # base leads it by 25 steps, beyond maxLag: the peak inside the range is at its edge
        'follows25': 0.9 * base[5:5 + T] + 0.4 * ar1(rng, 0.3, T),
        'other': other[20:20 + T],
        'noise': rng.standard_normal(T),
        # leads other by 6 steps, with the opposite sign
        'leads_other_neg': -0.7 * other[26:26 + T] + 0.7 * ar1(rng, 0.6, T),
    }
    return s


def curve(a, b, L, adjusted):
    pos = ccf(b, a, adjusted=adjusted)[:L + 1]   # k >= 0: corr(a[t], b[t+k])
    neg = ccf(a, b, adjusted=adjusted)[1:L + 1]  # k = -1..-L
    return np.concatenate([neg[::-1], pos])


def best_lag(r, L):
    best = None
    for d in range(L + 1):
        for k in ([0] if d == 0 else [-d, d]):
            v = r[k + L]
            if best is None or abs(v) > abs(best[1]):
                best = (k, v)
    return best


def case(name, T, L, normalization, seed):
    rng = np.random.default_rng(seed)
    s = series(rng, T)
    ids = list(s)
    pairs, pvals = [], []
    for i in range(len(ids)):
        for j in range(i + 1, len(ids)):
            a, b = s[ids[i]], s[ids[j]]
            r = curve(a, b, L, normalization == 'adjusted')
            k, rk = best_lag(r, L)
            r1a = acf(a, nlags=1, adjusted=False, fft=False)[1]
            r1b = acf(b, nlags=1, adjusted=False, fft=False)[1]
            rho = max(0.0, r1a * r1b)
            n = T
            neff = max(min(n, 2), min(n, n * (1 - rho) / (1 + rho)))
            n_at = neff * (n - abs(k)) / n if normalization == 'adjusted' else neff
            df = n_at - 2
            t = rk * np.sqrt(df / ((1 - rk) * (1 + rk)))
            p_lag = min(1.0, 2 * stats.t.sf(abs(t), df))
            m = min(2 * L + 1, 1 + 2 * L * neff / n)
            p_best = float(-np.expm1(m * np.log1p(-p_lag)))
            pairs.append({'a': ids[i], 'b': ids[j], 'bestLag': int(k), 'bestR': float(rk), 'nEff': float(neff),
                          'effectiveLags': float(m), 'pBestLag': p_best, 'atEdge': abs(k) == L})
            pvals.append(p_best)
    q = multipletests(pvals, method='fdr_bh')[1]
    for p, qv in zip(pairs, q):
        p['qBestLag'] = float(qv)
    return {'name': name, 'maxLag': L, 'normalization': normalization,
            'series': [{'id': k, 'values': v.tolist()} for k, v in s.items()], 'pairs': pairs}


def main():
    cases = [case('biased, T 400, L 20', 400, 20, 'biased', 20240613),
             case('adjusted, T 300, L 15', 300, 15, 'adjusted', 20240614)]
    payload = {'cases': cases, '_versions': {'scipy': scipy.__version__, 'numpy': np.__version__,
                                             'statsmodels': statsmodels.__version__}}
    with open(os.path.join(OUT, 'best_lag.json'), 'w') as f:
        json.dump(payload, f, separators=(',', ':'))
        f.write('\n')


if __name__ == '__main__':
    main()
