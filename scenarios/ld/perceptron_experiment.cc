// The a priori bias of a random perceptron, see perceptron_experiment.h.
#include "scenarios/ld/perceptron_experiment.h"

#include <algorithm>
#include <cmath>

#include "sim/core/config_error.h"
#include "sim/random/distributions.h"
#include "sim/random/stream_tag.h"
#include "theory/ld/perceptron_bias.h"
#include "theory/verdict/family_rules.h"
#include "theory/verdict/verdict_rules.h"

namespace memgen::scenarios {
namespace {

const char* kSource = "Mingard et al. (2019) arXiv 1909.11522 abstract; learning_dynamics.md §4 (e)";
constexpr double kPower = 0.9;

std::string Dim(int n) { return "n" + std::to_string(n); }

// t of one draw, with the planted convention w·x ≥ 0 (for generic w the zero input is the only x with
// w·x = 0, so it adds exactly one).
std::int64_t Count(const PerceptronOptions& o, const std::vector<double>& w, double bias, std::vector<double>* sums) {
  const std::int64_t t = sim::PerceptronCount(w, bias, sums);
  const std::int64_t top = std::int64_t{1} << w.size();
  return o.planted == PerceptronOptions::Planted::kAtLeastZero ? std::min(t + 1, top) : t;
}

BijectionResult RunBijection(const PerceptronOptions& o, int n, std::uint64_t seed, const sim::TrialRunnerOptions& runner) {
  sim::TrialRunnerOptions r = runner;
  r.label = "perceptron sign patterns " + Dim(n);
  const std::uint64_t tag = sim::StreamTag("ld/memorization/bijection/" + Dim(n));
  const std::vector<std::int64_t> missed = sim::RunTrials<std::int64_t>(o.magnitude_vectors, r, [&](std::int64_t t) {
    sim::Rng rng({seed, tag, static_cast<std::uint64_t>(t), 0});
    std::vector<double> m(static_cast<std::size_t>(n), 1.0);
    if (o.planted != PerceptronOptions::Planted::kEqualMagnitudes)
      for (double& v : m) v = std::fabs(sim::Normal(rng));
    std::vector<std::int64_t> counts = sim::SignPatternCounts(m);
    if (o.planted == PerceptronOptions::Planted::kAtLeastZero)
      for (std::int64_t& c : counts) ++c;
    std::vector<char> hit(static_cast<std::size_t>(theory::PerceptronOutcomes(n)), 0);
    for (std::int64_t c : counts)
      if (c >= 0 && c < static_cast<std::int64_t>(hit.size())) hit[static_cast<std::size_t>(c)] = 1;
    return static_cast<std::int64_t>(std::count(hit.begin(), hit.end(), 0));
  });
  return {n, missed};
}

// The mean and SE of t over the draws, from the histogram (two passes over the bins).
theory::MeanSe CountMean(const std::vector<std::int64_t>& counts) {
  theory::MeanSe m;
  double total = 0.0, sum = 0.0;
  for (std::size_t t = 0; t < counts.size(); ++t) {
    total += static_cast<double>(counts[t]);
    sum += static_cast<double>(t) * static_cast<double>(counts[t]);
  }
  m.count = static_cast<std::size_t>(total);
  if (total < 2.0) return m;
  m.mean = sum / total;
  double squares = 0.0;
  for (std::size_t t = 0; t < counts.size(); ++t) squares += static_cast<double>(counts[t]) * (static_cast<double>(t) - m.mean) * (static_cast<double>(t) - m.mean);
  m.sd = std::sqrt(squares / (total - 1.0));
  m.se = m.sd / std::sqrt(total);
  return m;
}

PerceptronArm RunArm(const PerceptronOptions& o, sim::WeightLaw law, bool control, int n, std::uint64_t seed,
                     const sim::TrialRunnerOptions& runner) {
  sim::TrialRunnerOptions r = runner;
  r.label = "perceptron " + WeightLawName(law) + " " + Dim(n);
  const std::uint64_t tag = sim::StreamTag("ld/memorization/perceptron/" + WeightLawName(law) + "/" + Dim(n));
  const sim::WeightDraw draw{law, o.shift, o.bias_sd};
  const std::size_t bins = static_cast<std::size_t>(theory::PerceptronOutcomes(n)) + 1;
  const std::vector<PerceptronTrial> trials = sim::RunTrials<PerceptronTrial>(o.trials, r, [&](std::int64_t t) {
    sim::Rng rng({seed, tag, static_cast<std::uint64_t>(t), 0});
    PerceptronTrial out;
    out.counts.assign(bins, 0);
    std::vector<double> w(static_cast<std::size_t>(n)), sums;
    double bias = 0.0;
    for (std::int64_t d = 0; d < o.draws_per_trial; ++d) {
      sim::DrawPerceptron(draw, rng, &w, &bias);
      ++out.counts[static_cast<std::size_t>(Count(o, w, bias, &sums))];
    }
    return out;
  });
  PerceptronArm arm;
  arm.law = law;
  arm.control = control;
  arm.inputs = n;
  arm.counts.assign(bins, 0);
  for (const PerceptronTrial& t : trials)
    for (std::size_t k = 0; k < bins; ++k) arm.counts[k] += t.counts[k];
  arm.chi_square = theory::UniformChiSquare(std::vector<std::int64_t>(arm.counts.begin(), arm.counts.end() - 1), arm.counts.back());
  arm.mean = CountMean(arm.counts);
  return arm;
}

theory::Claim UniformClaim(const PerceptronArm& a, theory::TestSize size) {
  const theory::TestSize half = size.Split(2);
  theory::ExactTest test;
  test.measured = a.chi_square.statistic;
  test.predicted = a.chi_square.degrees_of_freedom;  // E[χ²] under the uniform law
  test.p_value = a.chi_square.p_value;
  test.alpha = half.rate;
  test.detectable_deviation = theory::ChiSquareDetectableNoncentrality(a.chi_square.degrees_of_freedom, half.rate, kPower);
  test.description = "Pearson chi2 p-value of t on {0, ..., 2^n - 1} (df " + theory::Num(a.chi_square.degrees_of_freedom) + ")";
  const theory::Claim chi = theory::ExactTestClaim({"", "t is uniform on {0, ..., 2^n - 1}", kSource}, test);
  const theory::Claim mean = theory::OracleClaim({"", "mean t is (2^n - 1)/2", kSource}, a.mean, theory::PerceptronMeanCount(a.inputs), half);
  theory::Claim c = theory::AllOfClaim(
      {"LD-PERC.uniform." + WeightLawName(a.law) + "." + Dim(a.inputs),
       "a perceptron without bias and " + WeightLawName(a.law) + " weights classifies t points of {0,1}^" + std::to_string(a.inputs) +
           " as 1 with P(t) = 2^-n for every t in {0, ..., 2^n - 1}, mean (2^n - 1)/2",
       kSource},
      {chi, mean});
  const double lambda = test.detectable_deviation;
  c.AddNote(std::to_string(a.chi_square.total + a.chi_square.outside) + " draws; chi2 " + theory::Num(a.chi_square.statistic) + " on " +
            theory::Num(a.chi_square.degrees_of_freedom) + " df; detectable noncentrality " + theory::Num(lambda) +
            ", a chi2 distance sum (p_t - 2^-n)^2 2^n of " + theory::Num(lambda / std::max<double>(1.0, static_cast<double>(a.chi_square.total))) +
            "; mean t " + theory::Num(a.mean.mean) + " (SE " + theory::Num(a.mean.se) + ") vs " + theory::Num(theory::PerceptronMeanCount(a.inputs)));
  c.details = {{"chi2", a.chi_square.statistic}, {"df", a.chi_square.degrees_of_freedom}, {"p_value", a.chi_square.p_value},
               {"mean_t", a.mean.mean}, {"mean_t_se", a.mean.se}, {"draws", a.chi_square.total + a.chi_square.outside}};
  return c;
}

void CheckLaws(const std::vector<sim::WeightLaw>& laws, bool controls, const std::string& field) {
  Require(laws.size() <= 5, field, static_cast<std::int64_t>(laws.size()), "must list at most 5 laws");
  for (std::size_t i = 0; i < laws.size(); ++i) {
    const bool is_control = laws[i] == sim::WeightLaw::kShifted || laws[i] == sim::WeightLaw::kBias;
    Require(is_control == controls, field, WeightLawName(laws[i]),
            controls ? "must be a control law: shifted or bias" : "must be a sign-symmetric law: gaussian, uniform or laplace");
    for (std::size_t j = 0; j < i; ++j) Require(laws[j] != laws[i], field, WeightLawName(laws[i]), "must not repeat a law");
  }
}

void CheckDimensions(const std::vector<int>& dims, int lo, int hi, const std::string& field) {
  Require(dims.size() <= 16, field, static_cast<std::int64_t>(dims.size()), "must list at most 16 dimensions");
  for (std::size_t i = 0; i < dims.size(); ++i) {
    Require(dims[i] >= lo && dims[i] <= hi, field, dims[i], "must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
    Require(i == 0 || dims[i] > dims[i - 1], field, dims[i], "must increase strictly");
  }
}

}  // namespace

std::string WeightLawName(sim::WeightLaw law) {
  switch (law) {
    case sim::WeightLaw::kGaussian: return "gaussian";
    case sim::WeightLaw::kUniform: return "uniform";
    case sim::WeightLaw::kLaplace: return "laplace";
    case sim::WeightLaw::kShifted: return "shifted";
    case sim::WeightLaw::kBias: return "bias";
  }
  return "unknown";
}

void PerceptronOptions::Validate(const std::string& field) const {
  const std::string p = FieldPrefix(field);
  Require(!dimensions.empty() || !bijection_dimensions.empty(), p + "dimensions", std::string("[]"),
          "dimensions or bijection_dimensions must list at least one n");
  CheckDimensions(dimensions, 1, 16, p + "dimensions");
  CheckDimensions(bijection_dimensions, 1, 12, p + "bijection_dimensions");
  CheckLaws(laws, false, p + "laws");
  CheckLaws(controls, true, p + "controls");
  Require(!dimensions.empty() || laws.empty(), p + "laws", static_cast<std::int64_t>(laws.size()), "needs dimensions");
  Require(std::isfinite(shift) && std::fabs(shift) <= 10.0, p + "shift", shift, "must be in [-10, 10]");
  Require(bias_sd > 0.0 && bias_sd <= 100.0, p + "bias_sd", bias_sd, "must be in (0, 100]");
  Require(draws_per_trial >= 1 && draws_per_trial <= 10000000, p + "draws_per_trial", draws_per_trial, "must be in [1, 1e7]");
  Require(trials >= 2 && trials <= 100000, trials_field, trials, "must be in [2, 1e5]");
  Require(trials * draws_per_trial <= 100000000, trials_field, trials, "trials x draws_per_trial must be at most 1e8");
  Require(magnitude_vectors >= 1 && magnitude_vectors <= 100000, vectors_field, magnitude_vectors, "must be in [1, 1e5]");
}

void AddPerceptronMemory(const PerceptronOptions& o, int threads, sim::MemoryEstimate* memory) {
  const int largest = std::max(o.dimensions.empty() ? 1 : o.dimensions.back(), o.bijection_dimensions.empty() ? 1 : o.bijection_dimensions.back());
  const double cube = std::ldexp(1.0, largest);
  memory->Working("perceptron.dimensions", threads * 8.0 * (3.0 * cube + 64.0));
  const double arms = double(o.laws.size() + o.controls.size()) * o.dimensions.size();
  memory->Retained(o.trials_field, arms * double(o.trials) * 8.0 * (cube + 8.0));
  memory->Retained(o.vectors_field, double(o.bijection_dimensions.size()) * double(o.magnitude_vectors) * 16.0);
}

PerceptronResult RunPerceptron(const PerceptronOptions& o, std::uint64_t seed, const sim::TrialRunnerOptions& runner) {
  PerceptronResult r;
  r.options = o;
  for (int n : o.bijection_dimensions) r.bijections.push_back(RunBijection(o, n, seed, runner));
  for (int n : o.dimensions) {
    for (sim::WeightLaw law : o.laws) r.arms.push_back(RunArm(o, law, false, n, seed, runner));
    for (sim::WeightLaw law : o.controls) r.arms.push_back(RunArm(o, law, true, n, seed, runner));
  }
  return r;
}

std::vector<theory::Claim> BuildPerceptronClaims(const PerceptronResult& r, theory::TestSize size) {
  std::vector<theory::Claim> claims;
  for (const BijectionResult& b : r.bijections) {
    double missed = 0.0;
    for (std::int64_t m : b.missed) missed += static_cast<double>(m);
    theory::Claim c = theory::ExactClaim({"LD-PERC.bijection." + Dim(b.inputs),
                                          "for fixed generic magnitudes the 2^n sign patterns give every t in {0, ..., 2^n - 1} exactly once: "
                                          "values missed over " + std::to_string(b.missed.size()) + " magnitude vectors",
                                          kSource},
                                         missed, 0.0, 0.0);
    c.details = {{"vectors", b.missed.size()}};
    claims.push_back(c);
  }
  for (const PerceptronArm& a : r.arms)
    if (!a.control) claims.push_back(UniformClaim(a, size));
  return claims;
}

sim::CsvTable PerceptronCountTable(const PerceptronResult& r) {
  sim::CsvTable table({"law", "control", "n", "t", "count", "expected_uniform"});
  for (const PerceptronArm& a : r.arms) {
    const double draws = static_cast<double>(a.chi_square.total + a.chi_square.outside);
    for (std::size_t t = 0; t < a.counts.size(); ++t) {
      const bool possible = t + 1 < a.counts.size();
      table.Add(WeightLawName(a.law)).Add(a.control ? 1 : 0).Add(a.inputs).Add(static_cast<std::int64_t>(t)).Add(a.counts[t]);
      table.Add(possible ? draws * theory::PerceptronUniformProbability(a.inputs) : 0.0);
      table.EndRow();
    }
  }
  return table;
}

sim::CsvTable PerceptronTestTable(const PerceptronResult& r) {
  sim::CsvTable table({"law", "control", "n", "draws", "chi2", "df", "p_value", "outside", "mean_t", "mean_t_se", "predicted_mean_t"});
  for (const PerceptronArm& a : r.arms) {
    table.Add(WeightLawName(a.law)).Add(a.control ? 1 : 0).Add(a.inputs).Add(a.chi_square.total + a.chi_square.outside);
    table.Add(a.chi_square.statistic).Add(a.chi_square.degrees_of_freedom).Add(a.chi_square.p_value).Add(a.chi_square.outside);
    table.Add(a.mean.mean).Add(a.mean.se).Add(theory::PerceptronMeanCount(a.inputs));
    table.EndRow();
  }
  return table;
}

}  // namespace memgen::scenarios
