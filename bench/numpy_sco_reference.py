#!/usr/bin/python3
"""Vectorized NumPy reference of one SCO tracing trial, the computation bench/sco_bench.cc times as
BM_ScoTrial: p_k ~ s-beta(β, β) on [−1, 1]; n training and n fresh rows of ±1 coins with means p
(int8, generated in row blocks); ERM θ = z̄/‖z̄‖; scores ⟨θ, z − µ⟩ of all 2n points; Hoeffding
thresholds at ξ/n; recall and false alarms. Prints JSON: seconds per trial and coins per second.
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


def trial(n, d, eps, xi, rng, block=50):
    beta = 1.0 / (8 * eps * eps)
    p = 2.0 * rng.beta(beta, beta, size=d) - 1.0
    q = (1.0 + p) / 2.0
    mu = p / math.sqrt(d)

    def rows(count):
        out = np.empty((count, d), dtype=np.int8)
        for r0 in range(0, count, block):
            r1 = min(count, r0 + block)
            out[r0:r1] = np.where(rng.random((r1 - r0, d)) < q, 1, -1)
        return out

    train = rows(n)
    fresh = rows(n)
    zbar = train.sum(axis=0, dtype=np.int64) / (n * math.sqrt(d))
    theta = zbar / np.linalg.norm(zbar)
    w = theta / math.sqrt(d)
    offset = float(theta @ mu)
    s_train = np.empty(n)
    s_fresh = np.empty(n)
    for r0 in range(0, n, block):
        r1 = min(n, r0 + block)
        s_train[r0:r1] = train[r0:r1].astype(np.float64) @ w - offset
        s_fresh[r0:r1] = fresh[r0:r1].astype(np.float64) @ w - offset
    tau = math.sqrt(2 * math.log(n / xi) / d)  # ‖θ‖ = 1
    return int((s_train >= tau).sum()), bool((s_fresh >= tau).any())


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--d", type=int, default=500000)
    ap.add_argument("--eps", type=float, default=0.05)
    ap.add_argument("--xi", type=float, default=0.01)
    ap.add_argument("--trials", type=int, default=2)
    args = ap.parse_args()
    rng = np.random.default_rng(20261121)
    start = time.perf_counter()
    recalls = [trial(args.n, args.d, args.eps, args.xi, rng)[0] for _ in range(args.trials)]
    seconds = (time.perf_counter() - start) / args.trials
    json.dump({"n": args.n, "d": args.d, "numpy": np.__version__, "blas": runtime_blas(), "seconds_per_trial": seconds,
               "coins_per_second": 2 * args.n * args.d / seconds, "recall": recalls}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
