// Tests for sim/ld/random_perceptron.cc: the subset-sum count equals a direct count of w·x + b > 0 over
// {0,1}^n; for generic magnitudes the sign patterns give a permutation of {0, …, 2^n − 1}, and
// flipping every sign maps t to 2^n − 1 − t; equal magnitudes (not generic) collide; the controls'
// draws have their stated means.
#include "sim/ld/random_perceptron.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sim/random/distributions.h"

namespace memgen::sim {
namespace {

std::int64_t DirectCount(const std::vector<double>& w, double bias) {
  const int n = static_cast<int>(w.size());
  std::int64_t count = 0;
  for (std::uint64_t x = 0; x < (std::uint64_t{1} << n); ++x) {
    double s = bias;
    for (int i = 0; i < n; ++i)
      if (x >> i & 1u) s += w[static_cast<std::size_t>(i)];
    count += s > 0.0 ? 1 : 0;
  }
  return count;
}

TEST_CASE("the subset-sum count is the direct count", "[unit]") {
  Rng rng({13, 1, 0, 0});
  std::vector<double> sums;
  for (int n = 1; n <= 9; ++n)
    for (int round = 0; round < 20; ++round) {
      std::vector<double> w(static_cast<std::size_t>(n));
      for (double& v : w) v = Normal(rng);
      const double bias = round % 2 ? Normal(rng) : 0.0;
      REQUIRE(PerceptronCount(w, bias, &sums) == DirectCount(w, bias));
    }
  CHECK(PerceptronCount({1.0, 2.0}, 0.0, &sums) == 3);    // every nonzero x
  CHECK(PerceptronCount({-1.0, -2.0}, 0.0, &sums) == 0);  // none, and never the zero input
  CHECK(PerceptronCount({-1.0, -2.0}, 0.5, &sums) == 1);  // a bias makes the zero input 1
}

TEST_CASE("generic magnitudes: the sign patterns give every t once", "[unit]") {
  Rng rng({13, 2, 0, 0});
  for (int n = 3; n <= 8; ++n) {
    std::vector<double> m(static_cast<std::size_t>(n));
    for (double& v : m) v = std::fabs(Normal(rng));
    const std::vector<std::int64_t> t = SignPatternCounts(m);
    std::vector<std::int64_t> sorted = t, all(t.size());
    std::sort(sorted.begin(), sorted.end());
    std::iota(all.begin(), all.end(), std::int64_t{0});
    CHECK(sorted == all);
    const std::size_t flip = t.size() - 1;  // every sign flipped
    for (std::size_t p = 0; p < t.size(); ++p) REQUIRE(t[p] + t[p ^ flip] == static_cast<std::int64_t>(flip));
  }
  const std::vector<std::int64_t> equal = SignPatternCounts({1.0, 1.0, 1.0});
  std::vector<std::int64_t> sorted = equal;
  std::sort(sorted.begin(), sorted.end());
  CHECK(std::unique(sorted.begin(), sorted.end()) - sorted.begin() < 8);  // ties w·x = 0: not a bijection
}

TEST_CASE("weight draws: the shifted control has mean shift, the bias control a bias", "[unit]") {
  Rng rng({13, 3, 0, 0});
  std::vector<double> w(4);
  double bias = 0.0, mean = 0.0, bias_squares = 0.0;
  const int draws = 50000;
  for (int i = 0; i < draws; ++i) {
    DrawPerceptron({WeightLaw::kShifted, 0.3, 1.0}, rng, &w, &bias);
    CHECK(bias == 0.0);
    mean += std::accumulate(w.begin(), w.end(), 0.0) / 4.0;
    DrawPerceptron({WeightLaw::kBias, 0.3, 2.0}, rng, &w, &bias);
    bias_squares += bias * bias;
  }
  CHECK(std::fabs(mean / draws - 0.3) <= 5.0 * std::sqrt(0.25 / draws));
  CHECK(std::fabs(bias_squares / draws - 4.0) <= 5.0 * 4.0 * std::sqrt(2.0 / draws));
  for (WeightLaw law : {WeightLaw::kUniform, WeightLaw::kLaplace}) {
    DrawPerceptron({law, 0.3, 1.0}, rng, &w, &bias);
    CHECK(bias == 0.0);
    if (law == WeightLaw::kUniform)
      for (double v : w) CHECK(std::fabs(v) <= 1.0);
  }
}

}  // namespace
}  // namespace memgen::sim
