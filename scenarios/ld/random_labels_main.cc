// scn_ld_random_labels: a network fits random labels as it fits true ones, only later, and then
// predicts at chance (Zhang et al. 2017; learning_dynamics.md §4 (a)–(c);
// scenarios/ld/random_labels_experiment.h). Output: random_label_runs.csv, random_label_curves.csv,
// summary.json.
#include "scenarios/cli/scenario_main.h"
#include "scenarios/ld/random_labels_config.h"

namespace {

using memgen::scenarios::RandomLabelOptions;

memgen::scenarios::ScenarioOutput Run(const RandomLabelOptions& options, const memgen::scenarios::ScenarioContext& context) {
  const memgen::scenarios::RandomLabelResult result = memgen::scenarios::RunRandomLabelCell(options.cell, context.seed, context.Runner());
  memgen::scenarios::ScenarioOutput out;
  out.claims = memgen::scenarios::BuildRandomLabelClaims(result, context.claim_size);
  out.tables.emplace_back("random_label_runs", memgen::scenarios::RandomLabelRunTable(result));
  out.tables.emplace_back("random_label_curves", memgen::scenarios::RandomLabelCurveTable(result));
  out.extra["precision"] = "float64 (pluskid/fitting-random-labels computes in float32)";
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  return memgen::scenarios::RunScenario<RandomLabelOptions>(
      argc, argv, memgen::scenarios::RegisteredScenario("Random labels: fitting them takes longer, and predicts at chance"),
      memgen::scenarios::ReadRandomLabelOptions, memgen::scenarios::RandomLabelMemory, Run);
}
