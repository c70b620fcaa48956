// Tests for sim/spur/mat_shift.h: with confident held-out logits that equal the attribute, the
// calibration matrix is the joint of (attribute, label) and δ = ±log((1 − ρ + 1e-6)/(ρ + 1e-6)) in
// closed form; without calibration δ = ±log((1 + 1e-6)/1e-6); uninformative logits give δ = 0.
// At |z|/τ = 500 the softmax is one-hot to e^{−500}, far below double rounding: 1e-12 relative.
#include <catch2/catch.hpp>

#include <Eigen/Core>

#include <cmath>

#include "sim/spur/mat_shift.h"
#include "support/tolerances.h"

using namespace memgen::sim;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

// n = 100 points, labels alternating, the attribute a = y except on the first `minority` points of
// each class; held-out logits z = 50a (a confident prediction of the attribute).
struct Case {
  Eigen::VectorXd z, y;
};

Case AttributeLogits(int minority) {
  Case c{Eigen::VectorXd(100), Eigen::VectorXd(100)};
  for (int i = 0; i < 100; ++i) {
    c.y(i) = i % 2 == 0 ? 1.0 : -1.0;
    const double a = i / 2 < minority ? -c.y(i) : c.y(i);
    c.z(i) = 50.0 * a;
  }
  return c;
}

}  // namespace

TEST_CASE("MAT shift: calibration is p(y | attribute) and the shift its log-odds", "[unit]") {
  const Case c = AttributeLogits(10);  // ρ = 0.2 in each class
  const MatShift s = ComputeMatShift(c.z, c.y, 0.1);
  CHECK_THAT(s.calibration(0, 0), WithinRel(0.8, memgen::test::kRelTight));
  CHECK_THAT(s.calibration(0, 1), WithinRel(0.2, memgen::test::kRelTight));
  CHECK_THAT(s.calibration(1, 0), WithinRel(0.2, memgen::test::kRelTight));
  CHECK_THAT(s.calibration(1, 1), WithinRel(0.8, memgen::test::kRelTight));
  const double log_odds = std::log((0.8 + 1e-6) / (0.2 + 1e-6));
  for (int i = 0; i < 100; ++i) {
    INFO("i = " << i);
    CHECK_THAT(s.delta(i), WithinRel(c.z(i) > 0.0 ? log_odds : -log_odds, memgen::test::kRelTight));
  }
}

TEST_CASE("MAT shift: without calibration the shift is the floor's log-odds", "[unit]") {
  const Case c = AttributeLogits(10);
  const MatShift s = ComputeMatShift(c.z, c.y, 0.1, false);
  CHECK(s.calibration.isIdentity(0.0));
  const double log_odds = std::log((1.0 + 1e-6) / 1e-6);  // ≈ 13.8
  for (int i = 0; i < 100; ++i)  // e^{−500} against the 1e-6 floor
    CHECK_THAT(s.delta(i), WithinRel(c.z(i) > 0.0 ? log_odds : -log_odds, 1e-9));
}

TEST_CASE("MAT shift: uninformative held-out logits give no shift", "[unit]") {
  const Case c = AttributeLogits(10);
  const MatShift s = ComputeMatShift(Eigen::VectorXd::Zero(100), c.y, 0.1);
  CHECK_THAT(s.calibration(0, 0), WithinRel(0.5, memgen::test::kRelTight));  // balanced labels
  for (int i = 0; i < 100; ++i) CHECK_THAT(s.delta(i), WithinAbs(0.0, 1e-15));
}
