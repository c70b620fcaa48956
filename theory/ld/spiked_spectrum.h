// The training data of a noisy low-rank teacher as a spiked rectangular random matrix
// (Lampinen & Ganguli 2019, via learning_dynamics.md §3, §4; the formulas of
// `lampinen/transfer-theory` theory_functions.py). With P = N1 orthonormal inputs, Σ31 = W̄ + Z, the
// teacher W̄ = Σ_i s̄_i ū_i v̄_iᵀ (N3 × N1) and noise entries of variance σ_z²/N1; aspect ratio
// A = N3/N1 ∈ (0, 1]. For N1 → ∞ at fixed A:
//   training singular value  ŝ(s̄) = σ_z √((1 + x²)(A + x²))/x with x = s̄/σ_z, if x > A^{1/4};
//                            else the noise edge σ_z(1 + √A)
//   overlap                  O(s̄) = [1 − A(1 + x²)/(x²(A + x²))]^{1/2} [1 − (A + x²)/(x²(1 + x²))]^{1/2}
//   noise bulk               Marchenko–Pastur on σ_z[1 − √A, 1 + √A]
// Fresh i.i.d. outputs with the same per-entry variance σ_r²/N1, σ_r² = Σ_i s̄_i²/N3 + σ_z², are a
// pure noise matrix of scale σ_r: its first mode sits at the edge σ_r(1 + √A) and is learned later.
// For a rank-1 student early-stopped at its optimum the relative test error is 1 − O(s̄)².
#pragma once

#include <vector>

namespace memgen::theory {

struct SpikedModel {
  double aspect = 0.5;    ///< A = N3/N1
  double noise_sd = 1.0;  ///< σ_z
};

double TrainingSingularValue(double teacher_value, const SpikedModel& model);  ///< ŝ(s̄)
double TeacherOverlap(double teacher_value, const SpikedModel& model);         ///< O(s̄) (0 below detectability)
double NoiseEdgeUpper(const SpikedModel& model);                                ///< σ_z(1 + √A)
double NoiseEdgeLower(const SpikedModel& model);                                ///< σ_z(1 − √A)
// σ_r for a teacher with these singular values and N3 outputs.
double RandomOutputScale(const std::vector<double>& teacher_values, int outputs, const SpikedModel& model);
// The early-stopping optimum of the rank-1 student, 1 − O(s̄)².
double EarlyStoppingOptimum(double teacher_value, const SpikedModel& model);

}  // namespace memgen::theory
