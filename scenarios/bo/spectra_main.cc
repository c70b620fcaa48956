// scn_bo_spectra: benign overfitting across covariance spectra (BLLT 2020; Tsigler-Bartlett 2023;
// deterministic equivalents). Each [[curve]] of the config is a spectrum family evaluated along a
// grid of n: exact per-draw bias and variance by Monte Carlo over designs, the deterministic
// equivalent, and the BLLT/TB proxies; its `checks` select the claims (BO-E1 to BO-E5, see
// scenarios/bo/spectra_claims.h). Output: curves.csv, ranks.csv, summary.json.
#include "scenarios/bo/config.h"
#include "scenarios/cli/scenario_main.h"
#include "scenarios/bo/spectra_claims.h"

namespace {

using memgen::scenarios::CurveOptions;
using Curves = std::vector<CurveOptions>;

memgen::scenarios::ScenarioOutput Run(const Curves& curves, const memgen::scenarios::ScenarioContext& context) {
  memgen::sim::TrialRunnerOptions runner = context.Runner();
  std::vector<memgen::scenarios::CurveResult> results;
  memgen::scenarios::ScenarioOutput out;
  for (const CurveOptions& curve : curves) {
    results.push_back(memgen::scenarios::EvaluateCurve(curve, context.seed, runner));
    for (auto& claim : memgen::scenarios::BuildCurveClaims(results.back(), context.claim_size)) out.claims.push_back(std::move(claim));
  }
  for (auto& claim : memgen::scenarios::BuildPooledClaims(results, context.claim_size)) out.claims.push_back(std::move(claim));
  out.tables.emplace_back("curves", memgen::scenarios::CurveTable(results));
  out.tables.emplace_back("ranks", memgen::scenarios::RankTable(results));
  return out;
}

memgen::sim::MemoryEstimate Memory(const Curves& curves, int threads) {
  memgen::sim::MemoryEstimate memory;
  for (std::size_t i = 0; i < curves.size(); ++i)
    memgen::scenarios::AddCurveMemory(curves[i], threads, "curve[" + std::to_string(i) + "]", &memory);
  return memory;
}

}  // namespace

int main(int argc, char** argv) {
  return memgen::scenarios::RunScenario<Curves>(
      argc, argv, memgen::scenarios::RegisteredScenario("Benign overfitting across spectra: MC exact risk vs DE and BLLT/TB proxies"),
      memgen::scenarios::ReadCurves, Memory, Run);
}
