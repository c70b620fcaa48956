#!/usr/bin/python3
"""Verification summary over every scenario of scenarios/registry.json, from
results/<scenario>/<run>/{summary.json,run.json} only:
  1. the totals (PASS, FAIL, INCONCLUSIVE, REFUTED) and the run's family-wise false-failure rate
     (union bound over every claim), then one table per scenario and claim family (the id up to its
     second dot): claims, verdict counts, the detectable deviations, the family-wise rate;
  2. every FAIL, INCONCLUSIVE and REFUTED claim with its reason;
  3. the wall time per simulator and scenario (run.json), for the simulators' shares of the main job;
  4. per scenario its brief line (counts, seed, git, threads, wall time) and the full claim table
     (scripts/claims_table.py renders it).
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


def family(claim_id):
    return ".".join(claim_id.split(".")[:2])


def union_rate(table):
    return min(1.0, sum(r.false_failure_rate for r in table if r.false_failure_rate == r.false_failure_rate))


def family_table(name, table):
    groups = {}
    for r in table:
        groups.setdefault(family(r.claim), []).append(r)
    md = claims_table.md_number
    lines = [f"### {name}", "",
             "| family | claims | PASS | FAIL | INCONCLUSIVE | REFUTED | detectable deviation (min, max) | family-wise rate |",
             "|---|---|---|---|---|---|---|---|"]
    for fam, rows in groups.items():
        c = claims_table.counts(rows)
        dd = [r.detectable_deviation for r in rows if r.detectable_deviation == r.detectable_deviation]
        span = f"{md(min(dd))}, {md(max(dd))}" if dd else "n/a"
        lines.append(f"| {fam} | {len(rows)} | {c['PASS']} | {c['FAIL']} | {c['INCONCLUSIVE']} | {c['REFUTED']} | "
                     f"{span} | {md(union_rate(rows))} |")
    return lines + [""]


def time_table(walls):
    """walls: [(simulator, scenario, seconds, threads)] in registry order."""
    per_simulator = {}
    for simulator, _, seconds, _ in walls:
        per_simulator[simulator] = per_simulator.get(simulator, 0.0) + seconds
    lines = ["## Time", "", "| simulator | scenarios: wall seconds (threads) | total s |", "|---|---|---|"]
    for simulator, total in per_simulator.items():
        parts = ", ".join(f"{name} {seconds:.1f} ({threads})" for sim, name, seconds, threads in walls if sim == simulator)
        lines.append(f"| {simulator} | {parts} | {total:.1f} |")
    lines.append(f"| all | | {sum(per_simulator.values()):.1f} |")
    return lines + [""]


def notable(name, table):
    return [f"- **{r.verdict}** {name} `{r.claim}`: {claims_table.md_escape(r.reason)}"
            for r in table if r.verdict in ("FAIL", "INCONCLUSIVE", "REFUTED")]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--results", default="results")
    parser.add_argument("--run", default="default", help="run id (directory under each scenario)")
    parser.add_argument("--out", default="results/VERIFICATION.md")
    args = parser.parse_args()

    root = pathlib.Path(args.results)
    totals = dict.fromkeys(claims_table.VERDICTS, 0)
    body, families, notes, everything, missing, summaries, walls = [], [], [], [], [], [], []
    for entry in registry.scenarios():
        name = entry["name"]
        loaded = claims_table.load_run(root / name / args.run)
        if loaded is None:
            missing.append(name)
            continue
        summary, meta, table = loaded
        summaries.append(summary)
        walls.append((entry["simulator"], name, float(meta["wall_seconds"]), meta["threads_used"]))
        for verdict, count in claims_table.counts(table).items():
            totals[verdict] = totals.get(verdict, 0) + count
        body += [f"### {name}", "", brief(summary, meta), "", claims_table.markdown(table)]
        families += family_table(name, table)
        notes += notable(name, table)
        everything += table
    if not body:
        print(f"verification_summary: no {args.run} runs under {root}", file=sys.stderr)
        return 1
    rate = union_rate(everything)
    budgets = {s.get("run_false_failure_budget") for s in summaries if s.get("run_false_failure_budget")}
    budget = min(budgets) if budgets else None
    verdict_on_budget = ("" if budget is None else
                         f", {'within' if rate <= budget else 'EXCEEDING'} the budget {claims_table.md_number(budget)}")
    head = (f"**{sum(totals.values())} claims: {totals['PASS']} PASS, {totals['FAIL']} FAIL, "
            f"{totals['INCONCLUSIVE']} INCONCLUSIVE, {totals['REFUTED']} REFUTED; family-wise false-failure rate "
            f"{claims_table.md_number(rate)} (union bound over the scenarios' claims{verdict_on_budget}).**")
    lines = [f"# memgen verification summary ({args.run})", "", head, ""]
    if missing:
        lines += [f"No {args.run} results for: {', '.join(missing)}.", ""]
    lines += ["## Claim families", ""] + families
    lines += ["## FAIL, INCONCLUSIVE and REFUTED claims", ""] + (notes or ["None."]) + [""]
    lines += time_table(walls)
    lines += ["## Every claim", ""]
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
