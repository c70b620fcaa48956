// Tests for theory/verdict/family_rules.h, the new single-mean rules of verdict_rules.h, and the
// verdict table of claim.h (expectations, preconditions, power): each rule passes on its boundary
// cases, fails beyond them, and says INCONCLUSIVE where the evidence cannot decide.
#include <catch2/catch.hpp>

#include <cmath>

#include "theory/verdict/family_rules.h"
#include "theory/verdict/verdict_rules.h"

using namespace memgen::theory;

namespace {
MeanSe M(double mean, double se, std::size_t count = 100) {
  MeanSe m;
  m.mean = mean;
  m.se = se;
  m.count = count;
  return m;
}
// The size whose critical value at `count` trials is z, so the boundary cases below read in SE.
TestSize Two(double z, std::size_t count = 100) { return {TailProbability(z, count, Tails::kTwo)}; }
TestSize One(double z, std::size_t count = 100) { return {TailProbability(z, count, Tails::kOne)}; }
}  // namespace

TEST_CASE("an expected refutation reports REFUTED when violated and FAIL when it holds", "[unit]") {
  ClaimHeader refuted{"r", "a reading of the literature", "spec"};
  refuted.ExpectRefuted();
  const Claim violated = OracleClaim(refuted, M(1.0, 0.1), 2.0, Two(4.0));
  CHECK(violated.verdict() == Verdict::kRefuted);
  CHECK(AsExpected(violated));
  const Claim held = OracleClaim(refuted, M(1.0, 0.1), 1.0, Two(4.0));
  CHECK(held.verdict() == Verdict::kFail);
  CHECK_FALSE(AsExpected(held));
  CHECK(held.reason().find("expected a refutation") != std::string::npos);
}

TEST_CASE("an unmet precondition makes any outcome INCONCLUSIVE with its reason", "[unit]") {
  ClaimHeader header{"p", "", ""};
  header.Require(false, "the learner is not accurate here");
  const Claim c = OracleClaim(header, M(1.0, 0.1), 5.0, Two(4.0));  // would FAIL
  CHECK(c.verdict() == Verdict::kInconclusive);
  CHECK(c.reason().rfind("the learner is not accurate here", 0) == 0);
}

TEST_CASE("a rule that holds without the power to see the effect is INCONCLUSIVE, a violation still FAILs",
          "[unit]") {
  ClaimHeader header{"e", "", ""};
  header.effect = 0.1;  // detectable deviation (4 + 1.28) 0.1 = 0.53 > 0.1
  CHECK(OracleClaim(header, M(1.0, 0.1), 1.0, Two(4.0)).verdict() == Verdict::kInconclusive);
  CHECK(OracleClaim(header, M(1.0, 0.1), 2.0, Two(4.0)).verdict() == Verdict::kFail);
  header.effect = 1.0;  // 0.53 <= 1: powered
  CHECK(OracleClaim(header, M(1.0, 0.1), 1.0, Two(4.0)).verdict() == Verdict::kPass);
}

TEST_CASE("the detectable deviation is (z + z_0.9) SE: a shift of that size fails with probability 0.9",
          "[unit]") {
  const TestSize size = Two(3.0, 100000);
  const double z = CriticalValue(size, 100000, Tails::kTwo);
  const Claim c = OracleClaim({"d", "", ""}, M(0.0, 1.0, 100000), 0.0, size);
  CHECK(c.detectable_deviation() == Approx(z + 1.2815515655446004).epsilon(1e-15));
  // Under a true shift δ = DD the mean is N(δ, 1): P(|x̄| > z) >= P(x̄ > z) = Φ(δ − z) = 0.9.
  const double power = 0.5 * std::erfc(-(c.detectable_deviation() - z) / std::sqrt(2.0));
  CHECK(power == Approx(0.9).epsilon(1e-12));
}

TEST_CASE("TOLERANCE passes within tolerance + z SE and fails beyond", "[unit]") {
  CHECK(ToleranceClaim({"t", "", ""}, M(1.039, 0.01), 1.0, 0.0, Two(4.0)).verdict() == Verdict::kPass);
  CHECK(ToleranceClaim({"t", "", ""}, M(1.05, 0.01), 1.0, 0.0, Two(4.0)).verdict() == Verdict::kFail);
  CHECK(ToleranceClaim({"t", "", ""}, M(1.05, 0.01), 1.0, 0.02, Two(4.0)).verdict() == Verdict::kPass);
  CHECK(ToleranceClaim({"t", "", ""}, M(1.07, 0.01), 1.0, 0.02, Two(4.0)).verdict() == Verdict::kFail);
  CHECK(ToleranceClaim({"t", "", ""}, M(NAN, 0.01), 1.0, 0.02, Two(4.0)).verdict() == Verdict::kInconclusive);
}

