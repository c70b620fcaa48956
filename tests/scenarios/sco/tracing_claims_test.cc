// Negative controls for the SCO claims: planted defects (a wrong prior scale in the fingerprint
// identity, a tracer threshold below Hoeffding's, a DP learner with too little noise, a wrong CSL
// excess formula, a reversed membership decoder, a gap summed instead of averaged) must turn the
// relevant claims to FAIL, while the correct run passes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "support/claim_counts.h"

#include "scenarios/sco/tracing_claims.h"
#include "scenarios/sco/cube_experiment.h"
#include "scenarios/sco/fingerprint_experiment.h"

using namespace memgen;
using namespace memgen::theory;
using namespace memgen::scenarios;
using theory::Verdict;

namespace {

ScoCellOptions SmallCell() {
  ScoCellOptions c;
  c.name = "t";
  c.eps = 0.2;
  c.n = 25;
  c.d = 25000;
  c.xi = 0.05;
  c.trials = 300;
  sim::ScoLearnerOptions erm, dp;
  erm.name = "erm";
  dp.kind = sim::ScoLearnerKind::kDpMean;
  dp.name = "dp";
  c.learners = {erm, dp};
  return c;
}

}  // namespace

TEST_CASE("SCO claims pass on the correct experiment", "[unit][stat]") {
  const ScoCellOptions cell = SmallCell();
  const auto claims = BuildScoCellClaims(SummarizeScoCell(cell, RunScoCell(cell, 5, test::TwoThreads())));
  CHECK(test::CountClaims(claims, "SCO-E0", Verdict::kFail) == 0);
  CHECK(test::CountClaims(claims, "SCO-E1", Verdict::kFail) == 0);
  CHECK(test::CountClaims(claims, "SCO-E5.cap", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "SCO-E5.power", Verdict::kPass) == 1);  // the non-private ERM breaks the cap
  CHECK(test::CountClaims(claims, "SCO-E1.recall.t.erm", Verdict::kPass) == 1);
}

TEST_CASE("negative control: the fingerprint identity with the wrong prior scale fails",
          "[unit][stat][control:SCO-E0]") {
  ScoCellOptions cell = SmallCell();
  const auto trials = RunScoCell(cell, 5, test::TwoThreads());
  cell.beta = 2.0 * cell.PriorBeta();  // the identity evaluated with 2β instead of β
  CHECK(test::CountClaims(BuildScoCellClaims(SummarizeScoCell(cell, trials)), "SCO-E0.F5.t.erm", Verdict::kFail) == 1);
}

TEST_CASE("a simulated-null threshold flags fresh points at exactly k/(K+1)", "[unit][stat]") {
  ScoCellOptions cell = SmallCell();
  cell.null_draws = 500;
  cell.trials = 100;
  const auto claims = BuildScoCellClaims(SummarizeScoCell(cell, RunScoCell(cell, 5, test::TwoThreads())));
  CHECK(test::CountClaims(claims, "SCO-E1.simulated.t.erm", Verdict::kPass) == 1);
}

TEST_CASE("negative control: a threshold below Hoeffding's breaks soundness", "[unit][stat][control:SCO-E1]") {
  ScoCellOptions cell = SmallCell();
  cell.null_draws = 500;
  cell.threshold_scale = 0.3;
  const auto claims = BuildScoCellClaims(SummarizeScoCell(cell, RunScoCell(cell, 5, test::TwoThreads())));
  CHECK(test::CountClaims(claims, "SCO-E1.sound_fw.t.erm", Verdict::kFail) == 1);
  CHECK(test::CountClaims(claims, "SCO-E1.sound_pp.t.erm", Verdict::kFail) == 1);
  CHECK(test::CountClaims(claims, "SCO-E1.calibrated.t.erm", Verdict::kFail) == 1);
  CHECK(test::CountClaims(claims, "SCO-E1.simulated.t.erm", Verdict::kFail) == 1);
  CHECK(test::CountClaims(claims, "SCO-E1.sound_bern.t.erm", Verdict::kFail) == 1);
}

TEST_CASE("negative control: a 'DP' learner with 1% of the calibrated noise breaks the DP cap",
          "[unit][stat][control:SCO-E5]") {
  ScoCellOptions cell = SmallCell();
  cell.dp_sigma_scale = 0.01;
  const auto claims = BuildScoCellClaims(SummarizeScoCell(cell, RunScoCell(cell, 5, test::TwoThreads())));
  CHECK(test::CountClaims(claims, "SCO-E5.cap.t.dp", Verdict::kFail) == 1);
}

TEST_CASE("negative control: a wrong CSL excess formula fails the identity", "[unit][stat][control:SCO-E0]") {
  ScoCellOptions cell = SmallCell();
  sim::ScoLearnerOptions csl;
  csl.kind = sim::ScoLearnerKind::kCslErm;
  csl.name = "csl";
  cell.learners = {csl};
  cell.beta = 12.5;
  ScoCellResult result = SummarizeScoCell(cell, RunScoCell(cell, 5, test::TwoThreads()));
  CHECK(test::CountClaims(BuildScoCellClaims(result), "SCO-E0.csl", Verdict::kPass) == 1);
  // Planted defect: the formula (1 − ‖µ‖²)/n instead of /(2n) shifts every discrepancy by −ε_csl.
  result.learners[0].csl_gap.mean -= result.eps_csl;
  CHECK(test::CountClaims(BuildScoCellClaims(result), "SCO-E0.csl", Verdict::kFail) == 1);
}

