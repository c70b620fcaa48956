// Membership inference as hypothesis testing, see membership.h.
#include "theory/mem/membership.h"

#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "theory/stats/rank_correlation.h"

namespace memgen::theory {
namespace {

const boost::math::normal kStandard;

double Phi(double z) { return boost::math::cdf(kStandard, z); }
double PhiInverse(double p) { return boost::math::quantile(kStandard, p); }

}  // namespace

double OneSidedThreshold(double fpr, const GaussianScores& g) { return g.mu_out + g.sd_out * PhiInverse(1.0 - fpr); }

double OneSidedTpr(double fpr, const GaussianScores& g) {
  return Phi(PhiInverse(fpr) * g.sd_out / g.sd_in + (g.mu_in - g.mu_out) / g.sd_in);
}

double DpPowerCap(double fpr, double epsilon_dp, double delta) { return std::min(1.0, std::exp(epsilon_dp) * fpr + delta); }

double LiraOnline(double score, double mu_in, double sd_in, double mu_out, double sd_out) {
  const double zi = (score - mu_in) / sd_in, zo = (score - mu_out) / sd_out;
  return -0.5 * zi * zi - std::log(sd_in) + 0.5 * zo * zo + std::log(sd_out);
}

double LiraOffline(double score, double mu_out, double sd_out) { return (score - mu_out) / sd_out; }

double TprAtFpr(const std::vector<double>& in, std::vector<double> out, double fpr) {
  if (in.empty() || out.empty()) return std::numeric_limits<double>::quiet_NaN();
  const auto allowed = static_cast<std::size_t>(std::ceil(fpr * static_cast<double>(out.size()))) - 1;  // OUT scores above τ
  if (allowed >= out.size()) return 1.0;
  std::nth_element(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(allowed), out.end(), std::greater<>());
  const double tau = out[allowed];  // the (allowed + 1)-th largest: exactly `allowed` lie strictly above it, ties aside
  const auto hits = std::count_if(in.begin(), in.end(), [tau](double s) { return s > tau; });
  return static_cast<double>(hits) / static_cast<double>(in.size());
}

double Auc(const std::vector<double>& in, const std::vector<double>& out) {
  if (in.empty() || out.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::vector<double> all(in);
  all.insert(all.end(), out.begin(), out.end());
  const std::vector<double> rank = MeanRanks(all);  // 0-based
  double sum = 0.0;
  for (std::size_t i = 0; i < in.size(); ++i) sum += rank[i];
  const double n_in = static_cast<double>(in.size());
  return (sum - n_in * (n_in - 1.0) / 2.0) / (n_in * static_cast<double>(out.size()));
}

double MedianSkipping(const double* sorted, int size, int skip) {
  const int n = skip < size ? size - 1 : size;
  const auto at = [&](int k) { return sorted[k < skip ? k : k + (skip < size ? 1 : 0)]; };
  return n % 2 == 1 ? at(n / 2) : 0.5 * (at(n / 2 - 1) + at(n / 2));
}

}  // namespace memgen::theory
