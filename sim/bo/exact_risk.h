// Exact conditional bias and noise-averaged variance of the min-norm interpolant and of ridge, for
// one draw of the design (Tsigler and Bartlett 2023, eq. (2); BLLT Lemma 7; benign_overfitting.md
// §6.2). With A = XXᵀ + nλI (normalised ridge λ ≥ 0), M = XΣXᵀ, w = A⁻¹Xθ:
//   B = ‖(I − XᵀA⁻¹X)θ‖²_Σ = Σ_j λ_j (θ_j − (Xᵀw)_j)²   (a sum of squares, never a difference)
//   V = σ² tr(A⁻¹ M A⁻¹)                                    so that E_ε R = B + V exactly;
//   one noise draw ε ~ N(0, σ² I): R = ‖XᵀA⁻¹(Xθ + ε) − θ‖²_Σ.
// A is factored by Cholesky with a reciprocal-condition estimate; below `rcond_min` the ridgeless
// draw is recomputed from a Householder QR of Xᵀ (cond(X), not cond(X)²) when 4·n·d doubles fit the
// fallback budget and R's diagonal shows X of full rank (estimated rcond(A) ≥ rcond_min²); otherwise
// the draw is reported as ill-conditioned, never silently regularised.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "theory/bo/spectrum.h"
#include "sim/bo/gram_accumulator.h"
#include "sim/random/rng.h"

namespace memgen::sim {

struct ExactRiskOptions {
  GramOptions gram;
  double ridge = 0.0;         ///< normalised λ ≥ 0: A = XXᵀ + nλI
  double sigma2 = 1.0;        ///< noise variance σ²
  bool noise_draw = false;    ///< also compute the risk R of one noise draw
  double rcond_min = 1e-12;   ///< Cholesky accepted above this reciprocal condition number
  std::size_t qr_fallback_bytes = std::size_t{1} << 30;  ///< max n·d·8 for the QR fallback
  bool wishart_tail = false;  ///< Gaussian design with a flat tail: draw the tail's Gram by Bartlett
};

enum class RiskMethod { kCholesky, kQrFallback, kIllConditioned };

struct ExactRisk {
  double bias = 0.0;
  double variance = 0.0;        ///< σ² tr(A⁻¹MA⁻¹)
  double risk_one_draw = 0.0;   ///< NaN unless noise_draw
  double rcond = 0.0;           ///< reciprocal condition estimate of A (1-norm)
  RiskMethod method = RiskMethod::kIllConditioned;
  bool ok() const { return method != RiskMethod::kIllConditioned; }
};

ExactRisk ComputeExactRisk(const theory::Spectrum& spectrum, const std::vector<double>& theta,
                           const ExactRiskOptions& options, const StreamId& trial_stream);

// The QR route on an explicit X (d × n stored as Xᵀ); exposed for the streaming-vs-QR test.
ExactRisk ExactRiskByQr(const theory::Spectrum& spectrum, const std::vector<double>& theta,
                        const ExactRiskOptions& options, const StreamId& trial_stream);

}  // namespace memgen::sim
