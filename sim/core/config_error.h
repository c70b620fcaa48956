// User and configuration errors (error tier 1 of STYLE.md G5). Every message has one shape,
// "<field> = <value>: <rule>", on one line, and a scenario's main() turns it into exit code 2. The
// parts are made printable (control characters shown as '?') and a long value is shortened, so a
// 1 MB value or a binary config cannot flood the terminal or break the one-line form.
#pragma once

#include <sstream>
#include <stdexcept>
#include <string>

namespace memgen {

// `text` on one line, shortened to about `max_chars` characters: control characters become '?',
// and a longer text keeps its head and its tail (a file name, a closing bracket) and says how long
// it was.
inline std::string OneLine(const std::string& text, std::size_t max_chars) {
  std::string printable = text;
  for (char& c : printable)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  if (printable.size() <= max_chars) return printable;
  const std::size_t tail = max_chars / 3;
  const std::size_t head = max_chars - tail;
  return printable.substr(0, head) + "..." + printable.substr(printable.size() - tail) + " (" +
         std::to_string(text.size()) + " chars)";
}

inline constexpr std::size_t kMaxFieldChars = 120;  ///< a dotted key path
inline constexpr std::size_t kMaxValueChars = 80;   ///< a value as the user gave it
inline constexpr std::size_t kMaxRuleChars = 400;   ///< the rule (may quote a parser's message)

class ConfigError : public std::invalid_argument {
 public:
  ConfigError(const std::string& field, const std::string& value, const std::string& rule)
      : std::invalid_argument(OneLine(field, kMaxFieldChars) + " = " + OneLine(value, kMaxValueChars) + ": " +
                              OneLine(rule, kMaxRuleChars)),
        field_(OneLine(field, kMaxFieldChars)) {}
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

// "<field>." for the keys of a table, "" at the root (root-level keys carry no prefix).
inline std::string FieldPrefix(const std::string& field) { return field.empty() ? "" : field + "."; }

// Throws ConfigError unless `ok`; `rule` reads as the constraint, e.g. "must be > 0".
template <typename T>
void Require(bool ok, const std::string& field, const T& value, const std::string& rule) {
  if (!ok) throw ConfigError(field, FormatValue(value), rule);
}

}  // namespace memgen
