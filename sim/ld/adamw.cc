// AdamW, see adamw.h.
#include "sim/ld/adamw.h"

#include <cmath>

#include "sim/core/check.h"

namespace memgen::sim {

void AdamWStep(const AdamWOptions& o, std::int64_t t, double* theta, const double* g, std::size_t size, AdamWMoments* moments) {
  MEMGEN_CHECK(t >= 1) << t;
  if (static_cast<std::size_t>(moments->m.size()) != size) {
    moments->m.setZero(static_cast<Eigen::Index>(size));
    moments->v.setZero(static_cast<Eigen::Index>(size));
  }
  const double decay = 1.0 - o.learning_rate * o.weight_decay;
  const double c1 = 1.0 - std::pow(o.beta1, static_cast<double>(t)), c2 = 1.0 - std::pow(o.beta2, static_cast<double>(t));
  double* m = moments->m.data();
  double* v = moments->v.data();
  for (std::size_t i = 0; i < size; ++i) {
    theta[i] *= decay;
    m[i] = o.beta1 * m[i] + (1.0 - o.beta1) * g[i];
    v[i] = o.beta2 * v[i] + (1.0 - o.beta2) * g[i] * g[i];
    theta[i] -= o.learning_rate * (m[i] / c1) / (std::sqrt(v[i] / c2) + o.epsilon);
  }
}

void GradientDescentStep(double learning_rate, double weight_decay, double* theta, const double* g, std::size_t size) {
  const double decay = 1.0 - learning_rate * weight_decay;
  for (std::size_t i = 0; i < size; ++i) theta[i] = theta[i] * decay - learning_rate * g[i];
}

}  // namespace memgen::sim
