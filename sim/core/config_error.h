// User and configuration errors (error tier 1 of STYLE.md G5). Every message has one shape,
// "<field> = <value>: <rule>", and a scenario's main() turns it into exit code 2.
#pragma once

#include <sstream>
#include <stdexcept>
#include <string>

namespace memgen {

class ConfigError : public std::invalid_argument {
 public:
  ConfigError(const std::string& field, const std::string& value, const std::string& rule)
      : std::invalid_argument(field + " = " + value + ": " + rule), field_(field) {}
  const std::string& field() const { return field_; }

 private:
  std::string field_;
};

template <typename T>
std::string FormatValue(const T& value) {
  std::ostringstream out;
  out.precision(15);  // enough to identify the value, short enough to read (1.1, not 1.1000000000000001)
  out << value;
  return out.str();
}

// Throws ConfigError unless `ok`; `rule` reads as the constraint, e.g. "must be > 0".
template <typename T>
void Require(bool ok, const std::string& field, const T& value, const std::string& rule) {
  if (!ok) throw ConfigError(field, FormatValue(value), rule);
}

}  // namespace memgen
