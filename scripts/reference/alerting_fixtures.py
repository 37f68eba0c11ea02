#!/usr/bin/env python3
"""Reference cases for the alert rules' `promtool test rules` unit tests (src/alerting).

Run:  /usr/bin/python3 scripts/reference/alerting_fixtures.py
Writes fixtures/alerting/promtool_cases.json. Seeds are fixed, so reruns give identical files.

Each case is a pair of input series sampled every minute, and what NumPy says a rule over them
must do: Pearson r (numpy.corrcoef) of the window at each evaluation time, and the times the alert
fires. The rules' semantics are mirrored here on purpose (see docs/alerting.md):
- a rule group is evaluated every STEP from 0; a window at t holds the samples at t-W .. t
  (Prometheus 2.x ranges are closed at both ends), so W/STEP + 1 of them;
- a lag L > 0 pairs A(t - L) with B(t) (A leads); samples before the series start do not exist;
- r exists only with at least MIN_SAMPLES shared samples and both sides non-constant;
- the alert condition is |r| >= THRESHOLD; it fires once it has held at every evaluation for FOR.
"""
import json
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'fixtures', 'alerting')
STEP = 60
WINDOW = 600
MIN_SAMPLES = 7
FOR = 120
THRESHOLD = 0.7
LENGTH = 60
# A label value built to break naive quoting in PromQL, YAML and Go templates.
HOSTILE = 'q"}{{ x }}\\n\n\'`$1'


def window_r(a, b, t, lag_steps):
    """r at evaluation index t, or None (too few shared samples, or a constant side)."""
    xs, ys = [], []
    for k in range(max(0, t - WINDOW // STEP), t + 1):
        i = k - lag_steps
        if i < 0:
            continue
        xs.append(a[i])
        ys.append(b[k])
    if len(xs) < MIN_SAMPLES or np.std(xs) == 0 or np.std(ys) == 0:
        return None
    return float(np.corrcoef(xs, ys)[0, 1])


def firing_times(rs):
    """Evaluation indexes at which the alert is firing (Prometheus' pending -> firing after FOR)."""
    active_since = None
    out = []
    for t, r in enumerate(rs):
        if r is not None and abs(r) >= THRESHOLD:
            if active_since is None:
                active_since = t
            if (t - active_since) * STEP >= FOR:
                out.append(t)
        else:
            active_since = None
    return out


def case(name, a, b, lag_steps=0, select=None):
    rs = [window_r(a, b, t, lag_steps) for t in range(LENGTH)]
    return {
        'name': name,
        'lagSeconds': lag_steps * STEP,
        'select': select or {'case': name},
        'a': [repr(float(v)) for v in a],
        'b': [repr(float(v)) for v in b],
        'r': rs,
        'firing': firing_times(rs),
    }


def main():
    rng = np.random.default_rng(20261112)
    noise = lambda: rng.normal(0.0, 1.0, LENGTH)
    base = 10 + np.cumsum(noise()) * 0.5

    # Unrelated at first, then B moves with A (minutes 20-40), then unrelated again.
    other = 3 + noise()
    coupled = other.copy()
    coupled[20:41] = 2 * base[20:41] + 0.1 * noise()[20:41]

    # B takes A's value three minutes later: only the lagged rule sees it.
    lag_b = np.concatenate([[base[0]] * 3, base[:-3]]) + 0.01 * noise()

    # A steady, moderate relation: r stays well below the threshold in every window.
    weak = 0.15 * base + noise()

    cases = [
        case('fires', base, coupled),
        case('constant', base, np.full(LENGTH, 5.0)),
        case('below', base, weak),
        case('lagged', base, lag_b, lag_steps=3),
        case('unlagged', base, lag_b, lag_steps=0),
        case('hostile', base, coupled, select={'case': HOSTILE}),
    ]
    below = [r for r in cases[2]['r'] if r is not None]
    assert max(abs(r) for r in below) < THRESHOLD - 0.05, 'the "below" case must stay clear of the threshold'
    assert cases[0]['firing'] and cases[3]['firing'], 'the firing cases must fire'
    assert not cases[1]['firing'] and not cases[2]['firing']

    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, 'promtool_cases.json'), 'w') as f:
        json.dump({
            'meta': {'generator': 'scripts/reference/alerting_fixtures.py', 'numpy': np.__version__},
            'stepSeconds': STEP, 'windowSeconds': WINDOW, 'minSamples': MIN_SAMPLES, 'forSeconds': FOR,
            'threshold': THRESHOLD, 'length': LENGTH, 'cases': cases,
        }, f, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main()
