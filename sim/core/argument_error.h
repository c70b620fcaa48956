// Argument errors at a library function's boundary (error tier 1 of STYLE.md G5, for callers that
// are code rather than configs): std::invalid_argument with one message shape,
// "<function>: <name> = <value>, must be <rule>".
#pragma once

#include <stdexcept>
#include <string>

#include "sim/core/config_error.h"

namespace memgen {

template <typename T>
[[noreturn]] void FailArgument(const std::string& function, const std::string& name, const T& value,
                               const std::string& rule) {
  throw std::invalid_argument(function + ": " + name + " = " + FormatValue(value) + ", must be " + rule);
}

}  // namespace memgen
