// Tests for theory/mem/balanced_masks.cc (criterion (e) of §7 on random matrices): with point-balanced
// masks (LiRA argsort style) mean_i mem̂_i equals the pooled IN − OUT gap to 1e-12 for any correctness
// matrix; with the cyclic design (equal run sizes too) it also equals the run-mean gap; an unbalanced
// mask breaks the identity (so the check can fail); the estimator and its SE on a hand-made matrix.
#include "theory/mem/balanced_masks.h"

#include <catch2/catch.hpp>
#include <rapidcheck/catch.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace memgen::theory {
namespace {

CorrectnessMatrix RandomCorrectness(int t, int n) {
  CorrectnessMatrix c(t, n);
  for (int j = 0; j < t; ++j)
    for (int i = 0; i < n; ++i) c(j, i) = *rc::gen::inRange(0, 2);
  return c;
}

// Each point IN in exactly t_in runs chosen by a random permutation of the runs (LiRA's argsort).
MaskMatrix RandomBalancedMask(int t, int n, int t_in) {
  MaskMatrix in = MaskMatrix::Constant(t, n, false);
  for (int i = 0; i < n; ++i) {
    std::vector<int> order(static_cast<std::size_t>(t));
    std::iota(order.begin(), order.end(), 0);
    for (int k = t - 1; k > 0; --k) std::swap(order[static_cast<std::size_t>(k)], order[static_cast<std::size_t>(*rc::gen::inRange(0, k + 1))]);
    for (int k = 0; k < t_in; ++k) in(order[static_cast<std::size_t>(k)], i) = true;
  }
  return in;
}

TEST_CASE("point-balanced masks: mean mem-hat = pooled IN - OUT accuracy", "[unit][property]") {
  rc::prop("pooled identity", [] {
    const int t = *rc::gen::inRange(2, 40), n = *rc::gen::inRange(1, 60);
    const int t_in = *rc::gen::inRange(1, t);
    const CorrectnessMatrix c = RandomCorrectness(t, n);
    const MaskMatrix in = RandomBalancedMask(t, n, t_in);
    RC_ASSERT(IsPointBalanced(in));
    RC_ASSERT(std::abs(MeanOf(EstimateMemorization(c, in).mem) - PooledInOutGap(c, in)) < 1e-12);
  });
}

TEST_CASE("cyclic design: equal run sizes, and mean mem-hat = run-mean gap too", "[unit][property]") {
  rc::prop("cyclic identity", [] {
    const int t = *rc::gen::inRange(2, 30), per = *rc::gen::inRange(1, 8);
    const int t_in = *rc::gen::inRange(1, t);
    const CorrectnessMatrix c = RandomCorrectness(t, t * per);
    const MaskMatrix in = CyclicMask(t, t * per, t_in);
    RC_ASSERT(IsPointBalanced(in));
    RC_ASSERT(HasEqualRunSizes(in));
    RC_ASSERT(in.col(0).cast<int>().sum() == t_in);
    const double mean_mem = MeanOf(EstimateMemorization(c, in).mem);
    RC_ASSERT(std::abs(mean_mem - PooledInOutGap(c, in)) < 1e-12);
    RC_ASSERT(std::abs(mean_mem - RunMeanGap(c, in)) < 1e-12);
  });
}

TEST_CASE("the spec's prototype shape: t = 100, n = 1000, t_in = 70", "[unit]") {
  const MaskMatrix in = CyclicMask(100, 1000, 70);
  CHECK(IsPointBalanced(in));
  CHECK(HasEqualRunSizes(in));
  CHECK(in.row(0).cast<int>().sum() == 700);
}

TEST_CASE("an unbalanced mask breaks the identity", "[unit]") {
  MaskMatrix in(3, 2);
  in << true, true,
        false, true,
        false, false;  // point 0 IN once, point 1 IN twice
  CorrectnessMatrix c(3, 2);
  c << 1, 1,
       0, 1,
       0, 0;
  CHECK_FALSE(IsPointBalanced(in));
  // mem̂ = (1 − 0, 1 − 0): mean 1; pooled: 3/3 − 0/3 = 1 — equal here; change one OUT entry:
  c(2, 0) = 1;  // mem̂_0 = 1 − 1/2, mem̂_1 = 1: mean 0.75; pooled 1 − 1/3
  CHECK(MeanOf(EstimateMemorization(c, in).mem) == Approx(0.75).margin(1e-15));
  CHECK(std::abs(MeanOf(EstimateMemorization(c, in).mem) - PooledInOutGap(c, in)) > 0.05);
}

TEST_CASE("estimator and SE on a hand-made column", "[unit]") {
  MaskMatrix in(4, 1);
  in << true, true, false, false;
  CorrectnessMatrix c(4, 1);
  c << 1, 0, 0, 0;
  const MemorizationEstimate e = EstimateMemorization(c, in);
  CHECK(e.mem[0] == Approx(0.5).margin(1e-15));
  CHECK(e.se[0] == Approx(std::sqrt(0.5 / 2.0)).margin(1e-15));  // s²_IN = 0.5, s²_OUT = 0
  CHECK_THROWS(CyclicMask(10, 5, 10));
}

}  // namespace
}  // namespace memgen::theory
