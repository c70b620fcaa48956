// scn_ld_memorization: what a learner memorizes a priori and by construction (learning_dynamics.md
// §4 (e), §5): the count of a random perceptron is uniform (scenarios/ld/perceptron_experiment.h), and
// the 1-nearest neighbour, a pure memorizer, sits where Cover and Hart put it
// (scenarios/ld/nearest_neighbour_experiment.h). Output: perceptron_counts.csv, perceptron_tests.csv,
// nn_constant_eta.csv, nn_smooth.csv, nn_memorizer.csv, summary.json.
#include "scenarios/cli/scenario_main.h"
#include "scenarios/ld/memorization_config.h"

namespace {

using memgen::scenarios::MemorizationOptions;
namespace sc = memgen::scenarios;

sc::ScenarioOutput Run(const MemorizationOptions& options, const sc::ScenarioContext& context) {
  const memgen::sim::TrialRunnerOptions runner = context.Runner();
  sc::ScenarioOutput out;
  const auto add = [&out](std::vector<memgen::theory::Claim> claims) {
    for (auto& claim : claims) out.claims.push_back(std::move(claim));
  };
  if (options.perceptron) {
    const sc::PerceptronResult r = sc::RunPerceptron(*options.perceptron, context.seed, runner);
    add(sc::BuildPerceptronClaims(r, context.claim_size));
    out.tables.emplace_back("perceptron_counts", sc::PerceptronCountTable(r));
    out.tables.emplace_back("perceptron_tests", sc::PerceptronTestTable(r));
    out.extra["perceptron_controls"] = nlohmann::json::array();
    for (const auto& arm : r.arms)
      if (arm.control)
        out.extra["perceptron_controls"].push_back({{"law", sc::WeightLawName(arm.law)}, {"n", arm.inputs}, {"chi2", arm.chi_square.statistic},
                                                    {"df", arm.chi_square.degrees_of_freedom}, {"p_value", arm.chi_square.p_value},
                                                    {"outside", arm.chi_square.outside}, {"mean_t", arm.mean.mean}});
  }
  if (options.constant_eta) {
    const auto cells = sc::RunConstantEta(*options.constant_eta, context.seed, runner);
    add(sc::BuildConstantEtaClaims(*options.constant_eta, cells, context.claim_size));
    out.tables.emplace_back("nn_constant_eta", sc::ConstantEtaTable(*options.constant_eta, cells));
  }
  if (options.smooth) {
    const sc::SmoothResult r = sc::RunSmooth(*options.smooth, context.seed, runner);
    add(sc::BuildSmoothClaims(r, context.claim_size));
    out.tables.emplace_back("nn_smooth", sc::SmoothTable(r));
  }
  if (options.memorizer) {
    const sc::MemorizerResult r = sc::RunMemorizer(*options.memorizer, context.seed, runner);
    add(sc::BuildMemorizerClaims(r, context.claim_size));
    out.tables.emplace_back("nn_memorizer", sc::MemorizerTable(r));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  return sc::RunScenario<MemorizationOptions>(
      argc, argv, sc::RegisteredScenario("Memorization a priori and by construction: the random perceptron's uniform count, 1-NN and Cover-Hart"),
      sc::ReadMemorizationOptions, sc::MemorizationMemory, Run);
}
