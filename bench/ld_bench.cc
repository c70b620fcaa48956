// Benchmarks of the learning-dynamics kernels (issue 12, "Speed"):
//   BM_GrokStep         one full-batch AdamW step of the quadratic MLP at p = 97, N = 500, f = 0.5
//                       (forward with layer 1 as a gather, MSE gradient, scatter-add, AdamW), one thread
//   BM_GrokStepEval     the step plus the test-set forward the experiment records every step
//   BM_GrokForward      the forward pass and loss alone, on the training (0) and test (1) set
//   BM_GrokToGeneralize one Doshi run from initialisation to test accuracy ≥ 0.95 (the time to grok)
//   BM_GrokSeeds        2 seeds × 40 steps through the trial runner on 1 and 2 threads (trial-parallel)
//   BM_Gemm             Eigen GEMM of a square 1500³ product and of the step's own n × N × p shape:
//                       the machine's GEMM rate in this run, for the step's fraction of it
//   BM_DeepLinearStep   one GD step of the deep linear network (N1, N2, N3) = (100, 50, 50)
//   BM_TeacherStudentStep  one Omnigrok teacher–student step (5-100-100-5 tanh MLP, 100 samples): training
//                       forward and gradient, test forward, AdamW, as scn_ld_weight_decay runs it
//   BM_NearestNeighbour 1-NN in one dimension: sort 1e5 training points, classify 1e5 queries
// The NumPy and PyTorch references of the steps are bench/grokking_reference.py and
// bench/teacher_student_reference.py; ratios in BENCHMARKS.md.
#include <benchmark/benchmark.h>

#include <Eigen/Core>

#include "scenarios/ld/grokking_experiment.h"
#include "sim/ld/adamw.h"
#include "sim/ld/deep_linear_net.h"
#include "sim/ld/modular_data.h"
#include "sim/ld/nearest_neighbour.h"
#include "sim/ld/deep_tanh_mlp.h"
#include "sim/random/distributions.h"
#include "sim/ld/quadratic_mlp.h"
#include "sim/ld/teacher_data.h"
#include "sim/run/retained_memory.h"

namespace {

// As the scenario binaries: freed matrices stay mapped for the next iteration (retained_memory.h).
[[maybe_unused]] const bool kRetainFreedMemory = memgen::sim::RetainFreedMemory();

using namespace memgen;

constexpr int kP = 97, kNeurons = 500;
constexpr double kFraction = 0.5;

struct GrokState {
  sim::ModularSplit data;
  sim::QuadraticMlp net, gradient;
  sim::AdamWMoments input_moments, output_moments;
  sim::MlpWorkspace train_work, test_work;
  sim::AdamWOptions adamw{1e-2, 5.0, 0.9, 0.98, 1e-8};
  std::int64_t step = 0;

