// Integer sizes derived from real config values (n = ⌈C/ε²⌉, d = round(c·n^a)). The real value is
// checked before the conversion, so an overflow, an infinity or a NaN becomes a ConfigError naming
// the derived field and the inputs it came from, never a silently wrapped integer (a float-to-int
// conversion out of range is undefined behaviour in C++).
#pragma once

#include <cmath>
#include <cstdint>
#include <string>

#include "sim/core/config_error.h"

namespace memgen {

enum class Rounding { kCeil, kNearest };  ///< ⌈x⌉, or the nearest integer with halves away from 0 (llround)

inline constexpr double kMaxDerivedSize = 9007199254740992.0;  ///< 2^53: every integer below is exact

inline std::int64_t DerivedSize(double value, Rounding rounding, const std::string& field, const std::string& inputs) {
  const double rounded = rounding == Rounding::kCeil ? std::ceil(value) : std::round(value);
  Require(std::isfinite(rounded) && rounded >= 0.0 && rounded <= kMaxDerivedSize, field, value,
          "must be a finite size in [0, 2^53] (derived from " + inputs + ")");
  return static_cast<std::int64_t>(rounded);
}

}  // namespace memgen
