// Portable distributions (STYLE.md G8): every sampler is coded here from raw Philox outputs, so a
// result never depends on the standard library's implementation-defined distributions.
//   uniform   r123::u01<double>: (0, 1], never 0
//   normal    r123::boxmuller (Box-Muller, both values of a pair used in bulk fills)
//   rademacher, bernoulli  from single bits / one uniform
//   gamma     Marsaglia-Tsang (2000) squeeze method, any shape > 0 (shape < 1 via the U^(1/a) boost)
//   chi^2_nu  = 2 Gamma(nu/2)
#pragma once

#include <cstddef>
#include <cstdint>

#include "sim/random/rng.h"

namespace memgen::sim {

double Uniform01(Rng& rng);
double Normal(Rng& rng);  // one standard normal (uses one Philox block half; the other value is dropped)
double Rademacher(Rng& rng);
bool Bernoulli(Rng& rng, double p);
double Gamma(Rng& rng, double shape);  // scale 1
double ChiSquared(Rng& rng, double degrees_of_freedom);

// Bulk fills consume whole Philox blocks: 4 outputs -> 4 normals, or 256 Rademacher signs.
void FillNormal(Rng& rng, double* out, std::size_t count);
void FillRademacher(Rng& rng, double* out, std::size_t count);

}  // namespace memgen::sim
