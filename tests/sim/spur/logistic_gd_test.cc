// Tests for sim/spur/logistic_gd.h: the dual form against primal GD on w (weights, shift,
// normaliser, initial weights), a two-logit softmax model against binary GD at twice the rate, and
// the stable sigmoid. Both routes add O(steps) rounded terms of size ≤ η: they agree to 1e-12.
#include <catch2/catch.hpp>

#include <Eigen/Core>

#include <cmath>
#include <vector>

#include "sim/random/distributions.h"
#include "sim/random/rng.h"
#include "sim/spur/logistic_gd.h"
#include "support/tolerances.h"

using namespace memgen::sim;

namespace {

struct Data {
  Eigen::MatrixXd x;
  Eigen::VectorXd y;
};

// x_ij ~ N(0, 1/D), labels ±1 with probability ½.
Data RandomData(Eigen::Index n, Eigen::Index d, std::uint64_t stream) {
  Rng rng({17, stream, 0, 0});
  Data p{Eigen::MatrixXd(n, d), Eigen::VectorXd(n)};
  FillNormal(rng, p.x.data(), static_cast<std::size_t>(n * d));
  p.x /= std::sqrt(static_cast<double>(d));
  for (Eigen::Index i = 0; i < n; ++i) p.y(i) = Uniform01(rng) < 0.5 ? -1.0 : 1.0;
  return p;
}

// Primal GD on L(w) = (1/W) Σ ω_i log(1 + exp(−y_i (x_iᵀw + δ_i))): w ← w + (η/W) Σ ω_i y_i σ(−y_i(f_i + δ_i)) x_i.
Eigen::VectorXd PrimalGd(const Data& p, Eigen::VectorXd w, const Eigen::VectorXd& weight, const Eigen::VectorXd& shift,
                         double normaliser, double lr, int steps) {
  for (int t = 0; t < steps; ++t) {
    const Eigen::VectorXd f = p.x * w;
    Eigen::VectorXd g(p.y.size());
    for (Eigen::Index i = 0; i < p.y.size(); ++i) g(i) = weight(i) * p.y(i) * Sigmoid(-p.y(i) * (f(i) + shift(i)));
    w += lr / normaliser * (p.x.transpose() * g);
  }
  return w;
}

double MaxGap(const Eigen::VectorXd& a, const Eigen::VectorXd& b) { return (a - b).cwiseAbs().maxCoeff(); }

}  // namespace

TEST_CASE("logistic GD: the dual form is primal GD on w = w0 + X'c", "[unit]") {
  const Data p = RandomData(12, 7, 1);
  Rng rng({17, 2, 0, 0});
  Eigen::VectorXd w0(7), weight(12), shift(12);
  for (Eigen::Index k = 0; k < 7; ++k) w0(k) = Normal(rng);
  for (Eigen::Index i = 0; i < 12; ++i) {
    weight(i) = i % 3 == 0 ? 0.0 : 1.0 + Uniform01(rng);
    shift(i) = Normal(rng);
  }
  const Eigen::MatrixXd gram = p.x * p.x.transpose();
  std::vector<LogisticArm> arms(3);
  arms[0].learning_rate = 0.5;                    // ERM from 0
  arms[1] = arms[0];                              // weighted, shifted, from w0, normaliser Σω
  arms[1].weight = weight;
  arms[1].shift = shift;
  arms[1].initial_logits = p.x * w0;
  arms[2] = arms[1];                              // the same with W = n
  arms[2].normaliser = 12.0;
  DualLogisticGd gd(gram, p.y, arms);
  gd.Run(40);
  REQUIRE(gd.steps() == 40);
  const Eigen::VectorXd ones = Eigen::VectorXd::Ones(12), zeros = Eigen::VectorXd::Zero(12);
  const Eigen::VectorXd w[3] = {PrimalGd(p, Eigen::VectorXd::Zero(7), ones, zeros, 12.0, 0.5, 40),
                                PrimalGd(p, w0, weight, shift, weight.sum(), 0.5, 40),
                                PrimalGd(p, w0, weight, shift, 12.0, 0.5, 40)};
  const Eigen::VectorXd starts[3] = {Eigen::VectorXd::Zero(7), w0, w0};
  for (int m = 0; m < 3; ++m) {
    INFO("arm " << m);
    CHECK(MaxGap(gd.logits().col(m), p.x * w[m]) <= memgen::test::kRelTight);
    CHECK(MaxGap(starts[m] + p.x.transpose() * gd.coefficients().col(m), w[m]) <= memgen::test::kRelTight);
  }
  CHECK(&gd.gram() == &gram);
}

