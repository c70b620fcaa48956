// Durable, atomic file and directory publication, see atomic_file.h.
#include "sim/io/atomic_file.h"

#include "sim/core/crash_point.h"

#include <fcntl.h>
#include <stdio.h>  // renameat2 (glibc >= 2.28, _GNU_SOURCE)
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace memgen::sim {
namespace {

[[noreturn]] void Fail(const std::string& what, const std::filesystem::path& path, int error) {
  throw std::runtime_error(what + " " + path.string() + ": " + std::strerror(error));
}

// Writes all of `content` to `fd`, retrying short writes and EINTR; returns 0 or the errno.
int WriteAll(int fd, const std::string& content) {
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    done += static_cast<std::size_t>(n);
  }
  return ::fsync(fd) == 0 ? 0 : errno;
}

}  // namespace

void WriteFileAtomic(const std::filesystem::path& path, const std::string& content) {
  const std::filesystem::path temp =
      path.parent_path() / ("." + path.filename().string() + ".tmp-" + std::to_string(::getpid()));
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) Fail("cannot open", temp, errno);
  const int write_error = WriteAll(fd, content);
  const int close_error = ::close(fd) == 0 ? 0 : errno;
  if (write_error != 0 || close_error != 0) {
    ::unlink(temp.c_str());  // a full disk leaves no truncated temporary file behind
    Fail("cannot write", temp, write_error != 0 ? write_error : close_error);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    Fail("cannot rename into", path, error);
  }
  SyncDirectory(path.parent_path());
}

void SyncDirectory(const std::filesystem::path& directory) {
  const int fd = ::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) Fail("cannot open directory", directory, errno);
  const int error = ::fsync(fd) == 0 ? 0 : errno;
  ::close(fd);
  if (error != 0 && error != EINVAL) Fail("cannot sync directory", directory, error);  // EINVAL: no fsync here
}

void PublishDirectory(const std::filesystem::path& staging, const std::filesystem::path& target,
                      const std::filesystem::path& fallback_old) {
  SyncDirectory(staging);
  const std::filesystem::path parent = target.parent_path();
  if (!std::filesystem::exists(target)) {
    if (::rename(staging.c_str(), target.c_str()) != 0) Fail("cannot publish", target, errno);
    SyncDirectory(parent);
    return;
  }
  if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
    SyncDirectory(parent);
    CrashPoint("publish-exchanged");
    std::filesystem::remove_all(staging);  // the old run
    return;
  }
  if (errno != EINVAL && errno != ENOSYS) Fail("cannot exchange with", target, errno);
  if (::rename(target.c_str(), fallback_old.c_str()) != 0) Fail("cannot move aside", target, errno);
  if (::rename(staging.c_str(), target.c_str()) != 0) Fail("cannot publish", target, errno);
  SyncDirectory(parent);
  CrashPoint("publish-exchanged");
  std::filesystem::remove_all(fallback_old);
}

}  // namespace memgen::sim
