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
  memgen::sim::TrialRunnerOptions runner;
  runner.threads = context.threads;
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

std::size_t Memory(const SpurTheoryOptions& o, int threads) {
  std::size_t worst = 0;
  for (const auto& c : o.margins) {
    const auto n = static_cast<std::size_t>(c.n), dim = static_cast<std::size_t>(c.D() + 2);
    worst = std::max(worst, sizeof(double) * (4 * n * dim + 6 * n * n));
  }
  if (o.dynamics) {
    const auto n = static_cast<std::size_t>(o.dynamics_options.n), dim = static_cast<std::size_t>(o.dynamics_options.d + 2);
    worst = std::max(worst, sizeof(double) * (6 * n * dim + 12 * n * n));
  }
  return static_cast<std::size_t>(threads) * (worst + 1000000);
}

}  // namespace

int main(int argc, char** argv) {
  return memgen::scenarios::RunScenario<SpurTheoryOptions>(
      argc, argv, memgen::scenarios::RegisteredScenario("The idealized spurious-feature model: max-margin theory, flip threshold and GD dynamics"),
      memgen::scenarios::ReadSpurTheoryOptions, Memory, Run);
}
