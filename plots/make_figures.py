#!/usr/bin/python3
"""Regenerates every memgen figure (PNG and PDF) from the results files of one run id.
  /usr/bin/python3 plots/make_figures.py --results results --run default --out results/figures
"""
import argparse
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import bo_figures  # noqa: E402
import sco_figures  # noqa: E402
import spur_figures  # noqa: E402
import spur_regression_figures  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--results", default="results")
    parser.add_argument("--run", default="default")
    parser.add_argument("--out", default="results/figures")
    args = parser.parse_args()
    made = []
    for module in (bo_figures, sco_figures, spur_figures, spur_regression_figures):
        made += module.make(args.results, args.run, args.out)
    if not made:
        print(f"make_figures: no results for run '{args.run}' under {args.results}", file=sys.stderr)
        return 1
    for path in made:
        print(f"figure: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
