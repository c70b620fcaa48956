"""End-to-end: the exact-risk oracle claims under every BLAS backend (issue 15). For each backend the
machine has (eigen always; blis and openblas once the set-up installed them), scn_bo_isotropic at smoke
scale must exit 0 (every claim as expected), record the backend in run.json, and write bit-identical
results on 1 and 2 threads. Across backends the verdicts must agree; the numbers may differ in their
last bits (each library sums in its own order), and the test checks that they do for at least one
pair, so that it cannot pass with every backend silently falling back to Eigen. An unknown backend
exits 2 naming --blas and writes nothing."""
import argparse
import json
import pathlib
import shutil
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from result_digest import digest  # noqa: E402

LIBRARIES = {"blis": "/usr/lib/x86_64-linux-gnu/blis-serial/libblis.so.4",
             "openblas": "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0"}


def run(binary, work, backend, threads):
    out = work / f"{backend}_t{threads}"
    done = subprocess.run([str(binary), "--scale", "smoke", "--blas", backend, "--threads", str(threads), "--out", str(out),
                           "--run-id", "run"], capture_output=True, text=True)
    if done.returncode != 0:
        raise AssertionError(f"--blas {backend} --threads {threads}: exit {done.returncode}: {done.stderr.strip()[-400:]}")
    return out / "bo_isotropic" / "run"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin-dir", type=pathlib.Path, required=True)
    parser.add_argument("--work", type=pathlib.Path, required=True)
    args = parser.parse_args()
    binary = args.bin_dir / "scn_bo_isotropic"
    shutil.rmtree(args.work, ignore_errors=True)
    backends = ["eigen"] + [b for b, lib in LIBRARIES.items() if pathlib.Path(lib).exists()]
    verdicts, digests = {}, {}
    for backend in backends:
        one, two = run(binary, args.work, backend, 1), run(binary, args.work, backend, 2)
        recorded = json.loads((one / "run.json").read_text())["blas"]
        assert recorded["backend"] == backend, f"run.json records {recorded} for --blas {backend}"
        assert digest(one) == digest(two), f"{backend}: results differ between 1 and 2 threads"
        summary = json.loads((one / "summary.json").read_text())
        verdicts[backend] = {c["id"]: c["verdict"] for c in summary["claims"]}
        digests[backend] = digest(one)
        print(f"{backend} ({recorded['kernel']}): {len(verdicts[backend])} claims as expected, thread-invariant")
    for backend in backends[1:]:
        assert verdicts[backend] == verdicts["eigen"], f"{backend}: verdicts differ from eigen's"
    if len(backends) > 1:
        assert any(digests[b] != digests["eigen"] for b in backends[1:]), "every backend wrote Eigen's bytes: none was used"
    bad = subprocess.run([str(binary), "--scale", "smoke", "--blas", "mkl", "--out", str(args.work / "bad")], capture_output=True, text=True)
    assert bad.returncode == 2 and "--blas = mkl" in bad.stderr and not (args.work / "bad").exists(), bad.stderr
    print(f"blas backends: {', '.join(backends)}; an unknown one exits 2 naming --blas")


if __name__ == "__main__":
    main()
