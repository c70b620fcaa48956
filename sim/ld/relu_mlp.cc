// The one-hidden-layer ReLU classifier, see relu_mlp.h.
#include "sim/ld/relu_mlp.h"

#include <cmath>

#include "sim/core/check.h"
#include "sim/random/distributions.h"

namespace memgen::sim {
namespace {

struct Offsets {
  std::size_t w1, b1, w2, b2, end;
  Offsets(int inputs, int width, int classes) {
    const auto i = std::size_t(inputs), w = std::size_t(width), k = std::size_t(classes);
    w1 = 0, b1 = w * i, w2 = b1 + w, b2 = w2 + k * w, end = b2 + k;
  }
};

// logits = relu(x W1ᵀ + b1) W2ᵀ + b2 into the workspace.
void Forward(const ReluMlp& n, const RowMatrix& x, ReluWorkspace* ws) {
  MEMGEN_CHECK(x.cols() == n.inputs) << x.cols() << " vs " << n.inputs;
  const Offsets o(n.inputs, n.width, n.classes);
  const double* p = n.parameters.data();
  ws->hidden.noalias() = x * ConstMatrixMap(p + o.w1, n.width, n.inputs).transpose();
  ws->hidden.rowwise() += ConstVectorMap(p + o.b1, n.width);
  ws->hidden = ws->hidden.cwiseMax(0.0);
  ws->logits.noalias() = ws->hidden * ConstMatrixMap(p + o.w2, n.classes, n.width).transpose();
  ws->logits.rowwise() += ConstVectorMap(p + o.b2, n.classes);
}

// Mean cross-entropy and accuracy; with `to_gradient` the logits become ∂loss/∂logits = (softmax − onehot)/n.
ClassifierFit Measure(const std::vector<int>& labels, bool to_gradient, RowMatrix* logits) {
  ClassifierFit fit;
  const double n = static_cast<double>(logits->rows());
  for (Eigen::Index i = 0; i < logits->rows(); ++i) {
    const int y = labels[static_cast<std::size_t>(i)];
    Eigen::Index best = 0;
    const double top = logits->row(i).maxCoeff(&best);
    fit.accuracy += best == y ? 1.0 : 0.0;
    const double log_sum = top + std::log((logits->row(i).array() - top).exp().sum());
    fit.loss += log_sum - (*logits)(i, y);
    if (to_gradient) {
      logits->row(i) = (logits->row(i).array() - log_sum).exp();
      (*logits)(i, y) -= 1.0;
    }
  }
  if (to_gradient) *logits /= n;
  fit.loss /= n;
  fit.accuracy /= n;
  return fit;
}

}  // namespace

ReluMlp InitReluMlp(int inputs, int width, int classes, Rng& rng) {
  MEMGEN_CHECK(inputs >= 1 && width >= 1 && classes >= 2) << inputs << " " << width << " " << classes;
  ReluMlp net{inputs, width, classes, Eigen::VectorXd(static_cast<Eigen::Index>(Offsets(inputs, width, classes).end))};
  const Offsets o(inputs, width, classes);
  const double first = 1.0 / std::sqrt(double(inputs)), second = 1.0 / std::sqrt(double(width));
  for (std::size_t i = 0; i < o.end; ++i) net.parameters[Eigen::Index(i)] = (i < o.w2 ? first : second) * (2.0 * Uniform01(rng) - 1.0);
  return net;
}

ClassifierFit Evaluate(const ReluMlp& net, const RowMatrix& x, const std::vector<int>& labels, ReluWorkspace* ws) {
  Forward(net, x, ws);
  return Measure(labels, false, &ws->logits);
}

ClassifierFit Gradient(const ReluMlp& net, const RowMatrix& x, const std::vector<int>& labels, Eigen::VectorXd* gradient,
                       ReluWorkspace* ws) {
  Forward(net, x, ws);
  const ClassifierFit fit = Measure(labels, true, &ws->logits);  // logits now hold ∂loss/∂logits
  const Offsets o(net.inputs, net.width, net.classes);
  gradient->resize(static_cast<Eigen::Index>(o.end));
  double* g = gradient->data();
  const double* p = net.parameters.data();
  MatrixMap(g + o.w2, net.classes, net.width).noalias() = ws->logits.transpose() * ws->hidden;
  VectorMap(g + o.b2, net.classes) = ws->logits.colwise().sum();
  ws->delta.noalias() = ws->logits * ConstMatrixMap(p + o.w2, net.classes, net.width);
  ws->delta.array() *= (ws->hidden.array() > 0.0).cast<double>();
  MatrixMap(g + o.w1, net.width, net.inputs).noalias() = ws->delta.transpose() * x;
  VectorMap(g + o.b1, net.width) = ws->delta.colwise().sum();
  return fit;
}

}  // namespace memgen::sim
