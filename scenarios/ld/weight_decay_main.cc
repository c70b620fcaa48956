// scn_ld_weight_decay: weight decay makes the general solution cheaper, so it arrives sooner: the
// Omnigrok teacher–student time-to-generalize law t95_test ∝ 1/γ (learning_dynamics.md §2.6, G4;
// scenarios/ld/weight_decay_experiment.h). Output: weight_decay_runs.csv, weight_decay_curves.csv,
// summary.json.
#include "scenarios/cli/scenario_main.h"
#include "scenarios/ld/weight_decay_config.h"

namespace {

using memgen::scenarios::WeightDecayOptions;

memgen::scenarios::ScenarioOutput Run(const WeightDecayOptions& options, const memgen::scenarios::ScenarioContext& context) {
  const memgen::scenarios::WeightDecayResult result = memgen::scenarios::RunWeightDecayCell(options.cell, context.seed, context.Runner());
  memgen::scenarios::ScenarioOutput out;
  out.claims = memgen::scenarios::BuildWeightDecayClaims(result, context.claim_size);
  out.tables.emplace_back("weight_decay_runs", memgen::scenarios::WeightDecayRunTable(result));
  out.tables.emplace_back("weight_decay_curves", memgen::scenarios::WeightDecayCurveTable(result));
  out.extra["precision"] = "float64 (the Omnigrok notebook computes in float32)";
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  return memgen::scenarios::RunScenario<WeightDecayOptions>(
      argc, argv, memgen::scenarios::RegisteredScenario("Weight decay and the time to generalize: the Omnigrok teacher-student law"),
      memgen::scenarios::ReadWeightDecayOptions, memgen::scenarios::WeightDecayMemory, Run);
}
