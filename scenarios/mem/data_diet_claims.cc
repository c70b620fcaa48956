// Claims and tables of scn_mem_data_diet, see data_diet_experiment.h.
#include "scenarios/mem/data_diet_experiment.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "theory/mem/data_diet.h"
#include "theory/stats/sample_stats.h"
#include "theory/verdict/verdict_rules.h"

namespace memgen::scenarios {
namespace {

const char* kSource = "Paul, Ganguli, Dziugaite (2021); Kirsch (2023); learning_dynamics.md §6";

std::string Where(const DataDietOptions& o, std::size_t trials) {
  return " (softmax regression, K = " + std::to_string(o.data.subpopulations) + " subpopulations, m = " + std::to_string(o.data.classes) +
         ", d = " + std::to_string(o.data.dimension) + ", sigma_mu = " + theory::Num(o.data.class_mean_sd) + ", n = " + std::to_string(o.train_size) +
         ", rho = " + theory::Num(o.label_noise) + ", t0 = " + std::to_string(o.score_step) + " of T = " + std::to_string(o.steps) + " steps, " +
         std::to_string(o.inits) + " inits, " + std::to_string(trials) + " trials)";
}

template <typename Get>
theory::MeanSe Over(const DataDietResult& r, Get get) {
  std::vector<double> v;
  for (const DataDietTrial& t : r.trials) v.push_back(get(t));
  return theory::Summarize(v);
}

template <typename Get>
double MaxOver(const DataDietResult& r, Get get) {
  double m = 0.0;
  for (const DataDietTrial& t : r.trials) m = std::max(m, get(t));
  return m;
}

std::string FractionTag(double f) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "f%02d", static_cast<int>(std::lround(100.0 * f)));
  return buf;
}

void NoiseClaims(const DataDietResult& r, const std::string& where, theory::TestSize size, std::vector<theory::Claim>* out) {
  const std::string src = std::string(kSource) + " (a) [reconstructed]";
  out->push_back(theory::MeanBoundClaim(
      theory::ClaimHeader("DD-NOISE.auroc", "EL2N at t0 finds the mislabeled points: mean AUROC(EL2N, noisy) is at least 0.9" + where, src),
      Over(r, [](const DataDietTrial& t) { return t.auroc; }), 0.9, theory::BoundSide::kAtLeast, 0.0, size));
  out->push_back(theory::MeanBoundClaim(
      theory::ClaimHeader("DD-NOISE.precision", "the top rho n EL2N scores are mislabeled points with mean precision at least 0.8" + where, src),
      Over(r, [](const DataDietTrial& t) { return t.precision; }), 0.8, theory::BoundSide::kAtLeast, 0.0, size));
}

void PruneClaims(const DataDietResult& r, const std::string& where, theory::TestSize size, std::vector<theory::Claim>* out) {
  const DataDietOptions& o = r.options;
  const std::string src = std::string(kSource) + " (b) [reconstructed]";
  const std::string k = "k = " + std::to_string(o.Keep()) + " (k/n = " + theory::Num(o.keep_fraction) + ")";
  out->push_back(theory::PairedOrderingClaim(
      theory::ClaimHeader("DD-PRUNE.offset",
                          "keeping the hardest " + k + " by EL2N gives a lower clean-test accuracy than the window of k after an offset rho n = " +
                              std::to_string(o.Offset()) + " (paired per trial)" + where, src),
      Over(r, [](const DataDietTrial& t) { return t.hardest - t.window; }), size));
  out->back().AddNote("accuracy: hardest " + theory::Num(Over(r, [](const DataDietTrial& t) { return t.hardest; }).mean) + ", window " +
                      theory::Num(Over(r, [](const DataDietTrial& t) { return t.window; }).mean) + ", random " +
                      theory::Num(Over(r, [](const DataDietTrial& t) { return t.random; }).mean) + ", full noisy set " +
                      theory::Num(Over(r, [](const DataDietTrial& t) { return t.full_noisy; }).mean));
  out->push_back(theory::PairedOrderingClaim(
      theory::ClaimHeader("DD-PRUNE.random",
                          "the window of " + k + " after the offset beats k random points (paired per trial)" + where, src),
      Over(r, [](const DataDietTrial& t) { return t.random - t.window; }), size));
}

