#!/usr/bin/python3
"""End-to-end crash test (issue 11): runs are killed with SIGKILL at random moments, several times
in one run, and at the two publish crash points (MEMGEN_CRASH_AT, sim/core/crash_point.h); each is
continued with --resume. The final results (every CSV and summary.json) must be byte-identical to
an uninterrupted run's, nothing may be left in the staging directory, and a killed --overwrite must
leave the earlier run or the new one complete, never a mix.

  kill_resume.py --bin-dir out/build/release/bin --work /tmp/kr --scenarios bo_spectra,spur_theory \
      [--brief spur_theory]   (slow scenarios: one random kill, no overwrite crash)
"""
import argparse
import json
import os
import pathlib
import random
import shutil
import signal
import subprocess
import sys
import struct
import time
import zlib

from result_digest import digest  # tests/scenarios/e2e/result_digest.py


def corrupt_journal(path):
    """Negative control: changes one byte of the first trial in the journal and re-seals the record's
    CRC-32, so only a faithful comparison of the final results can notice."""
    data = bytearray(path.read_bytes())
    header = len(b"memgen journal v1\n")
    (fingerprint_size,) = struct.unpack_from("<Q", data, header)
    record = header + 8 + fingerprint_size
    body = record + 8
    (count,) = struct.unpack_from("<Q", data, body + 16)
    if count == 0:
        raise AssertionError(f"{path}: no trial to corrupt")
    (size,) = struct.unpack_from("<Q", data, body + 24)
    first_trial = body + 32
    data[first_trial + 3] ^= 0x10
    end = body + 24
    for _ in range(count):
        (size,) = struct.unpack_from("<Q", data, end)
        end += 8 + size
    struct.pack_into("<I", data, record + 4, zlib.crc32(bytes(data[body:end])))
    path.write_bytes(bytes(data))


def command(binary, out, extra):
    return [str(binary), "--scale", "smoke", "--threads", "2", "--out", str(out), "--run-id", "r"] + extra


def run(binary, out, extra, env=None):
    return subprocess.run(command(binary, out, extra), env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True).returncode


def kill_after(binary, out, extra, seconds):
    """Starts a run, SIGKILLs it after `seconds` (if still running); True if it was killed."""
    proc = subprocess.Popen(command(binary, out, extra), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        proc.wait(timeout=seconds)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


def check_scenario(binary, scenario, work, rng, kills, plant, check_overwrite):
    root = work / scenario
    shutil.rmtree(root, ignore_errors=True)
    started = time.monotonic()
    code = run(binary, root / "ref", [])
    wall = time.monotonic() - started
    if code not in (0, 3):
        raise AssertionError(f"{scenario}: reference run exited {code}")
    reference = digest(root / "ref" / scenario / "r")

    # Random kills, each continued with --resume; then a kill at "publish-start" and a final resume.
    # A resumed run is faster than the first, so a kill may come after it finished: --overwrite lets
    # the next step go on either way.
    out = root / "killed"
    resume = ["--resume", "--overwrite"]
    killed = 0
    for i in range(kills):
        killed += kill_after(binary, out, resume if i else [], rng.uniform(0.15, 0.85) * wall)
    env = dict(os.environ, MEMGEN_CRASH_AT="publish-start")
    if run(binary, out, resume, env) != -signal.SIGKILL:
        raise AssertionError(f"{scenario}: the publish-start crash point did not fire")
    if plant:
        corrupt_journal(out / scenario / ".r.staging" / "journal.bin")
    code = run(binary, out, resume)
    if code not in (0, 3):
        raise AssertionError(f"{scenario}: the resumed run exited {code}")
    if digest(out / scenario / "r") != reference:
        raise AssertionError(f"{scenario}: resumed results differ from the uninterrupted run's")
    resumed = json.loads((out / scenario / "r" / "run.json").read_text())["resumed_blocks"]
    if resumed < 1:  # else the identity would only show that a rerun is deterministic
        raise AssertionError(f"{scenario}: the last run resumed no block from the journal")
    if (out / scenario / ".r.staging").exists():
        raise AssertionError(f"{scenario}: the staging directory was left behind")

    if not check_overwrite:
        print(f"{scenario}: {killed} random kills, a publish crash, resumed {resumed} blocks byte-identical "
              f"({wall:.1f} s a run)")
        return
    # A killed --overwrite leaves a complete run: the new one after the exchange.
    env = dict(os.environ, MEMGEN_CRASH_AT="publish-exchanged")
    if run(binary, out, ["--overwrite", "--seed", "5"], env) != -signal.SIGKILL:
        raise AssertionError(f"{scenario}: the publish-exchanged crash point did not fire")
    other = digest(out / scenario / "r")
    if other == reference:
        raise AssertionError(f"{scenario}: the overwrite did not replace the run")
    if run(binary, out, ["--overwrite", "--seed", "5"]) not in (0, 3) or digest(out / scenario / "r") != other:
        raise AssertionError(f"{scenario}: rerunning the overwrite changed its results")
    print(f"{scenario}: {killed} random kills, 2 publish crashes, resumed {resumed} blocks byte-identical "
          f"({wall:.1f} s a run)")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--bin-dir", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--scenarios", required=True, help="comma-separated scenario names")
    p.add_argument("--kills", type=int, default=3, help="random kills per scenario")
    p.add_argument("--seed", type=int, default=11, help="seed of the kill times")
    p.add_argument("--brief", default="",
                   help="comma-separated slow scenarios: one random kill and no overwrite crash")
    p.add_argument("--plant-corrupt-journal", action="store_true",
                   help="negative control: corrupt one journaled trial before the last resume (must FAIL)")
    args = p.parse_args()
    rng = random.Random(args.seed)
    work = pathlib.Path(args.work)
    failures = []
    brief = set(filter(None, args.brief.split(",")))
    for scenario in args.scenarios.split(","):
        try:
            check_scenario(pathlib.Path(args.bin_dir) / f"scn_{scenario}", scenario, work, rng,
                           min(args.kills, 1) if scenario in brief else args.kills, args.plant_corrupt_journal,
                           scenario not in brief)
        except AssertionError as e:
            failures.append(str(e))
            print(f"FAIL {e}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
