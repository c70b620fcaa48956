// Monte Carlo over design draws for one cell (spectrum, target, n, ridge): T independent draws of the
// exact conditional risk (exact_risk.h), run by the trial runner, summarised in trial order. The only
// Monte Carlo error is over X: each draw's bias and variance are exact given X.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "theory/bo/spectrum.h"
#include "sim/bo/exact_risk.h"
#include "sim/run/trial_runner.h"
#include "theory/stats/sample_stats.h"

namespace memgen::scenarios {

struct RiskCellOptions {
  sim::ExactRiskOptions risk;
  std::int64_t trials = 20;
  std::uint64_t master_seed = 0;
  std::string stream_name = "bo/cell";  ///< hashed into the stream tag: one name per cell
  sim::TrialRunnerOptions runner;
};

struct RiskCellResult {
  std::vector<sim::ExactRisk> draws;  ///< per trial, in trial order
  theory::MeanSe bias, variance, total;  ///< over the well-conditioned draws
  theory::MeanSe noise_gap;              ///< R_one_draw − (B + V) (only with noise draws)
  std::int64_t ill_conditioned = 0;
  std::int64_t qr_fallbacks = 0;
  double min_rcond = 0.0;
};

RiskCellResult RunRiskCell(const theory::Spectrum& spectrum, const std::vector<double>& theta, const RiskCellOptions& options);

}  // namespace memgen::scenarios
