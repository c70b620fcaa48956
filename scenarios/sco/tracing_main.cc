// scn_sco_tracing: memorization as traceability in stochastic convex optimization (Attias,
// Dziugaite, Haghifam, Livni, Roy, ICML 2024; Voitovych et al. 2025). For each accuracy ε, the CLB
// hard instance (linear loss on the unit ball, coins with s-beta(1/(8ε²)) biases, d ≳ ε²n² ln(n/ξ)):
// learners, a µ-aware tracer with Hoeffding thresholds, the Fano CMI lower bound, the fingerprinting
// identity, the counting lemma and the DP cap; plus strongly convex cells (SCO-E0 to E3, E5; see
// scenarios/sco/tracing_claims.h); and the ℓ₂-cube phase transition of Voitovych et al. (scenarios/sco/cube_experiment.h).
// Output: cells.csv, thresholds.csv, dp_cap.csv, cube.csv, summary.json.
#include "scenarios/sco/config.h"
#include "scenarios/cli/scenario_main.h"
#include "scenarios/sco/tracing_claims.h"
#include "scenarios/sco/projection_claims.h"

namespace {

using Options = memgen::scenarios::ScoScenarioOptions;

memgen::scenarios::ScenarioOutput Run(const Options& options, const memgen::scenarios::ScenarioContext& context) {
  memgen::sim::TrialRunnerOptions runner = context.Runner();
  runner.block_size = 16;
  std::vector<memgen::scenarios::ScoCellResult> results;
  memgen::scenarios::ScenarioOutput out;
  for (const auto& cell : options.cells) {
    results.push_back(memgen::scenarios::SummarizeScoCell(cell, memgen::scenarios::RunScoCell(cell, context.seed, runner)));
    for (auto& claim : memgen::scenarios::BuildScoCellClaims(results.back(), context.claim_size)) out.claims.push_back(std::move(claim));
    for (auto& claim : memgen::scenarios::BuildScoProjectionClaims(results.back(), context.claim_size)) out.claims.push_back(std::move(claim));
  }
  for (auto& claim : memgen::scenarios::BuildScoScalingClaims(results, context.claim_size)) out.claims.push_back(std::move(claim));
  out.tables.emplace_back("cells", memgen::scenarios::ScoCellTable(results));
  out.tables.emplace_back("thresholds", memgen::scenarios::ScoGridTable(results));
  out.tables.emplace_back("dp_cap", memgen::scenarios::ScoDpCapTable(results));
  std::vector<memgen::scenarios::CubeCellResult> cubes;
  for (const auto& cube : options.cubes) {
    cubes.push_back(memgen::scenarios::RunCubeCell(cube, context.seed, runner));
    for (auto& claim : memgen::scenarios::BuildCubeClaims(cubes.back(), context.claim_size)) out.claims.push_back(std::move(claim));
  }
  for (auto& claim : memgen::scenarios::BuildCubeGridClaims(cubes, context.claim_size)) out.claims.push_back(std::move(claim));
  if (!cubes.empty()) out.tables.emplace_back("cube", memgen::scenarios::CubeTable(cubes));
  if (options.fingerprint) {
    memgen::scenarios::FingerprintMcResult f =
        memgen::scenarios::RunFingerprintMc(options.fingerprint_options, context.seed, runner, context.claim_size);
    for (auto& claim : f.claims) out.claims.push_back(std::move(claim));
    out.tables.emplace_back("fingerprint", std::move(f.table));
  }
  return out;
}

memgen::sim::MemoryEstimate Memory(const Options& options, int threads) {
  memgen::sim::MemoryEstimate memory;
  for (const auto& c : options.cells) memgen::scenarios::AddScoCellMemory(c, threads, &memory);
  for (const auto& c : options.cubes) memgen::scenarios::AddCubeCellMemory(c, threads, &memory);
  if (options.fingerprint) memgen::scenarios::AddFingerprintMemory(options.fingerprint_options, &memory);
  return memory;
}

}  // namespace

int main(int argc, char** argv) {
  return memgen::scenarios::RunScenario<Options>(
      argc, argv, memgen::scenarios::RegisteredScenario("SCO memorization: tracing, CMI and DP caps on the CLB/CSL hard instances"),
      memgen::scenarios::ReadScoScenario, Memory, Run);
}
