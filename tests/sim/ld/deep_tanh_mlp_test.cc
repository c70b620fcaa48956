// Tests for the Omnigrok teacher–student MLP (sim/ld/deep_tanh_mlp.cc, sim/ld/vector_tanh.cc): tanh in SIMD
// lanes against std::tanh; the gradient against central finite
// differences; torch's default initialisation (every entry inside ±a0/√fan_in, and the uniform law's
// variance a0²/(3 fan_in)); the loss and the per-sample accuracy by hand on a network with zero weights.
#include "sim/ld/deep_tanh_mlp.h"

#include <catch2/catch.hpp>

#include <cmath>

#include "sim/ld/vector_tanh.h"
#include "sim/random/distributions.h"

namespace memgen::sim {
namespace {

RowMatrix Normals(int rows, int columns, Rng& rng) {
  RowMatrix x(rows, columns);
  FillNormal(rng, x.data(), static_cast<std::size_t>(x.size()));
  return x;
}

TEST_CASE("the tanh MLP's gradient matches finite differences", "[unit]") {
  Rng rng({3, 1, 0, 0});
  const DeepTanhShape shape{3, 6, 2};
  DeepTanhMlp net = InitDeepTanhMlp(shape, 2.0, rng);
  const RowMatrix x = Normals(7, 3, rng), y = Normals(7, 2, rng);
  DeepTanhWorkspace ws;
  Eigen::VectorXd gradient;
  Gradient(net, x, y, 0.1, &gradient, &ws);
  REQUIRE(static_cast<std::size_t>(gradient.size()) == shape.ParameterCount());
  const double h = 1e-6;
  for (Eigen::Index i = 0; i < net.parameters.size(); ++i) {
    DeepTanhMlp plus = net, minus = net;
    plus.parameters[i] += h;
    minus.parameters[i] -= h;
    const double d = (Evaluate(plus, x, y, 0.1, &ws).loss - Evaluate(minus, x, y, 0.1, &ws).loss) / (2 * h);
    CHECK(gradient[i] == Approx(d).margin(1e-8));
  }
}

TEST_CASE("the vectorized tanh agrees with std::tanh to 1e-15 relative", "[unit]") {
  std::vector<double> x;
  for (double v = 1e-300; v < 40.0; v *= 1.0007) x.push_back(v), x.push_back(-v);
  x.push_back(0.0);
  x.push_back(0.125);
  x.push_back(std::nextafter(0.125, 0.0));
  std::vector<double> y = x;
  TanhInPlace(y.data(), static_cast<Eigen::Index>(y.size()));
  double worst = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double exact = std::tanh(x[i]);
    worst = std::max(worst, exact == 0.0 ? std::abs(y[i]) : std::abs(y[i] - exact) / std::abs(exact));
  }
  CHECK(worst < 1e-15);
}

TEST_CASE("torch's default initialisation scaled by a0", "[unit]") {
  Rng rng({3, 2, 0, 0});
  const DeepTanhShape shape{5, 100, 5};
  const double a0 = 2.0;
  const DeepTanhMlp net = InitDeepTanhMlp(shape, a0, rng);
  CHECK(net.parameters.size() == 5 * 100 + 100 + 100 * 100 + 100 + 5 * 100 + 5);
  // the hidden layer's weights W2 (after W1 and b1): U(−a0/10, a0/10)
  double sum = 0.0, sum2 = 0.0, largest = 0.0;
  const Eigen::Index first = 600, count = 10000;
  for (Eigen::Index i = first; i < first + count; ++i) {
    sum += net.parameters[i];
    sum2 += net.parameters[i] * net.parameters[i];
    largest = std::max(largest, std::abs(net.parameters[i]));
  }
  const double variance = a0 * a0 / (3.0 * 100.0);
  CHECK(largest <= a0 / 10.0);
  CHECK(std::abs(sum / count) < 4.0 * std::sqrt(variance / count));
  CHECK(sum2 / count == Approx(variance).epsilon(0.05));  // the sample variance's SE is 0.9 % of it
  for (Eigen::Index i = 0; i < 600; ++i) CHECK(std::abs(net.parameters[i]) <= a0 / std::sqrt(5.0));
}

TEST_CASE("loss and per-sample accuracy by hand", "[unit]") {
  DeepTanhMlp net{{1, 2, 2}, Eigen::VectorXd::Zero(static_cast<Eigen::Index>(DeepTanhShape{1, 2, 2}.ParameterCount()))};
  net.parameters(net.parameters.size() - 1) = 0.5;  // b3 = (0, 0.5): f(x) = (0, 0.5) for every x
  RowMatrix x(2, 1), y(2, 2);
  x << 1.0, -1.0;
  y << 0.0, 0.5,   // exact: per-sample MSE 0
      0.2, 0.1;    // (0.04 + 0.16)/2 = 0.1
  DeepTanhWorkspace ws;
  const RegressionFit fit = Evaluate(net, x, y, 0.05, &ws);
  CHECK(fit.loss == Approx(0.05));
  CHECK(fit.accuracy == 0.5);
  CHECK(ParameterNorm(net) == 0.5);
}

}  // namespace
}  // namespace memgen::sim
