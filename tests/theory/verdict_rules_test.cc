// Tests for theory/verdict_rules.h: each rule passes on its boundary cases and fails beyond them.
#include <catch2/catch.hpp>

#include <cmath>

#include "theory/verdict_rules.h"

using namespace memgen;
using namespace memgen::theory;
using sim::Verdict;

namespace {
sim::MeanSe M(double mean, double se) {
  sim::MeanSe m;
  m.mean = mean;
  m.se = se;
  m.count = 100;
  return m;
}
}  // namespace

TEST_CASE("ORACLE passes within z SE and fails beyond", "[unit]") {
  CHECK(OracleClaim({"a", "", ""}, M(1.0, 0.1), 1.39, 4.0).verdict == Verdict::kPass);
  CHECK(OracleClaim({"a", "", ""}, M(1.0, 0.1), 1.41, 4.0).verdict == Verdict::kFail);
  CHECK_THAT(OracleClaim({"a", "", ""}, M(1.0, 0.1), 1.0, 4.0).false_failure_rate,
             Catch::Matchers::WithinRel(6.334248366623996e-05, 1e-9));
}

TEST_CASE("DE adds the declared relative error", "[unit]") {
  CHECK(DeClaim({"a", "", ""}, M(1.05, 0.001), 1.0, 4.0, 0.05).verdict == Verdict::kPass);
  CHECK(DeClaim({"a", "", ""}, M(1.06, 0.001), 1.0, 4.0, 0.05).verdict == Verdict::kFail);
}

TEST_CASE("BAND and SLOPE rules", "[unit]") {
  const std::vector<double> x = {100, 200, 400, 800};
  std::vector<sim::MeanSe> flat, growing;
  for (double v : x) {
    flat.push_back(M(0.7, 0.001));
    growing.push_back(M(0.7 * v / 100.0, 0.001));
  }
  CHECK(BandClaim({"b", "", ""}, x, flat, 3.0, 3.0).verdict == Verdict::kPass);
  CHECK(BandClaim({"b", "", ""}, x, growing, 3.0, 3.0).verdict == Verdict::kFail);
  CHECK(SlopeClaim({"s", "", ""}, x, flat, {-0.25, 0.25}, 3.0).verdict == Verdict::kPass);
  const sim::Claim slope = SlopeClaim({"s", "", ""}, x, growing, {-0.25, 0.25}, 3.0);
  CHECK(slope.verdict == Verdict::kFail);
  CHECK_THAT(slope.measured, Catch::Matchers::WithinAbs(1.0, 1e-6));
}

TEST_CASE("AT-LEAST and DECREASING rules", "[unit]") {
  const std::vector<double> x = {1, 2, 3};
  CHECK(AtLeastClaim({"l", "", ""}, x, {M(1, 0.01), M(0.9, 0.01), M(0.8, 0.01)}, 0.5, 3).verdict == Verdict::kPass);
  CHECK(AtLeastClaim({"l", "", ""}, x, {M(1, 0.01), M(0.4, 0.01), M(0.8, 0.01)}, 0.5, 3).verdict == Verdict::kFail);
  CHECK(DecreasingClaim({"d", "", ""}, x, {M(1, 0.01), M(0.9, 0.01), M(0.8, 0.01)}, 3).verdict == Verdict::kPass);
  CHECK(DecreasingClaim({"d", "", ""}, x, {M(1, 0.01), M(1.2, 0.01), M(0.8, 0.01)}, 3).verdict == Verdict::kFail);
}
