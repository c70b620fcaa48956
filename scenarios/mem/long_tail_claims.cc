// Claims and tables of scn_mem_long_tail, see long_tail_experiment.h.
#include "scenarios/mem/long_tail_experiment.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "theory/mem/long_tail.h"
#include "theory/stats/sample_stats.h"
#include "theory/verdict/verdict_rules.h"

namespace memgen::scenarios {
namespace {

const char* kSource = "Feldman (2020); Feldman and Zhang (2020); learning_dynamics.md §7";

std::string Where(const DiscreteTailOptions& o) {
  return " (Zipf s_Z = " + theory::Num(o.zipf_exponent) + ", N = " + std::to_string(o.domain_size) + ", n = " + std::to_string(o.samples) +
         ", m = " + std::to_string(o.classes) + ", " + std::to_string(o.trials) + " trials)";
}

std::string Where(const EstimatorOptions& o, std::size_t trials) {
  return " (1-NN, K = " + std::to_string(o.subpopulations) + " Zipf subpopulations, s_Z = " + theory::Num(o.zipf_exponent) + ", n = " +
         std::to_string(o.train_size) + ", m = " + std::to_string(o.classes) + ", t = " + std::to_string(o.runs) + ", r = " + theory::Num(o.keep) +
         ", " + MaskKindName(o.masks) + " masks, " + std::to_string(trials) + " trials)";
}

// One value per trial, skipping NaN (a trial without points of the group).
theory::MeanSe SummariseFinite(const std::vector<double>& v) {
  std::vector<double> kept;
  for (double x : v)
    if (std::isfinite(x)) kept.push_back(x);
  return theory::Summarize(kept);
}

}  // namespace

std::vector<theory::Claim> BuildDiscreteTailClaims(const DiscreteTailResult& r, theory::TestSize size) {
  const DiscreteTailOptions& o = r.options;
  const std::vector<double> f = theory::ZipfFrequencies(o.domain_size, o.zipf_exponent);
  const theory::LongTailSummary s = theory::SummariseLongTail(f, o.samples, o.classes);
  std::vector<theory::Claim> claims;
  for (int l = 1; l <= 3; ++l) {
    std::vector<double> mass, count;
    for (const DiscreteTailTrial& t : r.trials) {
      mass.push_back(t.level_mass[l - 1]);
      count.push_back(static_cast<double>(t.level_count[l - 1]));
    }
    const double tau = theory::Tau(f, o.samples, l + o.planted_tau_offset);
    theory::Claim c = theory::OracleClaim(
        theory::ClaimHeader("MLT-TAU.l" + std::to_string(l),
                            "the mean true frequency of points seen exactly " + std::to_string(l) + " time(s) equals tau_" + std::to_string(l) +
                                " = E[psi^(l+1)(1-psi)^(n-l)]/E[psi^l(1-psi)^(n-l)]" + Where(o),
                            std::string(kSource) + " (a) [derived]"),
        theory::SummarizeRatio(mass, count), tau, size);
    c.AddNote("pooled over trials (sum of level masses / sum of level counts, delta-method SE); tau_" + std::to_string(l) + " = " + theory::Num(tau) +
              " computed exactly in log space");
    c.details = {{"level", l}, {"tau", tau}, {"n_tau", tau * static_cast<double>(o.samples)}};
    claims.push_back(c);
  }
  std::vector<double> gap;
  for (const DiscreteTailTrial& t : r.trials) gap.push_back(t.non_memorizer_error - t.memorizer_error);
  const theory::MeanSe g = theory::Summarize(gap);
  theory::Claim cost = theory::OracleClaim(
      theory::ClaimHeader("MLT-COST.singleton_mass",
                          "not memorizing singletons costs E[singleton mass](1 - 1/m): err(non-memorizer) - err(memorizer)" + Where(o),
                          std::string(kSource) + " (b) [derived]"),
      g, s.cost_of_not_memorizing, size);
  cost.AddNote("E[singleton mass] = " + theory::Num(s.singleton_mass) + ", E[#singletons]/n = " + theory::Num(s.singleton_fraction));
  claims.push_back(cost);
  theory::Claim bound = theory::OracleClaim(
      theory::ClaimHeader("MLT-COST.tau_bound",
                          "the cost of not memorizing against tau_1 E[#singletons](1 - 1/m): the spec's lower bound, which is an equality in "
                          "expectation in this model (tau_1 E[#singletons] = E[singleton mass]); checked as the equality" + Where(o),
                          std::string(kSource) + " (b) [derived]"),
      g, s.tau_bound, size);
  bound.AddNote("a one-sided 'at least' with margin 0 cannot PASS at an equality; |tau bound - cost| = " +
                theory::Num(std::fabs(s.tau_bound - s.cost_of_not_memorizing)) + " exactly");
  claims.push_back(bound);
  for (std::size_t k = claims.size() - 2; k < claims.size(); ++k)
    claims[k].details = {{"singleton_mass", s.singleton_mass}, {"expected_singletons", s.expected_singletons}, {"tau1", s.tau[1]},
                         {"cost", s.cost_of_not_memorizing}, {"tau_bound", s.tau_bound}, {"optimal_error", s.optimal_error}, {"measured", g.mean}};
  return claims;
}

std::vector<theory::Claim> BuildZipfFigureClaims(double exponent) {
  const std::int64_t n = 50000;
  const theory::LongTailSummary s = theory::SummariseLongTail(theory::ZipfFrequencies(n, exponent), n, 10);
  struct Figure {
    const char* id;
    const char* what;
    double computed, printed, half_unit;
  };
  const Figure figures[] = {{"n_tau1", "loss per unfit example n tau_1", static_cast<double>(n) * s.tau[1], 0.47, 0.005},
                            {"singleton_fraction", "fraction of singletons E[#singletons]/n", s.singleton_fraction, 0.17, 0.005},
                            {"cost", "cost of not fitting singletons E[singleton mass](1 - 1/m)", s.cost_of_not_memorizing, 0.07, 0.005},
                            {"optimal_error", "optimal error E[unseen mass](1 - 1/m)", s.optimal_error, 0.15, 0.005}};
  std::vector<theory::Claim> claims;
  for (const Figure& fig : figures) {
    theory::Claim c = theory::ExactClaim(
        theory::ClaimHeader(std::string("MLT-ZIPF.") + fig.id,
                            std::string("the spec's ") + fig.what + " at N = n = 50,000, s_Z = " + theory::Num(exponent) + ", m = 10 is " + theory::Num(fig.printed) +
                                " to its printed digits (within half a unit of the last digit)",
                            std::string(kSource) + " [unverified: not checked against the paper]"),
        fig.computed, fig.printed, fig.half_unit);
    c.AddNote("computed exactly: " + theory::Num(fig.computed));
    c.details = {{"computed", fig.computed}, {"printed", fig.printed}};
    claims.push_back(c);
  }
  return claims;
}

std::vector<theory::Claim> BuildEstimatorClaims(const EstimatorResult& r, theory::TestSize size) {
  const EstimatorOptions& o = r.options;
  const std::string where = Where(o, r.trials.size());
  std::vector<double> singles, large, lemma, mean_mem, train, test;
  double pooled_gap = 0.0, run_gap = 0.0, max_se = 0.0;
  bool balanced = true, equal_runs = true;
  std::int64_t singleton_points = 0, large_points = 0;
  for (const EstimatorTrial& t : r.trials) {
    singles.push_back(t.singleton_mem);
    large.push_back(t.large_mem);
    lemma.push_back(t.mean_mem - (t.train_accuracy - t.test_accuracy));
    mean_mem.push_back(t.mean_mem);
    train.push_back(t.train_accuracy);
    test.push_back(t.test_accuracy);
    pooled_gap = std::max(pooled_gap, std::fabs(t.mean_mem - t.pooled_gap));
    run_gap = std::max(run_gap, std::fabs(t.mean_mem - t.run_mean_gap));
    max_se = std::max(max_se, t.max_se);
    balanced = balanced && t.balanced;
    equal_runs = equal_runs && t.equal_runs;
    singleton_points += t.singletons;
    large_points += t.large;
  }
  const double chance = 1.0 - 1.0 / o.classes;
  const double r_in = static_cast<double>(o.RunsIn()) / static_cast<double>(o.runs);
  const double se_bound = std::sqrt(1.0 / (4.0 * static_cast<double>(o.runs) * r_in * (1.0 - r_in)));
  const std::string spec = std::string(kSource);
  std::vector<theory::Claim> claims;
  claims.push_back(theory::OracleClaim(
      theory::ClaimHeader("MLT-EST.singletons",
                          "mem-hat of random-label singletons (subpopulation seen once) averages 1 - 1/m: IN, 1-NN returns the point's own "
                          "label; OUT, a neighbour from another subpopulation whose label is independent" + where,
                          spec + " (c) [derived]")
          .Require(singleton_points > 0, "no singleton subpopulation was drawn"),
      SummariseFinite(singles), chance, size));
  claims.back().AddNote(std::to_string(singleton_points) + " singleton points; per-point SE at most " + theory::Num(max_se) +
                        " against the spec's bound sqrt(1/(4 t r(1 - r))) = " + theory::Num(se_bound) + " (0.024 needs t = 2000)");
  const double tol = std::pow(1.0 - r_in, static_cast<double>(o.large_count - 1));
  claims.push_back(theory::ToleranceClaim(
      theory::ClaimHeader("MLT-EST.large",
                          "mem-hat is near 0 in large subpopulations (seen at least " + std::to_string(o.large_count) + " times)" + where,
                          spec + " (c) [derived]")
          .Require(large_points > 0, "no subpopulation reached the large count"),
      SummariseFinite(large), 0.0, tol, size));
  claims.back().AddNote("tolerance (1 - r)^(c_min - 1) = " + theory::Num(tol) + ": the chance that every other point of the subpopulation is OUT (independent "
                        "inclusion); " + std::to_string(large_points) + " points");
  claims.push_back(theory::OracleClaim(
      theory::ClaimHeader("MLT-LEMMA.r_n",
                          "Lemma 4.2 at sample size r n: mean mem-hat = mean run train accuracy - mean run accuracy on fresh test points (OUT "
                          "points are fresh draws for models trained on r n points); per-trial differences average 0" + where,
                          spec + " (d) [secondary; r n form derived]"),
      theory::Summarize(lemma), 0.0, size));
  claims.back().AddNote("mean mem-hat " + theory::Num(theory::Summarize(mean_mem).mean) + ", train accuracy " + theory::Num(theory::Summarize(train).mean) +
                        ", fresh-test accuracy " + theory::Num(theory::Summarize(test).mean) + "; the n - 1 form of the spec is the r -> 1 limit, not run");
  claims.push_back(theory::ExactClaim(
      theory::ClaimHeader("MLT-BAL.pooled",
                          "balanced-mask identity: mean_i mem-hat_i = pooled IN accuracy - pooled OUT accuracy, on every trial's real runs" + where,
                          spec + " (e) [derived]"),
      pooled_gap, 0.0, 1e-12));
  claims.back().AddNote(balanced ? "every trial's masks are point-balanced" : "masks not point-balanced: the identity holds only in expectation");
  claims.push_back(theory::ExactClaim(
      theory::ClaimHeader("MLT-BAL.run_mean",
                          "with equal run sizes as well: mean_i mem-hat_i = mean run train accuracy - mean run held-out accuracy" + where,
                          spec + " (e) [derived]")
          .Require(equal_runs || o.masks == MaskKind::kChoice, "run sizes differ (LiRA masks): the run-mean form is not claimed"),
      run_gap, 0.0, 1e-12));
  for (theory::Claim& c : claims)
    c.details = {{"singleton_points", singleton_points}, {"large_points", large_points}, {"max_point_se", max_se}, {"se_bound", se_bound},
                 {"max_pooled_gap", pooled_gap}, {"max_run_mean_gap", run_gap}, {"balanced", balanced}, {"equal_runs", equal_runs}};
  return claims;
}

sim::CsvTable DiscreteTailTable(const DiscreteTailResult& r) {
  sim::CsvTable table({"trial", "singletons", "singleton_mass", "doubletons", "doubleton_mass", "tripletons", "tripleton_mass", "memorizer_error",
                       "non_memorizer_error"});
  for (std::size_t k = 0; k < r.trials.size(); ++k) {
    const DiscreteTailTrial& t = r.trials[k];
    table.Add(static_cast<std::int64_t>(k));
    for (int l = 0; l < 3; ++l) table.Add(t.level_count[l]).Add(t.level_mass[l]);
    table.Add(t.memorizer_error).Add(t.non_memorizer_error);
    table.EndRow();
  }
  return table;
}

sim::CsvTable EstimatorLevelTable(const EstimatorResult& r) {
  const EstimatorOptions& o = r.options;
  const std::vector<double> f = theory::ZipfFrequencies(o.subpopulations, o.zipf_exponent);
  const double r_in = static_cast<double>(o.RunsIn()) / static_cast<double>(o.runs);
  // predicted_mem: (1 − 1/m)(1 − r)^{ℓ−1}, mem̂ when every other point of the subpopulation is OUT
  // (independent inclusion: an approximation for the cyclic design), else 0.
  sim::CsvTable table({"count", "points", "mean_mem", "se_mem", "predicted_mem", "tau_l", "n_tau_l", "chance_cost"});
  for (int l = 1; l <= kLevelBins; ++l) {
    std::vector<double> per_trial;
    std::int64_t points = 0;
    for (const EstimatorTrial& t : r.trials) {
      per_trial.push_back(t.level_mem[static_cast<std::size_t>(l - 1)]);
      points += t.level_points[static_cast<std::size_t>(l - 1)];
    }
    const theory::MeanSe m = SummariseFinite(per_trial);
    const double tau = theory::Tau(f, o.train_size, l);
    table.Add(static_cast<std::int64_t>(l)).Add(points).Add(m.mean).Add(m.se);
    table.Add((1.0 - 1.0 / o.classes) * std::pow(1.0 - r_in, l - 1)).Add(tau).Add(tau * static_cast<double>(o.train_size));
    table.Add(1.0 - 1.0 / o.classes);
    table.EndRow();
  }
  return table;
}

}  // namespace memgen::scenarios
