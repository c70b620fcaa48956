// Tests for sim/learn/wishart_tail.h: the Bartlett shortcut against the full simulation.
#include <catch2/catch.hpp>

#include <cmath>

#include "sim/learn/risk_cell.h"
#include "sim/learn/wishart_tail.h"

using namespace memgen::sim;

TEST_CASE("E W = nu I for the Bartlett Wishart sampler", "[unit][stat]") {
  const std::int64_t n = 6, nu = 40, draws = 4000;
  Eigen::MatrixXd sum = Eigen::MatrixXd::Zero(n, n), sum2 = Eigen::MatrixXd::Zero(n, n);
  for (std::int64_t t = 0; t < draws; ++t) {
    Rng rng({5, 5, static_cast<std::uint64_t>(t), 0});
    const Eigen::MatrixXd w = DrawWishartIdentity(n, nu, rng);
    sum += w;
    sum2 += w.cwiseProduct(w);
  }
  // Var W_ii = 2 nu, Var W_ij = nu: z = 5 per entry, 21 entries: false failure < 1.2e-5.
  for (int i = 0; i < n; ++i)
    for (int j = 0; j <= i; ++j) {
      const double mean = sum(i, j) / draws;
      const double var = sum2(i, j) / draws - mean * mean;
      CHECK(std::fabs(mean - (i == j ? nu : 0.0)) <= 5.0 * std::sqrt(var / draws));
    }
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
