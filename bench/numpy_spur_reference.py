#!/usr/bin/python3
"""NumPy references of the computations bench/spur_bench.cc times (same sizes, same steps; the data
are drawn with NumPy's generator, so the numbers agree in law, not bit for bit).

figure1: one Figure-1 ERM arm (BM_SpurFigure1Arm): a train split (n = 1000, 90/10, 99 flipped
  spurious features) and a balanced validation split of x = ((0.12ξ − 1)y, 5(0.12ξ′ − 1)y·(±1),
  σ_ε ε), σ_ε = 0.5, D = 1800; PyTorch's default init of Linear(D→2) as w = W₁ − W₀; 1000 full-batch
  epochs of binary logistic GD at lr 2 × 1e-2, with the validation and training accuracy by group at
  every epoch (1001 read-outs). Data generation is included in the time, as in the C++.
  natural  the primal form a NumPy/PyTorch user writes: f = X w, w += η/n Xᵀ(y σ(−y f)), f_val = X_val w
           (three n × D matrix-vector products per epoch)
  dual     the careful dual form of the library: K = XXᵀ, K_val = X_val Xᵀ once, then per epoch
           c += Δc, f += K Δc, f_val = f_val,0 + K_val c (two n × n products per epoch)
margins: trials of the spur_margins cell main_n200_rho0.1_g5_dn20_ns1 (BM_SpurMarginCellParallel): idealized
  data (n = 200, D = 4002, σ_ε = √(s/d), s = n), K = XXᵀ, the hard-margin SVM by dual coordinate ascent
  (the same algorithm and stopping rule as sim/spur/hard_margin_svm.cc: cyclic α_i ← max(0, α_i + g_i/K_ii),
  KKT violation < 1e-8 checked once per sweep; the coordinate loop is sequential, so it is a Python loop
  with a vectorised O(n) column update), the min-norm interpolant c = K⁻¹y (np.linalg.solve), read-outs,
  Φ accuracies, Monte Carlo test accuracy on 2 × 2000 fresh points (blocks of 500), max noise cosine.
normals: the rate of rng.standard_normal (PCG64, ziggurat) in the Monte Carlo's blocks.
Prints JSON: Figure 1, median seconds over --repeats runs of each form, with the parts' timings of the
last run; margins, mean seconds per trial over --margin-trials fresh draws (the SVM's sweep count, and
so its time, depends on the draw), with the parts' means.
"""
import argparse
import json
import math
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402

from blas_info import runtime_blas  # noqa: E402


# ---------------------------------------------------------------------------------------------------
# Figure 1


def figure1_split(n, d, majority_fraction, sigma, rng):
    y = np.where(rng.random(n) <= 0.5, 1.0, -1.0)
    minority = np.zeros(n, dtype=bool)
    minority[rng.choice(n, int((1.0 - majority_fraction) * n), replace=False)] = True
    x = np.empty((n, d + 2))
    x[:, 0] = (0.12 * rng.standard_normal(n) - 1.0) * y
    x[:, 1] = 5.0 * (0.12 * rng.standard_normal(n) - 1.0) * y
    x[minority, 1] *= -1.0
    x[:, 2:] = sigma * rng.standard_normal((n, d))
    return x, y, minority


def figure1_data(n, d, sigma, rng):
    train = figure1_split(n, d, 0.9, sigma, rng)
    val = figure1_split(n, d, 0.5, sigma, rng)
    bound = 1.0 / math.sqrt(d + 2)
    w0 = rng.uniform(-bound, bound, d + 2)
    w1 = rng.uniform(-bound, bound, d + 2)
    return train, val, w1 - w0


def group_accuracy(f, y, minority):
    right = (f > 0) == (y > 0)
    return right[~minority].mean(), right[minority].mean()


def figure1_natural(n, d, epochs, lr, sigma, rng):
    start = time.perf_counter()
    (x, y, m), (xv, yv, mv), w = figure1_data(n, d, sigma, rng)
    t_data = time.perf_counter() - start
    checksum = 0.0
    for epoch in range(epochs + 1):
        fv = xv @ w
        f = x @ w
        va = group_accuracy(fv, yv, mv)
        ta = group_accuracy(f, y, m)
        checksum += va[0] + va[1] + ta[0] + ta[1]
        if epoch == epochs:
            break
        with np.errstate(over="ignore"):
            r = y / (1.0 + np.exp(y * f))  # y σ(−y f)
        w += (lr / n) * (x.T @ r)
    return time.perf_counter() - start, {"data_seconds": t_data, "val_majority": va[0], "val_minority": va[1],
                                         "checksum": checksum}


