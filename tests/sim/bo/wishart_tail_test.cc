// Tests for sim/bo/wishart_tail.h: the Bartlett shortcut against the full simulation.
#include <catch2/catch.hpp>

#include <cmath>

#include "sim/bo/wishart_tail.h"
#include "theory/bo/spectrum.h"

using namespace memgen::sim;
using namespace memgen::theory;

TEST_CASE("E W = nu I for the Bartlett Wishart sampler", "[unit][stat]") {
  const std::int64_t n = 6, nu = 40, draws = 4000;
  Eigen::MatrixXd sum = Eigen::MatrixXd::Zero(n, n), sum2 = Eigen::MatrixXd::Zero(n, n);
  for (std::int64_t t = 0; t < draws; ++t) {
    Rng rng({5, 5, static_cast<std::uint64_t>(t), 0});
    const Eigen::MatrixXd w = DrawWishartIdentity(n, nu, rng);
    sum += w;
    sum2 += w.cwiseProduct(w);
  }
  // Var W_ii = 2 nu, Var W_ij = nu: z = 5 per entry, 21 entries: false failure < 1.2e-5.
  for (int i = 0; i < n; ++i)
    for (int j = 0; j <= i; ++j) {
      const double mean = sum(i, j) / draws;
      const double var = sum2(i, j) / draws - mean * mean;
      CHECK(std::fabs(mean - (i == j ? nu : 0.0)) <= 5.0 * std::sqrt(var / draws));
    }
}

