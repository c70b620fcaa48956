// Tests for theory/ld/perceptron_bias.cc: the uniform law on {0, …, 2^n − 1} (2^n values, not 2^n + 1),
// its mean and variance against sums over the support.
#include "theory/ld/perceptron_bias.h"

#include <catch2/catch.hpp>

namespace memgen::theory {
namespace {

TEST_CASE("t is uniform on 2^n values with mean (2^n - 1)/2", "[unit]") {
  for (int n = 1; n <= 10; ++n) {
    const std::int64_t k = PerceptronOutcomes(n);
    REQUIRE(k == (std::int64_t{1} << n));
    CHECK(PerceptronUniformProbability(n) * static_cast<double>(k) == Approx(1.0).margin(1e-15));
    double mean = 0.0, second = 0.0;
    for (std::int64_t t = 0; t < k; ++t) {
      mean += static_cast<double>(t) / static_cast<double>(k);
      second += static_cast<double>(t) * static_cast<double>(t) / static_cast<double>(k);
    }
    CHECK(PerceptronMeanCount(n) == Approx(mean).epsilon(1e-13));
    CHECK(PerceptronCountVariance(n) == Approx(second - mean * mean).epsilon(1e-12));
  }
}

}  // namespace
}  // namespace memgen::theory
