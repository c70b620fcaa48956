"""Spurious-feature / MAT figures from results files only (scn_spur_figure1, scn_spur_theory,
scn_spur_regression):
  spur_figure1       Figure-1 analogue: decision boundaries in the (x_y, x_a) plane (ε = 0) over the
                     training points of trial 0, and validation accuracy by group over training, for
                     ERM without noise, ERM with σ_ε = 0.5 and MAT
  spur_sweep         ERM's validation accuracy by group against σ_ε (±2 SE over seeds)
  spur_scores        memorization scores by group (self-influence; held-in minus held-out) for ERM
                     without noise, ERM and MAT
  spur_margins       (u, v) of the SVM and the interpolant against n/s with the closed form at s and at
                     s_eff = σ²(d − n − 1), the flip threshold marked, for d/n = 5 and 20
  spur_trajectories  GD directions (w_y, γw_a)/‖w‖ at t = 1 … 1e5 for ERM, reweighting, the oracle shift,
                     MAT and an over-sized shift, with the SVM direction; and minority accuracy against t
Good/bad/ugly memorization (scn_spur_regression; Bayat et al. 2024, Fig. 3; docs/spurious_memorization.md, E7):
  spur_regression_panels       one panel per noise level (good σ_ε = 1e-4, bad 1e-3, ugly 0): the 20
                               training points, f(x*) = tanh(x*) + 0.5 tanh(−5x*) dashed and the network's
                               curve g([x*, 0]) solid, on x* ∈ [−1.2, 1.2], y ∈ [−0.5, 0.5] (trial 0); titles
                               give σ_ε, trial 0's sup and L2 errors and their means over the seeds
  spur_regression_differences  seed-paired differences err_good − err_other (other = ugly, bad; L2 and
                               sup error), one dot per seed, the mean ± 2 SE, and the SPUR-E7 verdicts
"""
import math

import numpy as np

import style
from style import MARKERS, MEASURED, PREDICTED, num, plt, read_csv

ARM_COLORS = {"erm_clean": "#2ca02c", "erm": MEASURED, "mat": "#d62728", "mat_selected": "#d62728",
              "reweight": "#9467bd", "shift": "#ff7f0e", "oversized": "#8c564b"}


def figure1(run_dir, out_dir):
    trials, curves, points = (run_dir / n for n in ("trials.csv", "curves.csv", "points.csv"))
    if not (trials.exists() and curves.exists() and points.exists()):
        return []
    t0 = {r["arm"]: r for r in read_csv(trials) if r["trial"] == "0"}
    pts = read_csv(points)
    curve = read_csv(curves)
    arms = [("erm_clean", "erm_clean", "ERM, σ_ε = 0"), ("erm", "erm", "ERM, σ_ε = 0.5"), ("mat", "mat_last", "MAT, σ_ε = 0.5")]
    fig, axes = plt.subplots(2, 3, figsize=(9.6, 5.6))
    xy = np.array([[num(p, "x_y"), num(p, "x_a")] for p in pts])
    y = np.array([num(p, "y") for p in pts])
    minority = np.array([num(p, "minority") > 0 for p in pts])
    lim_x = 1.6 * np.abs(xy[:, 0]).max()
    lim_a = 1.1 * np.abs(xy[:, 1]).max()
    for col, (curve_arm, trial_arm, title) in enumerate(arms):
        ax = axes[0, col]
        for label, mask, marker in (("majority", ~minority, "o"), ("minority", minority, "x")):
            for cls, color in ((1, "#1f77b4"), (-1, "#ff7f0e")):
                sel = mask & (y == cls)
                ax.scatter(xy[sel, 0], xy[sel, 1], s=6 if marker == "o" else 14, marker=marker, c=color, alpha=0.5,
                           linewidths=0.8, label=f"{label}, y = {cls:+d}")
        w_y, w_a = num(t0[trial_arm], "w_y"), num(t0[trial_arm], "w_a")
        xs = np.linspace(-lim_x, lim_x, 2)
        if abs(w_a) > 1e-12:
            ax.plot(xs, -w_y * xs / w_a, color="k", lw=1.2, label="boundary (ε = 0)")
        else:
            ax.axvline(0.0, color="k", lw=1.2, label="boundary (ε = 0)")
        ax.set_xlim(-lim_x, lim_x)
        ax.set_ylim(-lim_a, lim_a)
        ax.set_xlabel("core feature x_y")
        if col == 0:
            ax.set_ylabel("spurious feature x_a")
        ax.set_title(title)
        if col == 0:
            ax.legend(fontsize=5.5, loc="lower right")
        ax2 = axes[1, col]
        c = [r for r in curve if r["arm"] == curve_arm]
        epochs = np.array([num(r, "epoch") for r in c])
        for key, ls, lab in (("val_majority", "-", "val majority"), ("val_minority", "-", "val minority"),
                             ("train_majority", ":", "train majority"), ("train_minority", ":", "train minority")):
            color = "#1f77b4" if "majority" in key else "#d62728"
            ax2.plot(epochs, [num(r, key) for r in c], ls=ls, color=color, label=lab)
        if curve_arm == "mat":
            sel = num(t0["mat_selected"], "selected_epoch")
            ax2.axvline(sel, color=style.SECONDARY, ls="--", lw=0.8, label="early-stopping checkpoint")
        ax2.set_ylim(-0.03, 1.03)
        ax2.set_xlabel("epoch")
        if col == 0:
            ax2.set_ylabel("accuracy")
        ax2.legend(fontsize=5.5, loc="lower right")
    fig.suptitle("Figure 1 of Bayat et al. (trial 0): memorizing the minority, and MAT", fontsize=10)
    fig.tight_layout()
    return style.save(fig, out_dir, "spur_figure1", style.provenance(run_dir))


