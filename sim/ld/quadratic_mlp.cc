// The quadratic MLP on modular addition, see quadratic_mlp.h.
#include "sim/ld/quadratic_mlp.h"

#include <cmath>

#include "sim/core/check.h"
#include "sim/random/distributions.h"

namespace memgen::sim {
namespace {

// squared = ((W1 x) ⊙ mask)² for every sample, by gathering the two rows of W1ᵀ each one-hot pair
// selects, in one pass (W1 x itself is not stored: the backward pass gathers it again from W1ᵀ, which
// stays in cache, instead of reading an n × N buffer back from memory); then logits = c · squared · W2ᵀ.
void Forward(const QuadraticMlp& net, const ModularData& data, MlpWorkspace* w, const RowMatrix* mask = nullptr) {
  MEMGEN_CHECK(data.p == net.p) << data.p << " vs " << net.p;
  if (mask != nullptr) {
    MEMGEN_CHECK(mask->rows() == data.size() && mask->cols() == net.neurons()) << mask->rows() << " x " << mask->cols();
  }
  w->squared.resize(data.size(), net.neurons());
  for (std::int64_t i = 0; i < data.size(); ++i) {
    const auto hidden = net.input.row(data.first[static_cast<std::size_t>(i)]) + net.input.row(net.p + data.second[static_cast<std::size_t>(i)]);
    if (mask == nullptr) {
      w->squared.row(i) = hidden.array().square().matrix();
    } else {
      w->squared.row(i) = (hidden.array() * mask->row(i).array()).square().matrix();
    }
  }
  w->logits.resize(data.size(), net.p);
  w->logits.noalias() = w->squared * net.output;
  if (net.scale != 1.0) w->logits *= net.scale;
}

// The backward pass through layer 1, one sample at a time: the row ∂L/∂z of hidden_gradient times
// 2c z (z = (W1 x) ⊙ mask, gathered again) and times the mask is ∂L/∂(W1 x), scattered into the
// rows n and p + m of the gradient of W1ᵀ.
void BackwardLayerOne(const QuadraticMlp& net, const ModularData& data, const RowMatrix* mask, MlpWorkspace* w, RowMatrix* input_gradient) {
  input_gradient->setZero(net.input.rows(), net.input.cols());
  const double two_c = 2.0 * net.scale;
  for (std::int64_t i = 0; i < data.size(); ++i) {
    const Eigen::Index first = data.first[static_cast<std::size_t>(i)], second = net.p + data.second[static_cast<std::size_t>(i)];
    const auto hidden = net.input.row(first) + net.input.row(second);
    auto g = w->hidden_gradient.row(i);
    if (mask == nullptr) {
      g.array() *= two_c * hidden.array();
    } else {
      g.array() *= two_c * (hidden.array() * mask->row(i).array());
      g.array() *= mask->row(i).array();
    }
    input_gradient->row(first) += g;
    input_gradient->row(second) += g;
  }
}

double Normaliser(const ModularData& data, LossNorm norm) {
  return static_cast<double>(data.size()) * (norm == LossNorm::kMeanOverOutputs ? data.p : 1);
}

// Loss and accuracy of the logits; with `to_residual`, the logits are overwritten by the loss's
// derivative with respect to them, 2(logits − onehot)/normaliser.
FitMeasure Measure(const ModularData& data, LossNorm norm, bool to_residual, RowMatrix* logits) {
  const double normaliser = Normaliser(data, norm);
  double right = 0.0, loss = 0.0;
  for (std::int64_t i = 0; i < data.size(); ++i) {
    const int label = data.label[static_cast<std::size_t>(i)];
    Eigen::Index best = 0;
    logits->row(i).maxCoeff(&best);
    right += best == label ? 1.0 : 0.0;
    const double at_label = (*logits)(i, label);
    loss += logits->row(i).squaredNorm() - at_label * at_label + (at_label - 1.0) * (at_label - 1.0);
    if (to_residual) (*logits)(i, label) -= 1.0;
  }
  if (to_residual) *logits *= 2.0 / normaliser;
  return {loss / normaliser, right / static_cast<double>(data.size())};
}

}  // namespace

QuadraticMlp InitQuadraticMlp(int p, int neurons, double sd, double scale, Rng& rng) {
  MEMGEN_CHECK(p >= 2 && neurons >= 1 && sd > 0.0) << p << " " << neurons << " " << sd;
  QuadraticMlp net;
  net.p = p;
  net.scale = scale;
  net.input.resize(2 * p, neurons);
  net.output.resize(neurons, p);
  FillNormal(rng, net.input.data(), static_cast<std::size_t>(net.input.size()));
  FillNormal(rng, net.output.data(), static_cast<std::size_t>(net.output.size()));
  net.input *= sd;
  net.output *= sd;
  return net;
}

Eigen::MatrixXd Logits(const QuadraticMlp& net, const ModularData& data) {
  MlpWorkspace w;
  Forward(net, data, &w);
  return w.logits;
}

FitMeasure Evaluate(const QuadraticMlp& net, const ModularData& data, LossNorm norm, MlpWorkspace* w) {
  Forward(net, data, w);
  return Measure(data, norm, false, &w->logits);
}

FitMeasure Evaluate(const QuadraticMlp& net, const ModularData& data, LossNorm norm) {
  MlpWorkspace w;
  return Evaluate(net, data, norm, &w);
}

FitMeasure Gradient(const QuadraticMlp& net, const ModularData& data, LossNorm norm, QuadraticMlp* gradient, MlpWorkspace* w,
                    const RowMatrix* mask) {
  Forward(net, data, w, mask);
  const FitMeasure m = Measure(data, norm, true, &w->logits);  // logits now hold the residual
  gradient->p = net.p;
  gradient->scale = net.scale;
  gradient->output.resize(net.output.rows(), net.output.cols());
  gradient->output.noalias() = w->squared.transpose() * w->logits;
  w->hidden_gradient.resize(w->squared.rows(), w->squared.cols());
  w->hidden_gradient.noalias() = w->logits * net.output.transpose();  // ∂L/∂(z²)/c
  if (net.scale != 1.0) gradient->output *= net.scale;
  BackwardLayerOne(net, data, mask, w, &gradient->input);
  return m;
}

void DrawDropoutMask(double rate, std::int64_t samples, int neurons, Rng& rng, RowMatrix* mask) {
  MEMGEN_CHECK(rate >= 0.0 && rate < 1.0) << rate;
  mask->resize(samples, neurons);
  const double keep = 1.0 - rate, scale = 1.0 / keep;
  const auto threshold = static_cast<std::uint64_t>(std::ldexp(keep, 32));  // keep iff u < threshold, u uniform on [0, 2^32)
  double* out = mask->data();
  const auto count = static_cast<std::size_t>(mask->size());
  for (std::size_t i = 0; i < count; i += 2) {
    const std::uint64_t bits = rng();
    out[i] = (bits & 0xffffffffu) < threshold ? scale : 0.0;
    if (i + 1 < count) out[i + 1] = (bits >> 32) < threshold ? scale : 0.0;
  }
}

FitMeasure Gradient(const QuadraticMlp& net, const ModularData& data, LossNorm norm, QuadraticMlp* gradient) {
  MlpWorkspace w;
  return Gradient(net, data, norm, gradient, &w);
}

}  // namespace memgen::sim
