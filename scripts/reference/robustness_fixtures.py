#!/usr/bin/python3
"""Reference values for the engine's numerical-robustness tests (src/stats/__tests__/trustUnderBadInput.test.ts).

Rolling mean of a signal sitting on a large offset, with one huge spike: pandas' rolling mean (Kahan
compensated) and the exactly rounded window means (math.fsum), and SciPy's Pearson r (and the exact rational-arithmetic r) between the
rolling means of the signal and of the signal minus its offset. Run with the Debian interpreter:

    /usr/bin/python3 scripts/reference/robustness_fixtures.py

Seeded, so re-running reproduces the file byte for byte. NaN is written as null.
"""
import json
import math
import os
from decimal import Decimal, getcontext
from fractions import Fraction

import numpy as np
import pandas as pd
import scipy
from scipy import stats

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'fixtures', 'reference', 'correlation', 'robustness.json')


def clean(v):
    if isinstance(v, dict):
        return {k: clean(x) for k, x in v.items()}
    if isinstance(v, (list, tuple, np.ndarray)):
        return [clean(x) for x in v]
    if isinstance(v, (float, np.floating)):
        f = float(v)
        return None if math.isnan(f) else f
    if isinstance(v, np.integer):
        return int(v)
    return v


def exact_rolling_mean(x, window):
    """Window means from exactly rounded sums (math.fsum); NaN until the window is full."""
    out = np.full(len(x), np.nan)
    for i in range(window - 1, len(x)):
        out[i] = math.fsum(x[i - window + 1:i + 1]) / window
    return out


def exact_pearson(x, y):
    """Pearson r of float64 data in exact rational arithmetic (the square root to 40 digits)."""
    getcontext().prec = 40
    fx = [Fraction(float(v)) for v in x]
    fy = [Fraction(float(v)) for v in y]
    n = len(fx)
    mx, my = sum(fx) / n, sum(fy) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(fx, fy))
    sxx = sum((a - mx) ** 2 for a in fx)
    syy = sum((b - my) ** 2 for b in fy)
    dec = lambda f: Decimal(f.numerator) / Decimal(f.denominator)
    return float(dec(sxy) / (dec(sxx) * dec(syy)).sqrt())


def rolling_case():
    rng = np.random.default_rng(20240611)
    n, window, offset = 400, 12, 1e9
    t = np.arange(n)
    signal = np.sin(t / 9.0) * 1e-3 + rng.normal(0, 2e-4, n)
    x = offset + signal
    x[60] = 1e15  # one huge value: a running sum keeps its rounding error after it leaves the window
    y = x - offset  # exact in float64 (Sterbenz) for the values near the offset
    rx = exact_rolling_mean(x, window)
    ry = exact_rolling_mean(y, window)
    # The correlation is taken after the spike has left every window.
    start = 60 + window
    r = stats.pearsonr(rx[start:], ry[start:])[0]
    return {
        'window': window,
        'offset': offset,
        'x': x,
        'y': y,
        'exact_x': rx,
        'exact_y': ry,
        'pandas_x': pd.Series(x).rolling(window).mean().to_numpy(),
        'corr_from': start,
        'pearson_r_after_spike': r,
        # SciPy's pearsonr loses ~1e-8 to the offset here; the exact value is the sharper reference.
        'pearson_r_after_spike_exact': exact_pearson(rx[start:], ry[start:]),
    }


def main():
    payload = {
        'rolling_mean_offset': rolling_case(),
        '_versions': {'scipy': scipy.__version__, 'numpy': np.__version__, 'pandas': pd.__version__},
    }
    with open(OUT, 'w') as f:
        json.dump(clean(payload), f, indent=None, separators=(',', ':'))
        f.write('\n')


if __name__ == '__main__':
    main()
