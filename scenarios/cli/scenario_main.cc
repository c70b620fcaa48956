// Command line, config loading and result publication shared by all scenarios, see scenario_main.h.
#include "scenarios/cli/scenario_main.h"

#include <CLI/CLI.hpp>

#include <charconv>
#include <cstdio>
#include <iostream>

#include "scenarios/cli/config_overlay.h"
#include "sim/core/config_error.h"
#include "sim/core/crash_point.h"
#include "sim/io/atomic_file.h"
#include "sim/run/retained_memory.h"
#include "sim/run/trial_runner.h"

#ifdef _OPENMP
#include <omp.h>
#endif


namespace memgen::scenarios::detail {
namespace {

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

// --seed as typed: a decimal integer in [0, 2^63 - 1] (the range of a TOML integer), nothing else.
std::int64_t ParseSeed(const std::string& text) {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  Require(!text.empty() && error == std::errc() && stop == end && value >= 0, "--seed", text,
          "must be an integer in [0, 2^63 - 1]");
  return value;
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
  std::string seed_text;
  int threads = DefaultThreads();
  std::string blas = "auto";
  std::string out = "results";
  std::string scale = "default";
  std::string run_id;
  bool print_config = false;
  bool overwrite = false;
  bool resume = false;
  const auto last = CLI::MultiOptionPolicy::TakeLast;
  app.add_option("--config", config_file,
                 "TOML config file, standalone or an overlay naming its base (default: configs/<scenario>/<scale>.toml)")
      ->multi_option_policy(last);
  app.add_option("--set", overrides, "override a config value, key=value (repeatable)");
  app.add_option("--seed", seed_text, "master seed in [0, 2^63 - 1] (overrides the config's seed)")->multi_option_policy(last);
  app.add_option("--threads", threads, "OpenMP threads over trials")->multi_option_policy(last);
  app.add_option("--blas", blas,
                 "BLAS for the rank-k updates: auto (BLIS with its AVX-512 kernel, else OpenBLAS, else Eigen), eigen, blis or "
                 "openblas (sim/linalg/blas_backend.h; recorded in run.json)")
      ->multi_option_policy(last);
  app.add_option("--out", out, "results root directory")->multi_option_policy(last);
  app.add_option("--scale", scale, "config scale: smoke, default or paper")->multi_option_policy(last);
  app.add_option("--run-id", run_id, "name of the run directory (default: the scale or config name)")->multi_option_policy(last);
  app.add_flag("--overwrite", overwrite, "replace an existing run of the same run-id (atomically, once the new run is complete)");
  app.add_flag("--resume", resume, "continue a killed run of this run-id from its journal (same config, seed and build)");
  app.add_flag("--print-config", print_config,
               "print the resolved config (overlays merged, --set applied, validated) as TOML and exit");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    *exit_code = app.exit(e);
    return false;
  } catch (const CLI::ParseError& e) {
    throw ConfigError("command line", e.what(), "must follow scn_" + spec.name + " --help");
  }
  const bool named_config = app.count("--config") > 0;
  Require(!(named_config && app.count("--scale") > 0), "--scale", scale, "cannot be combined with --config");
  Require(scale == "smoke" || scale == "default" || scale == "paper", "--scale", scale,
          "must be smoke, default or paper");
  Require(threads >= 1 && threads <= 256, "--threads", threads, "must be in [1, 256]");
  Require(!out.empty(), "--out", "\"\"", "must name a directory");
  context->scenario = spec.name;
  context->scale = named_config ? "" : scale;
  context->threads = threads;
  context->blas = sim::SelectBlas(blas);  // before any trial: it may set BLIS_ARCH_TYPE
  sim::RetainFreedMemory();               // trials reuse each other's freed matrices (retained_memory.h)
  context->out_root = out;
  context->overwrite = overwrite;
  context->resume = resume;
  context->config_path = named_config ? std::filesystem::path(config_file)
                                      : std::filesystem::path(spec.config_dir) / (scale + ".toml");
  context->run_id = app.count("--run-id") > 0 ? run_id : named_config ? context->config_path.stem().string() : scale;
  context->config = LoadConfigFile(context->config_path, &context->config_files);  // resolves overlays
  const std::string run_id_problem = sim::RunIdProblem(context->run_id);
  Require(run_id_problem.empty(), "--run-id", context->run_id, run_id_problem);
  context->print_config = print_config;
  for (const std::string& assignment : overrides) ApplyOverride(context->config, assignment);
  if (app.count("--seed") > 0) context->config.insert_or_assign("seed", ParseSeed(seed_text));
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

namespace {

nlohmann::json BlasJson(const sim::BlasSelection& blas) {
  return {{"backend", blas.name}, {"library", blas.library}, {"kernel", blas.kernel}};
}

std::string JournalFingerprint(const ScenarioContext& context) {
  const GitState git = ReadGitState();
  return nlohmann::json{{"scenario", context.scenario},
                        {"config", TomlToJson(context.config)},
                        {"master_seed", context.seed},
                        {"git_sha", git.sha},
                        {"git_dirty", git.dirty},
                        {"build", BuildInfo()},
                        {"blas", BlasJson(context.blas)}}  // a resumed run must sum in the same order
      .dump();
}

// Rank 0's journal is journal.bin (what --resume looks for), rank k's journal.rank<k>.bin.
std::filesystem::path JournalPath(const std::filesystem::path& staging, int rank) {
  return staging / (rank == 0 ? std::string(sim::kJournalFileName) : "journal.rank" + std::to_string(rank) + ".bin");
}

// The journals are not part of the results (also those of a resumed run's earlier, larger rank count).
void RemoveJournals(const std::filesystem::path& staging) {
  std::vector<std::filesystem::path> journals;
  for (const auto& entry : std::filesystem::directory_iterator(staging)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("journal", 0) == 0 && entry.path().extension() == ".bin") journals.push_back(entry.path());
  }
  for (const auto& path : journals) std::filesystem::remove(path);
}

nlohmann::json RunJson(const ScenarioContext& context, double wall_seconds, const std::string& started) {
  const GitState git = ReadGitState();
  return {{"scenario", context.scenario},
          {"run_id", context.run_id},
          {"scale", context.scale.empty() ? nlohmann::json(nullptr) : nlohmann::json(context.scale)},
          {"config_file", context.config_path.string()},
          {"config_files", ConfigFilesJson(context.config_files)},
          {"config", TomlToJson(context.config)},
          {"master_seed", context.seed},
          {"git_sha", git.sha},
          {"git_dirty", git.dirty},
          {"build", BuildInfo()},
          {"threads_requested", context.threads},
          {"threads_used", UsableThreads(context.threads)},
          {"blas", BlasJson(context.blas)},
          {"mpi_ranks", sim::Ranks::World().size()},
          {"resumed_blocks", context.journal ? context.journal->recovered_blocks() : 0},
          {"started", started},
          {"finished", UtcTimestamp()},
          {"wall_seconds", wall_seconds}};
}

nlohmann::json SummaryJson(const ScenarioContext& context, const ScenarioOutput& output) {
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
  return summary;
}

}  // namespace

int PrepareStorage(ScenarioContext* context, RunStorage* storage) {
  const sim::Ranks& ranks = sim::Ranks::World();
  int code = 0;
  if (ranks.root()) {
    try {
      storage->directory.emplace(sim::RunDirectory::Claim({context->out_root / context->scenario, context->run_id,
                                                           context->overwrite,
                                                           context->resume ? sim::kJournalFileName : ""}));
    } catch (const ConfigError& error) {
      code = ReportConfigError(context->scenario, error);
    } catch (const std::exception& error) {
      code = ReportRunError(context->scenario, error);
    }
  }
  code = ranks.FromRoot(code);  // also: the staging directory exists for every rank from here on
  if (code != 0) return code;
  try {
    const std::filesystem::path staging = sim::RunDirectory::StagingPath(context->out_root / context->scenario, context->run_id);
    storage->journal = std::make_unique<sim::Journal>(JournalPath(staging, ranks.rank()), JournalFingerprint(*context),
                                                      context->resume);
  } catch (const ConfigError& error) {
    code = ReportConfigError(context->scenario, error);
  } catch (const std::exception& error) {
    code = ReportRunError(context->scenario, error);
  }
  if (!ranks.AllTrue(code == 0)) return code != 0 ? code : 1;
  context->journal = storage->journal.get();
  return 0;
}

void PublishResults(const ScenarioContext& context, const ScenarioOutput& output, double wall_seconds,
                    const std::string& started, RunStorage* storage) {
  const sim::Ranks& ranks = sim::Ranks::World();
  ranks.Barrier();  // every rank has written its last block before rank 0 publishes
  if (!ranks.root()) return;
  const std::filesystem::path& staging = storage->directory->staging();
  for (const auto& [name, table] : output.tables) WriteFileAtomic(staging / (name + ".csv"), table.ToCsv());
  WriteFileAtomic(staging / "run.json", RunJson(context, wall_seconds, started).dump(2) + "\n");
  WriteFileAtomic(staging / "summary.json", SummaryJson(context, output).dump(2) + "\n");
  sim::CrashPoint("publish-start");  // results complete, journals kept
  RemoveJournals(staging);
  storage->directory->Publish();
  std::cout << "scn_" << context.scenario << ": " << BriefReport(output.claims) << " (" << wall_seconds << " s, "
            << UsableThreads(context.threads) << " threads, " << ranks.size() << " rank(s))\n"
            << "results: " << storage->directory->target().string() << "\n";
}

int ReportConfigError(const std::string& scenario, const std::exception& error) {
  if (sim::Ranks::World().root()) std::fprintf(stderr, "scn_%s: error: %s\n", scenario.c_str(), error.what());
  return 2;  // every rank read the same config and failed the same way: one line is enough
}

int UnexpectedExitCode(const std::string& scenario, const std::vector<Claim>& claims) {
  const std::vector<std::string> unexpected = UnexpectedClaims(claims);
  if (unexpected.empty()) return 0;
  if (!sim::Ranks::World().root()) return kUnexpectedClaimsExitCode;
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
