// Gromov's analytic solution on all inputs, see gromov_experiment.h.
#include "scenarios/ld/gromov_experiment.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sim/core/config_error.h"
#include "sim/ld/modular_data.h"
#include "sim/ld/quadratic_mlp.h"
#include "sim/random/distributions.h"
#include "sim/random/stream_tag.h"
#include "theory/ld/gromov_solution.h"
#include "theory/stats/sample_stats.h"
#include "theory/verdict/verdict_rules.h"

namespace memgen::scenarios {
namespace {

const char* kSource = "Gromov (2023) eqs. 6-16; learning_dynamics.md §2.2 (G1)";
// The mean over all p² inputs of (1/N) f_{n+m} is exactly 1/2: every random-phase term of eqs. 14–15
// sums to zero over a full period in n or m (p odd). So the spec's ±0.02 is replaced by rounding.
constexpr double kPeakTolerance = 1e-9;
constexpr double kTwoPi = 6.283185307179586476925286766559;

sim::QuadraticMlp Network(int p, const theory::GromovPhases& phases) {
  sim::QuadraticMlp net;
  net.p = p;
  net.input = theory::GromovInputWeights(p, phases).transpose();
  net.output = theory::GromovOutputWeights(p, phases).transpose();
  return net;
}

GromovTrial RunTrial(const GromovCell& c, std::uint64_t seed, std::int64_t trial) {
  sim::Rng rng({seed, sim::StreamTag("ld/gromov/" + c.Name()), static_cast<std::uint64_t>(trial), 0});
  theory::GromovPhases phases, broken;
  for (int k = 0; k < c.neurons; ++k) {
    const double a = kTwoPi * sim::Uniform01(rng), b = kTwoPi * sim::Uniform01(rng);
    phases.input_first.push_back(a);
    phases.input_second.push_back(b);
    phases.output.push_back(a + b + c.planted_phase_shift);
    broken.output.push_back(kTwoPi * sim::Uniform01(rng));
  }
  broken.input_first = phases.input_first;
  broken.input_second = phases.input_second;
  const sim::ModularData all = sim::AllModularPairs(c.p);
  const Eigen::MatrixXd logits = sim::Logits(Network(c.p, phases), all);
  GromovTrial r;
  for (std::int64_t i = 0; i < all.size(); ++i) {
    const int label = all.label[static_cast<std::size_t>(i)];
    Eigen::Index best = 0;
    logits.row(i).maxCoeff(&best);
    r.accuracy += best == label ? 1.0 : 0.0;
    const double peak = logits(i, label) / c.neurons;
    r.peak += peak;
    r.peak_sd += peak * peak;
  }
  const auto inputs = static_cast<double>(all.size());
  r.accuracy /= inputs;
  r.peak /= inputs;
  r.peak_sd = std::sqrt(std::max(0.0, r.peak_sd / inputs - r.peak * r.peak));
  r.broken_accuracy = sim::Evaluate(Network(c.p, broken), all, sim::LossNorm::kMeanOverOutputs).accuracy;
  return r;
}

std::vector<theory::Claim> CellClaims(const GromovResult& r, theory::TestSize size) {
  const std::string id = "." + r.cell.Name();
  std::vector<double> scatter;
  double worst = 1.0, broken = 0.0, peak_gap = 0.0;
  for (const GromovTrial& t : r.trials) {
    peak_gap = std::max(peak_gap, std::fabs(t.peak - 0.5));
    scatter.push_back(t.peak_sd);
    worst = std::min(worst, t.accuracy);
    broken = std::max(broken, t.broken_accuracy);
  }
  std::vector<theory::Claim> claims;
  claims.push_back(theory::ExactClaim({"LD-G1.accuracy" + id, "the analytic solution classifies all p^2 sums correctly (worst phase draw)", kSource},
                                      worst, 1.0, 0.0));
  claims.push_back(theory::ExactClaim({"LD-G1.peak" + id, "the target logit (1/N) f_{n+m} averages exactly 1/2 over all inputs (eq. 13; worst draw)", kSource},
                                      peak_gap, 0.0, kPeakTolerance));
  claims.back().AddNote("per-input sd of (1/N) f_{n+m}: " + theory::Num(theory::Summarize(scatter).mean) + " (spec: O(1/sqrt N))");
  const double chance = 5.0 / r.cell.p;
  claims.push_back(theory::MeanBoundClaim(
      {"LD-G1.broken" + id, "breaking phi3 = phi1 + phi2 drops the accuracy to near chance (< 5/p, worst draw)", kSource},
      theory::MeanSe{broken, 0.0, 0.0, r.trials.size()}, chance, theory::BoundSide::kAtMost, 0.0, size));
  return claims;
}

}  // namespace

std::string GromovCell::Name() const {
  char b[64];
  std::snprintf(b, sizeof(b), "p%d_N%d", p, neurons);
  return b;
}

void GromovCell::Validate(const std::string& field) const {
  Require(p >= 3 && p <= 401 && p % 2 == 1, field + ".p", p, "must be odd, in [3, 401]");
  Require(neurons >= 1 && neurons <= 20000, field + ".neurons", neurons, "must be in [1, 2e4]");
  Require(trials >= 2 && trials <= 100000, trials_field, trials, "must be in [2, 1e5]");
  Require(std::fabs(planted_phase_shift) <= 10.0, field + ".planted_phase_shift", planted_phase_shift, "must be in [-10, 10]");
}

void AddGromovMemory(const GromovCell& c, int threads, sim::MemoryEstimate* memory) {
  const double inputs = static_cast<double>(c.p) * c.p;
  memory->Working(c.Name() + ".neurons", threads * sizeof(double) * (inputs * (2.0 * c.neurons + 2.0 * c.p) + 8.0 * c.neurons * c.p));
  memory->Retained(c.trials_field, static_cast<double>(c.trials) * sizeof(GromovTrial));
}

GromovResult RunGromovCell(const GromovCell& c, std::uint64_t seed, const sim::TrialRunnerOptions& runner) {
  sim::TrialRunnerOptions r = runner;
  r.label = "gromov " + c.Name();
  return {c, sim::RunTrials<GromovTrial>(c.trials, r, [&](std::int64_t t) { return RunTrial(c, seed, t); })};
}

std::vector<theory::Claim> BuildGromovClaims(const std::vector<GromovResult>& cells, theory::TestSize size) {
  std::vector<theory::Claim> claims;
  for (const GromovResult& r : cells)
    for (theory::Claim& c : CellClaims(r, size)) claims.push_back(std::move(c));
  return claims;
}

sim::CsvTable GromovTable(const std::vector<GromovResult>& cells) {
  sim::CsvTable table({"cell", "p", "neurons", "trial", "accuracy", "peak", "peak_sd", "broken_accuracy"});
  for (const GromovResult& r : cells)
    for (std::size_t i = 0; i < r.trials.size(); ++i) {
      table.Add(r.cell.Name()).Add(r.cell.p).Add(r.cell.neurons).Add(static_cast<std::int64_t>(i));
      table.Add(r.trials[i].accuracy).Add(r.trials[i].peak).Add(r.trials[i].peak_sd).Add(r.trials[i].broken_accuracy);
      table.EndRow();
    }
  return table;
}

}  // namespace memgen::scenarios
