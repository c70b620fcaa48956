#!/usr/bin/env bash
# The test command: set-up, Release build, and the whole test suite (ctest: unit, property,
# statistical and negative-control tests per layer, the layer rule, end-to-end runs, the smoke paper).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
ctest --preset release
