// Benchmarks of the spurious-feature simulators (Figure 1 of Bayat et al. and the idealized model),
// each paired with a baseline measured in the same run:
//   BM_SpurFigure1Arm       one Figure-1 ERM arm as RunFigure1Trial runs it (n = 1000 per split,
//                           D = 2 + 1798, σ_ε = 0.5, two-logit lr 1e-2, 1000 full-batch epochs):
//                           data generation (train and balanced validation splits, PyTorch init) +
//                           Gram build (K = XXᵀ, K_val = X_val Xᵀ) + per epoch: validation logits
//                           K_val c, group accuracies of train and val, one DualLogisticGd step.
//                           Data generation is included (≈ 3.6e6 normals, a few % of the time).
//   BM_SpurFigure1Seed      one whole seed of scn_spur_figure1 (no noise sweep): every arm, XRM, MAT
//   BM_SpurFigure1ErmMat    the official script's timed seed (run_erm + run_mat: data, Gram, XRM twins, MAT
//                           shift, erm and mat with per-epoch read-outs) on memgen's kernels
//   BM_SpurFigure1Setup     the data + Gram part of the arm alone
//   BM_SpurFigure1Epoch     one epoch of the arm alone (val GEMV + accuracies + Step)
//   BM_SpurDualStep         DualLogisticGd::Step alone on the Figure-1 K with 1 and 6 arms (RunFigure1Trial
//                           steps 6 noisy arms and 3 clean arms in lockstep): compare with arms × BM_Gemv
//   BM_Gemv                 a plain Eigen GEMV y = K x of the same n × n (8 MB, L3-resident alone);
//                           counter `bytes` = 8 n² per GEMV
//   BM_GemvPair             two plain GEMVs on two different n × n matrices, as an epoch reads K (step)
//                           and K_val (validation logits): the machine's limit for an epoch (16 MB
//                           alternate through L3, slower than 2 × BM_Gemv)
//   BM_FillNormal           sim::FillNormal of 4000 standard normals (one Monte Carlo test point of the
//                           margins trial below, which draws 2 × 2000 × 4000 of them)
//   BM_ZigguratNormals      the same count one at a time by the scalar ziggurat (sim::Normal), the bulk
//                           path before the batched Box–Muller normals
//   BM_SpurMarginCellParallel  8 trials of the spur_margins cell main_n200_rho0.1_g5_dn20_ns1 (n = 200,
//                           D = 4002) through the trial runner (scenarios::RunMarginCell) on 1 and 2
//                           threads. A trial: data, Gram, hard-margin SVM by dual coordinate ascent,
//                           min-norm interpolant, read-outs, Φ accuracies, Monte Carlo test accuracy
//                           on 2 × 2000 fresh points, max noise cosine. The SVM's sweep count depends
//                           on the draw, so a trial's time does too: the per-trial time is the 8-trial
//                           mean on 1 thread (trials 0–7 of a fixed seed)
// The NumPy references of the same computations are bench/numpy_spur_reference.py; ratios in
// BENCHMARKS.md (bench/report.py).
#include <benchmark/benchmark.h>

#include <Eigen/Core>

#include <cmath>
#include <cstdint>
#include <vector>

#include "sim/linalg/blas_backend.h"
#include "sim/linalg/columns_product.h"
#include "sim/random/distributions.h"
#include "sim/random/stream_tag.h"
#include "sim/spur/group_metrics.h"
#include "sim/spur/logistic_gd.h"
#include "sim/spur/mat_shift.h"
#include "sim/spur/xrm.h"
#include "sim/spur/data.h"
#include "scenarios/spur/figure1_experiment.h"
#include "scenarios/spur/margins_experiment.h"
#include "sim/run/retained_memory.h"

