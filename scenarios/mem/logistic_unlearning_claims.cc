// Claims and tables of the logistic unlearning experiment, see logistic_unlearning_experiment.h.
#include <cmath>

#include "scenarios/mem/example_groups.h"
#include "scenarios/mem/group_claims.h"
#include "scenarios/mem/logistic_unlearning_experiment.h"
#include "theory/stats/rank_correlation.h"
#include "theory/stats/sample_stats.h"
#include "theory/verdict/verdict_rules.h"

namespace memgen::scenarios {
namespace {

const char* kSource = "Sepahvand et al. (2025); learning_dynamics.md §9";
using Group = sim::ExampleGroup;

struct TrialStats {
  double privacy_rank = 0, log_linear_r2 = 0, mem_rank = 0, lira_rank = 0, accuracy = 0;
  GroupMeans groups;
};

TrialStats Stats(const LogisticUnlearningTrial& t) {
  TrialStats s;
  std::vector<double> probe_privacy;
  std::vector<std::int64_t> probe_group;
  for (std::int64_t e : t.probe) {
    probe_privacy.push_back(t.privacy[static_cast<std::size_t>(e)]);
    probe_group.push_back(t.group[static_cast<std::size_t>(e)]);
  }
  const std::vector<double> steps = AsDoubles(t.mc_steps), log_all = LogAbs(t.privacy);
  s.privacy_rank = theory::Spearman(steps, probe_privacy);
  const double r = theory::Pearson(LogAbs(probe_privacy), steps);
  s.log_linear_r2 = r * r;
  s.mem_rank = theory::Spearman(probe_privacy, t.memorization);
  s.lira_rank = theory::Spearman(probe_privacy, t.vulnerability);
  s.accuracy = t.clean_accuracy;
  for (std::size_t g = 0; g < kExampleGroups; ++g) {
    s.groups.log_privacy[g] = GroupMean(log_all, t.group, static_cast<Group>(g));
    s.groups.steps[g] = GroupMean(steps, probe_group, static_cast<Group>(g));
  }
  return s;
}

template <typename Get>
theory::MeanSe Over(const std::vector<TrialStats>& stats, Get get) {
  std::vector<double> v;
  for (const TrialStats& s : stats)
    if (const double x = get(s); std::isfinite(x)) v.push_back(x);
  return theory::Summarize(v);
}

std::string Where(const LogisticUnlearningOptions& o, std::size_t trials) {
  const sim::RegressionSampleOptions& s = o.sample;
  return " (logistic noisy GD, d = " + std::to_string(s.data.dimension) + ", n = " + std::to_string(s.examples) + " examples: outliers " +
         theory::Num(s.defects.outlier_fraction) + ", label noise " + theory::Num(s.defects.label_noise) + ", " + std::to_string(s.repeated) +
         " repeated x " + std::to_string(s.copies) + "; eta = " + theory::Num(o.params.eta) + ", 1/beta = " + theory::Num(o.params.inv_beta) +
         ", T = " + std::to_string(o.steps) + ", " + std::to_string(o.seeds) + " seeds, " + std::to_string(o.probes) + " probes per group, " +
         std::to_string(trials) + " data sets)";
}

void RankClaims(const std::vector<TrialStats>& st, const std::string& where, theory::TestSize size, std::vector<theory::Claim>* out) {
  const std::string calibrate = std::string(kSource) + " (b) [reconstructed: calibrate]";
  out->push_back(theory::MeanBoundClaim(
      theory::ClaimHeader("UNL-LOGIT.privacy", "the per-step privacy score P predicts the unlearning steps k_hat (KS against retrained ensembles): mean Spearman(k_hat, P) >= 0.5" + where, calibrate),
      Over(st, [](const TrialStats& s) { return s.privacy_rank; }), 0.5, theory::BoundSide::kAtLeast, 0.0, size));
  out->back().AddNote("mean accuracy of the trained chains on clean examples " + theory::Num(Over(st, [](const TrialStats& s) { return s.accuracy; }).mean));
  out->push_back(theory::MeanBoundClaim(
      theory::ClaimHeader("UNL-LOGIT.log_linear", "k_hat is roughly linear in ln P: mean R^2 >= 0.5" + where, calibrate),
      Over(st, [](const TrialStats& s) { return s.log_linear_r2; }), 0.5, theory::BoundSide::kAtLeast, 0.0, size));
  const std::string c = std::string(kSource) + " (c) [reconstructed]";
  out->push_back(theory::SideOfLevelClaim(
      theory::ClaimHeader("UNL-LOGIT.mem", "privacy loss goes with memorization: mean Spearman(P, mem_hat) > 0, mem_hat from the trained and retrained ensembles" + where, c),
      Over(st, [](const TrialStats& s) { return s.mem_rank; }), 0.0, size));
  out->push_back(theory::SideOfLevelClaim(
      theory::ClaimHeader("UNL-LOGIT.lira", "privacy loss goes with membership vulnerability: mean Spearman(P, v) > 0, v the AUC of the margins IN and OUT" + where, c),
      Over(st, [](const TrialStats& s) { return s.lira_rank; }), 0.0, size));
}

}  // namespace

std::vector<theory::Claim> BuildLogisticUnlearningClaims(const LogisticUnlearningResult& r, theory::TestSize size) {
  std::vector<TrialStats> st;
  for (const LogisticUnlearningTrial& t : r.trials) st.push_back(Stats(t));
  const std::string where = Where(r.options, r.trials.size());
  std::vector<theory::Claim> claims;
  RankClaims(st, where, size, &claims);
  std::vector<GroupMeans> groups;
  for (const TrialStats& s : st) groups.push_back(s.groups);
  AddGroupClaims(groups, {"UNL-LOGIT", "privacy score", "unlearning steps k_hat", "as on the ridge model, the score ranks the steps", false, ""},
                 where, size, &claims);
  return claims;
}

sim::CsvTable LogisticProbeTable(const LogisticUnlearningResult& r) {
  sim::CsvTable table({"trial", "example", "group", "privacy_score", "mc_steps", "memorization", "vulnerability"});
  for (std::size_t t = 0; t < r.trials.size(); ++t) {
    const LogisticUnlearningTrial& tr = r.trials[t];
    for (std::size_t p = 0; p < tr.probe.size(); ++p) {
      const auto e = static_cast<std::size_t>(tr.probe[p]);
      table.Add(static_cast<std::int64_t>(t)).Add(tr.probe[p]).Add(sim::ExampleGroupName(static_cast<Group>(tr.group[e])));
      table.Add(tr.privacy[e]).Add(tr.mc_steps[p]).Add(tr.memorization[p]).Add(tr.vulnerability[p]);
      table.EndRow();
    }
  }
  return table;
}

}  // namespace memgen::scenarios
