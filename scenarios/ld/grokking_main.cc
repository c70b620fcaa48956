// scn_ld_grokking: modular addition by a quadratic MLP memorizes first and generalizes later
// (learning_dynamics.md §2): Gromov's analytic solution on all inputs (scenarios/ld/gromov_experiment.h)
// and trained runs with their progress measure and an early-stopping replay
// (scenarios/ld/grokking_experiment.h). Output: gromov.csv, grokking_curves.csv, grokking_runs.csv,
// summary.json.
#include "scenarios/cli/scenario_main.h"
#include "scenarios/ld/grokking_config.h"

namespace {

using memgen::scenarios::GrokkingOptions;

memgen::scenarios::ScenarioOutput Run(const GrokkingOptions& options, const memgen::scenarios::ScenarioContext& context) {
  const memgen::sim::TrialRunnerOptions runner = context.Runner();
  memgen::scenarios::ScenarioOutput out;
  std::vector<memgen::scenarios::GromovResult> gromov;
  for (const auto& cell : options.gromov) gromov.push_back(memgen::scenarios::RunGromovCell(cell, context.seed, runner));
  out.claims = memgen::scenarios::BuildGromovClaims(gromov, context.claim_size);
  out.tables.emplace_back("gromov", memgen::scenarios::GromovTable(gromov));
  std::vector<memgen::scenarios::GrokkingResult> runs;
  for (const auto& cell : options.grokking) runs.push_back(memgen::scenarios::RunGrokkingCell(cell, context.seed, runner));
  for (auto& claim : memgen::scenarios::BuildGrokkingClaims(runs, context.claim_size)) out.claims.push_back(claim);
  out.tables.emplace_back("grokking_curves", memgen::scenarios::GrokkingCurveTable(runs));
  out.tables.emplace_back("grokking_runs", memgen::scenarios::GrokkingRunTable(runs));
  out.extra["precision"] = "float64 (the public grokking code computes in float32)";
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  return memgen::scenarios::RunScenario<GrokkingOptions>(
      argc, argv, memgen::scenarios::RegisteredScenario("Grokking modular addition: the analytic solution, memorization before generalization, early stopping"),
      memgen::scenarios::ReadGrokkingOptions, memgen::scenarios::GrokkingMemory, Run);
}
