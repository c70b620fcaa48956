// scn_spur_regression: the good/bad/ugly memorization regression of Bayat et al. (2024, Fig. 3;
// spurious_memorization.md §8, E7; scenarios/spur/regression_experiment.h). A tanh MLP fitted to MSE < 1e-6 on 20
// noisy samples of f(x*) = tanh(x*) + 0.5 tanh(−5x*) with inputs [x*, σ_ε ε], for σ_ε ∈ {1e-4 (good),
// 1e-3 (bad), 0 (ugly)}, seed-paired over T trials. Output: runs.csv (per trial and level: steps,
// MSE, sup and L2 error of g([x*, 0]) against f on |x*| ≤ 1.2), curves.csv (trial 0: x, f, g per
// level), train.csv (trial 0: training x, y, g([x*, ε]) per level), summary.json.
#include "scenarios/spur/regression_config.h"
#include "scenarios/cli/scenario_main.h"
#include "scenarios/spur/regression_experiment.h"

namespace {

using memgen::scenarios::RegressionOptions;

memgen::scenarios::ScenarioOutput Run(const RegressionOptions& options, const memgen::scenarios::ScenarioContext& context) {
  memgen::sim::TrialRunnerOptions runner = context.Runner();
  const auto trials = memgen::scenarios::RunRegression(options, context.seed, runner);
  memgen::scenarios::ScenarioOutput out;
  out.tables.emplace_back("runs", memgen::scenarios::RegressionRunTable(options, trials));
  out.tables.emplace_back("curves", memgen::scenarios::RegressionCurveTable(options, trials));
  out.tables.emplace_back("train", memgen::scenarios::RegressionTrainTable(options, trials));
  out.claims = memgen::scenarios::BuildRegressionClaims(options, trials, context.claim_size);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  return memgen::scenarios::RunScenario<RegressionOptions>(
      argc, argv,
      memgen::scenarios::RegisteredScenario("Figure 3 of Bayat et al.: good (small eps), bad (large eps) and ugly (no eps) memorization"),
      memgen::scenarios::ReadRegressionOptions, memgen::scenarios::RegressionMemory, Run);
}
