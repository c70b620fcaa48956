// Tests for theory/mem/unlearning_rate_window.h: over the window it places, the slope of ln D_k (exact
// closed form, UnlearningDivergence) is 2 ln ρ₁ within the stated bound on data sets with a spectral gap;
// (close or distant eigenvalues, a slowest mode of small weight far out); it refuses a window, saying why,
// when the slowest mode's weight is only rounding.
#include <catch2/catch.hpp>

#include <Eigen/Eigenvalues>
#include <cmath>
#include <string>

#include "theory/mem/ridge_noisy_gd.h"
#include "theory/mem/unlearning_rate_window.h"

namespace memgen::theory {
namespace {

// A fixed n × d data set with one high-leverage last row of the given scale (deterministic, no RNG).
void Data(int n, int d, double spread, double leverage, Eigen::MatrixXd* x, Eigen::VectorXd* y) {
  *x = Eigen::MatrixXd(n, d);
  *y = Eigen::VectorXd(n);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < d; ++j) (*x)(i, j) = std::sin(1.7 * (i + 1) * (j + 1) + j) * (1.0 + spread * j);
    (*y)(i) = std::cos(0.9 * i);
  }
  x->row(n - 1) *= leverage;
}

double WindowSlope(const RidgeProblem& retain, const NoisyGdParams& g, const GaussianState& start, const RateWindow& w) {
  return (std::log(UnlearningDivergence(retain, g, start, 2.0, w.end)) -
          std::log(UnlearningDivergence(retain, g, start, 2.0, w.begin))) / (w.end - w.begin);
}

// S' = Data(12, 3, 0.3, 4.0) without its last row: the problem, the eigenvectors of H' (columns by
// increasing eigenvalue, so column 0 is the slowest mode of A') and the stationary law ν_S'.
struct Retained {
  RidgeProblem problem;
  Eigen::MatrixXd modes;
  GaussianState stationary;
};

Retained RetainedProblem(const NoisyGdParams& g) {
  Eigen::MatrixXd x; Eigen::VectorXd y; Data(12, 3, 0.3, 4.0, &x, &y);
  Retained r;
  r.problem = MakeRidgeProblem(x, y, 0.1, {11});
  r.modes = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(r.problem.h).eigenvectors();
  r.stationary = Stationary(r.problem, g);
  return r;
}

}  // namespace

TEST_CASE("the rate window's slope is 2 ln rho_1 within its bound", "[unit]") {
  const NoisyGdParams g;
  for (const double spread : {0.0, 0.3, 1.5}) {
    for (const double leverage : {2.0, 4.0}) {
      Eigen::MatrixXd x; Eigen::VectorXd y; Data(12, 3, spread, leverage, &x, &y);
      const RidgeProblem full = MakeRidgeProblem(x, y, 0.1), retain = MakeRidgeProblem(x, y, 0.1, {11});
      const GaussianState start = Stationary(full, g);
      const RateWindow w = AsymptoticRateWindow(retain, g, start, 2.0, 1e-3, 50, 20000);
      INFO("spread " << spread << ", leverage " << leverage << ": " << w.unmet);
      REQUIRE(w.unmet.empty());
      CHECK(w.end == w.begin + 50);
      CHECK(w.remainder_at_begin <= 1e-3);
      CHECK(std::abs(WindowSlope(retain, g, start, w) - AsymptoticLogRate(retain, g)) <= w.slope_error_bound);
      // One step earlier the model's remainder is above the ratio: the window starts as early as it may.
      if (w.begin > 0) CHECK(AsymptoticRateWindow(retain, g, start, 2.0, 1e-3, 50, w.begin - 1).unmet.size() > 0);
    }
  }
}

TEST_CASE("a start without weight on the slowest mode has no rate window", "[unit]") {
  const NoisyGdParams g;
  const Retained r = RetainedProblem(g);
  GaussianState start = r.stationary;
  start.mean += r.modes.col(2);  // the fastest mode only: D_k falls at 2 ln |1 − ηλ_max|
  const RateWindow w = AsymptoticRateWindow(r.problem, g, start, 2.0, 1e-3, 50, 20000);
  CHECK(w.begin == -1);
  // Its weight on the slowest mode is rounding (about 1e-32): a slope there would be the rounding's.
  CHECK(w.unmet.find("below the rounding of the start") != std::string::npos);
}

TEST_CASE("a slowest mode of small weight moves the window out, and the slope still holds there", "[unit]") {
  const NoisyGdParams g;
  const Retained r = RetainedProblem(g);
  GaussianState faint = r.stationary, strong = r.stationary;
  faint.mean += 1e-7 * r.modes.col(0) + r.modes.col(1);
  strong.mean += r.modes.col(0) + r.modes.col(1);
  const RateWindow w = AsymptoticRateWindow(r.problem, g, faint, 2.0, 1e-3, 50, 20000);
  REQUIRE(w.unmet.empty());
  CHECK(w.begin > AsymptoticRateWindow(r.problem, g, strong, 2.0, 1e-3, 50, 20000).begin + 100);
  CHECK(std::abs(WindowSlope(r.problem, g, faint, w) - AsymptoticLogRate(r.problem, g)) <= w.slope_error_bound);
}

}  // namespace memgen::theory
