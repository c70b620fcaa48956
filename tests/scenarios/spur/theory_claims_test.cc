// Negative controls for the idealized-model claims (scenarios/spur/margins_experiment.h, scenarios/spur/dynamics_experiment.h):
// the correct runs pass; a closed form with v shifted by 0.1 fails SPUR-E2.closed_form, and a "shift"
// arm whose shift is zero (plain ERM) fails SPUR-E4.shift_wins (PAIRED-ORDER: the shift arm is ERM
// itself, so the paired difference is exactly 0 with SE 0, a deterministic tie and no ordering); ERM's
// trajectory read backwards in t fails SPUR-E3.converge, and a "clean" arm that is ERM on the noisy
// sample fails SPUR-E3.clean.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>

#include "support/claim_counts.h"

#include "scenarios/spur/dynamics_experiment.h"
#include "scenarios/spur/margins_experiment.h"

using namespace memgen;
using namespace memgen::theory;
using namespace memgen::scenarios;
using theory::Verdict;

namespace {

std::vector<MarginCellResult> Series(double v_offset, std::int64_t trials = 6) {
  std::vector<MarginCellResult> cells;
  for (double ns : {0.5, 1.0, 5.0}) {
    MarginCell c;
    c.n = 80;
    c.d_over_n = 20.0;
    c.n_over_s = ns;
    c.trials = trials;
    c.test_points = 500;
    c.v_planted_offset = v_offset;
    cells.push_back(RunMarginCell(c, 3, test::TwoThreads()));
  }
  return cells;
}

DynamicsOptions SmallDynamics() {
  DynamicsOptions o;
  o.n = 80;
  o.d = 1600;
  o.sigma_eps = std::sqrt(80.0 / 1.25 / 1600.0);  // n/s = 1.25
  o.max_power = 4;
  o.xrm_epochs = 300;
  o.trials = 4;
  return o;
}

}  // namespace

TEST_CASE("E2 claims pass on the idealized model at d = 20n", "[unit][stat]") {
  const auto claims = BuildMarginClaims(Series(0.0));
  CHECK(test::CountClaims(claims, "SPUR-E2", Verdict::kFail) == 0);
  CHECK(test::CountClaims(claims, "SPUR-E2.closed_form", Verdict::kPass) == 9);  // svm, interpolant, s_eff
  CHECK(test::CountClaims(claims, "SPUR-E2.phi", Verdict::kPass) == 3);
  CHECK(test::CountClaims(claims, "SPUR-E2.flip", Verdict::kPass) == 1);
}

TEST_CASE("negative control: a closed form with v off by 0.1 fails", "[unit][stat][control:SPUR-E2]") {
  // 20 trials: each (u, v) is judged with the t quantile of T - 1 degrees of freedom at the claims'
  // test size, which at 6 trials is too wide to see an offset of 0.1 beyond the tolerance 0.03.
  const auto claims = BuildMarginClaims(Series(0.1, 20));
  CHECK(test::CountClaims(claims, "SPUR-E2.closed_form", Verdict::kFail) == 9);
}

TEST_CASE("E3/E4 dynamics claims pass, and a zero shift does not beat ERM", "[unit][stat][control:SPUR-E4]") {
  DynamicsOptions o = SmallDynamics();
  const auto good = BuildDynamicsClaims(o, RunDynamics(o, 4, test::TwoThreads()));
  CHECK(test::CountClaims(good, "SPUR-E", Verdict::kFail) == 0);
  o.shift_scale = 0.0;
  const auto planted = BuildDynamicsClaims(o, RunDynamics(o, 4, test::TwoThreads()));
  CHECK(test::CountClaims(planted, "SPUR-E4.shift_wins", Verdict::kFail) == 1);
  CHECK(test::CountClaims(planted, "SPUR-E4.shift_wins", Verdict::kPass) == 0);
}

TEST_CASE("negative control: a trajectory read backwards in t and a noisy 'clean' arm fail the E3 claims",
          "[unit][stat][control:SPUR-E3]") {
  DynamicsOptions o = SmallDynamics();
  o.trials = 10;  // a monotone step is judged with the t quantile of T - 1 degrees of freedom
  const auto trials = RunDynamics(o, 4, test::TwoThreads());
  CHECK(test::CountClaims(BuildDynamicsClaims(o, trials), "SPUR-E3", Verdict::kPass) == 2);
  // Planted defect 1: ERM's read-outs indexed backwards in t (t = 10^max_power first), so its distance
  // to the max-margin direction grows along the recorded times instead of shrinking.
  auto backwards = trials;
  for (DynamicsTrial& t : backwards) std::reverse(t.points[kDynErm].begin(), t.points[kDynErm].end());
  CHECK(test::CountClaims(BuildDynamicsClaims(o, backwards), "SPUR-E3.converge", Verdict::kFail) == 1);
  // Planted defect 2: the "clean" arm is ERM on the noisy sample (sigma_eps = 0.2, not 0): it memorizes
  // the minority instead of heading to the core direction.
  auto noisy = trials;
  for (DynamicsTrial& t : noisy) t.points[kDynClean] = t.points[kDynErm];
  CHECK(test::CountClaims(BuildDynamicsClaims(o, noisy), "SPUR-E3.clean", Verdict::kFail) == 1);
}
