// The exact ridge-Langevin model of learning_dynamics.md §9 (theory/mem/ridge_noisy_gd.h) checked
// against Monte Carlo chains (sim/mem/langevin_chains.h) on one data set of the §10 generator
// (sim/mem/regression_sample.h: d = 3, n = 20, one planted outlier; the target x_i is the point of
// highest leverage x_iᵀ(XᵀX + nλ_R I)⁻¹x_i). Every trial is a block of independent chains:
//   forward     `chains` chains from w₀ = 0 for T steps on S: their mean and second moment about m_T;
//   Rényi       `renyi_samples` draws of P = ν_S, the block mean of (p/q)^{α−1} with Q = ν_{S∖i};
//   unlearning  `chains` draws of ν_S, then k steps on S∖i: their mean.
// Claims (memgen ids):
//   UNL-GAUSS.mean         block means of w_T − m_T are 0 per coordinate (e)                 WORST-Z
//   UNL-GAUSS.cov          |Σ̂_T − Σ_T| ≤ 0.01 max|Σ_T| per entry, + z SE (e)                  ALL-OF TOLERANCE
//   UNL-GAUSS.fixed_point  max|AΣ*Aᵀ + (2η/β)I − Σ*| / max|Σ*| within rounding (e)           EXACT
//   UNL-RENYI.closed_form  (1/(α−1)) ln E_P[(p/q)^{α−1}] = D_α(ν_S ‖ ν_{S∖i}) (f)              ORACLE
//   UNL-RENYI.shortcut     the equal-covariance shortcut α Δᵀ Σ_S⁻¹ Δ / 2 lies above it (f)    SIDE OF LEVEL
//   UNL-UNLEARN.mean       unlearning means m*_{S∖i} + A'^k (m*_S − m*_{S∖i}) per coordinate (g)  WORST-Z
//   UNL-UNLEARN.rate       slope of ln D_k over the asymptotic window vs 2 ln(1 − ηλ_min(H')) (g)  EXACT 1 %
// The estimator of the Rényi claim has a finite variance only when D_{2α−1}(ν_S ‖ ν_{S∖i}) is finite
// (E_P[(p/q)^{2(α−1)}] = e^{2(α−1) D_{2α−1}}); otherwise its SE is undefined and the claim INCONCLUSIVE.
// Planted defects (negative controls, tests/scenarios/mem/unlearning_claims_test.cc): chains with their
// noise scaled by `planted_noise_scale`; forward chains on S∖i; the shortcut as the closed form;
// unlearning steps on S instead of S∖i; the rate from λ_max instead of λ_min.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/io/csv_table.h"
#include "sim/mem/regression_sample.h"
#include "sim/run/memory_estimate.h"
#include "sim/run/trial_runner.h"
#include "scenarios/mem/langevin_model.h"
#include "theory/mem/unlearning_rate_window.h"
#include "theory/verdict/claim.h"
#include "theory/verdict/test_size.h"

namespace memgen::scenarios {

sim::RegressionSampleOptions DefaultChainSample();  ///< m = 2, d = 3, n = 20, one outlier (σ_o = 4)

struct LangevinChainOptions {
  sim::RegressionSampleOptions sample = DefaultChainSample();
  LangevinModel model;
  int steps = 300;                      ///< T of the forward chains
  std::int64_t chains = 2000;           ///< forward and unlearning chains per trial
  std::int64_t renyi_samples = 10000;   ///< draws of ν_S per trial
  int unlearn_steps = 50;               ///< k of the unlearning chains
  double window_ratio = 1e-3;           ///< the rate window starts where D_k is the leading mode to this ratio
  int window_length = 50;
  std::int64_t trials = 100;
  double planted_noise_scale = 1.0;
  bool planted_forward_without_target = false;
  bool planted_shortcut = false;
  bool planted_unlearn_on_full = false;
  bool planted_rate_lambda_max = false;
  std::string field = "chains";
  std::string data_field = "chains.data";
  std::string trials_field = "chains.trials";
  void Validate() const;
};

struct LangevinChainTrial {
  std::vector<double> mean_error;     ///< d: block mean of w_T − m_T
  std::vector<double> second_moment;  ///< d × d: block mean of (w_T − m_T)(w_T − m_T)ᵀ
  double ratio_mean = 0;              ///< block mean of (p/q)^{α−1} under P = ν_S
  std::vector<double> unlearn_error;  ///< d: block mean after k unlearning steps − its prediction
};

template <typename Codec>
void Fields(Codec& c, LangevinChainTrial& r) {
  c(r.mean_error, r.second_moment, r.ratio_mean, r.unlearn_error);
}

// The closed forms of the data set, recomputed from the seed (no random chains).
struct LangevinChainTheory {
  int target = 0;                        ///< the removed example (highest leverage)
  int dimension = 0;
  std::vector<double> cov_t;             ///< Σ_T, d × d
  double fixed_point_residual = 0;       ///< max|AΣ*Aᵀ + (2η/β)I − Σ*| / max|Σ*|
  double condition = 0;                  ///< κ(H)
  double divergence = 0, shortcut = 0;   ///< D_α(ν_S ‖ ν_{S∖i}) and α Δᵀ Σ_S⁻¹ Δ / 2
  double variance_divergence = 0;        ///< D_{2α−1}(ν_S ‖ ν_{S∖i}), +∞ when the estimator's variance is
  std::vector<double> curve;             ///< D_k of unlearning from ν_S, k = 0 … window end
  theory::RateWindow window;             ///< where ln D_k is asymptotic (unlearning_rate_window.h)
  double predicted_rate = 0, spec_window_slope = 0;
  double window_slope = 0;               ///< slope of ln D_k over `window` (NaN when it has none)
};

struct LangevinChainResult {
  LangevinChainOptions options;
  LangevinChainTheory theory;
  std::vector<LangevinChainTrial> trials;
};

LangevinChainTheory LangevinChainClosedForms(const LangevinChainOptions& options, std::uint64_t master_seed);
LangevinChainTrial LangevinChainRun(const LangevinChainOptions& options, std::uint64_t master_seed, std::int64_t trial);
LangevinChainResult RunLangevinChains(const LangevinChainOptions& options, std::uint64_t master_seed,
                                      const sim::TrialRunnerOptions& runner);
void AddLangevinChainMemory(const LangevinChainOptions& options, int threads, sim::MemoryEstimate* memory);

std::vector<theory::Claim> BuildLangevinChainClaims(const LangevinChainResult& result, theory::TestSize size = {});
sim::CsvTable UnlearningCurveTable(const LangevinChainResult& result);  ///< k, D_k and the asymptotic line

}  // namespace memgen::scenarios
