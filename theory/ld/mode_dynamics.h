// Closed-form learning of one mode of a deep linear network (Saxe, McClelland, Ganguli 2014; the
// notation of learning_dynamics.md §3). Gradient flow with learning rate λ (τ = 1/λ, the loss
// ½Σ_μ‖y^μ − W x^μ‖² summed over orthonormal inputs, Σ11 = I) from a training-aligned, balanced
// initialisation decouples into one ODE per singular value ŝ of Σ31 for the mode strength u of the
// product W = W_{L}···W_1 (L = N_l − 1 weight matrices, each layer's strength a, u = a^L):
//   τ du/dt = L u^{2 − 2/L} (ŝ − u),   u(0) = ε.
// One hidden layer (L = 2) is the logistic
//   u(t) = ŝ / (1 + e^{−2ŝt/τ} (ŝ/ε − 1)),   t(u) = (τ/(2ŝ)) ln[(ŝ/ε − 1)/(ŝ/u − 1)];
// three hidden layers (L = 4) integrate in closed form for t(u) only,
//   t(u) = (τ/(2ŝ)) [ 1/√ε − 1/√u + (1/(2√ŝ)) ln( (√ŝ + √u)(√ŝ − √ε) / ((√ŝ − √u)(√ŝ + √ε)) ) ],
// and u(t) is its inverse, found by a bracketing root finder (Boost.Math TOMS 748). Times are in
// units of τ throughout.
#pragma once

namespace memgen::theory {

// The mode strength u at time t/τ for L = `weight_layers` ∈ {2, 4}; 0 < ε < ŝ.
double ModeStrength(double t_over_tau, double s_hat, double epsilon, int weight_layers);
// The time t/τ at which the mode reaches u ∈ [ε, ŝ), for L ∈ {2, 4}.
double ModeTime(double u, double s_hat, double epsilon, int weight_layers);

}  // namespace memgen::theory
