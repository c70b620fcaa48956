// tanh in SIMD lanes, see vector_tanh.h.
#include "sim/ld/vector_tanh.h"

#include <array>

namespace memgen::sim {
namespace {

constexpr int kTerms = 10;
constexpr double kSeriesBelow = 0.125;

// c_n of tanh x = Σ c_n x^{2n+1}, from (2n + 1) c_n = −Σ_{i+j=n−1} c_i c_j.
std::array<double, kTerms> SeriesCoefficients() {
  std::array<double, kTerms> c{};
  c[0] = 1.0;
  for (int n = 1; n < kTerms; ++n) {
    double sum = 0.0;
    for (int i = 0; i <= n - 1; ++i) sum += c[static_cast<std::size_t>(i)] * c[static_cast<std::size_t>(n - 1 - i)];
    c[static_cast<std::size_t>(n)] = -sum / (2.0 * n + 1.0);
  }
  return c;
}

}  // namespace

void TanhInPlace(double* values, Eigen::Index count) {
  static const std::array<double, kTerms> c = SeriesCoefficients();
  thread_local Eigen::ArrayXd square, series, e;  // reused: a training loop allocates nothing
  Eigen::Map<Eigen::ArrayXd> x(values, count);
  square = x.square();
  series.setConstant(count, c[kTerms - 1]);
  for (int k = kTerms - 2; k >= 0; --k) series = series * square + c[static_cast<std::size_t>(k)];
  series *= x;
  e = (-2.0 * x.abs()).exp();
  x = (x.abs() < kSeriesBelow).select(series, x.sign() * (1.0 - e) / (1.0 + e));
}

}  // namespace memgen::sim
