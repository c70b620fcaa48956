// Streaming Gram accumulation, see gram_accumulator.h.
#include "sim/bo/gram_accumulator.h"

#include <algorithm>
#include <cmath>

#include "sim/core/check.h"
#include "sim/core/config_error.h"
#include "sim/linalg/blas_backend.h"
#include "sim/random/distributions.h"

namespace memgen::sim {

std::string DesignKindToString(DesignKind kind) {
  return kind == DesignKind::kGaussian ? "gaussian" : "rademacher";
}

DesignKind StringToDesignKind(const std::string& text, const std::string& field) {
  if (text == "gaussian") return DesignKind::kGaussian;
  if (text == "rademacher") return DesignKind::kRademacher;
  throw ConfigError(field, text, "must be gaussian or rademacher");
}

void DrawDesignColumn(const StreamId& trial_stream, std::int64_t column, DesignKind design, double* out,
                      std::int64_t n) {
  StreamId id = trial_stream;
  id.substream = static_cast<std::uint64_t>(column);
  Rng rng(id);
  if (design == DesignKind::kGaussian) {
    FillNormal(rng, out, static_cast<std::size_t>(n));
  } else {
    FillRademacher(rng, out, static_cast<std::size_t>(n));
  }
}

GramState NewGramState(std::int64_t n, std::int64_t support, const GramOptions& options) {
  GramState state;
  state.a = Eigen::MatrixXd::Zero(n, n);
  state.m_head = Eigen::MatrixXd::Zero(n, n);
  state.m_tail = Eigen::MatrixXd::Zero(n, n);
  state.v = Eigen::VectorXd::Zero(n);
  state.support = support;
  state.head_stored = support <= options.max_stored_head;
  if (state.head_stored) state.x_head = Eigen::MatrixXd::Zero(n, support);
  return state;
}

void AccumulateColumns(const theory::Spectrum& spectrum, const std::vector<double>& theta, const GramOptions& options,
                       const StreamId& trial_stream, std::int64_t begin, std::int64_t end, GramState* state) {
  const std::int64_t n = options.n;
  MEMGEN_CHECK(state->a.rows() == n) << "state for n = " << state->a.rows() << ", options n = " << n;
  const std::int64_t block = std::max<std::int64_t>(1, options.block);
  Eigen::MatrixXd z(n, std::min(block, std::max<std::int64_t>(end - begin, 1)));
  Eigen::MatrixXd x, u;
  for (std::int64_t j0 = begin, j1 = begin; j0 < end; j0 = j1) {
    // Split blocks at the end of θ's support so head and tail land in their own M.
    j1 = std::min(end, j0 + block);
    if (j0 < state->support && j1 > state->support) j1 = state->support;
    const std::int64_t width = j1 - j0;
    for (std::int64_t c = 0; c < width; ++c) DrawDesignColumn(trial_stream, j0 + c, options.design, z.col(c).data(), n);
    x.resize(n, width);
    u.resize(n, width);
    for (std::int64_t c = 0; c < width; ++c) {
      const double lambda = spectrum[j0 + c];
      x.col(c) = z.col(c) * std::sqrt(lambda);
      u.col(c) = z.col(c) * lambda;
    }
    RankUpdateLower(state->a, x);
    const bool head = j0 < state->support;
    RankUpdateLower(head ? state->m_head : state->m_tail, u);
    if (head) {
      for (std::int64_t c = 0; c < width; ++c) {
        const double t = theta[static_cast<std::size_t>(j0 + c)];
        if (t != 0.0) state->v.noalias() += x.col(c) * t;
        if (state->head_stored) state->x_head.col(j0 + c) = x.col(c);
      }
    }
  }
}

void Symmetrize(GramState* state) {
  for (Eigen::MatrixXd* m : {&state->a, &state->m_head, &state->m_tail})
    m->triangularView<Eigen::StrictlyUpper>() = m->transpose();
}

double GramMemoryBytes(std::int64_t n, std::int64_t support, const GramOptions& options) {
  const auto nn = static_cast<double>(n);
  double bytes = 6.0 * nn * nn * sizeof(double);  // A, M_head, M_tail, K, KM, factor
  bytes += 3.0 * nn * static_cast<double>(options.block) * sizeof(double);  // Z, X, U blocks
  if (support <= options.max_stored_head) bytes += nn * static_cast<double>(support) * sizeof(double);
  return bytes;
}

}  // namespace memgen::sim
