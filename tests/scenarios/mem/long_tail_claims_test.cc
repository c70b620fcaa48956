// Claims of scn_mem_long_tail (scenarios/mem/long_tail_experiment.h) at a small scale, and their
// negative controls:
//  - MLT-TAU: comparing the level-ℓ mean frequency with τ_{ℓ+1} fails;
//  - MLT-COST: a non-memorizer that also guesses on doubletons costs more than the singleton mass;
//  - MLT-ZIPF: the spec's figures recomputed at s_Z = 1.2 are not the printed ones;
//  - MLT-EST, MLT-LEMMA: IN and OUT swapped in the estimator (mem̂ → −mem̂);
//  - MLT-BAL: Feldman's rng.choice masks (not point-balanced) miss the 1e-12 identity.
#include <catch2/catch.hpp>

#include "support/claim_counts.h"

#include "scenarios/mem/long_tail_experiment.h"

using namespace memgen;
using namespace memgen::scenarios;
using theory::Verdict;

namespace {

constexpr theory::TestSize kSize{1e-3};

DiscreteTailOptions SmallDiscrete() {
  DiscreteTailOptions o;
  o.domain_size = 2000;
  o.samples = 2000;
  o.trials = 100;
  return o;
}

EstimatorOptions SmallEstimator() {
  EstimatorOptions o;
  o.subpopulations = 600;
  o.train_size = 300;
  o.test_size = 200;
  o.runs = 100;
  o.large_count = 10;
  o.trials = 6;
  return o;
}

std::vector<theory::Claim> Discrete(const DiscreteTailOptions& o) { return BuildDiscreteTailClaims(RunDiscreteTail(o, 11, test::TwoThreads()), kSize); }
std::vector<theory::Claim> Estimator(const EstimatorOptions& o) { return BuildEstimatorClaims(RunEstimator(o, 11, test::TwoThreads()), kSize); }

TEST_CASE("long-tail model: the tau identity at l = 1, 2, 3 and the cost of not memorizing", "[unit]") {
  const auto claims = Discrete(SmallDiscrete());
  CHECK(test::CountClaims(claims, "MLT-TAU", Verdict::kPass) == 3);
  CHECK(test::CountClaims(claims, "MLT-COST", Verdict::kPass) == 2);
}

TEST_CASE("the spec's Zipf figures at N = n = 50,000 hold to their printed digits", "[unit]") {
  CHECK(test::CountClaims(BuildZipfFigureClaims(), "MLT-ZIPF", Verdict::kPass) == 4);
}

TEST_CASE("estimator: singletons near 1 - 1/m, large subpopulations near 0, Lemma 4.2, identities", "[unit]") {
  const auto claims = Estimator(SmallEstimator());
  CHECK(test::CountClaims(claims, "MLT-EST", Verdict::kPass) == 2);
  CHECK(test::CountClaims(claims, "MLT-LEMMA", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "MLT-BAL", Verdict::kPass) == 2);
}

TEST_CASE("LiRA masks: the pooled identity holds, the run-mean form is not claimed", "[unit]") {
  EstimatorOptions o = SmallEstimator();
  o.masks = MaskKind::kLira;
  const auto claims = Estimator(o);
  CHECK(test::CountClaims(claims, "MLT-BAL.pooled", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "MLT-BAL.run_mean", Verdict::kPass) == 0);
}

TEST_CASE("negative control: level l compared with tau_(l+1)", "[unit][control:MLT-TAU]") {
  DiscreteTailOptions o = SmallDiscrete();
  o.planted_tau_offset = 1;
  CHECK(test::CountClaims(Discrete(o), "MLT-TAU", Verdict::kFail) == 3);
}

TEST_CASE("negative control: the non-memorizer also guesses on doubletons", "[unit][control:MLT-COST]") {
  DiscreteTailOptions o = SmallDiscrete();
  o.guess_below = 3;
  CHECK(test::CountClaims(Discrete(o), "MLT-COST", Verdict::kFail) == 2);
}

TEST_CASE("negative control: the figures at s_Z = 1.2", "[unit][control:MLT-ZIPF]") {
  CHECK(test::CountClaims(BuildZipfFigureClaims(1.2), "MLT-ZIPF", Verdict::kFail) >= 3);
}

TEST_CASE("negative control: IN and OUT swapped in the estimator", "[unit][control:MLT-EST][control:MLT-LEMMA]") {
  EstimatorOptions o = SmallEstimator();
  o.planted_swap = true;
  const auto claims = Estimator(o);
  CHECK(test::CountClaims(claims, "MLT-EST.singletons", Verdict::kFail) == 1);
  CHECK(test::CountClaims(claims, "MLT-LEMMA", Verdict::kFail) == 1);
}

TEST_CASE("negative control: Feldman's rng.choice masks are not point-balanced", "[unit][control:MLT-BAL]") {
  EstimatorOptions o = SmallEstimator();
  o.masks = MaskKind::kChoice;
  CHECK(test::CountClaims(Estimator(o), "MLT-BAL", Verdict::kFail) == 2);
}

}  // namespace
