// scn_bo_isotropic: min-norm interpolation with Σ = I (BO-E0, BO-E4(c)): Monte Carlo over Gaussian
// designs against the exact finite-n risk, the double-descent curve, and the r₀/n condition with
// the Wishart shortcut (scenarios/bo/isotropic_experiment.h). Output: cells.csv, summary.json.
#include "scenarios/bo/config.h"
#include "scenarios/cli/scenario_main.h"

namespace {

using memgen::scenarios::IsotropicOptions;

memgen::scenarios::ScenarioOutput Run(const IsotropicOptions& options, const memgen::scenarios::ScenarioContext& context) {
  memgen::sim::TrialRunnerOptions runner = context.Runner();
  IsotropicOptions sized = options;
  sized.size = context.claim_size;
  memgen::scenarios::IsotropicResult result = memgen::scenarios::RunIsotropic(sized, context.seed, runner);
  memgen::scenarios::ScenarioOutput out;
  out.tables.emplace_back("cells", std::move(result.cells));
  out.tables.emplace_back("double_descent_exact", std::move(result.exact_curve));
  out.claims = std::move(result.claims);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  return memgen::scenarios::RunScenario<IsotropicOptions>(
      argc, argv, memgen::scenarios::RegisteredScenario("Min-norm interpolation with isotropic designs against exact finite-n oracles"),
      memgen::scenarios::ReadIsotropicOptions, memgen::scenarios::IsotropicMemory, Run);
}
