// SCO-E4 across cube cells (scenarios/sco/cube_experiment.h): the transition α_× by interpolation, the √d slope
// claim and the Θ(1/α₀²) band, on synthetic recall curves with known answers. A transition that grows
// like d^0.2 instead of d^0.5 (a planted wrong scaling) must FAIL the slope claim, and a recall that
// falls exponentially in α₀ must FAIL the band.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "support/claim_counts.h"

#include "scenarios/sco/cube_experiment.h"

using namespace memgen;
using namespace memgen::theory;
using namespace memgen::scenarios;
using theory::Verdict;

namespace {

// Noiseless cells at n = 1000, ξ = 0.01 with recall(α₀) = curve(α₀/α_×(d)) ± 1 SE.
std::vector<CubeCellResult> SyntheticGrid(double exponent, double (*curve)(double)) {
  std::vector<CubeCellResult> out;
  for (std::int64_t d : {25000, 100000, 400000}) {
    const double alpha_x = 0.37 * 0.147 * std::pow(static_cast<double>(d) / 1e5, exponent);
    for (double f : {0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8}) {
      CubeCellResult r;
      r.cell.n = 1000;
      r.cell.d = d;
      r.cell.xi = 0.01;
      r.cell.alpha0 = f * r.cell.Threshold();
      CubeLaneSummary lane;
      lane.sigma = 0.0;
      lane.recall.mean = curve(r.cell.alpha0 / alpha_x);
      lane.recall.se = 1.0;
      lane.recall.count = 40;
      r.lanes = {lane};
      out.push_back(r);
    }
  }
  return out;
}

double InverseSquare(double ratio) { return 20.0 / (ratio * ratio); }  // 2ξn = 20 at ratio 1
double Exponential(double ratio) { return 20.0 * std::exp(8.0 * (1.0 - ratio)); }

}  // namespace

TEST_CASE("TransitionAlpha interpolates the crossing in log alpha", "[unit]") {
  const std::vector<double> alpha = {0.1, 0.2, 0.4};
  std::vector<theory::MeanSe> recall(3);
  recall[0].mean = 50;
  recall[1].mean = 30;
  recall[2].mean = 10;
  for (auto& r : recall) r.count = 10;
  const theory::MeanSe x = TransitionAlpha(alpha, recall, 20.0);
  CHECK(x.mean == Approx(std::sqrt(0.2 * 0.4)));  // halfway between 30 and 10 in log α
  CHECK(x.se == 0.0);
  recall[0].mean = 15;  // below the level at the first α₀: no bracket
  CHECK(TransitionAlpha(alpha, recall, 20.0).count == 0);
}

TEST_CASE("SCO-E4 grid claims pass for a sqrt(d) transition with Theta(1/alpha^2) recall", "[unit]") {
  const auto claims = BuildCubeGridClaims(SyntheticGrid(0.5, InverseSquare));
  CHECK(test::CountClaims(claims, "SCO-E4.transition", Verdict::kPass) == 1);
  CHECK(test::CountClaims(claims, "SCO-E4.band", Verdict::kPass) == 2);  // d = 1e5, 4e5 have ≥ 3 α₀ in range
  CHECK(test::CountClaims(claims, "SCO-E4", Verdict::kFail) == 0);
}

TEST_CASE("negative control: a transition growing like d^0.2 fails the slope claim", "[unit][control:SCO-E4]") {
  // Crossings at f ≈ 0.56, 0.45, 0.24 of the threshold: all inside the grid.
  CHECK(test::CountClaims(BuildCubeGridClaims(SyntheticGrid(0.2, InverseSquare)), "SCO-E4.transition", Verdict::kFail) == 1);
}

TEST_CASE("negative control: an exponentially falling recall fails the Theta(1/alpha^2) band",
          "[unit][control:SCO-E4]") {
  CHECK(test::CountClaims(BuildCubeGridClaims(SyntheticGrid(0.5, Exponential)), "SCO-E4.band", Verdict::kFail) >= 1);
}