def figure1_dual(n, d, epochs, lr, sigma, rng):
    start = time.perf_counter()
    (x, y, m), (xv, yv, mv), w = figure1_data(n, d, sigma, rng)
    t_data = time.perf_counter() - start
    k = x @ x.T
    kv = xv @ x.T
    f = x @ w
    fv0 = xv @ w
    t_gram = time.perf_counter() - start - t_data
    c = np.zeros(n)
    checksum = 0.0
    for epoch in range(epochs + 1):
        fv = fv0 + kv @ c
        va = group_accuracy(fv, yv, mv)
        ta = group_accuracy(f, y, m)
        checksum += va[0] + va[1] + ta[0] + ta[1]
        if epoch == epochs:
            break
        with np.errstate(over="ignore"):
            dc = (lr / n) * y / (1.0 + np.exp(y * f))
        c += dc
        f += k @ dc
    return time.perf_counter() - start, {"data_seconds": t_data, "gram_seconds": t_gram, "val_majority": va[0],
                                         "val_minority": va[1], "checksum": checksum}


# ---------------------------------------------------------------------------------------------------
# Idealized model: one spur_margins trial


def svm_dual_coordinate_ascent(k, y, tolerance=1e-8, max_sweeps=100000):
    n = len(y)
    alpha = np.zeros(n)
    f = np.zeros(n)
    diag = k.diagonal().copy()

    def kkt(alpha, f):
        g = 1.0 - y * f
        return np.where(alpha > 0.0, np.abs(g), np.maximum(g, 0.0)).max()

    sweeps = 0
    while sweeps < max_sweeps:
        for i in range(n):  # cyclic and sequential: f changes after every coordinate
            yi = y[i]
            a = alpha[i]
            updated = max(0.0, a + (1.0 - yi * f[i]) / diag[i])
            if updated != a:
                alpha[i] = updated
                f += ((updated - a) * yi) * k[i]  # K symmetric: row i = column i, contiguous
        sweeps += 1
        if kkt(alpha, f) >= tolerance:
            continue
        f = k @ (alpha * y)
        if kkt(alpha, f) < tolerance:
            break
    return alpha, sweeps


def normal_cdf(z):
    return 0.5 * math.erfc(-z / math.sqrt(2.0))


def margin_trial(n, rho, gamma, d, n_over_s, test_points, rng, block=500):
    times = {}
    start = time.perf_counter()
    sigma = math.sqrt(n / n_over_s / d)
    y = np.where(rng.random(n) <= 0.5, 1.0, -1.0)
    minority = np.zeros(n, dtype=bool)
    minority[rng.choice(n, int(math.floor(rho * n)), replace=False)] = True
    a = np.where(minority, -y, y)
    x = np.empty((n, d + 2))
    x[:, 0] = y
    x[:, 1] = gamma * a
    x[:, 2:] = sigma * rng.standard_normal((n, d))
    k = x @ x.T
    times["data_gram_seconds"] = time.perf_counter() - start
    t = time.perf_counter()
    alpha, sweeps = svm_dual_coordinate_ascent(k, y)
    times["svm_seconds"] = time.perf_counter() - t
    c = alpha * y
    w = x.T @ c
    out = {"sweeps": sweeps, "support": int((alpha > 0).sum())}
    out["u_svm"] = w[0] + gamma * w[1]
    out["v_svm"] = w[0] - gamma * w[1]
    weps2 = w[2:] @ w[2:]
    c_mn = np.linalg.solve(k, y)  # min-norm interpolant w = Xᵀ K⁻¹ y
    w_mn = x.T @ c_mn
    out["residual"] = float(np.abs(y * (x @ w_mn) - 1.0).max())
    out["u_mn"] = w_mn[0] + gamma * w_mn[1]
    out["v_mn"] = w_mn[0] - gamma * w_mn[1]
    sd = sigma * math.sqrt(weps2)
    out["acc_majority"] = normal_cdf((w[0] + gamma * w[1]) / sd)
    out["acc_minority"] = normal_cdf((w[0] - gamma * w[1]) / sd)
    t = time.perf_counter()
    for name, sign in (("mc_majority", 1.0), ("mc_minority", -1.0)):
        right = 0
        for b0 in range(0, test_points, block):
            m = min(block, test_points - b0)
            yt = np.where(rng.random(m) <= 0.5, 1.0, -1.0)
            f = yt * w[0] + gamma * sign * yt * w[1] + sigma * (rng.standard_normal((m, d)) @ w[2:])
            right += int(((f > 0) == (yt > 0)).sum())
        out[name] = right / test_points
    times["monte_carlo_seconds"] = time.perf_counter() - t
    noise = x[:, 2:]
    g = noise @ noise.T
    norms = np.sqrt(g.diagonal())
    cos = np.abs(g) / np.outer(norms, norms)
    np.fill_diagonal(cos, 0.0)
    out["max_cos"] = float(cos.max())
    return time.perf_counter() - start, {**out, **times}


