// Typed TOML config access with unknown-key detection, see config_reader.h.
#include "scenarios/cli/config_reader.h"

#include <cmath>
#include <sstream>

#include "sim/core/config_error.h"

namespace memgen::scenarios {
namespace {

// The first key under `table` that no reader used, at any depth: a table counts as read only through
// its keys (reading the table itself is not enough, so `[oracle] trails = 5` is caught), an empty
// table or an array of tables must have been read itself.
void CollectUnknown(const toml::table& table, const std::string& prefix,
                    const std::set<std::string>& used, std::string* first) {
  for (const auto& [key, node] : table) {
    if (!first->empty()) return;
    const std::string path = prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    if (const auto* sub = node.as_table()) {
      if (sub->empty() && !used.count(path)) *first = path;
      CollectUnknown(*sub, path, used, first);
    } else if (const auto* array = node.as_array(); array && array->is_array_of_tables()) {
      if (!used.count(path)) {
        *first = path;
        return;
      }
      for (std::size_t i = 0; i < array->size(); ++i)
        CollectUnknown(*array->get(i)->as_table(), path + "[" + std::to_string(i) + "]", used, first);
    } else if (!used.count(path)) {
      *first = path;
    }
  }
}

}  // namespace

std::string NodeToString(const toml::node& node) {
  std::ostringstream out;
  node.visit([&out](const auto& value) { out << value; });
  // toml++ prints long arrays and tables over several lines: keep the message on one line.
  std::string text;
  bool in_space = false;
  for (char c : out.str()) {
    const bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (space && !in_space) text += ' ';
    if (!space) text += c;
    in_space = space;
  }
  return text;
}

ConfigReader::ConfigReader(const toml::table& root)
    : ConfigReader(&root, "", std::make_shared<std::set<std::string>>()) {}

ConfigReader::ConfigReader(const toml::table* table, std::string prefix,
                           std::shared_ptr<std::set<std::string>> used)
    : table_(table), prefix_(std::move(prefix)), used_(std::move(used)) {}

std::string ConfigReader::Path(const std::string& key) const {
  return prefix_.empty() ? key : prefix_ + "." + key;
}

void ConfigReader::MarkUsed(const std::string& key) const { used_->insert(Path(key)); }

const toml::node* ConfigReader::Find(const std::string& key) const { return table_->get(key); }

bool ConfigReader::Has(const std::string& key) const { return Find(key) != nullptr; }

const toml::node& ConfigReader::Require(const std::string& key) const {
  const toml::node* node = Find(key);
  if (!node) throw ConfigError(Path(key), "(missing)", "is required");
  MarkUsed(key);
  return *node;
}

double ConfigReader::Double(const std::string& key) const {
  const toml::node& node = Require(key);
  double value = 0.0;
  if (auto v = node.value_exact<double>()) {
    value = *v;
  } else if (auto i = node.value_exact<std::int64_t>()) {
    value = static_cast<double>(*i);
  } else {
    throw ConfigError(Path(key), NodeToString(node), "must be a number");
  }
  if (!std::isfinite(value)) throw ConfigError(Path(key), NodeToString(node), "must be finite");
  return value;
}

double ConfigReader::Double(const std::string& key, double fallback) const {
  return Has(key) ? Double(key) : fallback;
}

std::int64_t ConfigReader::Int(const std::string& key) const {
  const toml::node& node = Require(key);
  if (auto i = node.value_exact<std::int64_t>()) return *i;
  throw ConfigError(Path(key), NodeToString(node), "must be an integer");
}

std::int64_t ConfigReader::Int(const std::string& key, std::int64_t fallback) const {
  return Has(key) ? Int(key) : fallback;
}

std::string ConfigReader::String(const std::string& key, const std::string& fallback) const {
  if (!Has(key)) return fallback;
  const toml::node& node = Require(key);
  if (auto s = node.value_exact<std::string>()) return *s;
  throw ConfigError(Path(key), NodeToString(node), "must be a string");
}

bool ConfigReader::Bool(const std::string& key, bool fallback) const {
  if (!Has(key)) return fallback;
  const toml::node& node = Require(key);
  if (auto b = node.value_exact<bool>()) return *b;
  throw ConfigError(Path(key), NodeToString(node), "must be true or false");
}

std::vector<double> ConfigReader::Doubles(const std::string& key) const {
  const toml::node& node = Require(key);
  const toml::array* array = node.as_array();
  if (!array || array->empty()) throw ConfigError(Path(key), NodeToString(node), "must be a non-empty array of numbers");
  std::vector<double> out;
  for (const auto& element : *array) {
    double value = 0.0;
    if (auto v = element.value_exact<double>()) value = *v;
    else if (auto i = element.value_exact<std::int64_t>()) value = static_cast<double>(*i);
    else throw ConfigError(Path(key), NodeToString(node), "must be an array of numbers");
    if (!std::isfinite(value)) throw ConfigError(Path(key), NodeToString(node), "must contain only finite numbers");
    out.push_back(value);
  }
  return out;
}

std::vector<std::int64_t> ConfigReader::Ints(const std::string& key) const {
  const toml::node& node = Require(key);
  const toml::array* array = node.as_array();
  if (!array || array->empty()) throw ConfigError(Path(key), NodeToString(node), "must be a non-empty array of integers");
  std::vector<std::int64_t> out;
  for (const auto& element : *array) {
    auto i = element.value_exact<std::int64_t>();
    if (!i) throw ConfigError(Path(key), NodeToString(node), "must be an array of integers");
    out.push_back(*i);
  }
  return out;
}

std::vector<std::string> ConfigReader::Strings(const std::string& key) const {
  const toml::node& node = Require(key);
  const toml::array* array = node.as_array();
  if (!array || array->empty()) throw ConfigError(Path(key), NodeToString(node), "must be a non-empty array of strings");
  std::vector<std::string> out;
  for (const auto& element : *array) {
    auto s = element.value_exact<std::string>();
    if (!s) throw ConfigError(Path(key), NodeToString(node), "must be an array of strings");
    out.push_back(*s);
  }
  return out;
}

ConfigReader ConfigReader::Table(const std::string& key) const {
  const toml::node& node = Require(key);
  const toml::table* table = node.as_table();
  if (!table) throw ConfigError(Path(key), NodeToString(node), "must be a table");
  return ConfigReader(table, Path(key), used_);
}

std::vector<ConfigReader> ConfigReader::Tables(const std::string& key) const {
  const toml::node& node = Require(key);
  const toml::array* array = node.as_array();
  if (!array || !array->is_array_of_tables())
    throw ConfigError(Path(key), NodeToString(node), "must be an array of tables ([[" + key + "]])");
  std::vector<ConfigReader> out;
  for (std::size_t i = 0; i < array->size(); ++i)
    out.push_back(ConfigReader(array->get(i)->as_table(), Path(key) + "[" + std::to_string(i) + "]", used_));
  return out;
}

std::vector<std::string> ConfigReader::Keys() const {
  std::vector<std::string> keys;
  for (const auto& [key, node] : *table_) keys.emplace_back(key.str());
  return keys;
}

void ConfigReader::RejectUnknownKeys() const {
  std::string first;
  CollectUnknown(*table_, prefix_, *used_, &first);
  if (!first.empty()) throw ConfigError(first, "(set)", "is not a known setting of this scenario");
}

void ApplyOverride(toml::table& root, const std::string& assignment) {
  const auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0)
    throw ConfigError("--set", assignment, "must have the form key=value");
  const std::string key = assignment.substr(0, eq);
  std::string text = assignment.substr(eq + 1);
  toml::table parsed;
  try {
    parsed = toml::parse("v = " + text);
  } catch (const toml::parse_error&) {
    try {  // a bare word is taken as a string
      parsed = toml::parse("v = \"" + text + "\"");
    } catch (const toml::parse_error&) {
      throw ConfigError(key, text, "is not a valid TOML value");
    }
  }
  toml::table* table = &root;
  std::size_t start = 0;
  for (;;) {
    const auto dot = key.find('.', start);
    const std::string part = key.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (part.empty()) throw ConfigError("--set", assignment, "key must not have empty parts");
    if (dot == std::string::npos) {
      parsed.get("v")->visit([&](const auto& value) { table->insert_or_assign(part, value); });
      return;
    }
    const auto bracket = part.find('[');
    toml::node* next = nullptr;
    if (bracket != std::string::npos && part.back() == ']') {  // name[i]: element i of an array of tables
      const std::string name = part.substr(0, bracket);
      const std::string index_text = part.substr(bracket + 1, part.size() - bracket - 2);
      toml::array* array = table->get(name) ? table->get(name)->as_array() : nullptr;
      std::size_t index = 0;
      try {
        index = std::stoul(index_text);
      } catch (const std::exception&) {
        throw ConfigError(key.substr(0, dot), index_text, "index must be a non-negative integer");
      }
      if (!array || index >= array->size())
        throw ConfigError(key.substr(0, dot), "(missing)", "no such element in the config");
      next = array->get(index);
    } else {
      next = table->get(part);
      if (!next) {
        table->insert(part, toml::table{});
        next = table->get(part);
      }
    }
    if (!next->is_table()) throw ConfigError(key.substr(0, dot), NodeToString(*next), "is not a table");
    table = next->as_table();
    start = dot + 1;
  }
}

}  // namespace memgen::scenarios
