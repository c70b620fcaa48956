// Portable distributions (STYLE.md G8): every sampler is coded here from raw Philox outputs, so a
// result never depends on the standard library's implementation-defined distributions.
//   uniform   r123::u01<double>: (0, 1], never 0
//   normal    ziggurat (Marsaglia-Tsang 2000 with Doornik's independent bits), ziggurat.h
//   rademacher, bernoulli  from single bits / one uniform
//   index     ⌊bound·u⌋ for u = one 64-bit output / 2⁶⁴, by a 128-bit multiply (Lemire 2019 without
//             the rejection step: bias ≤ bound/2⁶⁴)
//   gamma     Marsaglia-Tsang (2000) squeeze method, any shape > 0 (shape < 1 via the U^(1/a) boost)
//   chi^2_nu  = 2 Gamma(nu/2)
//   s-beta    symmetric beta on [−γ, γ] from two gammas
#pragma once

#include <cstddef>
#include <cstdint>

#include "sim/random/rng.h"

namespace memgen::sim {

double Uniform01(Rng& rng);
double Normal(Rng& rng);  // one standard normal
double Rademacher(Rng& rng);
bool Bernoulli(Rng& rng, double p);
std::uint64_t UniformIndexBelow(Rng& rng, std::uint64_t bound);  // in {0, …, bound − 1}
double Gamma(Rng& rng, double shape);  // scale 1
double ChiSquared(Rng& rng, double degrees_of_freedom);
// Symmetric beta on [−γ, γ]: p = γ(2B − 1), B = G₁/(G₁ + G₂), G_i ~ Gamma(β) (density ∝ (1 − (p/γ)²)^{β−1}).
double SymmetricBeta(Rng& rng, double beta, double half_width);

// Bulk fills: normals one after another from the stream; Rademacher signs 256 per Philox block.
void FillNormal(Rng& rng, double* out, std::size_t count);
void FillRademacher(Rng& rng, double* out, std::size_t count);

}  // namespace memgen::sim