TEST_CASE("PAIRED-ORDER needs significance either way, else INCONCLUSIVE", "[unit]") {
  CHECK(PairedOrderingClaim({"o", "", ""}, M(-0.5, 0.1), One(4.0)).verdict() == Verdict::kPass);
  CHECK(PairedOrderingClaim({"o", "", ""}, M(0.5, 0.1), One(4.0)).verdict() == Verdict::kFail);
  CHECK(PairedOrderingClaim({"o", "", ""}, M(-0.1, 0.1), One(4.0)).verdict() == Verdict::kInconclusive);
  CHECK(PairedOrderingClaim({"o", "", ""}, M(0.0, 0.0), One(4.0)).verdict() == Verdict::kFail);  // a deterministic tie
  CHECK(PairedOrderingClaim({"o", "", ""}, M(-1e-9, 0.0), One(4.0)).verdict() == Verdict::kPass);
}

TEST_CASE("SIDE-OF-LEVEL needs significance either way, else INCONCLUSIVE", "[unit]") {
  CHECK(SideOfLevelClaim({"s", "", ""}, M(1.5, 0.1), 1.0, One(4.0)).verdict() == Verdict::kPass);
  CHECK(SideOfLevelClaim({"s", "", ""}, M(0.5, 0.1), 1.0, One(4.0)).verdict() == Verdict::kFail);
  CHECK(SideOfLevelClaim({"s", "", ""}, M(1.2, 0.1), 1.0, One(4.0)).verdict() == Verdict::kInconclusive);
  CHECK(SideOfLevelClaim({"s", "", ""}, M(1.2, 0.1), 1.0, One(4.0)).measured() == 1.2);
}

TEST_CASE("DIFFERENCE combines the two SEs", "[unit]") {
  // a − b = 0.5 with SE √(0.09 + 0.16) = 0.5, z = 4: the interval [−1.5, 2.5].
  CHECK(DifferenceBoundClaim({"d", "", ""}, M(1.0, 0.3), M(0.5, 0.4), 0.0, BoundSide::kAtMost, 3.0, One(4.0)).verdict() ==
        Verdict::kPass);  // 2.5 <= 0 + margin 3
  CHECK(DifferenceBoundClaim({"d", "", ""}, M(1.0, 0.3), M(0.5, 0.4), 0.0, BoundSide::kAtMost, 0.0, One(4.0)).verdict() ==
        Verdict::kInconclusive);  // straddles 0
  CHECK(DifferenceBoundClaim({"d", "", ""}, M(3.0, 0.3), M(0.5, 0.4), 0.0, BoundSide::kAtMost, 0.0, One(4.0)).verdict() ==
        Verdict::kFail);  // [0.5, 4.5] wholly above 0
  // Two-sided: |a − b| <= tolerance + z SE.
  CHECK(DifferenceToleranceClaim({"d", "", ""}, M(1.0, 0.3), M(0.5, 0.4), 0.0, Two(4.0)).verdict() == Verdict::kPass);
  CHECK(DifferenceToleranceClaim({"d", "", ""}, M(3.0, 0.3), M(0.5, 0.4), 0.0, Two(4.0)).verdict() == Verdict::kFail);
  CHECK(DifferenceToleranceClaim({"d", "", ""}, M(0.5, 0.3), M(3.0, 0.4), 0.0, Two(4.0)).verdict() == Verdict::kFail);
}

TEST_CASE("WORST-Z fails on the worst cell and splits its size over the cells", "[unit]") {
  std::vector<PredictedMean> family = {{1, M(1.0, 0.1), 1.1}, {2, M(2.0, 0.1), 2.3}};
  const TestSize z4{2.0 * Two(4.0).rate};  // z = 4 per cell
  CHECK(WorstZClaim({"w", "", ""}, family, z4).verdict() == Verdict::kPass);
  CHECK(WorstZClaim({"w", "", ""}, family, z4).measured() == Approx(3.0));
  CHECK(WorstZClaim({"w", "", ""}, family, TestSize{2.0 * Two(2.5).rate}).verdict() == Verdict::kFail);
  CHECK(WorstZClaim({"w", "", ""}, family, z4).false_failure_rate() == z4.rate);
  CHECK(WorstZClaim({"w", "", ""}, family, z4).predicted_hi() == Approx(4.0).epsilon(1e-9));
  family[0].measured.se = 0.0;
  CHECK(WorstZClaim({"w", "", ""}, family, z4).verdict() == Verdict::kInconclusive);
}

TEST_CASE("BRACKET needs significant evidence on both sides of the threshold", "[unit]") {
  const std::vector<SignedPoint> both = {{1.0, M(-1.0, 0.1)}, {2.0, M(-0.05, 0.1)}, {3.0, M(1.0, 0.1)}};
  CHECK(BracketClaim({"b", "", ""}, both, 2.5, One(4.0)).verdict() == Verdict::kPass);
  const std::vector<SignedPoint> only_below = {{1.0, M(-1.0, 0.1)}, {3.0, M(0.1, 0.1)}};
  CHECK(BracketClaim({"b", "", ""}, only_below, 2.5, One(4.0)).verdict() == Verdict::kInconclusive);
  CHECK(BracketClaim({"b", "", ""}, {}, 2.5, One(4.0)).verdict() == Verdict::kInconclusive);
  const std::vector<SignedPoint> early = {{1.0, M(-1.0, 0.1)}, {2.0, M(-0.5, 0.1)}, {3.0, M(1.0, 0.1)}};
  CHECK(BracketClaim({"b", "", ""}, early, 1.5, One(4.0)).verdict() == Verdict::kFail);  // x = 2 is negative above 1.5
  CHECK(BracketClaim({"b", "", ""}, both, 0.5, One(4.0)).verdict() == Verdict::kFail);  // x = 1 is negative above 0.5
}

