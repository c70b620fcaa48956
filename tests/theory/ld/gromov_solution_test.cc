// Tests for theory/ld/gromov_solution.cc: frequencies cycle over 1 … (p−1)/2; the constructive term
// ½Σ_k cos(2πσ_k r/p)/N is 1/2 at r ≡ 0 and −1/(2(p−1)) elsewhere when (p−1)/2 divides N (because
// Σ_{f=1}^{(p−1)/2} cos(2πfr/p) = −1/2 for r ≢ 0; learning_dynamics.md §2.2); the weights are the
// cosines of eqs. 6–7.
#include "theory/ld/gromov_solution.h"

#include <catch2/catch.hpp>

#include <cmath>

namespace memgen::theory {
namespace {

TEST_CASE("Gromov frequencies cycle over 1 .. (p-1)/2", "[unit]") {
  CHECK(GromovFrequency(0, 23) == 1);
  CHECK(GromovFrequency(10, 23) == 11);
  CHECK(GromovFrequency(11, 23) == 1);
}

TEST_CASE("the constructive term peaks at 1/2 and is -1/(2(p-1)) off the peak", "[unit]") {
  for (int p : {7, 23, 97}) {
    const int neurons = 3 * (p - 1) / 2;
    CHECK(GromovConstructiveTerm(p, neurons, 0) == Approx(0.5).epsilon(1e-14));
    for (int r = 1; r < p; ++r) CHECK(GromovConstructiveTerm(p, neurons, r) == Approx(-0.5 / (p - 1)).margin(1e-13));
  }
}

TEST_CASE("the analytic weights are the cosines of eqs. 6-7", "[unit]") {
  GromovPhases phases{{0.3, 1.1}, {0.7, 2.0}, {1.0, 3.1}};
  const int p = 5;
  const Eigen::MatrixXd w1 = GromovInputWeights(p, phases), w2 = GromovOutputWeights(p, phases);
  REQUIRE(w1.rows() == 2);
  REQUIRE(w1.cols() == 10);
  REQUIRE(w2.rows() == 5);
  const double omega = 2.0 * M_PI * 2 / p;  // neuron 1 has frequency 2
  CHECK(w1(1, 3) == Approx(std::cos(omega * 3 + 1.1)).epsilon(1e-14));
  CHECK(w1(1, p + 4) == Approx(std::cos(omega * 4 + 2.0)).epsilon(1e-14));
  CHECK(w2(2, 1) == Approx(std::cos(-omega * 2 - 3.1)).epsilon(1e-14));
}

}  // namespace
}  // namespace memgen::theory
