// scn_bo_spectra: benign overfitting across covariance spectra (BLLT 2020; Tsigler-Bartlett 2023;
// deterministic equivalents). Each [[curve]] of the config is a spectrum family evaluated along a
// grid of n: exact per-draw bias and variance by Monte Carlo over designs, the deterministic
// equivalent, and the BLLT/TB proxies; its `checks` select the claims (BO-E1 to BO-E5, see
// theory/bo_claims.h). Output: curves.csv, ranks.csv, summary.json.
#include "scenarios/bo_config.h"
#include "sim/cli/scenario_main.h"
#include "theory/bo_claims.h"

namespace {

using memgen::theory::CurveOptions;
using Curves = std::vector<CurveOptions>;

memgen::sim::ScenarioOutput Run(const Curves& curves, const memgen::sim::ScenarioContext& context) {
  memgen::sim::TrialRunnerOptions runner;
  runner.threads = context.threads;
  std::vector<memgen::theory::CurveResult> results;
  memgen::sim::ScenarioOutput out;
  for (const CurveOptions& curve : curves) {
    results.push_back(memgen::theory::EvaluateCurve(curve, context.seed, runner));
    for (auto& claim : memgen::theory::BuildCurveClaims(results.back())) out.claims.push_back(std::move(claim));
  }
  for (auto& claim : memgen::theory::BuildPooledClaims(results)) out.claims.push_back(std::move(claim));
  out.tables.emplace_back("curves", memgen::theory::CurveTable(results));
  out.tables.emplace_back("ranks", memgen::theory::RankTable(results));
  return out;
}

std::size_t Memory(const Curves& curves, int threads) {
  std::size_t worst = 0;
  for (const CurveOptions& c : curves) worst = std::max(worst, memgen::theory::CurveMemoryBytes(c, threads));
  return worst;
}

}  // namespace

int main(int argc, char** argv) {
  return memgen::sim::RunScenario<Curves>(
      argc, argv, {"bo_spectra", "Benign overfitting across spectra: MC exact risk vs DE and BLLT/TB proxies"},
      memgen::scenarios::ReadCurves, Memory, Run);
}
