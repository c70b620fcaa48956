// Terminal progress bar, see progress.h.
#include "sim/run/progress.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace memgen::sim {

bool Progress::LinesMode() {
  const char* mode = std::getenv("MEMGEN_PROGRESS");
  return mode != nullptr && std::strcmp(mode, "lines") == 0;
}

bool Progress::Enabled() {
  return (isatty(STDERR_FILENO) != 0 || LinesMode()) && std::getenv("MEMGEN_NO_PROGRESS") == nullptr;
}

Progress::Progress(std::string label, std::int64_t total)
    : label_(std::move(label)),
      total_(total),
      enabled_(Enabled()),
      lines_(LinesMode()),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

Progress::~Progress() {
  if (enabled_) Draw(done_.load(), /*final=*/true);
}

void Progress::Advance(std::int64_t count) {
  const std::int64_t done = done_.fetch_add(count) + count;
  if (!enabled_) return;
  std::unique_lock<std::mutex> lock(draw_mutex_, std::try_to_lock);
  if (!lock.owns_lock()) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(200) && done < total_) return;
  last_draw_ = now;
  Draw(done, false);
}

void Progress::Draw(std::int64_t done, bool final) {
  if (lines_) {
    std::fprintf(stderr, "memgen-progress\t%s\t%lld\t%lld\n", label_.c_str(), static_cast<long long>(done),
                 static_cast<long long>(total_));
    std::fflush(stderr);
    return;
  }
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0.0;
  const double eta = rate > 0 ? static_cast<double>(total_ - done) / rate : 0.0;
  const int width = 30;
  const int filled = total_ > 0 ? static_cast<int>(width * done / total_) : width;
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(width, '.');
  std::fprintf(stderr, "\r%-28.28s [%s] %lld/%lld  %.1f/s  ETA %.0fs ", label_.c_str(), bar.c_str(),
               static_cast<long long>(done), static_cast<long long>(total_), rate, eta);
  if (final) std::fprintf(stderr, "\n");
  std::fflush(stderr);
}

}  // namespace memgen::sim
