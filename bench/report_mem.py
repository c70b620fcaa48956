"""BENCHMARKS.md rows of the memorization benchmarks (bench/mem_bench.cc against bench/lira_reference.py),
for bench/report.py."""
import json
import pathlib


def mem_rows(mem_path, reference_paths, row, medians, seconds):
    """Adds the rows; returns the notes paragraph."""
    mem, _ = medians(mem_path)
    shadows = mem["BM_LiraShadows/real_time"]
    shadow_s = seconds(shadows)
    models = shadows["models"]
    gemm = mem["BM_Gemm/1500/real_time"]
    gemm_rate = gemm["gflops"] / 1e9 if gemm["gflops"] > 1e6 else gemm["gflops"]
    rate = shadows["gflops"] / 1e9 if shadows["gflops"] > 1e6 else shadows["gflops"]
    row(f"LiRA shadow models (scn_mem_lira default: N = 2000, D = 500, m = 5, {models:.0f} ridge fits on N/2 points), 1 thread: "
        "useful-flop rate / Eigen GEMM rate (1500³, same run)",
        f"{rate / gemm_rate:.2f} ({shadow_s:.3f} s, {models / shadow_s:.0f} models/s; {rate:.1f} of {gemm_rate:.1f} GFLOP/s)", "(reported)", True)
    targets = {"torch": 5.0}
    for path in sorted(reference_paths):
        ref = json.loads(pathlib.Path(path).read_text())
        if ref["threads"] != 1:
            continue
        framework = ref["framework"].split()[0]
        target = targets.get(framework)
        ratio = ref["seconds"] / shadow_s
        row(f"LiRA shadow models, 1 thread: speed-up over {ref['framework']} {ref['dtype']}",
            f"{ratio:.1f}× ({shadow_s:.3f} s vs {ref['seconds']:.3f} s)", f"≥ {target:g}×" if target else "(reported)",
            ratio >= target if target else True)
    attack = seconds(mem["BM_LiraAttack/real_time"])
    row(f"LiRA leave-one-model-out statistics and per-point vulnerability ({models:.0f} models × 2000 points)",
        f"{attack * 1e3:.1f} ms", "(reported)", True)
    refits = mem["BM_FeldmanRefits/real_time"]
    row("Feldman estimator: 1-NN refits per second (n = 1000, t = 1000 runs, d = 8, 500 test points), 1 thread",
        f"{refits['refits_per_second']:.0f} refits/s ({seconds(refits):.2f} s for 1000)", "(reported)", True)
    blas = sorted({f"{json.loads(pathlib.Path(p).read_text())['framework']}: {json.loads(pathlib.Path(p).read_text())['blas']}"
                   for p in reference_paths})
    return ("- LiRA shadow references (`bench/lira_reference.py`): the same M ridge fits as a user writes them, "
            "`solve(AᵀA + λI, AᵀY)` per model and the outputs on the pool; "
            f"BLAS: {'; '.join(blas)}. memgen forms AᵀA by a symmetric rank-k update (half the flops of the GEMM the "
            "references run) and solves by Cholesky; the useful-flop rate counts the symmetric update's flops.\n")
