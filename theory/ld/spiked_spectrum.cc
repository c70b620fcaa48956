// The spiked rectangular model of a noisy teacher's training data, see spiked_spectrum.h.
#include "theory/ld/spiked_spectrum.h"

#include <cmath>

#include "sim/core/check.h"

namespace memgen::theory {
namespace {

double Scaled(double teacher_value, const SpikedModel& m) {
  MEMGEN_CHECK(m.aspect > 0.0 && m.aspect <= 1.0 && m.noise_sd > 0.0 && teacher_value > 0.0)
      << "aspect " << m.aspect << " noise " << m.noise_sd << " teacher " << teacher_value;
  return teacher_value / m.noise_sd;
}

}  // namespace

double TrainingSingularValue(double teacher_value, const SpikedModel& m) {
  const double x = Scaled(teacher_value, m), a = m.aspect;
  if (x <= std::pow(a, 0.25)) return NoiseEdgeUpper(m);
  return m.noise_sd * std::sqrt((1.0 + x * x) * (a + x * x)) / x;
}

double TeacherOverlap(double teacher_value, const SpikedModel& m) {
  const double x = Scaled(teacher_value, m), a = m.aspect, x2 = x * x;
  if (x <= std::pow(a, 0.25)) return 0.0;
  const double left = 1.0 - a * (1.0 + x2) / (x2 * (a + x2));
  const double right = 1.0 - (a + x2) / (x2 * (1.0 + x2));
  return std::sqrt(left) * std::sqrt(right);
}

double NoiseEdgeUpper(const SpikedModel& m) { return m.noise_sd * (1.0 + std::sqrt(m.aspect)); }
double NoiseEdgeLower(const SpikedModel& m) { return m.noise_sd * (1.0 - std::sqrt(m.aspect)); }

double RandomOutputScale(const std::vector<double>& teacher_values, int outputs, const SpikedModel& m) {
  MEMGEN_CHECK(outputs > 0) << outputs;
  double sum = 0.0;
  for (double s : teacher_values) sum += s * s;
  return std::sqrt(sum / outputs + m.noise_sd * m.noise_sd);
}

double EarlyStoppingOptimum(double teacher_value, const SpikedModel& m) {
  const double o = TeacherOverlap(teacher_value, m);
  return 1.0 - o * o;
}

}  // namespace memgen::theory
