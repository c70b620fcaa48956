// Tests for theory/ld/mode_dynamics.cc and theory/ld/spiked_spectrum.cc against the worked numbers of
// learning_dynamics.md §3, §4 and an independent quadrature of the deep ODE τ du/dt = 4u^{3/2}(ŝ − u):
//   one hidden layer, ŝ = 3, ε = 1e-3: t_half = ln(2999)/6 = 1.33437 (spec: 1.334);
//   three hidden layers, same ŝ, ε: t10/t50/t90 = 4.9959 / 5.2174 / 5.3423 (spec, its closed form);
//   A = 1, s̄ = 5: ŝ = 26/5, t_half = 0.823; σ_r = √1.5, edge 2.449, t_half = 1.593; ratio 1.94.
#include "theory/ld/mode_dynamics.h"

#include <catch2/catch.hpp>

#include <boost/math/quadrature/gauss_kronrod.hpp>

#include <cmath>

#include "theory/ld/early_stopping.h"
#include "theory/ld/spiked_spectrum.h"

namespace memgen::theory {
namespace {

TEST_CASE("mode strength and mode time are inverse functions", "[unit]") {
  for (int layers : {2, 4})
    for (double s_hat : {0.4, 3.0, 6.0})
      for (double t : {0.0, 0.3, 1.0, 5.0}) {
        const double eps = 1e-3, u = ModeStrength(t, s_hat, eps, layers);
        if (u >= s_hat * (1.0 - 1e-9)) continue;
        CHECK(ModeTime(u, s_hat, eps, layers) == Approx(t).margin(1e-9));
      }
  CHECK(ModeStrength(0.0, 3.0, 1e-3, 2) == 1e-3);
  CHECK(ModeStrength(0.0, 3.0, 1e-3, 4) == 1e-3);
}

TEST_CASE("the spec's worked mode times", "[unit]") {
  CHECK(ModeTime(1.5, 3.0, 1e-3, 2) == Approx(std::log(2999.0) / 6.0).epsilon(1e-14));
  CHECK(ModeTime(0.3, 3.0, 1e-3, 4) == Approx(4.9959).margin(1e-4));
  CHECK(ModeTime(1.5, 3.0, 1e-3, 4) == Approx(5.2174).margin(1e-4));
  CHECK(ModeTime(2.7, 3.0, 1e-3, 4) == Approx(5.3423).margin(1e-4));
}

TEST_CASE("the deep closed form agrees with a quadrature of its ODE", "[unit]") {
  const double s_hat = 2.5, eps = 1e-2;
  const auto rate = [&](double u) { return 1.0 / (4.0 * std::pow(u, 1.5) * (s_hat - u)); };
  for (double u : {0.05, 0.5, 1.25, 2.0, 2.4}) {
    const double integral = boost::math::quadrature::gauss_kronrod<double, 61>::integrate(rate, eps, u, 15, 1e-13);
    CHECK(ModeTime(u, s_hat, eps, 4) == Approx(integral).epsilon(1e-9));
  }
}

TEST_CASE("the random-label slowdown of the spec's worked example", "[unit]") {
  const SpikedModel square{1.0, 1.0};
  const double s_hat = TrainingSingularValue(5.0, square);
  CHECK(s_hat == Approx(5.2).epsilon(1e-14));
  const double sigma_r = RandomOutputScale({5.0}, 50, square);
  CHECK(sigma_r == Approx(std::sqrt(1.5)).epsilon(1e-14));
  const double t_signal = ModeTime(0.5 * s_hat, s_hat, 1e-3, 2);
  const double edge = sigma_r * 2.0, t_random = ModeTime(0.5 * edge, edge, 1e-3, 2);
  CHECK(t_signal == Approx(0.823).margin(5e-4));
  CHECK(edge == Approx(2.449).margin(5e-4));
  CHECK(t_random == Approx(1.593).margin(5e-4));
  CHECK(t_random / t_signal == Approx(1.94).margin(5e-3));
}

TEST_CASE("overlap and spike: limits and the detectability threshold", "[unit]") {
  const SpikedModel half{0.5, 1.0};
  CHECK(TeacherOverlap(1e4, half) == Approx(1.0).margin(1e-7));
  CHECK(TrainingSingularValue(1e4, half) == Approx(1e4).epsilon(1e-7));
  CHECK(TeacherOverlap(0.8, half) == 0.0);  // below A^{1/4} = 0.84: inside the noise sea
  CHECK(TrainingSingularValue(0.8, half) == NoiseEdgeUpper(half));
  CHECK(EarlyStoppingOptimum(0.8, half) == 1.0);
  CHECK(NoiseEdgeUpper(half) == Approx(1.0 + std::sqrt(0.5)).epsilon(1e-15));
  // At the threshold x = A^{1/4} the spike meets the edge: ŝ² = (1 + √A)².
  const double x = std::pow(0.5, 0.25) * (1.0 + 1e-9);
  CHECK(TrainingSingularValue(x, half) == Approx(NoiseEdgeUpper(half)).epsilon(1e-6));
}

TEST_CASE("a one-mode aligned student stops early at 1 - c^2/|W|^2", "[unit]") {
  AlignedStudent st;
  st.s_hat = {5.0};
  st.alignment = {4.5};
  st.teacher_norm2 = 25.0;
  st.epsilon = 1e-6;
  const EarlyStop stop = OptimalEarlyStop(st);
  CHECK(stop.test_error == Approx(1.0 - 4.5 * 4.5 / 25.0).margin(1e-10));
  CHECK(ModeStrength(stop.t_over_tau, 5.0, 1e-6, 2) == Approx(4.5).margin(1e-4));
  CHECK(MemorizedTestError(st) == Approx((25.0 - 45.0 + 25.0) / 25.0).epsilon(1e-15));
}

}  // namespace
}  // namespace memgen::theory
