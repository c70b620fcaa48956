#!/usr/bin/python3
"""Every claim family has a negative control, and this script proves it.

A claim's family is its id up to the first '.' (BO-E1.pow15_mc.n50.V -> BO-E1, SPUR-E5.selected ->
SPUR-E5). A negative control is a Catch2 test that plants a defect (a wrong formula, a broken learner,
a reversed shift, ...) and asserts that claims of a family FAIL (or, where stated, are not PASS); it
declares the families it controls as tags `[control:<family>]` on its TEST_CASE line(s).

What it checks:
  1. the tags: every TEST_CASE("name", "[tags]") in tests/**/*_test.cc (the name and the tags may be on
     two lines; a TEST_CASE commented out with // does not count) except under tests/architecture/,
     which holds planted inputs of the architecture checks (the fixture of this script's own negative
     control among them); a `control:` tag must name a family, not a claim: no '.', e.g.
     [control:BO-E4a], never [control:BO-E4a.logpow2.de.decreasing];
  2. the families: every claim id in <results>/<scenario>/<run>/summary.json (key `claims`, each with
     `id`), for every scenario of scenarios/registry.json (scripts/registry.py) and every run
     directory of that scenario (or only --run RUN);
  3. coverage: every family some run produced has at least one control test;
  4. no stale tags: every family a tag names was produced by some run. This is an ERROR, not a
     warning: a tag naming no family is a typo or a family that was renamed or removed, and the table
     would otherwise list a control for claims that do not exist (a typo also leaves the intended
     family uncovered, which check 3 reports too).

It writes (--out) a Markdown table, family -> the scenarios that produced it, its number of claims and
the names of its control tests, and exits
  0  every family has a control and every tag names a produced family;
  1  some family has no control, or some tag names a family no run produced (each one is named);
  2  bad input: no summary.json for a registry scenario, a summary without `claims`, unreadable JSON.

  /usr/bin/python3 scripts/negative_controls.py --results results --run default --out results/NEGATIVE_CONTROLS.md
  /usr/bin/python3 scripts/negative_controls.py --results <build>/paper_test/results --run smoke \
      --out <build>/negative_controls/NEGATIVE_CONTROLS.md

The ctest negative_controls_cover_every_family (tests/negative_controls.cmake) runs it on the smoke
results of the paper_smoke fixture; negative_controls_catches_missing_family runs it on a planted
results tree (tests/architecture/negative_controls/) with a family that has no control and must fail.
"""
import argparse
import collections
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import registry  # noqa: E402

FAMILY_RE = re.compile(r"^[A-Za-z0-9_-]+$")  # an id up to its first '.'; memgen's are <LETTERS>-E<n>[a-z]
# TEST_CASE at the start of a line (so `// TEST_CASE(` does not count), name and tags as C string literals.
STRING = r'"((?:[^"\\\n]|\\.)*)"'
TEST_CASE_RE = re.compile(r"^[ \t]*TEST_CASE\s*\(\s*" + STRING + r"\s*,\s*" + STRING + r"\s*\)", re.MULTILINE)
TAG_RE = re.compile(r"\[([^\]]*)\]")
CONTROL_PREFIX = "control:"
PLANTED_DIR = "architecture"  # tests/architecture/: planted inputs, never scanned


class InputError(Exception):
    pass


def family_of(claim_id):
    return claim_id.split(".", 1)[0]


def collect_controls(tests_dir):
    """{family: [(test name, source path relative to the repo)]} and a list of malformed tags."""
    controls = collections.defaultdict(list)
    malformed = []
    tests_dir = pathlib.Path(tests_dir)
    for path in sorted(tests_dir.rglob("*_test.cc")):
        if path.relative_to(tests_dir).parts[0] == PLANTED_DIR:
            continue
        text = path.read_text(encoding="utf-8")
        for m in TEST_CASE_RE.finditer(text):
            name, tags = m.group(1), m.group(2)
            try:
                where = str(path.resolve().relative_to(ROOT))
            except ValueError:
                where = str(path)
            for tag in TAG_RE.findall(tags):
                if not tag.startswith(CONTROL_PREFIX):
                    continue
                family = tag[len(CONTROL_PREFIX):]
                if not FAMILY_RE.match(family):
                    malformed.append(f"{where}: TEST_CASE \"{name}\": tag [{tag}] does not name a family "
                                     f"(a family is a claim id up to its first '.', e.g. [control:BO-E4a])")
                    continue
                if (name, where) not in controls[family]:
                    controls[family].append((name, where))
    return controls, malformed


