// Evaluation of a benign-overfitting curve, see spectra_experiment.h.
#include "scenarios/bo/spectra_experiment.h"

#include <algorithm>
#include <cmath>

#include "sim/core/config_error.h"
#include "sim/core/derived_size.h"
#include "theory/bo/effective_ranks.h"

namespace memgen::scenarios {
namespace {

// TB (4) at index k for target θ: ‖θ_{k:∞}‖²_Σ + ‖θ_{0:k}‖²_{Σ⁻¹} ((λ_u + S_k)/n)².
double TbBiasProxy(const theory::Spectrum& s, const std::vector<double>& theta, const theory::EffectiveRanks& ranks,
                   std::int64_t k, std::int64_t n, double ridge_unnormalised) {
  const double shrink = (ridge_unnormalised + ranks.TailSum(k)) / static_cast<double>(n);
  long double tail = 0.0L, head = 0.0L;
  for (std::size_t i = 0; i < theta.size(); ++i) {
    const double lambda = s[static_cast<std::int64_t>(i)];
    if (static_cast<std::int64_t>(i) < k) head += theta[i] * theta[i] / lambda;
    else tail += lambda * theta[i] * theta[i];
  }
  return static_cast<double>(tail + head * shrink * shrink);
}

}  // namespace

void CurveOptions::Validate(const std::string& field) const {
  spectrum.Validate(field + ".spectrum");
  Require(!n.empty(), field + ".n", n.size(), "must list at least one sample size");
  for (auto v : n) Require(v >= 2, field + ".n", v, "sample sizes must be >= 2");
  for (auto v : mc_n)
    Require(std::find(n.begin(), n.end(), v) != n.end(), field + ".mc_n", v, "must be one of the values in n");
  Require(trials >= 2, field + ".trials", trials, "must be >= 2");
  Require(ridge >= 0.0, field + ".ridge", ridge, "must be >= 0 (normalised ridge)");
  Require(sigma2 > 0.0, field + ".sigma2", sigma2, "must be > 0");
  Require(block >= 1, field + ".block", block, "must be >= 1");
  Require(d_exponent >= 0.0, field + ".d_exponent", d_exponent, "must be >= 0");
  Require(d_coef > 0.0, field + ".d_coef", d_coef, "must be > 0");
  for (double v : b) Require(v > 0.0, field + ".b", v, "must be > 0");
  Require(de_delta_variance >= 0.0, field + ".de_delta_variance", de_delta_variance, "must be >= 0");
  Require(de_delta_bias >= 0.0, field + ".de_delta_bias", de_delta_bias, "must be >= 0");
  if (floor.enabled)
    Require(spectrum.kind == theory::SpectrumKind::kExpFloor, field + ".floor", "set", "applies only to exp_floor");
  for (std::size_t i = 1; i < n.size(); ++i)
    Require(n[i] > n[i - 1], field + ".n", n[i], "must be strictly increasing");
  const bool theta_checks = std::any_of(checks.begin(), checks.end(), [](const std::string& c) { return c != "de_accuracy"; });
  if (theta_checks) {  // spec §8.0: a Θ-statement needs a grid spanning at least 1.5 decades
    const double span = std::log10(static_cast<double>(n.back()) / static_cast<double>(n.front()));
    Require(span >= 1.5 - 1e-9, field + ".n", "[" + std::to_string(n.front()) + " .. " + std::to_string(n.back()) + "]",
            "must span at least 1.5 decades for the Theta checks (spec §8.0)");
  }
  for (std::int64_t value : n) {
    const theory::SpectrumOptions s = SpectrumAt(*this, value);
    s.Validate(field + ".spectrum(n=" + std::to_string(value) + ")");
    target.Validate(field + ".target", s.d);
    if (ridge == 0.0)
      Require(s.d > value, field + ".spectrum.d", s.d,
              "must exceed n = " + std::to_string(value) + " for min-norm interpolation (ridge = 0)");
  }
}

theory::SpectrumOptions SpectrumAt(const CurveOptions& options, std::int64_t n) {
  theory::SpectrumOptions s = options.spectrum;
  const double nn = static_cast<double>(n);
  if (options.d_exponent > 0.0)
    s.d = DerivedSize(options.d_coef * std::pow(nn, options.d_exponent), Rounding::kNearest,
                      options.name + ".spectrum(n=" + std::to_string(n) + ").d", "d_coef n^d_exponent");
  if (options.floor.enabled) {
    const double eps_p = options.floor.coef * std::pow(nn, options.floor.exponent) /
                         std::pow(std::log(nn), options.floor.log_exponent);
    s.eps = eps_p / static_cast<double>(s.d);
  }
  return s;
}

CurveResult EvaluateCurve(const CurveOptions& options, std::uint64_t master_seed, const sim::TrialRunnerOptions& runner,
                          const sim::ExactRiskOptions* risk_override) {
  CurveResult result;
  result.options = options;
  for (std::int64_t n : options.n) {
    const theory::SpectrumOptions spectrum_options = SpectrumAt(options, n);
    const theory::Spectrum spectrum = theory::MakeSpectrum(spectrum_options);
    const std::vector<double> theta = theory::MakeTarget(options.target, spectrum);
    CurvePoint point;
    point.n = n;
    point.d = spectrum.dimension();
    point.eps = spectrum_options.eps;
    point.trace = spectrum.Trace();
    point.top_eigenvalue = spectrum[0];
    for (double t : theta) point.theta_norm2 += t * t;
    const double ridge_u = static_cast<double>(n) * options.ridge;
    const theory::EffectiveRanks ranks(spectrum, std::min<std::int64_t>(point.d - 1, 64 * n));
    point.r0 = ranks.SmallR(0);
    for (double b : options.b) {
      RankPoint rp;
      rp.b = b;
      rp.k_star = ranks.KStar(b, n);
      rp.q_proxy = ranks.VarianceProxy(b, n);
      rp.tb_bias_proxy = rp.k_star == theory::kInfiniteK ? std::numeric_limits<double>::quiet_NaN()
                                                 : TbBiasProxy(spectrum, theta, ranks, rp.k_star, n, ridge_u);
      point.ranks.push_back(rp);
    }
    theory::DeOptions de;
    de.n = n;
    de.ridge = options.ridge;
    de.sigma2 = options.sigma2;
    point.de = theory::DeterministicEquivalent(spectrum, theta, de);
    if (std::find(options.mc_n.begin(), options.mc_n.end(), n) != options.mc_n.end()) {
      scenarios::RiskCellOptions cell;
      if (risk_override) cell.risk = *risk_override;
      cell.risk.gram.n = n;
      cell.risk.gram.design = options.design;
      cell.risk.gram.block = options.block;
      if (!risk_override) {
        cell.risk.ridge = options.ridge;
        cell.risk.sigma2 = options.sigma2;
        cell.risk.wishart_tail = options.wishart_tail;
      }
      cell.trials = options.trials;
      cell.master_seed = master_seed;
      cell.stream_name = "bo/" + options.name + "/n" + std::to_string(n);
      cell.runner = runner;
      cell.runner.label = options.name + " n=" + std::to_string(n);
      point.mc = scenarios::RunRiskCell(spectrum, theta, cell);
    }
    result.points.push_back(std::move(point));
  }
  return result;
}

void AddCurveMemory(const CurveOptions& options, int threads, const std::string& field, sim::MemoryEstimate* memory) {
  double mc_points = 0.0;
  for (std::int64_t n : options.n) {
    const theory::SpectrumOptions s = SpectrumAt(options, n);
    // The stored head (flat tails are not stored; exp_floor without a floor stores all of d).
    const bool flat_tail = s.kind == theory::SpectrumKind::kIsotropic || s.kind == theory::SpectrumKind::kSpiked ||
                           (s.kind == theory::SpectrumKind::kExpFloor && s.eps > 0.0);
    const double head = (flat_tail ? 4096.0 : static_cast<double>(s.d)) * sizeof(double) * 2.0;
    double gram = 0.0;
    if (std::find(options.mc_n.begin(), options.mc_n.end(), n) != options.mc_n.end()) {
      sim::GramOptions g;
      g.n = n;
      g.block = options.block;
      gram = threads * sim::GramMemoryBytes(n, 1, g);
      mc_points += 1.0;
    }
    memory->Working(head > gram ? field + ".spectrum.d" : field + ".n", head + gram);  // named by its larger part
  }
  memory->Retained(field + ".trials", mc_points * static_cast<double>(options.trials) * sizeof(sim::ExactRisk));
}

}  // namespace memgen::scenarios
