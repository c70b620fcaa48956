// Durable, atomic outputs (POSIX). A file is written under a temporary name in its directory,
// fsync'ed, and renamed into place (rename(2) is atomic), and the directory is fsync'ed so the
// rename survives a power cut: a reader sees the old file or the complete new one, never a part.
// A failed write (a full disk) removes its temporary file and throws std::runtime_error.
#pragma once

#include <filesystem>
#include <string>

namespace memgen::sim {

void WriteFileAtomic(const std::filesystem::path& path, const std::string& content);

// fsync(2) of a directory, so that the entries created or renamed in it are durable.
void SyncDirectory(const std::filesystem::path& directory);

// Moves the complete directory `staging` to `target`. When `target` exists the two are swapped in
// one step (renameat2 RENAME_EXCHANGE: the old run stays complete until the new one is in place)
// and the old run, now at `staging`, is removed. On a file system without the exchange the old run
// is first moved to `fallback_old` (RunDirectory restores it if the process dies in between).
void PublishDirectory(const std::filesystem::path& staging, const std::filesystem::path& target,
                      const std::filesystem::path& fallback_old);

}  // namespace memgen::sim
