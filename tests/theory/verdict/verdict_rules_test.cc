// Tests for theory/verdict/verdict_rules.h: each rule passes on its boundary cases and fails beyond them.
#include <catch2/catch.hpp>

#include <boost/math/distributions/students_t.hpp>

#include <cmath>

#include "theory/verdict/verdict_rules.h"

using namespace memgen;
using namespace memgen::theory;
using theory::Verdict;

namespace {
theory::MeanSe M(double mean, double se) {
  theory::MeanSe m;
  m.mean = mean;
  m.se = se;
  m.count = 100;
  return m;
}
// The size whose critical value at `count` trials is z, so the boundary cases below read in SE.
TestSize Two(double z, std::size_t count = 100) { return {TailProbability(z, count, Tails::kTwo)}; }
TestSize One(double z, std::size_t count = 100) { return {TailProbability(z, count, Tails::kOne)}; }
}  // namespace

TEST_CASE("ORACLE passes within z SE and fails beyond", "[unit]") {
  CHECK(OracleClaim({"a", "", ""}, M(1.0, 0.1), 1.39, Two(4.0)).verdict() == Verdict::kPass);
  CHECK(OracleClaim({"a", "", ""}, M(1.0, 0.1), 1.41, Two(4.0)).verdict() == Verdict::kFail);
  // The size is the rate; its critical value is Student's t with T − 1 = 99 degrees of freedom.
  const boost::math::students_t t99(99.0);
  CHECK(OracleClaim({"a", "", ""}, M(1.0, 0.1), 1.0, TestSize{1e-4}).false_failure_rate() == 1e-4);
  CHECK_THAT(CriticalValue(TestSize{1e-4}, 100, Tails::kTwo),
             Catch::Matchers::WithinRel(boost::math::quantile(boost::math::complement(t99, 0.5e-4)), 1e-12));
  theory::MeanSe one = M(1.0, 0.1);
  one.count = 1;  // a single trial supports no verdict
  CHECK(OracleClaim({"a", "", ""}, one, 1.0, Two(4.0)).verdict() == Verdict::kInconclusive);
}

TEST_CASE("DE adds the declared relative error", "[unit]") {
  CHECK(DeClaim({"a", "", ""}, M(1.05, 0.001), 1.0, Two(4.0), 0.05).verdict() == Verdict::kPass);
  CHECK(DeClaim({"a", "", ""}, M(1.06, 0.001), 1.0, Two(4.0), 0.05).verdict() == Verdict::kFail);
}

TEST_CASE("deterministic series are compared exactly, degenerate ones are inconclusive", "[unit]") {
  const std::vector<double> x = {100, 1000, 10000};
  std::vector<theory::MeanSe> exact;
  for (double v : x) exact.push_back(M(std::pow(v, 0.3), 0.0));
  const theory::Claim slope = SlopeClaim({"s", "", ""}, x, exact, {-0.25, 0.25}, Two(3.0));
  CHECK(slope.verdict() == Verdict::kFail);  // 0.3 > 0.25 with no statistical widening
  CHECK(slope.false_failure_rate() == 0.0);
  CHECK(BandClaim({"b", "", ""}, {}, {}, 3.0, Two(3.0)).verdict() == Verdict::kInconclusive);  // no points, no crash
  CHECK(BandClaim({"b", "", ""}, {1, 2}, {M(0.1, 1.0), M(0.1, 1.0)}, 3.0, Two(3.0)).verdict() == Verdict::kInconclusive);
  std::vector<theory::MeanSe> mixed = {M(1.0, 0.1), M(2.0, 0.0), M(3.0, 0.1)};
  CHECK(SlopeClaim({"s", "", ""}, x, mixed, {0.0, 1.0}, Two(3.0)).verdict() == Verdict::kInconclusive);  // SE 0 in a weighted fit
}

TEST_CASE("BAND and SLOPE rules", "[unit]") {
  const std::vector<double> x = {100, 200, 400, 800};
  std::vector<theory::MeanSe> flat, growing;
  for (double v : x) {
    flat.push_back(M(0.7, 0.001));
    growing.push_back(M(0.7 * v / 100.0, 0.001));
  }
  CHECK(BandClaim({"b", "", ""}, x, flat, 3.0, Two(3.0)).verdict() == Verdict::kPass);
  CHECK(BandClaim({"b", "", ""}, x, growing, 3.0, Two(3.0)).verdict() == Verdict::kFail);
  CHECK(SlopeClaim({"s", "", ""}, x, flat, {-0.25, 0.25}, Two(3.0)).verdict() == Verdict::kPass);
  const theory::Claim slope = SlopeClaim({"s", "", ""}, x, growing, {-0.25, 0.25}, Two(3.0));
  CHECK(slope.verdict() == Verdict::kFail);
  CHECK_THAT(slope.measured(), Catch::Matchers::WithinAbs(1.0, 1e-6));
}

