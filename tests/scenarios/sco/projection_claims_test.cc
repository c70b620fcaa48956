// SCO-E6 (scenarios/sco/projection_claims.h): the projected-ERM claims pass on the correct experiment and
// fail for planted defects: a projection normalised by √d′ instead of d′ (scale 2 here: the output
// is twice the unbiased one), a projection to d′ = D/5 (too little noise to hide the points), and a wrong
// score model.
#include <catch2/catch.hpp>

#include <vector>

#include "support/claim_counts.h"

#include "scenarios/sco/tracing_claims.h"
#include "scenarios/sco/projection_claims.h"

using namespace memgen;
using namespace memgen::theory;
using namespace memgen::scenarios;
using theory::Verdict;

namespace {

ScoCellOptions ProjectionCell(double scale, std::vector<std::int64_t> dims) {
  ScoCellOptions c;
  c.name = "p";
  c.eps = 0.2;
  c.n = 25;
  c.d = 25000;
  c.xi = 0.05;
  c.trials = 120;
  sim::ScoLearnerOptions erm;
  erm.name = "erm";
  c.learners = {erm};
  for (std::int64_t dim : dims) {
    sim::ScoLearnerOptions o;
    o.kind = sim::ScoLearnerKind::kProjectedErm;
    o.projection_dim = dim;
    o.projection_scale = scale;
    o.name = "proj" + std::to_string(dim);
    c.learners.push_back(o);
  }
  return c;
}

std::vector<theory::Claim> Claims(const ScoCellOptions& cell) {
  return BuildScoProjectionClaims(SummarizeScoCell(cell, RunScoCell(cell, 8, test::TwoThreads())));
}

}  // namespace

TEST_CASE("SCO-E6 claims pass for the stochastic projection", "[unit][stat]") {
  const auto claims = Claims(ProjectionCell(1.0, {10, 400}));
  CHECK(test::CountClaims(claims, "SCO-E6", Verdict::kFail) == 0);
  CHECK(test::CountClaims(claims, "SCO-E6.norm.", Verdict::kPass) == 2);
  CHECK(test::CountClaims(claims, "SCO-E6.unbiased", Verdict::kPass) == 4);
  CHECK(test::CountClaims(claims, "SCO-E6.model", Verdict::kPass) == 5);
  CHECK(test::CountClaims(claims, "SCO-E6.untraceable", Verdict::kPass) == 1);
}

TEST_CASE("negative control: a mis-normalised projection fails the norm and unbiasedness claims",
          "[unit][stat][control:SCO-E6]") {
  const auto claims = Claims(ProjectionCell(2.0, {10, 400}));
  CHECK(test::CountClaims(claims, "SCO-E6.norm.", Verdict::kFail) == 2);
  CHECK(test::CountClaims(claims, "SCO-E6.unbiased_gap", Verdict::kFail) == 2);
}

TEST_CASE("negative control: a projection to d' = D/5 is still traced", "[unit][stat][control:SCO-E6]") {
  ScoCellOptions cell = ProjectionCell(1.0, {5000});  // model: ~15 of 25 points flagged, xi n = 1.25
  cell.trials = 40;
  const auto claims = Claims(cell);
  CHECK(test::CountClaims(claims, "SCO-E6.untraceable", Verdict::kFail) == 1);
}

TEST_CASE("negative control: a wrong score model fails the model claim", "[unit][stat][control:SCO-E6]") {
  const ScoCellOptions cell = ProjectionCell(1.0, {10, 400});
  ScoCellResult result = SummarizeScoCell(cell, RunScoCell(cell, 8, test::TwoThreads()));
  for (ScoLearnerSummary& s : result.learners) s.predicted_recall_pp.mean *= 2.0;  // e.g. a doubled signal m
  CHECK(test::CountClaims(BuildScoProjectionClaims(result), "SCO-E6.model_pp.p.erm", Verdict::kFail) == 0);
  CHECK(test::CountClaims(BuildScoProjectionClaims(result), "SCO-E6.model_pp.p.proj400", Verdict::kFail) == 1);
}
