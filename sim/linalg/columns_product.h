// Y = AᵀX (and Y = KX for a symmetric K from its lower triangle) for a column-major A (n × m) and a few
// right-hand columns X (n × k), reading A once, column
// after column, where k GEMVs read A k times and Eigen's GEMM re-packs A on every call. The products of
// dual gradient descent are of this shape: K·ΔC for the arms of one step (K = XXᵀ symmetric, so KᵀΔC is
// K·ΔC) and the validation read-out K_val·C (pass K_valᵀ). At n = 1000 A is 8 MB, so a step is bound by
// reading A from the L3 cache; one pass serves every arm.
//
// The kernel dots four columns of A at a time with up to six columns of X, the partial sums in 8-lane
// vectors (with AVX-512: 4·6 accumulators + 6 X lanes + 1 A lane = 31 of 32 registers); each dot product
// is summed in a fixed order (lane r holds the rows ≡ r mod 8, then the 8 lanes by Eigen's fixed tree,
// then the rows beyond the last multiple of 8), so the result is a fixed function of A and X, whatever
// the thread count, and within n ε Σ_i |a_i||x_i| of the exact dot product, like any dot product.
#pragma once

#include <Eigen/Core>

namespace memgen::sim {

// y = aᵀ x; y must be a.cols() × x.cols() and must not alias a or x.
void TransposedTimes(const Eigen::MatrixXd& a, const Eigen::Ref<const Eigen::MatrixXd>& x, Eigen::Ref<Eigen::MatrixXd> y);

// y = K x for a symmetric K given by its lower triangle (the upper one is never read): half the bytes of
// TransposedTimes. Column j of the triangle, rows i ≥ j, serves both halves of the product: y_j gains
// Σ_{i≥j} K_ij x_i (a dot product, lanes as above, the rows before the first multiple of 8 after j and the
// diagonal first) and y_i gains K_ij x_j for i > j (an axpy, in column order). Every y_i is thus a fixed-order
// sum of its n products, within n ε Σ_l |K_il||x_l| of the exact value. y must be K.rows() × x.cols() and
// must not alias K or x.
void SymmetricTimes(const Eigen::MatrixXd& k, const Eigen::Ref<const Eigen::MatrixXd>& x, Eigen::Ref<Eigen::MatrixXd> y);

}  // namespace memgen::sim
