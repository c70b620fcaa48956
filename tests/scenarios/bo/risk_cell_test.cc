// Tests for scenarios/bo/risk_cell.h: the Monte Carlo cell over design draws against the isotropic
// oracles, and the Wishart shortcut against the full simulation.
#include <catch2/catch.hpp>

#include <cmath>

#include "scenarios/bo/risk_cell.h"
#include "support/tolerances.h"

using namespace memgen::sim;
using namespace memgen::theory;
using namespace memgen::scenarios;

TEST_CASE("Monte Carlo matches the isotropic oracles E V = n/(d-n-1), E B = 1 - n/d", "[unit][stat]") {
  // z = 5 on each of 4 checks: false-failure rate < 2.3e-6.
  SpectrumOptions so;
  so.kind = SpectrumKind::kIsotropic;
  so.d = 60;
  const Spectrum s = MakeSpectrum(so);
  RiskCellOptions o;
  o.risk.gram.n = 20;
  o.trials = 4000;
  o.master_seed = 77;
  o.stream_name = "test/isotropic";
  o.runner.threads = 2;
  o.risk.noise_draw = true;
  const RiskCellResult r = RunRiskCell(s, {1.0}, o);
  CHECK(std::fabs(r.variance.mean - 20.0 / 39.0) <= memgen::test::kZ * r.variance.se);
  CHECK(std::fabs(r.bias.mean - (1.0 - 20.0 / 60.0)) <= memgen::test::kZ * r.bias.se);
  CHECK(std::fabs(r.noise_gap.mean) <= memgen::test::kZ * r.noise_gap.se);  // E_ε R = B + V
  // Underparameterised least squares (d < n): E V = d/(n - d - 1), B = 0.
  so.d = 10;
  const RiskCellResult under = RunRiskCell(MakeSpectrum(so), {1.0}, o);
  CHECK(std::fabs(under.variance.mean - 10.0 / 9.0) <= memgen::test::kZ * under.variance.se);
  CHECK(under.bias.mean == 0.0);
}

TEST_CASE("the Wishart shortcut matches the full simulation (two-sample z <= 5)", "[unit][stat]") {
  SpectrumOptions so;
  so.kind = SpectrumKind::kExpFloor;
  so.tau = 1.0;
  so.eps = 0.02;
  so.d = 3000;
  const Spectrum s = MakeSpectrum(so);
  RiskCellOptions o;
  o.risk.gram.n = 40;
  o.trials = 1500;
  o.master_seed = 11;
  o.runner.threads = 2;
  o.stream_name = "test/full";
  const RiskCellResult full = RunRiskCell(s, {1.0, 0.5}, o);
  o.risk.wishart_tail = true;
  o.stream_name = "test/wishart";
  const RiskCellResult trick = RunRiskCell(s, {1.0, 0.5}, o);
  for (auto [a, b] : {std::pair{full.bias, trick.bias}, std::pair{full.variance, trick.variance}}) {
    const double z = std::fabs(a.mean - b.mean) / std::sqrt(a.se * a.se + b.se * b.se);
    CHECK(z <= 5.0);
  }
}
