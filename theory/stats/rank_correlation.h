// Ranks and Spearman's rank correlation (Spearman 1904).
//   rank_i = #{j : x_j < x_i} + (#{j : x_j = x_i} − 1)/2        (ties get their mean rank, 0-based)
//   ρ_S(x, y) = Pearson correlation of (rank(x), rank(y))
// With no ties on either side this equals 1 − 6 Σ d_i² / (n(n² − 1)), d_i = rank(x)_i − rank(y)_i; with
// ties the Pearson form is the standard definition (the shortcut is then not exact). ρ_S is NaN when
// either side is constant (a rank correlation with constant scores is undefined).
#pragma once

#include <vector>

namespace memgen::theory {

std::vector<double> MeanRanks(const std::vector<double>& x);

// Pearson's product-moment correlation; NaN when either side is constant. Its square is the R² of the
// least-squares line of y on x.
double Pearson(const std::vector<double>& x, const std::vector<double>& y);
double Spearman(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace memgen::theory
