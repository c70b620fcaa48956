// scn_spur_figure1: Figure 1 of Bayat et al. (2024) on the reference generator, with XRM, MAT and the
// memorisation scores (spurious_memorization.md E1, E5, E6; theory/spur_figure1.h). Output:
// trials.csv (per trial and arm), curves.csv (trial 0, per epoch), sweep.csv (ERM against σ_ε),
// points.csv (trial 0: training points and their memorisation scores),
// summary.json.
#include "scenarios/spur_config.h"
#include "sim/cli/scenario_main.h"
#include "theory/spur_figure1_claims.h"

namespace {

using memgen::theory::Figure1Options;

memgen::sim::ScenarioOutput Run(const Figure1Options& options, const memgen::sim::ScenarioContext& context) {
  memgen::sim::TrialRunnerOptions runner;
  runner.threads = context.threads;
  const auto trials = memgen::theory::RunFigure1(options, context.seed, runner);
  memgen::sim::ScenarioOutput out;
  out.tables.emplace_back("trials", memgen::theory::Figure1TrialTable(options, trials));
  out.tables.emplace_back("curves", memgen::theory::Figure1CurveTable(trials));
  out.tables.emplace_back("sweep", memgen::theory::Figure1SweepTable(options, trials));
  out.tables.emplace_back("points", memgen::theory::Figure1PointTable(trials));
  out.claims = memgen::theory::BuildFigure1Claims(options, trials);
  return out;
}

std::size_t Memory(const Figure1Options& o, int threads) {
  return static_cast<std::size_t>(threads) * memgen::theory::Figure1MemoryBytesPerThread(o);
}

}  // namespace

int main(int argc, char** argv) {
  return memgen::sim::RunScenario<Figure1Options>(
      argc, argv, {"spur_figure1", "Figure 1 of Bayat et al.: ERM memorises the minority, XRM finds it, MAT recovers it"},
      memgen::scenarios::ReadFigure1Options, Memory, Run);
}
