// Tests for the random-label kernels: sim/ld/relu_mlp.cc (the cross-entropy gradient against central
// finite differences; torch's default initialisation bounds) and sim/ld/label_noise_data.cc (ρ = 0
// keeps the true labels, ρ = 1 gives the replacement draws, the corrupted sets are nested in ρ).
#include "sim/ld/relu_mlp.h"

#include <catch2/catch.hpp>

#include <cmath>

#include "sim/ld/label_noise_data.h"

namespace memgen::sim {
namespace {

TEST_CASE("the ReLU classifier's gradient matches finite differences", "[unit]") {
  Rng rng({5, 1, 0, 0});
  const MixtureOptions mixture{3, 4, 1.0};
  const LabelledData d = DrawMixture(mixture, DrawClassMeans(mixture, rng), 9, rng);
  ReluMlp net = InitReluMlp(4, 6, 3, rng);
  ReluWorkspace ws;
  Eigen::VectorXd gradient;
  Gradient(net, d.x, d.label, &gradient, &ws);
  REQUIRE(gradient.size() == net.parameters.size());
  const double h = 1e-6;
  for (Eigen::Index i = 0; i < net.parameters.size(); ++i) {
    ReluMlp plus = net, minus = net;
    plus.parameters[i] += h;
    minus.parameters[i] -= h;
    CHECK(gradient[i] == Approx((Evaluate(plus, d.x, d.label, &ws).loss - Evaluate(minus, d.x, d.label, &ws).loss) / (2 * h)).margin(1e-8));
  }
}

TEST_CASE("the ReLU classifier starts as torch.nn.Linear does", "[unit]") {
  Rng rng({5, 2, 0, 0});
  const ReluMlp net = InitReluMlp(50, 128, 10, rng);
  REQUIRE(net.parameters.size() == 50 * 128 + 128 + 10 * 128 + 10);
  for (Eigen::Index i = 0; i < net.parameters.size(); ++i)
    CHECK(std::abs(net.parameters[i]) <= (i < 50 * 128 + 128 ? 1.0 / std::sqrt(50.0) : 1.0 / std::sqrt(128.0)));
}

TEST_CASE("label corruption is fixed and nested in rho", "[unit]") {
  Rng rng({5, 3, 0, 0});
  const MixtureOptions mixture;
  const LabelledData d = DrawMixture(mixture, DrawClassMeans(mixture, rng), 400, rng);
  CHECK(CorruptLabels(d, 0.0) == d.label);
  CHECK(CorruptLabels(d, 1.0) == d.random);
  const std::vector<int> low = CorruptLabels(d, 0.3), high = CorruptLabels(d, 0.6);
  for (std::size_t i = 0; i < low.size(); ++i) {
    if (low[i] != d.label[i]) CHECK(high[i] == low[i]);  // corrupted at 0.3 stays corrupted at 0.6
  }
  CHECK(CorruptLabels(d, 0.6) == high);  // the same labels every time they are asked for
}

}  // namespace
}  // namespace memgen::sim
