// Monte Carlo risk cell, see risk_cell.h.
#include "scenarios/bo/risk_cell.h"

#include <algorithm>
#include <limits>

#include "sim/random/stream_tag.h"

namespace memgen::scenarios {

RiskCellResult RunRiskCell(const theory::Spectrum& spectrum, const std::vector<double>& theta, const RiskCellOptions& options) {
  const std::uint64_t tag = sim::StreamTag(options.stream_name);
  RiskCellResult result;
  result.draws = sim::RunTrials<sim::ExactRisk>(options.trials, options.runner, [&](std::int64_t trial) {
    return sim::ComputeExactRisk(spectrum, theta, options.risk, sim::StreamId{options.master_seed, tag,
                                                                    static_cast<std::uint64_t>(trial), 0});
  });
  std::vector<double> bias, variance, total, gap;
  result.min_rcond = std::numeric_limits<double>::infinity();
  for (const sim::ExactRisk& draw : result.draws) {
    result.min_rcond = std::min(result.min_rcond, draw.rcond);
    if (draw.method == sim::RiskMethod::kQrFallback) ++result.qr_fallbacks;
    if (!draw.ok()) {
      ++result.ill_conditioned;
      continue;
    }
    bias.push_back(draw.bias);
    variance.push_back(draw.variance);
    total.push_back(draw.bias + draw.variance);
    if (options.risk.noise_draw) gap.push_back(draw.risk_one_draw - (draw.bias + draw.variance));
  }
  result.bias = theory::Summarize(bias);
  result.variance = theory::Summarize(variance);
  result.total = theory::Summarize(total);
  result.noise_gap = theory::Summarize(gap);
  return result;
}

}  // namespace memgen::scenarios
