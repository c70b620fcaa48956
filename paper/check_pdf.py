#!/usr/bin/python3
"""Checks a built paper against its results files (the guard of the paper pipeline):
  - every claim id of every scenario's summary.json appears in the PDF's text, followed by its
    measured value as the generator formats it (when that is a plain decimal);
  - every figure that scenarios/registry.json lists for a scenario with results, and every figure that
    plots/make_figures.py produced, is included (its file name is in a caption), and no figure
    placeholder ("was not produced") remains;
  - no number macro fell back to "n/a at this scale" (the text cites a claim the run does not have).
  /usr/bin/python3 paper/check_pdf.py --results results --run smoke --pdf out/build/release/paper/smoke/memgen.pdf \\
      --figures out/build/release/paper/smoke/figures
Exit code 1 with one line per problem (at most 20 shown).
"""
import argparse
import json
import pathlib
import re
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "scripts"))
import registry  # noqa: E402
from claims_table import tex_number as number  # noqa: E402


def squash(text):
    return re.sub(r"\s+", "", text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--results", required=True)
    parser.add_argument("--run", required=True)
    parser.add_argument("--pdf", required=True)
    parser.add_argument("--figures", required=True)
    args = parser.parse_args()
    raw = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", args.pdf, "-"], check=True, capture_output=True,
                         text=True).stdout
    text = squash(raw)
    rows = {}  # first field of a line → the rest of every such line, squashed (a claim-table row is one of them;
    for line in raw.splitlines():  # prose can also put a claim id at the start of a line)
        fields = line.split()
        if len(fields) >= 2:
            rows.setdefault(fields[0], []).append(squash("".join(fields[1:])))
    problems = []
    claims = 0
    listed = []  # the registry's figures of the scenarios that have results
    for entry in registry.scenarios():
        scenario = entry["name"]
        path = pathlib.Path(args.results) / scenario / args.run / "summary.json"
        if not path.exists():
            problems.append(f"no results for {scenario} at {args.run}")
            continue
        listed += entry["figures"]
        for c in json.loads(path.read_text())["claims"]:
            claims += 1
            if c["id"] not in rows:
                problems.append(f"claim {c['id']} is not in the PDF's claim tables")
                continue
            shown = number(c["measured"])
            if not shown.startswith("$") and not any(r.startswith(squash(shown) + "[") for r in rows[c["id"]]):
                problems.append(f"claim {c['id']}: the PDF does not show its measured value {shown}")
    produced = sorted(p.stem for p in pathlib.Path(args.figures).glob("*.pdf"))
    figures = sorted(set(produced) | set(listed))
    for name in sorted(set(listed) - set(produced)):
        problems.append(f"figure {name} (scenarios/registry.json) was not produced under {args.figures}")
    for name in figures:
        if f"figurefile{name}." not in text:
            problems.append(f"figure {name} is not in the PDF")
    if "wasnotproducedatthisscale" in text:
        problems.append("the PDF has a figure placeholder (a figure was not produced)")
    if "n/aatthisscale" in text:
        problems.append("the PDF shows 'n/a at this scale' (the text cites a claim or detail the run lacks)")
    if not figures:
        problems.append(f"no figures under {args.figures}")
    for p in problems[:20]:
        print(f"check_pdf: {p}")
    if problems:
        print(f"check_pdf: {len(problems)} problems", file=sys.stderr)
        return 1
    print(f"check_pdf: {claims} claims and {len(figures)} figures found in {args.pdf}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
