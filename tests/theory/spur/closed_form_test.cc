// Tests for theory/spur/closed_form.cc: the feature margins of the minimum-norm interpolant in the
// spurious-feature model (spurious_memorization.md §4). With A = ½ + 1/(2γ²), B = ½ − 1/(2γ²),
// r = n/s, c_M = 2(1 − ρ)r, c_m = 2ρr and Δ = (A + c_M)(A + c_m) − B²:
//   stationarity   (A + c_M)u + Bv = c_M,  Bu + (A + c_m)v = c_m  (the gradient of the §4.2 objective);
//   flip           v·Δ = (A + c_M)c_m − B c_M = 4ρ(1 − ρ) r (r − t),  t = [B(1 − ρ) − Aρ]/(2ρ(1 − ρ)),
//                  so v < 0 exactly for r < t; at γ = 5, ρ = 1/10: A = 13/25, B = 12/25, t = 19/9;
//   limit          v/u = (Aβ' − Bα' + α'β'r)/(α'A − β'B + α'β'r) with α' = 2(1 − ρ), β' = 2ρ, so
//                  v/u − L = α'β'(α' − β') r / [(α'A − β'B)(α'A − β'B + α'β'r)] (A + B = 1), where
//                  L = (Aρ − B(1 − ρ))/(A(1 − ρ) − Bρ) = −19/21 at γ = 5, ρ = 1/10.
// Rounding bounds are first order in the unit roundoff u = 2⁻⁵³: k roundings, each amplified by at most
// the cancellation factor κ = (|x| + |y|)/|x − y| of the one subtraction that loses digits.
#include "theory/spur/closed_form.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <utility>

