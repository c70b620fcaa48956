// Batched Philox4x32-10, see philox_batch.h. Sixteen counters live in the 32-bit lanes of one
// 512-bit GCC vector; the 32 × 32 → 64-bit products are formed on the even and odd lanes as 64-bit
// lanes, and G = 4 independent groups are interleaved to hide the multiply latency.
#include "sim/random/philox_batch.h"

#include <Random123/philox.h>

#include <cstring>

namespace memgen::sim {
namespace {

typedef std::uint32_t V16 __attribute__((vector_size(64)));
typedef std::uint64_t V8 __attribute__((vector_size(64)));

constexpr std::uint32_t kM0 = 0xD2511F53u, kM1 = 0xCD9E8D57u;  // Philox4x32 multipliers
constexpr std::uint32_t kW0 = 0x9E3779B9u, kW1 = 0xBB67AE85u;  // Weyl key increments

inline void MulHiLo(V16 x, std::uint32_t m, V16* hi, V16* lo) {
  const V8 low_mask = {0xffffffffULL, 0xffffffffULL, 0xffffffffULL, 0xffffffffULL,
                       0xffffffffULL, 0xffffffffULL, 0xffffffffULL, 0xffffffffULL};
  const V8 q = (V8)x;  // GCC vector cast: same bits, 8 lanes of 64
  const V8 even = (q & low_mask) * static_cast<std::uint64_t>(m);
  const V8 odd = (q >> 32) * static_cast<std::uint64_t>(m);
  const V8 lo_q = (even & low_mask) | (odd << 32);
  const V8 hi_q = (even >> 32) | (odd & ~low_mask);
  std::memcpy(lo, &lo_q, sizeof(V16));
  std::memcpy(hi, &hi_q, sizeof(V16));
}

// G groups of 16 consecutive counters starting at `block`; 64·G outputs, lane-major per group.
template <int G>
inline void Groups(const BatchStream& s, std::uint32_t row, std::uint32_t block, std::uint32_t* out) {
  V16 x0[G], x1[G], x2[G], x3[G];
  for (int g = 0; g < G; ++g)
    for (int l = 0; l < 16; ++l) {
      x0[g][l] = block + static_cast<std::uint32_t>(16 * g + l);
      x1[g][l] = row;
      x2[g][l] = s.trial;
      x3[g][l] = s.role;
    }
  std::uint32_t k0 = s.key[0], k1 = s.key[1];
  for (int round = 0; round < 10; ++round) {
    if (round > 0) {
      k0 += kW0;
      k1 += kW1;
    }
    for (int g = 0; g < G; ++g) {
      V16 hi0, lo0, hi1, lo1;
      MulHiLo(x0[g], kM0, &hi0, &lo0);
      MulHiLo(x2[g], kM1, &hi1, &lo1);
      const V16 y0 = hi1 ^ x1[g] ^ k0;
      const V16 y2 = hi0 ^ x3[g] ^ k1;
      x0[g] = y0;
      x1[g] = lo1;
      x2[g] = y2;
      x3[g] = lo0;
    }
  }
  for (int g = 0; g < G; ++g) {
    std::uint32_t* o = out + 64 * g;
    std::memcpy(o, &x0[g], 64);
    std::memcpy(o + 16, &x1[g], 64);
    std::memcpy(o + 32, &x2[g], 64);
    std::memcpy(o + 48, &x3[g], 64);
  }
}

}  // namespace

BatchStream MakeBatchStream(std::uint64_t master_seed, std::uint64_t tag, std::uint32_t trial, std::uint32_t role) {
  // Counter {0, 0, 0, 1}: Rng (rng.h) never sets the last counter word, so the key is not an
  // output of any Rng stream.
  const r123::Philox4x64::ctr_type domain = {{0, 0, 0, 1}};
  const auto derived = r123::Philox4x64()(domain, {{master_seed, tag}});
  BatchStream s;
  s.key[0] = static_cast<std::uint32_t>(derived[0]);
  s.key[1] = static_cast<std::uint32_t>(derived[0] >> 32);
  s.trial = trial;
  s.role = role;
  return s;
}

void FillRawU32(const BatchStream& stream, std::uint32_t row, std::uint32_t first_block, std::uint32_t* out,
                std::size_t count64) {
  std::size_t b = 0;
  for (; b + 4 <= count64; b += 4) Groups<4>(stream, row, first_block + static_cast<std::uint32_t>(16 * b), out + 64 * b);
  for (; b < count64; ++b) Groups<1>(stream, row, first_block + static_cast<std::uint32_t>(16 * b), out + 64 * b);
}

}  // namespace memgen::sim
