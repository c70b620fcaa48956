// A run's peak memory, estimated from its config before anything is allocated, so that a config too
// large for the machine is refused at once (exit 2) naming the field that drives it, instead of
// ending in std::bad_alloc hours later. The estimate is
//
//   peak = Σ retained parts  +  max over phases of the phase's working memory,
//
// where retained parts live until the end of the run (every trial's result slot, stored
// trajectories) and a phase (a sweep cell) runs after the one before and frees its working memory
// (design matrices, Gram blocks, per-thread buffers). Sizes are doubles, so an absurd config
// (10^12 trials of a 10^8-dimensional cell) cannot overflow the sum and slip under the limit.
#pragma once

#include <string>

namespace memgen::sim {

class MemoryEstimate {
 public:
  // Bytes kept until the end of the run, growing with `field` (e.g. "curve[0].trials").
  void Retained(const std::string& field, double bytes);
  // The working memory of one phase, growing with `field`; phases do not overlap.
  void Working(const std::string& field, double bytes);

  double bytes() const { return retained_ + working_; }
  // The field of the largest single part of the peak: the one to reduce.
  const std::string& driver() const { return driver_; }

  // Throws ConfigError "<driver> = <its part> MiB: the run's memory estimate (<peak> MiB) must not
  // exceed the available memory (<available> MiB)" when bytes() > available (0: unknown, no check).
  void Check(double available_bytes) const;

 private:
  void Consider(const std::string& field, double bytes);
  double retained_ = 0.0, working_ = 0.0;
  double driver_bytes_ = -1.0;
  std::string driver_;
};

}  // namespace memgen::sim
