#!/usr/bin/env bash
# Set-up for memgen on Debian 12: checks the Debian packages memgen needs and installs the missing
# ones when run as root; otherwise prints the exact apt-get line and stops. Idempotent.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  clang-14 libclang-rt-14-dev libomp-14-dev libopenmpi-dev openmpi-bin
  libeigen3-dev libboost-dev libceres-dev
  catch2 librapidcheck-dev librandom123-dev
  libcli11-dev libtomlplusplus-dev nlohmann-json3-dev libbenchmark-dev
  python3 python3-matplotlib python3-numpy python3-pandas python3-pytest python3-dev python3-venv pybind11-dev
  libblis4-serial libopenblas0-pthread   # the level-3 BLAS memgen loads at run time (sim/linalg/blas_backend.h)
  latexmk texlive-latex-base texlive-latex-recommended texlive-fonts-recommended poppler-utils
)

# ./scripts/setup.sh --bench also installs what the benchmarks' baselines need (bench/run_benchmarks.sh).
if [ "${1:-}" = "--bench" ]; then
  packages+=(python3-torch)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "setup: all ${#packages[@]} Debian packages present"
  exit 0
fi

line="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  $line
else
  echo "setup: missing Debian packages. Run as root:" >&2
  echo "  sudo apt-get update && sudo $line" >&2
  exit 1
fi
