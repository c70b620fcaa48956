// Standard normal variates by the ziggurat method (Marsaglia and Tsang, "The Ziggurat Method for
// Generating Random Variables", J. Stat. Software 5(8), 2000), 256 layers, with Doornik's (2005)
// remedy: the layer index and the uniform come from disjoint bits of one 64-bit Philox output
// (bits 0-7 and 11-63), so they are independent.
//   f(x) = exp(−x²/2), R = 3.6541528853610088 (right edge of the base strip), V = 0.00492867323399
//   (area of each layer), x₁ = R, x_{i+1} = √(−2 ln(V/x_i + f(x_i))), x₂₅₆ = 0, x₀ = V/f(R).
//   Draw: i, u ∈ [−1, 1); x = u x_i; accept if |x| < x_{i+1} (≈ 98.8%); layer 0 samples the tail
//   beyond R by Marsaglia's (1964) method; other layers test the wedge against f.
// The tables are computed once in long double; the fast path uses no libm calls, so a normal costs
// about one Philox output.
#pragma once

#include <cstdint>

namespace memgen::sim {

class Rng;

// One standard normal from `rng` (consumes one or, on rejection, more raw outputs).
double ZigguratNormal(Rng& rng);

}  // namespace memgen::sim
