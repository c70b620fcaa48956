// scn_spur_theory: the idealized spurious-feature model against its closed-form theory
// (spurious_memorization.md §4, §6; E2, E3, E4): SVM and minimum-norm interpolant margins against
// the closed form, the flip threshold and the Φ accuracy formula (scenarios/spur/margins_experiment.h), and the GD
// trajectories of ERM, reweighting, logit shifts and MAT (scenarios/spur/dynamics_experiment.h).
// Output: margins.csv, closed_form.csv (dense curves), dynamics.csv, summary.json.
#include "scenarios/spur/config.h"
#include "scenarios/cli/scenario_main.h"

namespace {

using memgen::scenarios::SpurTheoryOptions;

memgen::scenarios::ScenarioOutput Run(const SpurTheoryOptions& options, const memgen::scenarios::ScenarioContext& context) {
  memgen::sim::TrialRunnerOptions runner = context.Runner();
  memgen::scenarios::ScenarioOutput out;
  std::vector<memgen::scenarios::MarginCellResult> cells;
  for (const auto& cell : options.margins) cells.push_back(memgen::scenarios::RunMarginCell(cell, context.seed, runner));
  out.claims = memgen::scenarios::BuildMarginClaims(cells, context.claim_size);
  out.tables.emplace_back("margins", memgen::scenarios::MarginTable(cells));
  out.tables.emplace_back("closed_form", memgen::scenarios::ClosedFormCurveTable(cells));
  if (options.dynamics) {
    const auto trials = memgen::scenarios::RunDynamics(options.dynamics_options, context.seed, runner);
    for (auto& claim : memgen::scenarios::BuildDynamicsClaims(options.dynamics_options, trials, context.claim_size)) out.claims.push_back(claim);
    out.tables.emplace_back("dynamics", memgen::scenarios::DynamicsTable(options.dynamics_options, trials));
  }
  return out;
}

memgen::sim::MemoryEstimate Memory(const SpurTheoryOptions& o, int threads) {
  memgen::sim::MemoryEstimate memory;
  for (const auto& c : o.margins) memgen::scenarios::AddMarginCellMemory(c, threads, &memory);
  if (o.dynamics) memgen::scenarios::AddDynamicsMemory(o.dynamics_options, threads, &memory);
  return memory;
}

}  // namespace

int main(int argc, char** argv) {
  return memgen::scenarios::RunScenario<SpurTheoryOptions>(
      argc, argv, memgen::scenarios::RegisteredScenario("The idealized spurious-feature model: max-margin theory, flip threshold and GD dynamics"),
      memgen::scenarios::ReadSpurTheoryOptions, Memory, Run);
}
