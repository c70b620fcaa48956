// Exact conditional risk of min-norm / ridge regression, see exact_risk.h.
#include "sim/bo/exact_risk.h"

#include <Eigen/Cholesky>
#include <Eigen/QR>

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/core/check.h"
#include "sim/bo/wishart_tail.h"
#include "sim/random/distributions.h"

namespace memgen::sim {
namespace {

constexpr std::uint64_t kNoiseSubstream = (std::uint64_t{1} << 63) + 1;
constexpr std::uint64_t kWishartSubstream = (std::uint64_t{1} << 63) + 2;
const double kNaN = std::numeric_limits<double>::quiet_NaN();

Eigen::VectorXd DrawNoise(const StreamId& trial_stream, std::int64_t n, double sigma2) {
  StreamId id = trial_stream;
  id.substream = kNoiseSubstream;
  Rng rng(id);
  Eigen::VectorXd noise(n);
  FillNormal(rng, noise.data(), static_cast<std::size_t>(n));
  return noise * std::sqrt(sigma2);
}

// Σ_{j < m} λ_j (θ_j − x_jᵀw)², from the stored head or by regenerating the head columns.
double HeadResidual(const theory::Spectrum& spectrum, const std::vector<double>& theta, const GramOptions& gram,
                    const StreamId& trial_stream, const GramState& state, const Eigen::VectorXd& w) {
  const std::int64_t m = state.support;
  long double sum = 0.0L;
  if (state.head_stored) {
    const Eigen::VectorXd fitted = state.x_head.transpose() * w;
    for (std::int64_t j = 0; j < m; ++j) {
      const double r = theta[static_cast<std::size_t>(j)] - fitted(j);
      sum += static_cast<long double>(spectrum[j]) * r * r;
    }
  } else {
    Eigen::VectorXd z(gram.n);
    for (std::int64_t j = 0; j < m; ++j) {
      DrawDesignColumn(trial_stream, j, gram.design, z.data(), gram.n);
      const double r = theta[static_cast<std::size_t>(j)] - std::sqrt(spectrum[j]) * z.dot(w);
      sum += static_cast<long double>(spectrum[j]) * r * r;
    }
  }
  return static_cast<double>(sum);
}

// Ridgeless least squares with d < n: θ̂ − θ = (XᵀX)⁻¹Xᵀε, so B = 0 and V = σ² tr(Σ (XᵀX)⁻¹).
ExactRisk UnderparameterizedRisk(const theory::Spectrum& spectrum, const std::vector<double>& theta,
                                 const ExactRiskOptions& options, const StreamId& trial_stream) {
  const std::int64_t n = options.gram.n, d = spectrum.dimension();
  Eigen::MatrixXd x(n, d);
  for (std::int64_t j = 0; j < d; ++j) {
    DrawDesignColumn(trial_stream, j, options.gram.design, x.col(j).data(), n);
    x.col(j) *= std::sqrt(spectrum[j]);
  }
  Eigen::MatrixXd gram = Eigen::MatrixXd::Zero(d, d);
  gram.selfadjointView<Eigen::Lower>().rankUpdate(x.transpose());
  Eigen::LLT<Eigen::MatrixXd> llt(gram.selfadjointView<Eigen::Lower>());
  ExactRisk risk;
  risk.rcond = llt.info() == Eigen::Success ? llt.rcond() : 0.0;
  if (llt.info() != Eigen::Success || risk.rcond < options.rcond_min) {
    risk.bias = risk.variance = risk.risk_one_draw = kNaN;
    return risk;
  }
  const Eigen::MatrixXd inverse = llt.solve(Eigen::MatrixXd::Identity(d, d));
  long double trace = 0.0L;
  for (std::int64_t j = 0; j < d; ++j) trace += static_cast<long double>(spectrum[j]) * inverse(j, j);
  risk.bias = 0.0;
  risk.variance = options.sigma2 * static_cast<double>(trace);
  risk.risk_one_draw = kNaN;
  if (options.noise_draw) {
    const Eigen::VectorXd error = llt.solve(x.transpose() * DrawNoise(trial_stream, n, options.sigma2));
    long double r = 0.0L;
    for (std::int64_t j = 0; j < d; ++j) r += static_cast<long double>(spectrum[j]) * error(j) * error(j);
    risk.risk_one_draw = static_cast<double>(r);
  }
  (void)theta;
  risk.method = RiskMethod::kCholesky;
  return risk;
}

}  // namespace

ExactRisk ExactRiskByQr(const theory::Spectrum& spectrum, const std::vector<double>& theta,
                        const ExactRiskOptions& options, const StreamId& trial_stream) {
  const std::int64_t n = options.gram.n, d = spectrum.dimension();
  MEMGEN_CHECK(d >= n) << "QR route needs d >= n";
  Eigen::MatrixXd xt(d, n);  // Xᵀ, row j = x_jᵀ
  {
    Eigen::VectorXd z(n);
    for (std::int64_t j = 0; j < d; ++j) {
      DrawDesignColumn(trial_stream, j, options.gram.design, z.data(), n);
      xt.row(j) = z.transpose() * std::sqrt(spectrum[j]);
    }
  }
  const Eigen::HouseholderQR<Eigen::MatrixXd> qr(xt);
  const Eigen::MatrixXd q = qr.householderQ() * Eigen::MatrixXd::Identity(d, n);
  const Eigen::MatrixXd r = qr.matrixQR().topRows(n).triangularView<Eigen::Upper>();
  // Xᵀ(XXᵀ)⁻¹ = Q R⁻ᵀ =: G, with Gᵀ = R⁻¹ Qᵀ.
  const Eigen::MatrixXd gt = r.triangularView<Eigen::Upper>().solve(q.transpose());
  Eigen::VectorXd theta_full = Eigen::VectorXd::Zero(d);
  for (std::size_t j = 0; j < theta.size(); ++j) theta_full(static_cast<Eigen::Index>(j)) = theta[j];
  const Eigen::VectorXd residual = theta_full - q * (q.transpose() * theta_full);
  long double bias = 0.0L, trace = 0.0L;
  for (std::int64_t j = 0; j < d; ++j) {
    bias += static_cast<long double>(spectrum[j]) * residual(j) * residual(j);
    trace += static_cast<long double>(spectrum[j]) * gt.col(j).squaredNorm();
  }
  ExactRisk risk;
  risk.bias = static_cast<double>(bias);
  risk.variance = options.sigma2 * static_cast<double>(trace);
  risk.risk_one_draw = kNaN;
  if (options.noise_draw) {
    const Eigen::VectorXd y = xt.transpose() * theta_full + DrawNoise(trial_stream, n, options.sigma2);
    const Eigen::VectorXd error = gt.transpose() * y - theta_full;
    long double rr = 0.0L;
    for (std::int64_t j = 0; j < d; ++j) rr += static_cast<long double>(spectrum[j]) * error(j) * error(j);
    risk.risk_one_draw = static_cast<double>(rr);
  }
  // (min|R_ii|/max|R_ii|)² ≈ 1/cond(A): a crude estimate that catches (near-)rank deficiency of X.
  const Eigen::VectorXd diag = r.diagonal().cwiseAbs();
  risk.rcond = diag.minCoeff() * diag.minCoeff() / (diag.maxCoeff() * diag.maxCoeff());
  risk.method = RiskMethod::kQrFallback;
  return risk;
}

ExactRisk ComputeExactRisk(const theory::Spectrum& spectrum, const std::vector<double>& theta,
                           const ExactRiskOptions& options, const StreamId& trial_stream) {
  const std::int64_t n = options.gram.n, d = spectrum.dimension();
  MEMGEN_CHECK(static_cast<std::int64_t>(theta.size()) <= d) << "theta longer than d";
  if (options.ridge == 0.0 && d < n) return UnderparameterizedRisk(spectrum, theta, options, trial_stream);

  // Columns past both the explicit head and θ's support form an exactly flat tail: Bartlett applies.
  const std::int64_t flat_begin =
      std::max(static_cast<std::int64_t>(spectrum.head.size()), static_cast<std::int64_t>(theta.size()));
  const bool wishart =
      options.wishart_tail && options.gram.design == DesignKind::kGaussian && d - flat_begin >= n;
  const std::int64_t explicit_end = wishart ? flat_begin : d;
  GramState state = NewGramState(n, static_cast<std::int64_t>(theta.size()), options.gram);
  AccumulateColumns(spectrum, theta, options.gram, trial_stream, 0, explicit_end, &state);
  Symmetrize(&state);
  if (wishart) {
    StreamId id = trial_stream;
    id.substream = kWishartSubstream;
    Rng rng(id);
    const Eigen::MatrixXd w = DrawWishartIdentity(n, d - flat_begin, rng);
    state.a += spectrum.tail_value * w;
    state.m_tail += (spectrum.tail_value * spectrum.tail_value) * w;
  }
  Eigen::MatrixXd a = state.a;
  a.diagonal().array() += static_cast<double>(n) * options.ridge;
  const Eigen::LLT<Eigen::MatrixXd> llt(a);
  ExactRisk risk;
  risk.rcond = llt.info() == Eigen::Success ? llt.rcond() : 0.0;
  if (llt.info() != Eigen::Success || risk.rcond < options.rcond_min) {
    const double qr_bytes = 4.0 * static_cast<double>(n) * static_cast<double>(d) * sizeof(double);
    if (options.ridge == 0.0 && !wishart && qr_bytes <= static_cast<double>(options.qr_fallback_bytes)) {
      // The QR route works with cond(X), i.e. the square root of A's; it still needs X of full rank.
      ExactRisk fallback = ExactRiskByQr(spectrum, theta, options, trial_stream);
      if (fallback.rcond >= options.rcond_min * options.rcond_min) return fallback;
    }
    risk.bias = risk.variance = risk.risk_one_draw = kNaN;
    risk.method = RiskMethod::kIllConditioned;
    return risk;
  }
  const Eigen::MatrixXd inverse = llt.solve(Eigen::MatrixXd::Identity(n, n));
  const Eigen::MatrixXd m = state.m_head + state.m_tail;
  const Eigen::MatrixXd km = inverse * m;
  risk.variance = options.sigma2 * km.cwiseProduct(inverse).sum();

  const Eigen::VectorXd w = llt.solve(state.v);
  risk.bias = HeadResidual(spectrum, theta, options.gram, trial_stream, state, w) + w.dot(state.m_tail * w);
  risk.risk_one_draw = kNaN;
  if (options.noise_draw) {
    const Eigen::VectorXd u = llt.solve(state.v + DrawNoise(trial_stream, n, options.sigma2));
    risk.risk_one_draw =
        HeadResidual(spectrum, theta, options.gram, trial_stream, state, u) + u.dot(state.m_tail * u);
  }
  risk.method = RiskMethod::kCholesky;
  return risk;
}

}  // namespace memgen::sim
