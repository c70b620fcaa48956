// The Omnigrok teacher–student MLP, see deep_tanh_mlp.h.
#include "sim/ld/deep_tanh_mlp.h"

#include <cmath>

#include "sim/core/check.h"
#include "sim/ld/vector_tanh.h"
#include "sim/random/distributions.h"

namespace memgen::sim {
namespace {

// Offsets of the six arrays in the flat parameter vector (torch's order).
struct Layout {
  std::size_t w1, b1, w2, b2, w3, b3, end;
  explicit Layout(const DeepTanhShape& s) {
    const auto i = static_cast<std::size_t>(s.inputs), w = static_cast<std::size_t>(s.width), o = static_cast<std::size_t>(s.outputs);
    w1 = 0, b1 = w1 + w * i, w2 = b1 + w, b2 = w2 + w * w, w3 = b2 + w, b3 = w3 + o * w, end = b3 + o;
  }
};

// The three layers' weights and biases as views of a flat vector.
template <typename Matrix, typename Vector, typename Pointer>
struct Layers {
  Matrix w1, w2, w3;
  Vector b1, b2, b3;
  Layers(const DeepTanhShape& s, Pointer p)
      : w1(p + Layout(s).w1, s.width, s.inputs), w2(p + Layout(s).w2, s.width, s.width), w3(p + Layout(s).w3, s.outputs, s.width),
        b1(p + Layout(s).b1, s.width), b2(p + Layout(s).b2, s.width), b3(p + Layout(s).b3, s.outputs) {}
};
using ConstLayers = Layers<ConstMatrixMap, ConstVectorMap, const double*>;
using MutableLayers = Layers<MatrixMap, VectorMap, double*>;

void FillUniform(Rng& rng, double bound, double a0, double* out, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) out[i] = a0 * bound * (2.0 * Uniform01(rng) - 1.0);
}

// Per-sample MSE below θ, averaged, and the overall MSE, from workspace->output − targets.
RegressionFit Fit(const RowMatrix& residual, double threshold) {
  RegressionFit fit;
  const double outputs = static_cast<double>(residual.cols());
  for (Eigen::Index r = 0; r < residual.rows(); ++r) {
    const double sample = residual.row(r).squaredNorm() / outputs;
    fit.loss += sample;
    fit.accuracy += sample < threshold ? 1.0 : 0.0;
  }
  fit.loss /= static_cast<double>(residual.rows());
  fit.accuracy /= static_cast<double>(residual.rows());
  return fit;
}

}  // namespace

std::size_t DeepTanhShape::ParameterCount() const { return Layout(*this).end; }

DeepTanhMlp InitDeepTanhMlp(const DeepTanhShape& shape, double a0, Rng& rng) {
  MEMGEN_CHECK(shape.inputs >= 1 && shape.width >= 1 && shape.outputs >= 1) << shape.inputs << " " << shape.width;
  DeepTanhMlp net{shape, Eigen::VectorXd(static_cast<Eigen::Index>(shape.ParameterCount()))};
  const Layout l(shape);
  double* p = net.parameters.data();
  const double in_bound = 1.0 / std::sqrt(double(shape.inputs)), hidden_bound = 1.0 / std::sqrt(double(shape.width));
  FillUniform(rng, in_bound, a0, p + l.w1, l.b1 - l.w1);  // torch draws each layer's weight, then its bias
  FillUniform(rng, in_bound, a0, p + l.b1, l.w2 - l.b1);
  FillUniform(rng, hidden_bound, a0, p + l.w2, l.b2 - l.w2);
  FillUniform(rng, hidden_bound, a0, p + l.b2, l.w3 - l.b2);
  FillUniform(rng, hidden_bound, a0, p + l.w3, l.b3 - l.w3);
  FillUniform(rng, hidden_bound, a0, p + l.b3, l.end - l.b3);
  return net;
}

void Forward(const DeepTanhMlp& net, const RowMatrix& x, DeepTanhWorkspace* ws) {
  MEMGEN_CHECK(x.cols() == net.shape.inputs) << x.cols();
  const ConstLayers l(net.shape, net.parameters.data());
  ws->hidden1.noalias() = x * l.w1.transpose();
  ws->hidden1.rowwise() += l.b1;
  TanhInPlace(ws->hidden1.data(), ws->hidden1.size());
  ws->hidden2.noalias() = ws->hidden1 * l.w2.transpose();
  ws->hidden2.rowwise() += l.b2;
  TanhInPlace(ws->hidden2.data(), ws->hidden2.size());
  ws->output.noalias() = ws->hidden2 * l.w3.transpose();
  ws->output.rowwise() += l.b3;
}

RegressionFit Evaluate(const DeepTanhMlp& net, const RowMatrix& x, const RowMatrix& y, double threshold, DeepTanhWorkspace* ws) {
  Forward(net, x, ws);
  ws->output -= y;
  return Fit(ws->output, threshold);
}

RegressionFit Gradient(const DeepTanhMlp& net, const RowMatrix& x, const RowMatrix& y, double threshold, Eigen::VectorXd* gradient,
                       DeepTanhWorkspace* ws) {
  const RegressionFit fit = Evaluate(net, x, y, threshold, ws);  // ws->output = f − y
  gradient->resize(net.parameters.size());
  const ConstLayers l(net.shape, net.parameters.data());
  MutableLayers g(net.shape, gradient->data());
  ws->output *= 2.0 / (static_cast<double>(x.rows()) * net.shape.outputs);  // ∂loss/∂f
  g.w3.noalias() = ws->output.transpose() * ws->hidden2;
  g.b3 = ws->output.colwise().sum();
  ws->delta2.noalias() = ws->output * l.w3;
  ws->delta2.array() *= 1.0 - ws->hidden2.array().square();
  g.w2.noalias() = ws->delta2.transpose() * ws->hidden1;
  g.b2 = ws->delta2.colwise().sum();
  ws->delta1.noalias() = ws->delta2 * l.w2;
  ws->delta1.array() *= 1.0 - ws->hidden1.array().square();
  g.w1.noalias() = ws->delta1.transpose() * x;
  g.b1 = ws->delta1.colwise().sum();
  return fit;
}

double ParameterNorm(const DeepTanhMlp& net) {
  double sum = 0.0;
  for (Eigen::Index i = 0; i < net.parameters.size(); ++i) sum += net.parameters[i] * net.parameters[i];
  return std::sqrt(sum);
}

}  // namespace memgen::sim
