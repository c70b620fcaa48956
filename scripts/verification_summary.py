#!/usr/bin/env python3
"""Verification summary over all scenarios: one Markdown table (claim, statement, measured,
predicted, verdict) built from results/<scenario>/<run>/summary.json. Reads results only."""
import argparse
import json
import pathlib
import sys


def fmt(value):
    if isinstance(value, str):
        return value
    return f"{value:.4g}"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--results", default="results")
    parser.add_argument("--run", default="default", help="run id (directory under each scenario)")
    parser.add_argument("--out", default="results/VERIFICATION.md")
    args = parser.parse_args()

    root = pathlib.Path(args.results)
    summaries = sorted(root.glob(f"*/{args.run}/summary.json"))
    if not summaries:
        print(f"verification_summary: no {args.run} runs under {root}", file=sys.stderr)
        return 1
    lines = [f"# memgen verification summary ({args.run})", ""]
    totals = {"PASS": 0, "FAIL": 0, "INCONCLUSIVE": 0}
    for path in summaries:
        summary = json.loads(path.read_text())
        run = json.loads((path.parent / "run.json").read_text())
        lines += [f"## {summary['scenario']}", "",
                  f"{summary['brief']}. Seed {summary['master_seed']}, git {run['git_sha'][:10]}"
                  f"{' (dirty)' if run['git_dirty'] else ''}, {run['threads_used']} threads, "
                  f"{run['wall_seconds']:.1f} s.", "",
                  "| claim | statement | measured | predicted | verdict |", "|---|---|---|---|---|"]
        for c in summary["claims"]:
            totals[c["verdict"]] += 1
            measured = f"{fmt(c['measured'])} [{fmt(c['measured_lo'])}, {fmt(c['measured_hi'])}]"
            predicted = f"{fmt(c['predicted'])} [{fmt(c['predicted_lo'])}, {fmt(c['predicted_hi'])}]"
            lines.append(f"| {c['id']} | {c['statement'].replace('|', '&#124;')} | {measured} | {predicted} | "
                         f"{c['verdict']} |")
        lines.append("")
    head = (f"**{sum(totals.values())} claims: {totals['PASS']} PASS, {totals['FAIL']} FAIL, "
            f"{totals['INCONCLUSIVE']} INCONCLUSIVE.**")
    lines.insert(2, head)
    lines.insert(3, "")
    out = pathlib.Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text("\n".join(lines) + "\n")
    tmp.replace(out)
    print(head.strip("*"))
    print(f"verification summary: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
