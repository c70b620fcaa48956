// Atomic outputs: a file is written under a temporary name in the same directory and renamed into
// place (rename(2) is atomic on POSIX), so a reader never sees a half-written result.
#pragma once

#include <filesystem>
#include <string>

namespace memgen::sim {

void WriteFileAtomic(const std::filesystem::path& path, const std::string& content);

// Publishes a fully written staging directory as `target`, replacing any earlier run of that name.
void PublishDirectory(const std::filesystem::path& staging, const std::filesystem::path& target);

}  // namespace memgen::sim
