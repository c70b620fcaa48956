// Claims for the stochastic-projection learner of Sefidgaran, Nadjahi and Zaidi (Thm 6;
// sco_traceability.md SCO-E6), from a cell that runs `erm` and `projected_erm` at several d′ on the
// same samples (sim/sco/sign_projection.h):
//   SCO-E6.norm        E‖ΘΘᵀa‖² = 1 + (D − 1)/d′ for the unit a = erm (±1 JL matrix, Q = I)     ORACLE
//   SCO-E6.norm_band   ‖A*‖² d′/D ≤ 3, the spec's band (Q = I or a grid)                         BOUND
//   SCO-E6.unbiased    E[ΘΘᵀ] = I: generalisation gap and ⟨θ, µ⟩ of A* equal ERM's in expectation
//                      (paired per sample)                                                         ORACLE
//   SCO-E6.model       mean recall_fw against the Gaussian score model n Φ̄((τ − m)/σ) of
//                      tracing_experiment.h (step 6): |mean − model| ≤ 4 SE + 15% model + 0.5 points DE
//   SCO-E6.untraceable the smallest d′ is flagged no more than ξ n (what the theorem promises as
//                      d′/n² → 0), while unprojected ERM on the same samples is                  BOUND
// SNZ's own dimension d′ = 500 r log n exceeds what makes the score noise dominate at simulable n, so
// the untraceability claim is made at the smallest d′ of the config, and the model claim covers the
// rest (docs/sco_traceability.md).
#pragma once

#include <vector>

#include "theory/verdict/claim.h"
#include "theory/verdict/test_size.h"
#include "scenarios/sco/tracing_claims.h"

namespace memgen::scenarios {

std::vector<theory::Claim> BuildScoProjectionClaims(const ScoCellResult& cell, theory::TestSize size = {});

}  // namespace memgen::scenarios
