// Claiming, locking and publishing a run directory, see run_directory.h.
#include "sim/io/run_directory.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "sim/core/config_error.h"
#include "sim/io/atomic_file.h"

namespace memgen::sim {
namespace {

constexpr std::size_t kMaxRunIdChars = 128;

bool RunIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::strchr("._+=,@-", c) != nullptr;
}

// The parent directory, created if needed; a ConfigError on --out when it cannot be.
void MakeParent(const std::filesystem::path& parent) {
  std::error_code error;
  std::filesystem::create_directories(parent, error);
  if (error || !std::filesystem::is_directory(parent))
    throw ConfigError("--out", parent.parent_path().string(),
                      "must be a directory memgen can create and write (" +
                          (error ? error.message() : std::string("not a directory")) + ")");
}

// An exclusive lock on the run's lock file, or a ConfigError when a live process holds it.
int LockRun(const std::filesystem::path& parent, const std::string& run_id) {
  const std::filesystem::path lock = parent / ("." + run_id + ".lock");
  const int fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) throw ConfigError("--out", parent.string(), std::string("must be writable (") + std::strerror(errno) + ")");
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    char holder[32] = {0};
    const ssize_t n = ::pread(fd, holder, sizeof(holder) - 1, 0);
    ::close(fd);
    throw ConfigError("--run-id", run_id,
                      "is in use by a running process" + (n > 0 ? " (pid " + std::string(holder, static_cast<std::size_t>(n)) + ")" : std::string()) +
                          "; wait for it or choose another --run-id");
  }
  const std::string pid = std::to_string(::getpid());
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) < 0) {
    // the pid is only for the message above; the lock itself holds
  }
  return fd;
}

// Under the lock: restores a run a fallback publish moved aside and removes an abandoned staging
// directory (unless it is to be resumed).
void CleanLeftovers(const std::filesystem::path& staging, const std::filesystem::path& target,
                    const std::filesystem::path& old, bool keep_staging) {
  if (std::filesystem::exists(old)) {
    if (!std::filesystem::exists(target)) std::filesystem::rename(old, target);
    else std::filesystem::remove_all(old);
  }
  if (!keep_staging) std::filesystem::remove_all(staging);
}

}  // namespace

std::string RunIdProblem(const std::string& run_id) {
  if (run_id.empty()) return "must not be empty";
  if (run_id.size() > kMaxRunIdChars) return "must have at most " + std::to_string(kMaxRunIdChars) + " characters";
  if (run_id[0] == '.' || run_id[0] == '-') return "must not start with '.' or '-'";
  for (char c : run_id)
    if (!RunIdChar(c)) return "must use only letters, digits and . _ + = , @ -";
  return "";
}

RunDirectory RunDirectory::Claim(const RunDirectoryOptions& options) {
  const std::string problem = RunIdProblem(options.run_id);
  if (!problem.empty()) throw ConfigError("--run-id", options.run_id, problem);
  MakeParent(options.parent);
  const int lock_fd = LockRun(options.parent, options.run_id);
  RunDirectory run(StagingPath(options.parent, options.run_id), options.parent / options.run_id,
                   options.parent / ("." + options.run_id + ".old"), lock_fd);
  CleanLeftovers(run.staging_, run.target_, run.old_,
                 !options.resume_file.empty() && std::filesystem::exists(run.staging_ / options.resume_file));
  if (!options.overwrite && std::filesystem::exists(run.target_))
    throw ConfigError("--run-id", options.run_id,
                      "exists (" + run.target_.string() + "); pass --overwrite to replace it, or choose another --run-id");
  std::error_code error;
  std::filesystem::create_directories(run.staging_, error);
  if (error) throw ConfigError("--out", options.parent.string(), "must be writable (" + error.message() + ")");
  return run;
}

std::filesystem::path RunDirectory::StagingPath(const std::filesystem::path& parent, const std::string& run_id) {
  return parent / ("." + run_id + ".staging");
}

RunDirectory::RunDirectory(std::filesystem::path staging, std::filesystem::path target, std::filesystem::path old,
                           int lock_fd)
    : staging_(std::move(staging)), target_(std::move(target)), old_(std::move(old)), lock_fd_(lock_fd) {}

RunDirectory::RunDirectory(RunDirectory&& other) noexcept
    : staging_(std::move(other.staging_)),
      target_(std::move(other.target_)),
      old_(std::move(other.old_)),
      lock_fd_(std::exchange(other.lock_fd_, -1)),
      published_(other.published_) {}

RunDirectory::~RunDirectory() { Release(); }

void RunDirectory::Publish() {
  PublishDirectory(staging_, target_, old_);
  published_ = true;
  Release();
}

void RunDirectory::Release() {
  if (lock_fd_ < 0) return;
  if (!published_) {
    std::error_code ignored;  // a destructor must not throw; a leftover is cleaned by the next Claim()
    std::filesystem::remove_all(staging_, ignored);
  }
  ::close(lock_fd_);  // releases the flock
  lock_fd_ = -1;
}

}  // namespace memgen::sim
