// Log-log power-law fit with Ceres, see power_law_fit.h.
#include "theory/stats/power_law_fit.h"

#include <ceres/ceres.h>
#include <ceres/covariance.h>

#include <cmath>

namespace memgen::theory {
namespace {

struct LogLineResidual {
  LogLineResidual(double log_x, double log_y, double sigma) : log_x(log_x), log_y(log_y), sigma(sigma) {}
  template <typename T>
  bool operator()(const T* const params, T* residual) const {
    residual[0] = (T(log_y) - params[0] - params[1] * T(log_x)) / T(sigma);
    return true;
  }
  double log_x, log_y, sigma;
};

}  // namespace

PowerLawFit FitPowerLaw(const std::vector<double>& x, const std::vector<double>& y,
                        const std::vector<double>& y_se) {
  PowerLawFit fit;
  fit.points = static_cast<int>(x.size());
  if (x.size() != y.size() || (!y_se.empty() && y_se.size() != y.size()) || x.size() < 3) {
    fit.message = "need >= 3 points with matching x, y, se";
    return fit;
  }
  const bool weighted = !y_se.empty();
  double params[2] = {0.0, 0.0};
  ceres::Problem problem;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!(x[i] > 0.0) || !(y[i] > 0.0)) {
      fit.message = "x and y must be positive for a log-log fit";
      return fit;
    }
    const double sigma = weighted ? y_se[i] / y[i] : 1.0;
    if (!(sigma > 0.0) || !std::isfinite(sigma)) {
      fit.message = "weighted fit needs a positive finite SE at every point";
      return fit;
    }
    problem.AddResidualBlock(new ceres::AutoDiffCostFunction<LogLineResidual, 1, 2>(
                                 new LogLineResidual(std::log(x[i]), std::log(y[i]), sigma)),
                             nullptr, params);
  }
  ceres::Solver::Options options;
  options.linear_solver_type = ceres::DENSE_QR;
  options.num_threads = 1;
  options.logging_type = ceres::SILENT;
  options.function_tolerance = 1e-14;
  options.parameter_tolerance = 1e-14;
  options.gradient_tolerance = 1e-16;
  std::string invalid;
  if (!options.IsValid(&invalid)) {
    fit.message = invalid;
    return fit;
  }
  ceres::Solver::Summary summary;
  ceres::Solve(options, &problem, &summary);
  if (!summary.IsSolutionUsable()) {
    fit.message = summary.message;
    return fit;
  }
  ceres::Covariance::Options cov_options;
  cov_options.num_threads = 1;
  ceres::Covariance covariance(cov_options);
  std::vector<std::pair<const double*, const double*>> blocks = {{params, params}};
  if (!covariance.Compute(blocks, &problem)) {
    fit.message = "covariance is rank deficient";
    return fit;
  }
  double cov[4];
  covariance.GetCovarianceBlock(params, params, cov);
  fit.chi2 = 2.0 * summary.final_cost;
  const double scale =
      weighted ? 1.0 : (x.size() > 2 ? fit.chi2 / static_cast<double>(x.size() - 2) : 1.0);
  fit.log_prefactor = params[0];
  fit.slope = params[1];
  fit.log_prefactor_se = std::sqrt(cov[0] * scale);
  fit.slope_se = std::sqrt(cov[3] * scale);
  fit.ok = true;
  fit.message = "ok";
  return fit;
}

}  // namespace memgen::theory
