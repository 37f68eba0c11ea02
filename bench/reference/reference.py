"""Same-run NumPy/SciPy/pandas references for bench/reference.bench.ts.

Usage: python3 reference.py SPEC.json

SPEC names one implementation of one benchmark case and the raw float64 files (little-endian, row-major)
the engine was given, so both sides compute on the same bytes:

  {"impl": "numpy.corrcoef", "inputs": {"x": {"file": ".../x.f64", "shape": [500, 10080]}},
   "params": {...}, "runs": 3, "warmup": 1, "outDir": "..."}

It prints one JSON object on stdout:

  {"medianS", "samplesS", "rssDeltaBytes", "tracemallocPeakBytes", "outputs": {name: file}, "blas", "versions"}

or {"skipped": "<why>"} when a module is missing. Memory, both taken on the first (warm-up) call:
- rssDeltaBytes: peak resident set size during the call (VmHWM, reset just before it through
  /proc/self/clear_refs) minus the resident size just before it; what the operating system saw, including
  memory freed before the call returned. null where the peak cannot be reset.
- tracemallocPeakBytes: peak of Python-allocated memory (NumPy registers its buffers with tracemalloc;
  BLAS workspaces are not seen), in a separate untimed call since tracing slows allocation down.
Timing: median of `runs` calls after `warmup` untimed calls, like bench/lib/timing.ts. The parent sets
OMP/OPENBLAS/MKL_NUM_THREADS=1 so BLAS uses one thread, like the engine's one JavaScript thread.
"""

import json
import os
import resource
import sys
import time
import tracemalloc

try:
    import numpy as np
except ImportError as e:  # the bench prints "reference skipped" instead of failing
    print(json.dumps({"skipped": f"numpy not importable: {e}"}))
    sys.exit(0)


def load(spec, name):
    inp = spec["inputs"][name]
    return np.fromfile(inp["file"], dtype="<f8").reshape(inp["shape"])


