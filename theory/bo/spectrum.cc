// Covariance spectra, see spectrum.h.
#include "theory/bo/spectrum.h"

#include <cmath>
#include <sstream>

#include "sim/core/config_error.h"

namespace memgen::theory {

std::string SpectrumKindToString(SpectrumKind kind) {
  switch (kind) {
    case SpectrumKind::kPowerLaw: return "power_law";
    case SpectrumKind::kLogPower: return "log_power";
    case SpectrumKind::kExpFloor: return "exp_floor";
    case SpectrumKind::kIsotropic: return "isotropic";
    case SpectrumKind::kSpiked: return "spiked";
  }
  return "isotropic";
}

SpectrumKind StringToSpectrumKind(const std::string& text, const std::string& field) {
  for (SpectrumKind kind : {SpectrumKind::kPowerLaw, SpectrumKind::kLogPower, SpectrumKind::kExpFloor,
                            SpectrumKind::kIsotropic, SpectrumKind::kSpiked}) {
    if (SpectrumKindToString(kind) == text) return kind;
  }
  throw ConfigError(field, text, "must be power_law, log_power, exp_floor, isotropic or spiked");
}

void SpectrumOptions::Validate(const std::string& field) const {
  Require(d >= 1, field + ".d", d, "must be >= 1");
  Require(std::isfinite(alpha) && alpha >= 0.0, field + ".alpha", alpha, "must be finite and >= 0");
  Require(std::isfinite(beta), field + ".beta", beta, "must be finite");
  Require(std::isfinite(tau) && tau > 0.0, field + ".tau", tau, "must be finite and > 0");
  Require(std::isfinite(eps) && eps >= 0.0, field + ".eps", eps, "must be finite and >= 0");
  Require(std::isfinite(scale) && scale > 0.0, field + ".scale", scale, "must be finite and > 0");
  Require(spike_count >= 0 && spike_count <= d, field + ".spike_count", spike_count, "must be in [0, d]");
  if (kind == SpectrumKind::kSpiked)
    Require(eps > 0.0, field + ".eps", eps, "must be > 0 for a spiked spectrum (the floor)");
  if (kind == SpectrumKind::kLogPower)
    Require(alpha > 0.0 || beta > 0.0, field + ".beta", beta, "must be > 0 when alpha = 0 (decreasing spectrum)");
  if (infinite) {
    const bool summable = (kind == SpectrumKind::kPowerLaw && alpha > 1.0) ||
                          (kind == SpectrumKind::kLogPower && alpha == 1.0 && beta > 1.0);
    Require(summable, field + ".infinite", "true",
            "needs power_law with alpha > 1 or log_power with alpha = 1, beta > 1 (a summable spectrum)");
  }
}

std::string SpectrumOptions::Describe() const {
  std::ostringstream out;
  out << SpectrumKindToString(kind) << "(";
  switch (kind) {
    case SpectrumKind::kPowerLaw: out << "alpha=" << alpha; break;
    case SpectrumKind::kLogPower: out << "alpha=" << alpha << ";beta=" << beta; break;
    case SpectrumKind::kExpFloor: out << "tau=" << tau << ";eps=" << eps; break;
    case SpectrumKind::kIsotropic: out << "scale=" << scale; break;
    case SpectrumKind::kSpiked: out << "k=" << spike_count << ";spike=" << scale << ";eps=" << eps; break;
  }
  out << ";d=" << d << (infinite ? ";infinite" : "") << ")";
  return out.str();
}

double Spectrum::Trace() const {
  long double sum = 0.0L;
  for (auto it = head.rbegin(); it != head.rend(); ++it) sum += *it;  // small to large
  sum += static_cast<long double>(tail_value) * static_cast<long double>(tail_count);
  return static_cast<double>(sum);
}

Spectrum MakeSpectrum(const SpectrumOptions& options) {
  Spectrum s;
  const std::int64_t d = options.d;
  switch (options.kind) {
    case SpectrumKind::kPowerLaw:
      s.head.resize(static_cast<std::size_t>(d));
      for (std::int64_t i = 1; i <= d; ++i) s.head[i - 1] = std::pow(static_cast<double>(i), -options.alpha);
      if (options.infinite) {
        const double x = static_cast<double>(d) + 0.5, a = options.alpha;
        s.remainder_sum = std::pow(x, 1.0 - a) / (a - 1.0);
        s.remainder_sum_squares = std::pow(x, 1.0 - 2.0 * a) / (2.0 * a - 1.0);
      }
      break;
    case SpectrumKind::kLogPower:
      s.head.resize(static_cast<std::size_t>(d));
      for (std::int64_t i = 1; i <= d; ++i) {
        const double x = static_cast<double>(i);
        s.head[i - 1] = std::pow(x, -options.alpha) * std::pow(std::log(x + 1.0), -options.beta);
      }
      if (options.infinite) {
        const double x = static_cast<double>(d) + 0.5, log_x = std::log(x), b = options.beta;
        s.remainder_sum = std::pow(log_x, 1.0 - b) / (b - 1.0);
        s.remainder_sum_squares = 1.0 / (x * std::pow(log_x, 2.0 * b));
      }
      break;
    case SpectrumKind::kExpFloor: {
      const double cutoff = options.eps > 0.0 ? 1e-18 * options.eps : 0.0;
      std::int64_t i = 1;
      for (; i <= d; ++i) {
        const double g = std::exp(-static_cast<double>(i) / options.tau);
        if (options.eps > 0.0 && g < cutoff) break;
        s.head.push_back(g + options.eps);
      }
      s.tail_value = options.eps;
      s.tail_count = options.eps > 0.0 ? d - static_cast<std::int64_t>(s.head.size()) : 0;
      break;
    }
    case SpectrumKind::kIsotropic:
      s.tail_value = options.scale;
      s.tail_count = d;
      break;
    case SpectrumKind::kSpiked:
      s.head.assign(static_cast<std::size_t>(options.spike_count), options.scale);
      s.tail_value = options.eps;
      s.tail_count = d - options.spike_count;
      break;
  }
  return s;
}

}  // namespace memgen::theory