TEST_CASE("AT-LEAST and DECREASING rules", "[unit]") {
  const std::vector<double> x = {1, 2, 3};
  const BoundSide at_least = BoundSide::kAtLeast, at_most = BoundSide::kAtMost;
  CHECK(SeriesBoundClaim({"l", "", ""}, x, {M(1, 0.01), M(0.9, 0.01), M(0.8, 0.01)}, 0.5, at_least, 0.0, One(3)).verdict() ==
        Verdict::kPass);
  CHECK(SeriesBoundClaim({"l", "", ""}, x, {M(1, 0.01), M(0.4, 0.01), M(0.8, 0.01)}, 0.5, at_least, 0.0, One(3)).verdict() ==
        Verdict::kFail);
  CHECK(SeriesBoundClaim({"m", "", ""}, x, {M(0.1, 0.01), M(0.2, 0.01)}, 0.5, at_most, 0.0, One(3)).verdict() ==
        Verdict::kPass);
  CHECK(SeriesBoundClaim({"m", "", ""}, x, {M(0.1, 0.01), M(0.6, 0.01)}, 0.5, at_most, 0.0, One(3)).verdict() ==
        Verdict::kFail);
  CHECK(DecreasingClaim({"d", "", ""}, x, {M(1, 0.01), M(0.9, 0.01), M(0.8, 0.01)}, One(3)).verdict() == Verdict::kPass);
  CHECK(DecreasingClaim({"d", "", ""}, x, {M(1, 0.01), M(1.2, 0.01), M(0.8, 0.01)}, One(3)).verdict() == Verdict::kFail);
  // A flat series: no step rises, but no decrease either.
  CHECK(DecreasingClaim({"d", "", ""}, x, {M(1, 0.01), M(1, 0.01), M(1, 0.01)}, One(3)).verdict() ==
        Verdict::kInconclusive);
  CHECK(NonIncreasingClaim({"d", "", ""}, x, {M(1, 0.01), M(1, 0.01), M(1, 0.01)}, One(3)).verdict() == Verdict::kPass);
  CHECK(NonIncreasingClaim({"d", "", ""}, x, {M(1, 0.01), M(1.2, 0.01), M(1.2, 0.01)}, One(3)).verdict() ==
        Verdict::kFail);
}

TEST_CASE("AT-LEAST is a non-inferiority test: PASS within the margin, FAIL below the level, else INCONCLUSIVE",
          "[unit]") {
  const BoundSide at_least = BoundSide::kAtLeast;
  // Level 0.95, margin 0.02, z = 4 (one-sided at T = 100), SE 0.005: the interval is mean ± 0.02.
  CHECK(MeanBoundClaim({"n", "", ""}, M(0.95, 0.005), 0.95, at_least, 0.02, One(4.0)).verdict() == Verdict::kPass);
  CHECK(MeanBoundClaim({"n", "", ""}, M(0.92, 0.005), 0.95, at_least, 0.02, One(4.0)).verdict() ==
        Verdict::kFail);  // [0.90, 0.94] lies wholly below the level 0.95
  CHECK(MeanBoundClaim({"n", "", ""}, M(0.94, 0.005), 0.95, at_least, 0.02, One(4.0)).verdict() ==
        Verdict::kInconclusive);  // [0.92, 0.96]: reaches the level, not within the margin
  CHECK(MeanBoundClaim({"n", "", ""}, M(0.942, 0.05), 0.95, at_least, 0.02, One(4.0)).verdict() ==
        Verdict::kInconclusive);  // too few trials: SPUR-E5.selected's case
  CHECK(MeanBoundClaim({"n", "", ""}, M(0.90, 0.005), 0.95, at_least, 0.02, One(4.0)).verdict() == Verdict::kFail);
  // At most mirrors it.
  CHECK(MeanBoundClaim({"n", "", ""}, M(0.30, 0.005), 0.30, BoundSide::kAtMost, 0.02, One(4.0)).verdict() ==
        Verdict::kPass);
  CHECK(MeanBoundClaim({"n", "", ""}, M(0.40, 0.005), 0.30, BoundSide::kAtMost, 0.02, One(4.0)).verdict() ==
        Verdict::kFail);
}
