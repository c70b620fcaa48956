// Counter-based random streams (STYLE.md R1): Philox4x64-10 from Random123 (Salmon et al., SC'11).
// Key = {master_seed, stream_tag}; counter = {block, trial, substream, 0}. A stream is a pure function
// of (seed, tag, trial, substream): it does not depend on any other draw, on the thread count or on
// the schedule, so every trial can be regenerated alone, in any order, on any rank.
#pragma once

#include <Random123/philox.h>

#include <array>
#include <cstdint>

namespace memgen::sim {

struct StreamId {
  std::uint64_t master_seed = 0;
  std::uint64_t tag = 0;
  std::uint64_t trial = 0;
  std::uint64_t substream = 0;
};

class Rng {
 public:
  using result_type = std::uint64_t;  // satisfies UniformRandomBitGenerator

  explicit Rng(const StreamId& id);
  Rng(const Rng&) = delete;  // no accidental duplicate streams
  Rng& operator=(const Rng&) = delete;
  Rng(Rng&&) noexcept = default;
  Rng& operator=(Rng&&) noexcept = default;
  [[nodiscard]] Rng copy() const;  // explicit copy when really needed

  // Next raw 64-bit output.
  result_type operator()() {
    if (used_ == 4) Refill();
    return buffer_[used_++];
  }
  // Four raw outputs of the next Philox block, consumed whole (used by bulk generators).
  std::array<result_type, 4> NextBlock();

  const StreamId& id() const { return id_; }
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return ~result_type{0}; }

 private:
  using Engine = r123::Philox4x64;
  void Refill();

  StreamId id_;
  Engine::key_type key_{};
  Engine::ctr_type counter_{};
  std::array<result_type, 4> buffer_{};
  int used_ = 4;
};

// The stream of one trial: (seed, tag) the key, the trial index and a substream in the counter.
inline Rng TrialRng(std::uint64_t seed, std::uint64_t tag, std::int64_t trial, std::uint64_t substream = 0) {
  return Rng(StreamId{seed, tag, static_cast<std::uint64_t>(trial), substream});
}

}  // namespace memgen::sim
