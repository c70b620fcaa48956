// Tests for the data diet's exact facts and selection rules (theory/mem/data_diet.h): the uniform
// prediction's EL2N by hand, the offset window on a hand-sorted example with ties, precision at top.
#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>

#include "theory/mem/data_diet.h"

namespace memgen::theory {

TEST_CASE("EL2N of a uniform prediction is sqrt((m - 1)/m)", "[unit]") {
  CHECK(UniformPredictionEl2n(2) == Approx(std::sqrt(0.5)).epsilon(1e-15));
  // m = 5: (1 - 1/5)^2 + 4/25 = 16/25 + 4/25 = 20/25
  CHECK(UniformPredictionEl2n(5) == Approx(std::sqrt(20.0 / 25.0)).epsilon(1e-15));
}

TEST_CASE("BiasedInputNorm adds the bias coordinate", "[unit]") {
  const double x[] = {3.0, 4.0};
  CHECK(BiasedInputNorm(x, 2) == Approx(std::sqrt(26.0)).epsilon(1e-15));
}

TEST_CASE("OffsetWindow sorts descending, breaks ties by index, skips the offset", "[unit]") {
  const std::vector<double> s = {0.1, 0.9, 0.5, 0.9, 0.3};  // descending: 1, 3, 2, 4, 0
  CHECK(OffsetWindow(s, 0, 2) == std::vector<std::int64_t>{1, 3});
  CHECK(OffsetWindow(s, 2, 3) == std::vector<std::int64_t>{2, 4, 0});
  CHECK_THROWS_AS(OffsetWindow(s, 3, 3), std::invalid_argument);
}

TEST_CASE("PrecisionAtTop counts positives among the k highest scores", "[unit]") {
  const std::vector<double> s = {0.1, 0.9, 0.5, 0.8};
  const std::vector<char> pos = {1, 1, 0, 0};
  CHECK(PrecisionAtTop(s, pos, 1) == 1.0);
  CHECK(PrecisionAtTop(s, pos, 2) == 0.5);
  CHECK(PrecisionAtTop(s, pos, 4) == 0.5);
}

}  // namespace memgen::theory
