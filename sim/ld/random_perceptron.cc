// A random perceptron's count on the Boolean cube, see random_perceptron.h.
#include "sim/ld/random_perceptron.h"

#include <cmath>

#include "sim/core/check.h"
#include "sim/random/distributions.h"

namespace memgen::sim {
namespace {

int LowestBit(std::uint64_t mask) {
  int i = 0;
  while (!(mask & 1u)) {
    mask >>= 1;
    ++i;
  }
  return i;
}

}  // namespace

std::int64_t PerceptronCount(const std::vector<double>& w, double bias, std::vector<double>* sums) {
  const int n = static_cast<int>(w.size());
  MEMGEN_CHECK(n >= 1 && n <= 24) << "inputs " << n;
  const std::size_t subsets = std::size_t{1} << n;
  sums->resize(subsets);
  (*sums)[0] = bias;
  std::int64_t count = bias > 0.0 ? 1 : 0;
  for (std::size_t s = 1; s < subsets; ++s) {
    (*sums)[s] = (*sums)[s & (s - 1)] + w[static_cast<std::size_t>(LowestBit(s))];
    count += (*sums)[s] > 0.0 ? 1 : 0;
  }
  return count;
}

std::vector<std::int64_t> SignPatternCounts(const std::vector<double>& magnitudes) {
  const int n = static_cast<int>(magnitudes.size());
  MEMGEN_CHECK(n >= 1 && n <= 16) << "inputs " << n;
  const std::size_t patterns = std::size_t{1} << n;
  std::vector<std::int64_t> counts(patterns);
  std::vector<double> w(magnitudes.size()), sums;
  for (std::size_t p = 0; p < patterns; ++p) {
    for (int i = 0; i < n; ++i) w[static_cast<std::size_t>(i)] = (p >> i & 1u) ? -magnitudes[static_cast<std::size_t>(i)] : magnitudes[static_cast<std::size_t>(i)];
    counts[p] = PerceptronCount(w, 0.0, &sums);
  }
  return counts;
}

void DrawPerceptron(const WeightDraw& draw, Rng& rng, std::vector<double>* w, double* bias) {
  *bias = 0.0;
  for (double& v : *w) {
    switch (draw.law) {
      case WeightLaw::kGaussian:
      case WeightLaw::kBias: v = Normal(rng); break;
      case WeightLaw::kUniform: v = 2.0 * Uniform01(rng) - 1.0; break;
      case WeightLaw::kLaplace: v = Rademacher(rng) * -std::log(Uniform01(rng)); break;
      case WeightLaw::kShifted: v = draw.shift + Normal(rng); break;
    }
  }
  if (draw.law == WeightLaw::kBias) *bias = draw.bias_sd * Normal(rng);
}

}  // namespace memgen::sim
