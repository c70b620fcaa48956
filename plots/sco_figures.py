"""SCO traceability figures from results files only (scn_sco_tracing); every predicted line, bound and
threshold is a column of the results (cells.csv, thresholds.csv, dp_cap.csv, cube.csv), none is derived here:
  sco_recall_vs_eps    mean recall (±2 SE) against 1/ε per learner (CLB) and 1/ε_n (CSL), log-log, with
                       the fitted slopes of the SCO-E1.scaling claims and the trivial ξn baseline
  sco_cmi_vs_eps       the Fano CMI lower bound against 1/ε, with n ln 2
  sco_false_positives  per-point false-positive rate on fresh points against the Hoeffding level
                       exp(−c²/2) of each threshold c‖v‖/√d
  sco_phase            recall against the noise of a noisy mean (phase transition), DP noise marked
  sco_dp_cap           recall fraction against false-positive rate per threshold: DP learner and ERM
                       against the cap e^ε ξ + δ
  sco_fingerprint      the two sides of the fingerprint identity E Σ⟨θ, z_i − µ⟩ = 2β E⟨θ, µ⟩
  sco_cube             ℓ₂ cube: recall and excess against the noise σ of the clipped noisy mean, with ξn,
                       the DP threshold and the (ε, δ)-DP σ
  sco_cube_transition  ℓ₂ cube, noiseless learner: recall against α₀/threshold for each d, with 2ξn, ξn and
                       the spec's ½-threshold; the fitted α_× slope of SCO-E4.transition
  sco_projection       stochastic projection (Sefidgaran et al.): family-wise and per-point recall of the
                       projected ERM against d′ with the Gaussian score model, the unprojected ERM, ξn and
                       SNZ's d′ = 500 ln n
"""
import numpy as np

import style
from style import MARKERS, MEASURED, PREDICTED, num, plt, read_csv


def recall_vs_eps(run_dir, out_dir):
    cells = read_csv(run_dir / "cells.csv")
    cl = style.claims(run_dir)
    fig, axes = plt.subplots(1, 2, figsize=(7.6, 3.1))
    fig.subplots_adjust(wspace=0.3)
    learners = [l for l in dict.fromkeys(r["learner"] for r in cells)
                if not l.startswith("dp") and not l.startswith("noise")]
    for i, name in enumerate(learners):
        rs = [r for r in cells if r["learner"] == name and not r["cell"].startswith("phase")]
        csl = name == "csl_erm"
        ax = axes[1] if csl else axes[0]
        x = np.array([1 / num(r, "eps_csl") if csl else 1 / num(r, "eps") for r in rs])
        y = np.array([num(r, "recall_fw") for r in rs])
        e = np.array([2 * num(r, "recall_fw_se") for r in rs])
        slope = cl.get(f"SCO-E1.scaling.{name}")
        label = name + (f" (slope {slope['measured']:.2f})" if slope else "")
        ax.errorbar(x, y, yerr=e, marker=MARKERS[i % 6], ms=4, capsize=2, label=label)
        base = np.array([num(r, "xi_n") for r in rs])
        if i == 0 or csl:
            ax.plot(x, base, color=style.SECONDARY, ls=":", label="trivial ξn")
    for ax, xl, t in ((axes[0], "1/ε (CLB)", "CLB: recall = Ω(1/ε²)"), (axes[1], "1/ε_n (CSL)", "strongly convex: Ω(1/ε)")):
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel(xl)
        ax.set_ylabel("mean recall (training points traced)")
        ax.set_title(t)
        ax.legend(fontsize=6)
    return style.save(fig, out_dir, "sco_recall_vs_eps", style.provenance(run_dir))


