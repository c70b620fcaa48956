#!/usr/bin/env bash
# Redraws the committed gallery (docs/gallery/*.png, shown in plots/README.md) from the default-scale
# results in results/ (run ./scripts/run_main.sh first).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp="$(mktemp -d)"
/usr/bin/python3 plots/make_figures.py --results results --run default --out "$tmp" >/dev/null
mkdir -p docs/gallery
cp "$tmp"/*.png docs/gallery/
rm -rf "$tmp"
echo "gallery: $(ls docs/gallery/*.png | wc -l) figures in docs/gallery/"
