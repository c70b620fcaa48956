// Tests for theory/sco/counting.cc: the counting lemma |{i : a_i ≥ β/n}| ≥ (max{A₁ − β, 0})²/A₂ for β ≥ 0
// (VHADLR25 Lemma A.11 = ADHLR24 Lemma A.4) on random vectors, hand cases including equality, and the
// β < 0 counterexample of sco_traceability.md §6, which the bound must reject.
#include "theory/sco/counting.h"

#include <catch2/catch.hpp>
#include <rapidcheck/catch.h>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace memgen::theory {
namespace {

using Catch::Matchers::WithinRel;

Eigen::VectorXd Vec(std::initializer_list<double> values) {
  Eigen::VectorXd v(static_cast<Eigen::Index>(values.size()));
  Eigen::Index i = 0;
  for (const double x : values) v[i++] = x;
  return v;
}

TEST_CASE("Counting lemma: count >= (max{A1 - beta, 0})^2 / A2 for every a and beta >= 0", "[property]") {
  rc::prop("random a (multiples of 1/16, some entries exactly at beta/n), beta >= 0", [] {
    const int n = *rc::gen::inRange(1, 61);
    const double beta = *rc::gen::inRange(0, 2001) / 16.0;
    Eigen::VectorXd a(n);
    for (int i = 0; i < n; ++i)
      a[i] = *rc::gen::inRange(0, 8) == 0 ? beta / n : *rc::gen::inRange(-400, 401) / 16.0;
    const auto count = CountingLemmaCount(a, beta);
    const double bound = CountingLemmaBound(a, beta);
    RC_ASSERT(bound >= 0.0);
    RC_ASSERT(static_cast<double>(count) >= bound * (1.0 - 1e-12));  // slack: one rounding in A₁²/A₂
    if (count == 0) RC_ASSERT(bound == 0.0);
  });
}

TEST_CASE("Counting lemma: the proof's step sum_{i in I} a_i > A1 - beta holds for beta >= 0", "[property]") {
  rc::prop("continuous-valued a", [] {
    const int n = *rc::gen::inRange(1, 41);
    const double beta = *rc::gen::inRange(0, 1000001) / 1e5;
    Eigen::VectorXd a(n);
    for (int i = 0; i < n; ++i) a[i] = *rc::gen::inRange(-1000000, 1000001) / 1e5;
    double in_sum = 0.0;
    for (int i = 0; i < n; ++i)
      if (a[i] >= beta / n) in_sum += a[i];
    RC_ASSERT(in_sum >= a.sum() - beta - 1e-9);
    RC_ASSERT(static_cast<double>(CountingLemmaCount(a, beta)) >= CountingLemmaBound(a, beta) * (1.0 - 1e-12));
  });
}

TEST_CASE("Counting lemma hand cases, including equality", "[unit]") {
  const Eigen::VectorXd ones = Vec({1.0, 1.0, 1.0, 1.0});
  CHECK(CountingLemmaCount(ones, 0.0) == 4);
  CHECK_THAT(CountingLemmaBound(ones, 0.0), WithinRel(4.0, 1e-15));  // 16/4: the lemma is tight here
  CHECK(CountingLemmaCount(ones, 2.0) == 4);
  CHECK_THAT(CountingLemmaBound(ones, 2.0), WithinRel(1.0, 1e-15));  // (4 − 2)²/4
  CHECK(CountingLemmaCount(ones, 5.0) == 0);                         // threshold 1.25 > 1
  CHECK(CountingLemmaBound(ones, 5.0) == 0.0);                       // A₁ = 4 ≤ β
  CHECK(CountingLemmaBound(Eigen::VectorXd::Zero(3), 0.0) == 0.0);   // A₂ = 0
  const Eigen::VectorXd mixed = Vec({2.0, -1.0, 0.5});
  CHECK(CountingLemmaCount(mixed, 1.5) == 2);  // threshold 0.5: {2, 0.5}
  CHECK(CountingLemmaBound(mixed, 1.5) == 0.0);  // A₁ = 1.5 = β
  CHECK_THAT(CountingLemmaBound(mixed, 0.0), WithinRel(2.25 / 5.25, 1e-15));
}

TEST_CASE("Counting lemma: the beta < 0 counterexample (n = 2, a = (3, -1.5), beta = -2) is rejected",
          "[unit]") {
  const Eigen::VectorXd a = Vec({3.0, -1.5});
  const double beta = -2.0;
  // The count is well defined: threshold β/n = −1, so only a_1 = 3 qualifies.
  REQUIRE(CountingLemmaCount(a, beta) == 1);
  // The unrestricted formula would claim (A₁ − β)²/A₂ = 3.5²/11.25 = 12.25/11.25 > 1: false.
  const double unrestricted = (a.sum() - beta) * (a.sum() - beta) / a.squaredNorm();
  REQUIRE_THAT(unrestricted, WithinRel(12.25 / 11.25, 1e-15));
  REQUIRE(unrestricted > 1.0);
  REQUIRE_THROWS_AS(CountingLemmaBound(a, beta), std::invalid_argument);
  REQUIRE_THROWS_WITH(CountingLemmaBound(a, beta), "CountingLemmaBound: beta = -2, must be >= 0");
  // At β = 0 the bound is (1.5)²/11.25 = 0.2 ≤ 1.
  CHECK_THAT(CountingLemmaBound(a, 0.0), WithinRel(0.2, 1e-15));
}

TEST_CASE("Counting lemma rejects empty and non-finite input", "[unit]") {
  REQUIRE_THROWS_WITH(CountingLemmaCount(Eigen::VectorXd(0), 1.0), "CountingLemmaCount: a.size() = 0, must be >= 1");
  REQUIRE_THROWS_AS(CountingLemmaBound(Eigen::VectorXd(0), 1.0), std::invalid_argument);
  REQUIRE_THROWS_AS(CountingLemmaBound(Vec({1.0, std::numeric_limits<double>::quiet_NaN()}), 1.0),
                    std::invalid_argument);
  REQUIRE_THROWS_AS(CountingLemmaBound(Vec({1.0}), std::numeric_limits<double>::infinity()), std::invalid_argument);
  REQUIRE_THROWS_AS(CountingLemmaCount(Vec({1.0}), std::numeric_limits<double>::quiet_NaN()), std::invalid_argument);
}

}  // namespace
}  // namespace memgen::theory
