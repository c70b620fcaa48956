#!/usr/bin/python3
"""The one list of scenarios, scenarios/registry.json, for Python and shell. Import it by path
(sys.path.insert(0, <repo>/scripts); import registry) or call it:
  /usr/bin/python3 scripts/registry.py names                  one scenario name a line
  /usr/bin/python3 scripts/registry.py figures [scenario]     one figure name a line
  /usr/bin/python3 scripts/registry.py sections               paper sections, in registry order
  /usr/bin/python3 scripts/registry.py simulators             simulators, in registry order
Each entry: name, simulator, main (scenarios/<simulator>/<main>), paper_section
(paper/sections/<paper_section>.tex) and figures (drawn by plots/<simulator>_figures.py)."""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
PATH = ROOT / "scenarios" / "registry.json"
KEYS = ("name", "simulator", "main", "paper_section", "figures")


def scenarios(path=PATH):
    """Every scenario entry, in registry order (dicts with the KEYS above)."""
    entries = json.loads(pathlib.Path(path).read_text())["scenarios"]
    for e in entries:
        missing = [k for k in KEYS if k not in e]
        if missing:
            raise ValueError(f"{path}: scenario {e.get('name', '?')} lacks {', '.join(missing)}")
    names = [e["name"] for e in entries]
    if len(set(names)) != len(names):
        raise ValueError(f"{path}: duplicate scenario names")
    return entries


def names(path=PATH):
    return [e["name"] for e in scenarios(path)]


def unique(values):
    return list(dict.fromkeys(values))


def sections(path=PATH):
    return unique(e["paper_section"] for e in scenarios(path))


def simulators(path=PATH):
    return unique(e["simulator"] for e in scenarios(path))


def figures(path=PATH):
    """(figure, scenario entry) for every figure, in registry order."""
    return [(fig, e) for e in scenarios(path) for fig in e["figures"]]


def main(argv):
    if len(argv) < 2 or argv[1] not in ("names", "figures", "sections", "simulators"):
        print(__doc__, file=sys.stderr)
        return 2
    what = argv[1]
    if what == "names":
        out = names()
    elif what == "sections":
        out = sections()
    elif what == "simulators":
        out = simulators()
    else:
        out = [fig for fig, e in figures() if len(argv) < 3 or e["name"] == argv[2]]
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
