// Claims for the projected ERM, see projection_claims.h.
#include "scenarios/sco/projection_claims.h"

#include <cmath>
#include <string>

#include "theory/verdict/verdict_rules.h"

namespace memgen::scenarios {
namespace {

constexpr double kModelRelative = 0.15;  // declared error of the Gaussian score model
constexpr double kModelAbsolute = 0.5;   // and half a point where the model predicts almost nothing
const char* kSnz = "Sefidgaran, Nadjahi, Zaidi, Thm 6 (stochastic projection)";

std::string Id(const std::string& family, const ScoCellResult& cell, const ScoLearnerSummary& l) {
  return family + "." + cell.cell.name + "." + l.learner;
}

// `per_point`: at τ_pp (recall_pp) instead of τ_fw. The model's stated error is 15% of the model plus
// half a point: |mean − model| ≤ z SE + 0.15 model + 0.5 (a TOLERANCE rule).
theory::Claim ModelClaim(const ScoCellResult& cell, const ScoLearnerSummary& s, bool per_point, theory::TestSize size) {
  const double model = per_point ? s.predicted_recall_pp.mean : s.predicted_recall_fw.mean;
  const theory::MeanSe& recall = per_point ? s.recall_pp : s.recall_fw;
  theory::Claim c = theory::ToleranceClaim({Id(per_point ? "SCO-E6.model_pp" : "SCO-E6.model", cell, s),
                                            std::string(per_point ? "per-point" : "family-wise") +
                                                " recall follows the Gaussian score model n Phi-bar((tau - m)/s0)",
                                            std::string(kSnz) + "; model in sco_experiment.h step 6"},
                                           recall, model, kModelRelative * std::fabs(model) + kModelAbsolute, size);
  c.details["relative_gap"] = (recall.mean - model) / model;
  return c;
}

}  // namespace

std::vector<theory::Claim> BuildScoProjectionClaims(const ScoCellResult& cell, theory::TestSize size) {
  std::vector<theory::Claim> claims;
  const ScoCellOptions& o = cell.cell;
  const double d = static_cast<double>(o.d), n = static_cast<double>(o.n);
  bool projected = false;
  for (const ScoLearnerSummary& s : cell.learners) projected = projected || s.kind == sim::ScoLearnerKind::kProjectedErm;
  if (!projected) return claims;
  const ScoLearnerSummary* erm = nullptr;
  const ScoLearnerSummary* smallest = nullptr;
  std::int64_t smallest_dim = 0;
  for (std::size_t l = 0; l < cell.learners.size(); ++l) {
    const ScoLearnerSummary& s = cell.learners[l];
    if (s.kind == sim::ScoLearnerKind::kErm && !erm) erm = &s;
    if (s.kind != sim::ScoLearnerKind::kProjectedErm) continue;
    const sim::ScoLearnerOptions& lo = o.learners[l];
    const double dim = static_cast<double>(lo.projection_dim);
    if (!smallest || lo.projection_dim < smallest_dim) {
      smallest = &s;
      smallest_dim = lo.projection_dim;
    }
    if (lo.quantizer_step == 0.0)
      claims.push_back(theory::OracleClaim({Id("SCO-E6.norm", cell, s), "E|Theta Theta^T a|^2 = 1 + (D - 1)/d' for the unit ERM a",
                                    std::string(kSnz) + "; +-1 JL matrix (Achlioptas 2003)"},
                                   s.norm2, 1.0 + (d - 1.0) / dim, size));
    theory::MeanSe band = s.norm2;
    band.mean *= dim / d;
    band.se *= dim / d;
    theory::Claim b = theory::MeanBoundClaim({Id("SCO-E6.norm_band", cell, s), "|A*|^2 d'/D stays <= 3", "spec §9 SCO-E6"},
                                             band, 3.0, theory::BoundSide::kAtMost, 0.0, size);
    claims.push_back(b);
    if (erm) {
      claims.push_back(theory::OracleClaim({Id("SCO-E6.unbiased_gap", cell, s),
                                    "the projection leaves the generalisation gap unbiased: E[gap(A*) - gap(A)] = 0",
                                    std::string(kSnz) + "; E[Theta Theta^T] = I"},
                                   s.gap_vs_erm, 0.0, size));
      claims.push_back(theory::OracleClaim({Id("SCO-E6.unbiased_risk", cell, s),
                                    "and the population risk: E[<A*, mu> - <A, mu>] = 0", std::string(kSnz)},
                                   s.theta_mu_vs_erm, 0.0, size));
    }
    claims.push_back(ModelClaim(cell, s, false, size));
    claims.push_back(ModelClaim(cell, s, true, size));
  }
  if (erm) claims.push_back(ModelClaim(cell, *erm, false, size));
  if (smallest && erm) {
    const auto& lo = o.learners[static_cast<std::size_t>(smallest - cell.learners.data())];
    theory::Claim c = theory::MeanBoundClaim({Id("SCO-E6.untraceable", cell, *smallest),
                                              "at the smallest d' the tracer flags no more training points than the trivial xi n",
                                              std::string(kSnz) + " (CMI o(n) => untraceable)"},
                                             smallest->recall_fw, o.xi * n, theory::BoundSide::kAtMost, 0.0, size);
    c.details = {{"projection_dim", static_cast<double>(lo.projection_dim)},
                 {"erm_recall_fw", erm->recall_fw.mean},
                 {"model_recall_fw", smallest->predicted_recall_fw.mean}};
    claims.push_back(c);
  }
  return claims;
}

}  // namespace memgen::scenarios
