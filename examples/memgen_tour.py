# %% [markdown]
# # memgen from Python: one figure per simulator
# A percent-format script (Jupyter opens it as a notebook; `/usr/bin/python3 examples/memgen_tour.py`
# runs it as a script, as CI does). Set `PYTHONPATH=out/build/release/python` first (README). Every
# number comes from memgen's kernels or from a scenario run through its binary; nothing is typed in.
# The figures go to $MEMGEN_TOUR_OUT (default: results/tour).

# %%
import os
import pathlib

import matplotlib

matplotlib.use(os.environ.get("MPLBACKEND", "Agg"))
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

import memgen  # noqa: E402

OUT = pathlib.Path(os.environ.get("MEMGEN_TOUR_OUT", "results/tour"))
OUT.mkdir(parents=True, exist_ok=True)


def save(fig, name):
    fig.tight_layout()
    fig.savefig(OUT / f"{name}.png", dpi=120)
    print(f"tour: {OUT / name}.png")


# %% [markdown]
# ## Benign overfitting: the deterministic equivalent's variance against n
# Ridgeless regression on power-law spectra λ_i = i^(−α), d = 20000: the variance σ² df₂/(n − df₂) of
# the deterministic equivalent (Hastie et al. 2022) as n grows.

# %%
fig, ax = plt.subplots(figsize=(4, 3))
n_grid = np.array([25, 50, 100, 200, 400])
for alpha in (1.0, 1.5):
    lam = 1.0 / np.arange(1, 20001) ** alpha
    ax.plot(n_grid, [memgen.deterministic_equivalent(lam, int(n))["variance"] for n in n_grid], "o-", label=f"alpha = {alpha}")
ax.set_xscale("log"), ax.set_yscale("log"), ax.set_xlabel("n"), ax.set_ylabel("V_DE (sigma^2 = 1)"), ax.legend()
save(fig, "bo_variance")

# %% [markdown]
# ## SCO traceability: the DP cap on tracing
# The analytic Gaussian mechanism's noise for replace-one sensitivity 2/n (Balle and Wang 2018), and
# the tracer's Hoeffding threshold at level ξ for a unit weight vector in d dimensions.

# %%
fig, ax = plt.subplots(figsize=(4, 3))
eps = np.logspace(-1, 1, 12)
ax.plot(eps, [memgen.analytic_gaussian_sigma(2.0 / 100, e, 1e-5) for e in eps], "o-", label="sigma, n = 100, delta = 1e-5")
ax.axhline(memgen.hoeffding_threshold(1.0, 25039, 0.01), color="0.5", ls="--", label="Hoeffding threshold, d = 25039, xi = 0.01")
ax.set_xscale("log"), ax.set_yscale("log"), ax.set_xlabel("epsilon"), ax.legend(fontsize=6)
save(fig, "sco_dp_noise")

# %% [markdown]
# ## SCO traceability: the tracer recalls the sample until the noise hides it
# `sco_trial` runs one trial of a tracing cell exactly as `scn_sco_tracing` does: n = 25 points in
# d = 25037 dimensions, a noisy-mean learner at several noise levels sigma sqrt(d), and the count of
# training points whose score clears the family-wise Hoeffding threshold.

# %%
noise = [0.1, 0.3, 1.0, 3.0, 10.0]
learners = [{"kind": "noisy_mean", "name": f"noise{s}", "noise": s} for s in noise]
trials = [memgen.sco_trial(25, 25037, learners, eps=0.2, seed=1, cell="tour", trial=t) for t in range(5)]
recall = [np.mean([t["learners"][f"noise{s}"]["recall_fw"] for t in trials]) / 25 for s in noise]
fig, ax = plt.subplots(figsize=(4, 3))
ax.plot(noise, recall, "o-")
ax.set_xscale("log"), ax.set_xlabel("noise sigma sqrt(d)"), ax.set_ylabel("traced fraction (5 trials)")
save(fig, "sco_tracing_noise")

# %% [markdown]
# ## Learning dynamics: deep linear networks learn their modes in order of strength
# The closed-form mode strengths of Saxe, McClelland and Ganguli (2014) for one and three hidden layers.

# %%
fig, ax = plt.subplots(figsize=(4, 3))
t = np.linspace(0.0, 12.0, 400)
for s_hat in (2.0, 1.0, 0.5):
    ax.plot(t, memgen.mode_strength(t, s_hat, 1e-3, 2) / s_hat, label=f"s = {s_hat:g}, one hidden layer")
    ax.plot(t, memgen.mode_strength(t, s_hat, 1e-2, 4) / s_hat, "--", label=f"s = {s_hat:g}, three")
ax.set_xlabel("t / tau"), ax.set_ylabel("u(t) / s"), ax.legend(fontsize=5)
save(fig, "ld_modes")

# %% [markdown]
# ## Spurious features: the closed-form margins (a scenario run from Python)

# %%
spur = memgen.run("spur_theory", scale="smoke", threads=2)
closed = spur.tables["closed_form"]
fig, ax = plt.subplots(figsize=(4, 3))
for (series, gamma), rows in closed.groupby(["series", "gamma"]):
    ax.plot(rows["n_over_s"], rows["v"], label=f"{series}, gamma = {gamma:g}")
ax.axhline(0.0, color="0.5", lw=0.6)
ax.set_xscale("log"), ax.set_xlabel("n / s"), ax.set_ylabel("minority margin v (closed form)"), ax.legend(fontsize=6)
save(fig, "spur_margins")

# %% [markdown]
# ## Learning dynamics: the 1-nearest neighbour memorizes at the Cover–Hart rate

# %%
ld = memgen.run("ld_memorization", scale="smoke", threads=2)
nn = ld.tables["nn_constant_eta"]
fig, ax = plt.subplots(figsize=(4, 3))
ax.plot(nn["predicted"], nn["error_rate"], "o")
lim = [0, float(max(nn["predicted"].max(), nn["error_rate"].max())) * 1.1]
ax.plot(lim, lim, "--", color="0.5")
ax.set_xlabel("predicted 1-NN error"), ax.set_ylabel("measured"), ax.set_title(f"{(ld.claims['verdict'] == 'PASS').sum()} of {len(ld.claims)} claims PASS")
save(fig, "ld_nearest_neighbour")

# %% [markdown]
# ## Memorization and privacy: unlearning an outlier in the exact ridge-Langevin model

# %%
rng = np.random.default_rng(0)
x = rng.standard_normal((20, 3))
x[0] *= 4.0  # a high-leverage outlier
y = x @ np.array([1.0, -0.5, 0.2]) + 0.1 * rng.standard_normal(20)
fig, ax = plt.subplots(figsize=(4, 3))
for i, label in ((0, "outlier"), (1, "bulk point")):
    out = memgen.ridge_unlearning(x, y, [i], k_max=300)
    ax.plot(out["curve"], label=f"{label}: privacy loss {out['privacy_loss']:.3g}")
ax.set_yscale("log"), ax.set_xlabel("unlearning steps k"), ax.set_ylabel("D_2(unlearned || retrained)"), ax.legend(fontsize=6)
save(fig, "mem_unlearning")
