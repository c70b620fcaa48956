// Tests for sim/spur/group_metrics.h: accuracies by group and by (label, inferred group) cell by hand,
// and the rank AUROC against the pairwise Mann–Whitney count (exact: both are sums of halves and
// ones, divided once).
#include <catch2/catch.hpp>

#include <Eigen/Core>

#include <cmath>
#include <vector>

#include "sim/random/distributions.h"
#include "sim/random/rng.h"
#include "sim/spur/group_metrics.h"
#include "support/tolerances.h"

using namespace memgen::sim;

namespace {

// P(positive > negative) + ½ P(tie) over all pairs.
double PairwiseAuroc(const Eigen::VectorXd& score, const std::vector<char>& positive) {
  double wins = 0.0, pairs = 0.0;
  for (Eigen::Index i = 0; i < score.size(); ++i)
    for (Eigen::Index j = 0; j < score.size(); ++j) {
      if (!positive[static_cast<std::size_t>(i)] || positive[static_cast<std::size_t>(j)]) continue;
      wins += score(i) > score(j) ? 1.0 : (score(i) == score(j) ? 0.5 : 0.0);
      pairs += 1.0;
    }
  return wins / pairs;
}

}  // namespace

TEST_CASE("group metrics: accuracy by group, by hand", "[unit]") {
  const Eigen::VectorXd y = (Eigen::VectorXd(6) << 1, 1, -1, -1, 1, -1).finished();
  const Eigen::VectorXd f = (Eigen::VectorXd(6) << 2, -1, -3, 0, 0.5, 1).finished();  // f = 0 predicts −1
  const std::vector<char> minority = {0, 0, 0, 0, 1, 1};
  const GroupAccuracy a = AccuracyByGroup(f, y, minority);
  CHECK(a.majority == 0.75);  // rows 0, 2, 3 right; row 1 wrong
  CHECK(a.minority == 0.5);   // row 4 right, row 5 wrong
  CHECK(a.Worst() == 0.5);
  const GroupAccuracy none = AccuracyByGroup(f, y, std::vector<char>(6, 0));
  CHECK(none.minority == 1.0);  // an empty group counts as accurate
}

TEST_CASE("group metrics: worst cell over (label, inferred group), by hand", "[unit]") {
  const Eigen::VectorXd y = (Eigen::VectorXd(6) << 1, 1, -1, -1, 1, -1).finished();
  const Eigen::VectorXd f = (Eigen::VectorXd(6) << 2, -1, -3, 1, 0.5, -1).finished();
  // cells: (+, 0) rows 0, 1: ½; (−, 0) rows 2, 3: ½; (+, 1) row 4: 1; (−, 1) row 5: 1.
  CHECK(WorstCellAccuracy(f, y, {0, 0, 0, 0, 1, 1}) == 0.5);
  // cells: (+, 0) row 0: 1; (+, 1) rows 1, 4: ½; (−, 0) rows 2, 5: 1; (−, 1) row 3: 0.
  CHECK(WorstCellAccuracy(f, y, {0, 1, 0, 1, 1, 0}) == 0.0);
}

TEST_CASE("group metrics: AUROC at the extremes and with ties", "[unit]") {
  const Eigen::VectorXd s = (Eigen::VectorXd(4) << 1, 2, 3, 4).finished();
  CHECK(Auroc(s, {0, 0, 1, 1}) == 1.0);
  CHECK(Auroc(s, {1, 1, 0, 0}) == 0.0);
  CHECK(Auroc(Eigen::VectorXd::Zero(4), {1, 0, 1, 0}) == 0.5);
  CHECK(std::isnan(Auroc(s, {0, 0, 0, 0})));
  CHECK(std::isnan(Auroc(s, {1, 1, 1, 1})));
}

TEST_CASE("group metrics: the rank AUROC is the pairwise Mann-Whitney statistic", "[unit]") {
  Rng rng({19, 1, 0, 0});
  for (int trial = 0; trial < 20; ++trial) {
    const Eigen::Index n = 5 + trial * 7;
    Eigen::VectorXd score(n);
    std::vector<char> positive(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i) {
      score(i) = std::floor(6.0 * Uniform01(rng));  // many ties
      positive[static_cast<std::size_t>(i)] = i == 0 || (i != 1 && Uniform01(rng) < 0.3);
    }
    INFO("n = " << n);
    CHECK(std::fabs(Auroc(score, positive) - PairwiseAuroc(score, positive)) <= memgen::test::kRelTight);
  }
}
