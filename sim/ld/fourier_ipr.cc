// The Fourier IPR progress measure, see fourier_ipr.h.
#include "sim/ld/fourier_ipr.h"

#include <cmath>

namespace memgen::sim {

Eigen::VectorXd RowIpr(const Eigen::MatrixXd& rows) {
  const Eigen::Index p = rows.cols(), bins = p / 2 + 1;
  constexpr double kTwoPi = 6.283185307179586476925286766559;
  Eigen::MatrixXd cosines(p, bins), sines(p, bins);
  for (Eigen::Index j = 0; j < p; ++j)
    for (Eigen::Index f = 0; f < bins; ++f) {
      const double angle = kTwoPi * static_cast<double>((j * f) % p) / static_cast<double>(p);
      cosines(j, f) = std::cos(angle);
      sines(j, f) = std::sin(angle);
    }
  const Eigen::ArrayXXd power = (rows * cosines).array().square() + (rows * sines).array().square();  // a²
  const Eigen::ArrayXd total = power.rowwise().sum();
  return ((power.square().rowwise().sum()) / total.square()).matrix();
}

double NetworkIpr(const QuadraticMlp& net) {
  const Eigen::MatrixXd first = net.input.topRows(net.p).transpose();     // U: N × p
  const Eigen::MatrixXd second = net.input.bottomRows(net.p).transpose();  // V: N × p
  const Eigen::VectorXd ipr = (RowIpr(first) + RowIpr(second) + RowIpr(net.output)) / 3.0;
  return ipr.mean();
}

}  // namespace memgen::sim
