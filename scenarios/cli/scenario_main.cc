// Command line, config loading and result publication shared by all scenarios, see scenario_main.h.
#include "scenarios/cli/scenario_main.h"

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "scenarios/cli/config_overlay.h"
#include "sim/core/config_error.h"
#include "sim/io/atomic_file.h"
#include "sim/run/trial_runner.h"

#ifdef _OPENMP
#include <omp.h>
#endif


namespace memgen::scenarios::detail {
namespace {

using sim::PublishDirectory;
using sim::UsableThreads;
using sim::WriteFileAtomic;
using theory::Claim;

nlohmann::json TomlToJson(const toml::table& table) {
  std::ostringstream out;
  out << toml::json_formatter{table};
  return nlohmann::json::parse(out.str());
}

nlohmann::json ConfigFilesJson(const std::vector<std::filesystem::path>& files) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& file : files) out.push_back(file.string());
  return out;
}

int DefaultThreads() {
#ifdef _OPENMP
  return omp_get_max_threads();
#else
  return 1;
#endif
}

}  // namespace

bool PrepareContext(int argc, char** argv, const ScenarioSpec& spec, ScenarioContext* context, int* exit_code) {
  CLI::App app{spec.description, "scn_" + spec.name};
  std::string config_file;
  std::vector<std::string> overrides;
  std::int64_t seed = -1;
  int threads = DefaultThreads();
  std::string out = "results";
  std::string scale = "default";
  std::string run_id;
  bool print_config = false;
  app.add_option("--config", config_file,
                 "TOML config file, standalone or an overlay naming its base (default: configs/<scenario>/<scale>.toml)")->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_option("--set", overrides, "override a config value, key=value (repeatable)");
  app.add_option("--seed", seed, "master seed (overrides the config's seed)")->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_option("--threads", threads, "OpenMP threads over trials")->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_option("--out", out, "results root directory")->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_option("--scale", scale, "config scale: smoke, default or paper")->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_option("--run-id", run_id, "name of the run directory (default: the scale or config name)")->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_flag("--print-config", print_config,
               "print the resolved config (overlays merged, --set applied, validated) as TOML and exit");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    *exit_code = app.exit(e);
    return false;
  } catch (const CLI::ParseError& e) {
    std::string message = e.what();
    throw ConfigError("command line", message, "must follow scn_" + spec.name + " --help");
  }
  Require(scale == "smoke" || scale == "default" || scale == "paper", "--scale", scale,
          "must be smoke, default or paper");
  Require(threads >= 1 && threads <= 256, "--threads", threads, "must be in [1, 256]");
  Require(seed >= -1, "--seed", seed, "must be >= 0");
  context->scenario = spec.name;
  context->scale = scale;
  context->threads = threads;
  context->out_root = out;
  context->config_path = config_file.empty()
                             ? std::filesystem::path(spec.config_dir) / (scale + ".toml")
                             : std::filesystem::path(config_file);
  context->run_id = !run_id.empty() ? run_id
                    : config_file.empty() ? scale
                                          : context->config_path.stem().string();
  Require(context->run_id.find('/') == std::string::npos && context->run_id[0] != '.', "--run-id",
          context->run_id, "must be a plain directory name");
  context->config = LoadConfigFile(context->config_path, &context->config_files);  // resolves overlays
  context->print_config = print_config;
  for (const std::string& assignment : overrides) ApplyOverride(context->config, assignment);
  if (seed >= 0) context->config.insert_or_assign("seed", seed);
  return true;
}

void ReadCommonSettings(const ConfigReader& reader, ScenarioContext* context) {
  const std::int64_t seed = reader.Int("seed", 20261121);
  Require(seed >= 0, reader.Path("seed"), seed, "must be >= 0");
  context->seed = static_cast<std::uint64_t>(seed);
  if (reader.Has("verdict")) {
    const ConfigReader verdict = reader.Table("verdict");
    const double rate = verdict.Double("claim_false_failure_rate", theory::kDefaultClaimRate);
    Require(rate > 0.0 && rate <= 0.1, verdict.Path("claim_false_failure_rate"), rate, "must be in (0, 0.1]");
    context->claim_size = theory::TestSize{rate};
  }
  reader.String("scenario", context->scenario);  // optional self-description, checked below
  Require(reader.String("scenario", context->scenario) == context->scenario, reader.Path("scenario"),
          reader.String("scenario", context->scenario), "must name this scenario (" + context->scenario + ")");
}

