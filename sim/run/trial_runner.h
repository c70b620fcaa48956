// The trial runner (STYLE.md G7). Trials are processed in blocks of consecutive indices; inside a
// block OpenMP spreads trials over threads with a dynamic schedule. Each trial writes only its own
// slot results[t], and every reduction over trials runs afterwards, serially, in trial order; so
// the output is bit-identical for any thread count. Blocks are the unit of the run journal: with
// `journal` set, every finished block is appended to it (sim/run/journal.h), and a block the
// journal recovered from a killed run is decoded instead of recomputed, bit for bit the same.
// Blocks are also the unit of a distributed run: with `ranks` spanning several MPI processes, each
// rank computes its share of a block's trials and every rank receives the others' results exactly
// (sim/run/ranks.h), so the output is also bit-identical for any rank count.
#pragma once

#include <cstdint>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/io/trial_codec.h"
#include "sim/run/journal.h"
#include "sim/run/progress.h"
#include "sim/run/ranks.h"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace memgen::sim {

struct TrialRunnerOptions {
  int threads = 1;             ///< OpenMP threads over trials (>= 1)
  std::int64_t block_size = 64;  ///< trials per block (the unit of the journal and of a rank split)
  std::string label = "trials";  ///< progress-bar label
  Journal* journal = nullptr;    ///< finished blocks are appended here; recovered ones are reused
  const Ranks* ranks = nullptr;  ///< the processes sharing each block (null: this process alone)
};

// Threads actually available to the runner for a request (clamped to >= 1).
int UsableThreads(int requested);

// Runs trial(t) for t in [0, count) and returns the results in trial order.
// `Trial` is callable as Result(std::int64_t trial_index) and must draw its randomness only from
// streams keyed by that index.
namespace trial_runner_detail {

// Computes this rank's trials of [begin, end) on `threads` threads, each into its own slot; the
// first exception is kept (it may not leave the OpenMP region) and rethrown by the caller.
template <typename Result, typename Trial>
std::exception_ptr ComputeBlock(std::int64_t begin, std::int64_t end, int threads, const Ranks* ranks, Trial& trial,
                                Progress& progress, std::vector<Result>& results) {
  std::exception_ptr failure;
  std::mutex failure_mutex;
  (void)threads;  // used by the pragma only
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
  for (std::int64_t t = begin; t < end; ++t) {
    if (ranks && !ranks->Owns(t - begin)) continue;
    try {
      results[static_cast<std::size_t>(t)] = trial(t);
    } catch (...) {
      std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) failure = std::current_exception();
    }
    progress.Advance();
  }
  return failure;
}

// The block's results, encoded in trial order: this rank's own, and with `ranks` every other rank's
// too, decoded into their slots.
template <typename Result>
std::vector<std::string> ShareBlock(std::int64_t begin, std::int64_t end, const Ranks* ranks,
                                    std::vector<Result>& results) {
  std::vector<std::string> mine;
  for (std::int64_t t = begin; t < end; ++t)
    if (!ranks || ranks->Owns(t - begin)) mine.push_back(EncodeTrial(results[static_cast<std::size_t>(t)]));
  if (!ranks) return mine;
  std::vector<std::string> block = ranks->GatherBlock(mine, end - begin);
  for (std::int64_t t = begin; t < end; ++t)
    if (!ranks->Owns(t - begin)) results[static_cast<std::size_t>(t)] = DecodeTrial<Result>(block[static_cast<std::size_t>(t - begin)]);
  return block;
}

}  // namespace trial_runner_detail

template <typename Result, typename Trial>
std::vector<Result> RunTrials(std::int64_t count, const TrialRunnerOptions& options, Trial&& trial) {
  using namespace trial_runner_detail;
  std::vector<Result> results(static_cast<std::size_t>(count));
  Progress progress(options.label, count);
  const int threads = UsableThreads(options.threads);
  const std::int64_t block = options.block_size > 0 ? options.block_size : count;
  Journal* const journal = options.journal;
  const Ranks* const ranks = options.ranks && options.ranks->distributed() ? options.ranks : nullptr;
  const std::uint64_t call = journal ? journal->NextCall() : 0;
  for (std::int64_t begin = 0; begin < count; begin += block) {
    const std::int64_t end = begin + block < count ? begin + block : count;
    const auto* kept = journal ? journal->Recovered(call, begin, end - begin) : nullptr;
    if (ranks ? ranks->AllTrue(kept != nullptr) : kept != nullptr) {  // every rank has it: reuse
      for (std::int64_t t = begin; t < end; ++t)
        results[static_cast<std::size_t>(t)] = DecodeTrial<Result>((*kept)[static_cast<std::size_t>(t - begin)]);
      progress.Advance(end - begin);
      continue;
    }
    std::exception_ptr failure = ComputeBlock(begin, end, threads, ranks, trial, progress, results);
    if (ranks && !ranks->AllTrue(!failure) && !failure)  // a trial failed on another rank: stop together
      failure = std::make_exception_ptr(std::runtime_error("a trial failed on another MPI rank"));
    if (failure) std::rethrow_exception(failure);  // after the region, on the calling thread
    if (journal || ranks) {
      const std::vector<std::string> encoded = ShareBlock(begin, end, ranks, results);
      if (journal) journal->Append(call, begin, encoded);
    }
  }
  return results;
}

}  // namespace memgen::sim