def collect_families(results_dir, run, registry_path):
    """{family: {"scenarios": [...], "claims": count}} over every registry scenario's run(s)."""
    families = collections.OrderedDict()
    results_dir = pathlib.Path(results_dir)
    for scenario in registry.names(registry_path):
        base = results_dir / scenario
        summaries = [base / run / "summary.json"] if run else sorted(base.glob("*/summary.json"))
        summaries = [s for s in summaries if s.is_file()]
        if not summaries:
            raise InputError(f"no {base}/{run or '<run>'}/summary.json for scenario {scenario} of the registry")
        for summary in summaries:
            try:
                data = json.loads(summary.read_text(encoding="utf-8"))
            except (OSError, ValueError) as e:
                raise InputError(f"{summary}: {e}") from e
            claims = data.get("claims") if isinstance(data, dict) else None
            if not isinstance(claims, list):
                raise InputError(f"{summary}: no list `claims`")
            for claim in claims:
                if not isinstance(claim, dict) or not isinstance(claim.get("id"), str):
                    raise InputError(f"{summary}: a claim without a string `id`")
                entry = families.setdefault(family_of(claim["id"]), {"scenarios": [], "claims": 0})
                entry["claims"] += 1
                if scenario not in entry["scenarios"]:
                    entry["scenarios"].append(scenario)
    return families


def plural(count, noun):
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def family_key(family):
    """BO-E4a before BO-E5, SCO-E10 after SCO-E9."""
    m = re.match(r"^([A-Z]+)-E([0-9]+)([a-z]?)$", family)
    return (m.group(1), int(m.group(2)), m.group(3)) if m else (family, 0, "")


def markdown(families, controls, run):
    lines = ["# Negative controls by claim family", "",
             "Generated by `scripts/negative_controls.py` from the `[control:<family>]` tags of the Catch2 tests "
             f"(tests/**/*_test.cc) and the claims of the `{run or 'every'}` run(s) of every registry scenario. "
             "A negative control plants a defect and asserts that claims of the family FAIL (or are not PASS).", "",
             "| family | scenarios | claims | negative controls |", "|---|---|---|---|"]
    for family in sorted(set(families) | set(controls), key=family_key):
        entry = families.get(family)
        scenarios = ", ".join(f"`{s}`" for s in entry["scenarios"]) if entry else "(no run)"
        count = str(entry["claims"]) if entry else "0"
        tests = "<br>".join(f"{name} (`{where}`)" for name, where in controls.get(family, [])) or "**none**"
        lines.append(f"| {family} | {scenarios} | {count} | {tests.replace('|', '&#124;')} |")
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--results", required=True, help="results root: <results>/<scenario>/<run>/summary.json")
    parser.add_argument("--run", default=None, help="the run directory to read (default: every run found)")
    parser.add_argument("--tests", default=str(ROOT / "tests"), help="test sources (default: the repo's tests/)")
    parser.add_argument("--registry", default=str(registry.PATH),
                        help="scenario registry (default: scenarios/registry.json)")
    parser.add_argument("--out", required=True, help="Markdown table to write")
    args = parser.parse_args(argv)

    try:
        families = collect_families(args.results, args.run, args.registry)
    except (InputError, ValueError, OSError) as e:
        print(f"negative_controls: {e}", file=sys.stderr)
        return 2
    controls, malformed = collect_controls(args.tests)

    out = pathlib.Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(markdown(families, controls, args.run), encoding="utf-8")

    errors = list(malformed)
    for family in sorted(families, key=family_key):
        if not controls.get(family):
            entry = families[family]
            errors.append(f"family {family} ({', '.join(entry['scenarios'])}, {plural(entry['claims'], 'claim')}) "
                          f"has no negative control: tag a test that makes one of its claims FAIL with "
                          f"[control:{family}]")
    for family in sorted(controls, key=family_key):
        if family not in families:
            names = "; ".join(f"\"{name}\" ({where})" for name, where in controls[family])
            errors.append(f"tag [control:{family}] names a family that no run produced: {names}")

    covered = sum(1 for f in families if controls.get(f))
    print(f"negative_controls: {covered} of {len(families)} families have a negative control; table in {out}")
    for e in errors:
        print(f"negative_controls: ERROR: {e}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
