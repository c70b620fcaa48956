#!/usr/bin/python3
"""Reference implementations of the step bench/ld_bench.cc times (BM_GrokStep, BM_GrokStepEval,
BM_GrokToGeneralize): the quadratic MLP f(x) = W2 (W1 x)^2 of Doshi et al. (d-doshi/Grokking,
utils/models.py `fcn`) on modular addition, p = 97, N = 500, half of the p^2 pairs for training, full-batch
AdamW (lr 1e-2, weight decay 5, betas (0.9, 0.98)) on the MSE against one-hot targets averaged over samples
and outputs, as a user writes it:
  torch   nn.Linear layers on dense one-hot inputs (2p columns), autograd, torch.optim.AdamW
          (the framework every public grokking code uses; Debian's python3-torch)
  numpy   the same dense forward, a hand-written backward and AdamW
The data split and initialisation are drawn with the framework's own generator, so the runs agree with
memgen's in law, not bit for bit. Prints JSON: the median seconds of one step and of one step with the
test-set forward (over --steps steps after 3 warm-up steps), the seconds and steps to test accuracy
>= 0.95 from initialisation, and the framework's version, dtype, threads and BLAS.
  /usr/bin/python3 bench/grokking_reference.py --framework torch --dtype float32 --threads 1
"""
import argparse
import json
import os
import sys
import time

P, N, FRACTION = 97, 500, 0.5
LR, WD, BETAS, EPS = 1e-2, 5.0, (0.9, 0.98), 1e-8


def pairs_split(rng_perm):
    import numpy as np
    pairs = np.array([(i, j) for i in range(P) for j in range(P)])
    pairs = pairs[rng_perm(P * P)]
    n_train = int(FRACTION * P * P)
    return pairs[:n_train], pairs[n_train:]


def one_hot(np, pairs, dtype):
    x = np.zeros((len(pairs), 2 * P), dtype=dtype)
    x[np.arange(len(pairs)), pairs[:, 0]] = 1
    x[np.arange(len(pairs)), P + pairs[:, 1]] = 1
    return x, (pairs[:, 0] + pairs[:, 1]) % P


def torch_blas(torch):
    """PyTorch's BLAS_INFO build setting; 'generic' means Debian's libblas alternative."""
    import re
    match = re.search(r"BLAS_INFO=([^,]+)", torch.__config__.show())
    info = match.group(1) if match else "(not stated)"
    return f"{info} ({os.path.realpath('/usr/lib/x86_64-linux-gnu/libblas.so.3')})" if info == "generic" else info


def run_torch(args):
    import torch
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    dtype = getattr(torch, args.dtype)
    import numpy as np
    rng = np.random.default_rng(1)
    train, test = pairs_split(rng.permutation)
    xtr, ytr = (torch.tensor(a) for a in one_hot(np, train, np.float64))
    xte, yte = (torch.tensor(a) for a in one_hot(np, test, np.float64))
    xtr, xte = xtr.to(dtype), xte.to(dtype)
    ttr = torch.nn.functional.one_hot(ytr, P).to(dtype)
    std = 0.25 ** 0.5 / (2 * N) ** (1 / 3)

    def make():
        model = torch.nn.Sequential(torch.nn.Linear(2 * P, N, bias=False), Square(), torch.nn.Linear(N, P, bias=False)).to(dtype)
        for layer in (model[0], model[2]):
            torch.nn.init.normal_(layer.weight, 0.0, std)
        return model, torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=WD, betas=BETAS, eps=EPS)

    class Square(torch.nn.Module):
        def forward(self, x):
            return x * x

    loss_fn = torch.nn.MSELoss()

    def step(model, opt):
        opt.zero_grad()
        loss = loss_fn(model(xtr), ttr)
        loss.backward()
        opt.step()

    def test_accuracy(model):
        with torch.no_grad():
            return float((model(xte).argmax(1) == yte).double().mean())

    model, opt = make()
    return measure(lambda: step(model, opt), lambda: test_accuracy(model), make, step, test_accuracy,
                   {"framework": "torch " + torch.__version__, "blas": torch_blas(torch)})


def run_numpy(args):
    import numpy as np
    dtype = np.dtype(args.dtype)
    rng = np.random.default_rng(1)
    train, test = pairs_split(rng.permutation)
    xtr, ytr = one_hot(np, train, dtype)
    xte, yte = one_hot(np, test, dtype)
    ttr = np.eye(P, dtype=dtype)[ytr]
    std = 0.25 ** 0.5 / (2 * N) ** (1 / 3)

    def make():
        w1 = (rng.standard_normal((N, 2 * P)) * std).astype(dtype)
        w2 = (rng.standard_normal((P, N)) * std).astype(dtype)
        state = {"w": [w1, w2], "m": [np.zeros_like(w1), np.zeros_like(w2)], "v": [np.zeros_like(w1), np.zeros_like(w2)], "t": 0}
        return state, None

    def step(state, _):
        w1, w2 = state["w"]
        h = xtr @ w1.T
        z = h * h
        out = z @ w2.T
        e = (out - ttr) * (2.0 / out.size)
        g2 = e.T @ z
        g1 = ((e @ w2) * (2.0 * h)).T @ xtr
        state["t"] += 1
        t = state["t"]
        for i, g in enumerate((g1, g2)):
            w, m, v = state["w"][i], state["m"][i], state["v"][i]
            w *= 1 - LR * WD
            m *= BETAS[0]
            m += (1 - BETAS[0]) * g
            v *= BETAS[1]
            v += (1 - BETAS[1]) * g * g
            w -= LR * (m / (1 - BETAS[0] ** t)) / (np.sqrt(v / (1 - BETAS[1] ** t)) + EPS)

    def test_accuracy(state):
        w1, w2 = state["w"]
        h = xte @ w1.T
        return float(((h * h) @ w2.T).argmax(1).__eq__(yte).mean())

    state, _ = make()
    blas = os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")  # Debian's BLAS alternative numpy links
    return measure(lambda: step(state, None), lambda: test_accuracy(state), make, step, test_accuracy,
                   {"framework": "numpy " + np.__version__, "blas": blas})


def measure(one_step, one_test, make, step, test_accuracy, info):
    for _ in range(3):
        one_step()
    steps, evals = [], []
    for _ in range(ARGS.steps):
        t0 = time.perf_counter()
        one_step()
        t1 = time.perf_counter()
        one_test()
        t2 = time.perf_counter()
        steps.append(t1 - t0)
        evals.append(t2 - t0)
    model, opt = make()
    t0 = time.perf_counter()
    count = 0
    while count < 1000:
        step(model, opt)
        count += 1
        if test_accuracy(model) >= 0.95:
            break
    grok = time.perf_counter() - t0
    steps.sort()
    evals.sort()
    info.update({"step_seconds": steps[len(steps) // 2], "step_eval_seconds": evals[len(evals) // 2],
                 "grok_seconds": grok, "grok_steps": count, "dtype": ARGS.dtype, "threads": ARGS.threads,
                 "openblas_coretype": os.environ.get("OPENBLAS_CORETYPE", "(unset)")})
    return info


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--framework", choices=["numpy", "torch"], required=True)
    parser.add_argument("--dtype", choices=["float32", "float64"], default="float64")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--steps", type=int, default=15)
    ARGS = parser.parse_args()
    os.environ["OMP_NUM_THREADS"] = str(ARGS.threads)
    os.environ["OPENBLAS_NUM_THREADS"] = str(ARGS.threads)
    result = run_torch(ARGS) if ARGS.framework == "torch" else run_numpy(ARGS)
    json.dump(result, sys.stdout, indent=1)
    print()
