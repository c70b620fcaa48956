// Claims of scn_mem_unlearning (scenarios/mem/langevin_chains_experiment.h,
// scenarios/mem/unlearning_points_experiment.h) at a small scale, and their negative controls:
//  - UNL-GAUSS: chains with 1.05 times the noise (covariance 10 % high); forward chains on S∖i (mean off);
//  - UNL-RENYI: the equal-covariance shortcut taken as the closed form;
//  - UNL-UNLEARN: unlearning steps on S instead of S∖i; the rate from λ_max(H') instead of λ_min;
//  - UNL-RANK: the privacy loss negated (its ranks reversed);
//  - UNL-GROUP: the outlier and clean labels swapped;
//  - UNL-LOGIT (the logistic model): the privacy score negated; the outlier and clean labels swapped.
#include <catch2/catch.hpp>

#include "support/claim_counts.h"

#include "scenarios/mem/langevin_chains_experiment.h"
#include "scenarios/mem/logistic_unlearning_experiment.h"
#include "scenarios/mem/unlearning_points_experiment.h"

using namespace memgen;
using namespace memgen::scenarios;
using theory::Verdict;

namespace {

constexpr theory::TestSize kSize{1e-3};

LangevinChainOptions SmallChains() {
  LangevinChainOptions o;
  o.chains = 1000;
  o.renyi_samples = 5000;
  o.trials = 20;
  return o;
}

UnlearningPointOptions SmallPoints() {
  UnlearningPointOptions o;
  o.trials = 100;
  return o;
}

LogisticUnlearningOptions SmallLogistic() {
  LogisticUnlearningOptions o;
  o.sample.examples = 100;
  o.sample.repeated = 3;
  o.probes = 4;
  o.trials = 12;
  return o;
}

std::vector<theory::Claim> Logistic(const LogisticUnlearningOptions& o) {
  return BuildLogisticUnlearningClaims(RunLogisticUnlearning(o, 29, test::TwoThreads()), kSize);
}
std::vector<theory::Claim> Chains(const LangevinChainOptions& o) { return BuildLangevinChainClaims(RunLangevinChains(o, 29, test::TwoThreads()), kSize); }
std::vector<theory::Claim> Points(const UnlearningPointOptions& o) { return BuildUnlearningPointClaims(RunUnlearningPoints(o, 29, test::TwoThreads()), kSize); }

}  // namespace

TEST_CASE("unlearning: the exact ridge-Langevin model matches its chains", "[unit]") {
  const auto claims = Chains(SmallChains());
  CHECK(test::CountClaims(claims, "UNL-GAUSS", Verdict::kPass) == 3);
  CHECK(test::CountClaims(claims, "UNL-RENYI", Verdict::kPass) == 2);
  CHECK(test::CountClaims(claims, "UNL-UNLEARN", Verdict::kPass) == 2);
}

TEST_CASE("unlearning: chains with too much noise or without the target miss the Gaussian iterates", "[unit][control:UNL-GAUSS]") {
  LangevinChainOptions o = SmallChains();
  o.planted_noise_scale = 1.05;
  CHECK(test::CountClaims(Chains(o), "UNL-GAUSS.cov", Verdict::kFail) == 1);
  o = SmallChains();
  o.planted_forward_without_target = true;
  CHECK(test::CountClaims(Chains(o), "UNL-GAUSS.mean", Verdict::kFail) == 1);
}

TEST_CASE("unlearning: the equal-covariance shortcut is not the divergence of a removal", "[unit][control:UNL-RENYI]") {
  LangevinChainOptions o = SmallChains();
  o.planted_shortcut = true;
  CHECK(test::CountClaims(Chains(o), "UNL-RENYI.closed_form", Verdict::kFail) == 1);
}

TEST_CASE("unlearning: steps on S do not unlearn, and lambda_max is not the rate", "[unit][control:UNL-UNLEARN]") {
  LangevinChainOptions o = SmallChains();
  o.planted_unlearn_on_full = true;
  o.planted_rate_lambda_max = true;
  const auto claims = Chains(o);
  CHECK(test::CountClaims(claims, "UNL-UNLEARN.mean", Verdict::kFail) == 1);
  CHECK(test::CountClaims(claims, "UNL-UNLEARN.rate", Verdict::kFail) == 1);
}

TEST_CASE("unlearning: privacy loss ranks unlearning steps, and outliers and mislabeled points lose more privacy", "[unit]") {
  const auto claims = Points(SmallPoints());
  CHECK(test::CountClaims(claims, "UNL-RANK.exact", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "UNL-RANK.privacy", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "UNL-RANK", Verdict::kFail) == 0);
  CHECK(test::CountClaims(claims, "UNL-GROUP.outlier", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "UNL-GROUP.noisy", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "UNL-GROUP.repeated", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "UNL-GROUP.essay", Verdict::kRefuted) == 2);
}

TEST_CASE("unlearning: a negated privacy loss ranks the steps backwards", "[unit][control:UNL-RANK]") {
  UnlearningPointOptions o = SmallPoints();
  o.planted_negate_privacy = true;
  const auto claims = Points(o);
  CHECK(test::CountClaims(claims, "UNL-RANK.exact", Verdict::kFail) == 1);
  CHECK(test::CountClaims(claims, "UNL-RANK.privacy", Verdict::kFail) == 1);
}

TEST_CASE("unlearning: swapped outlier and clean labels reverse the group orderings", "[unit][control:UNL-GROUP]") {
  UnlearningPointOptions o = SmallPoints();
  o.planted_swap_groups = true;
  const auto claims = Points(o);
  CHECK(test::CountClaims(claims, "UNL-GROUP.outlier", Verdict::kFail) == 1);
  CHECK(test::CountClaims(claims, "UNL-GROUP.essay_outlier", Verdict::kFail) == 1);  // the refuted reading now holds
}

TEST_CASE("unlearning, logistic: the privacy score ranks the unlearning steps and the groups", "[unit]") {
  const auto claims = Logistic(SmallLogistic());
  CHECK(test::CountClaims(claims, "UNL-LOGIT.privacy", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "UNL-LOGIT.lira", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "UNL-LOGIT.outlier", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "UNL-LOGIT.noisy", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "UNL-LOGIT", Verdict::kFail) == 0);
}

TEST_CASE("unlearning, logistic: a negated score and swapped groups fail", "[unit][control:UNL-LOGIT]") {
  LogisticUnlearningOptions o = SmallLogistic();
  o.planted_negate_score = true;
  const auto negated = Logistic(o);
  CHECK(test::CountClaims(negated, "UNL-LOGIT.privacy", Verdict::kFail) == 1);
  CHECK(test::CountClaims(negated, "UNL-LOGIT.lira", Verdict::kFail) == 1);
  o = SmallLogistic();
  o.planted_swap_groups = true;
  CHECK(test::CountClaims(Logistic(o), "UNL-LOGIT.outlier", Verdict::kFail) == 1);
}
