// Standard normals in bulk from batched Philox4x32-10 (philox_batch.h) by the Box–Muller transform
// (Box and Muller 1958), written so the compiler vectorises it (issue 15: ≥ 400 M normals/s a core,
// against 154-169 M/s for the ziggurat on the scalar Philox4x64 stream).
// Counter j of the stream gives four 32-bit words a0..a3 and so two uniforms, with 52 and 53 random bits,
//   u1 = (⌊a0/2⁶⌋·2²⁶ + ⌊a1/2⁶⌋ + ½)·2⁻⁵² ∈ (0, 1),   u2 = (⌊a2/2⁵⌋·2²⁶ + ⌊a3/2⁶⌋)·2⁻⁵³ ∈ [0, 1)
// (u1 on 52 bits so that k + ½ is exact: on 53 the largest would round to 1 and give r = 0),
// and one pair of independent normals r cos 2πu2, r sin 2πu2 with r = √(−2 ln u1). The libm calls
// are replaced by fixed polynomials, the same on every x86-64 with FMA whatever the vector width:
//   ln u1    u1 = m·2^e with m ∈ [√½, √2), s = (m − 1)/(m + 1), ln m = 2 atanh s = 2 Σ_{k≤10} s^{2k+1}/(2k+1)
//            (|s| ≤ 0.1716: the first omitted term is below 2⁻⁵⁸ of the sum), e·ln 2 added in two parts;
//   sin, cos the octant o = ⌊8u2⌋ (u2's top 3 bits) and t = 8u2 − o (the other 50) are exact, so the angle
//            is reduced without rounding to φ = (π/4)·t or (π/4)(1 − t) ∈ [0, π/4] and the octant's
//            symmetry; sin φ and cos φ by their Taylor series to φ¹⁷ and φ¹⁸ (remainder < 2⁻⁵⁶).
// The radius is at most √(2·53 ln 2) ≈ 8.57: the law is the normal law on the uniforms' grids, exact in
// distribution up to the tail beyond 8.57 (probability 2e-17).
// Layout: counters are processed 16 at a time (a group); group g's 32 normals are
// out[32g + l] = r_l cos 2πu2_l and out[32g + 16 + l] = r_l sin 2πu2_l for lane l (counter
// first_block + 16g + l), so any group can be regenerated alone, as any row of the SCO coins.
#pragma once

#include <cstddef>
#include <cstdint>

#include "sim/random/philox_batch.h"

namespace memgen::sim {

constexpr std::size_t kNormalsPerGroup = 32;  ///< 16 counters, one Box–Muller pair each

// Fills out[0 .. count) with the normals of counters first_block, first_block + 1, … of (stream, row),
// in the layout above (the last group's surplus normals are dropped). Uses ⌈count/32⌉·16 counters.
void FillBoxMullerNormals(const BatchStream& stream, std::uint32_t row, std::uint32_t first_block, double* out,
                          std::size_t count);

// The transform of one counter's four words into its two normals (the scalar reference of the batch).
void BoxMullerPair(std::uint32_t a0, std::uint32_t a1, std::uint32_t a2, std::uint32_t a3, double* cos_normal,
                   double* sin_normal);

}  // namespace memgen::sim