def sweep(run_dir, out_dir):
    path = run_dir / "sweep.csv"
    if not path.exists():
        return []
    r = read_csv(path)
    x = np.array([num(a, "sigma_eps") for a in r])
    fig, ax = plt.subplots(figsize=(4.6, 3.1))
    for key, color, lab in (("val_minority", "#d62728", "minority"), ("val_majority", "#1f77b4", "majority")):
        ax.errorbar(x, [num(a, key) for a in r], yerr=[2 * num(a, key + "_se") for a in r], fmt="o-", color=color,
                    capsize=2, label=f"validation {lab} (±2 SE, {r[0]['trials']} seeds)")
    ax.set_xscale("log")
    ax.set_xlabel("example-specific noise σ_ε")
    ax.set_ylabel("accuracy after 1000 epochs")
    ax.set_ylim(-0.03, 1.03)
    ax.set_title("ERM: more memorizable noise, worse minority")
    ax.legend(fontsize=6)
    return style.save(fig, out_dir, "spur_sweep", style.provenance(run_dir))


def scores(run_dir, out_dir):
    path = run_dir / "points.csv"
    if not path.exists():
        return []
    p = read_csv(path)
    minority = np.array([num(a, "minority") > 0 for a in p])
    fig, axes = plt.subplots(2, 3, figsize=(9.6, 5.0))
    for row, (prefix, label, log) in enumerate((("influence", "self-influence", True),
                                                ("heldout", "held-in − held-out p(y|x)", False))):
        for col, (arm, title) in enumerate((("erm_clean", "ERM, σ_ε = 0"), ("erm", "ERM, σ_ε = 0.5"),
                                            ("mat", "MAT, σ_ε = 0.5"))):
            ax = axes[row, col]
            v = np.array([num(a, f"{prefix}_{arm}") for a in p])
            if log:
                v = np.log10(np.maximum(v, 1e-12))
            bins = np.linspace(v.min(), v.max() + 1e-9, 30)
            ax.hist(v[~minority], bins=bins, color="#1f77b4", alpha=0.6, density=True, label="majority")
            ax.hist(v[minority], bins=bins, color="#d62728", alpha=0.6, density=True, label="minority")
            ax.set_xlabel(("log10 " if log else "") + label)
            if row == 0:
                ax.set_title(title)
            if col == 0:
                ax.set_ylabel("density")
                ax.legend(fontsize=6)
    fig.suptitle("Memorization scores by group (trial 0)", fontsize=10)
    fig.tight_layout()
    return style.save(fig, out_dir, "spur_scores", style.provenance(run_dir))


