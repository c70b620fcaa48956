// Tests for theory/ld/nearest_neighbour.cc: the constant-η risk is the Cover–Hart bound at R* = ρ and
// 1 − (1 − ρ)² − ρ²/(M − 1); the spec's worked numbers (M = 10, ρ = 0.2: 0.35556; the mixture N(±1, 1):
// R* = 0.158655, R_∞ = 0.22480, 2R*(1 − R*) = 0.26697); R_∞ against an independent trapezoid sum of
// E[2η(1 − η)] over the mixture density; the memorizer's limits and boundary term.
#include "theory/ld/nearest_neighbour.h"

#include <catch2/catch.hpp>

#include <cmath>

namespace memgen::theory {
namespace {

TEST_CASE("the constant-eta 1-NN risk is 1 - (1 - rho)^2 - rho^2/(M - 1)", "[unit]") {
  for (int m : {2, 3, 10})
    for (double rho : {0.0, 0.1, 0.25, 0.5, 0.9}) {
      const double direct = 1.0 - (1.0 - rho) * (1.0 - rho) - rho * rho / (m - 1.0);
      CHECK(ConstantEtaNearestNeighbourRisk(m, rho) == Approx(direct).margin(1e-15));
      CHECK(ConstantEtaNearestNeighbourRisk(m, rho) == CoverHartBound(m, rho));
    }
  CHECK(ConstantEtaNearestNeighbourRisk(10, 0.2) == Approx(0.355556).margin(5e-7));  // the spec's example
  CHECK(BinaryCoverHartBound(0.1) == Approx(0.18).margin(1e-15));
}

TEST_CASE("the mixture N(+-1, 1): R* = Phi(-1), R_inf = 0.22480, bound 0.26697", "[unit]") {
  const double bayes = MixtureBayesRisk(1.0);
  CHECK(bayes == Approx(0.158655253931457).margin(1e-13));
  CHECK(MixtureNearestNeighbourLimit(1.0) == Approx(0.22480).margin(5e-6));
  CHECK(BinaryCoverHartBound(bayes) == Approx(0.26697).margin(5e-6));
  CHECK(MixtureBayesRisk(1.0) < MixtureNearestNeighbourLimit(1.0));
  CHECK(MixtureNearestNeighbourLimit(1.0) < BinaryCoverHartBound(bayes));
}

TEST_CASE("R_inf agrees with a direct trapezoid sum of E[2 eta (1 - eta)]", "[unit]") {
  for (double mu : {0.5, 1.0, 2.0}) {
    const double h = 1e-3;
    double sum = 0.0;
    for (double x = -mu - 12.0; x <= mu + 12.0; x += h) {
      const double f = 0.5 * (std::exp(-0.5 * (x - mu) * (x - mu)) + std::exp(-0.5 * (x + mu) * (x + mu))) / std::sqrt(2.0 * M_PI);
      const double eta = 1.0 / (1.0 + std::exp(-2.0 * mu * x));
      sum += h * f * 2.0 * eta * (1.0 - eta);
    }
    CHECK(MixtureNearestNeighbourLimit(mu) == Approx(sum).margin(1e-9));
  }
  CHECK(MixtureNearestNeighbourLimit(0.0) == Approx(0.5).margin(1e-12));  // no signal: a coin
}

TEST_CASE("the memorizer's limits and boundary term", "[unit]") {
  CHECK(MemorizerLimit(10, 0.2, Corruption::kAnyClass) == Approx(0.18).margin(1e-15));
  CHECK(MemorizerLimit(10, 0.2, Corruption::kOtherClass) == Approx(0.2).margin(1e-15));
  CHECK(MemorizerBoundaryFactor(10, 0.2, Corruption::kAnyClass) == Approx(0.8).margin(1e-15));
  // always wrong: a neighbour of another class is right only when corrupted onto the test's class, ρ/(M − 1)
  CHECK(MemorizerBoundaryFactor(10, 0.2, Corruption::kOtherClass) == Approx(1.0 - 0.2 - 0.2 / 9.0).margin(1e-15));
  CHECK(MemorizerBoundaryBound(10, 99999) == Approx(18.0 / 100000.0).margin(1e-18));
}

}  // namespace
}  // namespace memgen::theory
