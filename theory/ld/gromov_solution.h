// Gromov's analytic solution of modular addition by a quadratic MLP (Gromov 2023, "Grokking modular
// arithmetic", eqs. 6, 7, 12–16; learning_dynamics.md §2.2). For inputs one-hot(n) ⊕ one-hot(m)
// (D = 2p), f(x) = W2 (W1 x)² with N neurons; neuron k has frequency σ_k and phases φ1, φ2, φ3:
//   W1[k, n]     = cos(2πσ_k n/p + φ1_k),   W1[k, p + m] = cos(2πσ_k m/p + φ2_k),
//   W2[q, k]     = cos(−2πσ_k q/p − φ3_k),  with the constraint φ3 = φ1 + φ2 (eq. 12).
// Squaring h_k = cos(2πσ_k n/p + φ1) + cos(2πσ_k m/p + φ2) gives a term cos(2πσ_k(n+m)/p + φ1 + φ2);
// contracted with W2 under eq. 12 it becomes the phase-free ½Σ_k cos(2πσ_k(n+m−q)/p), which is N/2
// at q ≡ n + m and −N/(2(p−1)) elsewhere when every frequency 1 … (p−1)/2 appears equally often.
// Every other term carries random phases and is O(√N). So (1/N) f_q(n, m) has mean 1/2 at q ≡ n+m
// and the argmax is n + m mod p once N is large enough. Here σ_k cycles over 1 … (p−1)/2.
#pragma once

#include <Eigen/Core>

#include <vector>

namespace memgen::theory {

// σ_k = 1 + (k mod (p−1)/2), k = 0 … N−1 (p odd, p ≥ 3).
int GromovFrequency(int k, int p);

struct GromovPhases {
  std::vector<double> input_first, input_second, output;  ///< φ1_k, φ2_k, φ3_k
};

// W1 (N × 2p) and W2 (p × N) of eqs. 6–7 for the given phases.
Eigen::MatrixXd GromovInputWeights(int p, const GromovPhases& phases);
Eigen::MatrixXd GromovOutputWeights(int p, const GromovPhases& phases);

// The constructive term's normalised value (1/N)·½Σ_k cos(2πσ_k r/p) at residue r for N neurons
// (exact, the frequencies cycled): 1/2 at r ≡ 0; −1/(2(p−1)) elsewhere when (p−1)/2 divides N.
double GromovConstructiveTerm(int p, int neurons, int residue);

}  // namespace memgen::theory
