// Internal-invariant checks (error tier 3 of STYLE.md G5). Always on, including Release builds:
// a violated invariant is a bug in memgen, so it aborts with file, line and message.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace memgen::detail {

class CheckFailure {
 public:
  CheckFailure(const char* file, int line, const char* condition) {
    stream_ << file << ":" << line << ": MEMGEN_CHECK(" << condition << ") failed: ";
  }
  [[noreturn]] ~CheckFailure() {
    std::fprintf(stderr, "%s\n", stream_.str().c_str());
    std::abort();
  }
  template <typename T>
  CheckFailure& operator<<(const T& value) {
    stream_ << value;
    return *this;
  }

 private:
  std::ostringstream stream_;
};

}  // namespace memgen::detail

#define MEMGEN_CHECK(condition) \
  if (condition) {              \
  } else                        \
    ::memgen::detail::CheckFailure(__FILE__, __LINE__, #condition)
