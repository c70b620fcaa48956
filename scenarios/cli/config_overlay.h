// Config files as layers: a full base config plus small overlays (scales) that change only what
// differs. A config file is an OVERLAY when it has an [overlay] table, else it is standalone:
//
//   overlay.base = "default.toml"     # required: the file this one changes, relative to this file
//   overlay.replace = ["phase"]       # optional: dotted keys whose base value is replaced wholesale
//
// Merge rule (MergeOverlay), applied key by key from the overlay's root table:
//   * a key the base does not have is an error: "<dotted.key> = (set in <overlay>): is not a key of
//     the base <base>", so a typo in an overlay fails (exit code 2) instead of adding a setting;
//   * a table (also an inline table) merges into the base's table of the same key, recursively;
//   * an array of tables ([[key]]) must have as many tables as the base's and merges element by
//     element (element i into element i, recursively; every key of an element must exist in the
//     base's element i);
//   * any other value (number, string, boolean, array of values) replaces the base value; a table
//     or array of tables cannot replace a plain value, nor the other way round;
//   * a key listed in overlay.replace replaces the base's value as a whole, whatever it holds: the
//     way to shorten an array of tables or to drop or add keys inside a table. Each listed key must
//     exist in both the base and the overlay. Paths use the reader's spelling: "dynamics",
//     "margins", "curve[2].spectrum".
// The base may itself be an overlay (chains resolve recursively). The resolved table contains no
// [overlay] table. Scenario configs: scenarios/<simulator>/configs/<scenario>/default.toml is the
// base (the default scale); smoke.toml and paper.toml are overlays of it.
#pragma once

#include <toml++/toml.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace memgen::scenarios {

// Merges `overlay` into `base` in place by the rule above; `replace` holds the dotted keys replaced
// wholesale; `overlay_name` and `base_name` appear in error messages. Throws ConfigError.
void MergeOverlay(toml::table& base, const toml::table& overlay, const std::set<std::string>& replace = {},
                  const std::string& overlay_name = "overlay", const std::string& base_name = "base");

// Reads a config file; an overlay is resolved onto its base (recursively). `files`, when given,
// receives the files read, the outermost base first and `path` last. Throws ConfigError (unreadable
// file, bad TOML, bad [overlay] table, merge errors).
toml::table LoadConfigFile(const std::filesystem::path& path, std::vector<std::filesystem::path>* files = nullptr);

}  // namespace memgen::scenarios
