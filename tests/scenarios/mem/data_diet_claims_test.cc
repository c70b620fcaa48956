// Claims of scn_mem_data_diet (scenarios/mem/data_diet_experiment.h) at a small scale, and their
// negative controls:
//  - DD-NOISE: EL2N shuffled across points (GraNd not) finds no noisy label (AUROC about 0.5);
//  - DD-PRUNE: no offset, so the "window" is the hardest k itself (a deterministic tie), and random
//    pruning beats it;
//  - DD-CLEAN: pruning that keeps the easiest examples loses more than 1 % and loses to random;
//  - DD-GRAND: the norm without the bias coordinate breaks the identity; shuffled EL2N breaks its
//    rank correlation with GraNd;
//  - DD-ZERO: a "zero" initialisation of scale 0.01 is not degenerate;
//  - DD-MLP: EL2N of the MLP shuffled across points.
#include <catch2/catch.hpp>

#include "support/claim_counts.h"

#include "scenarios/mem/data_diet_experiment.h"

using namespace memgen;
using namespace memgen::scenarios;
using theory::Verdict;

namespace {

constexpr theory::TestSize kSize{1e-3};

DataDietOptions Small() {
  DataDietOptions o;
  o.train_size = 400;
  o.test_size = 1000;
  o.inits = 4;
  o.prune_fractions = {0.4};
  o.trials = 30;
  return o;
}

std::vector<theory::Claim> Claims(const DataDietOptions& o) { return BuildDataDietClaims(RunDataDiet(o, 17, test::TwoThreads()), kSize); }

}  // namespace

TEST_CASE("data diet: every claim passes at a small scale", "[unit]") {
  const auto claims = Claims(Small());
  CHECK(test::CountClaims(claims, "DD-NOISE", Verdict::kPass) == 2);
  CHECK(test::CountClaims(claims, "DD-PRUNE", Verdict::kPass) == 2);
  CHECK(test::CountClaims(claims, "DD-CLEAN.loss", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "DD-GRAND", Verdict::kPass) == 2);
  CHECK(test::CountClaims(claims, "DD-ZERO", Verdict::kPass) == 3);
}

TEST_CASE("data diet: EL2N shuffled across points finds no noise and loses the GraNd rank correlation",
          "[unit][control:DD-NOISE][control:DD-GRAND]") {
  DataDietOptions o = Small();
  o.planted_shuffle_scores = true;
  const auto claims = Claims(o);
  CHECK(test::CountClaims(claims, "DD-NOISE", Verdict::kFail) == 2);
  CHECK(test::CountClaims(claims, "DD-GRAND.spearman", Verdict::kFail) == 1);
}

TEST_CASE("data diet: the identity without the bias coordinate fails", "[unit][control:DD-GRAND][control:DD-ZERO]") {
  DataDietOptions o = Small();
  o.trials = 2;
  o.planted_norm_without_bias = true;
  const auto claims = Claims(o);
  CHECK(test::CountClaims(claims, "DD-GRAND.identity", Verdict::kFail) == 1);
  CHECK(test::CountClaims(claims, "DD-ZERO.grand", Verdict::kFail) == 1);
}

TEST_CASE("data diet: without an offset the window is the hardest k, and random pruning beats it", "[unit][control:DD-PRUNE]") {
  DataDietOptions o = Small();
  o.planted_no_offset = true;
  CHECK(test::CountClaims(Claims(o), "DD-PRUNE", Verdict::kFail) == 2);
}

TEST_CASE("data diet: pruning that keeps the easiest examples loses", "[unit][control:DD-CLEAN]") {
  DataDietOptions o = Small();
  o.planted_keep_easiest = true;
  const auto claims = Claims(o);
  CHECK(test::CountClaims(claims, "DD-CLEAN.loss", Verdict::kFail) == 1);
  CHECK(test::CountClaims(claims, "DD-CLEAN.random", Verdict::kFail) == 1);
}

TEST_CASE("data diet: a small random initialisation is not the zero initialisation", "[unit][control:DD-ZERO]") {
  DataDietOptions o = Small();
  o.trials = 2;
  o.planted_zero_init_sd = 0.01;
  CHECK(test::CountClaims(Claims(o), "DD-ZERO", Verdict::kFail) == 3);
}

namespace {

std::vector<theory::Claim> MlpClaims(bool shuffled) {
  DataDietOptions o = Small();
  MlpDietOptions m;
  m.trials = 12;
  m.planted_shuffle_scores = shuffled;
  return BuildMlpDietClaims(o, RunMlpDiet(o, m, 17, test::TwoThreads()), kSize);
}

}  // namespace

TEST_CASE("data diet on a small MLP: EL2N finds the mislabeled points and the offset window wins", "[unit]") {
  const auto claims = MlpClaims(false);
  CHECK(test::CountClaims(claims, "DD-MLP.auroc", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "DD-MLP.offset", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "DD-MLP", Verdict::kFail) == 0);
}

TEST_CASE("data diet on a small MLP: shuffled EL2N finds no mislabeled point", "[unit][control:DD-MLP]") {
  const auto claims = MlpClaims(true);
  CHECK(test::CountClaims(claims, "DD-MLP.auroc", Verdict::kFail) == 1);
  CHECK(test::CountClaims(claims, "DD-MLP.precision", Verdict::kFail) == 1);
}
