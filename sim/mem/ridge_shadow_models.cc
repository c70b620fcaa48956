// Ridge shadow models on random Fourier features, see ridge_shadow_models.h.
#include "sim/mem/ridge_shadow_models.h"

#include <Eigen/Cholesky>

#include <cmath>
#include <limits>

#include "sim/linalg/blas_backend.h"
#include "sim/random/distributions.h"

namespace memgen::sim {
namespace {

constexpr double kTwoPi = 6.283185307179586;

// Margins and correctness of one model's outputs f (N × m).
void Score(const RowMatrix& f, const std::vector<int>& labels, Eigen::Index j, ShadowScores* s) {
  for (Eigen::Index i = 0; i < f.rows(); ++i) {
    const int y = labels[static_cast<std::size_t>(i)];
    double other = -std::numeric_limits<double>::infinity();
    for (Eigen::Index c = 0; c < f.cols(); ++c)
      if (c != y) other = std::max(other, f(i, c));
    s->margin(j, i) = f(i, y) - other;
    s->correct(j, i) = f(i, y) > other ? 1.0 : 0.0;
  }
}

}  // namespace

RowMatrix RandomFourierFeatures(const RowMatrix& x, const RandomFeatureOptions& o, Rng& rng) {
  RowMatrix omega(x.cols(), o.features);
  FillNormal(rng, omega.data(), static_cast<std::size_t>(omega.size()));
  omega *= std::sqrt(o.bandwidth);
  Eigen::RowVectorXd phase(o.features);
  for (int k = 0; k < o.features; ++k) phase(k) = kTwoPi * Uniform01(rng);
  RowMatrix z = x * omega;
  z.rowwise() += phase;
  return (std::sqrt(2.0 / o.features) * z.array().cos()).matrix();
}

ShadowScores TrainRidgeShadows(const RowMatrix& features, const std::vector<int>& labels, int classes, const theory::MaskMatrix& in,
                               double ridge) {
  const Eigen::Index models = in.rows(), n = features.rows(), d = features.cols();
  ShadowScores s{Eigen::ArrayXXd(models, n), theory::CorrectnessMatrix(models, n)};
  for (Eigen::Index j = 0; j < models; ++j) {
    const Eigen::Index k = in.row(j).count();
    RowMatrix z(k, d), y = RowMatrix::Zero(k, classes);
    for (Eigen::Index i = 0, r = 0; i < n; ++i)
      if (in(j, i)) {
        z.row(r) = features.row(i);
        y(r, labels[static_cast<std::size_t>(i)]) = 1.0;
        ++r;
      }
    Eigen::MatrixXd gram = Eigen::MatrixXd::Identity(d, d) * ridge;
    RankUpdateLower(gram, z.transpose());  // on the selected BLAS (zᵀ is a column-major view of z: no copy)
    const Eigen::MatrixXd w = gram.llt().solve(z.transpose() * y);
    Score(features * w, labels, j, &s);
  }
  return s;
}

}  // namespace memgen::sim
