// Membership inference: LiRA and the privacy onion (Carlini et al. 2022a, 2022b; learning_dynamics.md
// §8), on ridge shadow models over random Fourier features (sim/mem/ridge_shadow_models.h) of the
// shared generator of §10 with planted outliers and label noise (sim/mem/planted_defects.h).
// Two arms, each trial writing its own slot:
//   gaussian  known IN and OUT Gaussian scores (theory/mem/membership.h): n samples of each, the
//             one-sided threshold at each FPR α, the empirical TPR against the closed form;
//   shadows   a pool of N points, M shadow models each on the points a LiRA argsort mask puts IN
//             (every point IN in exactly M/2 models), leave-one-model-out LiRA (sim/mem/lira_attack.h):
//             TPR at FPR < α for the online, offline and global attacks, per-point vulnerability v
//             (the per-example AUC of the online statistic), the memorization estimate mem̂ of §7
//             from the same models; then the onion: remove the top-k most vulnerable points (or k
//             random ones), refit M_onion shadows on the rest, and measure how v of the previously
//             safe points (v below the median) moves.
// Claims (memgen ids; TestSize from the run):
//   LIRA-NP.<case>.a<α>     mean empirical TPR at threshold τ(α) = Φ(Φ⁻¹(α)σ_out/σ_in + Δμ/σ_in)  ORACLE
//   LIRA-ORDER.online_global, .offline_global, .online_offline
//                           TPR at FPR < α ordered online ≥ offline > global, paired per trial;
//                           precondition: at least 10 OUT scores above every threshold         ORDERING
//   LIRA-VULN.outlier, .noisy   mean v of outliers (mislabeled points) above the clean points'   ORDERING
//   LIRA-VULN.mem           mean Spearman(v, mem̂) at least 0.5 [reconstructed: calibrate]       MEAN BOUND
//   LIRA-ONION.order        previously safe points gain more vulnerability when the top-k are
//                           removed than when k random points are; magnitude calibrated, not claimed ORDERING
// Planted defects (negative controls, tests/scenarios/mem/lira_claims_test.cc): σ_in and σ_out swapped
// in the closed form; the attack fits read a mask whose models are permuted (IN and OUT fits are
// noise); vulnerability reversed (1 − v); the onion removes the k least vulnerable points (the safe points
// that regress upward most are gone, so the safe points left gain less than after a random removal).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/io/csv_table.h"
#include "sim/mem/ridge_shadow_models.h"
#include "sim/mem/subpopulation_data.h"
#include "sim/run/memory_estimate.h"
#include "sim/run/trial_runner.h"
#include "theory/mem/membership.h"
#include "theory/verdict/claim.h"
#include "theory/verdict/test_size.h"

