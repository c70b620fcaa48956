// Streaming Gram accumulation for the exact risk of min-norm / ridge interpolation
// (benign_overfitting.md §7.1). The design is X = Z Λ^{1/2} in the eigenbasis of Σ, Z with i.i.d.
// N(0,1) or Rademacher entries. Column j of Z is drawn from its own counter-based stream
// (trial, substream = j), so any column can be regenerated alone and the result does not depend on
// the block size. Over column blocks J (never a d × d matrix; memory O(n² + n·block)):
//   A += X_J X_Jᵀ,   M += U_J U_Jᵀ with U_J = Z_J Λ_J   (M = X Σ Xᵀ),   v += X_J θ_J  (v = Xθ),
// split at the end of θ's support m: M = M_head + M_tail, and X_head (n × m) is kept when m is small,
// so the bias and a noise draw need no second pass: Σ_{j ≥ m} λ_j (x_jᵀw)² = wᵀ M_tail w.
// Cost: two symmetric rank-|J| updates per block, ≈ 2 n² d flops in all, plus n d normals.
#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <vector>

#include "theory/bo/spectrum.h"
#include "sim/random/rng.h"

namespace memgen::sim {

enum class DesignKind { kGaussian, kRademacher };
std::string DesignKindToString(DesignKind kind);
DesignKind StringToDesignKind(const std::string& text, const std::string& field = "design");

struct GramOptions {
  std::int64_t n = 100;
  DesignKind design = DesignKind::kGaussian;
  std::int64_t block = 2048;            ///< columns per rank update (2048: syrk at ~1.8x GEMM speed)
  std::int64_t max_stored_head = 4096;  ///< keep X_head when θ's support is at most this
};

struct GramState {
  Eigen::MatrixXd a;        ///< X Xᵀ (lower triangle valid until Symmetrize)
  Eigen::MatrixXd m_head;   ///< Σ_{j < m} u_j u_jᵀ
  Eigen::MatrixXd m_tail;   ///< Σ_{j ≥ m} u_j u_jᵀ
  Eigen::VectorXd v;        ///< X θ
  Eigen::MatrixXd x_head;   ///< columns j < m of X (empty if m > max_stored_head)
  std::int64_t support = 0; ///< m
  bool head_stored = false;
};

// Column j of Z for the given trial stream: n values from stream (seed, tag, trial, substream = j).
void DrawDesignColumn(const StreamId& trial_stream, std::int64_t column, DesignKind design, double* out,
                      std::int64_t n);

// Accumulates columns [begin, end) of the design for spectrum eigenvalues `lambda_of(j)`.
GramState NewGramState(std::int64_t n, std::int64_t support, const GramOptions& options);
void AccumulateColumns(const theory::Spectrum& spectrum, const std::vector<double>& theta, const GramOptions& options,
                       const StreamId& trial_stream, std::int64_t begin, std::int64_t end, GramState* state);
void Symmetrize(GramState* state);  // copies the lower triangles up

// Bytes one accumulation holds, in double so that an absurd n cannot overflow (memory_estimate.h).
double GramMemoryBytes(std::int64_t n, std::int64_t support, const GramOptions& options);

}  // namespace memgen::sim
