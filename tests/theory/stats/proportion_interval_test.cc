// Tests for theory/stats/proportion_interval.h.
#include <catch2/catch.hpp>
#include <rapidcheck/catch.h>

#include <boost/math/distributions/binomial.hpp>

#include "theory/stats/proportion_interval.h"

using namespace memgen::theory;
using Catch::Matchers::WithinAbs;

TEST_CASE("Clopper-Pearson bounds put alpha/2 in each binomial tail", "[property]") {
  rc::prop("tail probabilities at the bounds equal alpha/2", [](std::uint8_t k_raw, std::uint8_t extra) {
    const std::int64_t trials = 1 + k_raw + extra;
    const std::int64_t k = k_raw;
    const Interval ci = ClopperPearson(k, trials, 0.95);
    if (k > 0) {  // P(X >= k | lo) = 0.025
      const double upper_tail =
          boost::math::cdf(boost::math::complement(boost::math::binomial(trials, ci.lo), k - 1));
      RC_ASSERT(std::fabs(upper_tail - 0.025) < 1e-9);
    }
    if (k < trials) {  // P(X <= k | hi) = 0.025
      RC_ASSERT(std::fabs(boost::math::cdf(boost::math::binomial(trials, ci.hi), k) - 0.025) < 1e-9);
    }
  });
}

TEST_CASE("edge cases and the Wilson interval", "[unit]") {
  CHECK(ClopperPearson(0, 10, 0.95).lo == 0.0);
  CHECK(ClopperPearson(10, 10, 0.95).hi == 1.0);
  const Interval w = Wilson(5, 10, 0.95);
  CHECK_THAT(w.lo, WithinAbs(0.2365931, 1e-6));  // textbook value for 5/10
  CHECK_THAT(w.hi, WithinAbs(0.7634069, 1e-6));
}
