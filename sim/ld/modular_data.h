// Modular addition as a learning task (Power et al. 2022; Gromov 2023; learning_dynamics.md §2): the
// p² pairs (n, m) with label (n + m) mod p, the input one-hot(n) ⊕ one-hot(m) kept as the two indices.
// A split shuffles the pairs (Fisher–Yates on a Philox stream) and takes the first ⌊f p²⌋ for training
// (the rounding of `d-doshi/Grokking` utils/datasets.py).
#pragma once

#include <cstdint>
#include <vector>

#include "sim/random/rng.h"

namespace memgen::sim {

struct ModularData {
  int p = 0;
  std::vector<int> first, second, label;  ///< n, m, (n + m) mod p
  std::int64_t size() const { return static_cast<std::int64_t>(label.size()); }
};

struct ModularSplit {
  ModularData train, test;
};

ModularData AllModularPairs(int p);
ModularSplit SplitModularAddition(int p, double train_fraction, Rng& rng);

}  // namespace memgen::sim
