"""Spurious-feature / MAT figures from results files only (scn_spur_figure1, scn_spur_theory):
  spur_figure1       Figure-1 analogue: decision boundaries in the (x_y, x_a) plane (ε = 0) over the
                     training points of trial 0, and validation accuracy by group over training, for
                     ERM without noise, ERM with σ_ε = 0.5 and MAT
  spur_sweep         ERM's validation accuracy by group against σ_ε (±2 SE over seeds)
  spur_scores        memorisation scores by group (self-influence; held-in minus held-out) for ERM
                     without noise, ERM and MAT
  spur_margins       (u, v) of the SVM and the interpolant against n/s with the closed form at s and at
                     s_eff = σ²(d − n − 1), the flip threshold marked, for d/n = 5 and 20
  spur_trajectories  GD directions (w_y, γw_a)/‖w‖ at t = 1 … 1e5 for ERM, reweighting, the oracle shift,
                     MAT and an over-sized shift, with the SVM direction; and minority accuracy against t
"""
import csv
import math
import pathlib

import numpy as np

import style
from style import MARKERS, MEASURED, PREDICTED, plt

ARM_COLORS = {"erm_clean": "#2ca02c", "erm": MEASURED, "mat": "#d62728", "mat_selected": "#d62728",
              "reweight": "#9467bd", "shift": "#ff7f0e", "oversized": "#8c564b"}


def rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def f(r, k):
    return float(r[k])


def figure1(run_dir, out_dir):
    trials, curves, points = (run_dir / n for n in ("trials.csv", "curves.csv", "points.csv"))
    if not (trials.exists() and curves.exists() and points.exists()):
        return []
    t0 = {r["arm"]: r for r in rows(trials) if r["trial"] == "0"}
    pts = rows(points)
    curve = rows(curves)
    arms = [("erm_clean", "erm_clean", "ERM, σ_ε = 0"), ("erm", "erm", "ERM, σ_ε = 0.5"), ("mat", "mat_last", "MAT, σ_ε = 0.5")]
    fig, axes = plt.subplots(2, 3, figsize=(9.6, 5.6))
    xy = np.array([[f(p, "x_y"), f(p, "x_a")] for p in pts])
    y = np.array([f(p, "y") for p in pts])
    minority = np.array([f(p, "minority") > 0 for p in pts])
    lim_x = 1.6 * np.abs(xy[:, 0]).max()
    lim_a = 1.1 * np.abs(xy[:, 1]).max()
    for col, (curve_arm, trial_arm, title) in enumerate(arms):
        ax = axes[0, col]
        for label, mask, marker in (("majority", ~minority, "o"), ("minority", minority, "x")):
            for cls, color in ((1, "#1f77b4"), (-1, "#ff7f0e")):
                sel = mask & (y == cls)
                ax.scatter(xy[sel, 0], xy[sel, 1], s=6 if marker == "o" else 14, marker=marker, c=color, alpha=0.5,
                           linewidths=0.8, label=f"{label}, y = {cls:+d}")
        w_y, w_a = f(t0[trial_arm], "w_y"), f(t0[trial_arm], "w_a")
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
        epochs = np.array([f(r, "epoch") for r in c])
        for key, ls, lab in (("val_majority", "-", "val majority"), ("val_minority", "-", "val minority"),
                             ("train_majority", ":", "train majority"), ("train_minority", ":", "train minority")):
            color = "#1f77b4" if "majority" in key else "#d62728"
            ax2.plot(epochs, [f(r, key) for r in c], ls=ls, color=color, label=lab)
        if curve_arm == "mat":
            sel = f(t0["mat_selected"], "selected_epoch")
            ax2.axvline(sel, color=style.SECONDARY, ls="--", lw=0.8, label="early-stopping checkpoint")
        ax2.set_ylim(-0.03, 1.03)
        ax2.set_xlabel("epoch")
        if col == 0:
            ax2.set_ylabel("accuracy")
        ax2.legend(fontsize=5.5, loc="lower right")
    fig.suptitle("Figure 1 of Bayat et al. (trial 0): memorising the minority, and MAT", fontsize=10)
    fig.tight_layout()
    return style.save(fig, out_dir, "spur_figure1", style.provenance(run_dir))


def sweep(run_dir, out_dir):
    path = run_dir / "sweep.csv"
    if not path.exists():
        return []
    r = rows(path)
    x = np.array([f(a, "sigma_eps") for a in r])
    fig, ax = plt.subplots(figsize=(4.6, 3.1))
    for key, color, lab in (("val_minority", "#d62728", "minority"), ("val_majority", "#1f77b4", "majority")):
        ax.errorbar(x, [f(a, key) for a in r], yerr=[2 * f(a, key + "_se") for a in r], fmt="o-", color=color,
                    capsize=2, label=f"validation {lab} (±2 SE, {r[0]['trials']} seeds)")
    ax.set_xscale("log")
    ax.set_xlabel("example-specific noise σ_ε")
    ax.set_ylabel("accuracy after 1000 epochs")
    ax.set_ylim(-0.03, 1.03)
    ax.set_title("ERM: more memorisable noise, worse minority")
    ax.legend(fontsize=6)
    return style.save(fig, out_dir, "spur_sweep", style.provenance(run_dir))


