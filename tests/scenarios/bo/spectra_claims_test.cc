// Negative controls for the benign-overfitting claims: a planted defect (a learner that is not the
// min-norm interpolant, a wrong variance formula, a learner whose variance grows) must turn the
// relevant claims to FAIL, while the correct computation passes. Fixed seeds; every statistical rule
// used has its false-failure rate stated in theory/verdict/verdict_rules.h.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

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

// The deterministic-equivalent curves of the BO-E4 and BO-E5 claims, as in
// scenarios/bo/configs/bo_spectra/smoke.toml (no Monte Carlo: every value has SE 0, so the rules
// compare the numbers themselves and a planted defect fails whatever the claims' test size).
CurveOptions DeCurve(const std::string& name, const std::vector<std::string>& checks) {
  CurveOptions c;
  c.name = name;
  c.n = {100, 400, 3200};
  c.mc_n.clear();
  c.checks = checks;
  c.target.kind = theory::TargetKind::kE1Whitened;
  return c;
}

CurveOptions BenignLogCurve() {  // logpow2_de: 1/(i ln^2(i+1)), alpha = 1, beta = 2
  CurveOptions c = DeCurve("logpow2", {"benign_log"});
  c.spectrum.kind = theory::SpectrumKind::kLogPower;
  c.spectrum.alpha = 1.0;
  c.spectrum.beta = 2.0;
  c.spectrum.d = 100000;
  c.spectrum.infinite = true;
  c.target.kind = theory::TargetKind::kE1;
  c.n = {100, 300, 1000, 3200};
  return c;
}

CurveOptions ExpFloorCurve(const std::string& name, double d_exponent, FloorRule floor,
                           const std::vector<std::string>& checks) {  // e^{-i} + eps, p = n^d_exponent
  CurveOptions c = DeCurve(name, checks);
  c.spectrum.kind = theory::SpectrumKind::kExpFloor;
  c.spectrum.tau = 1.0;
  c.spectrum.d = 10000;
  c.d_exponent = d_exponent;
  c.floor = floor;
  c.floor.enabled = true;
  return c;
}

// expfloor_nlog_de (benign, eps p = n/ln n, p = n^1.5), expfloor_quarter_de (eps p = n/4: the bias is
// stuck), expfloor_sqrt_de (benign, eps p = sqrt(n), p = n^2).
CurveOptions NlogCurve() { return ExpFloorCurve("nlog", 1.5, {true, 1.0, 1.0, 1.0}, {"exp_rate"}); }
CurveOptions QuarterCurve() { return ExpFloorCurve("quarter", 2.0, {true, 0.25, 1.0, 0.0}, {"bias_stuck"}); }
CurveOptions SqrtCurve() {
  return ExpFloorCurve("sqrt", 2.0, {true, 1.0, 0.5, 0.0}, {"exp_rate", "bias_upper", "tb_bias_band"});
}

// A defective learner: its variance, or its bias, times (n/n₀)^power along the curve.
void ScaleVariance(CurveResult* curve, double power) {
  for (CurvePoint& p : curve->points) p.de.variance *= std::pow(static_cast<double>(p.n) / 100.0, power);
}
void ScaleBias(CurveResult* curve, double power) {
  for (CurvePoint& p : curve->points) p.de.bias *= std::pow(static_cast<double>(p.n) / 100.0, power);
}

}  // namespace

TEST_CASE("isotropic oracle claims pass for the min-norm interpolant", "[unit][stat]") {
  const IsotropicResult r = RunIsotropic(SmallIsotropic(), 42, test::TwoThreads());
  CHECK(test::CountClaims(r.claims, "BO-E0", Verdict::kFail) == 0);
  CHECK(test::CountClaims(r.claims, "BO-E4c", Verdict::kFail) == 0);
  CHECK(test::CountClaims(r.claims, "BO-E0.V", Verdict::kPass) == 2);
}

TEST_CASE("negative control: a learner that is not the min-norm interpolant fails BO-E0",
          "[unit][stat][control:BO-E0]") {
  sim::ExactRiskOptions wrong;  // ridge λ = 0.05 passed off as ridgeless
  wrong.ridge = 0.05;
  const IsotropicResult r = RunIsotropic(SmallIsotropic(), 42, test::TwoThreads(), &wrong);
  CHECK(test::CountClaims(r.claims, "BO-E0.V", Verdict::kFail) == 2);
  CHECK(test::CountClaims(r.claims, "BO-E0.double_descent", Verdict::kFail) == 1);
}

