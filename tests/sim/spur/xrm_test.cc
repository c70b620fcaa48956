// Tests for sim/spur/xrm.h: cross-mistakes by hand; without the flip rule XRM is two half-sample
// logistic GD arms (dual against DualLogisticGd, 1e-12); its outputs are consistent with each other
// (held-in/held-out logits are the twins' weights on X, the flipped set is ỹ ≠ y); and on separable
// data with a planted minority the flip rule recovers it exactly (a fixed-seed regression check).
#include <catch2/catch.hpp>

#include <Eigen/Core>

#include <cmath>
#include <vector>

#include "sim/random/rng.h"
#include "sim/spur/data.h"
#include "sim/spur/logistic_gd.h"
#include "sim/spur/xrm.h"
#include "support/tolerances.h"

using namespace memgen::sim;

namespace {

// A small Figure-1 training split (n = 200, D = 362, σ_ε = 0.5, 20 minority points).
SpuriousSample SmallSplit(std::uint64_t stream) {
  Rng rng({23, stream, 0, 0});
  Figure1SplitOptions o;
  o.n = 200;
  o.d = 360;
  o.noise_std = 0.5;
  return DrawFigure1Split(o, rng);
}

}  // namespace

TEST_CASE("XRM: cross-mistakes flag a point either twin gets wrong", "[unit]") {
  const Eigen::MatrixXd x = (Eigen::MatrixXd(4, 2) << 1, 0, 0, 1, -1, 0, 1, 1).finished();
  const Eigen::VectorXd y = (Eigen::VectorXd(4) << 1, 1, 1, -1).finished();
  const Eigen::VectorXd w[2] = {(Eigen::VectorXd(2) << 1, 1).finished(), (Eigen::VectorXd(2) << 1, -1).finished()};
  // f0 = (1, 1, −1, 2), f1 = (1, −1, −1, 0): row 0 right by both; row 1 wrong by twin 1; row 2 wrong
  // by both; row 3 wrong by twin 0 (twin 1's f = 0 predicts −1 = y).
  CHECK(CrossMistakes(x, y, w) == std::vector<char>{0, 1, 1, 1});
}

TEST_CASE("XRM: without flips the twins are two half-sample GD arms", "[unit]") {
  const SpuriousSample s = SmallSplit(1);
  const Eigen::MatrixXd gram = s.x * s.x.transpose();
  XrmOptions o;
  o.epochs = 50;
  o.flip = false;
  const Eigen::VectorXd init[2] = {Eigen::VectorXd::Zero(s.x.cols()), Eigen::VectorXd::Constant(s.x.cols(), 0.01)};
  Rng rng({23, 2, 0, 0});
  const XrmResult r = RunXrm(s.x, gram, s.y, init, o, rng);
  CHECK(r.flip_rate == 0.0);
  CHECK((r.dynamic_labels.array() == s.y.array()).all());
  std::vector<LogisticArm> arms(2);
  for (int k = 0; k < 2; ++k) {
    arms[k].learning_rate = o.learning_rate;
    arms[k].normaliser = 200.0;
    arms[k].initial_logits = s.x * init[k];
    arms[k].weight.resize(200);
    for (Eigen::Index i = 0; i < 200; ++i) arms[k].weight(i) = (r.assign[static_cast<std::size_t>(i)] == 1) == (k == 0);
  }
  DualLogisticGd gd(gram, s.y, arms);
  gd.Run(50);
  for (Eigen::Index i = 0; i < 200; ++i) {
    const int in = r.assign[static_cast<std::size_t>(i)] == 1 ? 0 : 1;
    CHECK(std::fabs(r.held_in_logits(i) - gd.logits()(i, in)) <= memgen::test::kRelTight);
    CHECK(std::fabs(r.held_out_logits(i) - gd.logits()(i, 1 - in)) <= memgen::test::kRelTight);
  }
}

TEST_CASE("XRM: the flip rule recovers a planted minority, and the outputs agree", "[unit]") {
  const SpuriousSample s = SmallSplit(3);
  XrmOptions o;  // binary lr 2e-2 (two-logit 1e-2), 1000 epochs, as the Figure-1 experiment
  const Eigen::VectorXd init[2] = {Eigen::VectorXd::Zero(s.x.cols()), Eigen::VectorXd::Zero(s.x.cols())};
  Rng rng({23, 4, 0, 0});
  const XrmResult r = RunXrm(s.x, s.x * s.x.transpose(), s.y, init, o, rng, &s.minority);
  CHECK(r.flipped == s.minority);
  CHECK(r.first_exact_epoch >= 1);
  CHECK(r.flip_rate == static_cast<double>(s.MinorityCount()) / 200.0);
  for (Eigen::Index i = 0; i < 200; ++i) {
    const int in = r.assign[static_cast<std::size_t>(i)] == 1 ? 0 : 1;
    const double f_in = s.x.row(i).dot(r.weights[in]), f_out = s.x.row(i).dot(r.weights[1 - in]);
    CHECK(std::fabs(r.held_in_logits(i) - f_in) <= 1e-9 * (1.0 + std::fabs(f_in)));  // dual vs primal, 1000 steps
    CHECK(std::fabs(r.held_out_logits(i) - f_out) <= 1e-9 * (1.0 + std::fabs(f_out)));
    CHECK((r.dynamic_labels(i) != s.y(i)) == (r.flipped[static_cast<std::size_t>(i)] != 0));
  }
}
