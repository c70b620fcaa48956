// Batched Philox4x32-10 (Salmon et al., SC'11; Random123's philox4x32, bit-identical) for bulk
// uniform words, written so the compiler vectorises 16 counters at a time (32-bit lanes). It is the
// engine for the biased coins of the SCO simulator, where a run needs ~1e9 32-bit uniforms.
//   key     = the first output of Philox4x64-10 at counter {0, 0, 0, 1} (a counter no Rng uses) under
//             key {master_seed, stream_tag},
//             split into two 32-bit words (a fixed function of the stream identity)
//   counter = {block, row, trial, role}: block advances by one per 4 outputs, so any row of any
//             trial is addressable alone, as for Rng (rng.h).
#pragma once

#include <cstddef>
#include <cstdint>

namespace memgen::sim {

struct BatchStream {
  std::uint32_t key[2] = {0, 0};
  std::uint32_t trial = 0;
  std::uint32_t role = 0;
};

BatchStream MakeBatchStream(std::uint64_t master_seed, std::uint64_t tag, std::uint32_t trial, std::uint32_t role);

// Fills out[0 .. 64·count64) with the outputs of counters {first_block + j, row, trial, role},
// j = 0 .. 16·count64 − 1, in groups of 16 counters, lane-major: for group b and lane l (counter
// first_block + 16b + l), word i ∈ {0,1,2,3} of that counter's output is out[64b + 16i + l].
void FillRawU32(const BatchStream& stream, std::uint32_t row, std::uint32_t first_block, std::uint32_t* out,
                std::size_t count64);

}  // namespace memgen::sim