TEST_CASE("cube: sound, traced below the threshold, DP capped, a 'DP' learner with 1% noise is not",
          "[unit][stat][control:SCO-E4]") {
  CubeCellOptions cube;
  cube.name = "c";
  cube.alpha0 = 0.1;
  cube.n = 200;
  cube.d = 40000;
  cube.xi = 0.01;
  cube.trials = 40;
  cube.sigmas = {0.0, 1.0};
  const auto claims = BuildCubeClaims(RunCubeCell(cube, 3, test::TwoThreads()));
  CHECK(test::CountClaims(claims, "SCO-E4.sound", Verdict::kFail) == 0);
  CHECK(test::CountClaims(claims, "SCO-E4.below.c", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "SCO-E4.dp_cap.c", Verdict::kPass) == 1);
  cube.dp_sigma_scale = 0.01;  // planted defect: the noise of a mechanism with 100x the privacy loss
  const auto wrong = BuildCubeClaims(RunCubeCell(cube, 3, test::TwoThreads()));
  CHECK(test::CountClaims(wrong, "SCO-E4.dp_cap.c", Verdict::kFail) == 1);
}

TEST_CASE("scalar fingerprint identities hold, a wrong g' for the majority fails F1", "[unit][stat][control:SCO-E0]") {
  FingerprintMcOptions o;
  o.n = {11};
  o.p = {0.3};
  o.beta = {2.0};
  o.runs = 20000;
  const auto good = RunFingerprintMc(o, 9, test::TwoThreads());
  CHECK(test::CountClaims(good.claims, "SCO-E0.F", Verdict::kFail) == 0);
  CHECK(test::CountClaims(good.claims, "SCO-E0.F", Verdict::kPass) == 2 + 3 + 3);
  o.wrong_majority_derivative = true;  // planted defect: g' = 1 (the mean's) used for the majority
  const auto bad = RunFingerprintMc(o, 9, test::TwoThreads());
  CHECK(test::CountClaims(bad.claims, "SCO-E0.F1.n11.p0.3.majority", Verdict::kFail) == 1);
  CHECK(test::CountClaims(bad.claims, "SCO-E0.F1.n11.p0.3.mean", Verdict::kPass) == 1);
}

TEST_CASE("Thm 4.5 across eps holds for ERM, a tracer with a 50x threshold recalls nothing and fails",
          "[unit][stat][control:SCO-E1]") {
  std::vector<ScoCellResult> good, blind;
  for (double eps : {0.3, 0.25, 0.2}) {
    ScoCellOptions cell = SmallCell();
    cell.eps = eps;
    cell.n = static_cast<std::int64_t>(std::ceil(1.0 / (eps * eps)));
    cell.d = 20000;
    cell.trials = 60;
    cell.name = "e" + std::to_string(eps);
    cell.learners.resize(1);  // ERM only
    good.push_back(SummarizeScoCell(cell, RunScoCell(cell, 5, test::TwoThreads())));
    cell.threshold_scale = 50.0;  // planted defect
    blind.push_back(SummarizeScoCell(cell, RunScoCell(cell, 5, test::TwoThreads())));
  }
  CHECK(test::CountClaims(BuildScoScalingClaims(good), "SCO-E1.m_third.erm", Verdict::kPass) == 1);
  CHECK(test::CountClaims(BuildScoScalingClaims(blind), "SCO-E1.m_third.erm", Verdict::kFail) == 1);
}

TEST_CASE("the figures' predictions are tables: the DP cap curve per DP learner, Hoeffding levels per threshold",
          "[unit]") {
  ScoCellResult r;
  r.cell = SmallCell();
  for (const sim::ScoLearnerOptions& lo : r.cell.learners) {
    ScoLearnerSummary s;
    s.learner = lo.name;
    s.kind = lo.kind;
    r.learners.push_back(s);
  }
  const sim::CsvTable cap = ScoDpCapTable({r});
  CHECK(cap.rows() == 50);  // the one DP learner, 50 values of xi
  CHECK(cap.columns().back() == "cap");
  CHECK(cap.ToCsv().find("\nt,dp,") != std::string::npos);
  const sim::CsvTable grid = ScoGridTable({r});
  CHECK(grid.rows() == 2 * kDpGrid);
  CHECK(grid.columns().back() == "hoeffding_level");
  CHECK(ScoCellTable({r}).columns().back() == "snz_projection_dim");
}

TEST_CASE("negative control: a reversed membership decoder and a summed gap fail the vacuity claims",
          "[unit][stat][control:SCO-E2]") {
  ScoCellOptions cell = SmallCell();
  cell.learners.resize(1);  // ERM: an accurate CLB learner on the whole sample
  const auto trials = RunScoCell(cell, 5, test::TwoThreads());
  const auto claims = BuildScoCellClaims(SummarizeScoCell(cell, trials));
  CHECK(test::CountClaims(claims, "SCO-E2.vacuous.t.erm", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "SCO-E2.gap.t.erm", Verdict::kPass) == 1);
  // Planted defect 1: the membership decoder with its decision reversed (it calls the fresh point the
  // member), so every trial decodes all n bits wrong; Fano at an error rate >= 1/2 gives CMI >= 0
  // only, and the bound sqrt(8 CMI/n) is 0 instead of Theta(1).
  auto reversed = trials;
  for (ScoTrial& t : reversed) t.learners[0].decode_errors = cell.n - t.learners[0].decode_errors;
  const auto blind = BuildScoCellClaims(SummarizeScoCell(cell, reversed));
  CHECK(test::CountClaims(blind, "SCO-E2.vacuous.t.erm", Verdict::kFail) == 1);
  // Planted defect 2: the generalisation gap summed over the n training points instead of averaged.
  auto summed = trials;
  for (ScoTrial& t : summed) t.learners[0].gap *= static_cast<double>(cell.n);
  const auto overfit = BuildScoCellClaims(SummarizeScoCell(cell, summed));
  CHECK(test::CountClaims(overfit, "SCO-E2.gap.t.erm", Verdict::kFail) == 1);
}
