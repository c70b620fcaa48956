// Tests for the grokking kernels: sim/ld/quadratic_mlp.cc (the gradient against central finite
// differences for both loss normalisations; the loss by hand), sim/ld/adamw.cc (the first step moves
// every parameter by −η g/(|g| + ε) after the decay, and matches a recursion written out by hand),
// sim/ld/fourier_ipr.cc (a pure cosine has IPR 1, a constant vector too, two equal frequencies 1/2) and
// sim/ld/modular_data.cc (a split partitions the p² pairs).
#include "sim/ld/quadratic_mlp.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#include "sim/ld/adamw.h"
#include "sim/ld/fourier_ipr.h"
#include "sim/ld/modular_data.h"

namespace memgen::sim {
namespace {

TEST_CASE("the quadratic MLP's gradient matches finite differences", "[unit]") {
  Rng rng({9, 1, 0, 0});
  ModularSplit split = SplitModularAddition(5, 0.6, rng);
  for (LossNorm norm : {LossNorm::kMeanOverOutputs, LossNorm::kSumOverOutputs}) {
    QuadraticMlp net = InitQuadraticMlp(5, 4, 0.7, 1.3, rng), gradient;
    Gradient(net, split.train, norm, &gradient);
    const double h = 1e-6;
    for (Eigen::Index i = 0; i < net.input.size(); ++i) {
      QuadraticMlp plus = net, minus = net;
      plus.input.data()[i] += h;
      minus.input.data()[i] -= h;
      const double d = (Evaluate(plus, split.train, norm).loss - Evaluate(minus, split.train, norm).loss) / (2 * h);
      CHECK(gradient.input.data()[i] == Approx(d).margin(1e-7));
    }
    for (Eigen::Index i = 0; i < net.output.size(); ++i) {
      QuadraticMlp plus = net, minus = net;
      plus.output.data()[i] += h;
      minus.output.data()[i] -= h;
      const double d = (Evaluate(plus, split.train, norm).loss - Evaluate(minus, split.train, norm).loss) / (2 * h);
      CHECK(gradient.output.data()[i] == Approx(d).margin(1e-7));
    }
  }
}

TEST_CASE("with a dropout mask the gradient is the thinned network's", "[unit]") {
  Rng rng({9, 2, 0, 0});
  ModularSplit split = SplitModularAddition(5, 0.6, rng);
  QuadraticMlp net = InitQuadraticMlp(5, 4, 0.7, 1.0, rng), gradient;
  RowMatrix mask;
  DrawDropoutMask(0.5, split.train.size(), 4, rng, &mask);
  MlpWorkspace w;
  Gradient(net, split.train, LossNorm::kMeanOverOutputs, &gradient, &w, &mask);
  // the thinned loss by hand: z = (W1x) ⊙ mask, f = W2 z², averaged squared error against one-hot
  const auto loss = [&](const QuadraticMlp& n) {
    double sum = 0.0;
    for (std::int64_t i = 0; i < split.train.size(); ++i) {
      const auto s = static_cast<std::size_t>(i);
      const Eigen::RowVectorXd z = (n.input.row(split.train.first[s]) + n.input.row(5 + split.train.second[s])).cwiseProduct(mask.row(i));
      Eigen::RowVectorXd f = z.array().square().matrix() * n.output;
      f(split.train.label[s]) -= 1.0;
      sum += f.squaredNorm();
    }
    return sum / (5.0 * static_cast<double>(split.train.size()));
  };
  const double h = 1e-6;
  for (Eigen::Index i = 0; i < net.input.size(); ++i) {
    QuadraticMlp plus = net, minus = net;
    plus.input.data()[i] += h;
    minus.input.data()[i] -= h;
    CHECK(gradient.input.data()[i] == Approx((loss(plus) - loss(minus)) / (2 * h)).margin(1e-7));
  }
  for (Eigen::Index i = 0; i < net.output.size(); ++i) {
    QuadraticMlp plus = net, minus = net;
    plus.output.data()[i] += h;
    minus.output.data()[i] -= h;
    CHECK(gradient.output.data()[i] == Approx((loss(plus) - loss(minus)) / (2 * h)).margin(1e-7));
  }
}

TEST_CASE("a dropout mask keeps 1 - rate of the units, scaled by 1/(1 - rate)", "[unit]") {
  Rng rng({9, 3, 0, 0});
  RowMatrix mask;
  DrawDropoutMask(0.3, 1000, 101, rng, &mask);
  const double kept = static_cast<double>((mask.array() > 0.0).count()) / static_cast<double>(mask.size());
  CHECK(std::abs(kept - 0.7) < 5.0 * std::sqrt(0.21 / static_cast<double>(mask.size())));  // 5 SE
  CHECK(((mask.array() == 0.0) || (mask.array() == 1.0 / 0.7)).all());
  DrawDropoutMask(0.0, 3, 5, rng, &mask);
  CHECK((mask.array() == 1.0).all());
}

TEST_CASE("the MSE against one-hot targets, by hand", "[unit]") {
  QuadraticMlp net;
  net.p = 3;
  net.input = RowMatrix::Zero(6, 1);
  net.output = Eigen::MatrixXd::Zero(1, 3);
  net.input(0, 0) = 1.0;  // n = 0 contributes 1, so h = 1 for (0, m), 0 otherwise
  net.output(0, 1) = 2.0;  // logit of class 1 is 2 h²
  ModularData d;
  d.p = 3;
  d.first = {0, 1};
  d.second = {1, 1};
  d.label = {1, 2};
  // sample 0: logits (0, 2, 0), target class 1: (2 − 1)² = 1; sample 1: logits 0, target class 2: 1.
  const FitMeasure m = Evaluate(net, d, LossNorm::kMeanOverOutputs);
  CHECK(m.loss == Approx(2.0 / 6.0));
  CHECK(Evaluate(net, d, LossNorm::kSumOverOutputs).loss == Approx(2.0 / 2.0));
  CHECK(m.accuracy == Approx(0.5));
}

TEST_CASE("AdamW: the first step and a hand recursion", "[unit]") {
  AdamWOptions o{0.1, 0.5, 0.9, 0.98, 1e-8};
  std::vector<double> theta{1.0, -2.0}, g{0.3, -4.0};
  AdamWMoments moments;
  AdamWStep(o, 1, theta.data(), g.data(), 2, &moments);
  CHECK(theta[0] == Approx(1.0 * 0.95 - 0.1 * 0.3 / (0.3 + 1e-8)));
  CHECK(theta[1] == Approx(-2.0 * 0.95 + 0.1 * 4.0 / (4.0 + 1e-8)));
  const std::vector<double> g2{-0.1, 1.0};
  double m = 0.1 * 0.3, v = 0.02 * 0.09, x = theta[0];
  AdamWStep(o, 2, theta.data(), g2.data(), 2, &moments);
  m = 0.9 * m + 0.1 * -0.1;
  v = 0.98 * v + 0.02 * 0.01;
  x = x * 0.95 - 0.1 * (m / (1 - 0.81)) / (std::sqrt(v / (1 - 0.98 * 0.98)) + 1e-8);
  CHECK(theta[0] == Approx(x).epsilon(1e-14));
}

TEST_CASE("Fourier IPR of pure and mixed frequencies", "[unit]") {
  const int p = 11;
  Eigen::MatrixXd rows(3, p);
  for (int j = 0; j < p; ++j) {
    rows(0, j) = std::cos(2 * M_PI * 3 * j / p + 0.4);
    rows(1, j) = 2.5;
    rows(2, j) = std::cos(2 * M_PI * 2 * j / p) + std::cos(2 * M_PI * 4 * j / p + 1.0);
  }
  const Eigen::VectorXd ipr = RowIpr(rows);
  CHECK(ipr(0) == Approx(1.0).epsilon(1e-12));
  CHECK(ipr(1) == Approx(1.0).epsilon(1e-12));
  CHECK(ipr(2) == Approx(0.5).epsilon(1e-12));
}

TEST_CASE("a modular split partitions the p^2 pairs", "[unit]") {
  Rng rng({9, 2, 0, 0});
  const ModularSplit s = SplitModularAddition(7, 0.5, rng);
  CHECK(s.train.size() == 24);  // floor(0.5 · 49)
  CHECK(s.test.size() == 25);
  std::set<int> seen;
  for (const ModularData* d : {&s.train, &s.test})
    for (std::int64_t i = 0; i < d->size(); ++i) {
      seen.insert(7 * d->first[std::size_t(i)] + d->second[std::size_t(i)]);
      CHECK(d->label[std::size_t(i)] == (d->first[std::size_t(i)] + d->second[std::size_t(i)]) % 7);
    }
  CHECK(seen.size() == 49);
}

}  // namespace
}  // namespace memgen::sim
