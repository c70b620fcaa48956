// SCO learners with closed forms, see learners.h.
#include "sim/sco/learners.h"

#include <cmath>

#ifdef __AVX512F__
#include <immintrin.h>
#endif

#include "sim/core/config_error.h"
#include "sim/random/distributions.h"
#include "sim/sco/sign_projection.h"

namespace memgen::sim {
namespace {

double Norm(const std::vector<double>& v) {
  long double s = 0.0L;
  for (double x : v) s += static_cast<long double>(x) * x;
  return static_cast<double>(std::sqrt(s));  // root in long double: no overflow for |x| up to 1e300
}

void ProjectToBall(std::vector<double>* v) {
  const double norm = Norm(*v);
  if (norm > 1.0)
    for (double& x : *v) x /= norm;
}

std::vector<double> MeanFromCounts(const std::vector<std::int32_t>& counts, std::int64_t rows, std::int64_t d) {
  std::vector<double> zbar(static_cast<std::size_t>(d));
  const double scale = 1.0 / (static_cast<double>(rows) * std::sqrt(static_cast<double>(d)));
  for (std::int64_t k = 0; k < d; ++k) zbar[k] = (2.0 * counts[k] - static_cast<double>(rows)) * scale;
  return zbar;
}

std::vector<double> Normalised(std::vector<double> v) {
  const double norm = Norm(v);
  if (norm > 0.0)
    for (double& x : v) x /= norm;
  return v;
}

// One pass of projected SGD over the rows in order, θ_t = Π_B(θ_{t−1} + η z_t), kept as θ = c·u so
// the projection only rescales c. Per row, one fused pass computes ⟨u, x_t⟩ (for the new norm,
// ‖u + a x‖² = ‖u‖² + 2a⟨u, x⟩ + a² d with a = η/(c√d)), adds a·x_t to u, and adds the previous
// iterate c_{t−1}u_{t−1} to the running sum. Returns the last iterate or the average of θ_1..θ_n.
std::vector<double> ProjectedSgd(const CoinMatrix& train, std::int64_t d, double step, bool average) {
  const std::int64_t padded = 64 * train.words;
  std::vector<double> u(static_cast<std::size_t>(padded), 0.0), sum(static_cast<std::size_t>(padded), 0.0);
  double c = 1.0, norm2 = 0.0, previous_c = 0.0;
  const double sqrt_d = std::sqrt(static_cast<double>(d));
  for (std::int64_t r = 0; r < train.rows; ++r) {
    const std::uint64_t* row = train.Row(r);
    const double a = step / (c * sqrt_d);
    double dot = 0.0;
    for (std::int64_t w = 0; w < train.words; ++w) {
      const std::uint64_t bits = row[w];
      double* uw = u.data() + 64 * w;
      double* sw = sum.data() + 64 * w;
      const std::int64_t valid = std::min<std::int64_t>(64, d - 64 * w);
#ifdef __AVX512F__
      if (valid == 64) {
        const __m512d plus = _mm512_set1_pd(1.0), minus = _mm512_set1_pd(-1.0);
        const __m512d pc = _mm512_set1_pd(previous_c), av = _mm512_set1_pd(a);
        __m512d acc = _mm512_setzero_pd();
        for (int q = 0; q < 8; ++q) {
          const __m512d x = _mm512_mask_blend_pd(static_cast<__mmask8>((bits >> (8 * q)) & 0xFFU), minus, plus);
          const __m512d uq = _mm512_loadu_pd(uw + 8 * q);
          _mm512_storeu_pd(sw + 8 * q, _mm512_fmadd_pd(pc, uq, _mm512_loadu_pd(sw + 8 * q)));
          acc = _mm512_fmadd_pd(uq, x, acc);
          _mm512_storeu_pd(uw + 8 * q, _mm512_fmadd_pd(av, x, uq));
        }
        dot += _mm512_reduce_add_pd(acc);
        continue;
      }
#endif
      for (int j = 0; j < valid; ++j) {
        const double x = ((bits >> j) & 1U) ? 1.0 : -1.0;
        sw[j] += previous_c * uw[j];
        dot += uw[j] * x;
        uw[j] += a * x;
      }
    }
    norm2 = norm2 + 2.0 * a * dot + a * a * static_cast<double>(d);
    const double norm = c * std::sqrt(norm2);
    if (norm > 1.0) c /= norm;  // project onto the unit ball
    previous_c = average ? c : 0.0;
  }
  std::vector<double> theta(static_cast<std::size_t>(d));
  if (!average) {
    for (std::int64_t k = 0; k < d; ++k) theta[k] = c * u[k];
    return theta;
  }
  const double inv_n = 1.0 / static_cast<double>(train.rows);
  for (std::int64_t k = 0; k < d; ++k) theta[k] = (sum[k] + c * u[k]) * inv_n;
  return theta;
}

}  // namespace

std::string ScoLearnerKindToString(ScoLearnerKind kind) {
  switch (kind) {
    case ScoLearnerKind::kErm: return "erm";
    case ScoLearnerKind::kRegErm: return "reg_erm";
    case ScoLearnerKind::kSgdLazy: return "sgd_lazy";
    case ScoLearnerKind::kSgdGreedy: return "sgd_greedy";
    case ScoLearnerKind::kSgdAverage: return "sgd_average";
    case ScoLearnerKind::kSubsample: return "subsample";
    case ScoLearnerKind::kDpMean: return "dp_mean";
    case ScoLearnerKind::kNoisyMean: return "noisy_mean";
    case ScoLearnerKind::kCslErm: return "csl_erm";
    case ScoLearnerKind::kProjectedErm: return "projected_erm";
  }
  return "erm";
}

ScoLearnerKind StringToScoLearnerKind(const std::string& text, const std::string& field) {
  for (auto kind : {ScoLearnerKind::kErm, ScoLearnerKind::kRegErm, ScoLearnerKind::kSgdLazy,
                    ScoLearnerKind::kSgdGreedy, ScoLearnerKind::kSgdAverage, ScoLearnerKind::kSubsample,
                    ScoLearnerKind::kDpMean, ScoLearnerKind::kNoisyMean, ScoLearnerKind::kCslErm,
                    ScoLearnerKind::kProjectedErm})
    if (ScoLearnerKindToString(kind) == text) return kind;
  throw ConfigError(field, text,
                    "must be erm, reg_erm, sgd_lazy, sgd_greedy, sgd_average, subsample, dp_mean, noisy_mean, csl_erm "
                    "or projected_erm");
}

void ScoLearnerOptions::Validate(const std::string& field) const {
  Require(fraction > 0.0 && fraction <= 1.0, field + ".fraction", fraction, "must be in (0, 1]");
  Require(reg_lambda >= 1e-12 && reg_lambda <= 1e12, field + ".reg_lambda", reg_lambda, "must be in [1e-12, 1e12]");
  Require(step >= 0.0 && step <= 1e6, field + ".step", step, "must be in [0, 1e6] (0: 1/sqrt(n))");
  Require(dp_epsilon > 0.0 && dp_epsilon <= 100.0, field + ".dp_epsilon", dp_epsilon,
          "must be in (0, 100] (analytic Gaussian mechanism)");
  Require(dp_delta >= 1e-30 && dp_delta < 1.0, field + ".dp_delta", dp_delta, "must be in [1e-30, 1)");
  Require(noise >= 0.0 && noise <= 1e6, field + ".noise", noise, "must be in [0, 1e6]");
  Require(projection_dim >= 1 && projection_dim <= 1000000, field + ".projection_dim", projection_dim,
          "must be in [1, 1e6]");
  Require(quantizer_step >= 0.0 && quantizer_step <= 1.0, field + ".quantizer_step", quantizer_step,
          "must be in [0, 1] (0: no quantisation)");
  Require(projection_scale > 0.0 && projection_scale <= 1e3, field + ".projection_scale", projection_scale,
          "must be in (0, 1e3]");
}

void AddRowCounts(const std::uint64_t* row, std::int64_t words, std::int32_t* counts) {
  for (std::int64_t w = 0; w < words; ++w) {
    const std::uint64_t bits = row[w];
    std::int32_t* c = counts + 64 * w;
#ifdef __AVX512F__
    const __m512i one = _mm512_set1_epi32(1);
    for (int q = 0; q < 4; ++q) {
      const auto mask = static_cast<__mmask16>((bits >> (16 * q)) & 0xFFFFU);
      const __m512i v = _mm512_loadu_si512(c + 16 * q);
      _mm512_storeu_si512(c + 16 * q, _mm512_mask_add_epi32(v, mask, v, one));
    }
#else
    for (int j = 0; j < 64; ++j) c[j] += static_cast<std::int32_t>((bits >> j) & 1U);
#endif
  }
}

ScoLearnerOutput RunScoLearner(const ScoLearnerOptions& o, const CoinMatrix& train,
                               const std::vector<std::int32_t>& counts, const std::vector<double>& mu,
                               std::int64_t d, Rng& noise) {
  const std::int64_t n = train.rows;
  const double step = o.step > 0.0 ? o.step : 1.0 / std::sqrt(static_cast<double>(n));
  ScoLearnerOutput out;
  out.used_rows = n;
  switch (o.kind) {
    case ScoLearnerKind::kErm:
      out.theta = Normalised(MeanFromCounts(counts, n, d));
      break;
    case ScoLearnerKind::kRegErm: {
      out.theta = MeanFromCounts(counts, n, d);
      for (double& x : out.theta) x /= o.reg_lambda;
      ProjectToBall(&out.theta);
      break;
    }
    case ScoLearnerKind::kSgdLazy: {
      out.theta = MeanFromCounts(counts, n, d);
      for (double& x : out.theta) x *= step * static_cast<double>(n);
      ProjectToBall(&out.theta);
      break;
    }
    case ScoLearnerKind::kSgdGreedy:
      out.theta = ProjectedSgd(train, d, step, false);
      break;
    case ScoLearnerKind::kSgdAverage:
      out.theta = ProjectedSgd(train, d, step, true);
      break;
    case ScoLearnerKind::kSubsample: {
      const auto m = static_cast<std::int64_t>(std::ceil(o.fraction * static_cast<double>(n)));
      std::vector<std::int32_t> prefix(counts.size(), 0);
      for (std::int64_t r = 0; r < m; ++r) AddRowCounts(train.Row(r), train.words, prefix.data());
      out.theta = Normalised(MeanFromCounts(prefix, m, d));
      out.used_rows = m;
      break;
    }
    case ScoLearnerKind::kDpMean:
    case ScoLearnerKind::kNoisyMean: {
      std::vector<double> v = MeanFromCounts(counts, n, d);
      const double sigma =
          o.kind == ScoLearnerKind::kDpMean ? o.dp_sigma : o.noise / std::sqrt(static_cast<double>(d));
      std::vector<double> gauss(static_cast<std::size_t>(d));
      FillNormal(noise, gauss.data(), gauss.size());
      for (std::int64_t k = 0; k < d; ++k) v[k] += sigma * gauss[k];
      out.theta = Normalised(std::move(v));
      break;
    }
    case ScoLearnerKind::kProjectedErm: {
      BatchStream stream;  // Θ from the learner's own noise stream: a fixed function of the run
      const std::uint64_t key = noise();
      stream.key[0] = static_cast<std::uint32_t>(key);
      stream.key[1] = static_cast<std::uint32_t>(key >> 32);
      SignProjectionOptions projection;
      projection.dim = o.projection_dim;
      projection.quantizer_step = o.quantizer_step;
      projection.scale = o.projection_scale;
      out.theta = SignProject(Normalised(MeanFromCounts(counts, n, d)), projection, stream, noise);
      break;
    }
    case ScoLearnerKind::kCslErm: {
      out.theta = MeanFromCounts(counts, n, d);
      out.weight = out.theta;
      for (std::int64_t k = 0; k < d; ++k) out.weight[k] -= mu[k];
      return out;
    }
  }
  out.weight = out.theta;
  return out;
}

}  // namespace memgen::sim
