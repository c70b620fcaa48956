// LiRA with leave-one-model-out shadows, see lira_attack.h.
#include "sim/mem/lira_attack.h"

#include <algorithm>
#include <cmath>

#include "theory/mem/membership.h"

namespace memgen::sim {
namespace {

// One point's scores on one side (IN or OUT), sorted, with the sums for a leave-one-out deviation.
struct Side {
  std::vector<double> sorted;
  double sum = 0.0, sum_sq = 0.0;
  void Add(double v) {
    sorted.push_back(v);
    sum += v;
    sum_sq += v * v;
  }
  void Finish() { std::sort(sorted.begin(), sorted.end()); }
  // Median and population SD without `v` (one of the values) when `skip`; a floor keeps σ > 0.
  std::pair<double, double> Fit(double v, bool skip) const {
    const int n = static_cast<int>(sorted.size());
    const int at = skip ? static_cast<int>(std::lower_bound(sorted.begin(), sorted.end(), v) - sorted.begin()) : n;
    const double k = skip ? n - 1.0 : n, s = skip ? sum - v : sum, q = skip ? sum_sq - v * v : sum_sq;
    const double var = std::max(q / k - (s / k) * (s / k), 0.0);
    return {theory::MedianSkipping(sorted.data(), n, at), std::sqrt(var) + 1e-12};
  }
};

}  // namespace

LiraStatistics LeaveOneModelOut(const Eigen::ArrayXXd& margin, const theory::MaskMatrix& in) {
  const Eigen::Index models = margin.rows(), points = margin.cols();
  LiraStatistics s{Eigen::ArrayXXd(models, points), Eigen::ArrayXXd(models, points), margin, Eigen::ArrayXXd(models, points),
                   Eigen::ArrayXXd(models, points)};
  Eigen::ArrayXXd mu_in(models, points), mu_out(models, points), var_in(models, points), var_out(models, points);
  for (Eigen::Index i = 0; i < points; ++i) {
    Side side_in, side_out;
    for (Eigen::Index j = 0; j < models; ++j) (in(j, i) ? side_in : side_out).Add(margin(j, i));
    side_in.Finish();
    side_out.Finish();
    for (Eigen::Index j = 0; j < models; ++j) {
      const double phi = margin(j, i);
      const auto [m_in, sd_in] = side_in.Fit(phi, in(j, i));
      const auto [m_out, sd_out] = side_out.Fit(phi, !in(j, i));
      s.online(j, i) = theory::LiraOnline(phi, m_in, sd_in, m_out, sd_out);
      s.offline(j, i) = theory::LiraOffline(phi, m_out, sd_out);
      mu_in(j, i) = m_in, mu_out(j, i) = m_out, var_in(j, i) = sd_in * sd_in, var_out(j, i) = sd_out * sd_out;
    }
  }
  // Fixed variance: one σ_in and one σ_out per target, the root mean over points of the leave-one-out variances.
  const Eigen::ArrayXd fixed_in = var_in.rowwise().mean().sqrt(), fixed_out = var_out.rowwise().mean().sqrt();
  for (Eigen::Index i = 0; i < points; ++i)
    for (Eigen::Index j = 0; j < models; ++j) {
      s.online_fixed(j, i) = theory::LiraOnline(margin(j, i), mu_in(j, i), fixed_in(j), mu_out(j, i), fixed_out(j));
      s.offline_fixed(j, i) = theory::LiraOffline(margin(j, i), mu_out(j, i), fixed_out(j));
    }
  return s;
}

PooledScores Pool(const Eigen::ArrayXXd& stat, const theory::MaskMatrix& in) {
  PooledScores p;
  for (Eigen::Index j = 0; j < stat.rows(); ++j)
    for (Eigen::Index i = 0; i < stat.cols(); ++i) (in(j, i) ? p.in : p.out).push_back(stat(j, i));
  return p;
}

std::vector<double> PointVulnerability(const Eigen::ArrayXXd& stat, const theory::MaskMatrix& in) {
  std::vector<double> v(static_cast<std::size_t>(stat.cols()));
  for (Eigen::Index i = 0; i < stat.cols(); ++i) {
    std::vector<double> a, b;
    for (Eigen::Index j = 0; j < stat.rows(); ++j) (in(j, i) ? a : b).push_back(stat(j, i));
    v[static_cast<std::size_t>(i)] = theory::Auc(a, b);
  }
  return v;
}

}  // namespace memgen::sim
