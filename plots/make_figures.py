#!/usr/bin/python3
"""Regenerates the memgen figures (PNG and PDF) from the results files of one run id. The figures are
those scenarios/registry.json lists: for each scenario whose results/<scenario>/<run>/ exists, each of
its figures is drawn by plots/<simulator>_figures.py (FIGURES[figure](run_dir, out_dir)).
  /usr/bin/python3 plots/make_figures.py --results results --run default --out results/figures
  /usr/bin/python3 plots/make_figures.py ... --only spur_sweep,sco_phase     a subset, by figure name
"""
import argparse
import importlib
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "scripts"))

import registry  # noqa: E402


def drawers():
    """Figure name -> (scenario entry, drawer), for every figure of the registry. Fails when a
    simulator has no plots/<simulator>_figures.py or the module does not draw a listed figure."""
    out = {}
    modules = {}
    for figure, entry in registry.figures():
        sim = entry["simulator"]
        if sim not in modules:
            modules[sim] = importlib.import_module(f"{sim}_figures")
        table = getattr(modules[sim], "FIGURES", {})
        if figure not in table:
            raise SystemExit(f"make_figures: plots/{sim}_figures.py has no drawer for figure '{figure}' "
                             f"(scenario {entry['name']} in scenarios/registry.json)")
        out[figure] = (entry, table[figure])
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--results", default="results")
    parser.add_argument("--run", default="default")
    parser.add_argument("--out", default="results/figures")
    parser.add_argument("--only", default="", help="comma-separated figure names (default: all)")
    args = parser.parse_args()
    only = {s for s in args.only.split(",") if s}
    made = []
    for figure, (entry, draw) in drawers().items():
        if only and figure not in only:
            continue
        run_dir = pathlib.Path(args.results) / entry["name"] / args.run
        if run_dir.is_dir():
            made += draw(run_dir, args.out)
    if not made:
        print(f"make_figures: no results for run '{args.run}' under {args.results}", file=sys.stderr)
        return 1
    for path in made:
        print(f"figure: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
