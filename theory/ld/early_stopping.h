// Test error of a training-aligned deep linear student along its gradient-flow path, and its
// early-stopping optimum (Lampinen & Ganguli 2019; learning_dynamics.md §3). With Σ31 = Σ_i ŝ_i û_i v̂_iᵀ
// and every mode following s_i(t) = s(t, ŝ_i) (mode_dynamics.h, one hidden layer), the student is
// W(t) = Σ_i s_i(t) û_i v̂_iᵀ and its error against the teacher W̄, relative to ‖W̄‖²_F, is
//   ε_test(t) = (‖W̄‖² − 2 Σ_i s_i(t) c_i + Σ_i s_i(t)²) / ‖W̄‖²,   c_i = û_iᵀ W̄ v̂_i.
// For a rank-1 teacher s̄ ū v̄ᵀ and a rank-1 student the optimum over s₁ is s₁ = c₁ = s̄ O_emp with
// O_emp = (û₁·ū)(v̂₁·v̄), so min ε_test = 1 − O_emp²; the other modes add their leakage, which
// vanishes as ε → 0. The minimum over t is found on a grid and refined by Brent's method
// (Boost.Math).
#pragma once

#include <vector>

namespace memgen::theory {

struct AlignedStudent {
  std::vector<double> s_hat;      ///< ŝ_i, the training singular values (decreasing)
  std::vector<double> alignment;  ///< c_i = û_iᵀ W̄ v̂_i
  double teacher_norm2 = 1.0;     ///< ‖W̄‖²_F
  double epsilon = 1e-6;          ///< the product's initial mode strength
};

double AlignedTestError(const AlignedStudent& student, double t_over_tau);
// ε_test after every mode has converged (s_i = ŝ_i: the student memorizes Σ31).
double MemorizedTestError(const AlignedStudent& student);

struct EarlyStop {
  double t_over_tau = 0.0;
  double test_error = 0.0;
};
// The minimum of ε_test over t ∈ [0, T], T the time the slowest mode reaches 99 % of its ŝ.
EarlyStop OptimalEarlyStop(const AlignedStudent& student);

}  // namespace memgen::theory