def cmi_vs_eps(run_dir, out_dir):
    cells = read_csv(run_dir / "cells.csv")
    fig, ax = plt.subplots(figsize=(4.8, 3.1))
    learners = [l for l in dict.fromkeys(r["learner"] for r in cells) if not l.startswith(("dp", "noise", "csl"))]
    for i, name in enumerate(learners):
        rs = [r for r in cells if r["learner"] == name and r["cell"].startswith("clb")]
        x = np.array([1 / num(r, "eps") for r in rs])
        ax.errorbar(x, [num(r, "cmi_lb") for r in rs], yerr=[2 * num(r, "cmi_lb_se") for r in rs],
                    marker=MARKERS[i % 6], ms=4, capsize=2, label=name)
    rs = [r for r in cells if r["learner"] == learners[0] and r["cell"].startswith("clb")]
    ax.plot([1 / num(r, "eps") for r in rs], [num(r, "cmi_max") for r in rs], color=PREDICTED, ls="--",
            label="n ln 2 (maximum)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("1/ε")
    ax.set_ylabel("Fano CMI lower bound (nats)")
    ax.set_title("CMI = Ω(1/ε²) on the CLB instance")
    ax.legend(fontsize=6)
    return style.save(fig, out_dir, "sco_cmi_vs_eps", style.provenance(run_dir))


def false_positives(run_dir, out_dir):
    grid = read_csv(run_dir / "thresholds.csv")
    fig, ax = plt.subplots(figsize=(4.6, 3.1))
    level = np.array(sorted({num(r, "hoeffding_level") for r in grid}))
    for i, name in enumerate(sorted({r["learner"] for r in grid if not r["learner"].startswith("noise")})):
        rs = [r for r in grid if r["learner"] == name and r["cell"].startswith("clb")]
        x = [num(r, "hoeffding_level") for r in rs]
        y = [max(num(r, "fresh_fraction"), 1e-7) for r in rs]
        ax.plot(x, y, MARKERS[i % 6], ms=3, alpha=0.7, label=name)
    ax.plot(level, level, color=PREDICTED, label="Hoeffding bound exp(−c²/2)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("Hoeffding level of the threshold c‖v‖/√d")
    ax.set_ylabel("false-positive rate on fresh points")
    ax.set_title("Soundness: empirical FPR below the bound")
    ax.legend(fontsize=6)
    return style.save(fig, out_dir, "sco_false_positives", style.provenance(run_dir))


def phase(run_dir, out_dir):
    cells = [r for r in read_csv(run_dir / "cells.csv") if r["cell"].startswith("phase")]
    if not cells:
        return []
    fig, ax = plt.subplots(figsize=(4.6, 3.1))
    x = np.array([num(r, "noise") for r in cells])
    y = np.array([num(r, "recall_fw") / num(r, "n") for r in cells])
    e = np.array([2 * num(r, "recall_fw_se") / num(r, "n") for r in cells])
    positive = y > 0
    ax.errorbar(x[positive], y[positive], yerr=e[positive], fmt="o-", color=MEASURED, capsize=2,
                label="recall / n (±2 SE)")
    for xz in x[~positive]:
        ax.annotate("0", (xz, num(cells[0], "fw_point_level")), textcoords="offset points", xytext=(0, -12),
                    ha="center", color=MEASURED, fontsize=7)
    ax.axhline(num(cells[0], "fw_point_level"), color=style.SECONDARY, ls=":", label="fresh-point level ξ/n")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("noise σ√d of the noisy mean")
    ax.set_ylabel("fraction of the sample traced")
    ax.set_title(f"Phase transition at ε = {num(cells[0], 'eps'):g} (n = {cells[0]['n']}, d = {cells[0]['d']})")
    ax.legend(fontsize=6)
    return style.save(fig, out_dir, "sco_phase", style.provenance(run_dir))


def dp_cap(run_dir, out_dir):
    grid = read_csv(run_dir / "thresholds.csv")
    cells = read_csv(run_dir / "cells.csv")
    clb = [r["cell"] for r in cells if r["cell"].startswith("clb")]
    if not clb:
        return []
    cell = clb[-1]
    fig, ax = plt.subplots(figsize=(4.6, 3.1))
    for i, name in enumerate([n for n in dict.fromkeys(r["learner"] for r in grid if r["cell"] == cell)
                              if n == "erm" or n.startswith("dp")]):
        rs = [r for r in grid if r["cell"] == cell and r["learner"] == name]
        ax.errorbar([num(r, "fresh_fraction") for r in rs], [num(r, "train_fraction") for r in rs],
                    xerr=[2 * num(r, "fresh_fraction_se") for r in rs], yerr=[2 * num(r, "train_fraction_se") for r in rs],
                    fmt=MARKERS[i % 6] + "-", ms=3, capsize=2, label=name)
    dp = [r for r in cells if r["cell"] == cell and r["kind"] == "dp_mean"]
    cap = [r for r in read_csv(run_dir / "dp_cap.csv") if dp and r["cell"] == cell and r["learner"] == dp[0]["learner"]]
    if cap:
        eps, delta = num(cap[0], "dp_epsilon"), num(cap[0], "dp_delta")
        ax.plot([num(r, "xi") for r in cap], [num(r, "cap") for r in cap], color=PREDICTED,
                label=f"DP cap e^ε ξ + δ (ε = {eps:g}, δ = {delta:g})")
    ax.set_xscale("symlog", linthresh=1e-4)
    ax.set_xlabel("false-positive rate ξ̂ (fresh points)")
    ax.set_ylabel("recall fraction m/n")
    ax.set_title(f"DP cap, cell {cell}")
    ax.legend(fontsize=6)
    return style.save(fig, out_dir, "sco_dp_cap", style.provenance(run_dir))


def fingerprint(run_dir, out_dir):
    cells = [r for r in read_csv(run_dir / "cells.csv") if r["cell"].startswith("clb")]
    fig, ax = plt.subplots(figsize=(4.6, 3.1))
    lhs = np.array([num(r, "f5_lhs") for r in cells])
    rhs = np.array([num(r, "f5_rhs") for r in cells])
    ax.errorbar(rhs, lhs, xerr=[2 * num(r, "f5_rhs_se") for r in cells], yerr=[2 * num(r, "f5_lhs_se") for r in cells],
                fmt="o", color=MEASURED, ms=3, capsize=2, label="cells × learners (±2 SE)")
    lo, hi = min(lhs.min(), rhs.min()), max(lhs.max(), rhs.max())
    ax.plot([lo, hi], [lo, hi], color=PREDICTED, label="identity")
    ax.set_xlabel("2β E⟨θ, µ⟩")
    ax.set_ylabel("E Σ_i ⟨θ, z_i − µ⟩")
    ax.set_title("Fingerprinting identity (F5), every learner")
    ax.legend(fontsize=6)
    return style.save(fig, out_dir, "sco_fingerprint", style.provenance(run_dir))


def cube(run_dir, out_dir):
    path = run_dir / "cube.csv"
    if not path.exists():
        return []
    rs = read_csv(path)
    fig, axes = plt.subplots(1, 2, figsize=(7.6, 3.0))
    fig.subplots_adjust(wspace=0.32)
    for i, name in enumerate(dict.fromkeys(r["cell"] for r in rs)):
        cell = [r for r in rs if r["cell"] == name]
        grid = [r for r in cell if r["dp"] == "0" and num(r, "sigma") > 0]
        zero = [r for r in cell if r["dp"] == "0" and num(r, "sigma") == 0]
        dp = [r for r in cell if r["dp"] == "1"]
        x = [num(r, "sigma") for r in grid]
        axes[0].errorbar(x, [num(r, "recall") for r in grid], yerr=[2 * num(r, "recall_se") for r in grid],
                         fmt=MARKERS[i % 6] + "-", color=MEASURED, capsize=2, label=f"{name} (±2 SE)")
        if zero:
            axes[0].axhline(num(zero[0], "recall"), color=MEASURED, ls="--", lw=0.8, label="σ = 0")
        axes[0].axhline(num(cell[0], "xi_n"), color=style.SECONDARY, ls=":", label="trivial ξn")
        axes[1].errorbar(x, [num(r, "excess") for r in grid], yerr=[2 * num(r, "excess_se") for r in grid],
                         fmt=MARKERS[i % 6] + "-", color=MEASURED, capsize=2)
        axes[1].axhline(num(cell[0], "threshold"), color=PREDICTED, ls="--", label="DP threshold √d/(n√ln(1/ξ))")
        axes[1].axhline(num(cell[0], "alpha0"), color=style.SECONDARY, ls=":", label="target α₀")
        for ax in axes:
            for r in dp:
                ax.axvline(num(r, "sigma"), color=PREDICTED, lw=0.8)
        axes[0].plot([], [], color=PREDICTED, lw=0.8, label="(ε, δ)-DP σ")
    for ax, yl in ((axes[0], "mean recall"), (axes[1], "excess risk (exact given µ)")):
        ax.set_xscale("log")
        ax.set_xlabel("noise σ of the clipped noisy mean")
        ax.set_ylabel(yl)
        ax.legend(fontsize=6)
    axes[0].set_title("ℓ₂ cube: traced below the threshold")
    axes[1].set_title("accuracy lost to the noise")
    return style.save(fig, out_dir, "sco_cube", style.provenance(run_dir))


def cube_transition(run_dir, out_dir):
    path = run_dir / "cube.csv"
    if not path.exists():
        return []
    quiet = [r for r in read_csv(path) if num(r, "sigma") == 0.0 and r["dp"] == "0"]
    by_d = {}
    for r in quiet:
        by_d.setdefault((r["n"], r["d"]), []).append(r)
    sweeps = {k: v for k, v in by_d.items() if len(v) >= 3}
    if not sweeps:
        return []
    fig, ax = plt.subplots(figsize=(4.6, 3.1))
    for i, ((n, d), cells) in enumerate(sorted(sweeps.items(), key=lambda kv: (int(kv[0][0]), int(kv[0][1])))):
        cells.sort(key=lambda r: num(r, "alpha0"))
        x = np.array([num(r, "alpha0") / num(r, "threshold") for r in cells])
        y = np.array([num(r, "recall") for r in cells])
        e = np.array([2 * num(r, "recall_se") for r in cells])
        ax.errorbar(x, np.maximum(y, 0.05), yerr=e, fmt=MARKERS[i % len(MARKERS)] + "-", capsize=2, ms=4,
                    label=f"n = {n}, d = {int(d):,}")
    ref = next(iter(sweeps.values()))[0]
    ax.axhline(num(ref, "transition_level"), color=PREDICTED, ls="--", label="2ξn (defines α_×)")
    ax.axhline(num(ref, "xi_n"), color=style.SECONDARY, ls=":", label="trivial ξn")
    ax.axvline(num(ref, "spec_alpha0_hi") / num(ref, "threshold"), color="0.6", lw=0.8, ls="-.",
               label="spec: traced up to ½ threshold")
    slope = [c for k, c in style.claims(run_dir).items() if k.startswith("SCO-E4.transition")]
    title = "ℓ₂ cube: noiseless recall against α₀/threshold"
    if slope and slope[0]["verdict"] != "INCONCLUSIVE":
        title += f"\nα_× ∝ d^{slope[0]['measured']:.2f} ({slope[0]['verdict']})"
    ax.set_yscale("log")
    ax.set_xlabel("α₀ / (√d / (n √ln(1/ξ)))")
    ax.set_ylabel("training points traced")
    ax.set_title(title, fontsize=8)
    ax.legend(fontsize=5.5)
    return style.save(fig, out_dir, "sco_cube_transition", style.provenance(run_dir))


def projection(run_dir, out_dir):
    cells = [r for r in read_csv(run_dir / "cells.csv") if r["cell"].startswith("snz")]
    plain = [r for r in cells if r["kind"] == "projected_erm" and num(r, "quantizer_step") == 0.0]
    if not plain:
        return []
    erm = [r for r in cells if r["kind"] == "erm"]
    quantised = [r for r in cells if r["kind"] == "projected_erm" and num(r, "quantizer_step") > 0.0]
    n = num(plain[0], "n")
    fig, ax = plt.subplots(figsize=(4.6, 3.1))
    x = np.array([num(r, "projection_dim") for r in plain])
    for key, model, marker, label in (("recall_fw", "model_recall_fw", "o", "family-wise"),
                                      ("recall_pp", "model_recall_pp", "s", "per point")):
        y = np.array([num(r, key) for r in plain])
        e = np.array([2 * num(r, key + "_se") for r in plain])
        ax.errorbar(x, np.maximum(y, 1e-3), yerr=e, fmt=marker, color=MEASURED, capsize=2, ms=4,
                    label=f"{label} recall (±2 SE)")
        ax.plot(x, np.maximum([num(r, model) for r in plain], 1e-3), ls="--" if marker == "o" else ":",
                color=PREDICTED, label=f"{label}: Gaussian score model")
    for r in quantised:
        ax.plot([num(r, "projection_dim")], [max(num(r, "recall_pp"), 1e-3)], "x", color=style.SECONDARY,
                label=f"per point, dithered grid Δ = {num(r, 'quantizer_step'):g}")
    if erm:
        ax.axhline(num(erm[0], "recall_fw"), color="k", lw=0.8, label="unprojected ERM")
    ax.axhline(num(plain[0], "xi_n"), color=style.SECONDARY, ls=":", label="trivial ξn")
    ax.axvline(num(plain[0], "snz_projection_dim"), color="0.6", lw=0.8, ls="-.", label="SNZ d′ = 500 ln n")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_ylim(bottom=0.05)
    ax.set_xlabel("projection dimension d′")
    ax.set_ylabel("training points traced (of n = %d)" % n)
    ax.set_title(f"Projected ERM at ε = {num(plain[0], 'eps'):g}, d = {plain[0]['d']}")
    ax.legend(fontsize=5.5)
    return style.save(fig, out_dir, "sco_projection", style.provenance(run_dir))


# Figure name (as scenarios/registry.json lists it) -> drawer(run_dir, out_dir).
FIGURES = {"sco_recall_vs_eps": recall_vs_eps, "sco_cmi_vs_eps": cmi_vs_eps, "sco_false_positives": false_positives,
           "sco_phase": phase, "sco_dp_cap": dp_cap, "sco_fingerprint": fingerprint, "sco_cube": cube,
           "sco_cube_transition": cube_transition, "sco_projection": projection}