def margins(run_dir, out_dir):
    mpath, cpath = run_dir / "margins.csv", run_dir / "closed_form.csv"
    if not (mpath.exists() and cpath.exists()):
        return []
    m = [r for r in read_csv(mpath) if r["series"] == "main" and r["n_over_s"] not in ("inf",)]
    c = [r for r in read_csv(cpath) if r["series"] == "main"]
    ratios = sorted({num(r, "d_over_n") for r in m if num(r, "d_over_n") >= 5})
    if not ratios:
        return []
    fig, axes = plt.subplots(1, len(ratios), figsize=(4.4 * len(ratios), 3.3), squeeze=False)
    for ax, dn in zip(axes[0], ratios):
        mm = sorted([r for r in m if num(r, "d_over_n") == dn], key=lambda r: num(r, "n_over_s"))
        cc = sorted([r for r in c if num(r, "d_over_n") == dn], key=lambda r: num(r, "n_over_s"))
        x = [num(r, "n_over_s") for r in cc]
        for key, ls in (("u", "-"), ("v", "-")):
            ax.plot(x, [num(r, key) for r in cc], color=PREDICTED, ls=ls, lw=1.0,
                    label="closed form (s = σ²d)" if key == "u" else None)
            ax.plot(x, [num(r, key + "_eff") for r in cc], color=PREDICTED, ls="--", lw=1.0,
                    label="closed form at s_eff = σ²(d − n − 1)" if key == "u" else None)
        xm = [num(r, "n_over_s") for r in mm]
        for key, marker, lab in (("u_svm", "o", "SVM u"), ("v_svm", "s", "SVM v"), ("u_mn", "+", "interpolant u"),
                                 ("v_mn", "x", "interpolant v")):
            ax.errorbar(xm, [num(r, key) for r in mm], yerr=[2 * num(r, key + "_se") for r in mm], fmt=marker,
                        color=MEASURED, capsize=2, ms=4, label=lab + " (±2 SE)")
        thr = num(cc[0], "threshold")
        if math.isfinite(thr):
            ax.axvline(thr, color=style.SECONDARY, ls=":", label=f"flip threshold n/s = {thr:.2f}")
        ax.axhline(0.0, color="k", lw=0.5)
        ax.set_xscale("log")
        ax.set_xlabel("n / s  (s = σ_ε² d)")
        ax.set_ylabel("feature margin")
        ax.set_title(f"γ = {num(mm[0], 'gamma'):g}, ρ = {num(mm[0], 'rho'):g}, n = {mm[0]['n']}, d/n = {dn:g}")
        ax.legend(fontsize=5.5)
    fig.tight_layout()
    return style.save(fig, out_dir, "spur_margins", style.provenance(run_dir))


def trajectories(run_dir, out_dir):
    path = run_dir / "dynamics.csv"
    if not path.exists():
        return []
    d = read_csv(path)
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(9.2, 3.6))
    for i, arm in enumerate(("erm", "reweight", "shift", "mat", "oversized", "erm_clean")):
        r = sorted([a for a in d if a["arm"] == arm], key=lambda a: num(a, "t"))
        color = ARM_COLORS.get(arm, "k")
        ax.plot([num(a, "core") for a in r], [num(a, "spurious") for a in r], marker=MARKERS[i % len(MARKERS)],
                color=color, ms=3.5, label=arm)
        ax.annotate("t=1", (num(r[0], "core"), num(r[0], "spurious")), fontsize=5, color=color)
        ax2.plot([num(a, "t") for a in r], [num(a, "acc_minority") for a in r], marker=MARKERS[i % len(MARKERS)],
                 color=color, ms=3.5, label=arm)
    svm = d[0]
    ax.plot([num(svm, "svm_core")], [num(svm, "svm_spurious")], "k*", ms=10, label="max-margin SVM")
    ax.set_xlabel("w_y / ‖w‖")
    ax.set_ylabel("γ w_a / ‖w‖")
    ax.set_title("GD directions, t = 1 … 1e5 (memorizing regime)")
    ax.legend(fontsize=6)
    ax2.set_xscale("log")
    ax2.set_xlabel("GD step t")
    ax2.set_ylabel("minority test accuracy (Φ formula)")
    ax2.set_ylim(-0.03, 1.03)
    ax2.set_title("The shift's advantage is transient")
    fig.tight_layout()
    return style.save(fig, out_dir, "spur_trajectories", style.provenance(run_dir))



# --- good/bad/ugly regression (spur_regression) ---

TITLES = {"good": "Good", "bad": "Bad", "ugly": "Ugly"}


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


def regression_panels(run_dir, out_dir):
    runs = read_csv(run_dir / "runs.csv")
    curves = read_csv(run_dir / "curves.csv")
    train = read_csv(run_dir / "train.csv")
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


def regression_differences(run_dir, out_dir):
    runs = read_csv(run_dir / "runs.csv")
    sigma = levels(runs)
    if "good" not in sigma:
        return []
    cl = style.claims(run_dir)
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


# Figure name (as scenarios/registry.json lists it) -> drawer(run_dir, out_dir).
FIGURES = {"spur_figure1": figure1, "spur_sweep": sweep, "spur_scores": scores, "spur_margins": margins,
           "spur_trajectories": trajectories, "spur_regression_panels": regression_panels,
           "spur_regression_differences": regression_differences}
