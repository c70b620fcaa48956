// Tests for membership inference as hypothesis testing (theory/mem/membership.h): the closed-form TPR
// at hand-computed points, TprAtFpr's LiRA convention on a small example, AUC with ties, the online
// statistic as a log likelihood ratio, and the leave-one-out median.
#include <catch2/catch.hpp>

#include <cmath>

#include "theory/mem/membership.h"

namespace memgen::theory {

TEST_CASE("OneSidedTpr: equal spreads, and a zero shift gives TPR = FPR", "[unit]") {
  const GaussianScores none{0.0, 1.0, 0.0, 1.0};
  CHECK(OneSidedTpr(0.01, none) == Approx(0.01).epsilon(1e-12));
  // Δμ = Φ⁻¹(0.975) − Φ⁻¹(0.05)... here: FPR 0.05 (z = −1.6449), Δμ = 1.6449: TPR = Φ(0) = 0.5
  const GaussianScores half{1.6448536269514722, 1.0, 0.0, 1.0};
  CHECK(OneSidedTpr(0.05, half) == Approx(0.5).epsilon(1e-12));
  // σ_in = 2, σ_out = 1, μ_in = μ_out: TPR = Φ(Φ⁻¹(α)/2)
  const GaussianScores wide{0.0, 2.0, 0.0, 1.0};
  CHECK(OneSidedTpr(0.05, wide) == Approx(0.5 * std::erfc(1.6448536269514722 / 2.0 / std::sqrt(2.0))).epsilon(1e-12));
  CHECK(OneSidedThreshold(0.05, none) == Approx(1.6448536269514722).epsilon(1e-12));
}

TEST_CASE("TprAtFpr counts IN scores above the highest threshold with FPR below the rate", "[unit]") {
  const std::vector<double> out = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
  const std::vector<double> in = {0.05, 0.75, 0.85, 0.95, 1.5};
  // FPR < 0.15 allows ⌈1.5⌉ − 1 = 1 OUT score above τ: τ = 0.9, IN above: 0.95, 1.5
  CHECK(TprAtFpr(in, out, 0.15) == Approx(0.4));
  // FPR < 0.1 allows 0: τ = 1.0, IN above: 1.5
  CHECK(TprAtFpr(in, out, 0.1) == Approx(0.2));
}

TEST_CASE("Auc is the Mann-Whitney probability with half credit for ties", "[unit]") {
  CHECK(Auc({2.0, 3.0}, {1.0, 0.0}) == 1.0);
  CHECK(Auc({0.0}, {1.0}) == 0.0);
  CHECK(Auc({1.0}, {1.0}) == 0.5);
  CHECK(Auc({1.0, 3.0}, {2.0}) == 0.5);
}

TEST_CASE("LiraOnline is the log likelihood ratio of two normals", "[unit]") {
  const auto logpdf = [](double x, double mu, double sd) { return -0.5 * std::pow((x - mu) / sd, 2) - std::log(sd) - 0.5 * std::log(2 * M_PI); };
  CHECK(LiraOnline(0.3, 1.0, 0.5, -0.2, 2.0) == Approx(logpdf(0.3, 1.0, 0.5) - logpdf(0.3, -0.2, 2.0)).epsilon(1e-14));
  CHECK(LiraOffline(3.0, 1.0, 2.0) == 1.0);
}

TEST_CASE("MedianSkipping leaves one element out", "[unit]") {
  const double a[] = {1.0, 2.0, 3.0, 4.0, 10.0};
  CHECK(MedianSkipping(a, 5, 5) == 3.0);
  CHECK(MedianSkipping(a, 5, 0) == 3.5);
  CHECK(MedianSkipping(a, 5, 4) == 2.5);
  CHECK(MedianSkipping(a, 5, 2) == 3.0);
}

}  // namespace memgen::theory

namespace memgen::theory {

TEST_CASE("DpPowerCap is min(1, e^eps alpha + delta)", "[unit]") {
  CHECK(DpPowerCap(0.01, 1.0, 1e-5) == Approx(std::exp(1.0) * 0.01 + 1e-5).epsilon(1e-15));
  CHECK(DpPowerCap(0.5, 2.0, 1e-5) == 1.0);
}

}  // namespace memgen::theory
