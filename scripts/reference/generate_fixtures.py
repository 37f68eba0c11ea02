#!/usr/bin/python3
"""Golden fixtures for the InfraDrift correlation engine (src/stats).

Reference values come ONLY from SciPy / NumPy / pandas / statsmodels. Run with the Debian interpreter:

    /usr/bin/python3 scripts/reference/generate_fixtures.py

Versions used for the committed JSON: scipy 1.10.1, pandas 1.5.3, statsmodels 0.13.5, numpy 1.24.2.
Seeds are fixed, so re-running reproduces the files byte for byte. NaN is written as null.
"""
import json
import math
import os

import numpy as np
import pandas as pd
import scipy
import statsmodels
from scipy import stats
from scipy.cluster import hierarchy
from scipy.spatial.distance import squareform
from statsmodels.stats.multitest import multipletests
from statsmodels.tsa.stattools import ccf

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'fixtures', 'reference', 'correlation')


def clean(v):
    """JSON-safe: NaN -> None, numpy scalars/arrays -> Python."""
    if isinstance(v, dict):
        return {k: clean(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [clean(x) for x in v]
    if isinstance(v, np.ndarray):
        return clean(v.tolist())
    if isinstance(v, (np.floating, float)):
        f = float(v)
        return None if math.isnan(f) else f
    if isinstance(v, (np.integer,)):
        return int(v)
    return v


def write(name, payload):
    payload = dict(payload)
    payload['_versions'] = {
        'scipy': scipy.__version__, 'numpy': np.__version__,
        'pandas': pd.__version__, 'statsmodels': statsmodels.__version__,
    }
    with open(os.path.join(OUT, name), 'w') as f:
        json.dump(clean(payload), f, indent=None, separators=(',', ':'))
        f.write('\n')


def pair_cases():
    rng = np.random.default_rng(20240601)
    cases = []

    def add(label, x, y):
        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        pr = stats.pearsonr(x, y)
        sr = stats.spearmanr(x, y)
        kt = stats.kendalltau(x, y)
        cases.append({
            'label': label, 'x': x, 'y': y,
            'pearson': {'r': pr.statistic, 'p': pr.pvalue},
            'spearman': {'r': sr.correlation, 'p': sr.pvalue},
            'kendall': {'tau': kt.correlation, 'p': kt.pvalue},
        })

    x = rng.normal(size=50); add('normal n=50 r~0.5', x, 0.5 * x + rng.normal(size=50))
    x = rng.normal(size=10); add('n=10 no ties (Kendall exact)', x, x + rng.normal(size=10))
    x = rng.normal(size=33); add('n=33 no ties (Kendall exact boundary)', x, -x + 2 * rng.normal(size=33))
    x = rng.normal(size=34); add('n=34 no ties (Kendall asymptotic)', x, x + 2 * rng.normal(size=34))
    x = rng.integers(0, 5, size=40); add('n=40 integer ties', x, x + rng.integers(0, 3, size=40))
    x = rng.integers(0, 3, size=25); add('n=25 heavy ties', x, rng.integers(0, 3, size=25))
    x = rng.normal(size=500); add('n=500 weak', x, 0.1 * x + rng.normal(size=500))
    x = np.arange(60.0); y = x.copy(); y[[10, 11]] = y[[11, 10]]
    add('n=60 one swap (Kendall exact via c<=1)', x, y)
    add('n=3', [1.0, 2.0, 4.0], [2.0, 1.0, 5.0])
    x = rng.normal(size=20); add('n=20 perfect monotone', x, np.exp(x))
    x = rng.normal(size=2000); add('n=2000 strong', x, x + 0.3 * rng.normal(size=2000))
    return cases


def frame_cases():
    rng = np.random.default_rng(7)
    n = 60
    base = rng.normal(size=n)
    df = pd.DataFrame({
        'a': base + 0.2 * rng.normal(size=n),
        'b': -base + 0.5 * rng.normal(size=n),
        'c': rng.normal(size=n),
        'd': np.round(base * 2),  # ties
        'e': rng.normal(size=n),
    })
    df.loc[rng.choice(n, 10, replace=False), 'a'] = np.nan
    df.loc[rng.choice(n, 15, replace=False), 'b'] = np.nan
    df.loc[rng.choice(n, 5, replace=False), 'd'] = np.nan
    df.loc[5:54, 'e'] = np.nan  # only 10 points left
    out = {'columns': list(df.columns), 'data': {c: df[c].to_numpy() for c in df.columns}, 'cases': []}
    for method in ['pearson', 'spearman', 'kendall']:
        for mp in [1, 12]:
            out['cases'].append({'method': method, 'min_periods': mp,
                                 'matrix': df.corr(method=method, min_periods=mp).to_numpy()})
    return out


def ccf_cases():
    rng = np.random.default_rng(99)
    T, L = 300, 25
    x = np.zeros(T)
    e = rng.normal(size=T + 10)
    for t in range(1, T):
        x[t] = 0.6 * x[t - 1] + e[t]
    y = np.r_[np.zeros(4), x[:-4]] * 0.8 + 0.5 * rng.normal(size=T)  # y lags x by 4: x leads y
    res = {'a': x, 'b': y, 'maxLag': L}
    # statsmodels: ccf(x, y)[k] = corr(x[t+k], y[t]).
    res['ccf_ba_adjusted'] = ccf(y, x, adjusted=True)[:L + 1]
    res['ccf_ab_adjusted'] = ccf(x, y, adjusted=True)[:L + 1]
    res['ccf_ba_biased'] = ccf(y, x, adjusted=False)[:L + 1]
    res['ccf_ab_biased'] = ccf(x, y, adjusted=False)[:L + 1]
    xo, yo = x - x.mean(), y - y.mean()
    # np.correlate(b, a, 'full')[T-1+k] = sum_t a[t] b[t+k]
    res['np_correlate_full_b_a'] = np.correlate(yo, xo, 'full')
    res['np_std'] = [np.std(x), np.std(y)]
    return res


def partial_cases():
    rng = np.random.default_rng(3)
    n = 400
    z1 = rng.normal(size=n)
    z2 = rng.normal(size=n)
    X = np.column_stack([
        z1 + 0.5 * rng.normal(size=n),
        z1 + z2 + 0.5 * rng.normal(size=n),
        0.3 * z2 + rng.normal(size=n),
        rng.normal(size=n) + 0.2 * z1,
        z1,
        z2,
    ])
    names = ['x0', 'x1', 'x2', 'x3', 'z1', 'z2']
    controls = [4, 5]
    rest = [0, 1, 2, 3]
    k = len(controls)
    R = np.full((4, 4), np.nan)
    P = np.full((4, 4), np.nan)
    for a in range(4):
        for b in range(4):
            if a == b:
                R[a, b] = 1.0
                continue
            idx = [rest[a], rest[b]] + controls
            prec = np.linalg.inv(np.corrcoef(X[:, idx], rowvar=False))
            r = -prec[0, 1] / np.sqrt(prec[0, 0] * prec[1, 1])
            R[a, b] = r
            df = n - 2 - k
            t = r * np.sqrt(df / (1 - r * r))
            P[a, b] = 2 * stats.t.sf(abs(t), df)
    # the same with gaps in x0: each pair uses the rows where x, y and the controls are all finite
    Xg = X.copy()
    Xg[rng.choice(n, 30, replace=False), 0] = np.nan
    Rg = np.full((4, 4), np.nan)
    for a in range(4):
        for b in range(4):
            if a == b:
                Rg[a, b] = 1.0
                continue
            idx = [rest[a], rest[b]] + controls
            sub = Xg[:, idx]
            sub = sub[~np.isnan(sub).any(axis=1)]
            prec = np.linalg.inv(np.corrcoef(sub, rowvar=False))
            Rg[a, b] = -prec[0, 1] / np.sqrt(prec[0, 0] * prec[1, 1])
    # all-others partial correlation (full precision matrix) as an extra check of the algebra
    full = np.linalg.inv(np.corrcoef(X, rowvar=False))
    d = np.sqrt(np.diag(full))
    return {'names': names, 'data': {names[i]: X[:, i] for i in range(6)}, 'controls': ['z1', 'z2'],
            'ids': [names[i] for i in rest], 'r': R, 'p': P, 'n': n,
            'allOthers': -full / np.outer(d, d),
            'gappy': {'data': {names[i]: Xg[:, i] for i in range(6)}, 'r': Rg}}


def multipletest_cases():
    rng = np.random.default_rng(11)
    p = np.r_[rng.uniform(size=40), rng.uniform(0, 0.01, size=10), [0.5, 0.5, 1e-12]]
    out = {'p': p}
    for m in ['fdr_bh', 'bonferroni']:
        out[m] = multipletests(p, method=m)[1]
    return out


def cluster_cases():
    rng = np.random.default_rng(5)
    n, T = 12, 80
    f = rng.normal(size=(3, T))
    X = np.array([f[i % 3] * (1 if i % 2 else -1) + 0.7 * rng.normal(size=T) for i in range(n)])
    C = np.corrcoef(X)
    cases = []
    for dist in ['abs', 'signed']:
        D = 1 - np.abs(C) if dist == 'abs' else 1 - C
        np.fill_diagonal(D, 0)
        D = (D + D.T) / 2
        for method in ['average', 'complete', 'single']:
            Z = hierarchy.linkage(squareform(D, checks=False), method=method)
            coph = squareform(hierarchy.cophenet(Z))
            cases.append({'distance': dist, 'method': method, 'D': D, 'Z': Z, 'cophenetic': coph,
                          'leaves': hierarchy.leaves_list(Z)})
    # a distance matrix with ties: only cophenetic distances are comparable
    Dt = np.array([[0, 1, 1, 2, 2], [1, 0, 1, 2, 2], [1, 1, 0, 2, 2], [2, 2, 2, 0, 1], [2, 2, 2, 1, 0]], dtype=float)
    for method in ['average', 'complete', 'single']:
        Z = hierarchy.linkage(squareform(Dt), method=method)
        cases.append({'distance': 'given', 'method': method, 'D': Dt, 'Z': Z, 'ties': True,
                      'cophenetic': squareform(hierarchy.cophenet(Z)), 'leaves': hierarchy.leaves_list(Z)})
    return {'series': X, 'corr': C, 'cases': cases}


def main():
    os.makedirs(OUT, exist_ok=True)
    write('pairs.json', {'cases': pair_cases()})
    write('frame_corr.json', frame_cases())
    write('ccf.json', ccf_cases())
    write('partial.json', partial_cases())
    write('multipletests.json', multipletest_cases())
    write('cluster.json', cluster_cases())


if __name__ == '__main__':
    main()
