"""The bytes of a run that must not depend on how it was computed (threads, ranks, kills and
resumes): every CSV table and summary.json, by SHA-256. run.json is left out: it records times,
thread and rank counts and the number of resumed blocks."""
import hashlib


def digest(run_dir):
    files = sorted(p for p in run_dir.iterdir() if p.suffix == ".csv" or p.name == "summary.json")
    if not files:
        raise AssertionError(f"{run_dir}: no result files")
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
