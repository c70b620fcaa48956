#!/usr/bin/env bash
# Runs every benchmark and its baselines on this machine, one after another (nothing else should
# run), and writes BENCHMARKS.md from the measured JSON. Takes about 8 minutes (the spurious-feature
# part, bench_spur and bench/numpy_spur_reference.py, about 1.5 of them).
#   ./bench/run_benchmarks.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh --bench
./scripts/build.sh
out=out/bench
mkdir -p "$out"
out/build/release/bin/bench_machine --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
  --benchmark_out="$out/machine.json" --benchmark_out_format=json
out/build/release/bin/bench_exact_risk --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
  --benchmark_out="$out/cpp.json" --benchmark_out_format=json
# The NumPy references run on OpenBLAS's own kernel choice: the machine-wide OPENBLAS_CORETYPE is unset
# for their commands only, and each JSON records the kernel OpenBLAS ran (bench/blas_info.py).
env -u OPENBLAS_CORETYPE /usr/bin/python3 bench/numpy_reference.py --n 400 --d 40000 > "$out/numpy_n400.json"
env -u OPENBLAS_CORETYPE /usr/bin/python3 bench/numpy_reference.py --n 1000 --d 100000 > "$out/numpy_n1000.json"
out/build/release/bin/bench_sco --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
  --benchmark_out="$out/sco.json" --benchmark_out_format=json
env -u OPENBLAS_CORETYPE /usr/bin/python3 bench/numpy_sco_reference.py --n 400 --d 500000 --trials 2 > "$out/numpy_sco.json"
out/build/release/bin/bench_spur --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
  --benchmark_out="$out/spur.json" --benchmark_out_format=json
env -u OPENBLAS_CORETYPE /usr/bin/python3 bench/numpy_spur_reference.py --repeats 3 > "$out/numpy_spur.json"
# The official Figure-1 PyTorch loops (re-implemented, checked against the official accuracies) at each
# thread setting; the report takes the best. Passive OpenMP waiting for 2 threads: spinning workers
# slow PyTorch's backward steps about tenfold when the machine has other work.
env -u OPENBLAS_CORETYPE /usr/bin/python3 bench/figure1_torch_reference.py --threads 1 > "$out/figure1_torch_1.json"
env -u OPENBLAS_CORETYPE OMP_WAIT_POLICY=passive /usr/bin/python3 bench/figure1_torch_reference.py --threads 2 \
  > "$out/figure1_torch_2.json"
out/build/release/bin/bench_ld --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
  --benchmark_out="$out/ld.json" --benchmark_out_format=json
# The references' own commands run without the machine-wide OPENBLAS_CORETYPE (the JSON records the BLAS).
for ref in "numpy float64 1" "torch float32 1" "torch float64 1" "torch float32 2"; do
  set -- $ref
  env -u OPENBLAS_CORETYPE /usr/bin/python3 bench/grokking_reference.py --framework "$1" --dtype "$2" --threads "$3" \
    > "$out/grokking_$1_$2_$3.json"
done
for ref in "float32 1" "float64 1"; do
  set -- $ref
  env -u OPENBLAS_CORETYPE /usr/bin/python3 bench/teacher_student_reference.py --dtype "$1" --threads "$2" \
    > "$out/teacher_student_$1_$2.json"
done
out/build/release/bin/bench_mem --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
  --benchmark_out="$out/mem.json" --benchmark_out_format=json
for ref in "numpy float64 1" "torch float32 1" "torch float64 1"; do
  set -- $ref
  env -u OPENBLAS_CORETYPE /usr/bin/python3 bench/lira_reference.py --framework "$1" --dtype "$2" --threads "$3" \
    > "$out/lira_$1_$2_$3.json"
done
/usr/bin/python3 bench/report.py --machine "$out/machine.json" --cpp "$out/cpp.json" --numpy "$out/numpy_n400.json" "$out/numpy_n1000.json" \
  --sco "$out/sco.json" --numpy-sco "$out/numpy_sco.json" --spur "$out/spur.json" --numpy-spur "$out/numpy_spur.json" \
  --figure1-torch "$out"/figure1_torch_*.json \
  --ld "$out/ld.json" --grokking-refs "$out"/grokking_*.json --teacher-student-refs "$out"/teacher_student_*.json \
  --mem "$out/mem.json" --lira-refs "$out"/lira_*.json --out BENCHMARKS.md