TEST_CASE("logistic GD: a two-logit softmax model at lr eta is binary GD at 2 eta", "[unit]") {
  const Data p = RandomData(10, 6, 3);
  Rng rng({17, 4, 0, 0});
  Eigen::VectorXd w_minus(6), w_plus(6);  // logits of classes −1 and +1
  for (Eigen::Index k = 0; k < 6; ++k) {
    w_minus(k) = Normal(rng);
    w_plus(k) = Normal(rng);
  }
  const double eta = 0.3;
  const Eigen::MatrixXd gram = p.x * p.x.transpose();
  LogisticArm arm;
  arm.learning_rate = 2.0 * eta;
  arm.initial_logits = p.x * (w_plus - w_minus);
  DualLogisticGd gd(gram, p.y, {arm});
  for (int t = 0; t < 30; ++t) {
    // Mean cross-entropy gradient: ∂/∂W_k = (1/n) Σ_i (softmax_k − 1[y_i = k]) x_i.
    const Eigen::VectorXd margin = p.x * (w_plus - w_minus);
    Eigen::VectorXd r(p.y.size());  // p(+1 | x_i) − 1[y_i = +1]
    for (Eigen::Index i = 0; i < p.y.size(); ++i) r(i) = Sigmoid(margin(i)) - (p.y(i) > 0.0 ? 1.0 : 0.0);
    const Eigen::VectorXd g_plus = p.x.transpose() * r / 10.0;
    w_plus -= eta * g_plus;
    w_minus += eta * g_plus;  // the two softmax residuals are opposite
    gd.Step();
  }
  CHECK(MaxGap(gd.logits().col(0), p.x * (w_plus - w_minus)) <= memgen::test::kRelTight);
}

TEST_CASE("logistic GD: SetLabels and SetWeights act from the next step", "[unit]") {
  const Data p = RandomData(8, 5, 5);
  const Eigen::MatrixXd gram = p.x * p.x.transpose();
  LogisticArm arm;
  arm.learning_rate = 0.4;
  DualLogisticGd gd(gram, p.y, {arm});
  gd.Step();
  const Eigen::VectorXd flipped = -p.y, half = Eigen::VectorXd::Constant(8, 0.5);
  gd.SetLabels(flipped);
  gd.SetWeights(0, half, 8.0);
  gd.Step();
  // By hand: the first step on y from f = 0, the second on −y with ω = ½.
  Eigen::VectorXd c = 0.4 / 8.0 * p.y.cwiseProduct(Eigen::VectorXd::Constant(8, 0.5));  // σ(0) = ½
  const Eigen::VectorXd f = gram * c;
  for (Eigen::Index i = 0; i < 8; ++i) c(i) += 0.4 / 8.0 * 0.5 * flipped(i) * Sigmoid(-flipped(i) * f(i));
  CHECK(MaxGap(gd.coefficients().col(0), c) <= memgen::test::kRelTight);
  CHECK(MaxGap(gd.logits().col(0), gram * c) <= memgen::test::kRelTight);
}

TEST_CASE("logistic GD: the sigmoid is exact at 0, symmetric and finite at any argument", "[unit]") {
  CHECK(Sigmoid(0.0) == 0.5);
  for (const double t : {1e-8, 0.3, 2.0, 20.0, 40.0, 800.0}) {
    INFO("t = " << t);
    CHECK(std::fabs(Sigmoid(t) + Sigmoid(-t) - 1.0) <= 4e-16);  // a few ulps of 1
    CHECK((Sigmoid(-t) > 0.0) == (t < 700.0));                  // e^{−t} underflows only past ~745
  }
  CHECK(Sigmoid(800.0) == 1.0);
  CHECK(std::isfinite(Sigmoid(-1e308)));
}