namespace memgen::scenarios {

struct GaussianTestOptions {
  theory::GaussianScores equal{1.0, 1.0, 0.0, 1.0};    ///< σ_in = σ_out: the Neyman–Pearson optimum
  theory::GaussianScores unequal{1.5, 0.5, 0.0, 1.0};  ///< σ_in < σ_out
  std::int64_t samples = 200000;                        ///< IN and OUT scores each, per trial
  std::vector<double> fprs = {1e-3, 1e-2, 1e-1};
  std::int64_t trials = 20;
  bool planted_swap_sd = false;
  std::string field = "gaussian";
  std::string trials_field = "gaussian.trials";
  void Validate() const;
};

struct GaussianTestTrial {
  std::vector<double> tpr_equal, tpr_unequal;  ///< per FPR
};

struct ShadowOptions {
  sim::SubpopulationOptions data;               ///< defaults: ShadowData()
  std::int64_t pool = 2000;                     ///< N
  double outlier_fraction = 0.05, label_noise = 0.05, outlier_sd = 4.0;
  sim::RandomFeatureOptions features;
  double ridge = 0.01;                          ///< λ
  std::int64_t shadows = 128;                   ///< M (even)
  double fpr = 1e-3;                            ///< α of the TPR claims
  double onion_fraction = 0.05;                 ///< k/N; 0 skips the onion
  std::int64_t onion_shadows = 64;
  std::int64_t masked_points = 20;              ///< clean points given near-duplicates; 0 skips masking
  std::int64_t duplicates = 2;                  ///< near-duplicates per masked point
  double duplicate_sd = 0.05;                   ///< their distance: x + duplicate_sd·N(0, I)
  std::int64_t trials = 8;
  bool planted_permuted_fits = false;
  bool planted_reverse_vulnerability = false;
  bool planted_remove_safest = false;
  bool planted_reverse_masking = false;
  std::string field = "shadows";
  std::string data_field = "data";
  std::string trials_field = "shadows.trials";
  ShadowOptions();
  std::int64_t OnionRemoved() const;            ///< k = round(onion_fraction · N)
  void Validate() const;
};

struct ShadowTrial {
  double tpr_online = 0, tpr_offline = 0, tpr_global = 0;
  double tpr_online_fixed = 0, tpr_offline_fixed = 0;  ///< the fixed-variance variants (reported)
  double auc_online = 0, auc_offline = 0, auc_global = 0;
  std::int64_t false_positives = 0;  ///< OUT scores allowed above each threshold
  double v_clean = 0, v_noisy = 0, v_outlier = 0, spearman_v_mem = 0;
  double train_accuracy = 0, out_accuracy = 0;
  double onion_top = 0, onion_random = 0;              ///< mean Δv of the previously safe points
  std::int64_t exposed_top = 0, exposed_random = 0;    ///< of them, now above the old top-k threshold
  double masked_with = 0, masked_without = 0;          ///< mean v of the masked points with and without their duplicates
  std::vector<double> roc_fpr, roc_online, roc_offline, roc_global;  ///< trial 0 only
  std::vector<double> v, mem;                          ///< trial 0 only, per point
  std::vector<std::int64_t> group;                     ///< trial 0 only
};

template <typename Codec>
void Fields(Codec& c, GaussianTestTrial& r) {
  c(r.tpr_equal, r.tpr_unequal);
}
template <typename Codec>
void Fields(Codec& c, ShadowTrial& r) {
  c(r.tpr_online, r.tpr_offline, r.tpr_global, r.tpr_online_fixed, r.tpr_offline_fixed, r.auc_online, r.auc_offline, r.auc_global, r.false_positives, r.v_clean, r.v_noisy, r.v_outlier,
    r.spearman_v_mem, r.train_accuracy, r.out_accuracy, r.onion_top, r.onion_random, r.exposed_top, r.exposed_random, r.masked_with, r.masked_without, r.roc_fpr, r.roc_online,
    r.roc_offline, r.roc_global, r.v, r.mem, r.group);
}

struct GaussianTestResult {
  GaussianTestOptions options;
  std::vector<GaussianTestTrial> trials;
};
struct ShadowResult {
  ShadowOptions options;
  std::vector<ShadowTrial> trials;
};

GaussianTestTrial GaussianTestRun(const GaussianTestOptions& options, std::uint64_t master_seed, std::int64_t trial);
ShadowTrial ShadowRun(const ShadowOptions& options, std::uint64_t master_seed, std::int64_t trial);
GaussianTestResult RunGaussianTest(const GaussianTestOptions& options, std::uint64_t master_seed, const sim::TrialRunnerOptions& runner);
ShadowResult RunShadows(const ShadowOptions& options, std::uint64_t master_seed, const sim::TrialRunnerOptions& runner);

void AddGaussianTestMemory(const GaussianTestOptions& options, int threads, sim::MemoryEstimate* memory);
void AddShadowMemory(const ShadowOptions& options, int threads, sim::MemoryEstimate* memory);

std::vector<theory::Claim> BuildGaussianTestClaims(const GaussianTestResult& result, theory::TestSize size = {});
std::vector<theory::Claim> BuildShadowClaims(const ShadowResult& result, theory::TestSize size = {});

sim::CsvTable RocTable(const ShadowResult& result);          ///< trial 0: TPR of each attack on a log FPR grid
sim::CsvTable VulnerabilityTable(const ShadowResult& result);  ///< trial 0: v, mem̂ and group per point
sim::CsvTable ShadowTrialTable(const ShadowResult& result);    ///< per trial

}  // namespace memgen::scenarios