TEST_CASE("DE accuracy passes with the right variance formula and fails with a wrong one",
          "[unit][stat][control:BO-E1]") {
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

TEST_CASE("negative control: a variance that grows with n fails the BLLT band and harmful trend",
          "[unit][stat][control:BO-E2][control:BO-E3]") {
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

TEST_CASE("benign-log, exponential-floor and bias-upper claims pass on the deterministic equivalent",
          "[unit]") {
  for (const CurveOptions& c : {BenignLogCurve(), NlogCurve(), QuarterCurve(), SqrtCurve()}) {
    const auto claims = BuildCurveClaims(EvaluateCurve(c, 7, test::TwoThreads()));
    INFO(c.name);
    CHECK(test::CountClaims(claims, "BO-E", Verdict::kFail) == 0);
    CHECK(test::CountClaims(claims, "BO-E", Verdict::kPass) == static_cast<int>(claims.size()));
  }
}

TEST_CASE("negative control: a variance that grows with n fails the benign-log claims",
          "[unit][control:BO-E4a]") {
  // Planted defect: a learner whose variance grows like n (V_DE × n/100) on the benign 1/(i ln^2 i)
  // spectrum, where V must fall like 1/ln n.
  CurveResult curve = EvaluateCurve(BenignLogCurve(), 7, test::TwoThreads());
  ScaleVariance(&curve, 1.0);
  const auto claims = BuildCurveClaims(curve);
  CHECK(test::CountClaims(claims, "BO-E4a.logpow2.de.decreasing", Verdict::kFail) == 1);
  CHECK(test::CountClaims(claims, "BO-E4a.logpow2.de.log_rate", Verdict::kFail) == 1);
}

TEST_CASE("negative control: a risk that grows and a bias that decays fail the exponential-floor claims",
          "[unit][control:BO-E4b]") {
  // Planted defect 1: a learner whose bias and variance grow like n on a benign floor (eps p = n/ln n):
  // R n / [(eps p + 1) + ln(n/eps p) + max(1, n^2/p)] grows instead of staying bounded.
  CurveResult rate = EvaluateCurve(NlogCurve(), 7, test::TwoThreads());
  ScaleBias(&rate, 1.0);
  ScaleVariance(&rate, 1.0);
  CHECK(test::CountClaims(BuildCurveClaims(rate), "BO-E4b.nlog.de.rate", Verdict::kFail) == 1);
  // Planted defect 2: a bias that decays like 1/n where eps p = n/4 must keep it stuck.
  CurveResult stuck = EvaluateCurve(QuarterCurve(), 7, test::TwoThreads());
  ScaleBias(&stuck, -1.0);
  CHECK(test::CountClaims(BuildCurveClaims(stuck), "BO-E4b.quarter.de.bias_stuck", Verdict::kFail) == 1);
}

TEST_CASE("negative control: a bias that grows with n fails the BLLT upper bound and the TB band",
          "[unit][control:BO-E5]") {
  // Planted defect: the bias B_DE × n/100 on the benign floor eps p = sqrt(n): the ratio to the BLLT
  // upper bound grows, and B / B_TB(k*) drifts out of its band for both b.
  CurveResult curve = EvaluateCurve(SqrtCurve(), 7, test::TwoThreads());
  ScaleBias(&curve, 1.0);
  const auto claims = BuildCurveClaims(curve);
  CHECK(test::CountClaims(claims, "BO-E5.sqrt.de.bllt_upper", Verdict::kFail) == 1);
  CHECK(test::CountClaims(claims, "BO-E5.sqrt.tb.b1.de.drift", Verdict::kFail) == 1);
  CHECK(test::CountClaims(claims, "BO-E5.sqrt.tb.b4.de.drift", Verdict::kFail) == 1);
}

TEST_CASE("negative control: a ridge learner passed off as ridgeless fails the r0 condition",
          "[unit][stat][control:BO-E4c]") {
  // Planted defect: ridge with normalised lambda = 5 (A = XX' + 5n I, comparable to XX' ~ d I at
  // d = n^1.5) instead of the min-norm interpolant: it shrinks towards 0, so its bias exceeds
  // |th|^2 (1 - n/d) and |th|^2 - B no longer decays like n^-1/2.
  sim::ExactRiskOptions wrong;
  wrong.ridge = 5.0;
  const IsotropicResult r = RunIsotropic(SmallIsotropic(), 42, test::TwoThreads(), &wrong);
  CHECK(test::CountClaims(r.claims, "BO-E4c.B", Verdict::kFail) == 3);
  CHECK(test::CountClaims(r.claims, "BO-E4c.not_benign", Verdict::kFail) == 1);
}
