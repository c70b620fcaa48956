#!/usr/bin/python3
"""Reference implementations of two learning-dynamics kernels bench/ld_bench.cc times:
  teacher-student step (BM_TeacherStudentStep): the Omnigrok notebook's loop body
      (KindXiaoming/Omnigrok teacher-student/grokking/regression_grokking.ipynb): a 5-100-100-5 tanh MLP on 100
      training and 100 test samples, training forward, test forward, MSE backward, torch.optim.AdamW
      (lr 1e-3, weight decay 0.1), in PyTorch (Debian's python3-torch) at --dtype and --threads;
  1-NN (BM_NearestNeighbour): sort 1e5 training points of N(+-1, 1), classify 1e5 queries by
      numpy.searchsorted, as a NumPy user writes it.
Prints JSON: the median seconds of one teacher-student step (over --steps steps after 20 warm-up steps),
the median seconds of one 1-NN build-and-classify, and the versions, dtype and threads.
  /usr/bin/python3 bench/teacher_student_reference.py --dtype float32 --threads 1
"""
import argparse
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from grokking_reference import torch_blas  # noqa: E402


def teacher_student_step_seconds(torch, dtype, steps):
    torch.manual_seed(0)

    def net():
        return torch.nn.Sequential(torch.nn.Linear(5, 100), torch.nn.Tanh(), torch.nn.Linear(100, 100), torch.nn.Tanh(),
                                   torch.nn.Linear(100, 5)).to(dtype)
    teacher, student = net(), net()
    with torch.no_grad():
        for p in student.parameters():
            p.mul_(2.0)
        x_train, x_test = torch.randn(100, 5, dtype=dtype), torch.randn(100, 5, dtype=dtype)
        y_train, y_test = teacher(x_train), teacher(x_test)
    optimizer = torch.optim.AdamW(student.parameters(), lr=1e-3, weight_decay=0.1)
    times = []
    for step in range(steps + 20):
        start = time.perf_counter()
        optimizer.zero_grad()
        per_sample = torch.mean((student(x_train) - y_train) ** 2, dim=1)
        loss = torch.mean(per_sample)
        _ = torch.sum(per_sample < 0.01)
        with torch.no_grad():
            _ = torch.sum(torch.mean((student(x_test) - y_test) ** 2, dim=1) < 0.01)
        loss.backward()
        optimizer.step()
        if step >= 20:
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def nearest_neighbour_seconds(np, repeats):
    rng = np.random.default_rng(0)

    def mixture(n):
        y = rng.integers(0, 2, n)
        return np.where(y == 1, 1.0, -1.0) + rng.standard_normal(n), y
    x_train, y_train = mixture(100000)
    x_test, y_test = mixture(100000)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        order = np.argsort(x_train, kind="stable")
        xs, ys = x_train[order], y_train[order]
        right = np.clip(np.searchsorted(xs, x_test), 1, len(xs) - 1)
        left = right - 1
        nearest = np.where(x_test - xs[left] <= xs[right] - x_test, left, right)
        error = np.mean(ys[nearest] != y_test)
        times.append(time.perf_counter() - start)
    return statistics.median(times), float(error)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dtype", default="float32", choices=["float32", "float64"])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--steps", type=int, default=500)
    args = parser.parse_args()
    import numpy as np
    import torch
    torch.set_num_threads(args.threads)
    dtype = torch.float32 if args.dtype == "float32" else torch.float64
    nn_seconds, nn_error = nearest_neighbour_seconds(np, 7)
    print(json.dumps({"framework": f"torch {torch.__version__}", "numpy": np.__version__, "dtype": args.dtype, "threads": args.threads,
                      "blas": torch_blas(torch), "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE", "(unset)"),
                      "teacher_student_step_seconds": teacher_student_step_seconds(torch, dtype, args.steps),
                      "nearest_neighbour_seconds": nn_seconds, "nearest_neighbour_error": nn_error}))


if __name__ == "__main__":
    main()
