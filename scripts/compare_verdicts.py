#!/usr/bin/python3
"""Compare the claim verdicts of two results directories, claim by claim.

Usage: scripts/compare_verdicts.py BEFORE AFTER [--run smoke|default|paper]

BEFORE and AFTER are results directories (results/<scenario>/<run>/summary.json). Prints the number of
claims in each and every claim whose verdict differs or that exists in only one, with the reason the
AFTER run gives. Exits 0; the comparison is for reading (a change of random streams moves verdicts
that rest on few trials).
"""
import argparse
import json
import pathlib


def load(root: pathlib.Path, run: str) -> dict:
    claims = {}
    for path in sorted(root.glob(f"*/{run}/summary.json")):
        scenario = path.parts[-3]
        for claim in json.loads(path.read_text())["claims"]:
            claims[(scenario, claim["id"])] = (claim["verdict"], claim.get("reason", ""))
    return claims


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=pathlib.Path)
    parser.add_argument("after", type=pathlib.Path)
    parser.add_argument("--run", default="default")
    args = parser.parse_args()
    before, after = load(args.before, args.run), load(args.after, args.run)
    print(f"{len(before)} claims before, {len(after)} after")
    changed = 0
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old is None or new is None or old[0] != new[0]:
            changed += 1
            print(f"{key[0]} {key[1]}: {old[0] if old else 'absent'} -> {new[0] if new else 'absent'}"
                  + (f" | {new[1][:200]}" if new else ""))
    print(f"{changed} verdicts differ")


if __name__ == "__main__":
    main()