namespace memgen::theory {
namespace {

constexpr double kU = std::numeric_limits<double>::epsilon() / 2.0;  // unit roundoff

struct Coefficients {
  double a, b;
};

Coefficients Ab(double gamma) { return {0.5 + 0.5 / (gamma * gamma), 0.5 - 0.5 / (gamma * gamma)}; }

MarginProblem At(double rho, double gamma, double n_over_s) {
  MarginProblem p;
  p.n = 1000.0;
  p.rho = rho;
  p.gamma = gamma;
  p.s = p.n / n_over_s;
  return p;
}

// c_M, c_m exactly as closed_form.cc forms them (so the residual checks see the same inputs).
std::pair<double, double> Loads(const MarginProblem& p) {
  return {2.0 * ((1.0 - p.rho) * p.n) / p.s, 2.0 * (p.rho * p.n) / p.s};
}

TEST_CASE("Flip threshold: n/s = 19/9 at gamma = 5, rho = 0.1", "[unit]") {
  // A = 13/25, B = 12/25: B(1 − ρ) − Aρ = (108 − 13)/250 = 19/50 and 2ρ(1 − ρ) = 9/50.
  const double exact = 19.0 / 9.0;
  // A and B carry ≤ 1.04u each, 1 − ρ ≤ 1.11u (0.1 is not a double), the products ≤ 3.2u; the
  // subtraction 0.432 − 0.052 amplifies by κ = 0.484/0.38 < 1.3 (≤ 5u), the denominator ≤ 3.2u, the
  // division 1u and 19/9 itself 0.5u: ≤ 10u relative at first order.
  CHECK(std::fabs(FlipThreshold(0.1, 5.0) - exact) <= 10.0 * kU * exact);
}

TEST_CASE("Flip threshold: -inf when (gamma^2 - 1)/(gamma^2 + 1) <= rho/(1 - rho)", "[unit]") {
  const double inf = std::numeric_limits<double>::infinity();
  CHECK(FlipThreshold(0.1, 1.0) == -inf);  // B = 0: no flip at any n/s
  CHECK(FlipThreshold(0.4, 1.2) == -inf);  // 0.44/2.44 = 0.18 < 0.4/0.6
  CHECK(FlipThreshold(0.1, 1.2) > 0.0);    // 0.18 > 0.1/0.9 = 0.11
}

TEST_CASE("Closed-form margins solve the stationarity equations of the objective", "[unit]") {
  for (const double rho : {0.05, 0.1, 0.3})
    for (const double gamma : {1.5, 5.0, 10.0})
      for (const double r : {1e-3, 0.5, 2.0, 50.0}) {
        const MarginProblem p = At(rho, gamma, r);
        const FeatureMargins m = ClosedFormMargins(p);
        const auto [a, b] = Ab(gamma);
        const auto [c_major, c_minor] = Loads(p);
        const double res_u = (a + c_major) * m.u + b * m.v - c_major;
        const double res_v = b * m.u + (a + c_minor) * m.v - c_minor;
        // First order: u's numerator c_M(A + c_m) − B c_m has 4 roundings on terms ≤ N_u, Δ has 5 on
        // terms ≤ D, the division 1; each residual adds 4 roundings on its own terms.
        const double big_d = (a + c_major) * (a + c_minor) + b * b;
        const double det = (a + c_major) * (a + c_minor) - b * b;
        const double du = (4.0 * (c_major * (a + c_minor) + std::fabs(b) * c_minor) + 5.0 * std::fabs(m.u) * big_d) *
                              kU / det + kU * std::fabs(m.u);
        const double dv = (4.0 * ((a + c_major) * c_minor + std::fabs(b) * c_major) + 5.0 * std::fabs(m.v) * big_d) *
                              kU / det + kU * std::fabs(m.v);
        const double bound_u = (a + c_major) * du + std::fabs(b) * dv +
                                4.0 * kU * ((a + c_major) * std::fabs(m.u) + std::fabs(b * m.v) + c_major);
        const double bound_v = std::fabs(b) * du + (a + c_minor) * dv +
                               4.0 * kU * (std::fabs(b * m.u) + (a + c_minor) * std::fabs(m.v) + c_minor);
        CAPTURE(rho, gamma, r, res_u, bound_u, res_v, bound_v);
        CHECK(std::fabs(res_u) <= bound_u);
        CHECK(std::fabs(res_v) <= bound_v);
        CHECK(m.w_y == 0.5 * (m.u + m.v));
        CHECK(m.w_a == (m.u - m.v) / (2.0 * gamma));
      }
}

TEST_CASE("The minority margin v is negative below the flip threshold and positive above", "[unit]") {
  constexpr double kDelta = 1e-6;  // relative distance of n/s from the threshold
  for (const auto& [rho, gamma] : {std::pair{0.1, 5.0}, {0.2, 3.0}, {0.05, 10.0}, {0.3, 2.0}}) {
    const double t = FlipThreshold(rho, gamma);
    REQUIRE(t > 0.0);
    const auto [a, b] = Ab(gamma);
    for (const double side : {-1.0, 1.0}) {
      const MarginProblem p = At(rho, gamma, t * (1.0 + side * kDelta));
      const FeatureMargins m = ClosedFormMargins(p);
      // sign(v) = sign(v·Δ), v·Δ = 4ρ(1 − ρ) r (r − t) with r = n/s. The computed t and r = n/s errs by
      // ≤ 14u relative (10u from t, 4u from forming s and c_M, c_m), the numerator (A + c_M)c_m − B c_M by
      // 4 roundings on its terms: the sign is decided if the signal at |r − t| = (δ − 14u)t exceeds it.
      const auto [c_major, c_minor] = Loads(p);
      const double r = t * (1.0 + side * kDelta);
      const double signal = 4.0 * rho * (1.0 - rho) * r * t * (kDelta - 14.0 * kU);
      const double noise = 4.0 * kU * ((a + c_major) * c_minor + b * c_major);
      REQUIRE(signal > noise);
      CAPTURE(rho, gamma, r, m.u, m.v);
      CHECK(m.u > 0.0);
      CHECK((side < 0.0 ? m.v < 0.0 : m.v > 0.0));
    }
    CHECK(ClosedFormMargins(At(rho, gamma, 1e-3 * t)).v < 0.0);  // few points per unit of noise: memorized
    CHECK(ClosedFormMargins(At(rho, gamma, 1e3 * t)).v > 0.0);   // many: the minority is fitted by w_y
  }
}

TEST_CASE("LimitRatio is -19/21 at the spec's parameters and the s -> inf limit of v/u", "[unit]") {
  const double rho = 0.1, gamma = 5.0;
  // L = (0.052 − 0.432)/(0.468 − 0.048) = −0.38/0.42: as for the flip threshold, ≤ 10u relative.
  const double limit = -19.0 / 21.0;
  CHECK(std::fabs(LimitRatio(rho, gamma) - limit) <= 10.0 * kU * std::fabs(limit));
  CHECK(std::fabs(LimitRatio(rho, gamma) - (-0.905)) <= 5e-4);  // "about -0.905" (3 digits) in the docs
  const auto [a, b] = Ab(gamma);
  const double alpha = 2.0 * (1.0 - rho), beta = 2.0 * rho;
  const double base = alpha * a - beta * b;  // 0.84
  for (const double r : {1e-3, 1e-6, 1e-12}) {
    const FeatureMargins m = ClosedFormMargins(At(rho, gamma, r));  // the direct solve at s = n/r
    const double truncation = alpha * beta * (alpha - beta) * r / (base * (base + alpha * beta * r));
    // u and v share Δ, so v/u = N_v/N_u up to the 2 divisions: N_u, N_v have 4 roundings at κ < 1.3
    // and inputs c_M, c_m off by ≤ 4u (≤ 11u each), so v/u ≤ 24u; L ≤ 10u; the truncation term ≤ 6u of itself.
    const double rounding = 34.0 * kU * std::fabs(limit) + 6.0 * kU * truncation;
    CAPTURE(r, m.u, m.v, truncation);
    CHECK(std::fabs(m.v / m.u - LimitRatio(rho, gamma) - truncation) <= rounding);
    CHECK(std::fabs(m.v / m.u - LimitRatio(rho, gamma)) <= truncation + rounding);
  }
}

}  // namespace
}  // namespace memgen::theory
