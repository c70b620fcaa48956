// Trial body and claims of the DP arm of scn_mem_lira, see dp_cap_experiment.h.
#include "scenarios/mem/dp_cap_experiment.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sim/core/config_error.h"
#include "sim/random/distributions.h"
#include "sim/random/stream_tag.h"
#include "theory/mem/membership.h"
#include "theory/sco/gaussian_mechanism.h"
#include "theory/stats/sample_stats.h"
#include "theory/verdict/verdict_rules.h"

namespace memgen::scenarios {
namespace {

constexpr std::uint64_t kDataTag = sim::StreamTag("mem/lira/dp/data");
constexpr std::uint64_t kReleaseTag = sim::StreamTag("mem/lira/dp/releases");

// n unit vectors in R^d (normalised Gaussians), row-major.
std::vector<double> UnitVectors(std::int64_t n, int d, sim::Rng& rng) {
  std::vector<double> x(static_cast<std::size_t>(n) * static_cast<std::size_t>(d));
  sim::FillNormal(rng, x.data(), x.size());
  for (std::int64_t i = 0; i < n; ++i) {
    double* row = x.data() + i * d;
    double norm = 0.0;
    for (int k = 0; k < d; ++k) norm += row[k] * row[k];
    norm = std::sqrt(norm);
    for (int k = 0; k < d; ++k) row[k] /= norm;
  }
  return x;
}

// The attack statistic of `releases` runs: ⟨Σ_S x + σξ − Σ_{j≠t} x_j, x_t⟩, with the target (row 0) in S or not.
std::vector<double> AttackScores(const std::vector<double>& x, int d, double sigma, bool target_in, std::int64_t releases, sim::Rng& rng) {
  std::vector<double> others(static_cast<std::size_t>(d), 0.0), noise(static_cast<std::size_t>(d)), scores;
  const std::size_t n = x.size() / static_cast<std::size_t>(d);
  for (std::size_t i = 1; i < n; ++i)
    for (int k = 0; k < d; ++k) others[static_cast<std::size_t>(k)] += x[i * static_cast<std::size_t>(d) + static_cast<std::size_t>(k)];
  for (std::int64_t r = 0; r < releases; ++r) {
    sim::FillNormal(rng, noise.data(), noise.size());
    double s = 0.0;
    for (int k = 0; k < d; ++k) {
      const double target = x[static_cast<std::size_t>(k)];
      const double released = others[static_cast<std::size_t>(k)] + (target_in ? target : 0.0) + sigma * noise[static_cast<std::size_t>(k)];
      s += (released - others[static_cast<std::size_t>(k)]) * target;
    }
    scores.push_back(s);
  }
  return scores;
}

std::string EpsilonTag(double e) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "e%g", e);
  return buf;
}

}  // namespace

void DpCapOptions::Validate() const {
  const std::string p = FieldPrefix(field);
  Require(!epsilons.empty() && epsilons.size() <= 10, p + "epsilons", epsilons.size(), "must hold 1 to 10 values");
  for (double e : epsilons) Require(e > 0.0 && e <= 20.0, p + "epsilons", e, "every epsilon must be in (0, 20]");
  Require(delta > 0.0 && delta < 0.1, p + "delta", delta, "must be in (0, 0.1)");
  Require(train_size >= 2 && train_size <= 100000, p + "train_size", train_size, "must be in [2, 1e5]");
  Require(dimension >= 1 && dimension <= 1000, p + "dimension", dimension, "must be in [1, 1000]");
  Require(releases >= 1000 && releases <= 10000000, p + "releases", releases, "must be in [1000, 1e7]");
  Require(!fprs.empty() && fprs.size() <= 10, p + "fprs", fprs.size(), "must hold 1 to 10 rates");
  for (double a : fprs) Require(a * static_cast<double>(releases) >= 10.0 && a < 1.0, p + "fprs", a, "every rate must be below 1 and leave at least 10 false positives (rate * releases >= 10)");
  Require(trials >= 2 && trials <= 100000, trials_field, trials, "must be in [2, 1e5]");
}

double DpNoise(const DpCapOptions& o, double epsilon_dp) {
  return theory::AnalyticGaussianSigma(o.planted_half_noise ? 0.5 : 1.0, epsilon_dp, o.delta);
}

DpCapTrial DpCapRun(const DpCapOptions& o, std::uint64_t seed, std::int64_t trial) {
  sim::Rng data_rng = sim::TrialRng(seed, kDataTag, trial);
  const std::vector<double> x = UnitVectors(o.train_size, o.dimension, data_rng);
  DpCapTrial r;
  for (std::size_t e = 0; e < o.epsilons.size(); ++e) {
    const double sigma = DpNoise(o, o.epsilons[e]);
    sim::Rng in_rng = sim::TrialRng(seed, kReleaseTag, trial, 2 * e), out_rng = sim::TrialRng(seed, kReleaseTag, trial, 2 * e + 1);
    const std::vector<double> in = AttackScores(x, o.dimension, sigma, true, o.releases, in_rng);
    const std::vector<double> out = AttackScores(x, o.dimension, sigma, false, o.releases, out_rng);
    for (double a : o.fprs) r.tpr.push_back(theory::TprAtFpr(in, out, a));
  }
  return r;
}

