#!/usr/bin/env bash
# Fuzzing (docs/robustness.md): set-up, then builds the libFuzzer targets of tests/fuzz/ (preset fuzz:
# clang 14, ASan + UBSan, out/build/fuzz) and runs each for SECONDS (default 30) on a copy of its
# seeds in a temporary directory: the malformed-config corpus and the shipped configs (config
# reader), tests/fuzz/set_override_seeds.txt (--set parser), the shipped overlays rebased onto
# private copies of their bases (overlay merge). Nothing is written under tests/. Exits non-zero on
# any crash, leak, timeout or sanitizer report; the input that caused it is kept in
# out/build/fuzz/artifacts/ (replay: out/build/fuzz/fuzz/<target> <file>).
#   ./scripts/fuzz.sh        # 30 s per target
#   ./scripts/fuzz.sh 600    # a longer run
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [SECONDS]" >&2; exit 2; }
./scripts/setup.sh
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

bin=out/build/fuzz/fuzz
artifacts=out/build/fuzz/artifacts
mkdir -p "$artifacts"
work="$(mktemp -d "${TMPDIR:-/tmp}/memgen_fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/config_reader" "$work/set_override" "$work/overlay"

# Seeds (copies: libFuzzer adds what it finds to these directories, not to tests/).
cp tests/fuzz/corpus/*.toml "$work/config_reader/"
for f in scenarios/*/configs/*/*.toml; do
  scenario="$(basename "$(dirname "$f")")"
  cp "$f" "$work/config_reader/${scenario}_$(basename "$f")"
  if grep -q '^overlay.base = "default.toml"' "$f"; then
    sed "s|^overlay.base = \"default.toml\"|overlay.base = \"${scenario}.toml\"|" "$f" \
      > "$work/overlay/${scenario}_$(basename "$f")"
  fi
done
i=0
while IFS= read -r line; do
  printf '%s' "$line" > "$work/set_override/seed_$((i += 1))"
done < tests/fuzz/set_override_seeds.txt

status=0
for target in config_reader set_override overlay; do
  echo "fuzz.sh: fuzz_${target} for ${seconds} s"
  if ! "$bin/fuzz_${target}" "$work/${target}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -max_len=16384 -print_final_stats=1 -artifact_prefix="$artifacts/${target}-" \
       > "$work/${target}.log" 2>&1; then
    status=1
    echo "fuzz.sh: fuzz_${target} FOUND A PROBLEM (input kept in $artifacts/):" >&2
    grep -E "ERROR|runtime error|SUMMARY|Test unit written|terminate|deadly signal" "$work/${target}.log" | head -20 >&2
  fi
  grep -E "^stat::(number_of_executed_units|peak_rss_mb)|^Done" "$work/${target}.log" || true
done
[ "$status" -eq 0 ] && echo "fuzz.sh: no findings (${seconds} s per target)"
exit "$status"
