// Tests for theory/stats/binomial_sum.h against exact laws: a single binomial, a sum of equal
// binomials (a binomial again), and brute-force convolution of a few small ones.
#include <catch2/catch.hpp>

#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/normal.hpp>

#include <cmath>

#include "theory/stats/binomial_sum.h"

using namespace memgen::theory;

TEST_CASE("a sum of equal binomials is the binomial of the total", "[unit]") {
  const BinomialSumLaw law({{100, 0.03}, {100, 0.03}, {100, 0.03}});
  const boost::math::binomial exact(300.0, 0.03);
  CHECK(law.Mean() == Approx(9.0).epsilon(1e-14));
  for (std::int64_t k : {0, 3, 9, 20, 35}) {
    CHECK_THAT(law.Cdf(k), Catch::Matchers::WithinRel(boost::math::cdf(exact, static_cast<double>(k)), 1e-10));
    if (k > 0)
      CHECK_THAT(law.Upper(k), Catch::Matchers::WithinRel(
                                   boost::math::cdf(boost::math::complement(exact, static_cast<double>(k - 1))), 1e-9));
  }
}

TEST_CASE("unequal binomials match a brute-force convolution", "[unit]") {
  const std::vector<BinomialPart> parts = {{3, 0.2}, {2, 0.7}, {4, 0.5}};
  const BinomialSumLaw law(parts);
  // P(X = k) by enumerating every outcome of the 9 Bernoulli draws.
  std::vector<double> pmf(10, 0.0);
  for (int mask = 0; mask < (1 << 9); ++mask) {
    double p = 1.0;
    int k = 0, bit = 0;
    for (const BinomialPart& part : parts)
      for (std::int64_t i = 0; i < part.trials; ++i, ++bit) {
        const bool error = (mask >> bit) & 1;
        p *= error ? part.probability : 1.0 - part.probability;
        k += error ? 1 : 0;
      }
    pmf[static_cast<std::size_t>(k)] += p;
  }
  double cdf = 0.0;
  for (std::int64_t k = 0; k <= 9; ++k) {
    cdf += pmf[static_cast<std::size_t>(k)];
    CHECK_THAT(law.Cdf(k), Catch::Matchers::WithinAbs(cdf, 1e-14));
  }
  CHECK(law.Upper(10) == 0.0);
  CHECK(law.Cdf(9) == Approx(1.0).epsilon(1e-14));
}

TEST_CASE("the two-sided p-value and the detectable shift of the count test", "[unit]") {
  const BinomialSumLaw law({{10000, 0.5}});
  CHECK(law.TwoSidedPValue(5000) == 1.0);
  CHECK(law.TwoSidedPValue(5400) < 1e-10);  // 8 SD above the mean
  // A symmetric law: equal tails, up to the 1e-18 truncation of each tail (relative 1e-9 at 6 SD).
  CHECK(law.TwoSidedPValue(4700) == Approx(law.TwoSidedPValue(5300)).epsilon(1e-6));
  // Normal regime (SD 50): the shift detected with probability 0.9 at α = 1e-6 is (z_{α/2} + z_0.9) SD
  // up to the count's integer steps.
  const boost::math::normal standard;
  const double expected = 50.0 * (boost::math::quantile(boost::math::complement(standard, 0.5e-6)) +
                                  boost::math::quantile(standard, 0.9));
  CHECK(std::fabs(law.DetectableShift(1e-6) - expected) <= 3.0);
  // Degenerate parts: a certain error and a certain success.
  const BinomialSumLaw sure({{5, 1.0}, {7, 0.0}});
  CHECK(sure.Cdf(4) == 0.0);
  CHECK(sure.Cdf(5) == 1.0);
  CHECK(sure.TwoSidedPValue(5) == 1.0);
  CHECK(sure.TwoSidedPValue(6) == 0.0);
}