def normals_per_second(rng, d, test_points, block=500):
    """Rate of rng.standard_normal in the Monte Carlo's pattern (blocks of block × d)."""
    start = time.perf_counter()
    for _ in range(0, 2 * test_points, block):
        rng.standard_normal((block, d))
    return 2 * test_points * d / (time.perf_counter() - start)


def timed(fn, repeats):
    runs = [fn() for _ in range(repeats)]
    return float(np.median([r[0] for r in runs])), [r[0] for r in runs], runs[-1][1]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--d", type=int, default=1798, help="noise coordinates (D = d + 2)")
    ap.add_argument("--epochs", type=int, default=1000)
    ap.add_argument("--margin-n", type=int, default=200)
    ap.add_argument("--margin-d-over-n", type=float, default=20.0)
    ap.add_argument("--margin-n-over-s", type=float, default=1.0)
    ap.add_argument("--test-points", type=int, default=2000)
    ap.add_argument("--repeats", type=int, default=3, help="runs of each Figure-1 form (median)")
    ap.add_argument("--margin-trials", type=int, default=8, help="margins trials (fresh draws; mean)")
    args = ap.parse_args()
    rng = np.random.default_rng(20261121)
    lr = 2.0 * 1e-2
    natural = timed(lambda: figure1_natural(args.n, args.d, args.epochs, lr, 0.5, rng), args.repeats)
    dual = timed(lambda: figure1_dual(args.n, args.d, args.epochs, lr, 0.5, rng), args.repeats)
    d_margin = int(args.margin_d_over_n * args.margin_n)
    margin_runs = [margin_trial(args.margin_n, 0.1, 5.0, d_margin, args.margin_n_over_s, args.test_points, rng)
                   for _ in range(args.margin_trials)]
    margin_seconds = [r[0] for r in margin_runs]
    margin_parts = {key: float(np.mean([r[1][key] for r in margin_runs]))
                    for key in ("data_gram_seconds", "svm_seconds", "monte_carlo_seconds", "support", "sweeps")}
    margin_parts["sweeps_each"] = [r[1]["sweeps"] for r in margin_runs]
    normals = float(np.median([normals_per_second(rng, d_margin, args.test_points) for _ in range(args.repeats)]))
    json.dump({"numpy": np.__version__, "blas": runtime_blas(), "normals_per_second": normals, "n": args.n, "d": args.d, "epochs": args.epochs, "repeats": args.repeats,
               "figure1_natural_seconds": natural[0], "figure1_natural_runs": natural[1], "figure1_natural": natural[2],
               "figure1_dual_seconds": dual[0], "figure1_dual_runs": dual[1], "figure1_dual": dual[2],
               "margin_n": args.margin_n, "margin_d": d_margin,
               "margin_trials": args.margin_trials, "margin_trial_seconds": float(np.mean(margin_seconds)),
               "margin_trial_runs": margin_seconds, "margin_trial": margin_parts},
              sys.stdout, indent=1, default=float)
    print()


if __name__ == "__main__":
    main()
