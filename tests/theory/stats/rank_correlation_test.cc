// Tests for theory/stats/rank_correlation.cc: mean ranks with ties by hand, Spearman against the
// no-ties shortcut 1 − 6Σd²/(n(n² − 1)) on a hand permutation, ±1 for monotone maps, invariance under
// a monotone transform, a hand value with ties, and NaN for a constant side.
#include "theory/stats/rank_correlation.h"

#include <catch2/catch.hpp>

#include <cmath>

namespace memgen::theory {
namespace {

TEST_CASE("mean ranks give ties their mean 0-based rank", "[unit]") {
  CHECK(MeanRanks({3.0, 1.0, 2.0}) == std::vector<double>{2.0, 0.0, 1.0});
  CHECK(MeanRanks({5.0, 1.0, 5.0, 0.0}) == std::vector<double>{2.5, 1.0, 2.5, 0.0});
  CHECK(MeanRanks({}).empty());
}

TEST_CASE("Spearman: the no-ties shortcut, monotone maps and ties", "[unit]") {
  const std::vector<double> x{1, 2, 3, 4, 5}, y{2, 1, 4, 3, 5};  // d = (1, -1, 1, -1, 0): Σd² = 4
  CHECK(Spearman(x, y) == Approx(1.0 - 6.0 * 4.0 / (5.0 * 24.0)).margin(1e-15));
  CHECK(Spearman(x, {10, 20, 30, 40, 50}) == Approx(1.0).margin(1e-15));
  CHECK(Spearman(x, {5, 4, 3, 2, 1}) == Approx(-1.0).margin(1e-15));
  std::vector<double> cubed;
  for (double v : y) cubed.push_back(v * v * v - 7.0);
  CHECK(Spearman(x, cubed) == Spearman(x, y));
  // Ties: ranks of (1, 1, 2) are (0.5, 0.5, 2) against (0, 1, 2): Pearson = 1.5/√(1.5 · 2) = √3/2.
  CHECK(Spearman({1, 1, 2}, {0, 1, 2}) == Approx(std::sqrt(3.0) / 2.0).margin(1e-15));
  CHECK(std::isnan(Spearman({1, 1, 1}, {0, 1, 2})));
}

}  // namespace
}  // namespace memgen::theory

namespace memgen::theory {

TEST_CASE("Pearson: a hand value, ±1 on lines, NaN for a constant side", "[unit]") {
  CHECK(Pearson({1, 2, 3}, {1, 3, 2}) == Approx(0.5));  // sxy = 1, sxx = syy = 2
  CHECK(Pearson({1, 2, 3, 4}, {3, 5, 7, 9}) == Approx(1.0));
  CHECK(Pearson({1, 2, 3, 4}, {2, 1, 0, -1}) == Approx(-1.0));
  CHECK(std::isnan(Pearson({1, 1, 1}, {1, 2, 3})));
}

}  // namespace memgen::theory
