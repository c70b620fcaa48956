// Regression targets, see target.h.
#include "theory/bo/target.h"

#include <cmath>
#include <sstream>

#include "sim/core/config_error.h"

namespace memgen::theory {

std::string TargetKindToString(TargetKind kind) {
  switch (kind) {
    case TargetKind::kE1: return "e1";
    case TargetKind::kHeadOnes: return "head_ones";
    case TargetKind::kPower: return "power";
    case TargetKind::kE1Whitened: return "e1_whitened";
  }
  return "e1";
}

TargetKind StringToTargetKind(const std::string& text, const std::string& field) {
  for (TargetKind kind : {TargetKind::kE1, TargetKind::kHeadOnes, TargetKind::kPower, TargetKind::kE1Whitened})
    if (TargetKindToString(kind) == text) return kind;
  throw ConfigError(field, text, "must be e1, head_ones, power or e1_whitened");
}

void TargetOptions::Validate(const std::string& field, std::int64_t d) const {
  Require(std::isfinite(scale) && scale >= 0.0, field + ".scale", scale, "must be finite and >= 0");
  Require(std::isfinite(gamma), field + ".gamma", gamma, "must be finite");
  if (kind == TargetKind::kHeadOnes) Require(k >= 1 && k <= d, field + ".k", k, "must be in [1, d]");
  if (kind == TargetKind::kPower) Require(k >= 0 && k <= d, field + ".k", k, "must be in [0, d] (0 = d)");
}

std::string TargetOptions::Describe() const {
  std::ostringstream out;
  out << TargetKindToString(kind) << "(t=" << scale;
  if (kind == TargetKind::kHeadOnes || kind == TargetKind::kPower) out << ";k=" << k;
  if (kind == TargetKind::kPower) out << ";gamma=" << gamma;
  out << ")";
  return out.str();
}

std::vector<double> MakeTarget(const TargetOptions& options, const Spectrum& spectrum) {
  std::vector<double> theta;
  switch (options.kind) {
    case TargetKind::kE1:
      theta = {options.scale};
      break;
    case TargetKind::kHeadOnes:
      theta.assign(static_cast<std::size_t>(options.k), options.scale);
      break;
    case TargetKind::kPower: {
      const std::int64_t k = options.k == 0 ? spectrum.dimension() : options.k;
      theta.resize(static_cast<std::size_t>(k));
      for (std::int64_t i = 1; i <= k; ++i)
        theta[i - 1] = options.scale * std::pow(static_cast<double>(i), -options.gamma);
      break;
    }
    case TargetKind::kE1Whitened:
      theta = {options.scale / std::sqrt(spectrum[0])};
      break;
  }
  return theta;
}

}  // namespace memgen::theory
