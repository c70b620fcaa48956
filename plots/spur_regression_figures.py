"""Good/bad/ugly memorization figures from results files only (scn_spur_regression; Bayat et al. 2024,
Fig. 3; spurious_memorization.md §8, E7):
  spur_regression_panels       one panel per noise level (good σ_ε = 1e-4, bad 1e-3, ugly 0): the 20
                               training points, f(x*) = tanh(x*) + 0.5 tanh(−5x*) dashed and the network's
                               curve g([x*, 0]) solid, on x* ∈ [−1.2, 1.2], y ∈ [−0.5, 0.5] (trial 0); titles
                               give σ_ε, trial 0's sup and L2 errors and their means over the seeds
  spur_regression_differences  seed-paired differences err_good − err_other (other = ugly, bad; L2 and
                               sup error), one dot per seed, the mean ± 2 SE, and the SPUR-E7 verdicts
"""
import csv
import json
import math
import pathlib

import numpy as np

import style
from style import MEASURED, PREDICTED, plt

TITLES = {"good": "Good", "bad": "Bad", "ugly": "Ugly"}


def rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def claims(run_dir):
    return {c["id"]: c for c in json.loads((run_dir / "summary.json").read_text())["claims"]}


def levels(runs):
    """Level names in run order, with their σ_ε."""
    out = {}
    for r in runs:
        out.setdefault(r["level"], float(r["sigma"]))
    return out


def errors(runs, level, metric):
    """Per-trial errors of one level, in trial order."""
    by_trial = {int(r["trial"]): float(r[metric]) for r in runs if r["level"] == level}
    return np.array([by_trial[t] for t in sorted(by_trial)])


def mean_2se(values):
    values = np.asarray(values, dtype=float)
    if len(values) < 2:
        return float(values.mean()), float("nan")
    return float(values.mean()), 2 * float(values.std(ddof=1)) / math.sqrt(len(values))


def panels(run_dir, out_dir):
    runs = rows(run_dir / "runs.csv")
    curves = rows(run_dir / "curves.csv")
    train = rows(run_dir / "train.csv")
    if not curves or not train:
        return []
    sigma = levels(runs)
    x = np.array([float(r["x"]) for r in curves])
    f = np.array([float(r["f"]) for r in curves])
    tx = np.array([float(r["x"]) for r in train])
    ty = np.array([float(r["y"]) for r in train])
    inside = np.abs(x) <= 1.2
    fig, axes = plt.subplots(1, len(sigma), figsize=(2.6 * len(sigma), 2.8), sharey=True)
    axes = np.atleast_1d(axes)
    fig.subplots_adjust(wspace=0.08)
    for ax, (name, s) in zip(axes, sigma.items()):
        g = np.array([float(r["g_" + name]) for r in curves])
        ax.plot(x[inside], f[inside], ls="--", color=PREDICTED, label="f(x*)")
        ax.plot(x[inside], g[inside], color=MEASURED, label="g([x*, 0])")
        shown = np.abs(ty) <= 0.5
        ax.plot(tx[shown], ty[shown], "o", color="k", ms=3, label="training points")
        clipped = ~shown & (np.abs(tx) <= 1.2)  # drawn on the frame: the spec's y range is [-0.5, 0.5]
        for sign, marker in ((-1, "v"), (1, "^")):
            at = clipped & (np.sign(ty) == sign)
            ax.plot(tx[at], np.full(at.sum(), sign * 0.48), marker, color="k", ms=3, mfc="none",
                    label="point outside y range" if sign < 0 else None)
        first = next(r for r in runs if r["trial"] == "0" and r["level"] == name)
        sup0, l20 = float(first["sup"]), float(first["l2"])
        sup_mean, _ = mean_2se(errors(runs, name, "sup"))
        l2_mean, _ = mean_2se(errors(runs, name, "l2"))
        trials = len(errors(runs, name, "sup"))
        ax.set_title(f"{TITLES.get(name, name)}: σ_ε = {s:g}\n"
                     f"sup {sup0:.3f}, L2 {l20:.3f} (trial 0)\n"
                     f"mean of {trials}: sup {sup_mean:.3f}, L2 {l2_mean:.3f}", fontsize=7.5)
        ax.set_xlim(-1.2, 1.2)
        ax.set_ylim(-0.5, 0.5)
        ax.set_xlabel("x*")
    axes[0].set_ylabel("y")
    axes[0].legend(fontsize=6, loc="lower left")
    return style.save(fig, out_dir, "spur_regression_panels", style.provenance(run_dir))


def differences(run_dir, out_dir):
    runs = rows(run_dir / "runs.csv")
    sigma = levels(runs)
    if "good" not in sigma:
        return []
    cl = claims(run_dir)
    pairs = [(other, metric) for other in ("ugly", "bad") if other in sigma for metric in ("l2", "sup")]
    fig, ax = plt.subplots(figsize=(4.6, 3.0))
    for i, (other, metric) in enumerate(pairs):
        d = errors(runs, "good", metric) - errors(runs, other, metric)
        jitter = np.linspace(-0.15, 0.15, len(d)) if len(d) > 1 else np.zeros(1)
        ax.plot(i + jitter, d, "o", color=style.SECONDARY, ms=2.5, alpha=0.7,
                label="one seed" if i == 0 else None)
        mean, two_se = mean_2se(d)
        ax.errorbar([i], [mean], yerr=[two_se], fmt="s", color=MEASURED, ms=5, capsize=4,
                    label="mean ± 2 SE" if i == 0 else None)
        claim = cl.get(f"SPUR-E7.good_vs_{other}.{metric}")
        if claim:  # the verdict under each column, in axes coordinates
            ax.text(i, 0.03, claim["verdict"], transform=ax.get_xaxis_transform(), ha="center", fontsize=6.5,
                    color=MEASURED)
    ax.axhline(0.0, color=PREDICTED, lw=0.9, ls="--", label="no difference")
    lo, hi = ax.get_ylim()
    ax.set_ylim(lo - 0.1 * (hi - lo), max(hi, 0.0) + 0.25 * (hi - lo))  # room for the legend above 0
    ax.set_xticks(range(len(pairs)))
    ax.set_xticklabels([f"good − {o}\n{m.upper() if m == 'l2' else m}" for o, m in pairs], fontsize=7)
    ax.set_ylabel("seed-paired error difference")
    trials = len(errors(runs, "good", "sup"))
    ax.set_title(f"Good < Ugly and Good < Bad? (T = {trials} seeds)")
    ax.legend(fontsize=6, loc="upper center", ncol=3)
    return style.save(fig, out_dir, "spur_regression_differences", style.provenance(run_dir))


def make(results, run, out_dir):
    run_dir = pathlib.Path(results) / "spur_regression" / run
    if not run_dir.exists():
        return []
    made = []
    for fn in (panels, differences):
        made += fn(run_dir, out_dir)
    return made
