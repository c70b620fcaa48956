// Philox4x64-10 stream, see rng.h.
#include "sim/random/rng.h"

namespace memgen::sim {

Rng::Rng(const StreamId& id) : id_(id) {
  key_ = {{id.master_seed, id.tag}};
  counter_ = {{0, id.trial, id.substream, 0}};
}

Rng Rng::copy() const {
  Rng other(id_);
  other.counter_ = counter_;
  other.buffer_ = buffer_;
  other.used_ = used_;
  return other;
}

void Rng::Refill() {
  const Engine::ctr_type out = Engine()(counter_, key_);
  for (int i = 0; i < 4; ++i) buffer_[i] = out[i];
  ++counter_[0];
  used_ = 0;
}

std::array<Rng::result_type, 4> Rng::NextBlock() {
  if (used_ != 4) used_ = 4;  // discard a partially used block: blocks stay aligned
  const Engine::ctr_type out = Engine()(counter_, key_);
  ++counter_[0];
  return {out[0], out[1], out[2], out[3]};
}

}  // namespace memgen::sim