void CleanClaims(const DataDietResult& r, const std::string& where, theory::TestSize size, std::vector<theory::Claim>* out) {
  const DataDietOptions& o = r.options;
  const std::string src = std::string(kSource) + " (b) [reconstructed: calibrate]";
  for (std::size_t j = 0; j < o.prune_fractions.size(); ++j) {
    const double f = o.prune_fractions[j];
    const std::string tag = FractionTag(f);
    const theory::MeanSe loss = Over(r, [j](const DataDietTrial& t) { return t.full_clean - t.el2n_pruned[j]; });
    out->push_back(theory::MeanBoundClaim(
        theory::ClaimHeader("DD-CLEAN.loss." + tag,
                            "without label noise, pruning " + theory::Num(f) + " of the training set by EL2N (keeping the highest) costs at most 0.01 "
                            "clean-test accuracy" + where, src),
        loss, 0.01, theory::BoundSide::kAtMost, 0.0, size));
    out->push_back(theory::PairedOrderingClaim(
        theory::ClaimHeader("DD-CLEAN.random." + tag,
                            "without label noise, random pruning of " + theory::Num(f) + " costs more than pruning by EL2N (paired per trial)" + where, src),
        Over(r, [j](const DataDietTrial& t) { return t.random_pruned[j] - t.el2n_pruned[j]; }), size));
    out->back().AddNote("loss against the full set: EL2N " + theory::Num(loss.mean) + ", random " +
                        theory::Num(Over(r, [j](const DataDietTrial& t) { return t.full_clean - t.random_pruned[j]; }).mean));
  }
}

void GrandClaims(const DataDietResult& r, const std::string& where, theory::TestSize size, std::vector<theory::Claim>* out) {
  const DataDietOptions& o = r.options;
  out->push_back(theory::MeanBoundClaim(
      theory::ClaimHeader("DD-GRAND.spearman", "Spearman(GraNd, EL2N) at t0 > 0 is at least 0.7" + where,
                          std::string(kSource) + " (c) [reconstructed: calibrate]"),
      Over(r, [](const DataDietTrial& t) { return t.spearman_grand_el2n; }), 0.7, theory::BoundSide::kAtLeast, 0.0, size));
  out->back().AddNote("on softmax regression GraNd = EL2N sqrt(|x|^2 + 1) exactly, so the rank correlation measures how little the input norm varies");
  out->push_back(theory::ExactClaim(
      theory::ClaimHeader("DD-GRAND.identity",
                          "softmax regression: GraNd = EL2N sqrt(|x|^2 + 1) for every point, initialisation and trial (the gradient is rank one); "
                          "largest relative error" + where, std::string(kSource) + " (c) [derived]"),
      MaxOver(r, [](const DataDietTrial& t) { return t.identity_error; }), 0.0, 1e-12));
  const double e0 = theory::UniformPredictionEl2n(o.data.classes);
  const std::string zero = std::string(kSource) + " (d) [derived]";
  out->push_back(theory::ExactClaim(
      theory::ClaimHeader("DD-ZERO.el2n", "at W = 0 every example's EL2N is sqrt((m - 1)/m) = " + theory::Num(e0) + "; largest relative deviation" + where, zero),
      MaxOver(r, [](const DataDietTrial& t) { return t.zero_el2n_error; }), 0.0, 1e-12));
  out->push_back(theory::ExactClaim(
      theory::ClaimHeader("DD-ZERO.grand", "at W = 0 GraNd / sqrt(|x|^2 + 1) = sqrt((m - 1)/m) for every example; largest relative deviation" + where, zero),
      MaxOver(r, [](const DataDietTrial& t) { return t.zero_grand_error; }), 0.0, 1e-12));
  double min_rank = 1.0;
  for (const DataDietTrial& t : r.trials) min_rank = std::min(min_rank, t.zero_norm_rank);
  out->push_back(theory::ExactClaim(
      theory::ClaimHeader("DD-ZERO.norm_rank", "at W = 0 GraNd ranks points exactly by their input norm: min over trials of Spearman(GraNd, |x|) = 1" + where, zero),
      min_rank, 1.0, 1e-12));
}

}  // namespace

