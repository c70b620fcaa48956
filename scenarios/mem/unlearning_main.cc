// scn_mem_unlearning: per-instance privacy and unlearning (learning_dynamics.md §9): the exact
// ridge-Langevin model (Gaussian iterates, the Rényi divergence with unequal covariances, unlearning
// means and rate) against Monte Carlo chains (scenarios/mem/langevin_chains_experiment.h), and
// per-instance privacy loss against exact and Monte Carlo unlearning steps by example group
// (scenarios/mem/unlearning_points_experiment.h), and the same on the small logistic model with the
// heuristic per-step score (scenarios/mem/logistic_unlearning_experiment.h).
// Output: unlearning_curve.csv, unlearning_points.csv, unlearning_trials.csv, unlearning_logistic.csv,
// summary.json.
#include "scenarios/cli/scenario_main.h"
#include "scenarios/mem/unlearning_config.h"

namespace {

using memgen::scenarios::UnlearningOptions;
namespace sc = memgen::scenarios;

sc::ScenarioOutput Run(const UnlearningOptions& options, const sc::ScenarioContext& context) {
  const memgen::sim::TrialRunnerOptions runner = context.Runner();
  sc::ScenarioOutput out;
  const auto add = [&out](std::vector<memgen::theory::Claim> claims) {
    for (auto& claim : claims) out.claims.push_back(std::move(claim));
  };
  if (options.chains) {
    const sc::LangevinChainResult r = sc::RunLangevinChains(*options.chains, context.seed, runner);
    add(sc::BuildLangevinChainClaims(r, context.claim_size));
    out.tables.emplace_back("unlearning_curve", sc::UnlearningCurveTable(r));
  }
  if (options.points) {
    const sc::UnlearningPointResult r = sc::RunUnlearningPoints(*options.points, context.seed, runner);
    add(sc::BuildUnlearningPointClaims(r, context.claim_size));
    out.tables.emplace_back("unlearning_points", sc::UnlearningPointTable(r));
    out.tables.emplace_back("unlearning_trials", sc::UnlearningTrialTable(r));
  }
  if (options.logistic) {
    const sc::LogisticUnlearningResult r = sc::RunLogisticUnlearning(*options.logistic, context.seed, runner);
    add(sc::BuildLogisticUnlearningClaims(r, context.claim_size));
    out.tables.emplace_back("unlearning_logistic", sc::LogisticProbeTable(r));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  return sc::RunScenario<UnlearningOptions>(
      argc, argv, sc::RegisteredScenario("per-instance privacy and unlearning: the exact ridge-Langevin model against chains, privacy loss ranks unlearning steps"),
      sc::ReadUnlearningOptions, sc::UnlearningMemory, Run);
}
