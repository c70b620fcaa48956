// Typed, validated access to a scenario's TOML config (toml++). Every key a scenario reads is
// recorded; RejectUnknownKeys() then names the first key nobody read, so a typo in a config or in a
// --set override is an error rather than a silently ignored setting. Every failure is a
// ConfigError "<dotted.key> = <value>: <rule>".
#pragma once

#include <toml++/toml.h>

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace memgen::scenarios {

class ConfigReader {
 public:
  explicit ConfigReader(const toml::table& root);

  bool Has(const std::string& key) const;
  double Double(const std::string& key, double fallback) const;  // finite; integers accepted
  double Double(const std::string& key) const;                   // required
  std::int64_t Int(const std::string& key, std::int64_t fallback) const;
  std::int64_t Int(const std::string& key) const;
  std::string String(const std::string& key, const std::string& fallback) const;
  bool Bool(const std::string& key, bool fallback) const;
  std::vector<double> Doubles(const std::string& key) const;
  std::vector<std::int64_t> Ints(const std::string& key) const;
  std::vector<std::string> Strings(const std::string& key) const;
  ConfigReader Table(const std::string& key) const;                // required sub-table
  std::vector<ConfigReader> Tables(const std::string& key) const;  // array of tables [[key]]
  std::vector<std::string> Keys() const;                           // keys of this table, in order

  std::string Path(const std::string& key) const;  // the dotted path of key, for messages
  const std::string& prefix() const { return prefix_; }  // this table's own dotted path
  void RejectUnknownKeys() const;                  // call on the root after reading everything

 private:
  ConfigReader(const toml::table* table, std::string prefix, std::shared_ptr<std::set<std::string>> used);
  const toml::node* Find(const std::string& key) const;
  const toml::node& Require(const std::string& key) const;
  void MarkUsed(const std::string& key) const;

  const toml::table* table_;
  std::string prefix_;
  std::shared_ptr<std::set<std::string>> used_;
};

// Applies one "dotted.key=value" override; the value is parsed as a TOML value (numbers, strings in
// quotes or bare words, booleans, arrays).
void ApplyOverride(toml::table& root, const std::string& assignment);

std::string NodeToString(const toml::node& node);

}  // namespace memgen::scenarios
