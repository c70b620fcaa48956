// Training data of a noisy low-rank linear teacher (learning_dynamics.md §3; the setting of
// `lampinen/transfer-theory` running_single_generalization_no_tf.py): P = N1 one-hot (orthonormal)
// inputs, so Σ11 = I and the input–output correlation is Σ31 = Y = W̄ + Z, with the teacher
// W̄ = Σ_i s̄_i ū_i v̄_iᵀ (N3 × N1; ū, v̄ Haar-random orthonormal columns) and noise entries
// N(0, σ_z²/N1). Also the two kinds of random outputs the spec compares it with: fresh i.i.d.
// entries of a given scale, and the same outputs permuted across examples (Y Π).
#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <vector>

#include "sim/random/rng.h"

namespace memgen::sim {

struct TeacherOptions {
  int inputs = 100;                 ///< N1 = P
  int outputs = 50;                 ///< N3
  std::vector<double> values{5.0};  ///< s̄_i, the teacher's singular values
  double noise_sd = 1.0;            ///< σ_z
};

struct TeacherData {
  Eigen::MatrixXd teacher;  ///< W̄
  Eigen::MatrixXd u_bar;    ///< N3 × rank
  Eigen::MatrixXd v_bar;    ///< N1 × rank
  Eigen::MatrixXd sigma31;  ///< W̄ + Z
};

// A rows × cols matrix (rows ≥ cols) with orthonormal columns, Haar-distributed (QR of a Gaussian
// matrix with the signs of R's diagonal fixed positive).
Eigen::MatrixXd RandomOrthonormalColumns(int rows, int cols, Rng& rng);
// Entries i.i.d. N(0, sd²).
Eigen::MatrixXd GaussianMatrix(int rows, int cols, double sd, Rng& rng);
TeacherData DrawTeacherData(const TeacherOptions& options, Rng& rng);
// Y with its columns (examples) permuted uniformly at random (Fisher–Yates).
Eigen::MatrixXd PermuteExamples(const Eigen::MatrixXd& outputs, Rng& rng);

}  // namespace memgen::sim
