#!/usr/bin/env bash
# The paper: set-up, Release build, then results → figures → PDF at one scale, with make-style
# dependencies (a rerun without changes does no work). Writes the source tree's
# results/<scenario>/<scale>/ and results/memgen_<scale>.pdf (the paper_<scale> target; the ctest
# paper_smoke_build uses paper_smoke_in_build, which keeps everything in the build tree).
#   ./scripts/make_paper.sh [smoke|default|paper]
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-default}"
case "$scale" in smoke|default|paper) ;; *) echo "usage: $0 [smoke|default|paper]" >&2; exit 2 ;; esac
./scripts/setup.sh
./scripts/build.sh
cmake --build --preset release --target "paper_${scale}"
echo "paper: results/memgen_${scale}.pdf"
