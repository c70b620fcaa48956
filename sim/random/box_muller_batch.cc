// Batched Box–Muller normals, see box_muller_batch.h.
#include "sim/random/box_muller_batch.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace memgen::sim {
namespace {

constexpr double kLn2Hi = 0x1.62e42fefa3800p-1;   // ln 2 to 45 significant bits: e·kLn2Hi is exact for |e| < 2⁸ (here |e| ≤ 52)
constexpr double kLn2Lo = 0x1.ef35793c76730p-45;  // ln 2 − kLn2Hi
constexpr double kSqrtHalf = 0.70710678118654752440;
constexpr double kPiOver4 = 0.78539816339744830962;
// (−1)^{k+1}/(2k+3)! for k = 7 … 0 and (−1)^{k+1}/(2k+2)! for k = 8 … 0, highest degree first.
constexpr double kSinCoefficients[8] = {1.0 / 355687428096000.0, -1.0 / 1307674368000.0, 1.0 / 6227020800.0, -1.0 / 39916800.0,
                                        1.0 / 362880.0,          -1.0 / 5040.0,          1.0 / 120.0,        -1.0 / 6.0};
constexpr double kCosCoefficients[9] = {-1.0 / 6402373705728000.0, 1.0 / 20922789888000.0, -1.0 / 87178291200.0,
                                        1.0 / 479001600.0,         -1.0 / 3628800.0,       1.0 / 40320.0,
                                        -1.0 / 720.0,              1.0 / 24.0,             -0.5};

// Random bits from two words as a signed 64-bit integer: the top 27 of a and the top 26 of b (53),
// or the top 26 of each (52).
inline std::int64_t Bits53(std::uint32_t a, std::uint32_t b) {
  return static_cast<std::int64_t>((static_cast<std::uint64_t>(a >> 5) << 26) | (b >> 6));
}
inline std::int64_t Bits52(std::uint32_t a, std::uint32_t b) {
  return static_cast<std::int64_t>((static_cast<std::uint64_t>(a >> 6) << 26) | (b >> 6));
}

// ln x for a normal double x ∈ (0, 1]: x = m·2^e, m ∈ [√½, √2), ln m = 2 atanh((m − 1)/(m + 1)).
inline double Log(double x) {
  std::uint64_t bits = __builtin_bit_cast(std::uint64_t, x);
  auto e = static_cast<std::int64_t>(bits >> 52) - 1023;
  bits = (bits & 0x000FFFFFFFFFFFFFULL) | 0x3FF0000000000000ULL;  // m ∈ [1, 2)
  double m = __builtin_bit_cast(double, bits);
  const bool high = m > 2.0 * kSqrtHalf;
  m = high ? 0.5 * m : m;
  e += high ? 1 : 0;
  const double s = (m - 1.0) / (m + 1.0), z = s * s;
  double p = 1.0 / 21.0;
#pragma GCC unroll 16
  for (int k = 9; k >= 1; --k) p = std::fma(p, z, 1.0 / (2 * k + 1));  // unrolled: constant coefficients
  const double fe = static_cast<double>(e);
  return std::fma(fe, kLn2Hi, std::fma(2.0 * s * z, p, std::fma(fe, kLn2Lo, 2.0 * s)));
}

// sin φ and cos φ for φ ∈ [0, π/4] by their Taylor series in z = φ², by Horner's rule:
//   sin φ = φ + φz·Σ_{k=0..7} (−1)^{k+1} z^k/(2k+3)!,   cos φ = 1 + z·Σ_{k=0..8} (−1)^{k+1} z^k/(2k+2)!.
inline void SinCos(double phi, double* sin_phi, double* cos_phi) {
  const double z = phi * phi;
  double s = kSinCoefficients[0];
#pragma GCC unroll 16
  for (int k = 1; k < 8; ++k) s = std::fma(s, z, kSinCoefficients[k]);
  *sin_phi = std::fma(phi * z, s, phi);
  double c = kCosCoefficients[0];
#pragma GCC unroll 16
  for (int k = 1; k < 9; ++k) c = std::fma(c, z, kCosCoefficients[k]);
  *cos_phi = std::fma(z, c, 1.0);
}

// The pair of one counter; branch-free (selects), so a loop over lanes vectorises.
inline void Pair(std::uint32_t a0, std::uint32_t a1, std::uint32_t a2, std::uint32_t a3, double& cos_normal, double& sin_normal) {
  const double u1 = (static_cast<double>(Bits52(a0, a1)) + 0.5) * 0x1p-52;  // (0, 1): k + ½ is exact below 2⁵²
  // 2πu2 = (π/4)(octant + t): the octant is u2's top 3 bits, t·2⁵⁰ the other 50, both exact.
  const std::int64_t k2 = Bits53(a2, a3), octant = k2 >> 50, fraction = k2 & ((std::int64_t{1} << 50) - 1);
  const std::int64_t reflected = (octant & 1) != 0 ? (std::int64_t{1} << 50) - fraction : fraction;
  const double phi = static_cast<double>(reflected) * (kPiOver4 * 0x1p-50);
  double sp, cp;
  SinCos(phi, &sp, &cp);
  const bool swap = ((octant + 1) & 2) != 0;                 // octants 1, 2, 5, 6
  const double sin_sign = octant >= 4 ? -1.0 : 1.0;          // octants 4 … 7
  const double cos_sign = ((octant + 2) & 4) != 0 ? -1.0 : 1.0;  // octants 2 … 5
  const double r = std::sqrt(-2.0 * Log(u1));
  cos_normal = r * cos_sign * (swap ? sp : cp);
  sin_normal = r * sin_sign * (swap ? cp : sp);
}

}  // namespace

void BoxMullerPair(std::uint32_t a0, std::uint32_t a1, std::uint32_t a2, std::uint32_t a3, double* cos_normal, double* sin_normal) {
  Pair(a0, a1, a2, a3, *cos_normal, *sin_normal);
}

void FillBoxMullerNormals(const BatchStream& stream, std::uint32_t row, std::uint32_t first_block, double* out, std::size_t count) {
  constexpr std::size_t kGroupsPerBatch = 16;  // 256 counters: 4 KiB of words, 8 KiB of normals
  alignas(64) std::uint32_t words[64 * kGroupsPerBatch];
  alignas(64) double normals[kNormalsPerGroup * kGroupsPerBatch];
  for (std::size_t done = 0, block = first_block; done < count; block += 16 * kGroupsPerBatch) {
    const std::size_t groups = std::min(kGroupsPerBatch, (count - done + kNormalsPerGroup - 1) / kNormalsPerGroup);
    FillRawU32(stream, row, static_cast<std::uint32_t>(block), words, groups);
    for (std::size_t g = 0; g < groups; ++g) {
      const std::uint32_t *w0 = words + 64 * g, *w1 = w0 + 16, *w2 = w0 + 32, *w3 = w0 + 48;
      double *cos_out = normals + kNormalsPerGroup * g, *sin_out = cos_out + 16;
#pragma omp simd
      for (int l = 0; l < 16; ++l) Pair(w0[l], w1[l], w2[l], w3[l], cos_out[l], sin_out[l]);
    }
    const std::size_t take = std::min(count - done, kNormalsPerGroup * groups);
    std::memcpy(out + done, normals, take * sizeof(double));
    done += take;
  }
}

}  // namespace memgen::sim