void PrintConfig(const ScenarioContext& context) {
  std::cout << "# scn_" << context.scenario << ": resolved config of";
  for (const auto& file : context.config_files) std::cout << " " << file.string();
  std::cout << "\n" << toml::toml_formatter{context.config} << "\n";
}

void CheckMemory(std::size_t bytes) {
  const std::size_t available = AvailableMemoryBytes();
  if (available > 0 && bytes > available) {
    throw ConfigError("memory estimate", std::to_string(bytes / (1024 * 1024)) + " MiB",
                      "must not exceed the available memory (" + std::to_string(available / (1024 * 1024)) +
                          " MiB); reduce n, d or the block size");
  }
}

void PublishResults(const ScenarioContext& context, const ScenarioOutput& output, double wall_seconds,
                    const std::string& started) {
  const std::filesystem::path parent = context.out_root / context.scenario;
  std::filesystem::create_directories(parent);
  const std::filesystem::path staging = parent / ("." + context.run_id + ".staging-" + std::to_string(getpid()));
  std::filesystem::remove_all(staging);
  std::filesystem::create_directories(staging);
  for (const auto& [name, table] : output.tables) WriteFileAtomic(staging / (name + ".csv"), table.ToCsv());

  const GitState git = ReadGitState();
  nlohmann::json run = {{"scenario", context.scenario},
                        {"run_id", context.run_id},
                        {"scale", context.scale},
                        {"config_file", context.config_path.string()},
                        {"config_files", ConfigFilesJson(context.config_files)},
                        {"config", TomlToJson(context.config)},
                        {"master_seed", context.seed},
                        {"git_sha", git.sha},
                        {"git_dirty", git.dirty},
                        {"build", BuildInfo()},
                        {"threads_requested", context.threads},
                        {"threads_used", UsableThreads(context.threads)},
                        {"mpi_ranks", 1},
                        {"started", started},
                        {"finished", UtcTimestamp()},
                        {"wall_seconds", wall_seconds}};
  WriteFileAtomic(staging / "run.json", run.dump(2) + "\n");

  nlohmann::json summary = {{"scenario", context.scenario},
                            {"run_id", context.run_id},
                            {"master_seed", context.seed},
                            {"brief", BriefReport(output.claims)},
                            {"claim_false_failure_rate", context.claim_size.rate},
                            {"run_false_failure_budget", theory::kRunFalseFailureBudget},
                            {"family_wise_false_failure_rate", FamilyWiseRate(output.claims)},
                            {"unexpected", UnexpectedClaims(output.claims)},
                            {"claims", nlohmann::json::array()}};
  for (const Claim& claim : output.claims) summary["claims"].push_back(ClaimToJson(claim));
  for (const auto& [key, value] : output.extra.items()) summary[key] = value;
  WriteFileAtomic(staging / "summary.json", summary.dump(2) + "\n");

  const std::filesystem::path target = parent / context.run_id;
  PublishDirectory(staging, target);
  std::cout << "scn_" << context.scenario << ": " << BriefReport(output.claims) << " (" << wall_seconds
            << " s, " << UsableThreads(context.threads) << " threads)\n"
            << "results: " << target.string() << "\n";
}

int ReportConfigError(const std::string& scenario, const std::exception& error) {
  std::fprintf(stderr, "scn_%s: error: %s\n", scenario.c_str(), error.what());
  return 2;
}

int UnexpectedExitCode(const std::string& scenario, const std::vector<Claim>& claims) {
  const std::vector<std::string> unexpected = UnexpectedClaims(claims);
  if (unexpected.empty()) return 0;
  std::fprintf(stderr, "scn_%s: %zu claim(s) not as expected (results written):", scenario.c_str(), unexpected.size());
  for (const std::string& id : unexpected) std::fprintf(stderr, " %s", id.c_str());
  std::fprintf(stderr, "\n");
  return kUnexpectedClaimsExitCode;
}

int ReportRunError(const std::string& scenario, const std::exception& error) {
  std::fprintf(stderr, "scn_%s: run failed, no results written: %s\n", scenario.c_str(), error.what());
  return 1;
}

}  // namespace memgen::scenarios::detail
