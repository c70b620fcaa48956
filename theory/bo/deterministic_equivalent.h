// Deterministic equivalent (DE) of the bias and variance of ridge and ridgeless regression
// (Hastie, Montanari, Rosset, Tibshirani 2022; Cheng and Montanari 2024; Bach 2024; eigenlearning,
// Simon et al. 2021); benign_overfitting.md §5.1, normalised ridge λ (A = XXᵀ + nλ I):
//   df₁(κ) = Σ λ_i/(λ_i + κ),  df₂(κ) = Σ λ_i²/(λ_i + κ)²,
//   fixed point  κ − λ = κ df₁(κ)/n   ⇔   n − df₁(κ) − nλ/κ = 0   (λ = 0: n = df₁(κ), needs rank > n),
//   B_DE = κ² Σ λ_i θ_i²/(λ_i + κ)² / (1 − df₂/n),     V_DE = σ² df₂/(n − df₂).
// The fixed point is solved for u = log κ with Boost.Math's TOMS 748 bracketing root finder on the
// monotone residual; sums over a flat tail use its count, so p up to 1e9 costs O(head).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "theory/bo/spectrum.h"

namespace memgen::theory {

struct DeOptions {
  std::int64_t n = 100;    ///< sample size
  double ridge = 0.0;      ///< normalised ridge λ >= 0
  double sigma2 = 1.0;     ///< noise variance σ²
};

struct DeResult {
  double kappa = 0.0;     ///< effective regularisation κ
  double df1 = 0.0;
  double df2 = 0.0;
  double bias = 0.0;      ///< B_DE (θ-dependent)
  double variance = 0.0;  ///< V_DE, including σ²
  int iterations = 0;
  bool ok = false;
  std::string message = "not run";
};

// Solves for κ only (bias left 0). Fails (ok = false) for λ = 0 when rank Σ ≤ n.
DeResult SolveDeterministicEquivalent(const Spectrum& spectrum, const DeOptions& options);

// Full DE with the bias of target θ (θ has length ≤ d; missing entries are 0).
DeResult DeterministicEquivalent(const Spectrum& spectrum, const std::vector<double>& theta,
                                 const DeOptions& options);

// The fixed-point residual n − df₁(κ) − nλ/κ at a given κ (for tests).
double FixedPointResidual(const Spectrum& spectrum, const DeOptions& options, double kappa);

}  // namespace memgen::theory
