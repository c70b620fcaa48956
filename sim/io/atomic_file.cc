// Atomic file and directory publication, see atomic_file.h.
#include "sim/io/atomic_file.h"

#include <unistd.h>

#include <fstream>
#include <stdexcept>

namespace memgen::sim {

void WriteFileAtomic(const std::filesystem::path& path, const std::string& content) {
  const std::filesystem::path temp =
      path.parent_path() / ("." + path.filename().string() + ".tmp-" + std::to_string(getpid()));
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot open " + temp.string() + " for writing");
    out << content;
    out.flush();
    if (!out) throw std::runtime_error("write failed: " + temp.string());
  }
  std::filesystem::rename(temp, path);
}

void PublishDirectory(const std::filesystem::path& staging, const std::filesystem::path& target) {
  if (std::filesystem::exists(target)) {
    const std::filesystem::path old =
        target.parent_path() / ("." + target.filename().string() + ".old-" + std::to_string(getpid()));
    std::filesystem::rename(target, old);
    std::filesystem::rename(staging, target);
    std::filesystem::remove_all(old);
  } else {
    std::filesystem::rename(staging, target);
  }
}

}  // namespace memgen::sim
