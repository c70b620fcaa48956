// scn_mem_long_tail: Feldman memorization and the long tail (learning_dynamics.md §7): the τ identity
// and the cost of not memorizing on the discrete long-tail model, the spec's Zipf figures computed, and
// the subsampled memorization estimator on 1-NN refits with its identities
// (scenarios/mem/long_tail_experiment.h). Output: discrete_trials.csv, estimator_levels.csv, summary.json.
#include "scenarios/cli/scenario_main.h"
#include "scenarios/mem/long_tail_config.h"

namespace {

using memgen::scenarios::LongTailOptions;
namespace sc = memgen::scenarios;

sc::ScenarioOutput Run(const LongTailOptions& options, const sc::ScenarioContext& context) {
  const memgen::sim::TrialRunnerOptions runner = context.Runner();
  sc::ScenarioOutput out;
  const auto add = [&out](std::vector<memgen::theory::Claim> claims) {
    for (auto& claim : claims) out.claims.push_back(std::move(claim));
  };
  add(sc::BuildZipfFigureClaims());
  if (options.discrete) {
    const sc::DiscreteTailResult r = sc::RunDiscreteTail(*options.discrete, context.seed, runner);
    add(sc::BuildDiscreteTailClaims(r, context.claim_size));
    out.tables.emplace_back("discrete_trials", sc::DiscreteTailTable(r));
  }
  if (options.estimator) {
    const sc::EstimatorResult r = sc::RunEstimator(*options.estimator, context.seed, runner);
    add(sc::BuildEstimatorClaims(r, context.claim_size));
    out.tables.emplace_back("estimator_levels", sc::EstimatorLevelTable(r));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  return sc::RunScenario<LongTailOptions>(
      argc, argv, sc::RegisteredScenario("Feldman memorization and the long tail: the tau identity, the cost of not memorizing, the subsampled estimator"),
      sc::ReadLongTailOptions, sc::LongTailMemory, Run);
}
