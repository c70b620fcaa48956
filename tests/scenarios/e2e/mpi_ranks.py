#!/usr/bin/python3
"""End-to-end distributed runs (issue 11): every scenario's results (every CSV and summary.json) are
byte-identical for 1 process (no launcher), 2 and 4 MPI ranks (mpirun --oversubscribe, one thread a
rank), differ for another seed (so the comparison can fail), and a 2-rank run killed half-way and
resumed with 4 ranks gives the same bytes again.

  mpi_ranks.py --bin-dir out/build/release/bin --work /tmp/mpi --scenarios spur_figure1,bo_spectra
"""
import argparse
import os
import pathlib
import shutil
import signal
import subprocess
import sys
import time

from result_digest import digest  # tests/scenarios/e2e/result_digest.py


def mpirun(ranks):
    cmd = ["mpirun", "--oversubscribe", "-np", str(ranks), "--mca", "btl", "self,vader"]
    if os.geteuid() == 0:
        cmd.append("--allow-run-as-root")  # CI runs as root
    return cmd


def kill_ranks(marker):
    """SIGKILLs every process whose command line contains `marker` (the run's output path): killing
    mpirun alone leaves its ranks running, as a dead launcher can on a cluster."""
    for pid_dir in pathlib.Path("/proc").iterdir():
        try:
            cmdline = (pid_dir / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            if pid_dir.name.isdigit() and marker in cmdline:
                os.kill(int(pid_dir.name), signal.SIGKILL)
        except (OSError, ValueError):
            pass


def run(launcher, binary, out, extra=(), timeout=None):
    cmd = launcher + [str(binary), "--scale", "smoke", "--threads", "1", "--out", str(out), "--run-id", "r",
                      *extra]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # mpirun and every rank: a dead allocation
        kill_ranks(str(out))
        proc.communicate()
        return None, ""
    return proc.returncode, err


def check_scenario(binary, scenario, work):
    root = work / scenario
    shutil.rmtree(root, ignore_errors=True)
    started = time.monotonic()
    code, err = run([], binary, root / "single")
    wall = time.monotonic() - started
    if code not in (0, 3):
        raise AssertionError(f"{scenario}: single-process run exited {code}: {err}")
    reference = digest(root / "single" / scenario / "r")
    for ranks in (2, 4):
        code, err = run(mpirun(ranks), binary, root / f"np{ranks}")
        if code not in (0, 3):
            raise AssertionError(f"{scenario}: {ranks} ranks exited {code}: {err.strip()[-400:]}")
        if digest(root / f"np{ranks}" / scenario / "r") != reference:
            raise AssertionError(f"{scenario}: {ranks} ranks give other results than one process")
    code, err = run(mpirun(2), binary, root / "seed", ["--seed", "99"])
    if code not in (0, 3) or digest(root / "seed" / scenario / "r") == reference:
        raise AssertionError(f"{scenario}: another seed gives the same results (or failed: {code})")
    # Killed with 2 ranks half-way, resumed with 4 ranks.
    run(mpirun(2), binary, root / "resume", timeout=max(0.5, 0.5 * wall))
    code, err = run(mpirun(4), binary, root / "resume", ["--resume", "--overwrite"])
    if code not in (0, 3) or digest(root / "resume" / scenario / "r") != reference:
        raise AssertionError(f"{scenario}: a run killed on 2 ranks and resumed on 4 differs ({code}): {err[-300:]}")
    print(f"{scenario}: identical for 1, 2 and 4 ranks and after a resume across rank counts ({wall:.1f} s)")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--bin-dir", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--scenarios", required=True)
    args = p.parse_args()
    if shutil.which("mpirun") is None:
        print("mpi_ranks: no mpirun on PATH", file=sys.stderr)
        return 1
    failures = []
    for scenario in args.scenarios.split(","):
        try:
            check_scenario(pathlib.Path(args.bin_dir) / f"scn_{scenario}", scenario, pathlib.Path(args.work))
        except AssertionError as e:
            failures.append(str(e))
            print(f"FAIL {e}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
