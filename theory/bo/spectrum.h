// Covariance spectra for linear regression (benign_overfitting.md §3.5-3.6, §7.3), in the eigenbasis,
// sorted non-increasing. A spectrum is an explicit head λ_1 ≥ … ≥ λ_m followed by an exactly flat
// tail of `tail_count` copies of `tail_value`; the flat tail is what lets the deterministic
// equivalent and the Wishart shortcut handle p up to 1e9 without storing it.
//   power_law      λ_i = i^{-α}                                   (BLLT examples, α > 1 harmful)
//   log_power      λ_i = i^{-α} ln^{-β}(i + 1)                    (benign iff α = 1, β > 1)
//   exp_floor      λ_i = e^{-i/τ} + ε for i ≤ p                    (BLLT Thm 6 part 2)
//   isotropic      λ_i = scale for i ≤ d
//   spiked         λ_i = spike for i ≤ k, floor for k < i ≤ d
// With `infinite = true` (power_law α > 1, log_power α = 1 β > 1) the spectrum is the infinite
// sequence: the simulation keeps the first d eigenvalues, and the theory (DE, effective ranks) adds
// the remainder R₁ = Σ_{i>d} λ_i and R₂ = Σ_{i>d} λ_i² by the midpoint rule,
//   i^{-α}: R₁ ≈ (d+½)^{1−α}/(α−1), R₂ ≈ (d+½)^{1−2α}/(2α−1);
//   1/(i ln^β(i+1)): R₁ ≈ ln^{1−β}(d+½)/(β−1), R₂ ≈ 1/((d+½) ln^{2β}(d+½)) (leading order),
// so truncation at d does not masquerade as a property of the infinite spectrum (spec §5.4).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace memgen::theory {

enum class SpectrumKind { kPowerLaw, kLogPower, kExpFloor, kIsotropic, kSpiked };
std::string SpectrumKindToString(SpectrumKind kind);
SpectrumKind StringToSpectrumKind(const std::string& text, const std::string& field = "spectrum.kind");

struct SpectrumOptions {
  SpectrumKind kind = SpectrumKind::kIsotropic;
  std::int64_t d = 1000;  ///< dimension p (>= 1)
  double alpha = 1.0;     ///< power-law exponent (power_law, log_power)
  double beta = 2.0;      ///< log exponent (log_power)
  double tau = 1.0;       ///< exponential decay scale (exp_floor), > 0
  double eps = 0.0;       ///< floor ε (exp_floor, spiked), >= 0
  double scale = 1.0;     ///< isotropic level, or the spike height (spiked)
  std::int64_t spike_count = 1;  ///< number of spiked directions (spiked)
  bool infinite = false;  ///< theory adds the continuation beyond d (power_law, log_power only)
  void Validate(const std::string& field) const;  // throws ConfigError naming field.<member>
  std::string Describe() const;                   // e.g. "log_power(alpha=1,beta=2,d=100000)"
};

struct Spectrum {
  std::vector<double> head;    ///< λ_1 ≥ … ≥ λ_m
  double tail_value = 0.0;     ///< λ_i for m < i ≤ m + tail_count
  std::int64_t tail_count = 0;
  double remainder_sum = 0.0;          ///< R₁ = Σ_{i>d} λ_i of the infinite continuation (theory only)
  double remainder_sum_squares = 0.0;  ///< R₂ = Σ_{i>d} λ_i²

  std::int64_t dimension() const { return static_cast<std::int64_t>(head.size()) + tail_count; }
  double operator[](std::int64_t i) const {  // 0-based
    return i < static_cast<std::int64_t>(head.size()) ? head[static_cast<std::size_t>(i)] : tail_value;
  }
  double Trace() const;     // Σ λ_i, accumulated in long double
};

// Builds the spectrum; the exp_floor head stops where e^{-i/τ} < 1e-18·ε (below double resolution of
// the floor), so the remaining tail is exactly flat.
Spectrum MakeSpectrum(const SpectrumOptions& options);

}  // namespace memgen::theory
