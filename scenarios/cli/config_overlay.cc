// Config overlays: merge rule and layered loading, see config_overlay.h.
#include "scenarios/cli/config_overlay.h"

#include <sstream>

#include "scenarios/cli/config_reader.h"
#include "sim/core/config_error.h"

namespace memgen::scenarios {
namespace {

constexpr int kMaxOverlayDepth = 8;

struct MergeContext {
  const std::set<std::string>* replace;
  std::set<std::string> replaced;
  std::string overlay_name;
  std::string base_name;
};

void Assign(toml::table& table, const std::string& key, const toml::node& value) {
  value.visit([&](const auto& concrete) { table.insert_or_assign(key, concrete); });
}

std::string Join(const std::string& prefix, const std::string& key) {
  return prefix.empty() ? key : prefix + "." + key;
}

std::string Kind(const toml::node& node) {
  if (node.is_table()) return "a table";
  if (node.is_array_of_tables()) return "an array of tables";
  return "a value";
}

void MergeTables(toml::table& base, const toml::table& overlay, const std::string& prefix, MergeContext* context) {
  for (const auto& [key_view, value] : overlay) {
    const std::string key(key_view.str());
    const std::string path = Join(prefix, key);
    toml::node* target = base.get(key);
    if (!target) {
      throw ConfigError(path, "(set in " + context->overlay_name + ")",
                        "is not a key of the base " + context->base_name);
    }
    if (context->replace->count(path)) {
      context->replaced.insert(path);
      Assign(base, key, value);
      continue;
    }
    const std::string where = "(in " + context->overlay_name + ")";
    const std::string hint = " (list it in overlay.replace to replace it as a whole)";
    if (value.is_table() || target->is_table()) {
      if (!value.is_table() || !target->is_table()) {
        throw ConfigError(path, where, "must be " + Kind(*target) + " as in the base " + context->base_name + hint);
      }
      MergeTables(*target->as_table(), *value.as_table(), path, context);
    } else if (value.is_array_of_tables() || target->is_array_of_tables()) {
      if (!value.is_array_of_tables() || !target->is_array_of_tables()) {
        throw ConfigError(path, where, "must be " + Kind(*target) + " as in the base " + context->base_name + hint);
      }
      const toml::array& tables = *value.as_array();
      toml::array& base_tables = *target->as_array();
      if (tables.size() != base_tables.size()) {
        throw ConfigError(path, std::to_string(tables.size()) + " tables " + where,
                          "must have as many tables as the base " + context->base_name + " (" +
                              std::to_string(base_tables.size()) + ")" + hint);
      }
      for (std::size_t i = 0; i < tables.size(); ++i) {
        MergeTables(*base_tables.get(i)->as_table(), *tables.get(i)->as_table(), path + "[" + std::to_string(i) + "]",
                    context);
      }
    } else {
      Assign(base, key, value);
    }
  }
}

// The table in `path`: a regular, readable TOML file with at least one setting (an empty path, a
// directory or an empty file is refused rather than read as "no settings, all defaults").
toml::table ParseFile(const std::filesystem::path& path, const std::string& field) {
  if (path.empty()) throw ConfigError(field, "\"\"", "must name a TOML file");
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (!std::filesystem::exists(status)) throw ConfigError(field, path.string(), "is not a readable TOML file (no such file)");
  if (!std::filesystem::is_regular_file(status))
    throw ConfigError(field, path.string(), "is not a readable TOML file (not a regular file)");
  toml::table table;
  try {
    table = toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    std::ostringstream what;
    what << e.description() << " at line " << e.source().begin.line;
    throw ConfigError(field, path.string(), "is not a readable TOML file (" + what.str() + ")");
  }
  if (table.empty()) throw ConfigError(field, path.string(), "is empty: a config must set at least one key");
  return table;
}

toml::table Load(const std::filesystem::path& path, const std::string& field, int depth,
                 std::vector<std::filesystem::path>* files) {
  toml::table table = ParseFile(path, field);
  const toml::node* overlay_node = table.get("overlay");
  if (!overlay_node) {
    if (files) files->push_back(path);
    return table;
  }
  const std::string name = path.filename().string();
  const toml::table* overlay = overlay_node->as_table();
  if (!overlay) throw ConfigError("overlay", NodeToString(*overlay_node) + " (in " + name + ")", "must be a table");
  std::string base_text;
  std::set<std::string> replace;
  for (const auto& [key_view, node] : *overlay) {
    const std::string key(key_view.str());
    if (key == "base" && node.is_string()) {
      base_text = *node.value<std::string>();
    } else if (key == "replace" && node.is_array()) {
      for (const auto& element : *node.as_array()) {
        if (!element.is_string()) throw ConfigError("overlay.replace", NodeToString(node), "must be an array of dotted keys");
        replace.insert(*element.value<std::string>());
      }
    } else if (key == "base" || key == "replace") {
      throw ConfigError("overlay." + key, NodeToString(node) + " (in " + name + ")",
                        key == "base" ? "must be a file name" : "must be an array of dotted keys");
    } else {
      throw ConfigError("overlay." + key, "(set in " + name + ")", "is not a setting of an overlay (base, replace)");
    }
  }
  if (base_text.empty()) throw ConfigError("overlay.base", "(missing in " + name + ")", "is required in an overlay");
  if (depth >= kMaxOverlayDepth) {
    throw ConfigError("overlay.base", base_text + " (in " + name + ")",
                      "must not chain more than " + std::to_string(kMaxOverlayDepth) + " overlays (a cycle?)");
  }
  std::filesystem::path base_path(base_text);
  if (base_path.is_relative()) base_path = path.parent_path() / base_path;
  toml::table resolved = Load(base_path, "overlay.base (in " + name + ")", depth + 1, files);
  table.erase("overlay");
  MergeOverlay(resolved, table, replace, name, base_path.filename().string());
  if (files) files->push_back(path);
  return resolved;
}

}  // namespace

void MergeOverlay(toml::table& base, const toml::table& overlay, const std::set<std::string>& replace,
                  const std::string& overlay_name, const std::string& base_name) {
  MergeContext context{&replace, {}, overlay_name, base_name};
  MergeTables(base, overlay, "", &context);
  for (const std::string& path : replace) {
    if (!context.replaced.count(path)) {
      throw ConfigError("overlay.replace", path + " (in " + overlay_name + ")",
                        "must name a key set in the overlay and present in the base " + base_name);
    }
  }
}

toml::table LoadConfigFile(const std::filesystem::path& path, std::vector<std::filesystem::path>* files) {
  return Load(path, "--config", 0, files);
}

}  // namespace memgen::scenarios
