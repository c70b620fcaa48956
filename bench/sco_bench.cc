// Benchmarks of the SCO tracing simulator (issue 3, "Scale and speed") at n = 400, d = 5e5:
//   BM_ScoCoins          biased coins per second: n rows of d coins, bit-packed, with column counts
//   BM_ScoTrial          one full trial (prior, 2n rows of coins, ERM, tracer scores of all 2n points)
//   BM_ScoTrialParallel  8 trials through the trial runner on 1 and 2 threads (speed-up)
// The NumPy reference of the same trial is bench/numpy_sco_reference.py; ratios in BENCHMARKS.md.
#include <benchmark/benchmark.h>

#include "sim/sco/coin_rows.h"
#include "scenarios/sco/tracing_experiment.h"
#include "sim/run/retained_memory.h"

namespace {

// As the scenario binaries: freed matrices stay mapped for the next iteration (retained_memory.h).
[[maybe_unused]] const bool kRetainFreedMemory = memgen::sim::RetainFreedMemory();

using namespace memgen;

scenarios::ScoCellOptions Cell(std::int64_t n, std::int64_t d, std::int64_t trials) {
  scenarios::ScoCellOptions c;
  c.name = "bench";
  c.eps = 0.05;
  c.n = n;
  c.d = d;
  c.trials = trials;
  sim::ScoLearnerOptions erm;
  c.learners = {erm};
  return c;
}

void BM_ScoCoins(benchmark::State& state) {
  const std::int64_t n = state.range(0), d = state.range(1);
  const sim::CoinColumns columns = sim::MakeCoinColumns(std::vector<double>(static_cast<std::size_t>(d), 0.1));
  std::uint32_t trial = 0;
  std::vector<std::int32_t> counts;
  for (auto _ : state) {
    const sim::CoinMatrix m = sim::DrawCoinMatrix(sim::MakeBatchStream(1, 2, trial++, 0), 0, n, columns, &counts);
    benchmark::DoNotOptimize(m.bits.data());
  }
  state.counters["coins"] = benchmark::Counter(static_cast<double>(n * d), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_ScoTrial(benchmark::State& state) {
  const scenarios::ScoCellOptions cell = Cell(state.range(0), state.range(1), 1);
  std::int64_t trial = 0;
  for (auto _ : state) {
    const scenarios::ScoTrial t = scenarios::RunScoTrial(cell, 7, trial++);
    benchmark::DoNotOptimize(t.learners[0].recall_fw);
  }
  state.counters["trials"] = benchmark::Counter(1.0, benchmark::Counter::kIsIterationInvariantRate);
}

void BM_ScoTrialParallel(benchmark::State& state) {
  const scenarios::ScoCellOptions cell = Cell(state.range(0), state.range(1), 8);
  sim::TrialRunnerOptions runner;
  runner.threads = static_cast<int>(state.range(2));
  for (auto _ : state) {
    const auto trials = scenarios::RunScoCell(cell, 7, runner);
    benchmark::DoNotOptimize(trials.data());
  }
  state.counters["trials"] = benchmark::Counter(8.0, benchmark::Counter::kIsIterationInvariantRate);
}

BENCHMARK(BM_ScoCoins)->ArgNames({"n", "d"})->Args({400, 500000})->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ScoTrial)->ArgNames({"n", "d"})->Args({400, 500000})->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ScoTrialParallel)->ArgNames({"n", "d", "threads"})->Args({400, 500000, 1})->Args({400, 500000, 2})->Unit(benchmark::kSecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
