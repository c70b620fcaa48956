// Claims of the SCO traceability simulator (sco_traceability.md §9), from the trials of each cell:
//   SCO-E0.F5        fingerprint identity E Σ_i⟨θ, z_i − µ⟩ = 2β E⟨θ, µ⟩, for every learner    IDENTITY, 4 SE
//   SCO-E0.csl       CSL ERM excess: E[½‖z̄ − µ‖² | µ] = (1 − ‖µ‖²)/(2n)                        IDENTITY, 4 SE
//   SCO-E0.counting  counting lemma |{i : a_i ≥ β/n}| ≥ (A₁ − β)₊²/A₂ (β ≥ 0) in every trial       EXACT
//   SCO-E1.sound     family-wise P(∃ fresh z' : s(z') ≥ τ_fw) ≤ ξ (Clopper-Pearson, level 1e-3),
//                    per point E[#fresh ≥ τ_pp]/n ≤ ξ (4 SE)                                      BOUND
//   SCO-E1.recall    mean recall above the trivial ξ·n (4 SE); m_{1/3} reported               BOUND
//   SCO-E1.calibrated  the calibrated per-point threshold (exact null variance, normal quantile): given
//                    v the n·T fresh flags are i.i.d. Bernoulli, so ξ must lie in the Clopper-Pearson
//                    interval of the pooled count (level 1e-3): neither anti-conservative nor, like
//                    Hoeffding's, far below ξ                                                    EXACT-BINOMIAL
//   SCO-E1.sound_bern family-wise soundness of the Bernstein threshold (Clopper-Pearson, as sound_fw) BOUND
//   SCO-E1.simulated the simulated-null threshold (k-th largest of K null scores) flags a fresh point with
//                    probability exactly k/(K + 1): the mean per-trial rate matches it within 4 SE   ORACLE
//   SCO-E1.m_third   Thm 4.5 with q = 1/3, per learner across ε: m_{1/3} ε² ≥ 1/64 (CLB; the spec's F5
//                    heuristic constant) or m_{1/3} ε ≥ 1/4 (CSL; half the expected 1/(2ε))     ONE-SIDED
//   SCO-E1.scaling   across ε, for learners whose recall is not simply every point they used (that slope
//                    would hold by construction): slope of log recall on log(1/ε)
//                    ≥ 1.8 (CLB, Ω(1/ε²), ADHLR Thm 4.5)
//                    or in 1 ± 0.15 (CSL, Ω(1/ε), Thm 4.2)                                      Θ-slope
//   SCO-E1.unused    subsample learners: points they never saw are flagged at most like fresh ones
//   SCO-E2.scaling   the same slopes for the Fano CMI lower bound (ADHLR Thms 4.1, 4.2)        Θ-slope
//   SCO-E2.vacuous   LR√(8 CMI_lb/n) ≥ 0.5 while the true gap is ≤ ε                          BOUND
//   SCO-E5.cap       DP learners: m/n ≤ e^ε ξ + δ at every threshold of the grid (VHADLR Prop A.5)
//   SCO-E5.power     the non-private ERM breaks the same cap (the check can fail)
//   SCO-E6.norm      projected ERM (Sefidgaran et al. Thm 6, ±1 JL matrix): E‖ΘΘᵀa‖² = 1 + (D − 1)/d′ for
//                    the unit a = erm, so ‖A*‖² d′/D stays ≤ 3                                  ORACLE
//   SCO-E6.unbiased  E[ΘΘᵀ] = I: the projected output's gap and ⟨θ, µ⟩ equal ERM's on the same
//                    sample in expectation (paired differences)                                 ORACLE
//   SCO-E6.model     recall_fw of erm and of every projected learner against the Gaussian score model
//                    n Φ̄((τ − m)/σ) (tracing_experiment.h, step 6), relative error ≤ 15%, or an absolute
//                    0.5 point where the predicted count is below ~3                                 DE
//   SCO-E6.untraceable  the smallest d′ is traced no more than the trivial ξ n                   BOUND
// A learner that is not an ε-learner in a cell (mean excess > ε) is excluded from that cell's recall
// claims (INCONCLUSIVE with the reason), as the theorem is about ε-learners.
#pragma once

#include <vector>

#include "sim/io/csv_table.h"
#include "theory/verdict/claim.h"
#include "theory/verdict/test_size.h"
#include "theory/stats/sample_stats.h"
#include "scenarios/sco/tracing_experiment.h"

namespace memgen::scenarios {

struct ScoLearnerSummary {
  std::string learner;
  sim::ScoLearnerKind kind = sim::ScoLearnerKind::kErm;
  theory::MeanSe excess, gap, recall_fw, recall_pp, fresh_pp_rate, error_rate, identity_gap, csl_gap, unused_flags;
  theory::MeanSe a1, two_beta_theta_mu;  ///< the two sides of the F5 identity
  theory::MeanSe recall_cal, fresh_cal_rate;  ///< at the calibrated per-point threshold
  std::int64_t fresh_cal_total = 0;        ///< fresh points flagged at τ_cal over all trials (n·T Bernoulli)
  theory::MeanSe recall_sim, fresh_sim_rate;  ///< at the simulated-null threshold (per-trial fractions)
  theory::MeanSe recall_bern;                 ///< at the family-wise Bernstein threshold
  std::int64_t bern_false_alarms = 0;      ///< trials with some fresh point above τ_bern
  std::int64_t trials_with_decode_errors = 0;
  bool saturated = false;                  ///< every trial recalled exactly the points the learner used
  std::int64_t fw_false_alarms = 0;  ///< trials with some fresh point ≥ τ_fw
  std::int64_t m_third = 0;          ///< largest m with CP-lower P(recall_fw ≥ m) ≥ 1/3
  double cmi_lb = 0.0, cmi_lb_se = 0.0;  ///< Fano lower bound (nats) at the mean error rate, and its SE
  double cmi_lb_conservative = 0.0;      ///< at the 99.9% upper confidence bound of the error rate
  std::int64_t counting_violations = 0;
  theory::MeanSe grid_train[kDpGrid], grid_fresh[kDpGrid];  ///< per-trial fractions
  std::int64_t used_rows = 0;
  theory::MeanSe predicted_recall_fw, predicted_recall_pp;  ///< Gaussian score model (erm, projected_erm)
  theory::MeanSe norm2;                        ///< ‖θ‖²
  theory::MeanSe gap_vs_erm, theta_mu_vs_erm;  ///< paired differences to the cell's first erm (projected_erm)
};

struct ScoCellResult {
  ScoCellOptions cell;
  double mu_norm2 = 0.0;
  double eps_csl = 0.0;  ///< mean of (1 − ‖µ‖²)/(2n): the CSL ERM's expected excess
  std::vector<ScoLearnerSummary> learners;
};

ScoCellResult SummarizeScoCell(const ScoCellOptions& cell, const std::vector<ScoTrial>& trials);
std::vector<theory::Claim> BuildScoCellClaims(const ScoCellResult& cell, theory::TestSize size = {});
std::vector<theory::Claim> BuildScoScalingClaims(const std::vector<ScoCellResult>& cells, theory::TestSize size = {});
sim::CsvTable ScoCellTable(const std::vector<ScoCellResult>& cells);  // one row per (cell, learner)
sim::CsvTable ScoGridTable(const std::vector<ScoCellResult>& cells);  // (cell, learner, threshold)
sim::CsvTable ScoDpCapTable(const std::vector<ScoCellResult>& cells);  // DP learners: (ξ, min(e^ε ξ + δ, 1))

}  // namespace memgen::scenarios
