// scn_mem_lira: membership inference (learning_dynamics.md §8): the one-sided test on known Gaussian
// scores against its closed form, LiRA online, offline and global on ridge shadow models ordered by
// TPR at low FPR, vulnerability of outliers and mislabeled points and its link to memorization, and
// the privacy onion (scenarios/mem/lira_experiment.h), and DP learners under the cap e^eps FPR + delta
// (scenarios/mem/dp_cap_experiment.h), and LiRA against the SCO tracer on its hard instance
// (scenarios/mem/sco_bridge_experiment.h).
// Output: lira_roc.csv, lira_points.csv, lira_trials.csv, lira_dp_curves.csv, lira_sco.csv, summary.json.
#include "scenarios/cli/scenario_main.h"
#include "scenarios/mem/lira_config.h"

namespace {

using memgen::scenarios::LiraOptions;
namespace sc = memgen::scenarios;

sc::ScenarioOutput Run(const LiraOptions& options, const sc::ScenarioContext& context) {
  const memgen::sim::TrialRunnerOptions runner = context.Runner();
  sc::ScenarioOutput out;
  const auto add = [&out](std::vector<memgen::theory::Claim> claims) {
    for (auto& claim : claims) out.claims.push_back(std::move(claim));
  };
  if (options.gaussian) add(sc::BuildGaussianTestClaims(sc::RunGaussianTest(*options.gaussian, context.seed, runner), context.claim_size));
  if (options.shadows) {
    const sc::ShadowResult r = sc::RunShadows(*options.shadows, context.seed, runner);
    add(sc::BuildShadowClaims(r, context.claim_size));
    out.tables.emplace_back("lira_roc", sc::RocTable(r));
    out.tables.emplace_back("lira_points", sc::VulnerabilityTable(r));
    out.tables.emplace_back("lira_trials", sc::ShadowTrialTable(r));
  }
  if (options.dp) {
    const sc::DpCapResult r = sc::RunDpCap(*options.dp, context.seed, runner);
    add(sc::BuildDpCapClaims(r, context.claim_size));
    out.tables.emplace_back("lira_dp_curves", sc::DpCurveTable(r));
  }
  if (options.sco) {
    const sc::ScoBridgeResult r = sc::RunScoBridge(*options.sco, context.seed, runner);
    add(sc::BuildScoBridgeClaims(r, context.claim_size));
    out.tables.emplace_back("lira_sco", sc::ScoBridgeTable(r));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  return sc::RunScenario<LiraOptions>(
      argc, argv, sc::RegisteredScenario("membership inference: LiRA online, offline and global on shadow models, vulnerability, the privacy onion"),
      sc::ReadLiraOptions, sc::LiraMemory, Run);
}
