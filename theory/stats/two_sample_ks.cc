// The two-sample Kolmogorov–Smirnov test, see two_sample_ks.h.
#include "theory/stats/two_sample_ks.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "sim/core/check.h"

namespace memgen::theory {
namespace {

// Exact P(D' ≥ d): 1 − (paths inside the band) / (all paths), counted row by row.
double ExactPValue(double d, int n, int m) {
  const double slack = 1e-9;  // D takes values i/n − j/m; treat a path on the band's edge as outside
  const auto inside = [&](int i, int j) { return std::abs(static_cast<double>(i) / n - static_cast<double>(j) / m) < d - slack; };
  std::vector<double> row(static_cast<std::size_t>(m) + 1, 0.0);
  double total = 1.0;  // C(n + m, n), built alongside
  for (int j = 0; j <= m; ++j) row[static_cast<std::size_t>(j)] = (j == 0 || row[static_cast<std::size_t>(j) - 1] > 0.0) && inside(0, j) ? 1.0 : 0.0;
  for (int i = 1; i <= n; ++i) {
    row[0] = row[0] > 0.0 && inside(i, 0) ? 1.0 : 0.0;
    for (int j = 1; j <= m; ++j) {
      const std::size_t k = static_cast<std::size_t>(j);
      row[k] = inside(i, j) ? row[k] + row[k - 1] : 0.0;
    }
  }
  for (int k = 1; k <= n; ++k) total *= static_cast<double>(m + k) / k;
  return std::clamp(1.0 - row[static_cast<std::size_t>(m)] / total, 0.0, 1.0);
}

double AsymptoticPValue(double d, int n, int m) {
  const double ne = static_cast<double>(n) * m / (n + m), root = std::sqrt(ne);
  const double lambda = (root + 0.12 + 0.11 / root) * d;
  if (lambda < 0.2) return 1.0;
  double sum = 0.0, sign = 1.0;
  for (int k = 1; k <= 100; ++k, sign = -sign) sum += sign * std::exp(-2.0 * k * k * lambda * lambda);
  return std::clamp(2.0 * sum, 0.0, 1.0);
}

}  // namespace

double TwoSampleKsPValue(double d, int n, int m) {
  MEMGEN_CHECK(n > 0 && m > 0) << n << ", " << m;
  if (!(d > 0.0)) return 1.0;
  return n + m <= 1000 ? ExactPValue(d, n, m) : AsymptoticPValue(d, n, m);
}

double TwoSampleKsStatistic(std::vector<double> a, std::vector<double> b) {
  MEMGEN_CHECK(!a.empty() && !b.empty()) << a.size() << ", " << b.size();
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  const double n = static_cast<double>(a.size()), m = static_cast<double>(b.size());
  double d = 0.0;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const double t = std::min(a[i], b[j]);
    while (i < a.size() && a[i] == t) ++i;
    while (j < b.size() && b[j] == t) ++j;
    d = std::max(d, std::abs(static_cast<double>(i) / n - static_cast<double>(j) / m));
  }
  return d;
}

TwoSampleKs TwoSampleKsTest(std::vector<double> a, std::vector<double> b) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  const double d = TwoSampleKsStatistic(std::move(a), std::move(b));
  return {d, TwoSampleKsPValue(d, n, m)};
}

double TwoSampleKsCriticalDistance(int n, double level) {
  for (int j = 1; j <= n; ++j)
    if (TwoSampleKsPValue(static_cast<double>(j) / n, n, n) <= level) return static_cast<double>(j) / n - 1e-9;
  return 2.0;
}

}  // namespace memgen::theory
