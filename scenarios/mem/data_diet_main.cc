// scn_mem_data_diet: EL2N and GraNd scores and the data diet (learning_dynamics.md §6): noisy labels
// score highest, pruning the easiest plus an offset of the hardest beats keeping the hardest, EL2N
// pruning without noise, and the exact zero-initialisation identities (scenarios/mem/data_diet_experiment.h).
// With an [mlp] table the same scores and pruning on a small ReLU MLP (scenarios/mem/data_diet_mlp_experiment.h).
// Output: diet_trials.csv, diet_scores.csv, diet_pruning.csv, diet_mlp_trials.csv, summary.json.
#include "scenarios/cli/scenario_main.h"
#include "scenarios/mem/data_diet_config.h"

namespace {

using memgen::scenarios::DataDietOptions;
namespace sc = memgen::scenarios;

sc::ScenarioOutput Run(const DataDietOptions& options, const sc::ScenarioContext& context) {
  const sc::DataDietResult r = sc::RunDataDiet(options, context.seed, context.Runner());
  sc::ScenarioOutput out;
  out.claims = sc::BuildDataDietClaims(r, context.claim_size);
  out.tables.emplace_back("diet_trials", sc::DataDietTrialTable(r));
  out.tables.emplace_back("diet_scores", sc::DataDietScoreTable(r));
  out.tables.emplace_back("diet_pruning", sc::DataDietPruningTable(r));
  if (options.mlp) {
    const sc::MlpDietResult m = sc::RunMlpDiet(options, *options.mlp, context.seed, context.Runner());
    for (auto& claim : sc::BuildMlpDietClaims(options, m, context.claim_size)) out.claims.push_back(std::move(claim));
    out.tables.emplace_back("diet_mlp_trials", sc::MlpDietTrialTable(m));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  return sc::RunScenario<DataDietOptions>(
      argc, argv, sc::RegisteredScenario("the data diet: EL2N and GraNd find noisy labels, offset pruning, the zero-initialisation identities"),
      sc::ReadDataDietOptions, sc::DataDietMemory, Run);
}
