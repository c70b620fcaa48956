// The regression target θ* in the eigenbasis of Σ (benign_overfitting.md §8: BO-E1, E4(b), E5).
//   e1          θ* = t e₁
//   head_ones   θ*_i = t for i ≤ k (the spec's θ* = (1,1,1,1,1,0,…) with t = 1, k = 5)
//   power       θ*_i = t i^{-γ} for i ≤ k (k = d when 0)
//   e1_whitened θ* = t e₁ / √λ₁  (so ‖θ*‖²_Σ = t²; BO-E4(b))
// Only the support is stored: θ*_i = 0 beyond the returned vector's length.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "theory/bo/spectrum.h"

namespace memgen::theory {

enum class TargetKind { kE1, kHeadOnes, kPower, kE1Whitened };
std::string TargetKindToString(TargetKind kind);
TargetKind StringToTargetKind(const std::string& text, const std::string& field = "target.kind");

struct TargetOptions {
  TargetKind kind = TargetKind::kE1;
  double scale = 1.0;     ///< t
  std::int64_t k = 1;     ///< support size (head_ones, power; 0 = all of d for power)
  double gamma = 1.0;     ///< power-law exponent (power)
  void Validate(const std::string& field, std::int64_t d) const;
  std::string Describe() const;
};

std::vector<double> MakeTarget(const TargetOptions& options, const Spectrum& spectrum);

}  // namespace memgen::theory
