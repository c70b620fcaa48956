// Tests for sim/ld/nearest_neighbour.cc: the sorted search and the scan return the same neighbours,
// in the order of a brute-force sort by (distance, x, index), on random inputs with planted ties
// (duplicated inputs, queries exactly midway, queries on a training point) and outside the range; the
// duplicates are found; the label-noise samplers keep the clean class with probability 1 − ρ and, when
// they fire, spread over the other M − 1 classes (constant η) or over all M (pluskid).
#include "sim/ld/nearest_neighbour.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sim/random/distributions.h"

namespace memgen::sim {
namespace {

std::vector<std::size_t> BruteForce(const std::vector<double>& x, double q) {
  std::vector<std::size_t> order(x.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const double da = std::fabs(x[a] - q), db = std::fabs(x[b] - q);
    if (da != db) return da < db;
    if (x[a] != x[b]) return x[a] < x[b];
    return a < b;
  });
  return order;
}

TEST_CASE("the tie rule: distance, then the smaller x, then the smaller index", "[unit]") {
  const NearestNeighbour1d nn({0.0, 2.0});
  CHECK(nn.Nearest(1.0) == 0);  // exactly midway: the left point
  CHECK(nn.Nearest(1.5) == 1);
  const NearestNeighbour1d dup({5.0, 3.0, 3.0, 1.0});
  CHECK(dup.Nearest(3.0) == 1);  // on a duplicated input: the smaller index
  CHECK(dup.Nearest(4.0) == 1);  // midway between 3 and 5: the left run, its smaller index
  CHECK(dup.Neighbours(4.0, 4) == std::vector<std::size_t>{1, 2, 0, 3});
  CHECK(dup.Duplicates() == std::vector<std::size_t>{1, 2});
  CHECK(NearestByScan({5.0, 3.0, 3.0, 1.0}, 4.0) == 1);
  CHECK(NeighboursByScan({5.0, 3.0, 3.0, 1.0}, 4.0, 4) == std::vector<std::size_t>{1, 2, 0, 3});
}

TEST_CASE("sorted search, scan and brute force agree, ties included", "[unit]") {
  Rng rng({11, 3, 0, 0});
  for (int round = 0; round < 200; ++round) {
    const std::size_t n = 1 + static_cast<std::size_t>(Uniform01(rng) * 40);
    std::vector<double> x(n);
    for (double& v : x) v = std::floor(Uniform01(rng) * 16.0) / 4.0;  // a coarse grid: many duplicates
    const NearestNeighbour1d nn(x);
    for (int j = 0; j < 30; ++j) {
      const double q = std::floor(Uniform01(rng) * 40.0) / 8.0 - 0.5;  // on points, midway, outside
      const std::vector<std::size_t> order = BruteForce(x, q);
      REQUIRE(nn.Nearest(q) == order[0]);
      REQUIRE(NearestByScan(x, q) == order[0]);
      const std::size_t k = std::min<std::size_t>(n, 3);
      const std::vector<std::size_t> first(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k));
      REQUIRE(nn.Neighbours(q, k) == first);
      REQUIRE(NeighboursByScan(x, q, k) == first);
    }
    REQUIRE(nn.Neighbours(0.3, n) == BruteForce(x, 0.3));
  }
}

TEST_CASE("continuous inputs: every training point is its own nearest neighbour", "[unit]") {
  Rng rng({11, 4, 0, 0});
  std::vector<double> x(5000);
  for (double& v : x) v = Normal(rng);
  const NearestNeighbour1d nn(x);
  REQUIRE(nn.Duplicates().empty());
  for (std::size_t i = 0; i < x.size(); ++i) REQUIRE(nn.Nearest(x[i]) == i);
}

TEST_CASE("label noise: constant eta and pluskid's corruption", "[unit]") {
  Rng rng({11, 5, 0, 0});
  const int classes = 5, clean = 2, draws = 200000;
  const double rho = 0.3;
  std::vector<int> other(classes, 0), any(classes, 0);
  for (int i = 0; i < draws; ++i) {
    ++other[static_cast<std::size_t>(NoisyLabel(clean, classes, rho, LabelNoise::kOtherClass, rng))];
    ++any[static_cast<std::size_t>(NoisyLabel(clean, classes, rho, LabelNoise::kAnyClass, rng))];
  }
  // Within 5 binomial SE of the exact probabilities (this seed; the samplers are exact).
  const auto near = [&](int count, double p) { return std::fabs(count - draws * p) <= 5.0 * std::sqrt(draws * p * (1 - p)); };
  for (int k = 0; k < classes; ++k) {
    CHECK(near(other[static_cast<std::size_t>(k)], k == clean ? 1 - rho : rho / (classes - 1)));
    CHECK(near(any[static_cast<std::size_t>(k)], k == clean ? 1 - rho + rho / classes : rho / classes));
  }
  CHECK(NoisyLabel(3, 4, 0.0, LabelNoise::kOtherClass, rng) == 3);
  for (int i = 0; i < 100; ++i) CHECK(NoisyLabel(3, 4, 1.0, LabelNoise::kOtherClass, rng) != 3);
}

TEST_CASE("the two-Gaussian mixture has equal priors and unit spread", "[unit]") {
  Rng rng({11, 6, 0, 0});
  const int draws = 100000;
  double ones = 0.0, centred = 0.0, squares = 0.0;
  for (int i = 0; i < draws; ++i) {
    const MixturePoint p = DrawTwoGaussians(1.5, rng);
    ones += p.label;
    const double z = p.x - (p.label == 1 ? 1.5 : -1.5);
    centred += z;
    squares += z * z;
  }
  CHECK(std::fabs(ones / draws - 0.5) <= 5.0 * std::sqrt(0.25 / draws));
  CHECK(std::fabs(centred / draws) <= 5.0 / std::sqrt(draws));
  CHECK(std::fabs(squares / draws - 1.0) <= 5.0 * std::sqrt(2.0 / draws));
}

}  // namespace
}  // namespace memgen::sim
