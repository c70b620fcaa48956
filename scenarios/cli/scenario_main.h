// The shared front end of every scenario binary (STYLE.md G1). A scenario's main() is one call:
//
//   return RunScenario<MyOptions>(argc, argv, spec, ReadMyOptions, EstimateMemory, RunMy);
//
// EstimateMemory returns a sim::MemoryEstimate of every allocation that grows with the config
// (memory_estimate.h); a run that would not fit is refused before it starts.
//
// It parses the command line (CLI11), loads the TOML config for --config or --scale (toml++; an
// overlay such as configs/<scenario>/smoke.toml is merged onto its base, see config_overlay.h),
// applies --set overrides, reads and validates the options, rejects unknown keys, checks the memory
// estimate, claims the run directory (run_directory.h: run-id checked, parent writable, locked, an
// existing run refused without --overwrite), runs, and publishes results/<scenario>/<run-id>/
// atomically: one CSV per table, run.json (resolved config, seed, git, build, threads, times) and
// summary.json (the claims). Bad input, including an unusable output location, exits with code 2
// and one line "<field> = <value>: <rule>" before any computation; nothing is written.
#pragma once

#include <toml++/toml.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scenarios/cli/config_overlay.h"
#include "scenarios/cli/config_reader.h"
#include "sim/run/memory_estimate.h"
#include "sim/io/csv_table.h"
#include "sim/io/run_directory.h"
#include "sim/linalg/blas_backend.h"
#include "sim/run/journal.h"
#include "sim/run/ranks.h"
#include "sim/run/trial_runner.h"
#include "scenarios/cli/run_metadata.h"
#include "scenarios/cli/claim_report.h"
#include "theory/verdict/claim.h"
#include "sim/core/config_error.h"
#include "theory/verdict/test_size.h"

namespace memgen::scenarios {

// Exit codes: 0 every claim as expected; 1 the run failed (nothing written); 2 bad input (nothing
// written); 3 results written, but some claim is not as expected (a FAIL, or a refutation that held).
inline constexpr int kUnexpectedClaimsExitCode = 3;

struct ScenarioSpec {
  std::string name;         ///< directory name under results/
  std::string description;  ///< one line for --help
  std::string config_dir;   ///< holds <scale>.toml: default.toml (the base), smoke.toml and paper.toml (overlays)
};

// The spec of the scenario being compiled: CMake defines its name and config directory for each
// scn_<name> from scenarios/registry.json, so a main() names neither.
#if defined(MEMGEN_SCENARIO_NAME) && defined(MEMGEN_SCENARIO_CONFIG_DIR)
inline ScenarioSpec RegisteredScenario(const std::string& description) {
  return {MEMGEN_SCENARIO_NAME, description, MEMGEN_SCENARIO_CONFIG_DIR};
}
#endif

struct ScenarioContext {
  std::string scenario;
  std::string scale = "default";  ///< smoke | default | paper; empty when --config named the file
  std::filesystem::path config_path;                ///< the file named by --scale or --config
  std::vector<std::filesystem::path> config_files;  ///< the files merged: outermost base first, config_path last
  toml::table config;             ///< resolved: overlays merged (config_overlay.h), then --set overrides
  bool print_config = false;      ///< --print-config: print the validated config and exit
  std::uint64_t seed = 0;
  theory::TestSize claim_size;    ///< verdict.claim_false_failure_rate: each claim's false-failure rate
  int threads = 1;
  sim::BlasSelection blas;        ///< --blas: the level-3 BLAS in use (sim/linalg/blas_backend.h)
  std::filesystem::path out_root = "results";
  std::string run_id;
  bool overwrite = false;         ///< --overwrite: replace an existing run of this run-id
  bool resume = false;            ///< --resume: continue a killed run from its journal
  sim::Journal* journal = nullptr;  ///< the run's journal (set while the run computes)
  // The trial runner's options for this run: its threads and its journal.
  sim::TrialRunnerOptions Runner() const {
    sim::TrialRunnerOptions runner;
    runner.threads = threads;
    runner.journal = journal;
    runner.ranks = &sim::Ranks::World();
    return runner;
  }
};

struct ScenarioOutput {
  std::vector<std::pair<std::string, sim::CsvTable>> tables;  ///< written as <name>.csv
  std::vector<theory::Claim> claims;
  nlohmann::json extra = nlohmann::json::object();        ///< merged into summary.json
};

namespace detail {

// Parses argv and loads the config; throws ConfigError (or returns an exit code through `exit_code`
// for --help). Returns false when the program should exit without running.
bool PrepareContext(int argc, char** argv, const ScenarioSpec& spec, ScenarioContext* context, int* exit_code);
void ReadCommonSettings(const ConfigReader& reader, ScenarioContext* context);
void PrintConfig(const ScenarioContext& context);  // --print-config
// Where a run keeps its results while it computes: the claimed run directory (rank 0) and the
// journal (every rank).
struct RunStorage {
  std::optional<sim::RunDirectory> directory;
  std::unique_ptr<sim::Journal> journal;
};
// Rank 0 claims the run directory (run_directory.h); then every rank opens its journal there,
// continued with --resume. Returns 0, or the exit code every rank returns (the reason printed once).
int PrepareStorage(ScenarioContext* context, RunStorage* storage);
// Every rank closes its journal; rank 0 writes the tables, run.json and summary.json and publishes.
void PublishResults(const ScenarioContext& context, const ScenarioOutput& output, double wall_seconds,
                    const std::string& started, RunStorage* storage);
int ReportConfigError(const std::string& scenario, const std::exception& error);  // exit code 2
int ReportRunError(const std::string& scenario, const std::exception& error);     // exit code 1
// 0 when every claim is as expected, else kUnexpectedClaimsExitCode with the ids on stderr.
int UnexpectedExitCode(const std::string& scenario, const std::vector<theory::Claim>& claims);

}  // namespace detail

template <typename Options>
int RunScenario(int argc, char** argv, const ScenarioSpec& spec,
                const std::function<Options(const ConfigReader&)>& read_options,
                const std::function<sim::MemoryEstimate(const Options&, int threads)>& memory,
                const std::function<ScenarioOutput(const Options&, const ScenarioContext&)>& run) {
  const sim::MpiSession mpi(&argc, &argv);  // MPI only when launched by mpirun (sim/run/ranks.h)
  ScenarioContext context;
  Options options;
  try {
    int exit_code = 0;
    if (!detail::PrepareContext(argc, argv, spec, &context, &exit_code)) return exit_code;
    const ConfigReader reader(context.config);
    detail::ReadCommonSettings(reader, &context);
    options = read_options(reader);
    reader.RejectUnknownKeys();
    if (context.print_config) {
      if (sim::Ranks::World().root()) detail::PrintConfig(context);
      return 0;
    }
    memory(options, context.threads).Check(static_cast<double>(AvailableMemoryBytes()));
  } catch (const std::exception& error) {
    return detail::ReportConfigError(spec.name, error);
  }
  detail::RunStorage storage;
  if (const int code = detail::PrepareStorage(&context, &storage); code != 0) return code;
  try {
    const std::string started = UtcTimestamp();
    const auto begin = std::chrono::steady_clock::now();
    const ScenarioOutput output = run(options, context);
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    detail::PublishResults(context, output, wall, started, &storage);
    return detail::UnexpectedExitCode(spec.name, output.claims);
  } catch (const std::exception& error) {  // not a config error: nothing was published
    return detail::ReportRunError(spec.name, error);
  }
}

}  // namespace memgen::scenarios