def rss_now():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def reset_peak_rss():
    """Resets the kernel's peak RSS (VmHWM) to the current RSS: the imports' peak must not count as the call's.
    False where /proc/self/clear_refs is not writable (Linux before 4.0, other systems)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def peak_rss():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux


def blas_library():
    """The BLAS shared library this process loaded (Debian switches it with update-alternatives)."""
    try:
        with open("/proc/self/maps") as f:
            libs = {p for p in (line.split()[-1] for line in f) if os.path.basename(p).startswith(("libblas", "libopenblas", "libmkl"))}
        return ", ".join(sorted(os.path.realpath(p) for p in libs)) or "none"
    except OSError:
        return "unknown"


# ---- the implementations: each takes (spec) and returns (call, outputs_of(result)) ----


def pearson_numpy(spec):
    x = load(spec, "x")
    return (lambda: np.corrcoef(x)), (lambda r: {"r": r})


def pearson_pandas(spec):
    import pandas as pd

    # A pandas user already holds the frame (time in rows, one column per series): built outside the timing.
    df = pd.DataFrame(load(spec, "x").T)
    return (lambda: df.corr()), (lambda r: {"r": r.to_numpy()})


def correlation_significance(spec):
    """What analyze() returns for a Pearson matrix (r, p, naive p, nEff, Fisher CI, BH q), written with
    NumPy/SciPy vectorised as a NumPy user would, following src/stats/significance/*."""
    from scipy.special import ndtri, stdtr

    x = load(spec, "x")
    alpha = spec["params"]["alpha"]
    N, T = x.shape
    iu = np.triu_indices(N, 1)

    def p_value(a, df):
        # Two-sided p of r with df degrees of freedom, 2 P(T_df > |t|), t = |r| sqrt(df / ((1-|r|)(1+|r|))).
        # WHY stdtr and not betainc(df/2, 1/2, 1 - r^2): 1 - r^2 rounds to 1 for tiny r, and that form was
        # off by up to 1e-6 there (against 40-digit mpmath), while the engine and stdtr agree to 1e-15.
        with np.errstate(invalid="ignore", divide="ignore"):
            p = 2 * stdtr(df, -a * np.sqrt(df / ((1 - a) * (1 + a))))
        return np.where(df > 0, np.where(a >= 1, 0.0, np.minimum(1.0, p)), np.nan)

    def mirror(upper):
        m = np.full((N, N), np.nan)
        m[iu] = upper
        m.T[iu] = upper
        return m

    def run():
        r = np.corrcoef(x)
        np.clip(r, -1, 1, out=r)
        np.fill_diagonal(r, 1.0)
        xc = x - x.mean(axis=1, keepdims=True)
        lag1 = np.einsum("ij,ij->i", xc[:, :-1], xc[:, 1:]) / np.einsum("ij,ij->i", xc, xc)
        rv = r[iu]
        a = np.abs(rv)
        # Bretherton et al. (1999): n (1 - r1a r1b) / (1 + r1a r1b), the product floored at 0, clamped to [2, n].
        rho = np.maximum(0.0, lag1[iu[0]] * lag1[iu[1]])
        n_eff = np.where(rho >= 1, min(T, 2), np.clip(T * (1 - rho) / (1 + rho), min(T, 2), T))
        p_naive = p_value(a, np.full_like(a, T - 2.0)) if T > 2 else np.ones_like(a)
        p = p_value(a, n_eff - 2)
        with np.errstate(invalid="ignore", divide="ignore"):
            half = ndtri(1 - alpha / 2) * np.sqrt(1.0 / (n_eff - 3))
            z = np.arctanh(rv)
            ok = n_eff > 3
            lo = np.where(ok, np.where(a >= 1, rv, np.tanh(z - half)), np.nan)
            hi = np.where(ok, np.where(a >= 1, rv, np.tanh(z + half)), np.nan)
        # Benjamini-Hochberg step-up over the upper triangle (statsmodels' fdr_bh).
        order = np.argsort(p, kind="stable")
        m = p.size
        stepped = np.minimum.accumulate((p[order] * m / np.arange(1, m + 1))[::-1])[::-1]
        q = np.empty_like(p)
        q[order] = np.minimum(1.0, stepped)
        return {
            "r": r,
            "p": mirror(p),
            "pNaive": mirror(p_naive),
            "nEff": mirror(n_eff),
            "ciLow": mirror(lo),
            "ciHigh": mirror(hi),
            "q": mirror(q),
        }

    return run, (lambda out: out)


def spearman_scipy(spec):
    from scipy.stats import spearmanr

    xt = np.ascontiguousarray(load(spec, "x").T)  # spearmanr: observations in rows, variables in columns
    return (lambda: spearmanr(xt)[0]), (lambda r: {"r": r})


def lags_numpy_fft(spec):
    """All-pairs cross-correlation r(k) = corr(A[t], B[t+k]), k = -L..L, biased normalisation, by batched
    real FFTs: one rfft per series, per series i one batched irfft over its partners j > i."""
    from scipy.fft import next_fast_len

    x = load(spec, "x")
    L = spec["params"]["maxLag"]
    N, T = x.shape
    size = next_fast_len(T + L, real=True)  # zero padding >= T + L makes the circular sums linear for |k| <= L

    def run():
        xc = x - x.mean(axis=1, keepdims=True)
        norm = np.sqrt(np.einsum("ij,ij->i", xc, xc))
        spectra = np.fft.rfft(xc, n=size, axis=1)
        out = np.empty((N * (N - 1) // 2, 2 * L + 1))
        row = 0
        for i in range(N - 1):
            sums = np.fft.irfft(np.conj(spectra[i]) * spectra[i + 1 :], n=size, axis=1)
            k = N - 1 - i
            out[row : row + k, :L] = sums[:, size - L :]
            out[row : row + k, L:] = sums[:, : L + 1]
            out[row : row + k] /= (norm[i] * norm[i + 1 :])[:, None]
            row += k
        return out

    return run, (lambda r: {"r": r})


def psi_numpy(spec):
    """PSI with 10 bins cut at the baseline's quantiles, bins (e_{k-1}, e_k], empty shares -> 1e-4."""
    cur = load(spec, "current").ravel()
    base = load(spec, "baseline").ravel()
    bins = spec["params"]["bins"]

    def run():
        edges = np.unique(np.quantile(base, np.arange(1, bins) / bins))
        c = np.bincount(np.searchsorted(edges, cur, side="left"), minlength=edges.size + 1) / cur.size
        b = np.bincount(np.searchsorted(edges, base, side="left"), minlength=edges.size + 1) / base.size
        c[c == 0] = 1e-4
        b[b == 0] = 1e-4
        return np.array([np.sum((c - b) * np.log(c / b))])

    return run, (lambda v: {"psi": v})


def ks_scipy(spec):
    from scipy.stats import ks_2samp

    cur = load(spec, "current").ravel()
    base = load(spec, "baseline").ravel()
    return (lambda: ks_2samp(cur, base)), (lambda res: {"statistic": np.array([res.statistic])})


def wasserstein_scipy(spec):
    from scipy.stats import wasserstein_distance

    cur = load(spec, "current").ravel()
    base = load(spec, "baseline").ravel()
    return (lambda: wasserstein_distance(cur, base)), (lambda d: {"distance": np.array([d])})


IMPLEMENTATIONS = {
    "numpy.corrcoef": pearson_numpy,
    "pandas.DataFrame.corr": pearson_pandas,
    "numpy+scipy significance": correlation_significance,
    "scipy.stats.spearmanr": spearman_scipy,
    "numpy rfft/irfft": lags_numpy_fft,
    "numpy quantile+searchsorted": psi_numpy,
    "scipy.stats.ks_2samp": ks_scipy,
    "scipy.stats.wasserstein_distance": wasserstein_scipy,
}


def main():
    with open(sys.argv[1]) as f:
        spec = json.load(f)
    try:
        call, outputs_of = IMPLEMENTATIONS[spec["impl"]](spec)
    except ImportError as e:
        print(json.dumps({"skipped": f"module not importable: {e}"}))
        return

    can_reset = reset_peak_rss()
    before = rss_now()
    result = call()  # first warm-up call: its memory
    rss_delta = max(0, peak_rss() - before) if can_reset else None
    for _ in range(spec["warmup"] - 1):
        call()
    samples = []
    for _ in range(spec["runs"]):
        t0 = time.perf_counter()
        call()
        samples.append(time.perf_counter() - t0)

    tracemalloc.start()
    call()
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    files = {}
    for name, arr in outputs_of(result).items():
        path = os.path.join(spec["outDir"], f"out-{name}.f64")
        np.ascontiguousarray(arr, dtype="<f8").tofile(path)
        files[name] = path

    try:
        import scipy

        scipy_version = scipy.__version__
    except ImportError:
        scipy_version = None
    print(
        json.dumps(
            {
                "medianS": float(np.median(samples)),
                "samplesS": samples,
                "rssDeltaBytes": rss_delta,
                "tracemallocPeakBytes": traced_peak,
                "outputs": files,
                "blas": blas_library(),
                "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy_version},
            }
        )
    )


if __name__ == "__main__":
    main()
