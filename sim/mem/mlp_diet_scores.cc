// EL2N and GraNd of the ReLU classifier, see mlp_diet_scores.h.
#include "sim/mem/mlp_diet_scores.h"

#include <cmath>

namespace memgen::sim {

DietScores MlpEl2nGrand(const ReluMlp& net, const RowMatrix& x, const std::vector<int>& labels, ReluWorkspace* ws) {
  Eigen::VectorXd unused;
  Gradient(net, x, labels, &unused, ws);  // logits = δ₂/n, delta = δ₁/n per row
  const double n = static_cast<double>(x.rows());
  DietScores s;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const double d2 = n * n * ws->logits.row(i).squaredNorm(), d1 = n * n * ws->delta.row(i).squaredNorm();
    s.el2n.push_back(std::sqrt(d2));
    s.grand.push_back(std::sqrt(d2 * (ws->hidden.row(i).squaredNorm() + 1.0) + d1 * (x.row(i).squaredNorm() + 1.0)));
  }
  return s;
}

}  // namespace memgen::sim