TEST_CASE("BRACKET with an infinite threshold asks for the sign at every point", "[unit]") {
  const std::vector<SignedPoint> positive = {{1.0, M(1.0, 0.1)}, {2.0, M(0.8, 0.1)}};
  const std::vector<SignedPoint> unsure = {{1.0, M(1.0, 0.1)}, {2.0, M(0.1, 0.1)}};
  const std::vector<SignedPoint> negative = {{1.0, M(1.0, 0.1)}, {2.0, M(-1.0, 0.1)}};
  CHECK(BracketClaim({"b", "", ""}, positive, -INFINITY, One(4.0)).verdict() == Verdict::kPass);
  CHECK(BracketClaim({"b", "", ""}, unsure, -INFINITY, One(4.0)).verdict() == Verdict::kInconclusive);
  CHECK(BracketClaim({"b", "", ""}, negative, -INFINITY, One(4.0)).verdict() == Verdict::kFail);
  CHECK(BracketClaim({"b", "", ""}, positive, INFINITY, One(4.0)).verdict() == Verdict::kFail);
  CHECK(BracketClaim({"b", "", ""}, {}, -INFINITY, One(4.0)).verdict() == Verdict::kInconclusive);
}

TEST_CASE("BINOMIAL decides a count by the Clopper-Pearson interval", "[unit]") {
  CHECK(BinomialBoundClaim({"k", "", ""}, 2, 100, 0.05, RateSide::kAtMost, TestSize{0.0005}).verdict() == Verdict::kPass);
  CHECK(BinomialBoundClaim({"k", "", ""}, 30, 100, 0.05, RateSide::kAtMost, TestSize{0.0005}).verdict() == Verdict::kFail);
  CHECK(BinomialBoundClaim({"k", "", ""}, 90, 100, 0.95, RateSide::kAtLeast, TestSize{0.0005}).verdict() == Verdict::kPass);
  CHECK(BinomialBoundClaim({"k", "", ""}, 50, 100, 0.95, RateSide::kAtLeast, TestSize{0.0005}).verdict() == Verdict::kFail);
  CHECK(BinomialBoundClaim({"k", "", ""}, 0, 0, 0.05, RateSide::kAtMost, TestSize{0.0005}).verdict() == Verdict::kInconclusive);
  // Two-sided: the rate inside the interval whose ends have half the size each.
  CHECK(BinomialBoundClaim({"k", "", ""}, 5, 100, 0.05, RateSide::kEqual, TestSize{0.001}).verdict() == Verdict::kPass);
  CHECK(BinomialBoundClaim({"k", "", ""}, 30, 100, 0.05, RateSide::kEqual, TestSize{0.001}).verdict() == Verdict::kFail);
  CHECK(BinomialBoundClaim({"k", "", ""}, 0, 1000, 0.05, RateSide::kEqual, TestSize{0.001}).verdict() == Verdict::kFail);
  CHECK(BinomialBoundClaim({"k", "", ""}, 5, 100, 0.05, RateSide::kEqual, TestSize{0.001}).false_failure_rate() == 0.001);
}

TEST_CASE("ALL-OF fails with any part, is undecided with any undecided part, and sums the rates", "[unit]") {
  const Claim pass = OracleClaim({"a", "", ""}, M(1.0, 0.1), 1.0, Two(4.0));
  const Claim fail = OracleClaim({"b", "", ""}, M(1.0, 0.1), 3.0, Two(4.0));
  const Claim undecided = OracleClaim({"c", "", ""}, M(1.0, 0.1, 1), 1.0, Two(4.0));
  CHECK(AllOfClaim({"x", "", ""}, {pass, pass}).verdict() == Verdict::kPass);
  CHECK(AllOfClaim({"x", "", ""}, {pass, fail}).verdict() == Verdict::kFail);
  CHECK(AllOfClaim({"x", "", ""}, {pass, undecided}).verdict() == Verdict::kInconclusive);
  CHECK(AllOfClaim({"x", "", ""}, {undecided, fail}).verdict() == Verdict::kFail);
  CHECK(AllOfClaim({"x", "", ""}, {pass, pass}).false_failure_rate() ==
        Approx(2.0 * pass.false_failure_rate()).epsilon(1e-12));
  CHECK(AllOfClaim({"x", "", ""}, {}).verdict() == Verdict::kInconclusive);
}
