// Figure-1 claims, see figure1_claims.h.
#include "scenarios/spur/figure1_claims.h"

#include <cmath>
#include <functional>
#include <string>

#include "theory/stats/sample_stats.h"
#include "theory/verdict/family_rules.h"
#include "theory/verdict/verdict_rules.h"

namespace memgen::scenarios {
namespace {

// The non-inferiority margin of every accuracy and AUROC level below: two points, the spec's
// calibration tolerance (§5.3); a level is met when the interval reaches within the margin of it and
// missed when the interval lies wholly on the wrong side of the level itself.
constexpr double kMargin = 0.02;
const char* kBayat = "Bayat et al. (2024) Fig. 1, interpretable_experiment.py";


theory::MeanSe Over(const std::vector<Figure1Trial>& trials, const std::function<double(const Figure1Trial&)>& f) {
  std::vector<double> v;
  v.reserve(trials.size());
  for (const Figure1Trial& t : trials) v.push_back(f(t));
  return theory::Summarize(v);
}

// At least / at most a level, non-inferiority with the margin kMargin (verdict_rules.h).
theory::Claim Bound(const theory::ClaimHeader& h, const theory::MeanSe& m, double level, bool at_least,
                    theory::TestSize size) {
  return theory::MeanBoundClaim(h, m, level, at_least ? theory::BoundSide::kAtLeast : theory::BoundSide::kAtMost,
                                kMargin, size);
}

// Two one-sided bounds on the same arm as one claim: both must pass (ALL-OF; the first bound's
// numbers are the claim's, the second's go to details).
theory::Claim Both(const theory::Claim& a, const theory::Claim& b, const std::string& id, const std::string& statement) {
  theory::Claim c = theory::AllOfClaim({id, statement, a.source()}, {a, b});
  c.details = {{"second_measured", b.measured()}, {"second_level", b.predicted()}};
  return c;
}

double TrainFraction(const Figure1Options& o) {
  return static_cast<double>(static_cast<std::int64_t>((1.0 - o.majority_fraction) * static_cast<double>(o.n))) /
         static_cast<double>(o.n);
}

// Mean validation accuracy of one arm on one group.
theory::MeanSe Val(const std::vector<Figure1Trial>& trials, int arm, bool minority) {
  return Over(trials, [=](const Figure1Trial& t) { return minority ? t.val[arm].minority : t.val[arm].majority; });
}

// Both groups' validation accuracy of one arm, each a bound at its own level, as one claim.
theory::Claim ValClaim(const std::vector<Figure1Trial>& trials, int arm, double majority_level, double minority_level,
                       bool minority_at_least, const std::string& id, const std::string& statement,
                       theory::TestSize size) {
  return Both(Bound({"", "", kBayat}, Val(trials, arm, false), majority_level, true, size.Split(2)),
              Bound({"", "", kBayat}, Val(trials, arm, true), minority_level, minority_at_least, size.Split(2)), id,
              statement);
}

// E1: the fits, ERM with and without memorizable noise, MAT at its last epoch, ERM's σ_ε sweep.
void AddE1Claims(const Figure1Options& o, const std::vector<Figure1Trial>& trials, theory::TestSize size,
                 std::vector<theory::Claim>* claims) {
  for (int arm : {kErmClean, kErm, kMatLast}) {
    claims->push_back(Bound({std::string("SPUR-E1.train_fit.") + Figure1ArmName(arm),
                             "the arm fits its training set (worst-group train accuracy)", kBayat},
                            Over(trials, [arm](const Figure1Trial& t) { return t.train[arm].Worst(); }), 0.99, true, size));
  }
  claims->push_back(ValClaim(trials, kErmClean, 0.99, 0.99, true, "SPUR-E1.clean",
                             "without memorizable noise ERM generalises on both groups (val accuracy >= 0.99)", size));
  claims->push_back(ValClaim(trials, kErm, 0.99, 0.30, false, "SPUR-E1.memorising",
                             "with sigma_eps = 0.5 ERM memorizes the minority: majority >= 0.99, minority <= 0.30", size));
  claims->push_back(ValClaim(trials, kMatLast, 0.95, 0.85, true, "SPUR-E1.mat",
                             "MAT (run_mat, last epoch) recovers the minority: majority >= 0.95, minority >= 0.85", size));
  claims->push_back(Bound({"SPUR-E1.mat_gain", "MAT's paired minority gain over ERM is at least 0.5", kBayat},
                          Over(trials, [](const Figure1Trial& t) { return t.val[kMatLast].minority - t.val[kErm].minority; }),
                          0.5, true, size));
  if (o.sweep_noise.size() >= 2) {
    std::vector<theory::MeanSe> minority;
    for (std::size_t j = 0; j < o.sweep_noise.size(); ++j)
      minority.push_back(Over(trials, [j](const Figure1Trial& t) { return t.sweep_val_minority[j]; }));
    claims->push_back(theory::DecreasingClaim({"SPUR-E1.sweep", "ERM's minority test accuracy falls as sigma_eps grows",
                                               "spurious_memorization.md E1 sweep"},
                                              o.sweep_noise, minority, size));
  }
}

// SPUR-E5.calibration: C00 and C11 both within 0.02 (+ z SE) of 1 − ρ (the spec's tolerance):
// ALL-OF of two TOLERANCE claims, each with its own SE; C00 first.
theory::Claim CalibrationClaim(const std::vector<Figure1Trial>& trials, double rho, theory::TestSize size) {
  const theory::MeanSe c00 = Over(trials, [](const Figure1Trial& t) { return t.calibration[0][0]; });
  const theory::MeanSe c11 = Over(trials, [](const Figure1Trial& t) { return t.calibration[1][1]; });
  const char* source = "spurious_memorization.md §5.3, §5.6";
  const theory::Claim p00 = theory::ToleranceClaim({"", "", source}, c00, 1.0 - rho, 0.02, size.Split(2));
  const theory::Claim p11 = theory::ToleranceClaim({"", "", source}, c11, 1.0 - rho, 0.02, size.Split(2));
  theory::Claim c = theory::AllOfClaim(
      {"SPUR-E5.calibration", "the calibration matrix C = p(y | y_ho) is [[1 - rho, rho], [rho, 1 - rho]]", source}, {p00, p11});
  c.AddNote("C00 " + theory::Num(c00.mean) + ", C11 " + theory::Num(c11.mean) + " vs " + theory::Num(1.0 - rho));
  c.details = {{"c00", c00.mean}, {"c11", c11.mean}, {"rho", rho}};
  return c;
}

// SPUR-E5.shift.majority and .minority: the mean margin shift is ±log((1 − ρ)/ρ) within 5%.
void AddShiftClaims(const std::vector<Figure1Trial>& trials, double rho, theory::TestSize size,
                    std::vector<theory::Claim>* claims) {
  const double log_odds = std::log((1.0 - rho) / rho);
  claims->push_back(theory::DeClaim({"SPUR-E5.shift.majority", "MAT's margin shift on the majority is +log((1 - rho)/rho)",
                                     "spurious_memorization.md §5.3"},
                                    Over(trials, [](const Figure1Trial& t) { return t.margin_shift_majority; }), log_odds, size,
                                    0.05));
  claims->push_back(theory::DeClaim({"SPUR-E5.shift.minority", "and -log((1 - rho)/rho) on the minority",
                                     "spurious_memorization.md §5.3"},
                                    Over(trials, [](const Figure1Trial& t) { return t.margin_shift_minority; }), -log_odds,
                                    size, 0.05));
}

// E5: XRM's recovery of the minority, MAT's calibrated shift, and MAT at the early-stopping checkpoint.
void AddE5Claims(const Figure1Options& o, const std::vector<Figure1Trial>& trials, theory::TestSize size,
                 std::vector<theory::Claim>* claims) {
  const char* xrm_src = "Pezeshki et al. (2024) XRM; spurious_memorization.md §5.4";
  claims->push_back(Both(Bound({"", "", xrm_src}, Over(trials, [](const Figure1Trial& t) { return t.xrm_precision; }), 0.95, true, size.Split(2)),
                         Bound({"", "", xrm_src}, Over(trials, [](const Figure1Trial& t) { return t.xrm_recall; }), 0.95, true, size.Split(2)),
                         "SPUR-E5.xrm_recovery", "XRM's flipped labels are the minority (precision and recall >= 0.95)"));
  const double rho = TrainFraction(o);
  claims->push_back(CalibrationClaim(trials, rho, size));
  AddShiftClaims(trials, rho, size, claims);
  claims->push_back(Both(Bound({"", "", xrm_src}, Over(trials, [](const Figure1Trial& t) { return t.val_inferred_precision; }), 0.95, true, size.Split(2)),
                         Bound({"", "", xrm_src}, Over(trials, [](const Figure1Trial& t) { return t.val_inferred_recall; }), 0.95, true, size.Split(2)),
                         "SPUR-E5.val_groups", "XRM cross-mistakes on validation are the minority (precision and recall >= 0.95)"));
  claims->push_back(ValClaim(trials, kMatSelected, 0.95, 0.85, true, "SPUR-E5.selected",
                             "MAT at the checkpoint chosen by inferred-group worst-cell validation accuracy: majority >= 0.95, minority >= 0.85", size));
}

// E6: memorization scores (Figure1Trial::scores: 0 erm_clean, 1 erm, 2 mat).
void AddE6Claims(const std::vector<Figure1Trial>& trials, theory::TestSize size, std::vector<theory::Claim>* claims) {
  const char* e6 = "Bayat et al. (2024) §4.2 / Fig. 2 (self-influence); spurious_memorization.md §7";
  const auto paired = [&](const std::string& id, const std::string& statement, int minuend, int subtrahend,
                          double MemorizationScores::*score) {
    // "Raises" / "lowers": significantly positive paired differences (else INCONCLUSIVE or FAIL).
    claims->push_back(theory::SideOfLevelClaim({id, statement, e6}, Over(trials, [=](const Figure1Trial& t) {
                                                 return t.scores[minuend].*score - t.scores[subtrahend].*score;
                                               }),
                                               0.0, size));
  };
  claims->push_back(Bound({"SPUR-E6.auroc.influence", "ERM's self-influence singles out the minority (AUROC >= 0.9)", e6},
                          Over(trials, [](const Figure1Trial& t) { return t.scores[1].auroc_influence; }), 0.9, true, size));
  claims->push_back(Bound({"SPUR-E6.auroc.heldout", "ERM's held-in minus held-out score singles out the minority (AUROC >= 0.9)", e6},
                          Over(trials, [](const Figure1Trial& t) { return t.scores[1].auroc_heldout; }), 0.9, true, size));
  paired("SPUR-E6.noise.influence", "memorizable noise raises the minority's median self-influence (erm - erm_clean > 0)", 1, 0,
         &MemorizationScores::minority_influence_median);
  paired("SPUR-E6.noise.heldout", "and its held-in minus held-out score (erm - erm_clean > 0)", 1, 0,
         &MemorizationScores::minority_heldout_mean);
  paired("SPUR-E6.mat.influence", "MAT lowers the minority's mean self-influence (erm - mat > 0)", 1, 2,
         &MemorizationScores::minority_influence_mean);
  paired("SPUR-E6.mat.heldout", "MAT lowers the minority's held-in minus held-out score (erm - mat > 0)", 1, 2,
         &MemorizationScores::minority_heldout_mean);
}

}  // namespace

std::vector<theory::Claim> BuildFigure1Claims(const Figure1Options& o, const std::vector<Figure1Trial>& trials,
                                              theory::TestSize size) {
  std::vector<theory::Claim> claims;
  AddE1Claims(o, trials, size, &claims);
  AddE5Claims(o, trials, size, &claims);
  AddE6Claims(trials, size, &claims);
  return claims;
}

sim::CsvTable Figure1TrialTable(const Figure1Options& o, const std::vector<Figure1Trial>& trials) {
  (void)o;
  sim::CsvTable t({"trial", "arm", "train_majority", "train_minority", "val_majority", "val_minority", "selected_epoch",
                   "xrm_precision", "xrm_recall", "xrm_exact", "xrm_first_exact_epoch", "c00", "c01", "c10", "c11",
                   "shift_majority", "shift_minority", "val_inferred_precision", "val_inferred_recall", "w_y", "w_a"});
  for (std::size_t i = 0; i < trials.size(); ++i) {
    const Figure1Trial& r = trials[i];
    for (int arm = 0; arm < kFigure1Arms; ++arm) {
      t.Add(static_cast<std::int64_t>(i)).Add(std::string(Figure1ArmName(arm)));
      t.Add(r.train[arm].majority).Add(r.train[arm].minority).Add(r.val[arm].majority).Add(r.val[arm].minority);
      t.Add(r.selected_epoch).Add(r.xrm_precision).Add(r.xrm_recall).Add(static_cast<std::int64_t>(r.xrm_exact));
      t.Add(r.xrm_first_exact_epoch).Add(r.calibration[0][0]).Add(r.calibration[0][1]).Add(r.calibration[1][0]);
      t.Add(r.calibration[1][1]).Add(r.margin_shift_majority).Add(r.margin_shift_minority);
      t.Add(r.val_inferred_precision).Add(r.val_inferred_recall).Add(r.weights[arm][0]).Add(r.weights[arm][1]);
      t.EndRow();
    }
  }
  return t;
}

sim::CsvTable Figure1CurveTable(const std::vector<Figure1Trial>& trials) {
  sim::CsvTable t({"epoch", "arm", "val_majority", "val_minority", "train_majority", "train_minority"});
  if (trials.empty()) return t;
  const char* arms[3] = {"erm_clean", "erm", "mat"};
  const auto& curves = trials.front().curves;
  for (std::size_t e = 0; e < curves.size(); ++e)
    for (std::size_t a = 0; a < 3; ++a) {
      t.Add(static_cast<std::int64_t>(e)).Add(std::string(arms[a]));
      for (std::size_t k = 0; k < 4; ++k) t.Add(curves[e][4 * a + k]);
      t.EndRow();
    }
  return t;
}

sim::CsvTable Figure1PointTable(const std::vector<Figure1Trial>& trials) {
  sim::CsvTable t({"x_y", "x_a", "y", "minority", "influence_erm_clean", "influence_erm", "influence_mat",
                   "heldout_erm_clean", "heldout_erm", "heldout_mat"});
  if (trials.empty()) return t;
  for (const auto& row : trials.front().points) {
    for (double v : row) t.Add(v);
    t.EndRow();
  }
  return t;
}

sim::CsvTable Figure1SweepTable(const Figure1Options& o, const std::vector<Figure1Trial>& trials) {
  sim::CsvTable t({"sigma_eps", "trials", "val_minority", "val_minority_se", "val_majority", "val_majority_se",
                   "train_worst", "train_worst_se"});
  for (std::size_t j = 0; j < o.sweep_noise.size(); ++j) {
    std::vector<double> mi, ma, tw;
    for (const Figure1Trial& r : trials) {
      mi.push_back(r.sweep_val_minority[j]);
      ma.push_back(r.sweep_val_majority[j]);
      tw.push_back(r.sweep_train_worst[j]);
    }
    const theory::MeanSe a = theory::Summarize(mi), b = theory::Summarize(ma), c = theory::Summarize(tw);
    t.Add(o.sweep_noise[j]).Add(static_cast<std::int64_t>(trials.size())).Add(a.mean).Add(a.se).Add(b.mean).Add(b.se);
    t.Add(c.mean).Add(c.se);
    t.EndRow();
  }
  return t;
}

}  // namespace memgen::scenarios
