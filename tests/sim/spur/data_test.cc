// Tests for sim/spur/data.h: the Figure-1 split (minority count int((1 − maj)·n), the sign pattern of
// (x_y, x_a) by group, the noise scale within 5 SE), the idealized sample at σ_f = 0 (exact rows),
// RandomSubset (distinct indices in range), determinism per stream, and option validation.
#include <catch2/catch.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <set>

#include "sim/core/config_error.h"
#include "sim/random/rng.h"
#include "sim/spur/data.h"
#include "support/tolerances.h"

using namespace memgen::sim;
using memgen::ConfigError;

TEST_CASE("data: the Figure-1 split", "[unit]") {
  Figure1SplitOptions o;  // n = 1000, maj 0.9, σ_ε = 0.5, d = 1798
  Rng rng({29, 1, 0, 0});
  const SpuriousSample s = DrawFigure1Split(o, rng);
  REQUIRE(s.x.rows() == 1000);
  REQUIRE(s.x.cols() == 1800);
  CHECK(s.MinorityCount() == 99);  // int((1 − 0.9)·1000): 1 − 0.9 < 0.1 in binary
  for (Eigen::Index i = 0; i < 1000; ++i) {
    // x_y = (0.12ξ − 1)ỹ and x_a = ±5(0.12ξ′ − 1)ỹ: the factors are negative unless ξ > 8.3 (P ≈ 1e-16).
    INFO("row " << i);
    CHECK((s.x(i, 0) * s.y(i) < 0.0));
    CHECK(((s.x(i, 0) * s.x(i, 1) > 0.0) == !s.minority[static_cast<std::size_t>(i)]));
  }
  // E[ε²] = σ_ε² over m = n·d entries; SE of the mean of squares √(2/m) σ_ε².
  const double m = 1000.0 * 1798.0, mean_square = s.x.rightCols(1798).squaredNorm() / m;
  CHECK(std::fabs(mean_square - 0.25) <= memgen::test::kZ * std::sqrt(2.0 / m) * 0.25);
  const Figure1SplitOptions balanced{1000, 0.5, 0.5, 1798};
  Rng rng2({29, 2, 0, 0});
  CHECK(DrawFigure1Split(balanced, rng2).MinorityCount() == 500);
}

TEST_CASE("data: the idealized sample without feature noise is exact", "[unit]") {
  IdealizedOptions o;
  o.n = 50;
  o.rho = 0.1;
  o.d = 20;
  Rng rng({29, 3, 0, 0});
  const SpuriousSample s = DrawIdealized(o, rng);
  CHECK(s.MinorityCount() == 5);
  for (Eigen::Index i = 0; i < 50; ++i) {
    const double a = s.minority[static_cast<std::size_t>(i)] ? -s.y(i) : s.y(i);
    CHECK(s.x(i, 0) == s.y(i));
    CHECK(s.x(i, 1) == o.gamma * a);
  }
}

TEST_CASE("data: a random subset has distinct indices in range", "[unit]") {
  Rng rng({29, 4, 0, 0});
  for (const std::int64_t count : {0, 1, 7, 30}) {
    const std::vector<std::int64_t> subset = RandomSubset(30, count, rng);
    const std::set<std::int64_t> distinct(subset.begin(), subset.end());
    CHECK(static_cast<std::int64_t>(distinct.size()) == count);
    CHECK(std::all_of(subset.begin(), subset.end(), [](std::int64_t i) { return i >= 0 && i < 30; }));
  }
}

TEST_CASE("data: one stream, one sample", "[unit]") {
  Figure1SplitOptions o;
  o.n = 40;
  o.d = 10;
  Rng a({29, 5, 0, 0}), b({29, 5, 0, 0});
  const SpuriousSample s = DrawFigure1Split(o, a), t = DrawFigure1Split(o, b);
  CHECK((s.x.array() == t.x.array()).all());
  CHECK(s.minority == t.minority);
}

TEST_CASE("data: options are validated", "[unit]") {
  Figure1SplitOptions f;
  f.n = 5;
  CHECK_THROWS_AS(f.Validate("split"), ConfigError);
  IdealizedOptions i;
  i.n = 5;  // ⌊0.1 · 5⌋ = 0 minority points
  CHECK_THROWS_AS(i.Validate("idealized"), ConfigError);
  CHECK_NOTHROW(Figure1SplitOptions{}.Validate("split"));
  CHECK_NOTHROW(IdealizedOptions{}.Validate("idealized"));
}