std::vector<theory::Claim> BuildDataDietClaims(const DataDietResult& r, theory::TestSize size) {
  const std::string where = Where(r.options, r.trials.size());
  std::vector<theory::Claim> claims;
  NoiseClaims(r, where, size, &claims);
  PruneClaims(r, where, size, &claims);
  CleanClaims(r, where, size, &claims);
  GrandClaims(r, where, size, &claims);
  const auto mean = [&](auto get) { return Over(r, get).mean; };
  for (theory::Claim& c : claims)
    c.details = {{"auroc", mean([](const DataDietTrial& t) { return t.auroc; })},
                 {"precision", mean([](const DataDietTrial& t) { return t.precision; })},
                 {"spearman", mean([](const DataDietTrial& t) { return t.spearman_grand_el2n; })},
                 {"hardest", mean([](const DataDietTrial& t) { return t.hardest; })},
                 {"window", mean([](const DataDietTrial& t) { return t.window; })},
                 {"random", mean([](const DataDietTrial& t) { return t.random; })},
                 {"full_noisy", mean([](const DataDietTrial& t) { return t.full_noisy; })},
                 {"full_clean", mean([](const DataDietTrial& t) { return t.full_clean; })},
                 {"keep", r.options.Keep()},
                 {"offset", r.options.Offset()},
                 {"uniform_el2n", theory::UniformPredictionEl2n(r.options.data.classes)}};
  return claims;
}

sim::CsvTable DataDietTrialTable(const DataDietResult& r) {
  sim::CsvTable table({"trial", "auroc", "precision", "spearman_grand_el2n", "identity_error", "full_noisy", "hardest", "window", "random", "full_clean",
                       "zero_el2n_error", "zero_grand_error", "zero_norm_rank"});
  for (std::size_t k = 0; k < r.trials.size(); ++k) {
    const DataDietTrial& t = r.trials[k];
    table.Add(static_cast<std::int64_t>(k)).Add(t.auroc).Add(t.precision).Add(t.spearman_grand_el2n).Add(t.identity_error);
    table.Add(t.full_noisy).Add(t.hardest).Add(t.window).Add(t.random).Add(t.full_clean);
    table.Add(t.zero_el2n_error).Add(t.zero_grand_error).Add(t.zero_norm_rank);
    table.EndRow();
  }
  return table;
}

sim::CsvTable DataDietScoreTable(const DataDietResult& r) {
  sim::CsvTable table({"point", "el2n", "grand", "group"});
  const DataDietTrial& t = r.trials.front();
  for (std::size_t i = 0; i < t.el2n.size(); ++i) {
    table.Add(static_cast<std::int64_t>(i)).Add(t.el2n[i]).Add(t.grand[i]).Add(t.group[i]);
    table.EndRow();
  }
  return table;
}

sim::CsvTable DataDietPruningTable(const DataDietResult& r) {
  sim::CsvTable table({"prune_fraction", "full", "full_se", "el2n", "el2n_se", "random", "random_se"});
  const theory::MeanSe full = Over(r, [](const DataDietTrial& t) { return t.full_clean; });
  for (std::size_t j = 0; j < r.options.prune_fractions.size(); ++j) {
    const theory::MeanSe e = Over(r, [j](const DataDietTrial& t) { return t.el2n_pruned[j]; });
    const theory::MeanSe q = Over(r, [j](const DataDietTrial& t) { return t.random_pruned[j]; });
    table.Add(r.options.prune_fractions[j]).Add(full.mean).Add(full.se).Add(e.mean).Add(e.se).Add(q.mean).Add(q.se);
    table.EndRow();
  }
  return table;
}

}  // namespace memgen::scenarios
