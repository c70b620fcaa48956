// Benchmarks of the memorization kernels (issue 13, "Speed"):
//   BM_LiraShadows      the M = 128 ridge shadow models of scn_mem_lira's default configuration (pool
//                       N = 2000, D = 500 random Fourier features, m = 5 classes; each on its N/2 IN
//                       points: D × D Gram by a symmetric rank-k update, Cholesky, solve, outputs on the
//                       pool), one thread; counter shadow_models_per_second
//   BM_LiraAttack       leave-one-model-out LiRA statistics and per-point vulnerability of those models
//   BM_Gemm             Eigen GEMM 1500³: the machine's GEMM rate in this run, for the shadows' fraction of it
//   BM_FeldmanRefits    the subsampled memorization estimator's 1-NN refits of scn_mem_long_tail's default
//                       (n = 1000, t = 1000 runs, d = 8, 500 test points); counter refits_per_second
// The NumPy and PyTorch references of the shadow models are in bench/lira_reference.py; ratios in
// BENCHMARKS.md (bench/report_mem.py).
#include <benchmark/benchmark.h>

#include <Eigen/Core>

#include "scenarios/mem/lira_experiment.h"
#include "sim/linalg/blas_backend.h"
#include "sim/mem/balanced_masks.h"
#include "sim/mem/lira_attack.h"
#include "sim/mem/nearest_neighbour_runs.h"
#include "sim/mem/planted_defects.h"
#include "sim/mem/ridge_shadow_models.h"
#include "sim/mem/subpopulation_data.h"
#include "sim/random/distributions.h"
#include "sim/run/retained_memory.h"

namespace {

// As the scenario binaries: freed matrices stay mapped for the next iteration (retained_memory.h).
[[maybe_unused]] const bool kRetainFreedMemory = memgen::sim::RetainFreedMemory();

// The BLAS a scenario binary selects by default (--blas auto), before any benchmark runs.
[[maybe_unused]] const memgen::sim::BlasSelection& kBlas = memgen::sim::SelectBlas("auto");

using namespace memgen;

struct ShadowSetup {
  sim::RowMatrix z;
  std::vector<int> labels;
  theory::MaskMatrix in;
  scenarios::ShadowOptions o;
  ShadowSetup() {
    sim::Rng rng({7, 1, 0, 0});
    const sim::SubpopulationDomain domain = sim::DrawDomain(o.data, rng);
    sim::LabelledSample s = sim::DrawSample(domain, o.data, o.pool, rng);
    sim::DefectOptions defects{o.label_noise, o.outlier_fraction, o.outlier_sd};
    sim::PlantDefects(s, defects, o.data.classes, rng);
    z = sim::RandomFourierFeatures(s.x, o.features, rng);
    labels = s.label;
    in = sim::LiraArgsortMask(o.shadows, o.pool, o.shadows / 2, rng);
  }
  // Useful flops of the shadows: Gram (k D² with the symmetric update), Cholesky D³/3, solve 2D²m +
  // Zᵀ Y 2kDm, outputs 2NDm, per model (k = N/2 IN points).
  double Flops() const {
    const double n = static_cast<double>(o.pool), k = n / 2, d = o.features.features, m = o.data.classes;
    return static_cast<double>(o.shadows) * (k * d * d + d * d * d / 3 + 2 * d * d * m + 2 * k * d * m + 2 * n * d * m);
  }
};

void BM_LiraShadows(benchmark::State& state) {
  const ShadowSetup s;
  for (auto _ : state) benchmark::DoNotOptimize(sim::TrainRidgeShadows(s.z, s.labels, s.o.data.classes, s.in, s.o.ridge));
  state.counters["shadow_models_per_second"] = benchmark::Counter(static_cast<double>(s.o.shadows), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["gflops"] = benchmark::Counter(s.Flops() / 1e9, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["models"] = static_cast<double>(s.o.shadows);
}
BENCHMARK(BM_LiraShadows)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_LiraAttack(benchmark::State& state) {
  const ShadowSetup s;
  const sim::ShadowScores scores = sim::TrainRidgeShadows(s.z, s.labels, s.o.data.classes, s.in, s.o.ridge);
  for (auto _ : state) {
    const sim::LiraStatistics stats = sim::LeaveOneModelOut(scores.margin, s.in);
    benchmark::DoNotOptimize(sim::PointVulnerability(stats.online, s.in));
  }
}
BENCHMARK(BM_LiraAttack)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Gemm(benchmark::State& state) {
  const Eigen::Index n = state.range(0);
  const Eigen::MatrixXd a = Eigen::MatrixXd::Ones(n, n) * 0.5, b = Eigen::MatrixXd::Ones(n, n) * 0.25;
  Eigen::MatrixXd c(n, n);
  for (auto _ : state) {
    c.noalias() = a * b;
    benchmark::DoNotOptimize(c.data());
  }
  state.counters["gflops"] = benchmark::Counter(2.0 * n * n * n / 1e9, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_Gemm)->Arg(1500)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_FeldmanRefits(benchmark::State& state) {
  sim::SubpopulationOptions so;
  sim::Rng rng({7, 2, 0, 0});
  const sim::SubpopulationDomain domain = sim::DrawDomain(so, rng);
  const sim::LabelledSample train = sim::DrawSample(domain, so, 1000, rng), test = sim::DrawSample(domain, so, 500, rng);
  const theory::MaskMatrix in = sim::ShuffledCyclicMask(1000, 1000, 700, rng);
  for (auto _ : state) benchmark::DoNotOptimize(sim::RunNearestNeighbour(train.x, train.label, test.x, test.label, in));
  state.counters["refits_per_second"] = benchmark::Counter(1000.0, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_FeldmanRefits)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
