#!/usr/bin/env bash
# The main job: set-up, Release build, every scenario at the chosen scale (default: default), the
# figures, and the verification summary over all scenarios (results/VERIFICATION.md). The scenario list
# is scenarios/registry.json (scripts/registry.py).
#   ./scripts/run_main.sh [smoke|default|paper]
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-default}"
case "$scale" in smoke|default|paper) ;; *) echo "usage: $0 [smoke|default|paper]" >&2; exit 2 ;; esac

./scripts/setup.sh
./scripts/build.sh

# The scenarios of scenarios/registry.json, in registry order.
mapfile -t scenarios < <(/usr/bin/python3 scripts/registry.py names)
(( ${#scenarios[@]} )) || { echo "run_main: no scenarios in scenarios/registry.json" >&2; exit 1; }
for s in "${scenarios[@]}"; do
  echo "== scn_$s --scale $scale"
  "out/build/release/bin/scn_$s" --scale "$scale" --out results
done

/usr/bin/python3 plots/make_figures.py --results results --run "$scale" --out results/figures
/usr/bin/python3 scripts/verification_summary.py --results results --run "$scale" --out results/VERIFICATION.md
