// Bartlett-decomposition Wishart sampler, see wishart_tail.h.
#include "sim/bo/wishart_tail.h"

#include <cmath>

#include "sim/core/check.h"
#include "sim/random/distributions.h"

namespace memgen::sim {

Eigen::MatrixXd DrawWishartIdentity(std::int64_t n, std::int64_t nu, Rng& rng) {
  MEMGEN_CHECK(nu >= n) << "Bartlett decomposition needs nu >= n, got nu = " << nu << ", n = " << n;
  Eigen::MatrixXd lower = Eigen::MatrixXd::Zero(n, n);
  for (std::int64_t i = 0; i < n; ++i) {
    lower(i, i) = std::sqrt(ChiSquared(rng, static_cast<double>(nu - i)));
    for (std::int64_t j = 0; j < i; ++j) lower(i, j) = Normal(rng);
  }
  Eigen::MatrixXd w = Eigen::MatrixXd::Zero(n, n);
  w.selfadjointView<Eigen::Lower>().rankUpdate(lower);
  w.triangularView<Eigen::StrictlyUpper>() = w.transpose();
  return w;
}

}  // namespace memgen::sim
