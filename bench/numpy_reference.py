#!/usr/bin/python3
"""NumPy references for one exact (B, V) draw of min-norm interpolation, timed on the same machine
as the C++ kernel (bench/exact_risk_bench.cc). Both compute, for X = Z Λ^{1/2} with Z ~ N(0,1):
  B = ‖(I − X⁺X)θ‖²_Σ and V = σ² tr(A⁻¹ X Σ Xᵀ A⁻¹), A = X Xᵀ.
  pinv     what public benign-overfitting code does: θ̂ from np.linalg.pinv(X) (an SVD), B and V
           from X⁺ (d × n), never forming d × d
  gram     a careful NumPy version of memgen's algorithm: A and M = XΣXᵀ by BLAS over column blocks,
           Cholesky, no d × n matrix kept
Prints one JSON object with the seconds per draw. Single-threaded BLAS (as memgen's per-draw kernel).
"""
import argparse
import json
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402

from blas_info import runtime_blas  # noqa: E402


def spectrum(d, alpha=1.5):
    return np.arange(1, d + 1, dtype=float) ** (-alpha)


def pinv_draw(n, d, rng, sigma2=1.0):
    lam = spectrum(d)
    x = rng.standard_normal((n, d)) * np.sqrt(lam)
    theta = np.zeros(d)
    theta[0] = 1.0
    xp = np.linalg.pinv(x)                      # d × n
    theta_hat = xp @ (x @ theta)
    bias = float(np.sum(lam * (theta - theta_hat) ** 2))
    variance = sigma2 * float(np.sum(lam[:, None] * xp ** 2))
    return bias, variance


def gram_draw(n, d, rng, sigma2=1.0, block=2048):
    lam = spectrum(d)
    a = np.zeros((n, n))
    m = np.zeros((n, n))
    v = np.zeros(n)
    x_head = None
    for j0 in range(0, d, block):
        j1 = min(d, j0 + block)
        z = rng.standard_normal((n, j1 - j0))
        xb = z * np.sqrt(lam[j0:j1])
        ub = z * lam[j0:j1]
        a += xb @ xb.T
        m += ub @ ub.T
        if j0 == 0:
            x_head = xb[:, :1].copy()
            m_head = np.outer(ub[:, 0], ub[:, 0])
            v += xb[:, 0]
    chol = np.linalg.cholesky(a)
    inv = np.linalg.inv(a)  # as memgen: K = A⁻¹, V = σ² Σ (KM)∘K
    variance = sigma2 * float(np.sum((inv @ m) * inv))
    w = np.linalg.solve(chol.T, np.linalg.solve(chol, v))
    m_tail = m - m_head
    bias = float(lam[0] * (1.0 - x_head[:, 0] @ w) ** 2 + w @ m_tail @ w)
    return bias, variance


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--d", type=int, default=100000)
    parser.add_argument("--methods", default="gram,pinv")
    args = parser.parse_args()
    rng = np.random.default_rng(20261121)
    out = {"n": args.n, "d": args.d, "numpy": np.__version__}
    for method in args.methods.split(","):
        fn = {"pinv": pinv_draw, "gram": gram_draw}[method]
        start = time.perf_counter()
        bias, variance = fn(args.n, args.d, rng)
        out[f"{method}_seconds"] = time.perf_counter() - start
        out[f"{method}_bias"] = bias
        out[f"{method}_variance"] = variance
    out["blas"] = runtime_blas()
    json.dump(out, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
