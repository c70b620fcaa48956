// Tests for sim/mem/mlp_diet_scores.h: EL2N is ‖softmax − onehot‖ and GraNd the norm of the gradient
// of a one-example batch, for every example of a small batch.
#include <catch2/catch.hpp>

#include <cmath>

#include "sim/mem/mlp_diet_scores.h"

namespace memgen::sim {

TEST_CASE("MLP EL2N and GraNd equal the one-example loss gradient", "[unit]") {
  Rng rng(StreamId{11, 1, 0, 0});
  const ReluMlp net = InitReluMlp(3, 5, 4, rng);
  RowMatrix x(6, 3);
  for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] = std::sin(1.7 * static_cast<double>(i)) * 2.0;
  const std::vector<int> labels = {0, 1, 2, 3, 1, 0};
  ReluWorkspace ws;
  const DietScores s = MlpEl2nGrand(net, x, labels, &ws);
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const RowMatrix one = x.row(i);
    Eigen::VectorXd g;
    ReluWorkspace single;
    Gradient(net, one, {labels[static_cast<std::size_t>(i)]}, &g, &single);
    CHECK(s.grand[static_cast<std::size_t>(i)] == Approx(g.norm()).epsilon(1e-12));
    const double el2n = single.logits.row(0).norm();  // (softmax − onehot)/1
    CHECK(s.el2n[static_cast<std::size_t>(i)] == Approx(el2n).epsilon(1e-12));
  }
}

}  // namespace memgen::sim