namespace {

// As the scenario binaries: freed matrices stay mapped for the next iteration (retained_memory.h).
[[maybe_unused]] const bool kRetainFreedMemory = memgen::sim::RetainFreedMemory();

// The BLAS a scenario binary selects by default (--blas auto), before any benchmark runs.
[[maybe_unused]] const memgen::sim::BlasSelection& kBlas = memgen::sim::SelectBlas("auto");

using namespace memgen;

constexpr std::uint64_t kSeed = 20261121;
constexpr double kNoise = 0.5;          // σ_ε of the erm arm
constexpr double kTwoLogitLr = 1e-2;    // PyTorch lr; binary GD runs at 2η

// Keeps a double alive through the const (input-only) overload of DoNotOptimize. With GCC 12 the
// non-const overload ("+m,r") on a local double dropped the store of the value (the symptom of
// google/benchmark#903): a counter read after the loop held stack garbage.
void Consume(const double& value) { benchmark::DoNotOptimize(value); }

// Train and validation splits, their Gram matrices and the initial logits of one arm.
struct Figure1Data {
  sim::SpuriousSample train, val;
  Eigen::MatrixXd gram, gram_val;  // XXᵀ (n × n), X_val Xᵀ (n × n)
  Eigen::VectorXd init_train, init_val;
};

Figure1Data SetUpFigure1(std::int64_t n, std::int64_t d, std::uint64_t trial) {
  const std::uint64_t tag = sim::StreamTag("bench/spur/figure1");
  sim::Rng train_rng({kSeed, tag, trial, 0}), val_rng({kSeed, tag, trial, 1}), init_rng({kSeed, tag, trial, 2});
  sim::Figure1SplitOptions g;
  g.n = n;
  g.d = d;
  g.noise_std = kNoise;
  g.majority_fraction = 0.9;
  Figure1Data s;
  s.train = sim::DrawFigure1Split(g, train_rng);
  g.majority_fraction = 0.5;
  s.val = sim::DrawFigure1Split(g, val_rng);
  s.gram = sim::GramMatrix(s.train.x);  // on the selected BLAS, as the scenario
  s.gram_val = sim::MultiplyTransposed(s.val.x, s.train.x);
  const Eigen::VectorXd w = sim::TorchLinearInit(d + 2, init_rng);
  s.init_train = s.train.x * w;
  s.init_val = s.val.x * w;
  return s;
}

sim::DualLogisticGd MakeErm(const Figure1Data& s) {
  sim::LogisticArm arm;
  arm.learning_rate = 2.0 * kTwoLogitLr;
  arm.initial_logits = s.init_train;
  return sim::DualLogisticGd(s.gram, s.train.y, {arm});
}

// One epoch's read-out as RunFigure1Trial does it: validation logits, then group accuracies.
double ReadOut(const Figure1Data& s, const sim::DualLogisticGd& gd, Eigen::VectorXd& val_logits,
               sim::GroupAccuracy* val_acc) {
  val_logits.noalias() = s.gram_val * gd.coefficients().col(0);
  val_logits += s.init_val;
  *val_acc = sim::AccuracyByGroup(val_logits, s.val.y, s.val.minority);
  const sim::GroupAccuracy train_acc = sim::AccuracyByGroup(gd.logits().col(0), s.train.y, s.train.minority);
  return val_acc->majority + val_acc->minority + train_acc.majority + train_acc.minority;
}

void BM_SpurFigure1Arm(benchmark::State& state) {
  const std::int64_t n = state.range(0), d = state.range(1), epochs = state.range(2);
  std::uint64_t trial = 0;
  sim::GroupAccuracy last{};
  for (auto _ : state) {
    const Figure1Data s = SetUpFigure1(n, d, trial++);
    sim::DualLogisticGd gd = MakeErm(s);
    Eigen::VectorXd val_logits(n);
    double checksum = 0.0;
    for (std::int64_t epoch = 0;; ++epoch) {
      checksum += ReadOut(s, gd, val_logits, &last);
      if (epoch == epochs) break;
      gd.Step();
    }
    Consume(checksum);
  }
  state.counters["val_majority"] = last.majority;
  state.counters["val_minority"] = last.minority;
}

// One whole Figure-1 seed as scn_spur_figure1 runs it, without its noise sweep: both splits, the Gram
// matrices, the XRM twins, MAT's shift, the erm_clean, erm, mat and checkpoint-selected arms in
// lockstep with per-epoch read-outs, and the memorization scores. The official script's seed is
// run_erm(0), run_erm(0.5) and run_mat(0.5) (bench/figure1_torch_reference.py times the last two).
void BM_SpurFigure1Seed(benchmark::State& state) {
  scenarios::Figure1Options o;
  o.sweep_noise = {};
  std::int64_t trial = 0;
  double minority = 0.0;
  for (auto _ : state) {
    const scenarios::Figure1Trial t = scenarios::RunFigure1Trial(o, kSeed, trial++);
    minority = t.val[scenarios::kMatLast].minority;
    benchmark::ClobberMemory();
  }
  state.counters["mat_val_minority"] = minority;
}

// The official script's timed seed, run_erm(0.5) + run_mat(0.5), on memgen's kernels: both splits and
// their Gram matrices once (run_mat redraws the same data; counted once here), XRM's twins (sim::RunXrm,
// 1000 epochs), MAT's calibrated shift, then the erm and mat models in lockstep (one DualLogisticGd with
// two arms) with the reference's per-epoch read-out of both (validation and training accuracy by group;
// K_valᵀ·C in one pass, as the scenario).
// The like-for-like counterpart of `figure1_torch_reference.py --arm both`; BM_SpurFigure1Seed is the
// scenario's seed, which trains seven more models (erm_clean, the twins of the held-out scores) and
// computes the memorization scores.
void BM_SpurFigure1ErmMat(benchmark::State& state) {
  constexpr std::int64_t kN = 1000, kD = 1798, kEpochs = 1000;
  std::uint64_t trial = 0;
  sim::GroupAccuracy mat_val{};
  for (auto _ : state) {
    const Figure1Data s = SetUpFigure1(kN, kD, trial);
    sim::Rng rng({kSeed, sim::StreamTag("bench/spur/figure1/mat"), trial++, 0});
    const Eigen::VectorXd twins[2] = {sim::TorchLinearInit(kD + 2, rng), sim::TorchLinearInit(kD + 2, rng)};
    sim::XrmOptions xrm_options;
    xrm_options.learning_rate = 2.0 * kTwoLogitLr;
    xrm_options.epochs = kEpochs;
    const sim::XrmResult xrm = sim::RunXrm(s.train.x, s.gram, s.train.y, twins, xrm_options, rng);
    sim::LogisticArm erm, mat;
    erm.learning_rate = mat.learning_rate = 2.0 * kTwoLogitLr;
    erm.initial_logits = s.init_train;
    mat.initial_logits = s.train.x * sim::TorchLinearInit(kD + 2, rng);
    mat.shift = sim::ComputeMatShift(xrm.held_out_logits, s.train.y, 0.1).delta;
    sim::DualLogisticGd gd(s.gram, s.train.y, {erm, mat});
    const Eigen::MatrixXd gram_val_t = s.gram_val.transpose();  // the read-out in one pass, as the scenario
    Eigen::MatrixXd val_logits(kN, 2);
    double checksum = 0.0;
    for (std::int64_t epoch = 0;; ++epoch) {
      sim::TransposedTimes(gram_val_t, gd.coefficients(), val_logits);
      val_logits.col(0) += s.init_val;  // mat's own X_val w₀ differs only in value, not in cost
      val_logits.col(1) += s.init_val;
      for (Eigen::Index a = 0; a < 2; ++a) {
        mat_val = sim::AccuracyByGroup(val_logits.col(a), s.val.y, s.val.minority);
        const sim::GroupAccuracy train = sim::AccuracyByGroup(gd.logits().col(a), s.train.y, s.train.minority);
        checksum += mat_val.majority + mat_val.minority + train.majority + train.minority;
      }
      if (epoch == kEpochs) break;
      gd.Step();
    }
    Consume(checksum);
  }
  state.counters["mat_val_minority"] = mat_val.minority;
}

void BM_SpurFigure1Setup(benchmark::State& state) {
  const std::int64_t n = state.range(0), d = state.range(1);
  std::uint64_t trial = 0;
  for (auto _ : state) {
    const Figure1Data s = SetUpFigure1(n, d, trial++);
    benchmark::DoNotOptimize(s.gram_val.data());
  }
}

void BM_SpurFigure1Epoch(benchmark::State& state) {
  const std::int64_t n = state.range(0), d = state.range(1);
  const Figure1Data s = SetUpFigure1(n, d, 0);
  sim::DualLogisticGd gd = MakeErm(s);
  Eigen::VectorXd val_logits(n);
  sim::GroupAccuracy acc{};
  double checksum = 0.0;
  for (auto _ : state) {
    checksum += ReadOut(s, gd, val_logits, &acc);
    gd.Step();
  }
  Consume(checksum);
  // Matrix bytes an epoch must read: K (step) and K_val (validation logits).
  state.counters["bytes"] = benchmark::Counter(2.0 * 8.0 * static_cast<double>(n * n), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_SpurDualStep(benchmark::State& state) {
  const std::int64_t n = state.range(0), d = state.range(1), arms = state.range(2);
  const Figure1Data s = SetUpFigure1(n, d, 0);
  sim::LogisticArm arm;
  arm.learning_rate = 2.0 * kTwoLogitLr;
  arm.initial_logits = s.init_train;
  sim::DualLogisticGd gd(s.gram, s.train.y, std::vector<sim::LogisticArm>(static_cast<std::size_t>(arms), arm));
  for (auto _ : state) {
    gd.Step();
    benchmark::DoNotOptimize(gd.logits().data());
  }
  state.counters["bytes"] = benchmark::Counter(8.0 * static_cast<double>(n * n), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_Gemv(benchmark::State& state) {
  const std::int64_t n = state.range(0);
  Eigen::MatrixXd k(n, n);
  sim::Rng rng({kSeed, sim::StreamTag("bench/spur/gemv"), 0, 0});
  sim::FillNormal(rng, k.data(), static_cast<std::size_t>(n * n));
  Eigen::VectorXd x(n), y(n);
  sim::FillNormal(rng, x.data(), static_cast<std::size_t>(n));
  for (auto _ : state) {
    y.noalias() = k * x;
    benchmark::DoNotOptimize(y.data());
    x(0) += 1e-9;  // keep the input changing, as Δc does
  }
  state.counters["bytes"] = benchmark::Counter(8.0 * static_cast<double>(n * n), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_GemvPair(benchmark::State& state) {
  const std::int64_t n = state.range(0);
  Eigen::MatrixXd k(n, n), k_val(n, n);
  sim::Rng rng({kSeed, sim::StreamTag("bench/spur/gemv"), 1, 0});
  sim::FillNormal(rng, k.data(), static_cast<std::size_t>(n * n));
  sim::FillNormal(rng, k_val.data(), static_cast<std::size_t>(n * n));
  Eigen::VectorXd x(n), y(n), z(n);
  sim::FillNormal(rng, x.data(), static_cast<std::size_t>(n));
  for (auto _ : state) {
    y.noalias() = k * x;
    z.noalias() = k_val * x;
    benchmark::DoNotOptimize(y.data());
    benchmark::DoNotOptimize(z.data());
    x(0) += 1e-9;
  }
  state.counters["bytes"] = benchmark::Counter(2.0 * 8.0 * static_cast<double>(n * n), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_FillNormal(benchmark::State& state) {
  const std::int64_t count = state.range(0);
  std::vector<double> out(static_cast<std::size_t>(count));
  sim::Rng rng({kSeed, sim::StreamTag("bench/spur/normals"), 0, 0});
  for (auto _ : state) {
    sim::FillNormal(rng, out.data(), out.size());
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["normals"] = benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsIterationInvariantRate);
}

// The scalar ziggurat (sim::Normal), the bulk path before issue 15: the baseline of FillNormal's rate.
void BM_ZigguratNormals(benchmark::State& state) {
  const std::int64_t count = state.range(0);
  std::vector<double> out(static_cast<std::size_t>(count));
  sim::Rng rng({kSeed, sim::StreamTag("bench/spur/normals"), 0, 0});
  for (auto _ : state) {
    for (double& v : out) v = sim::Normal(rng);
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["normals"] = benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsIterationInvariantRate);
}

scenarios::MarginCell Cell(std::int64_t trials) {
  scenarios::MarginCell c;  // defaults: series main, n = 200, ρ = 0.1, γ = 5, d/n = 20, n/s = 1, 2000 test points
  c.trials = trials;
  return c;
}

void BM_SpurMarginCellParallel(benchmark::State& state) {
  const scenarios::MarginCell cell = Cell(8);
  sim::TrialRunnerOptions runner;
  runner.threads = static_cast<int>(state.range(0));
  double support = 0.0;
  for (auto _ : state) {
    const scenarios::MarginCellResult r = scenarios::RunMarginCell(cell, kSeed, runner);
    support = r.support.mean;
  }
  state.counters["trials"] = benchmark::Counter(8.0, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["support"] = support;
}

BENCHMARK(BM_SpurFigure1Arm)->ArgNames({"n", "d", "epochs"})->Args({1000, 1798, 1000})->Unit(benchmark::kSecond)->UseRealTime();
BENCHMARK(BM_SpurFigure1Seed)->Unit(benchmark::kSecond)->UseRealTime();
BENCHMARK(BM_SpurFigure1ErmMat)->Unit(benchmark::kSecond)->UseRealTime();
BENCHMARK(BM_SpurFigure1Setup)->ArgNames({"n", "d"})->Args({1000, 1798})->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SpurFigure1Epoch)->ArgNames({"n", "d"})->Args({1000, 1798})->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_SpurDualStep)->ArgNames({"n", "d", "arms"})->Args({1000, 1798, 1})->Args({1000, 1798, 6})->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_Gemv)->ArgNames({"n"})->Arg(1000)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_GemvPair)->ArgNames({"n"})->Arg(1000)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_FillNormal)->ArgNames({"count"})->Arg(4000)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_ZigguratNormals)->ArgNames({"count"})->Arg(4000)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_SpurMarginCellParallel)->ArgNames({"threads"})->Arg(1)->Arg(2)->Unit(benchmark::kSecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
