// scn_ld_deep_linear: deep linear networks learn mode by mode, signal before noise, and early
// stopping is optimal there (learning_dynamics.md §3, §4 (d)): GD on the matrices against the
// closed-form mode dynamics (scenarios/ld/deep_linear_experiment.h) and the training spectrum of a
// noisy teacher against random outputs and the early-stopping optimum (scenarios/ld/spectra_experiment.h).
// Output: modes.csv, mode_curves.csv, spectra.csv, early_stopping.csv, summary.json.
#include "scenarios/cli/scenario_main.h"
#include "scenarios/ld/config.h"

namespace {

using memgen::scenarios::DeepLinearOptions;

memgen::scenarios::ScenarioOutput Run(const DeepLinearOptions& options, const memgen::scenarios::ScenarioContext& context) {
  const memgen::sim::TrialRunnerOptions runner = context.Runner();
  memgen::scenarios::ScenarioOutput out;
  const auto modes = memgen::scenarios::RunModes(options.modes, context.seed, runner);
  out.claims = memgen::scenarios::BuildModeClaims(options.modes, modes, context.claim_size);
  out.tables.emplace_back("modes", memgen::scenarios::ModeTable(modes));
  out.tables.emplace_back("mode_curves", memgen::scenarios::ModeCurveTable(options.modes, modes));
  std::vector<memgen::scenarios::SpectraResult> cells;
  for (const auto& cell : options.spectra) cells.push_back(memgen::scenarios::RunSpectraCell(cell, context.seed, runner));
  for (auto& claim : memgen::scenarios::BuildSpectraClaims(cells, context.claim_size)) out.claims.push_back(claim);
  out.tables.emplace_back("spectra", memgen::scenarios::SpectraTable(cells));
  out.tables.emplace_back("early_stopping", memgen::scenarios::EarlyStoppingCurveTable(cells));
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  return memgen::scenarios::RunScenario<DeepLinearOptions>(
      argc, argv, memgen::scenarios::RegisteredScenario("Deep linear networks: mode-by-mode learning, signal before noise, early stopping"),
      memgen::scenarios::ReadDeepLinearOptions, memgen::scenarios::DeepLinearMemory, Run);
}
