// Weighted power-law fit y ≈ C x^s, done as a least-squares line in log-log space with Ceres:
//   minimise sum_i ((log y_i − log C − s log x_i) / σ_i)²,  σ_i = SE(y_i)/y_i (delta method),
// with standard errors of (s, log C) from Ceres' covariance estimation (Gauss-Newton, J^T J)^{-1}.
// With known σ_i the covariance is used as is (no residual rescaling); pass unit weights to get the
// ordinary fit, whose covariance is then scaled by the residual variance χ²/(m − 2).
#pragma once

#include <string>
#include <vector>

namespace memgen::theory {

struct PowerLawFit {
  double slope = 0.0;
  double slope_se = 0.0;
  double log_prefactor = 0.0;
  double log_prefactor_se = 0.0;
  double chi2 = 0.0;
  int points = 0;
  bool ok = false;
  std::string message = "not run";
};

// `y_se` may be empty: then unweighted, with covariance scaled by the residual variance.
PowerLawFit FitPowerLaw(const std::vector<double>& x, const std::vector<double>& y,
                        const std::vector<double>& y_se);

}  // namespace memgen::theory
