#include "theory/mem/ridge_noisy_gd.h"

#include <Eigen/Dense>
#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "theory/mem/gaussian_renyi.h"

namespace memgen::theory {
namespace {

Eigen::MatrixXd StepMatrix(const RidgeProblem& p, const NoisyGdParams& g) {
  const Eigen::Index d = p.h.rows();
  return Eigen::MatrixXd::Identity(d, d) - g.eta * p.h;
}

Eigen::MatrixXd MatrixPower(const Eigen::MatrixXd& a, int k) {
  Eigen::MatrixXd result = Eigen::MatrixXd::Identity(a.rows(), a.cols());
  Eigen::MatrixXd base = a;
  for (unsigned e = static_cast<unsigned>(k); e > 0; e >>= 1) {
    if (e & 1u) result = result * base;
    base = base * base;
  }
  return result;
}

}  // namespace

RidgeProblem MakeRidgeProblem(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, double lambda,
                              const std::vector<int>& drop) {
  const Eigen::Index n = x.rows(), d = x.cols();
  std::vector<bool> dropped(static_cast<std::size_t>(n), false);
  for (int i : drop) {
    if (i < 0 || i >= n) throw std::invalid_argument("MakeRidgeProblem: dropped row out of range");
    dropped[static_cast<std::size_t>(i)] = true;
  }
  const auto kept = static_cast<double>(std::count(dropped.begin(), dropped.end(), false));
  if (y.size() != n || kept < 1) throw std::invalid_argument("MakeRidgeProblem: bad sizes");
  RidgeProblem p{Eigen::MatrixXd::Zero(d, d), Eigen::VectorXd::Zero(d)};
  for (Eigen::Index j = 0; j < n; ++j) {
    if (dropped[static_cast<std::size_t>(j)]) continue;
    p.h.selfadjointView<Eigen::Lower>().rankUpdate(x.row(j).transpose());
    p.b += x.row(j).transpose() * y(j);
  }
  p.h = p.h.selfadjointView<Eigen::Lower>();
  p.h = p.h / kept + lambda * Eigen::MatrixXd::Identity(d, d);
  p.b /= kept;
  return p;
}

GaussianState Stationary(const RidgeProblem& p, const NoisyGdParams& g) {
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(p.h);
  if (!(g.eta * es.eigenvalues().maxCoeff() < 2.0)) throw std::invalid_argument("Stationary: eta*||H|| >= 2");
  const Eigen::Index d = p.h.rows();
  const Eigen::MatrixXd half = Eigen::MatrixXd::Identity(d, d) - 0.5 * g.eta * p.h;
  Eigen::MatrixXd cov = g.inv_beta * p.h.ldlt().solve(half.inverse());
  cov = 0.5 * (cov + cov.transpose());  // H and (I − ηH/2) commute; symmetrise rounding
  return {p.h.ldlt().solve(p.b), cov};
}

GaussianState StepRecursion(const RidgeProblem& p, const NoisyGdParams& g, const GaussianState& s) {
  const Eigen::MatrixXd a = StepMatrix(p, g);
  const Eigen::Index d = p.h.rows();
  return {a * s.mean + g.eta * p.b,
          a * s.cov * a.transpose() + 2.0 * g.eta * g.inv_beta * Eigen::MatrixXd::Identity(d, d)};
}

GaussianState StateAfter(const RidgeProblem& p, const NoisyGdParams& g, const GaussianState& start, int k) {
  if (k < 0) throw std::invalid_argument("StateAfter: k < 0");
  const GaussianState st = Stationary(p, g);
  const Eigen::MatrixXd ak = MatrixPower(StepMatrix(p, g), k);
  return {st.mean + ak * (start.mean - st.mean), st.cov + ak * (start.cov - st.cov) * ak.transpose()};
}

double UnlearningDivergence(const RidgeProblem& retain, const NoisyGdParams& g, const GaussianState& start,
                            double alpha, int k) {
  if (k < 0) throw std::invalid_argument("UnlearningDivergence: k < 0");
  const GaussianState target = Stationary(retain, g);
  const Eigen::MatrixXd ak = MatrixPower(StepMatrix(retain, g), k);
  return GaussianRenyiOfOffsets(alpha, ak * (start.mean - target.mean), ak * (start.cov - target.cov) * ak.transpose(), target.cov);
}

std::vector<double> UnlearningCurve(const RidgeProblem& retain, const NoisyGdParams& g, const GaussianState& start,
                                    double alpha, int k_max) {
  const GaussianState target = Stationary(retain, g);
  const Eigen::MatrixXd a = StepMatrix(retain, g);
  GaussianState offset{start.mean - target.mean, start.cov - target.cov};
  std::vector<double> curve;
  for (int k = 0; k <= k_max; ++k) {
    curve.push_back(GaussianRenyiOfOffsets(alpha, offset.mean, offset.cov, target.cov));
    offset = {a * offset.mean, a * offset.cov * a.transpose()};
  }
  return curve;
}

int UnlearningSteps(const RidgeProblem& retain, const NoisyGdParams& g, const GaussianState& start, double alpha,
                    double epsilon, int k_max) {
  const GaussianState target = Stationary(retain, g);
  const Eigen::MatrixXd a = StepMatrix(retain, g);
  GaussianState offset{start.mean - target.mean, start.cov - target.cov};
  for (int k = 0; k <= k_max; ++k) {
    if (GaussianRenyiOfOffsets(alpha, offset.mean, offset.cov, target.cov) <= epsilon) return k;
    offset = {a * offset.mean, a * offset.cov * a.transpose()};
  }
  return -1;
}

double AsymptoticLogRate(const RidgeProblem& p, const NoisyGdParams& g) {
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(p.h);
  const double lo = es.eigenvalues().minCoeff(), hi = es.eigenvalues().maxCoeff();
  return 2.0 * std::log(std::max(std::abs(1.0 - g.eta * lo), std::abs(1.0 - g.eta * hi)));
}

}  // namespace memgen::theory
