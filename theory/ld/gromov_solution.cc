// Gromov's analytic weights for modular addition, see gromov_solution.h.
#include "theory/ld/gromov_solution.h"

#include <cmath>

#include "sim/core/check.h"

namespace memgen::theory {
namespace {

constexpr double kTwoPi = 6.283185307179586476925286766559;

}  // namespace

int GromovFrequency(int k, int p) {
  MEMGEN_CHECK(p >= 3 && p % 2 == 1 && k >= 0) << "p " << p << " k " << k;
  return 1 + k % ((p - 1) / 2);
}

Eigen::MatrixXd GromovInputWeights(int p, const GromovPhases& phases) {
  const int neurons = static_cast<int>(phases.input_first.size());
  MEMGEN_CHECK(phases.input_second.size() == phases.input_first.size()) << neurons;
  Eigen::MatrixXd w(neurons, 2 * p);
  for (int k = 0; k < neurons; ++k) {
    const double omega = kTwoPi * GromovFrequency(k, p) / p;
    for (int n = 0; n < p; ++n) {
      w(k, n) = std::cos(omega * n + phases.input_first[k]);
      w(k, p + n) = std::cos(omega * n + phases.input_second[k]);
    }
  }
  return w;
}

Eigen::MatrixXd GromovOutputWeights(int p, const GromovPhases& phases) {
  const int neurons = static_cast<int>(phases.output.size());
  Eigen::MatrixXd w(p, neurons);
  for (int k = 0; k < neurons; ++k) {
    const double omega = kTwoPi * GromovFrequency(k, p) / p;
    for (int q = 0; q < p; ++q) w(q, k) = std::cos(-omega * q - phases.output[k]);
  }
  return w;
}

double GromovConstructiveTerm(int p, int neurons, int residue) {
  double sum = 0.0;
  for (int k = 0; k < neurons; ++k) sum += std::cos(kTwoPi * GromovFrequency(k, p) * residue / p);
  return 0.5 * sum / neurons;
}

}  // namespace memgen::theory