DpCapResult RunDpCap(const DpCapOptions& o, std::uint64_t seed, const sim::TrialRunnerOptions& runner) {
  sim::TrialRunnerOptions r = runner;
  r.label = "DP learners under the cap";
  return {o, sim::RunTrials<DpCapTrial>(o.trials, r, [&](std::int64_t t) { return DpCapRun(o, seed, t); })};
}

void AddDpCapMemory(const DpCapOptions& o, int threads, sim::MemoryEstimate* memory) {
  memory->Working(FieldPrefix(o.field) + "releases", threads * 16.0 * static_cast<double>(o.releases) + 8.0 * o.train_size * o.dimension);
  memory->Retained(o.trials_field, static_cast<double>(o.trials) * 8.0 * static_cast<double>(o.epsilons.size() * o.fprs.size()));
}

std::vector<theory::Claim> BuildDpCapClaims(const DpCapResult& r, theory::TestSize size) {
  const DpCapOptions& o = r.options;
  const std::string src = "Balle and Wang (2018); Kairouz, Oh, Viswanath (2015); learning_dynamics.md §8 [derived]";
  std::vector<theory::Claim> claims;
  for (std::size_t e = 0; e < o.epsilons.size(); ++e) {
    const double eps = o.epsilons[e], sigma = DpNoise(o, eps);
    const theory::GaussianScores g{1.0, sigma, 0.0, sigma};
    double excess = 0.0;  // max over a log grid of α of NP TPR − cap
    for (int k = 0; k < 1000; ++k) {  // α = 1 is excluded: there TPR = cap = 1
      const double a = std::pow(10.0, -12.0 + 12.0 * k / 1000.0);
      excess = std::max(excess, theory::OneSidedTpr(a, g) - theory::DpPowerCap(a, eps, o.delta));
    }
    const std::string where = " (eps = " + theory::Num(eps) + ", delta = " + theory::Num(o.delta) + ", analytic Gaussian sigma = " + theory::Num(sigma) + ")";
    claims.push_back(theory::ExactClaim(
        theory::ClaimHeader("LIRA-DP.cap." + EpsilonTag(eps),
                            "the Neyman-Pearson attack on the Gaussian sum release, TPR = Phi(Phi^-1(FPR) + 1/sigma), stays under min(1, e^eps FPR + "
                            "delta) at every FPR in [1e-12, 1): largest excess over a log grid of 1000 rates, at most 0" + where, src),
        excess, 0.0, 1e-12));
    std::vector<theory::MeanSe> gap;
    for (std::size_t k = 0; k < o.fprs.size(); ++k) {
      std::vector<double> v;
      for (const DpCapTrial& t : r.trials) v.push_back(t.tpr[e * o.fprs.size() + k] - theory::DpPowerCap(o.fprs[k], eps, o.delta));
      gap.push_back(theory::Summarize(v));
    }
    claims.push_back(theory::SeriesBoundClaim(
        theory::ClaimHeader("LIRA-DP.empirical." + EpsilonTag(eps),
                            "the strongest membership attack (it knows every other training point) on " + std::to_string(o.releases) +
                                " releases IN and OUT per trial has an empirical TPR at FPR < alpha at most the DP cap, at each alpha" + where + ", " +
                                std::to_string(r.trials.size()) + " trials",
                            src),
        o.fprs, gap, 0.0, theory::BoundSide::kAtMost, 0.0, size));
    std::vector<double> mean_tpr;
    for (std::size_t k = 0; k < o.fprs.size(); ++k) mean_tpr.push_back(gap[k].mean + theory::DpPowerCap(o.fprs[k], eps, o.delta));
    claims.back().details = {{"epsilon", eps}, {"sigma", sigma}, {"fprs", o.fprs}, {"tpr", mean_tpr}};
    claims[claims.size() - 2].details = claims.back().details;
  }
  return claims;
}

sim::CsvTable DpCurveTable(const DpCapResult& r) {
  const DpCapOptions& o = r.options;
  sim::CsvTable table({"epsilon", "sigma", "fpr", "np_tpr", "cap", "measured_tpr"});
  for (std::size_t e = 0; e < o.epsilons.size(); ++e) {
    const double eps = o.epsilons[e], sigma = DpNoise(o, eps);
    const theory::GaussianScores g{1.0, sigma, 0.0, sigma};
    for (int k = 0; k < 60; ++k) {
      const double a = std::pow(10.0, -6.0 + 6.0 * k / 60.0);
      table.Add(eps).Add(sigma).Add(a).Add(theory::OneSidedTpr(a, g)).Add(theory::DpPowerCap(a, eps, o.delta)).Add(std::string(""));
      table.EndRow();
    }
    for (std::size_t k = 0; k < o.fprs.size(); ++k) {
      double mean = 0.0;
      for (const DpCapTrial& t : r.trials) mean += t.tpr[e * o.fprs.size() + k] / static_cast<double>(r.trials.size());
      table.Add(eps).Add(sigma).Add(o.fprs[k]).Add(theory::OneSidedTpr(o.fprs[k], g)).Add(theory::DpPowerCap(o.fprs[k], eps, o.delta)).Add(mean);
      table.EndRow();
    }
  }
  return table;
}

}  // namespace memgen::scenarios
