// The uniform law of a random perceptron's count, see perceptron_bias.h.
#include "theory/ld/perceptron_bias.h"

#include <cmath>

#include "sim/core/check.h"

namespace memgen::theory {

std::int64_t PerceptronOutcomes(int inputs) {
  MEMGEN_CHECK(inputs >= 1 && inputs <= 30) << "inputs " << inputs;
  return std::int64_t{1} << inputs;
}

double PerceptronUniformProbability(int inputs) { return 1.0 / static_cast<double>(PerceptronOutcomes(inputs)); }

double PerceptronMeanCount(int inputs) { return 0.5 * (static_cast<double>(PerceptronOutcomes(inputs)) - 1.0); }

double PerceptronCountVariance(int inputs) {
  const double k = static_cast<double>(PerceptronOutcomes(inputs));
  return (k * k - 1.0) / 12.0;
}

}  // namespace memgen::theory
