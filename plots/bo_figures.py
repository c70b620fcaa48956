"""Benign-overfitting figures from results files only (scn_bo_isotropic, scn_bo_spectra):
  bo_risk_vs_n        excess risk against n, Monte Carlo (±2 SE) with deterministic-equivalent curves,
                      benign (α = 1 log-power, exp + floor) and harmful (power laws α > 1) spectra
  bo_double_descent   isotropic risk against d/n: Monte Carlo (±2 SE) and the exact finite-n curve
  bo_variance_proxy   V/Q_b(n) against n for each spectrum (BLLT Thm 1 as a Θ-statement)
"""
import json
import math

import numpy as np

import style
from style import MARKERS, MEASURED, PREDICTED, num, plt, read_csv


def risk_vs_n(spectra_dir, out_dir):
    rows = read_csv(spectra_dir / "curves.csv")
    curves = {}
    for r in rows:
        curves.setdefault(r["curve"], []).append(r)
    mc_curves = [c for c, rs in curves.items() if any(int(r["mc_trials"]) > 0 for r in rs)]
    fig, axes = plt.subplots(1, 2, figsize=(7.6, 3.0))
    fig.subplots_adjust(wspace=0.32)
    for ax, quantity, label in ((axes[0], "variance", "variance V"), (axes[1], "total", "excess risk B + V")):
        for i, name in enumerate(mc_curves):
            rs = sorted(curves[name], key=lambda r: int(r["n"]))
            n = np.array([int(r["n"]) for r in rs])
            de = np.array([num(r, f"de_{quantity}") for r in rs])
            mc = np.array([num(r, f"mc_{quantity}") for r in rs])
            se = np.array([num(r, f"mc_{quantity}_se") for r in rs])
            ok = np.isfinite(mc)
            ax.plot(n, de, color=PREDICTED, ls=style.LINESTYLES[i % 4], lw=1.0)
            ax.errorbar(n[ok], mc[ok], yerr=2 * se[ok], fmt=MARKERS[i % 6], color=MEASURED, ms=4,
                        capsize=2, label=name)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("n")
        ax.set_ylabel(label)
    axes[0].plot([], [], color=PREDICTED, label="deterministic equivalent")
    axes[0].legend(loc="best")
    axes[0].set_title("Monte Carlo (±2 SE) vs DE")
    axes[1].set_title("harmful (α > 1) stays up; benign decays")
    return style.save(fig, out_dir, "bo_risk_vs_n", style.provenance(spectra_dir))


def double_descent(iso_dir, out_dir):
    cells = [r for r in read_csv(iso_dir / "cells.csv") if r["group"] == "double_descent"]
    exact = read_csv(iso_dir / "double_descent_exact.csv")
    n = int(cells[0]["n"])
    fig, ax = plt.subplots(figsize=(4.6, 3.0))
    for side in (lambda r: num(r, "d_over_n") < 1, lambda r: num(r, "d_over_n") > 1):
        rs = [r for r in exact if side(r)]
        ax.plot([num(r, "d_over_n") for r in rs], [num(r, "exact_total") for r in rs], color=PREDICTED, lw=1.2)
    ax.plot([], [], color=PREDICTED, label=f"exact E(B + V), n = {n}")
    x = np.array([int(r["d"]) / n for r in cells])
    y = np.array([num(r, "total") for r in cells])
    se = np.array([num(r, "total_se") for r in cells])
    ax.errorbar(x, y, yerr=2 * se, fmt="o", color=MEASURED, capsize=2, label="Monte Carlo (±2 SE)")
    ax.axvline(1.0, color=style.SECONDARY, lw=0.8, ls=":")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("d / n")
    ax.set_ylabel("excess risk B + V (σ² = 1, ‖θ‖ = 1)")
    ax.set_title("Double descent, isotropic Gaussian design")
    ax.legend(loc="best")
    return style.save(fig, out_dir, "bo_double_descent", style.provenance(iso_dir))


def variance_proxy(spectra_dir, out_dir):
    rows = {(r["curve"], r["n"]): r for r in read_csv(spectra_dir / "curves.csv")}
    ranks = read_csv(spectra_dir / "ranks.csv")
    claims = json.loads((spectra_dir / "summary.json").read_text())["claims"]
    checked = {c["id"].split(".")[1] for c in claims if c["id"].startswith("BO-E2.") and ".pooled" not in c["id"]}
    curves = sorted({r["curve"] for r in ranks} & checked)
    fig, ax = plt.subplots(figsize=(5.2, 3.2))
    for i, name in enumerate(curves):
        for j, b in enumerate(sorted({float(r["b"]) for r in ranks if r["curve"] == name})):
            rs = sorted((r for r in ranks if r["curve"] == name and float(r["b"]) == b and int(r["k_star"]) >= 0),
                        key=lambda r: int(r["n"]))
            if len(rs) < 2:
                continue
            n, q, e = [], [], []
            for r in rs:
                point = rows[(name, r["n"])]
                mc = num(point, "mc_variance")
                v = mc if math.isfinite(mc) else num(point, "de_variance")
                n.append(int(r["n"]))
                q.append(v / num(r, "q_proxy"))
                se = num(point, "mc_variance_se")
                e.append(2 * se / num(r, "q_proxy") if math.isfinite(se) else 0.0)
            ax.errorbar(n, q, yerr=e, marker=MARKERS[i % 6], ls=style.LINESTYLES[j % 4], ms=3, capsize=2,
                        label=f"{name}, b = {b:g}")
    ax.set_xscale("log")
    ax.set_xlabel("n")
    ax.set_ylabel("V / Q_b(n),  Q_b = k*/n + n/R_k*")
    ax.set_title("BLLT Thm 1: V = Θ(Q_b) (bounded band, no drift)")
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=6)
    return style.save(fig, out_dir, "bo_variance_proxy", style.provenance(spectra_dir))


# Figure name (as scenarios/registry.json lists it) -> drawer(run_dir, out_dir); plots/make_figures.py
# calls each with results/<scenario>/<run> of the scenario that lists the figure.
FIGURES = {"bo_double_descent": double_descent, "bo_risk_vs_n": risk_vs_n, "bo_variance_proxy": variance_proxy}
