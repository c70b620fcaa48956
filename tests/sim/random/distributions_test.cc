// Tests for sim/random/distributions.h: golden values and distributional checks with fixed seeds.
#include <catch2/catch.hpp>

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/normal.hpp>

#include <Random123/boxmuller.hpp>
#include <Random123/uniform.hpp>

#include <cmath>
#include <vector>

#include "sim/random/distributions.h"
#include "support/tolerances.h"

using namespace memgen::sim;
using Catch::Matchers::WithinRel;

namespace {

// Pearson chi-square p-value of `values` against a continuous CDF over K equiprobable bins
// (STYLE.md G10: K ≈ 2 N^0.4, edges from Boost.Math quantiles).
template <typename Dist>
double ChiSquarePValue(const std::vector<double>& values, const Dist& dist) {
  const auto n = static_cast<double>(values.size());
  const int bins = static_cast<int>(2.0 * std::pow(n, 0.4));
  std::vector<double> counts(static_cast<std::size_t>(bins), 0.0);
  for (double v : values) {
    int b = static_cast<int>(boost::math::cdf(dist, v) * bins);
    counts[static_cast<std::size_t>(std::min(std::max(b, 0), bins - 1))] += 1.0;
  }
  double stat = 0.0;
  const double expected = n / bins;
  for (double c : counts) stat += (c - expected) * (c - expected) / expected;
  return boost::math::cdf(boost::math::complement(boost::math::chi_squared(bins - 1), stat));
}

}  // namespace

TEST_CASE("uniforms and normals are the Random123 conversions of the raw stream", "[unit][golden]") {
  Rng a({11, 22, 33, 0});
  Rng raw({11, 22, 33, 0});
  const double u = Uniform01(a);
  CHECK(u == r123::u01<double>(raw()));  // bit-exact
  CHECK(u > 0.0);
  CHECK(u <= 1.0);

  Rng b({11, 22, 34, 0});
  Rng raw2({11, 22, 34, 0});
  std::vector<double> normals(6);
  FillNormal(b, normals.data(), normals.size());
  const auto block = raw2.NextBlock();
  const auto p = r123::boxmuller(block[0], block[1]);
  CHECK_THAT(normals[0], WithinRel(p.x, memgen::test::kRelNormal));
  CHECK_THAT(normals[1], WithinRel(p.y, memgen::test::kRelNormal));
}

TEST_CASE("normals pass a chi-square test against N(0,1)", "[unit][stat]") {
  // False-failure rate 1e-6 (threshold on the p-value), fixed seed.
  Rng rng({2026, 1, 0, 0});
  std::vector<double> values(200000);
  FillNormal(rng, values.data(), values.size());
  CHECK(ChiSquarePValue(values, boost::math::normal()) > 1e-6);
}

TEST_CASE("gamma and chi-square samplers match their distributions", "[unit][stat]") {
  for (double shape : {0.3, 1.0, 4.5, 1e6}) {
    Rng rng({2026, 2, static_cast<std::uint64_t>(shape * 10), 0});
    std::vector<double> values(50000);
    for (double& v : values) v = 2.0 * Gamma(rng, shape);  // χ² with 2·shape degrees of freedom
    INFO("shape " << shape);
    CHECK(ChiSquarePValue(values, boost::math::chi_squared(2.0 * shape)) > 1e-6);
  }
}

TEST_CASE("Rademacher signs are balanced and Bernoulli has the right mean", "[unit][stat]") {
  Rng rng({5, 6, 7, 0});
  std::vector<double> signs(100000);
  FillRademacher(rng, signs.data(), signs.size());
  double sum = 0.0;
  for (double s : signs) {
    REQUIRE(std::fabs(s) == 1.0);
    sum += s;
  }
  CHECK(std::fabs(sum) <= 5.0 * std::sqrt(100000.0));  // 5 SD: false failure 5.7e-7
  int ones = 0;
  for (int i = 0; i < 100000; ++i) ones += Bernoulli(rng, 0.3) ? 1 : 0;
  CHECK(std::fabs(ones - 30000.0) <= 5.0 * std::sqrt(100000 * 0.3 * 0.7));
}
