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
# A scenario exits 3 when its results are written but some claim is not as expected (a FAIL, or a
# refutation that held): every scenario still runs and every figure is drawn; the job then names
# the unexpected scenarios and exits 1. Any other non-zero code (a failed run, bad input) stops it.
unexpected=()
for s in "${scenarios[@]}"; do
  echo "== scn_$s --scale $scale"
  code=0
  "out/build/release/bin/scn_$s" --scale "$scale" --out results --overwrite || code=$?
  case "$code" in
    0) ;;
    3) unexpected+=("$s") ;;
    *) echo "run_main: scn_$s exited with code $code" >&2; exit "$code" ;;
  esac
done

/usr/bin/python3 plots/make_figures.py --results results --run "$scale" --out results/figures
/usr/bin/python3 scripts/verification_summary.py --results results --run "$scale" --out results/VERIFICATION.md
if (( ${#unexpected[@]} )); then
  echo "run_main: claims not as expected in: ${unexpected[*]} (see results/VERIFICATION.md)" >&2
  exit 1
fi
