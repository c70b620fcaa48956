"""memgen.load: a run directory as pandas DataFrames.

A run directory (results/<scenario>/<run>, written atomically by a scenario binary) holds one CSV per
table, summary.json (the claims with their verdicts, numbers and rules) and run.json (seed, config,
build, threads, wall time). load() reads them as they are: every number is the one the run wrote.
"""
import json
import pathlib

import pandas as pd


class Run:
    """One run: `tables` (name -> DataFrame), `claims` (one row per claim), `meta` (run.json) and `summary`."""

    def __init__(self, path, tables, claims, meta, summary):
        self.path = path
        self.tables = tables
        self.claims = claims
        self.meta = meta
        self.summary = summary

    def __repr__(self):
        counts = self.claims["verdict"].value_counts().to_dict() if len(self.claims) else {}
        return f"Run({self.path}, tables={sorted(self.tables)}, verdicts={counts})"


def load(path):
    """Reads the run directory `path` (results/<scenario>/<run>) into a Run."""
    root = pathlib.Path(path)
    summary_file, meta_file = root / "summary.json", root / "run.json"
    if not summary_file.is_file() or not meta_file.is_file():
        raise FileNotFoundError(f"{root}: not a memgen run directory (summary.json and run.json are required)")
    summary = json.loads(summary_file.read_text())
    meta = json.loads(meta_file.read_text())
    tables = {f.stem: pd.read_csv(f, float_precision="round_trip") for f in sorted(root.glob("*.csv"))}
    claims = pd.DataFrame(summary.get("claims", []))
    return Run(root, tables, claims, meta, summary)
