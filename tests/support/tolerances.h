// Tolerances shared by the tests (STYLE.md G12): one place that says how close is close.
#pragma once

namespace memgen::test {

inline constexpr double kRelTight = 1e-12;    // algebraic identities in double precision
inline constexpr double kRelSolver = 1e-8;    // two routes through a linear solve (QR vs Cholesky)
inline constexpr double kZ = 5.0;             // Monte Carlo vs exact: |est − exact| ≤ 5 SE (≈ 5.7e-7 false fail)

}  // namespace memgen::test
