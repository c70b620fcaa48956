// Negative controls for the Figure-1 claims (scenarios/spur/figure1_claims.h) at a reduced size
// (n = 300, D = 542, the reference's d/n): the correct pipeline passes; MAT with its shift reversed,
// MAT with an uncalibrated shift (C = I), XRM without the flip rule, a "clean" arm that has
// memorizable noise after all, and models that are barely trained must fail their claims.
#include <catch2/catch.hpp>

#include "support/claim_counts.h"

#include "scenarios/spur/figure1_claims.h"
#include "sim/core/config_error.h"

using namespace memgen;
using namespace memgen::theory;
using namespace memgen::scenarios;
using theory::Verdict;

namespace {

Figure1Options Small() {
  Figure1Options o;
  o.n = 300;
  o.d = 540;
  o.sweep_noise = {0.1, 0.5, 1.0};
  o.trials = 4;
  return o;
}

std::vector<theory::Claim> Claims(const Figure1Options& o) {
  return BuildFigure1Claims(o, RunFigure1(o, 5, test::TwoThreads()));
}

}  // namespace

TEST_CASE("Figure-1 claims pass for the correct pipeline", "[unit][stat]") {
  const auto claims = Claims(Small());
  CHECK(test::CountClaims(claims, "SPUR-", Verdict::kFail) == 0);
  CHECK(test::CountClaims(claims, "SPUR-E1.memorising", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "SPUR-E1.mat", Verdict::kPass) == 2);  // mat and mat_gain
  CHECK(test::CountClaims(claims, "SPUR-E5.xrm_recovery", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "SPUR-E6", Verdict::kPass) == 6);
}

TEST_CASE("negative control: MAT with its shift reversed loses the minority", "[unit][stat]") {
  Figure1Options o = Small();
  o.shift_sign = -1.0;
  const auto claims = Claims(o);
  CHECK(test::CountClaims(claims, "SPUR-E1.mat", Verdict::kFail) == 2);
  CHECK(test::CountClaims(claims, "SPUR-E5.shift", Verdict::kFail) == 2);
  CHECK(test::CountClaims(claims, "SPUR-E6.mat.influence", Verdict::kFail) == 1);  // the reversed shift memorizes more
}

TEST_CASE("negative control: an uncalibrated MAT shift sacrifices the majority", "[unit][stat]") {
  Figure1Options o = Small();
  o.calibrate = false;
  const auto claims = Claims(o);
  CHECK(test::CountClaims(claims, "SPUR-E1.mat", Verdict::kFail) >= 1);
  CHECK(test::CountClaims(claims, "SPUR-E5.calibration", Verdict::kFail) == 1);
}

TEST_CASE("negative control: XRM without the flip rule does not recover the minority", "[unit][stat]") {
  Figure1Options o = Small();
  o.flip = false;
  CHECK(test::CountClaims(Claims(o), "SPUR-E5.xrm_recovery", Verdict::kFail) == 1);
}

TEST_CASE("negative control: a clean arm with memorizable noise does not generalise", "[unit][stat]") {
  Figure1Options o = Small();
  o.clean_noise = 0.5;
  const auto claims = Claims(o);
  CHECK(test::CountClaims(claims, "SPUR-E1.clean", Verdict::kFail) == 1);
  CHECK(test::CountClaims(claims, "SPUR-E6.noise", Verdict::kFail) >= 1);  // no extra memorization left to show
}

TEST_CASE("negative control: barely trained models fit nothing", "[unit][stat]") {
  Figure1Options o = Small();
  o.learning_rate = 1e-7;
  o.clean_learning_rate = 1e-7;
  o.epochs = 20;
  CHECK(test::CountClaims(Claims(o), "SPUR-E1.train_fit", Verdict::kFail) == 3);
}

TEST_CASE("Figure-1 options name the offending key under its table's path", "[unit]") {
  Figure1Options o = Small();
  CHECK_NOTHROW(o.Validate(""));
  o.n = 5;
  CHECK_THROWS_WITH(o.Validate("figure1"), Catch::Matchers::Contains("figure1.n"));
  CHECK_THROWS_AS(o.Validate(""), ConfigError);
}
