// Claims and tables of the ridge-Langevin chains, see langevin_chains_experiment.h.
#include <cmath>
#include <limits>

#include "scenarios/mem/langevin_chains_experiment.h"
#include "theory/stats/sample_stats.h"
#include "theory/verdict/family_rules.h"
#include "theory/verdict/verdict_rules.h"

namespace memgen::scenarios {
namespace {

const char* kSource = "Chien et al. (2024); Sepahvand et al. (2025); learning_dynamics.md §9";

std::string Where(const LangevinChainResult& r) {
  const LangevinChainOptions& o = r.options;
  return " (ridge noisy GD, d = " + std::to_string(o.sample.data.dimension) + ", n = " + std::to_string(o.sample.examples) +
         ", lambda_R = " + theory::Num(o.model.ridge) + ", eta = " + theory::Num(o.model.noisy_gd.eta) + ", 1/beta = " +
         theory::Num(o.model.noisy_gd.inv_beta) + ", removed example " + std::to_string(r.theory.target) + " of highest leverage, " +
         std::to_string(r.trials.size()) + " trials)";
}

// The per-trial values of entry `j` of a per-trial vector.
template <typename Get>
theory::MeanSe Entry(const LangevinChainResult& r, Get get, std::size_t j) {
  std::vector<double> v;
  for (const LangevinChainTrial& t : r.trials) v.push_back(get(t)[j]);
  return theory::Summarize(v);
}

template <typename Get>
std::vector<theory::PredictedMean> ZeroMeans(const LangevinChainResult& r, Get get) {
  std::vector<theory::PredictedMean> family;
  for (int j = 0; j < r.theory.dimension; ++j) family.push_back({static_cast<double>(j), Entry(r, get, static_cast<std::size_t>(j)), 0.0});
  return family;
}

void GaussianClaims(const LangevinChainResult& r, const std::string& where, theory::TestSize size, std::vector<theory::Claim>* out) {
  const LangevinChainOptions& o = r.options;
  const std::string src = std::string(kSource) + " (e) [derived]";
  const std::string chains = std::to_string(o.chains * static_cast<std::int64_t>(r.trials.size())) + " chains of T = " + std::to_string(o.steps);
  out->push_back(theory::WorstZClaim(
      theory::ClaimHeader("UNL-GAUSS.mean", "the mean of " + chains + " steps from w0 = 0 is m_T = m* + A^T (0 - m*) in every coordinate" + where, src),
      ZeroMeans(r, [](const LangevinChainTrial& t) { return t.mean_error; }), size));
  const int d = r.theory.dimension;
  double largest = 0.0;
  for (double c : r.theory.cov_t) largest = std::max(largest, std::abs(c));
  const double tolerance = 0.01 * largest;
  const std::size_t entries = static_cast<std::size_t>(d * (d + 1) / 2);
  std::vector<theory::Claim> parts;
  for (int j = 0; j < d; ++j)
    for (int l = 0; l <= j; ++l) {
      const std::size_t at = static_cast<std::size_t>(j * d + l);
      parts.push_back(theory::ToleranceClaim({"", "", src}, Entry(r, [](const LangevinChainTrial& t) { return t.second_moment; }, at),
                                             r.theory.cov_t[at], tolerance, size.Split(entries)));
    }
  out->push_back(theory::AllOfClaim(
      theory::ClaimHeader("UNL-GAUSS.cov", "the covariance of " + chains + " steps is Sigma_T = Sigma* + A^T (0 - Sigma*) A^T within 1 % of its largest entry (" +
                                               theory::Num(largest) + ") in every entry" + where, src),
      parts));
  // One step of the recursion from the computed Σ* rounds at about 4d ulps of max|Σ*| per entry, and
  // Σ* itself (two solves with H) carries about κ(H) d ulps.
  const double bound = (4.0 + r.theory.condition) * d * std::numeric_limits<double>::epsilon();
  out->push_back(theory::ExactClaim(
      theory::ClaimHeader("UNL-GAUSS.fixed_point", "Sigma* = beta^-1 H^-1 (I - eta H/2)^-1 is the fixed point of Sigma -> A Sigma A^T + (2 eta/beta) I: relative residual within (4 + kappa(H)) d ulps = " +
                                                       theory::Num(bound) + where, src),
      r.theory.fixed_point_residual, 0.0, bound));
}

// D̂ = ln(mean of (p/q)^{α−1}) / (α − 1), its SE by the delta method; undefined (NaN) when the
// estimator's variance is infinite.
theory::MeanSe RenyiEstimate(const LangevinChainResult& r) {
  std::vector<double> v;
  for (const LangevinChainTrial& t : r.trials) v.push_back(t.ratio_mean);
  const theory::MeanSe m = theory::Summarize(v);
  const double a1 = r.options.model.alpha - 1.0;
  theory::MeanSe d = m;
  d.mean = std::log(m.mean) / a1;
  d.se = std::isfinite(r.theory.variance_divergence) ? m.se / (m.mean * a1) : std::numeric_limits<double>::quiet_NaN();
  d.sd = d.se * std::sqrt(static_cast<double>(m.count));
  return d;
}

void RenyiClaims(const LangevinChainResult& r, const std::string& where, theory::TestSize size, std::vector<theory::Claim>* out) {
  const LangevinChainOptions& o = r.options;
  const std::string src = std::string(kSource) + " (f) [derived]";
  const theory::MeanSe d = RenyiEstimate(r);
  const double closed = o.planted_shortcut ? r.theory.shortcut : r.theory.divergence;
  const std::string samples = std::to_string(o.renyi_samples * static_cast<std::int64_t>(r.trials.size())) + " draws of nu_S";
  out->push_back(theory::OracleClaim(
      theory::ClaimHeader("UNL-RENYI.closed_form", "the closed-form Renyi divergence D_alpha(nu_S || nu_S\\i) with unequal covariances, alpha = " +
                                                       theory::Num(o.model.alpha) + ", equals (1/(alpha - 1)) ln E_P[(p/q)^(alpha - 1)] over " + samples + where, src),
      d, closed, size));
  out->back().AddNote("the estimator's variance is finite when D_(2 alpha - 1) is: " + theory::Num(r.theory.variance_divergence));
  theory::MeanSe gap = d;
  gap.mean = r.theory.shortcut - d.mean;
  out->push_back(theory::SideOfLevelClaim(
      theory::ClaimHeader("UNL-RENYI.shortcut", "the equal-covariance shortcut alpha Delta^T Sigma_S^-1 Delta / 2 = " + theory::Num(r.theory.shortcut) +
                                                    " overstates the Monte Carlo divergence of removing the example" + where, src),
      gap, 0.0, size));
  out->back().details = {{"closed_form", r.theory.divergence}, {"shortcut", r.theory.shortcut}, {"monte_carlo", d.mean}};
  out->back().AddNote("closed form " + theory::Num(r.theory.divergence) + ", shortcut / closed form " + theory::Num(r.theory.shortcut / r.theory.divergence));
}

constexpr double kRateTolerance = 0.01;  // learning_dynamics.md §9 (g): the slope within 1 %

void UnlearnClaims(const LangevinChainResult& r, const std::string& where, theory::TestSize size, std::vector<theory::Claim>* out) {
  const LangevinChainOptions& o = r.options;
  const LangevinChainTheory& t = r.theory;
  const std::string src = std::string(kSource) + " (g) [derived]";
  out->push_back(theory::WorstZClaim(
      theory::ClaimHeader("UNL-UNLEARN.mean", "unlearning chains from nu_S after k = " + std::to_string(o.unlearn_steps) +
                                                  " steps on S\\i have mean m*_S\\i + A'^k (m*_S - m*_S\\i) in every coordinate" + where, src),
      ZeroMeans(r, [](const LangevinChainTrial& tr) { return tr.unlearn_error; }), size));
  const theory::RateWindow& w = t.window;
  std::string unmet = w.unmet;
  if (unmet.empty() && w.slope_error_bound > kRateTolerance / 2 * std::fabs(t.predicted_rate))
    unmet = "the window resolves the slope only to " + theory::Num(w.slope_error_bound) + ", over half the tolerance";
  out->push_back(theory::ExactClaimWhere(
      theory::ClaimHeader("UNL-UNLEARN.rate", "ln D_k falls at 2 ln(1 - eta lambda_min(H')) = " + theory::Num(t.predicted_rate) + " per step over k in [" +
                                                  std::to_string(w.begin) + ", " + std::to_string(w.end) + "], where the modal form of D_k is its slowest mode to " +
                                                  theory::Num(o.window_ratio) + "; slope / rate within 1 %" + where, src),
      t.window_slope / t.predicted_rate, 1.0, kRateTolerance, unmet));
  out->back().details = {{"window_start", w.begin}, {"window_end", w.end}, {"leading_weight", w.leading_weight},
                         {"remainder_at_start", w.remainder_at_begin}, {"rounding_at_end", w.rounding_at_end},
                         {"slope_error_bound", w.slope_error_bound}, {"spec_window_ratio", t.spec_window_slope / t.predicted_rate}};
  out->back().AddNote("over the spec's window k in [100, 150] the slope / rate is " + theory::Num(t.spec_window_slope / t.predicted_rate) +
                      " (the spec's 1 % holds there only with a wide spectral gap of H')");
}

}  // namespace

std::vector<theory::Claim> BuildLangevinChainClaims(const LangevinChainResult& r, theory::TestSize size) {
  const std::string where = Where(r);
  std::vector<theory::Claim> claims;
  GaussianClaims(r, where, size, &claims);
  RenyiClaims(r, where, size, &claims);
  UnlearnClaims(r, where, size, &claims);
  return claims;
}

}  // namespace memgen::scenarios
