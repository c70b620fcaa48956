// The data diet's exact facts and selection rules (Paul, Ganguli, Dziugaite 2021; Kirsch 2023;
// learning_dynamics.md §6).
// Softmax regression p = softmax(Wᵀ x̃), x̃ = (x, 1): ∇_W ℓ = x̃ (p − e_y)ᵀ, a rank-one matrix, so
//   GraNd = ‖∇_W ℓ‖_F = ‖p − e_y‖ ‖x̃‖ = EL2N · √(‖x‖² + 1)          (every W, every point).
// From W = 0 the prediction is uniform, p = 1/m, so for every example
//   EL2N₀ = ‖1/m − e_y‖ = √((1 − 1/m)² + (m − 1)/m²) = √((m − 1)/m),   GraNd₀ = √((m − 1)/m) √(‖x‖² + 1):
// EL2N at zero initialisation is constant (it ranks nothing) and GraNd ranks points exactly by ‖x‖,
// Kirsch's finding in its exact form.
// Offset subset (data_diet/scripts/run_offset_subset.py): sort the scores in descending order, skip
// the first `offset`, keep the next `size`. offset = 0 keeps the hardest `size` examples.
#pragma once

#include <cstdint>
#include <vector>

namespace memgen::theory {

// √((m − 1)/m): EL2N of every example under a uniform prediction over m classes.
double UniformPredictionEl2n(int classes);

// √(‖x‖² + 1) for a row x of length `dimension` (the norm of the input with its bias coordinate).
double BiasedInputNorm(const double* x, int dimension);

// Indices of the window [offset, offset + size) of the scores sorted in descending order (ties by
// index, so the selection is deterministic); offset + size must not exceed the number of scores.
std::vector<std::int64_t> OffsetWindow(const std::vector<double>& scores, std::int64_t offset, std::int64_t size);

// Fraction of the `k` highest scores (ties by index) whose point is positive.
double PrecisionAtTop(const std::vector<double>& scores, const std::vector<char>& positive, std::int64_t k);

}  // namespace memgen::theory
