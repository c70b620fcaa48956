// A progress bar with rate and ETA on stderr, drawn only when stderr is a terminal (quiet in CI and
// in pipes). With MEMGEN_PROGRESS=lines it writes one machine-readable line per update instead,
//   memgen-progress<TAB>label<TAB>done<TAB>total
// terminal or not, for a front end that draws its own bar (memgen.run in a notebook, python/memgen).
// Thread-safe: workers call Advance(); only one thread draws at a time.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace memgen::sim {

class Progress {
 public:
  Progress(std::string label, std::int64_t total);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void Advance(std::int64_t count = 1);
  static bool Enabled();  // (stderr is a terminal or lines mode) and MEMGEN_NO_PROGRESS is unset
  static bool LinesMode();  // MEMGEN_PROGRESS=lines

 private:
  void Draw(std::int64_t done, bool final);

  std::string label_;
  std::int64_t total_;
  bool enabled_;
  bool lines_;
  std::atomic<std::int64_t> done_{0};
  std::mutex draw_mutex_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace memgen::sim
