// Tests for theory/stats/power_law_fit.h (Ceres fit with covariance).
#include <catch2/catch.hpp>

#include <cmath>

#include "theory/stats/power_law_fit.h"

using namespace memgen::theory;
using Catch::Matchers::WithinAbs;

TEST_CASE("an exact power law is recovered with zero residual", "[unit]") {
  std::vector<double> x = {10, 20, 40, 80, 160}, y;
  for (double v : x) y.push_back(3.0 * std::pow(v, -1.7));
  const PowerLawFit fit = FitPowerLaw(x, y, {});
  REQUIRE(fit.ok);
  CHECK_THAT(fit.slope, WithinAbs(-1.7, 1e-9));
  CHECK_THAT(fit.log_prefactor, WithinAbs(std::log(3.0), 1e-8));
}

TEST_CASE("the slope SE matches the weighted least-squares formula", "[unit]") {
  // For log y = a + s log x + e with known σ_i, Var(s) = 1 / Σ w_i (u_i − ū_w)², w = 1/σ².
  std::vector<double> x = {100, 200, 400, 800, 1600, 3200}, y, se;
  // Fixed residuals in units of σ (theory tests draw no random numbers).
  const std::vector<double> residual = {0.31, -1.24, 0.83, -0.47, 1.52, -0.91};
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double v = x[i], sigma = 0.01;
    y.push_back(std::pow(v, 0.5) * std::exp(sigma * residual[i]));
    se.push_back(sigma * y.back());
  }
  const PowerLawFit fit = FitPowerLaw(x, y, se);
  REQUIRE(fit.ok);
  double sw = 0, swu = 0;
  for (double v : x) {
    sw += 1e4;
    swu += 1e4 * std::log(v);
  }
  const double mean_u = swu / sw;
  double sxx = 0;
  for (double v : x) sxx += 1e4 * (std::log(v) - mean_u) * (std::log(v) - mean_u);
  CHECK_THAT(fit.slope_se, WithinAbs(1.0 / std::sqrt(sxx), 1e-9));
  CHECK(std::fabs(fit.slope - 0.5) <= 5.0 * fit.slope_se);
}
