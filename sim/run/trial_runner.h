// The trial runner (STYLE.md G7). Trials are processed in blocks of consecutive indices; inside a
// block OpenMP spreads trials over threads with a dynamic schedule. Each trial writes only its own
// slot results[t], and every reduction over trials runs afterwards, serially, in trial order; so
// the output is bit-identical for any thread count. Blocks are the unit a later journal (resume
// after a crash) or an MPI rank split will work in.
#pragma once

#include <cstdint>
#include <exception>
#include <mutex>
#include <string>
#include <vector>

#include "sim/run/progress.h"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace memgen::sim {

struct TrialRunnerOptions {
  int threads = 1;             ///< OpenMP threads over trials (>= 1)
  std::int64_t block_size = 64;  ///< trials per block (the unit of a future journal / rank split)
  std::string label = "trials";  ///< progress-bar label
};

// Threads actually available to the runner for a request (clamped to >= 1).
int UsableThreads(int requested);

// Runs trial(t) for t in [0, count) and returns the results in trial order.
// `Trial` is callable as Result(std::int64_t trial_index) and must draw its randomness only from
// streams keyed by that index.
template <typename Result, typename Trial>
std::vector<Result> RunTrials(std::int64_t count, const TrialRunnerOptions& options, Trial&& trial) {
  std::vector<Result> results(static_cast<std::size_t>(count));
  Progress progress(options.label, count);
  const int threads = UsableThreads(options.threads);
  const std::int64_t block = options.block_size > 0 ? options.block_size : count;
  std::exception_ptr failure;  // an exception may not leave an OpenMP region: keep the first one
  std::mutex failure_mutex;
  for (std::int64_t begin = 0; begin < count && !failure; begin += block) {
    const std::int64_t end = begin + block < count ? begin + block : count;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
    for (std::int64_t t = begin; t < end; ++t) {
      try {
        results[static_cast<std::size_t>(t)] = trial(t);
      } catch (...) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure) failure = std::current_exception();
      }
      progress.Advance();
    }
  }
  if (failure) std::rethrow_exception(failure);  // after the region, on the calling thread
  return results;
}

}  // namespace memgen::sim
