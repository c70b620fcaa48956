// The stochastic projection of Sefidgaran, Nadjahi and Zaidi ("Tighter CMI-based generalization
// bounds via stochastic projection and quantization", Thm 6; sco_traceability.md SCO-E6): a learner's
// output a ∈ R^D is replaced by
//   A* = Θ Q(Θᵀ a),   Θ = S/√d′,   S ∈ {±1}^{D×d′} with independent fair signs,
// a database-friendly Johnson–Lindenstrauss matrix (Achlioptas 2003) in place of SNZ's Gaussian one,
// and Q either the identity or unbiased (dithered) rounding of every coordinate to the grid Δ·Z:
// v ↦ Δ⌊v/Δ⌋ + Δ·[U < frac(v/Δ)], U uniform, so E Q(v) = v (SNZ leave Q unspecified; nearest rounding
// would bias A* towards 0 once Δ exceeds the coordinates' spread ‖a‖/√d′). Since E[ΘΘᵀ] = I, A* is
// unbiased for a either way, and for Q = I
//   E‖ΘΘᵀa‖² = ‖a‖² (1 + (D − 1)/d′)   (±1 entries; (D + 1)/d′ for Gaussian ones),
// so the projected output leaves the unit ball by a factor √(D/d′).
// S is never stored: column j of S is row j of a fair-coin stream (coin_rows.h), drawn in blocks of
// rows twice (once for Θᵀa, once for Θ·q), so memory is O(D + block·D/64).
#pragma once

#include <cstdint>
#include <vector>

#include "sim/random/philox_batch.h"
#include "sim/random/rng.h"

namespace memgen::sim {

struct SignProjectionOptions {
  std::int64_t dim = 100;       ///< d′
  double quantizer_step = 0.0;  ///< Δ > 0: round Θᵀa to Δ·Z; 0: Q = identity
  double scale = 1.0;           ///< multiplies A* (1; negative controls plant a mis-normalised projection)
};

// A* for a (the result has the length D of a), with S drawn from `stream` and the dither of Q from
// `dither` (used only when quantizer_step > 0).
std::vector<double> SignProject(const std::vector<double>& a, const SignProjectionOptions& options,
                                const BatchStream& stream, Rng& dither);

}  // namespace memgen::sim
