#!/usr/bin/python3
"""Reference values for the two-sided Student t tail and the correlation p-value
(src/stats/significance/tTail.test.ts).

For a grid of degrees of freedom (integer and fractional, 0.5 to 1e6) and target p-values from 0.999
down to 1e-300: the t at that p (scipy.stats.t.isf), SciPy's two-sided p = 2 * scipy.stats.t.sf(|t|, df),
and the same value from mpmath at 40 digits, p = I_{df/(df+t^2)}(df/2, 1/2). Also correlation
coefficients r with df, where SciPy's p is 2 * t.sf(|t|) with t = r sqrt(df / ((1 - r)(1 + r))) (what
scipy.stats.pearsonr / spearmanr report) and the 40-digit p is I_{1-r^2}(df/2, 1/2). Seeded random
(t, df) points fill the space between; a grid sits at the engine's switch between its methods.
And the scaled complementary error function erfcx (scipy.special.erfcx, mpmath), and the two-sided normal tail
P(|Z| >= |z|) (2 * scipy.stats.norm.sf(|z|); mpmath's erfc(|z| / sqrt 2) of the double |z| / sqrt 2, as the engine
rounds it). Run with the Debian interpreter:

    /usr/bin/python3 scripts/reference/t_tail_fixtures.py

Re-running reproduces the file byte for byte.
"""
import json
import math
import os

import mpmath
import numpy as np
import scipy
from scipy import special, stats

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'fixtures', 'reference', 'correlation', 't_tail.json')
mpmath.mp.dps = 40

DFS = (0.5, 1, 1.5, 2, 3, 4.5, 7.3, 10, 28, 98, 997.6, 1998, 10078, 100000, 1000000)
TARGETS = (0.999, 0.9, 0.5, 0.1, 1e-3, 1e-6, 1e-10, 1e-16, 1e-30, 1e-50, 1e-100, 1e-200, 1e-300)


def exact_t(t, df):
    """Two-sided p from t at 40 digits: I_x(df/2, 1/2) with x = df / (df + t^2)."""
    t, df = mpmath.mpf(t), mpmath.mpf(df)
    return float(mpmath.betainc(df / 2, mpmath.mpf(1) / 2, 0, df / (df + t * t), regularized=True))


def exact_r(r, df):
    """Two-sided correlation p at 40 digits: I_{1-r^2}(df/2, 1/2)."""
    r, df = mpmath.mpf(r), mpmath.mpf(df)
    return float(mpmath.betainc(df / 2, mpmath.mpf(1) / 2, 0, 1 - r * r, regularized=True))


def t_cases():
    out = []
    for df in DFS:
        for target in TARGETS:
            t = float(stats.t.isf(target / 2, df))
            out.append({'t': t, 'df': df, 'scipy': float(2 * stats.t.sf(t, df)), 'mpmath': exact_t(t, df)})
    # Around the engine's switch between its methods: df/2 = 15, x = 0.7 (t^2 = 3 df / 7), (1 - x) df/2 = 0.49.
    for df in (29.9, 30, 30.5, 45, 200, 5000):
        for ratio in (1e-4, 0.0163, 0.0327, 0.034, 0.1, 0.3, 0.42, 3 / 7, 0.44, 0.6, 1.0, 2.0):
            t = math.sqrt(df * ratio)
            out.append({'t': t, 'df': df, 'scipy': float(2 * stats.t.sf(t, df)), 'mpmath': exact_t(t, df)})
    rng = np.random.default_rng(15)
    for _ in range(300):
        df = float(10 ** rng.uniform(-0.3, 5))
        t = float(rng.choice([-1, 1]) * 10 ** rng.uniform(-3, 2.5))
        # Points whose p lies below ~1e-300 are left out (mpmath's betainc does not converge there).
        if stats.t.logsf(abs(t), df) > -690:
            out.append({'t': t, 'df': df, 'scipy': float(2 * stats.t.sf(abs(t), df)), 'mpmath': exact_t(t, df)})
    return out


def r_cases():
    out = []
    rng = np.random.default_rng(16)
    for df in (1, 2, 3.7, 8, 48, 998, 1998, 10078, 99998):
        for target in TARGETS:
            t = float(stats.t.isf(target / 2, df))
            r = 1 / math.sqrt(1 + (df / t) / t)
            if r >= 1:
                continue  # no double between the last r below 1 and 1 itself: p is 0 there
            for sign in (1, -1):
                rr = sign * r
                tt = rr * math.sqrt(df / ((1 - rr) * (1 + rr)))
                out.append({'r': rr, 'df': df, 'scipy': float(2 * stats.t.sf(abs(tt), df)), 'mpmath': exact_r(rr, df)})
        for _ in range(20):
            rr = float(rng.uniform(-1, 1))
            tt = rr * math.sqrt(df / ((1 - rr) * (1 + rr)))
            if stats.t.logsf(abs(tt), df) > -690:
                out.append({'r': rr, 'df': df, 'scipy': float(2 * stats.t.sf(abs(tt), df)), 'mpmath': exact_r(rr, df)})
    return out


def erfcx_cases():
    xs = [0.0, 1e-3, 0.1, 0.3, 0.46875, 0.47, 0.7, 1.0, 2.0, 3.5, 4.0, 4.01, 6.0, 10.0, 26.0, 100.0, 1e4, 1e8]
    return [{'x': x, 'scipy': float(special.erfcx(x)), 'mpmath': float(mpmath.exp(mpmath.mpf(x) ** 2) * mpmath.erfc(x))}
            for x in xs]


def normal_cases():
    zs = [0.0, 1e-8, 0.01, 0.5, 0.6629, 0.6630, 1.0, 1.959963984540054, 2.5, 3.0, 4.0, 5.0, 5.657, 8.0, 10.0, 20.0,
          30.0, 37.5, 38.5]
    rng = np.random.default_rng(17)
    zs += [float(10 ** rng.uniform(-3, 1.58)) for _ in range(60)]
    out = []
    for z in zs:
        x = abs(z) / math.sqrt(2)
        out.append({'z': z, 'scipy': float(2 * stats.norm.sf(abs(z))), 'mpmath': float(mpmath.erfc(mpmath.mpf(x)))})
        out.append({'z': -z, 'scipy': float(2 * stats.norm.sf(abs(z))), 'mpmath': float(mpmath.erfc(mpmath.mpf(x)))})
    return out


def main():
    payload = {
        't': t_cases(),
        'r': r_cases(),
        'erfcx': erfcx_cases(),
        'normal': normal_cases(),
        '_versions': {'scipy': scipy.__version__, 'numpy': np.__version__, 'mpmath': mpmath.__version__},
    }
    with open(OUT, 'w') as f:
        json.dump(payload, f, indent=None, separators=(',', ':'))
        f.write('\n')


if __name__ == '__main__':
    main()
