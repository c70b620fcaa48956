// The isotropic experiment, see isotropic_experiment.h.
#include "scenarios/bo/isotropic_experiment.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "sim/core/config_error.h"
#include "sim/core/derived_size.h"
#include "scenarios/bo/risk_cell.h"
#include "theory/bo/isotropic_oracle.h"
#include "theory/verdict/family_rules.h"
#include "theory/verdict/verdict_rules.h"

namespace memgen::scenarios {
namespace {

// The oracle cell's d = round(ratio · n), checked before the conversion.
std::int64_t OracleDimension(double ratio, std::int64_t n) {
  return DerivedSize(ratio * static_cast<double>(n), Rounding::kNearest,
                     "oracle.d_over_n(" + FormatValue(ratio) + ", n = " + std::to_string(n) + ")", "d_over_n n");
}

// The R0 cell's d = round(n^1.5).
std::int64_t R0Dimension(std::int64_t n) {
  return DerivedSize(std::pow(static_cast<double>(n), 1.5), Rounding::kNearest,
                     "r0_condition.n(" + std::to_string(n) + ").d", "n^1.5");
}

const char* kOracleSource = "Wishart moments: E (XX')^-1 = I/(d-n-1); P uniform projection (spec §6.1)";

struct CellSpec {
  std::string group;
  std::int64_t n, d, trials;
  sim::DesignKind design = sim::DesignKind::kGaussian;
  bool wishart = false;
  bool noise_draw = false;
};

scenarios::RiskCellResult RunCell(const CellSpec& cell, const IsotropicOptions& o, std::uint64_t seed,
                            const sim::TrialRunnerOptions& runner, const sim::ExactRiskOptions* risk_override) {
  theory::SpectrumOptions so;
  so.kind = theory::SpectrumKind::kIsotropic;
  so.d = cell.d;
  scenarios::RiskCellOptions c;
  if (risk_override) c.risk = *risk_override;
  else c.risk.sigma2 = o.sigma2;
  c.risk.gram.n = cell.n;
  c.risk.gram.design = cell.design;
  c.risk.wishart_tail = cell.wishart;
  c.risk.noise_draw = cell.noise_draw;
  c.trials = cell.trials;
  c.master_seed = seed;
  c.stream_name = "bo/isotropic/" + cell.group + "/" + sim::DesignKindToString(cell.design) + "/n" +
                  std::to_string(cell.n) + "/d" + std::to_string(cell.d) + (cell.wishart ? "/wishart" : "");
  c.runner = runner;
  c.runner.label = cell.group + " n=" + std::to_string(cell.n) + " d=" + std::to_string(cell.d);
  return scenarios::RunRiskCell(theory::MakeSpectrum(so), {o.theta_norm}, c);
}

void AddRow(sim::CsvTable* t, const CellSpec& cell, const scenarios::RiskCellResult& r, const IsotropicOptions& o) {
  t->Add(cell.group).Add(sim::DesignKindToString(cell.design)).Add(cell.wishart ? "wishart" : "streaming");
  t->Add(cell.n).Add(cell.d).Add(cell.trials);
  t->Add(r.bias.mean).Add(r.bias.se).Add(r.variance.mean).Add(r.variance.se).Add(r.total.mean).Add(r.total.se);
  t->Add(theory::IsotropicExpectedBias(cell.n, cell.d, o.theta_norm * o.theta_norm));
  t->Add(theory::IsotropicExpectedVariance(cell.n, cell.d, o.sigma2));
  t->Add(r.noise_gap.mean).Add(r.noise_gap.se).Add(r.ill_conditioned);
  t->EndRow();
}

std::string At(std::int64_t n, std::int64_t d) { return ".n" + std::to_string(n) + ".d" + std::to_string(d); }

// Claims on a cell with dropped (ill-conditioned) draws would rest on a biased sample: a precondition.
theory::ClaimHeader Guarded(theory::ClaimHeader header, const scenarios::RiskCellResult& r) {
  header.Require(r.ill_conditioned == 0, std::to_string(r.ill_conditioned) + " near-singular Gram draws were dropped");
  return header;
}

// The effect BO-E0 and BO-E4(c) are about: a 5% error in a risk term (E V, E B, their sum), the
// smallest discrepancy that would change the shape of the double-descent curve or of the bias decay
// (a claim that holds but could miss it is INCONCLUSIVE). `scale` is the risk term the claim is on.
constexpr double kRelativeEffect = 0.05;
theory::ClaimHeader WithEffect(theory::ClaimHeader header, double scale) {
  header.effect = kRelativeEffect * std::fabs(scale);
  return header;
}

// A comparison of two cells needs both samples whole.
theory::ClaimHeader Guarded(theory::ClaimHeader header, const scenarios::RiskCellResult& a,
                            const scenarios::RiskCellResult& b) {
  return Guarded(Guarded(std::move(header), a), b);
}

}  // namespace

void IsotropicOptions::Validate() const {
  Require(sigma2 > 0.0, "sigma2", sigma2, "must be > 0");
  Require(theta_norm >= 0.0, "theta_norm", theta_norm, "must be >= 0");
  auto increasing = [](const std::vector<std::int64_t>& v, const std::string& field) {
    for (std::size_t i = 1; i < v.size(); ++i) Require(v[i] > v[i - 1], field, v[i], "must be strictly increasing");
  };
  for (auto n : oracle_n) Require(n >= 2 && n <= 100000000, "oracle.n", n, "must be in [2, 1e8]");
  increasing(oracle_n, "oracle.n");
  for (std::size_t i = 0; i < oracle_d_over_n.size(); ++i) {
    Require(i == 0 || oracle_d_over_n[i] > oracle_d_over_n[i - 1], "oracle.d_over_n", oracle_d_over_n[i],
            "must be strictly increasing");
    for (auto n : oracle_n) {
      const std::int64_t d = OracleDimension(oracle_d_over_n[i], n);
      Require(d - n >= 8, "oracle.d_over_n", oracle_d_over_n[i],
              "must give d >= n + 8 at n = " + std::to_string(n) +
                  " (Var V is infinite for d <= n + 3 and its SE unstable below n + 8; spec §6.1)");
    }
  }
  for (auto t : {oracle_trials, dd_trials, r0_trials, wishart_trials, rademacher_trials})
    Require(t >= 2, "trials", t, "every trials count must be >= 2");
  Require(dd_n >= 10, "double_descent.n", dd_n, "must be >= 10");
  for (auto d : dd_d) Require(d >= 1, "double_descent.d", d, "must be >= 1");
  increasing(dd_d, "double_descent.d");
  for (auto n : r0_n) Require(n >= 4 && R0Dimension(n) <= 100000000, "r0_condition.n", n, "must be >= 4 with n^1.5 <= 1e8");
  increasing(r0_n, "r0_condition.n");
  Require(wishart_n >= 2, "wishart_check.n", wishart_n, "must be >= 2");
  Require(wishart_d > 2 * wishart_n, "wishart_check.d", wishart_d, "must exceed 2 n");
  Require(rademacher_n >= 2, "rademacher.n", rademacher_n, "must be >= 2");
  for (auto d : rademacher_d)
    Require(d > rademacher_n + 1, "rademacher.d", d, "must exceed n + 1 (min-norm interpolation needs d > n)");
  increasing(rademacher_d, "rademacher.d");
  const std::int64_t largest_d = std::max({dd_d.empty() ? 0 : dd_d.back(), wishart_d,
                                           rademacher_d.empty() ? 0 : rademacher_d.back()});
  Require(largest_d <= 100000000, "d", largest_d, "explicit designs must have d <= 1e8 (use the Wishart cells beyond)");
}

sim::MemoryEstimate IsotropicMemory(const IsotropicOptions& o, int threads) {
  sim::MemoryEstimate memory;
  // One cell's working set per thread: the Gram state, the d < n primal route or the QR fallback.
  auto cell = [&](const std::string& field, std::int64_t n, std::int64_t d) {
    sim::GramOptions g;
    g.n = n;
    double bytes = sim::GramMemoryBytes(n, 1, g);
    const auto nn = static_cast<double>(n), dd = static_cast<double>(d);
    if (d < n) bytes += (nn * dd + 2 * dd * dd) * sizeof(double);                      // primal least squares
    else bytes += std::min(4 * nn * dd * sizeof(double), static_cast<double>(std::size_t{1} << 31));  // QR fallback
    memory.Working(field, threads * bytes);
  };
  // Every cell's draws are kept until the claims are built.
  auto draws = [&](const std::string& field, std::size_t cells, std::int64_t trials) {
    memory.Retained(field, static_cast<double>(cells) * static_cast<double>(trials) * sizeof(sim::ExactRisk));
  };
  for (auto n : o.oracle_n)
    for (double r : o.oracle_d_over_n) cell("oracle.n", n, OracleDimension(r, n));
  draws("oracle.trials", o.oracle_n.size() * o.oracle_d_over_n.size(), o.oracle_trials);
  for (auto d : o.dd_d) cell("double_descent.d", o.dd_n, d);
  draws("double_descent.trials", o.dd_d.size(), o.dd_trials);
  for (auto n : o.r0_n) cell("r0_condition.n", n, n + 1);  // Wishart: O(n²)
  draws("r0_condition.trials", o.r0_n.size(), o.r0_trials);
  cell("wishart_check.n", o.wishart_n, o.wishart_d);
  draws("wishart_check.trials", 1, o.wishart_trials);
  for (auto d : o.rademacher_d) cell("rademacher.d", o.rademacher_n, d);
  draws("rademacher.trials", o.rademacher_d.size(), o.rademacher_trials);
  return memory;
}

namespace {

// What every cell of one run shares: the options, the seed, the runner and the learner override.
struct CellRunner {
  const IsotropicOptions& o;
  std::uint64_t seed;
  const sim::TrialRunnerOptions& runner;
  const sim::ExactRiskOptions* risk_override;
  // Runs the cell and adds its row to the cells table.
  scenarios::RiskCellResult Run(const CellSpec& cell, IsotropicResult* result) const {
    const scenarios::RiskCellResult r = RunCell(cell, o, seed, runner, risk_override);
    AddRow(&result->cells, cell, r, o);
    return r;
  }
};

// Oracle grid (n × d/n): E V, E B and the noise-draw identity E_ε R = B + V on every cell.
void AddOracleGrid(const CellRunner& cells, IsotropicResult* result) {
  const IsotropicOptions& o = cells.o;
  const double theta2 = o.theta_norm * o.theta_norm;
  for (std::int64_t n : o.oracle_n) {
    for (double ratio : o.oracle_d_over_n) {
      const CellSpec cell{"oracle", n, OracleDimension(ratio, n), o.oracle_trials,
                          sim::DesignKind::kGaussian, false, true};
      const scenarios::RiskCellResult r = cells.Run(cell, result);
      const double variance = theory::IsotropicExpectedVariance(n, cell.d, o.sigma2);
      const double bias = theory::IsotropicExpectedBias(n, cell.d, theta2);
      result->claims.push_back(theory::OracleClaim(
          WithEffect(Guarded({"BO-E0.V" + At(n, cell.d), "E tr((XX')^-1) s2 = s2 n/(d - n - 1)", kOracleSource}, r),
                     variance),
          r.variance, variance, cells.o.size));
      result->claims.push_back(theory::OracleClaim(
          WithEffect(Guarded({"BO-E0.B" + At(n, cell.d), "E |(I - P) th|^2 = |th|^2 (1 - n/d)", kOracleSource}, r), bias),
          r.bias, bias, cells.o.size));
      result->claims.push_back(theory::OracleClaim(
          WithEffect(Guarded({"BO-E0.noise" + At(n, cell.d), "E_eps R = B + V exactly (one noise draw)",
                              "Tsigler-Bartlett (2023) eq. (2)"},
                             r),
                     bias + variance),
          r.noise_gap, 0.0, cells.o.size));
    }
  }
}

// The exact double-descent curve at n = dd_n, d = 1..10n (step 1 below 2n, 5 above), finite V only.
void AddExactCurve(const IsotropicOptions& o, sim::CsvTable* curve) {
  const double theta2 = o.theta_norm * o.theta_norm;
  for (std::int64_t d = 1; d <= 10 * o.dd_n; d += (d < 2 * o.dd_n ? 1 : 5)) {
    const double bias = theory::IsotropicExpectedBias(o.dd_n, d, theta2);
    const double variance = theory::IsotropicExpectedVariance(o.dd_n, d, o.sigma2);
    if (!std::isfinite(variance)) continue;
    curve->Add(o.dd_n).Add(d).Add(static_cast<double>(d) / static_cast<double>(o.dd_n));
    curve->Add(bias).Add(variance).Add(bias + variance);
    curve->EndRow();
  }
}

// Double descent: every cell away from the threshold (|d − n| ≥ 8, finite V) within z SE of the exact
// E(B + V) (one worst-z claim over the family; infinite-variance cells are reported only).
void AddDoubleDescent(const CellRunner& cells, IsotropicResult* result) {
  const IsotropicOptions& o = cells.o;
  const double theta2 = o.theta_norm * o.theta_norm;
  std::vector<theory::PredictedMean> family;
  std::int64_t ill = 0;
  for (std::int64_t d : o.dd_d) {
    const CellSpec cell{"double_descent", o.dd_n, d, o.dd_trials, sim::DesignKind::kGaussian, false, false};
    const scenarios::RiskCellResult r = cells.Run(cell, result);
    const double exact =
        theory::IsotropicExpectedBias(o.dd_n, d, theta2) + theory::IsotropicExpectedVariance(o.dd_n, d, o.sigma2);
    if (std::abs(d - o.dd_n) < 8 || !std::isfinite(exact)) continue;  // infinite-variance cells: report only
    family.push_back({static_cast<double>(d), r.total, exact});
    ill += r.ill_conditioned;
  }
  theory::ClaimHeader header{"BO-E0.double_descent", "risk against d/n follows the exact isotropic curve",
                             kOracleSource};
  header.Require(!family.empty(), "no cell with |d - n| >= 8");
  header.Require(ill == 0, std::to_string(ill) + " near-singular Gram draws were dropped");
  result->claims.push_back(theory::WorstZClaim(header, family, cells.o.size));
}

// r₀/n condition (BO-E4(c)): d = n^1.5 via the Wishart shortcut; E B per cell and the slope −½ of
// ‖θ‖² − B = ‖θ‖² n/d.
void AddR0Condition(const CellRunner& cells, IsotropicResult* result) {
  const IsotropicOptions& o = cells.o;
  const double theta2 = o.theta_norm * o.theta_norm;
  std::vector<double> x;
  std::vector<theory::MeanSe> gap;
  for (std::int64_t n : o.r0_n) {
    const std::int64_t d = R0Dimension(n);
    const CellSpec cell{"r0_condition", n, d, o.r0_trials, sim::DesignKind::kGaussian, true, false};
    const scenarios::RiskCellResult r = cells.Run(cell, result);
    const double bias = theory::IsotropicExpectedBias(n, d, theta2);
    result->claims.push_back(theory::OracleClaim(
        WithEffect(Guarded({"BO-E4c.B" + At(n, d), "d = n^1.5: E B = |th|^2 (1 - n/d)", kOracleSource}, r), bias), r.bias,
        bias, cells.o.size));
    theory::MeanSe shortfall = r.bias;  // ‖θ‖² − B = ‖θ‖² n/d
    shortfall.mean = theta2 - r.bias.mean;
    x.push_back(static_cast<double>(n));
    gap.push_back(shortfall);
  }
  // The effect: a slope off by 0.1, between n^-1/2 and the n^-1 decay of a benign (r0/n -> 0) regime.
  theory::ClaimHeader header{"BO-E4c.not_benign", "r0/n = d/n -> inf: |th|^2 - B decays only like n^-1/2, so B -> |th|^2",
                             "BLLT Thm 1 (benign needs r0/n -> 0)"};
  header.effect = 0.1;
  result->claims.push_back(theory::SlopeClaim(header, x, gap, {-0.5, -0.5}, cells.o.size));
}

// The Bartlett-Wishart shortcut against the full simulation on one cell (two-sample difference of V and B).
void AddWishartCheck(const CellRunner& cells, IsotropicResult* result) {
  const IsotropicOptions& o = cells.o;
  const CellSpec full{"wishart_check", o.wishart_n, o.wishart_d, o.wishart_trials, sim::DesignKind::kGaussian, false, false};
  CellSpec trick = full;
  trick.wishart = true;
  const scenarios::RiskCellResult a = cells.Run(full, result);
  const scenarios::RiskCellResult b = cells.Run(trick, result);
  const auto agree = [&](const char* term, const char* name, const theory::MeanSe& full_term,
                         const theory::MeanSe& trick_term) {
    theory::ClaimHeader header{std::string("BO-E0.wishart.") + term,
                               std::string("Bartlett-Wishart shortcut = full simulation (") + name + ")",
                               "Bartlett decomposition (spec §7.3)"};
    result->claims.push_back(theory::DifferenceToleranceClaim(WithEffect(Guarded(header, a, b), full_term.mean),
                                                              full_term, trick_term, 0.0, cells.o.size));
  };
  agree("V", "variance", a.variance, b.variance);
  agree("B", "bias", a.bias, b.bias);
}

}  // namespace

IsotropicResult RunIsotropic(const IsotropicOptions& o, std::uint64_t seed, const sim::TrialRunnerOptions& runner,
                             const sim::ExactRiskOptions* risk_override) {
  IsotropicResult result;
  const CellRunner cells{o, seed, runner, risk_override};
  AddOracleGrid(cells, &result);
  AddExactCurve(o, &result.exact_curve);
  AddDoubleDescent(cells, &result);
  AddR0Condition(cells, &result);
  AddWishartCheck(cells, &result);
  // Rademacher designs: reported beside the Gaussian oracle, no claim.
  for (std::int64_t d : o.rademacher_d)
    cells.Run({"rademacher", o.rademacher_n, d, o.rademacher_trials, sim::DesignKind::kRademacher, false, false}, &result);
  return result;
}

}  // namespace memgen::scenarios
