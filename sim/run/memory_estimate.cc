// The memory estimate's sum, peak and driver, see memory_estimate.h.
#include "sim/run/memory_estimate.h"

#include <cmath>

#include "sim/core/config_error.h"

namespace memgen::sim {
namespace {

std::string Mebibytes(double bytes) { return FormatValue(std::ceil(bytes / (1024.0 * 1024.0))); }

}  // namespace

void MemoryEstimate::Consider(const std::string& field, double bytes) {
  if (bytes > driver_bytes_) {
    driver_bytes_ = bytes;
    driver_ = field;
  }
}

void MemoryEstimate::Retained(const std::string& field, double bytes) {
  retained_ += bytes;
  Consider(field, bytes);
}

void MemoryEstimate::Working(const std::string& field, double bytes) {
  if (bytes > working_) working_ = bytes;
  Consider(field, bytes);
}

void MemoryEstimate::Check(double available_bytes) const {
  if (available_bytes <= 0.0 || bytes() <= available_bytes) return;
  throw ConfigError(driver_, Mebibytes(driver_bytes_) + " MiB",
                    "the run's memory estimate (" + Mebibytes(bytes()) + " MiB) must not exceed the available memory (" +
                        Mebibytes(available_bytes) + " MiB); reduce this field");
}

}  // namespace memgen::sim
