// One benign-overfitting curve: a spectrum family, a target and a ridge, evaluated along a grid of
// sample sizes n. At every n it computes the theory (effective ranks r₀, k*(b), Q_b, the TB bias
// proxy, and the deterministic equivalent) and, on the Monte Carlo subset of n, the exact
// conditional bias and variance averaged over design draws. Claims are built from these points by
// spectra_claims.h; nothing here decides a verdict.
//   The dimension may grow with n (d = round(c n^e)); for exp_floor the floor may follow
//   ε_n p_n = c n^a / ln^b n (BLLT Thm 6 part 2), so ε_n = (c n^a / ln^b n) / p_n.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "theory/bo/spectrum.h"
#include "theory/bo/target.h"
#include "sim/run/memory_estimate.h"
#include "sim/bo/gram_accumulator.h"
#include "scenarios/bo/risk_cell.h"
#include "theory/bo/deterministic_equivalent.h"

namespace memgen::scenarios {

struct FloorRule {  ///< ε_n p_n = coef · n^exponent / ln(n)^log_exponent
  bool enabled = false;
  double coef = 1.0;
  double exponent = 0.5;
  double log_exponent = 0.0;
};

struct CurveOptions {
  std::string name = "curve";
  theory::SpectrumOptions spectrum;
  double d_exponent = 0.0;  ///< > 0: d = round(d_coef · n^d_exponent) instead of spectrum.d
  double d_coef = 1.0;
  FloorRule floor;
  theory::TargetOptions target;
  double ridge = 0.0;       ///< normalised λ
  double sigma2 = 1.0;
  std::vector<std::int64_t> n;     ///< theory / DE grid
  std::vector<std::int64_t> mc_n;  ///< Monte Carlo subset of n
  std::int64_t trials = 20;
  sim::DesignKind design = sim::DesignKind::kGaussian;
  bool wishart_tail = false;
  std::int64_t block = 2048;
  std::vector<double> b = {1.0, 4.0};
  std::vector<std::string> checks;  ///< claim families to build (spectra_claims.h)
  double de_delta_variance = 0.02;
  double de_delta_bias = 0.10;
  void Validate(const std::string& field) const;
};

struct RankPoint {
  double b = 0.0;
  std::int64_t k_star = 0;       ///< theory::kInfiniteK when none
  double q_proxy = 0.0;          ///< Q_b(n)
  double tb_bias_proxy = 0.0;    ///< TB (4) at k = k*(b)
};

struct CurvePoint {
  std::int64_t n = 0;
  std::int64_t d = 0;
  double eps = 0.0;
  double r0 = 0.0;
  double trace = 0.0;            ///< tr Σ
  double top_eigenvalue = 0.0;   ///< ‖Σ‖
  double theta_norm2 = 0.0;      ///< ‖θ‖²
  theory::DeResult de;
  std::vector<RankPoint> ranks;  ///< one per b
  std::optional<scenarios::RiskCellResult> mc;
};

struct CurveResult {
  CurveOptions options;
  std::vector<CurvePoint> points;  ///< in the order of options.n
};

theory::SpectrumOptions SpectrumAt(const CurveOptions& options, std::int64_t n);
CurveResult EvaluateCurve(const CurveOptions& options, std::uint64_t master_seed, const sim::TrialRunnerOptions& runner,
                          const sim::ExactRiskOptions* risk_override = nullptr);
// The curve's working memory per n (the spectrum head, a Gram accumulation per thread) and its
// retained exact-risk draws, under the curve's dotted `field` (memory_estimate.h).
void AddCurveMemory(const CurveOptions& options, int threads, const std::string& field, sim::MemoryEstimate* memory);

}  // namespace memgen::scenarios
