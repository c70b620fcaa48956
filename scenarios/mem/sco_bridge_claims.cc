// Claims and table of LiRA on the SCO instance, see sco_bridge_experiment.h.
#include <algorithm>
#include <cstdio>

#include "scenarios/mem/sco_bridge_experiment.h"
#include "theory/stats/sample_stats.h"
#include "theory/verdict/verdict_rules.h"

namespace memgen::scenarios {
namespace {

const char* kSource = "Attias et al. (2024); Carlini et al. (2022); learning_dynamics.md §8; issue 13 [derived]";

std::string LevelTag(double noise) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "n%g", noise);
  return buf;
}

template <typename Get>
theory::MeanSe Over(const ScoBridgeResult& r, std::size_t level, Get get) {
  std::vector<double> v;
  for (const ScoBridgeTrial& t : r.trials) v.push_back(get(t)[level]);
  return theory::Summarize(v);
}

std::string Where(const ScoBridgeResult& r, double noise) {
  const ScoBridgeOptions& o = r.options;
  return " (CLB instance, eps = " + theory::Num(o.accuracy) + ": n = " + std::to_string(o.TrainSize()) + ", d = " + std::to_string(o.Dimension()) +
         "; noisy mean with sigma sqrt(d) = " + theory::Num(noise) + (noise == 0.0 ? " (ERM)" : "") + "; " + std::to_string(o.shadows) +
         " shadows on half of a pool of 2n; xi = " + theory::Num(o.fpr) + ", " + std::to_string(r.trials.size()) + " trials)";
}

}  // namespace

std::vector<theory::Claim> BuildScoBridgeClaims(const ScoBridgeResult& r, theory::TestSize size) {
  const ScoBridgeOptions& o = r.options;
  std::vector<theory::Claim> claims;
  for (std::size_t l = 0; l < o.noises.size(); ++l) {
    const std::string tag = LevelTag(o.noises[l]), where = Where(r, o.noises[l]);
    const theory::MeanSe fpr = Over(r, l, [](const ScoBridgeTrial& t) { return t.tracer_fpr; });
    const theory::MeanSe recall = Over(r, l, [](const ScoBridgeTrial& t) { return t.tracer_recall; });
    const theory::MeanSe lira = Over(r, l, [](const ScoBridgeTrial& t) { return t.lira_tpr; });
    const theory::MeanSe global = Over(r, l, [](const ScoBridgeTrial& t) { return t.global_tpr; });
    std::vector<double> gap;
    for (const ScoBridgeTrial& t : r.trials) gap.push_back(t.lira_tpr[l] - t.tracer_recall[l]);
    double bound = 0.0;
    for (const ScoBridgeTrial& t : r.trials) bound = std::max(bound, t.fpr_bound[l]);
    claims.push_back(theory::ToleranceClaim(
        theory::ClaimHeader("LIRA-SCO.tracer_fpr." + tag, "the tracer's calibrated per-point threshold flags OUT points at the rate xi, within the Berry-Esseen bound " +
                                                              theory::Num(bound) + " of its normal approximation" + where, kSource),
        fpr, o.fpr, bound, size));
    claims.push_back(theory::MeanBoundClaim(
        theory::ClaimHeader("LIRA-SCO.lira_vs_tracer." + tag,
                            "LiRA online at FPR xi does not beat the tracer's recall (paired per trial): on exchangeable points the tracer's exact-null "
                            "threshold is the Neyman-Pearson test" + where, kSource),
        theory::Summarize(gap), 0.0, theory::BoundSide::kAtMost, 0.0, size));
    claims.back().AddNote("tracer recall " + theory::Num(recall.mean) + " at FPR " + theory::Num(fpr.mean) + "; LiRA online TPR " + theory::Num(lira.mean) +
                          ", global threshold TPR " + theory::Num(global.mean) + " at FPR < xi");
    claims.back().details = {{"tracer_recall", recall.mean}, {"tracer_fpr", fpr.mean}, {"lira_tpr", lira.mean}, {"global_tpr", global.mean}};
  }
  return claims;
}

sim::CsvTable ScoBridgeTable(const ScoBridgeResult& r) {
  sim::CsvTable table({"noise", "tracer_recall", "tracer_recall_se", "tracer_fpr", "lira_tpr", "lira_tpr_se", "global_tpr", "global_tpr_se"});
  for (std::size_t l = 0; l < r.options.noises.size(); ++l) {
    const theory::MeanSe recall = Over(r, l, [](const ScoBridgeTrial& t) { return t.tracer_recall; });
    const theory::MeanSe lira = Over(r, l, [](const ScoBridgeTrial& t) { return t.lira_tpr; });
    const theory::MeanSe global = Over(r, l, [](const ScoBridgeTrial& t) { return t.global_tpr; });
    table.Add(r.options.noises[l]).Add(recall.mean).Add(recall.se).Add(Over(r, l, [](const ScoBridgeTrial& t) { return t.tracer_fpr; }).mean);
    table.Add(lira.mean).Add(lira.se).Add(global.mean).Add(global.se);
    table.EndRow();
  }
  return table;
}

}  // namespace memgen::scenarios
