// scn_spur_figure1: Figure 1 of Bayat et al. (2024) on the reference generator, with XRM, MAT and the
// memorization scores (spurious_memorization.md E1, E5, E6; scenarios/spur/figure1_experiment.h). Output:
// trials.csv (per trial and arm), curves.csv (trial 0, per epoch), sweep.csv (ERM against σ_ε),
// points.csv (trial 0: training points and their memorization scores),
// summary.json.
#include "scenarios/spur/config.h"
#include "scenarios/cli/scenario_main.h"
#include "scenarios/spur/figure1_claims.h"

namespace {

using memgen::scenarios::Figure1Options;

memgen::scenarios::ScenarioOutput Run(const Figure1Options& options, const memgen::scenarios::ScenarioContext& context) {
  memgen::sim::TrialRunnerOptions runner = context.Runner();
  const auto trials = memgen::scenarios::RunFigure1(options, context.seed, runner);
  memgen::scenarios::ScenarioOutput out;
  out.tables.emplace_back("trials", memgen::scenarios::Figure1TrialTable(options, trials));
  out.tables.emplace_back("curves", memgen::scenarios::Figure1CurveTable(trials));
  out.tables.emplace_back("sweep", memgen::scenarios::Figure1SweepTable(options, trials));
  out.tables.emplace_back("points", memgen::scenarios::Figure1PointTable(trials));
  out.claims = memgen::scenarios::BuildFigure1Claims(options, trials, context.claim_size);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  return memgen::scenarios::RunScenario<Figure1Options>(
      argc, argv, memgen::scenarios::RegisteredScenario("Figure 1 of Bayat et al.: ERM memorizes the minority, XRM finds it, MAT recovers it"),
      memgen::scenarios::ReadFigure1Options, memgen::scenarios::Figure1Memory, Run);
}
