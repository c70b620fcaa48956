// Portable distributions (STYLE.md G8): every sampler is coded here from raw Philox outputs, so a
// result never depends on the standard library's implementation-defined distributions.
//   uniform   r123::u01<double>: (0, 1], never 0
//   normal    one at a time: ziggurat (Marsaglia-Tsang 2000 with Doornik's independent bits), ziggurat.h;
//             in bulk (FillNormal): Box–Muller on batched Philox4x32-10 (box_muller_batch.h), several times faster:
//             the call takes the stream's next Philox4x64 block (four 64-bit words w0..w3) as the batch's
//             key {w0 low, w0 high} and counter {j, w2 low, w1 low, w1 high}, j = 0, 1, …, so the normals
//             are a fixed function of the stream and its position (any thread count), and the stream
//             advances by one block whatever the count
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

// Bulk fills: count normals by batched Box–Muller (one block of the stream per call, none for count 0;
// count ≤ kMaxFillNormal, the batch's 2³² counters); Rademacher signs 256 per Philox block.
constexpr std::size_t kMaxFillNormal = std::size_t{1} << 33;
void FillNormal(Rng& rng, double* out, std::size_t count);
void FillRademacher(Rng& rng, double* out, std::size_t count);

}  // namespace memgen::sim
