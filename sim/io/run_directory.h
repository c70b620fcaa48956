// The directory a run publishes into, claimed before any computation so that a bad output location
// fails at once (exit 2), not after hours of work:
//
//   RunDirectory run = RunDirectory::Claim({root / scenario, run_id, overwrite});
//   ... compute, write files into run.staging() ...
//   run.Publish();
//
// Claim() checks the run-id (a plain name of at most 128 characters from [A-Za-z0-9._+=,@-], not
// starting with '.' or '-'), creates the parent, and takes an exclusive lock on
// <parent>/.<run_id>.lock (flock(2), released by the kernel when the process dies, so a lock is
// only ever held by a live process). Under the lock no other process can own the run's staging
// directory, so Claim() removes what a killed run left (.<run_id>.staging, unless it holds
// `resume_file`, a journal to resume; and restores .<run_id>.old if a fallback publish died between its two renames)
// and creates the staging directory, which also proves the parent writable. An existing run is refused unless `overwrite`.
// Publish() swaps the staging directory into place atomically (atomic_file.h). The destructor
// removes an unpublished staging directory; a crash leaves it for the next Claim() to clean.
#pragma once

#include <filesystem>
#include <string>

namespace memgen::sim {

struct RunDirectoryOptions {
  std::filesystem::path parent;  ///< results/<scenario>
  std::string run_id;
  bool overwrite = false;        ///< replace an existing run (--overwrite)
  std::string resume_file;       ///< non-empty: keep a killed run's staging directory if it holds this file (--resume)
};

class RunDirectory {
 public:
  // Throws ConfigError naming --run-id or --out when the location cannot be used.
  static RunDirectory Claim(const RunDirectoryOptions& options);
  // The staging directory Claim() creates (other MPI ranks write their journals there).
  static std::filesystem::path StagingPath(const std::filesystem::path& parent, const std::string& run_id);

  RunDirectory(RunDirectory&& other) noexcept;
  RunDirectory& operator=(RunDirectory&&) = delete;
  RunDirectory(const RunDirectory&) = delete;
  ~RunDirectory();

  const std::filesystem::path& staging() const { return staging_; }
  const std::filesystem::path& target() const { return target_; }
  void Publish();  // staging → target, atomically; then the lock is released

 private:
  RunDirectory(std::filesystem::path staging, std::filesystem::path target, std::filesystem::path old, int lock_fd);
  void Release();

  std::filesystem::path staging_, target_, old_;
  int lock_fd_ = -1;
  bool published_ = false;
};

// The rule a run-id must follow, or an empty string when `run_id` is fine.
std::string RunIdProblem(const std::string& run_id);

}  // namespace memgen::sim
