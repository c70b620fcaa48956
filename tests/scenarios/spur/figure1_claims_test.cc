// Negative controls for the Figure-1 claims (scenarios/spur/figure1_claims.h) at a reduced size
// (n = 300, D = 542, the reference's d/n; 10 trials, claims at the reduced-run test size): the correct
// pipeline passes; MAT with its shift reversed,
// MAT with an uncalibrated shift (C = I), XRM without the flip rule, a "clean" arm that has
// memorizable noise after all, and models that are barely trained must fail their claims; so must, on
// the trial data of the correct pipeline, a sigma_eps sweep read in reverse order (SPUR-E1.sweep) and
// memorization scores with their sign reversed (SPUR-E6.auroc).
#include <catch2/catch.hpp>

#include <algorithm>

#include "support/claim_counts.h"
#include "support/tolerances.h"

#include "scenarios/spur/figure1_claims.h"
#include "sim/spur/group_metrics.h"
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
  o.trials = 10;
  return o;
}

const theory::TestSize kSize{test::kReducedRunClaimRate};

std::vector<theory::Claim> Claims(const Figure1Options& o) {
  return BuildFigure1Claims(o, RunFigure1(o, 5, test::TwoThreads()), kSize);
}

// The correct pipeline's trials, run once and shared by the controls that plant a defect in its
// trial data.
const std::vector<Figure1Trial>& CorrectTrialData() {
  static const std::vector<Figure1Trial> trials = RunFigure1(Small(), 5, test::TwoThreads());
  return trials;
}

}  // namespace

TEST_CASE("Figure-1 claims pass for the correct pipeline", "[unit][stat]") {
  const auto claims = BuildFigure1Claims(Small(), CorrectTrialData(), kSize);
  CHECK(test::CountClaims(claims, "SPUR-", Verdict::kFail) == 0);
  CHECK(test::CountClaims(claims, "SPUR-E1.memorising", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "SPUR-E1.mat", Verdict::kPass) == 2);  // mat and mat_gain
  CHECK(test::CountClaims(claims, "SPUR-E5.xrm_recovery", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "SPUR-E6", Verdict::kPass) == 6);
}

TEST_CASE("negative control: MAT with its shift reversed loses the minority",
          "[unit][stat][control:SPUR-E1][control:SPUR-E5][control:SPUR-E6]") {
  Figure1Options o = Small();
  o.shift_sign = -1.0;
  const auto claims = Claims(o);
  CHECK(test::CountClaims(claims, "SPUR-E1.mat", Verdict::kFail) == 2);
  CHECK(test::CountClaims(claims, "SPUR-E5.shift", Verdict::kFail) == 2);
  CHECK(test::CountClaims(claims, "SPUR-E6.mat.influence", Verdict::kFail) == 1);  // the reversed shift memorizes more
}

TEST_CASE("negative control: an uncalibrated MAT shift sacrifices the majority",
          "[unit][stat][control:SPUR-E1][control:SPUR-E5]") {
  Figure1Options o = Small();
  o.calibrate = false;
  const auto claims = Claims(o);
  CHECK(test::CountClaims(claims, "SPUR-E1.mat", Verdict::kFail) >= 1);
  CHECK(test::CountClaims(claims, "SPUR-E5.calibration", Verdict::kFail) == 1);
}

TEST_CASE("negative control: XRM without the flip rule does not recover the minority",
          "[unit][stat][control:SPUR-E5]") {
  Figure1Options o = Small();
  o.flip = false;
  CHECK(test::CountClaims(Claims(o), "SPUR-E5.xrm_recovery", Verdict::kFail) == 1);
}

TEST_CASE("negative control: a clean arm with memorizable noise does not generalise",
          "[unit][stat][control:SPUR-E1][control:SPUR-E6]") {
  Figure1Options o = Small();
  o.clean_noise = 0.5;
  const auto claims = Claims(o);
  CHECK(test::CountClaims(claims, "SPUR-E1.clean", Verdict::kFail) == 1);
  CHECK(test::CountClaims(claims, "SPUR-E6.noise", Verdict::kFail) >= 1);  // no extra memorization left to show
}

TEST_CASE("negative control: barely trained models fit nothing", "[unit][stat][control:SPUR-E1]") {
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

TEST_CASE("negative control: a sigma_eps sweep read in reverse order fails the sweep claim",
          "[unit][stat][control:SPUR-E1]") {
  const Figure1Options o = Small();
  std::vector<Figure1Trial> trials = CorrectTrialData();
  CHECK(test::CountClaims(BuildFigure1Claims(o, trials, kSize), "SPUR-E1.sweep", Verdict::kPass) == 1);
  // Planted defect: ERM's minority accuracies stored against the sweep grid in reverse order (the
  // largest sigma_eps first), so the minority accuracy rises with sigma_eps.
  for (Figure1Trial& t : trials) std::reverse(t.sweep_val_minority.begin(), t.sweep_val_minority.end());
  CHECK(test::CountClaims(BuildFigure1Claims(o, trials, kSize), "SPUR-E1.sweep", Verdict::kFail) == 1);
}

TEST_CASE("negative control: memorization scores with their sign reversed fail the AUROC claims",
          "[unit][stat][control:SPUR-E6]") {
  const Figure1Options o = Small();
  std::vector<Figure1Trial> trials = CorrectTrialData();
  CHECK(test::CountClaims(BuildFigure1Claims(o, trials, kSize), "SPUR-E6.auroc", Verdict::kPass) == 2);
  // Planted defect: ERM's self-influence and held-in minus held-out scores with their sign reversed
  // (the least memorized point ranked first). With mid-ranks for ties AUROC(-s) = 1 - AUROC(s)
  // exactly; trial 0 keeps its per-point scores, so check the identity there first.
  const Figure1Trial& first = trials.front();
  Eigen::VectorXd influence(static_cast<Eigen::Index>(first.points.size()));
  Eigen::VectorXd heldout(influence.size());
  std::vector<char> minority(first.points.size());
  for (std::size_t i = 0; i < first.points.size(); ++i) {
    minority[i] = first.points[i][3] != 0.0 ? 1 : 0;
    influence(static_cast<Eigen::Index>(i)) = -first.points[i][5];  // influence_erm, reversed
    heldout(static_cast<Eigen::Index>(i)) = -first.points[i][8];    // heldout_erm, reversed
  }
  REQUIRE(sim::Auroc(influence, minority) == Approx(1.0 - first.scores[1].auroc_influence).margin(1e-12));
  REQUIRE(sim::Auroc(heldout, minority) == Approx(1.0 - first.scores[1].auroc_heldout).margin(1e-12));
  for (Figure1Trial& t : trials) {
    t.scores[1].auroc_influence = 1.0 - t.scores[1].auroc_influence;
    t.scores[1].auroc_heldout = 1.0 - t.scores[1].auroc_heldout;
  }
  const auto claims = BuildFigure1Claims(o, trials, kSize);
  CHECK(test::CountClaims(claims, "SPUR-E6.auroc.influence", Verdict::kFail) == 1);
  CHECK(test::CountClaims(claims, "SPUR-E6.auroc.heldout", Verdict::kFail) == 1);
}