def scores(run_dir, out_dir):
    path = run_dir / "points.csv"
    if not path.exists():
        return []
    p = rows(path)
    minority = np.array([f(a, "minority") > 0 for a in p])
    fig, axes = plt.subplots(2, 3, figsize=(9.6, 5.0))
    for row, (prefix, label, log) in enumerate((("influence", "self-influence", True),
                                                ("heldout", "held-in − held-out p(y|x)", False))):
        for col, (arm, title) in enumerate((("erm_clean", "ERM, σ_ε = 0"), ("erm", "ERM, σ_ε = 0.5"),
                                            ("mat", "MAT, σ_ε = 0.5"))):
            ax = axes[row, col]
            v = np.array([f(a, f"{prefix}_{arm}") for a in p])
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
    fig.suptitle("Memorisation scores by group (trial 0)", fontsize=10)
    fig.tight_layout()
    return style.save(fig, out_dir, "spur_scores", style.provenance(run_dir))


def margins(run_dir, out_dir):
    mpath, cpath = run_dir / "margins.csv", run_dir / "closed_form.csv"
    if not (mpath.exists() and cpath.exists()):
        return []
    m = [r for r in rows(mpath) if r["series"] == "main" and r["n_over_s"] not in ("inf",)]
    c = [r for r in rows(cpath) if r["series"] == "main"]
    ratios = sorted({f(r, "d_over_n") for r in m if f(r, "d_over_n") >= 5})
    if not ratios:
        return []
    fig, axes = plt.subplots(1, len(ratios), figsize=(4.4 * len(ratios), 3.3), squeeze=False)
    for ax, dn in zip(axes[0], ratios):
        mm = sorted([r for r in m if f(r, "d_over_n") == dn], key=lambda r: f(r, "n_over_s"))
        cc = sorted([r for r in c if f(r, "d_over_n") == dn], key=lambda r: f(r, "n_over_s"))
        x = [f(r, "n_over_s") for r in cc]
        for key, ls in (("u", "-"), ("v", "-")):
            ax.plot(x, [f(r, key) for r in cc], color=PREDICTED, ls=ls, lw=1.0,
                    label="closed form (s = σ²d)" if key == "u" else None)
            ax.plot(x, [f(r, key + "_eff") for r in cc], color=PREDICTED, ls="--", lw=1.0,
                    label="closed form at s_eff = σ²(d − n − 1)" if key == "u" else None)
        xm = [f(r, "n_over_s") for r in mm]
        for key, marker, lab in (("u_svm", "o", "SVM u"), ("v_svm", "s", "SVM v"), ("u_mn", "+", "interpolant u"),
                                 ("v_mn", "x", "interpolant v")):
            ax.errorbar(xm, [f(r, key) for r in mm], yerr=[2 * f(r, key + "_se") for r in mm], fmt=marker,
                        color=MEASURED, capsize=2, ms=4, label=lab + " (±2 SE)")
        thr = f(cc[0], "threshold")
        if math.isfinite(thr):
            ax.axvline(thr, color=style.SECONDARY, ls=":", label=f"flip threshold n/s = {thr:.2f}")
        ax.axhline(0.0, color="k", lw=0.5)
        ax.set_xscale("log")
        ax.set_xlabel("n / s  (s = σ_ε² d)")
        ax.set_ylabel("feature margin")
        ax.set_title(f"γ = {f(mm[0], 'gamma'):g}, ρ = {f(mm[0], 'rho'):g}, n = {mm[0]['n']}, d/n = {dn:g}")
        ax.legend(fontsize=5.5)
    fig.tight_layout()
    return style.save(fig, out_dir, "spur_margins", style.provenance(run_dir))


def trajectories(run_dir, out_dir):
    path = run_dir / "dynamics.csv"
    if not path.exists():
        return []
    d = rows(path)
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(9.2, 3.6))
    for i, arm in enumerate(("erm", "reweight", "shift", "mat", "oversized", "erm_clean")):
        r = sorted([a for a in d if a["arm"] == arm], key=lambda a: f(a, "t"))
        color = ARM_COLORS.get(arm, "k")
        ax.plot([f(a, "core") for a in r], [f(a, "spurious") for a in r], marker=MARKERS[i % len(MARKERS)],
                color=color, ms=3.5, label=arm)
        ax.annotate("t=1", (f(r[0], "core"), f(r[0], "spurious")), fontsize=5, color=color)
        ax2.plot([f(a, "t") for a in r], [f(a, "acc_minority") for a in r], marker=MARKERS[i % len(MARKERS)],
                 color=color, ms=3.5, label=arm)
    svm = d[0]
    ax.plot([f(svm, "svm_core")], [f(svm, "svm_spurious")], "k*", ms=10, label="max-margin SVM")
    ax.set_xlabel("w_y / ‖w‖")
    ax.set_ylabel("γ w_a / ‖w‖")
    ax.set_title("GD directions, t = 1 … 1e5 (memorising regime)")
    ax.legend(fontsize=6)
    ax2.set_xscale("log")
    ax2.set_xlabel("GD step t")
    ax2.set_ylabel("minority test accuracy (Φ formula)")
    ax2.set_ylim(-0.03, 1.03)
    ax2.set_title("The shift's advantage is transient")
    fig.tight_layout()
    return style.save(fig, out_dir, "spur_trajectories", style.provenance(run_dir))


def make(results, run, out_dir):
    made = []
    f1 = pathlib.Path(results) / "spur_figure1" / run
    if f1.exists():
        for fn in (figure1, sweep, scores):
            made += fn(f1, out_dir)
    th = pathlib.Path(results) / "spur_theory" / run
    if th.exists():
        for fn in (margins, trajectories):
            made += fn(th, out_dir)
    return made
