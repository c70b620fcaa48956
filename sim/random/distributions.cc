// Portable samplers, see distributions.h.
#include "sim/random/distributions.h"

#include <Random123/uniform.hpp>

#include <cmath>

#include "sim/core/check.h"
#include "sim/random/box_muller_batch.h"
#include "sim/random/ziggurat.h"

namespace memgen::sim {

double Uniform01(Rng& rng) { return r123::u01<double>(rng()); }

double Normal(Rng& rng) { return ZigguratNormal(rng); }

double Rademacher(Rng& rng) { return (rng() >> 63) ? 1.0 : -1.0; }

bool Bernoulli(Rng& rng, double p) { return Uniform01(rng) <= p; }

std::uint64_t UniformIndexBelow(Rng& rng, std::uint64_t bound) {
  __extension__ using Unsigned128 = unsigned __int128;
  return static_cast<std::uint64_t>((static_cast<Unsigned128>(rng()) * bound) >> 64);
}

double Gamma(Rng& rng, double shape) {
  MEMGEN_CHECK(shape > 0.0) << "Gamma shape " << shape;
  if (shape < 1.0) {  // G(a) = G(a + 1) * U^(1/a)
    const double boosted = Gamma(rng, shape + 1.0);
    return boosted * std::pow(Uniform01(rng), 1.0 / shape);
  }
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x = 0.0, v = 0.0;
    do {
      x = Normal(rng);
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = Uniform01(rng);
    if (u < 1.0 - 0.0331 * x * x * x * x) return d * v;
    if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v;
  }
}

double ChiSquared(Rng& rng, double degrees_of_freedom) {
  return 2.0 * Gamma(rng, 0.5 * degrees_of_freedom);
}

double SymmetricBeta(Rng& rng, double beta, double half_width) {
  const double g1 = Gamma(rng, beta);
  const double g2 = Gamma(rng, beta);
  if (!(g1 + g2 > 0.0)) return 0.0;  // both gammas underflowed (tiny β): the symmetric midpoint
  return half_width * (g1 - g2) / (g1 + g2);  // = γ(2B − 1) without cancellation
}

void FillNormal(Rng& rng, double* out, std::size_t count) {
  if (count == 0) return;
  MEMGEN_CHECK(count <= kMaxFillNormal) << "FillNormal of " << count << " normals in one call";
  const auto block = rng.NextBlock();
  BatchStream batch;
  batch.key[0] = static_cast<std::uint32_t>(block[0]), batch.key[1] = static_cast<std::uint32_t>(block[0] >> 32);
  batch.trial = static_cast<std::uint32_t>(block[1]), batch.role = static_cast<std::uint32_t>(block[1] >> 32);
  FillBoxMullerNormals(batch, static_cast<std::uint32_t>(block[2]), 0, out, count);
}

void FillRademacher(Rng& rng, double* out, std::size_t count) {
  std::size_t i = 0;
  while (i < count) {
    const auto block = rng.NextBlock();
    for (int word = 0; word < 4 && i < count; ++word) {
      std::uint64_t bits = block[word];
      for (int b = 0; b < 64 && i < count; ++b, ++i, bits >>= 1) out[i] = (bits & 1U) ? 1.0 : -1.0;
    }
  }
}

}  // namespace memgen::sim
