#!/usr/bin/python3
"""Verification summary over every scenario of scenarios/registry.json: a header with the totals,
then per scenario its brief line (counts, seed, git, threads, wall time) and its claim table
(scripts/claims_table.py renders it), from results/<scenario>/<run>/{summary.json,run.json}. Reads
results only.
  /usr/bin/python3 scripts/verification_summary.py --results results --run default --out results/VERIFICATION.md"""
import argparse
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import claims_table  # noqa: E402
import registry  # noqa: E402


def brief(summary, meta):
    dirty = " (dirty)" if meta.get("git_dirty") else ""
    return (f"{summary['brief']}. Seed {summary['master_seed']}, git {meta['git_sha'][:10]}{dirty}, "
            f"{meta['threads_used']} threads, {meta['wall_seconds']:.1f} s.")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--results", default="results")
    parser.add_argument("--run", default="default", help="run id (directory under each scenario)")
    parser.add_argument("--out", default="results/VERIFICATION.md")
    args = parser.parse_args()

    root = pathlib.Path(args.results)
    totals = dict.fromkeys(claims_table.VERDICTS, 0)
    body, missing = [], []
    for name in registry.names():
        loaded = claims_table.load_run(root / name / args.run)
        if loaded is None:
            missing.append(name)
            continue
        summary, meta, table = loaded
        for verdict, count in claims_table.counts(table).items():
            totals[verdict] = totals.get(verdict, 0) + count
        body += [f"## {name}", "", brief(summary, meta), "", claims_table.markdown(table)]
    if not body:
        print(f"verification_summary: no {args.run} runs under {root}", file=sys.stderr)
        return 1
    head = (f"**{sum(totals.values())} claims: {totals['PASS']} PASS, {totals['FAIL']} FAIL, "
            f"{totals['INCONCLUSIVE']} INCONCLUSIVE.**")
    lines = [f"# memgen verification summary ({args.run})", "", head, ""]
    if missing:
        lines += [f"No {args.run} results for: {', '.join(missing)}.", ""]
    out = pathlib.Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text("\n".join(lines + body))
    tmp.replace(out)
    print(head.strip("*"))
    print(f"verification summary: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
