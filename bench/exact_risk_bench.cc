// Benchmarks of the benign-overfitting kernels (issue 2 §5), each paired with a baseline measured in
// the same run:
//   BM_ExactRiskDraw       one exact (B, V) draw by the streaming Gram kernel: ≈ 2 n² d flops in two
//                          symmetric rank-k updates + n d normals; counter `flops` = 2 n² d; per BLAS
//                          backend (sim/linalg/blas_backend.h: 0 eigen, 1 blis, 2 openblas)
//   BM_RankUpdate          one symmetric rank-k update C += A Aᵀ, n = 1000, k = 2048 (the draw's block),
//                          per backend; counter `flops` = n² k useful flops (the lower triangle)
//   BM_GemmBaseline        a plain Eigen GEMM C = X Xᵀ of the same n × d (2 n² d flops): the
//                          machine's single-core limit for this shape
//   BM_TrialParallel       T draws through the trial runner on 1 and 2 threads (speed-up)
//   BM_DeterministicEquivalent  the DE fixed point and V_DE for d eigenvalues
// Figures and ratios: bench/run_benchmarks.sh, recorded in BENCHMARKS.md.
#include <benchmark/benchmark.h>

#include <Eigen/Core>

#include "scenarios/bo/risk_cell.h"
#include "sim/linalg/blas_backend.h"
#include "sim/random/distributions.h"
#include "theory/bo/deterministic_equivalent.h"
#include "sim/run/retained_memory.h"

namespace {

// As the scenario binaries: freed matrices stay mapped for the next iteration (retained_memory.h).
[[maybe_unused]] const bool kRetainFreedMemory = memgen::sim::RetainFreedMemory();

using namespace memgen;

theory::Spectrum PowerLaw(std::int64_t d, double alpha) {
  theory::SpectrumOptions o;
  o.kind = theory::SpectrumKind::kPowerLaw;
  o.alpha = alpha;
  o.d = d;
  return theory::MakeSpectrum(o);
}

const char* const kBackends[] = {"eigen", "blis", "openblas"};

// Selects backend `index` for this benchmark; false (and the benchmark skipped) if it is not installed.
bool UseBackend(benchmark::State& state, std::int64_t index) {
  try {
    const sim::BlasSelection& b = sim::SelectBlas(kBackends[index]);
    state.SetLabel(b.name + "/" + b.kernel);
    return true;
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
    return false;
  }
}

void BM_RankUpdate(benchmark::State& state) {
  const std::int64_t n = state.range(0), k = state.range(1);
  if (!UseBackend(state, state.range(2))) return;
  Eigen::MatrixXd a(n, k);
  sim::Rng rng({1, 2, 4, 0});
  sim::FillNormal(rng, a.data(), static_cast<std::size_t>(n * k));
  Eigen::MatrixXd c = Eigen::MatrixXd::Zero(n, n);
  for (auto _ : state) {
    sim::RankUpdateLower(c, a);
    benchmark::DoNotOptimize(c.data());
  }
  state.counters["flops"] = benchmark::Counter(static_cast<double>(n) * n * k, benchmark::Counter::kIsIterationInvariantRate);
  sim::SelectBlas("eigen");
}

void BM_ExactRiskDraw(benchmark::State& state) {
  const std::int64_t n = state.range(0), d = state.range(1);
  if (!UseBackend(state, state.range(2))) return;
  const theory::Spectrum spectrum = PowerLaw(d, 1.5);
  sim::ExactRiskOptions options;
  options.gram.n = n;
  std::uint64_t trial = 0;
  for (auto _ : state) {
    const sim::ExactRisk r = sim::ComputeExactRisk(spectrum, {1.0}, options, {1, 2, trial++, 0});
    benchmark::DoNotOptimize(r.variance);
  }
  state.counters["flops"] = benchmark::Counter(2.0 * n * n * d, benchmark::Counter::kIsIterationInvariantRate);
  sim::SelectBlas("eigen");
}

void BM_GemmBaseline(benchmark::State& state) {
  const std::int64_t n = state.range(0), d = state.range(1);
  Eigen::MatrixXd x(n, d);
  sim::Rng rng({1, 2, 3, 0});
  sim::FillNormal(rng, x.data(), static_cast<std::size_t>(n * d));
  Eigen::MatrixXd c(n, n);
  for (auto _ : state) {
    c.noalias() = x * x.transpose();
    benchmark::DoNotOptimize(c.data());
  }
  state.counters["flops"] = benchmark::Counter(2.0 * n * n * d, benchmark::Counter::kIsIterationInvariantRate);
}

void BM_TrialParallel(benchmark::State& state) {
  const std::int64_t n = state.range(0), d = state.range(1);
  sim::SelectBlas("auto");  // what a scenario binary runs by default
  const theory::Spectrum spectrum = PowerLaw(d, 1.5);
  scenarios::RiskCellOptions cell;
  cell.risk.gram.n = n;
  cell.trials = 8;
  cell.runner.threads = static_cast<int>(state.range(2));
  for (auto _ : state) {
    const scenarios::RiskCellResult r = scenarios::RunRiskCell(spectrum, {1.0}, cell);
    benchmark::DoNotOptimize(r.variance.mean);
  }
  state.counters["draws"] = benchmark::Counter(static_cast<double>(cell.trials), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_DeterministicEquivalent(benchmark::State& state) {
  theory::SpectrumOptions o;
  o.kind = theory::SpectrumKind::kLogPower;
  o.alpha = 1.0;
  o.beta = 2.0;
  o.d = state.range(0);
  const theory::Spectrum spectrum = theory::MakeSpectrum(o);
  theory::DeOptions de;
  de.n = 1000;
  for (auto _ : state) {
    const theory::DeResult r = theory::DeterministicEquivalent(spectrum, {1.0}, de);
    benchmark::DoNotOptimize(r.variance);
  }
}

BENCHMARK(BM_ExactRiskDraw)->ArgNames({"n", "d", "blas"})->ArgsProduct({{1000}, {100000}, {0, 1, 2}})->ArgsProduct({{400}, {40000}, {0, 1, 2}})->Unit(benchmark::kSecond)->UseRealTime();
BENCHMARK(BM_RankUpdate)->ArgNames({"n", "k", "blas"})->ArgsProduct({{1000}, {2048}, {0, 1, 2}})->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_GemmBaseline)->ArgNames({"n", "d"})->Args({1000, 100000})->Args({400, 40000})->Unit(benchmark::kSecond)->UseRealTime();
BENCHMARK(BM_TrialParallel)->ArgNames({"n", "d", "threads"})->Args({400, 40000, 1})->Args({400, 40000, 2})->Unit(benchmark::kSecond)->UseRealTime();
BENCHMARK(BM_DeterministicEquivalent)->ArgNames({"d"})->Arg(10000000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
