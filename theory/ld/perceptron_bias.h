// The a priori bias of a random perceptron (Mingard et al. 2019, arXiv 1909.11522;
// learning_dynamics.md §4 (e)). A perceptron with n inputs, no bias, outputs 1 on x ∈ {0,1}^n iff
// w·x > 0, and t(w) = #{x : w·x > 0}. The all-zero input is always 0, so t ∈ {0, …, 2^n − 1}, and for
// any weight law invariant under independent sign flips of the coordinates with P(w·x = 0) = 0 for
// x ≠ 0 (i.i.d. Gaussian, uniform, Laplace), t is uniform: P(t) = 2^{−n}, mean (2^n − 1)/2, variance
// (4^n − 1)/12. Deterministic form: for fixed generic magnitudes m_i = |w_i| (all 2^n subset sums
// distinct) the 2^n sign patterns give each t ∈ {0, …, 2^n − 1} exactly once. Proof: with N the set of
// negative coordinates and S ↦ S Δ N (a bijection of subsets), w·1_S = m(S Δ N) − m(N), so t is the
// number of subsets whose sum exceeds m(N), 2^n − 1 − rank of m(N); as N runs over all subsets, the
// rank takes every value once. A sign-symmetric law makes N uniform given the magnitudes, so t is
// uniform.
#pragma once

#include <cstdint>

namespace memgen::theory {

std::int64_t PerceptronOutcomes(int inputs);          ///< 2^n, the number of values of t
double PerceptronUniformProbability(int inputs);      ///< 2^{−n}
double PerceptronMeanCount(int inputs);               ///< (2^n − 1)/2
double PerceptronCountVariance(int inputs);           ///< (4^n − 1)/12

}  // namespace memgen::theory
