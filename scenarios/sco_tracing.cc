// scn_sco_tracing: memorisation as traceability in stochastic convex optimisation (Attias,
// Dziugaite, Haghifam, Livni, Roy, ICML 2024; Voitovych et al. 2025). For each accuracy ε, the CLB
// hard instance (linear loss on the unit ball, coins with s-beta(1/(8ε²)) biases, d ≳ ε²n² ln(n/ξ)):
// learners, a µ-aware tracer with Hoeffding thresholds, the Fano CMI lower bound, the fingerprinting
// identity, the counting lemma and the DP cap; plus strongly convex cells (SCO-E0 to E3, E5; see
// theory/sco_claims.h). Output: cells.csv, thresholds.csv, summary.json.
#include "scenarios/sco_config.h"
#include "sim/cli/scenario_main.h"
#include "theory/sco_claims.h"

namespace {

using Cells = std::vector<memgen::theory::ScoCellOptions>;

memgen::sim::ScenarioOutput Run(const Cells& cells, const memgen::sim::ScenarioContext& context) {
  memgen::sim::TrialRunnerOptions runner;
  runner.threads = context.threads;
  runner.block_size = 16;
  std::vector<memgen::theory::ScoCellResult> results;
  memgen::sim::ScenarioOutput out;
  for (const auto& cell : cells) {
    results.push_back(memgen::theory::SummarizeScoCell(cell, memgen::theory::RunScoCell(cell, context.seed, runner)));
    for (auto& claim : memgen::theory::BuildScoCellClaims(results.back())) out.claims.push_back(std::move(claim));
  }
  for (auto& claim : memgen::theory::BuildScoScalingClaims(results)) out.claims.push_back(std::move(claim));
  out.tables.emplace_back("cells", memgen::theory::ScoCellTable(results));
  out.tables.emplace_back("thresholds", memgen::theory::ScoGridTable(results));
  return out;
}

std::size_t Memory(const Cells& cells, int threads) {
  std::size_t worst = 0;
  for (const auto& c : cells) worst = std::max(worst, memgen::theory::ScoCellMemoryBytes(c, threads));
  return worst;
}

}  // namespace

int main(int argc, char** argv) {
  return memgen::sim::RunScenario<Cells>(
      argc, argv, {"sco_tracing", "SCO memorisation: tracing, CMI and DP caps on the CLB/CSL hard instances"},
      memgen::scenarios::ReadScoCells, Memory, Run);
}
