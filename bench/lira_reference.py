#!/usr/bin/python3
"""Reference implementations of the LiRA shadow models bench/mem_bench.cc times (BM_LiraShadows), as a
NumPy or PyTorch user writes them: the scn_mem_lira default configuration (a pool of N = 2000 points,
D = 500 random Fourier features, m = 5 classes, M = 128 one-hot ridge classifiers, each on the N/2
points an argsort mask puts IN, lambda = 0.01), each model solve(A^T A + lambda I, A^T Y) on its IN rows
and its outputs on the pool, then the true-label margins. The data are Gaussian stand-ins of the same
shapes (the timing does not depend on the values).
Prints JSON: the median seconds of the M models (over --repeats), models per second, the framework,
dtype, threads and BLAS.
  /usr/bin/python3 bench/lira_reference.py --framework numpy --threads 1
  /usr/bin/python3 bench/lira_reference.py --framework torch --dtype float32 --threads 1
"""
import argparse
import json
import os
import statistics
import sys
import time

N, D, M, CLASSES, RIDGE = 2000, 500, 128, 5, 0.01


def shadows_numpy(np, z, y, keep):
    onehot = np.eye(CLASSES)[y]
    rows = np.arange(N)
    margins = np.empty((M, N))
    for j in range(M):
        a = z[keep[j]]
        w = np.linalg.solve(a.T @ a + RIDGE * np.eye(D), a.T @ onehot[keep[j]])
        out = z @ w
        true = out[rows, y]
        out[rows, y] = -np.inf
        margins[j] = true - out.max(axis=1)
    return margins


def shadows_torch(torch, z, y, keep):
    onehot = torch.nn.functional.one_hot(y, CLASSES).to(z.dtype)
    rows = torch.arange(N)
    eye = torch.eye(D, dtype=z.dtype)
    margins = torch.empty((M, N), dtype=z.dtype)
    for j in range(M):
        a = z[keep[j]]
        w = torch.linalg.solve(a.T @ a + RIDGE * eye, a.T @ onehot[keep[j]])
        out = z @ w
        true = out[rows, y].clone()
        out[rows, y] = -float("inf")
        margins[j] = true - out.max(dim=1).values
    return margins


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--framework", choices=["numpy", "torch"], required=True)
    parser.add_argument("--dtype", choices=["float32", "float64"], default="float64")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    os.environ["OMP_NUM_THREADS"] = os.environ["OPENBLAS_NUM_THREADS"] = str(args.threads)
    import numpy as np
    rng = np.random.default_rng(0)
    z = rng.standard_normal((N, D)) * (2.0 / D) ** 0.5
    y = rng.integers(0, CLASSES, N)
    keep = rng.uniform(size=(M, N)).argsort(0) < M // 2
    if args.framework == "torch":
        import torch
        torch.set_num_threads(args.threads)
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        from grokking_reference import torch_blas
        dtype = getattr(torch, args.dtype)
        run = lambda: shadows_torch(torch, torch.tensor(z, dtype=dtype), torch.tensor(y), torch.tensor(keep))  # noqa: E731
        info = {"framework": "torch " + torch.__version__, "blas": torch_blas(torch)}
    else:
        run = lambda: shadows_numpy(np, z.astype(args.dtype), y, keep)  # noqa: E731
        info = {"framework": "numpy " + np.__version__, "blas": os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")}
    times = []
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    seconds = statistics.median(times)
    info.update({"seconds": seconds, "models": M, "models_per_second": M / seconds, "dtype": args.dtype, "threads": args.threads,
                 "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE", "(unset)")})
    json.dump(info, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
