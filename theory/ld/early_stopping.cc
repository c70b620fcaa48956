// The early-stopping optimum of a training-aligned linear student, see early_stopping.h.
#include "theory/ld/early_stopping.h"

#include <boost/math/tools/minima.hpp>

#include <algorithm>
#include <cstddef>

#include "sim/core/check.h"
#include "theory/ld/mode_dynamics.h"

namespace memgen::theory {

double AlignedTestError(const AlignedStudent& st, double t_over_tau) {
  MEMGEN_CHECK(st.s_hat.size() == st.alignment.size() && st.teacher_norm2 > 0.0) << st.s_hat.size();
  double error = st.teacher_norm2;
  for (std::size_t i = 0; i < st.s_hat.size(); ++i) {
    const double s = ModeStrength(t_over_tau, st.s_hat[i], st.epsilon, 2);
    error += s * s - 2.0 * s * st.alignment[i];
  }
  return error / st.teacher_norm2;
}

double MemorizedTestError(const AlignedStudent& st) {
  double error = st.teacher_norm2;
  for (std::size_t i = 0; i < st.s_hat.size(); ++i) error += st.s_hat[i] * st.s_hat[i] - 2.0 * st.s_hat[i] * st.alignment[i];
  return error / st.teacher_norm2;
}

EarlyStop OptimalEarlyStop(const AlignedStudent& st) {
  const double slowest = *std::min_element(st.s_hat.begin(), st.s_hat.end());
  const double end = ModeTime(0.99 * slowest, slowest, st.epsilon, 2);
  constexpr int kGrid = 4000;
  int best = 0;
  double best_error = AlignedTestError(st, 0.0);
  for (int k = 1; k <= kGrid; ++k) {
    const double e = AlignedTestError(st, end * k / kGrid);
    if (e < best_error) best = k, best_error = e;
  }
  const double lo = end * std::max(0, best - 1) / kGrid, hi = end * std::min(kGrid, best + 1) / kGrid;
  const auto f = [&](double t) { return AlignedTestError(st, t); };
  const auto refined = boost::math::tools::brent_find_minima(f, lo, hi, 52);
  if (refined.second < best_error) return {refined.first, refined.second};
  return {end * best / kGrid, best_error};
}

}  // namespace memgen::theory
