// Tolerances shared by the tests (STYLE.md G12): one place that says how close is close.
#pragma once

namespace memgen::test {

inline constexpr double kRelTight = 1e-12;    // algebraic identities in double precision
inline constexpr double kRelSolver = 1e-8;    // two routes through a linear solve (QR vs Cholesky)
inline constexpr double kZ = 5.0;             // Monte Carlo vs exact: |est − exact| ≤ 5 SE (≈ 5.7e-7 false fail)
// The test size of claims built on the tests' reduced runs (about 10 trials), instead of a full run's
// 1e-6 (theory/verdict/test_size.h): Student's t with 9 degrees of freedom at 1e-6 is 11, which no
// reduced run can reach; at 1e-3 a true claim fails at most once in a thousand seeds, and each planted
// defect is far beyond the claim's detectable deviation at this size.
inline constexpr double kReducedRunClaimRate = 1e-3;

}  // namespace memgen::test
