// Data of the linear spurious-feature model (spurious_memorization.md §2). A row is
// x = (x_y, x_a, ε): a core feature, a spurious feature and d example-specific noise coordinates.
//   Figure-1 split (§2.1, `interpretable_experiment.py::problem_1`, exact): ỹ = ±1 with probability ½,
//     x_y = (0.12ξ − 1)ỹ, x_a = 5(0.12ξ′ − 1)ỹ, then x_a ← −x_a on a uniformly random subset of
//     int((1 − majority_fraction)·n) rows (99 of 1000 at 0.9: 1 − 0.9 < 0.1 in binary), ε = σ_ε N(0, I_d).
//   Idealized (§2.2): y = ±1 with probability ½, a = −y on a uniformly random subset of ⌊ρn⌋ rows
//     (the minority) and a = y elsewhere, x = (y + σ_y ξ, γ(a + σ_a ξ′), σ_ε N(0, I_d)).
// The minority flags are the rows whose spurious feature disagrees with the label (the true groups).
// Draw order per split: labels, subset, feature noise, then ε row by row.
#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <string>
#include <vector>

#include "sim/random/rng.h"

namespace memgen::sim {

struct SpuriousSample {
  Eigen::MatrixXd x;           ///< n × (d + 2): columns x_y, x_a, ε
  Eigen::VectorXd y;           ///< labels ±1
  std::vector<char> minority;  ///< 1 where the spurious feature contradicts the label
  std::int64_t MinorityCount() const;
};

struct IdealizedOptions {
  std::int64_t n = 200;
  double rho = 0.1;        ///< minority fraction (⌊ρn⌋ rows)
  double gamma = 5.0;
  double sigma_y = 0.0, sigma_a = 0.0;
  double sigma_eps = 0.1;
  std::int64_t d = 4000;   ///< noise coordinates
  void Validate(const std::string& field) const;
};

SpuriousSample DrawIdealized(const IdealizedOptions& options, Rng& rng);

// One split of the Figure-1 generator (the Figure-1 experiment's options are
// scenarios::Figure1Options; it draws its splits with noise_std = 1 and scales ε itself).
struct Figure1SplitOptions {
  std::int64_t n = 1000;
  double majority_fraction = 0.9;  ///< 0.5 for the balanced validation/test splits
  double noise_std = 0.5;          ///< σ_ε
  std::int64_t d = 1798;
  void Validate(const std::string& field) const;
};

SpuriousSample DrawFigure1Split(const Figure1SplitOptions& options, Rng& rng);

// Binary weights of a PyTorch Linear(D→2, bias=False) at its default initialisation: W₁ − W₀ with every
// entry U(±1/√D), W₀'s entries drawn first.
Eigen::VectorXd TorchLinearInit(std::int64_t dim, Rng& rng);

// A uniformly random subset of `count` of {0, …, n − 1} (partial Fisher–Yates from Uniform01).
std::vector<std::int64_t> RandomSubset(std::int64_t n, std::int64_t count, Rng& rng);

}  // namespace memgen::sim