  GrokState() {
    sim::Rng split({1, 2, 0, 0}), init({1, 2, 0, 1});
    data = sim::SplitModularAddition(kP, kFraction, split);
    net = sim::InitQuadraticMlp(kP, kNeurons, std::sqrt(0.25) / std::cbrt(2.0 * kNeurons), 1.0, init);
  }
  void Step() {
    sim::Gradient(net, data.train, sim::LossNorm::kMeanOverOutputs, &gradient, &train_work);
    ++step;
    sim::AdamWStep(adamw, step, net.input.data(), gradient.input.data(), static_cast<std::size_t>(net.input.size()), &input_moments);
    sim::AdamWStep(adamw, step, net.output.data(), gradient.output.data(), static_cast<std::size_t>(net.output.size()), &output_moments);
  }
};

// FLOP of one step: the layer-2 forward (2nNp) and its two backward GEMMs (4nNp).
double StepFlops(std::int64_t n) { return 6.0 * double(n) * kNeurons * kP; }

void BM_GrokStep(benchmark::State& state) {
  GrokState s;
  s.Step();  // allocates the workspace (first-touch page faults are not a step's cost)
  for (auto _ : state) s.Step();
  state.counters["step_gflops"] = benchmark::Counter(StepFlops(s.data.train.size()) * state.iterations() / 1e9, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_GrokStep)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_GrokStepEval(benchmark::State& state) {
  GrokState s;
  s.Step();
  sim::Evaluate(s.net, s.data.test, sim::LossNorm::kMeanOverOutputs, &s.test_work);
  for (auto _ : state) {
    s.Step();
    benchmark::DoNotOptimize(sim::Evaluate(s.net, s.data.test, sim::LossNorm::kMeanOverOutputs, &s.test_work));
  }
}
BENCHMARK(BM_GrokStepEval)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_GrokForward(benchmark::State& state) {
  GrokState s;
  const sim::ModularData& data = state.range(0) == 0 ? s.data.train : s.data.test;
  sim::Evaluate(s.net, data, sim::LossNorm::kMeanOverOutputs, &s.test_work);
  for (auto _ : state) benchmark::DoNotOptimize(sim::Evaluate(s.net, data, sim::LossNorm::kMeanOverOutputs, &s.test_work));
}
BENCHMARK(BM_GrokForward)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_GrokToGeneralize(benchmark::State& state) {
  std::int64_t steps = 0;
  for (auto _ : state) {
    GrokState s;
    while (s.step < 1000) {
      s.Step();
      if (sim::Evaluate(s.net, s.data.test, sim::LossNorm::kMeanOverOutputs, &s.test_work).accuracy >= 0.95) break;
    }
    steps = s.step;
  }
  state.counters["steps"] = static_cast<double>(steps);
}
BENCHMARK(BM_GrokToGeneralize)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

void BM_GrokSeeds(benchmark::State& state) {
  scenarios::GrokkingCell cell;
  cell.steps = 40;
  cell.trials = 2;
  cell.patience = {0};
  sim::TrialRunnerOptions runner;
  runner.threads = static_cast<int>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(scenarios::RunGrokkingCell(cell, 1, runner));
}
BENCHMARK(BM_GrokSeeds)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

void BM_Gemm(benchmark::State& state) {
  const Eigen::Index m = state.range(0), k = state.range(1), n = state.range(2);
  const Eigen::MatrixXd a = Eigen::MatrixXd::Constant(m, k, 0.5), b = Eigen::MatrixXd::Constant(k, n, 0.25);
  Eigen::MatrixXd c(m, n);
  for (auto _ : state) {
    c.noalias() = a * b;
    benchmark::DoNotOptimize(c.data());
  }
  state.counters["gflops"] = benchmark::Counter(2.0 * m * k * n * state.iterations() / 1e9, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Gemm)->Args({1500, 1500, 1500})->Args({4704, 500, 97})->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_DeepLinearStep(benchmark::State& state) {
  sim::Rng rng({1, 3, 0, 0});
  const sim::TeacherData data = sim::DrawTeacherData({100, 50, {6.0, 5.0, 4.0, 3.0}, 1.0}, rng);
  sim::DeepLinearNet net = sim::RandomOrthogonalInit(100, 50, 50, 2, 1e-3, rng);
  for (auto _ : state) sim::GradientStep(&net, data.sigma31, 1e-4);
  state.counters["gflops"] = benchmark::Counter(6.0 * 100 * 50 * 50 * state.iterations() / 1e9, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_DeepLinearStep)->Unit(benchmark::kMicrosecond)->UseRealTime();

sim::RowMatrix Normals(int rows, int columns, sim::Rng& rng) {
  sim::RowMatrix x(rows, columns);
  sim::FillNormal(rng, x.data(), static_cast<std::size_t>(x.size()));
  return x;
}

void BM_TeacherStudentStep(benchmark::State& state) {
  sim::Rng rng({1, 4, 0, 0});
  const sim::DeepTanhShape shape;
  const sim::DeepTanhMlp teacher = sim::InitDeepTanhMlp(shape, 1.0, rng);
  sim::DeepTanhMlp student = sim::InitDeepTanhMlp(shape, 2.0, rng);
  const sim::RowMatrix train_x = Normals(100, 5, rng), test_x = Normals(100, 5, rng);
  sim::DeepTanhWorkspace ws, test_ws;
  sim::Forward(teacher, train_x, &ws);
  const sim::RowMatrix train_y = ws.output;
  sim::Forward(teacher, test_x, &ws);
  const sim::RowMatrix test_y = ws.output;
  const sim::AdamWOptions adamw{1e-3, 0.1, 0.9, 0.999, 1e-8};
  sim::AdamWMoments moments;
  Eigen::VectorXd gradient;
  std::int64_t step = 0;
  for (auto _ : state) {
    sim::Gradient(student, train_x, train_y, 0.01, &gradient, &ws);
    benchmark::DoNotOptimize(sim::Evaluate(student, test_x, test_y, 0.01, &test_ws));
    sim::AdamWStep(adamw, ++step, student.parameters.data(), gradient.data(), static_cast<std::size_t>(gradient.size()), &moments);
  }
  state.counters["gflops"] = benchmark::Counter(8.0 * 100 * 11000 * state.iterations() / 1e9, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TeacherStudentStep)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_NearestNeighbour(benchmark::State& state) {
  sim::Rng rng({1, 5, 0, 0});
  std::vector<double> train_x, test_x;
  std::vector<int> train_y, test_y;
  for (int i = 0; i < 100000; ++i) {
    const sim::MixturePoint a = sim::DrawTwoGaussians(1.0, rng), b = sim::DrawTwoGaussians(1.0, rng);
    train_x.push_back(a.x), train_y.push_back(a.label), test_x.push_back(b.x), test_y.push_back(b.label);
  }
  for (auto _ : state) {
    const sim::NearestNeighbour1d nn(train_x);
    std::int64_t wrong = 0;
    for (std::size_t i = 0; i < test_x.size(); ++i) wrong += train_y[nn.Nearest(test_x[i])] != test_y[i] ? 1 : 0;
    benchmark::DoNotOptimize(wrong);
  }
  state.counters["queries_per_s"] = benchmark::Counter(100000.0 * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_NearestNeighbour)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
