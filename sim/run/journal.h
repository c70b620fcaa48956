// The run journal: every finished block of trials is appended to a file in the run's staging
// directory, so a run killed at any moment can be resumed (--resume) and its output is
// byte-identical to an uninterrupted run's (trial t's result depends only on the seed and t, and
// the journal stores results bit for bit, sim/io/trial_codec.h).
//
// File: the header "memgen journal v1\n", the run's fingerprint (its length, then the text: the
// scenario, the resolved config, the seed, the git state and the build), then one record per block:
//
//   u32 magic 'MGBK' | u32 CRC-32 of the rest | u64 call | u64 begin | u64 trials | per trial: u64 size, bytes
//
// `call` numbers the RunTrials calls of a run in program order (the same order in every run of the
// same config and binary). Each record is written with one write(2) and fdatasync'ed before the next
// block starts. On resume the records are read until the first torn or corrupt one (the block being
// written when the process died); the file is truncated there and those blocks are recomputed.
// A journal written by another config, seed or binary is refused.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace memgen::sim {

inline constexpr char kJournalFileName[] = "journal.bin";  ///< in the run's staging directory

class Journal {
 public:
  // Starts a new journal at `path`, or with `resume` continues the one there (none: a new one).
  // Throws ConfigError when the existing journal belongs to another run.
  Journal(const std::filesystem::path& path, const std::string& fingerprint, bool resume);
  ~Journal();
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;

  std::uint64_t NextCall() { return next_call_++; }  // one per RunTrials call, in program order
  // The encoded trials of block [begin, begin + count) of `call` kept from an earlier run, or null.
  const std::vector<std::string>* Recovered(std::uint64_t call, std::int64_t begin, std::int64_t count) const;
  void Append(std::uint64_t call, std::int64_t begin, const std::vector<std::string>& encoded_trials);

  std::int64_t recovered_blocks() const { return static_cast<std::int64_t>(recovered_.size()); }
  const std::filesystem::path& path() const { return path_; }

 private:
  void ReadExisting(const std::string& fingerprint);

  std::filesystem::path path_;
  int fd_ = -1;
  std::uint64_t next_call_ = 0;
  std::map<std::pair<std::uint64_t, std::int64_t>, std::vector<std::string>> recovered_;  // (call, begin)
};

}  // namespace memgen::sim
