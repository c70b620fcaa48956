#!/usr/bin/env bash
# The test command: set-up, Release build, and the default test suite (ctest; long statistical
# runs tagged [.] are excluded).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
ctest --preset release
