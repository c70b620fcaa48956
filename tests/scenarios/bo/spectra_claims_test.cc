// Negative controls for the benign-overfitting claims: a planted defect (a learner that is not the
// min-norm interpolant, a wrong variance formula, a learner whose variance grows) must turn the
// relevant claims to FAIL, while the correct computation passes. Fixed seeds; every statistical rule
// used has its false-failure rate stated in theory/verdict/verdict_rules.h.
#include <catch2/catch.hpp>

#include <algorithm>

#include "support/claim_counts.h"
#include <cmath>

#include "scenarios/bo/spectra_claims.h"
#include "scenarios/bo/isotropic_experiment.h"

using namespace memgen;
using namespace memgen::theory;
using namespace memgen::scenarios;
using theory::Verdict;

namespace {

IsotropicOptions SmallIsotropic() {
  IsotropicOptions o;
  o.oracle_n = {20};
  o.oracle_d_over_n = {2.0, 5.0};
  o.oracle_trials = 600;
  o.dd_n = 20;
  o.dd_d = {5, 10, 40, 80};
  o.dd_trials = 200;
  o.r0_n = {16, 36, 64};
  o.r0_trials = 200;
  o.wishart_n = 10;
  o.wishart_d = 200;
  o.wishart_trials = 400;
  o.rademacher_n = 10;
  o.rademacher_d = {30};
  o.rademacher_trials = 20;
  return o;
}

CurveOptions PowerCurve() {
  CurveOptions c;
  c.name = "p15";
  c.spectrum.kind = theory::SpectrumKind::kPowerLaw;
  c.spectrum.alpha = 1.5;
  c.spectrum.d = 4000;
  c.n = {50, 100, 200};
  c.mc_n = {50, 100, 200};
  c.trials = 20;
  c.checks = {"de_accuracy", "bllt_band", "harmful"};
  return c;
}

}  // namespace

TEST_CASE("isotropic oracle claims pass for the min-norm interpolant", "[unit][stat]") {
  const IsotropicResult r = RunIsotropic(SmallIsotropic(), 42, test::TwoThreads());
  CHECK(test::CountClaims(r.claims, "BO-E0", Verdict::kFail) == 0);
  CHECK(test::CountClaims(r.claims, "BO-E4c", Verdict::kFail) == 0);
  CHECK(test::CountClaims(r.claims, "BO-E0.V", Verdict::kPass) == 2);
}

TEST_CASE("negative control: a learner that is not the min-norm interpolant fails BO-E0", "[unit][stat]") {
  sim::ExactRiskOptions wrong;  // ridge λ = 0.05 passed off as ridgeless
  wrong.ridge = 0.05;
  const IsotropicResult r = RunIsotropic(SmallIsotropic(), 42, test::TwoThreads(), &wrong);
  CHECK(test::CountClaims(r.claims, "BO-E0.V", Verdict::kFail) == 2);
  CHECK(test::CountClaims(r.claims, "BO-E0.double_descent", Verdict::kFail) == 1);
}

TEST_CASE("DE accuracy passes with the right variance formula and fails with a wrong one", "[unit][stat]") {
  CurveResult curve = EvaluateCurve(PowerCurve(), 7, test::TwoThreads());
  const auto claims = BuildCurveClaims(curve);
  CHECK(test::CountClaims(claims, "BO-E1", Verdict::kFail) == 0);
  CHECK(test::CountClaims(claims, "BO-E1", Verdict::kPass) == 6);
  // Planted defect: V_DE = σ² df₂/n (the 1/(1 − df₂/n) inflation dropped).
  for (CurvePoint& p : curve.points) p.de.variance = curve.options.sigma2 * p.de.df2 / static_cast<double>(p.n);
  const auto wrong = BuildCurveClaims(curve);
  CHECK(test::CountClaims(wrong, "BO-E1.p15.n50.V", Verdict::kFail) == 1);
  CHECK(test::CountClaims(wrong, "BO-E1.p15.n200.V", Verdict::kFail) == 1);
}

TEST_CASE("negative control: a variance that grows with n fails the BLLT band and harmful trend", "[unit][stat]") {
  CurveResult curve = EvaluateCurve(PowerCurve(), 7, test::TwoThreads());
  CHECK(test::CountClaims(BuildCurveClaims(curve), "BO-E2", Verdict::kFail) == 0);
  CHECK(test::CountClaims(BuildCurveClaims(curve), "BO-E3", Verdict::kFail) == 0);
  for (CurvePoint& p : curve.points) {  // a defective learner: variance × n/50
    const double f = static_cast<double>(p.n) / 50.0;
    p.mc->variance.mean *= f;
    p.mc->variance.se *= f;
  }
  CHECK(test::CountClaims(BuildCurveClaims(curve), "BO-E2.p15.b1.mc.drift", Verdict::kFail) == 1);
  // And a decaying one (ridge λ = 0.05 in the harmful regime) fails the harmful-trend claim.
  CurveOptions ridge = PowerCurve();
  ridge.ridge = 0.05;
  ridge.mc_n.clear();
  ridge.n = {100, 400, 1600};
  ridge.checks = {"harmful"};
  const auto claims = BuildCurveClaims(EvaluateCurve(ridge, 7, test::TwoThreads()));
  CHECK(test::CountClaims(claims, "BO-E3.p15.de.trend", Verdict::kFail) == 1);
}
