"""BENCHMARKS.md rows of the machine's limits and the exact-risk kernel per BLAS backend (issue 15):
bench_machine (FMA peak, read bandwidth), bench_exact_risk (rank-k update and draw per backend) and
bench/numpy_reference.py (careful NumPy and pinv, on the BLAS the JSON records)."""

BACKENDS = {0: "eigen", 1: "blis", 2: "openblas"}


def machine_limits(machine):
    """(FMA peak flop/s of one core, L3 read bytes/s, memory read bytes/s) from bench_machine's medians."""
    peak = machine["BM_FmaPeak/real_time"]["flops"]
    l3 = machine[f"BM_ReadBandwidth/bytes:{8 << 20}/real_time"]["bytes"]
    dram = machine[f"BM_ReadBandwidth/bytes:{1 << 30}/real_time"]["bytes"]
    return peak, l3, dram


def machine_rows(machine, row):
    peak, l3, dram = machine_limits(machine)
    row("machine: double FMA peak of one core (16 independent AVX-512 FMA chains)", f"{peak / 1e9:.1f} GFLOP/s", "(limit)", True)
    row("machine: one core's read bandwidth, 8 MiB buffer (L3) / 1 GiB buffer (memory)",
        f"{l3 / 1e9:.1f} GB/s / {dram / 1e9:.1f} GB/s", "(limit)", True)
    return peak


def present(cpp, name):
    b = cpp.get(name)
    return b if b is not None and not b.get("error_occurred") else None


def auto_backend(cpp, n, d):
    """The backend --blas auto takes here (blis, then openblas, then eigen), among those measured."""
    for index in (1, 2, 0):
        if present(cpp, f"BM_ExactRiskDraw/n:{n}/d:{d}/blas:{index}/real_time"):
            return index
    raise KeyError("no BM_ExactRiskDraw result")


def backend_rows(cpp, numpy, peak, row, seconds):
    """Rank update and exact-risk draw per backend, the targets on the auto backend; returns its name."""
    for index, name in BACKENDS.items():
        b = present(cpp, f"BM_RankUpdate/n:1000/k:2048/blas:{index}/real_time")
        if b is None:
            continue
        rate = b["flops"]
        target = "≥ 0.75 of peak" if index != 0 else "(reported)"
        row(f"rank-k update C += AAᵀ, n = 1000, k = 2048, 1 core, {name} ({b.get('label', '')}): useful flop rate / FMA peak",
            f"{rate / peak:.2f} ({rate / 1e9:.1f} GFLOP/s)", target, index == 0 or rate / peak >= 0.75)
    chosen = None
    for (n, d), ref in sorted(numpy.items()):
        index = auto_backend(cpp, n, d)
        chosen = BACKENDS[index]
        for other, name in BACKENDS.items():
            b = present(cpp, f"BM_ExactRiskDraw/n:{n}/d:{d}/blas:{other}/real_time")
            if b is not None and other != index:
                row(f"exact-risk draw n = {n}, d = {d}, {name} ({b.get('label', '')})", f"{seconds(b):.2f} s "
                    f"({b['flops'] / peak:.2f} of peak)", "(reported)", True)
        b = present(cpp, f"BM_ExactRiskDraw/n:{n}/d:{d}/blas:{index}/real_time")
        k = seconds(b)
        big = (n, d) == (1000, 100000)
        row(f"exact-risk draw n = {n}, d = {d}, {chosen} ({b.get('label', '')}, --blas auto), 1 core: time, flop rate / peak",
            f"{k:.2f} s ({b['flops'] / peak:.2f} of peak)", "≤ 3.0 s" if big else "(reported)", k <= 3.0 or not big)
        blas = ref.get("blas", {})
        kernel = blas.get("openblas_kernel", "no OpenBLAS") if isinstance(blas, dict) else str(blas)
        sg, sp = ref["gram_seconds"] / k, ref["pinv_seconds"] / k
        row(f"n = {n}, d = {d}: speed-up over careful NumPy Gram + Cholesky on OpenBLAS {kernel} ({ref['gram_seconds']:.2f} s)",
            f"{sg:.2f}×", "≥ 1.5×" if big else "(reported)", sg >= 1.5 or not big)
        row(f"n = {n}, d = {d}: speed-up over NumPy pinv min-norm on OpenBLAS {kernel} ({ref['pinv_seconds']:.2f} s)",
            f"{sp:.1f}×", "≥ 15×" if big else "(reported)", sp >= 15 or not big)
    return chosen
