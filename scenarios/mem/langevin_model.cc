// The noisy-GD ridge learner of the §9 experiments, see langevin_model.h.
#include "scenarios/mem/langevin_model.h"

#include <Eigen/Cholesky>

#include "sim/core/config_error.h"

namespace memgen::scenarios {

void LangevinModel::Validate(const std::string& table) const {
  const std::string p = FieldPrefix(table);
  Require(ridge > 0.0 && ridge <= 1e6, p + "ridge", ridge, "must be in (0, 1e6]");
  Require(noisy_gd.eta > 0.0 && noisy_gd.eta <= 1.0, p + "learning_rate", noisy_gd.eta, "must be in (0, 1]");
  Require(noisy_gd.inv_beta > 0.0 && noisy_gd.inv_beta <= 100.0, p + "temperature", noisy_gd.inv_beta, "must be in (0, 100]");
  Require(alpha > 1.0 && alpha <= 64.0, p + "alpha", alpha, "must be in (1, 64]");
}

theory::RidgeProblem RidgeOf(const sim::RegressionSample& sample, const LangevinModel& model, const std::vector<int>& removed) {
  std::vector<int> rows;
  for (int e : removed) rows.insert(rows.end(), sample.rows[static_cast<std::size_t>(e)].begin(), sample.rows[static_cast<std::size_t>(e)].end());
  return theory::MakeRidgeProblem(sample.x, sample.y, model.ridge, rows);
}

int HighestLeverage(const sim::RegressionSample& sample, double ridge) {
  const Eigen::Index d = sample.x.cols();
  const double n = static_cast<double>(sample.x.rows());
  const Eigen::LLT<Eigen::MatrixXd> llt(sample.x.transpose() * sample.x + n * ridge * Eigen::MatrixXd::Identity(d, d));
  int best = 0;
  double best_leverage = -1.0;
  for (std::size_t e = 0; e < sample.rows.size(); ++e) {
    const Eigen::VectorXd x = sample.x.row(sample.rows[e].front()).transpose();
    const double leverage = x.dot(llt.solve(x));
    if (leverage > best_leverage) best = static_cast<int>(e), best_leverage = leverage;
  }
  return best;
}

}  // namespace memgen::scenarios
