"""Learning-dynamics figures from results files only (scn_ld_deep_linear; docs/learning_dynamics.md):
  ld_modes           deep linear networks: every signal mode's strength s_i(t)/ŝ_i against t/τ for GD from
                     the training-aligned start (markers) with the closed form (lines), one and three hidden
                     layers, and the random orthogonal start's lag (trial 0); LD-DLN verdicts in the titles
  ld_early_stopping  the aligned student's relative test error ε_test(t) along its path for each rank-1
                     teacher (trial 0), its early-stopping optimum 1 − O_emp² and the asymptotic 1 − O(s̄)²,
                     with the LD-ES verdicts
"""
import numpy as np

import style
from style import MEASURED, PREDICTED, num, plt, read_csv

MODE_COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"]


def verdict(cl, claim_id):
    c = cl.get(claim_id)
    return c["verdict"] if c else "n/a"


def modes(run_dir, out_dir):
    if not style.exists(run_dir, "mode_curves.csv", "summary.json"):
        return []
    rows = read_csv(run_dir / "mode_curves.csv")
    cl = style.claims(run_dir)
    fig, axes = plt.subplots(1, 2, figsize=(9.0, 3.4), sharey=True)
    for ax, layers in zip(axes, (2, 4)):
        sel = [r for r in rows if int(r["weight_layers"]) == layers]
        for mode in sorted({int(r["mode"]) for r in sel}):
            color = MODE_COLORS[mode % len(MODE_COLORS)]
            for init, marker in (("aligned", "o"), ("random", "x")):
                pts = [r for r in sel if int(r["mode"]) == mode and r["init"] == init]
                if not pts:
                    continue
                t = np.array([num(r, "t_over_tau") for r in pts])
                s = np.array([num(r, "s_over_s_hat") for r in pts])
                stride = max(1, len(t) // 40)
                ax.plot(t[::stride], s[::stride], marker, color=color, ms=3, mfc="none" if init == "random" else color,
                        label=f"GD, {init}, ŝ = {num(pts[0], 's_hat'):.2f}" if init == "aligned" or mode == 0 else None)
                if init == "aligned":
                    ax.plot(t, [num(r, "closed_form_over_s_hat") for r in pts], "-", color=color, lw=1.0)
        ax.plot([], [], "-", color=PREDICTED, lw=1.0, label="closed form")
        hidden = layers - 1
        claim = "LD-DLN.track.L2" if layers == 2 else "LD-DLN.track.L4"
        ax.set_title(f"{hidden} hidden layer{'s' if hidden > 1 else ''}: {claim} {verdict(cl, claim)}", fontsize=8)
        ax.set_xlabel("t / τ")
        ax.legend(fontsize=5.5, loc="lower right")
    axes[0].set_ylabel("mode strength s(t) / ŝ")
    fig.suptitle(f"Modes are learned one by one, strongest first (LD-DLN.order {verdict(cl, 'LD-DLN.order')}; "
                 f"random-start lag LD-DLN.lag.L2 {verdict(cl, 'LD-DLN.lag.L2')})", fontsize=8)
    return style.save(fig, out_dir, "ld_modes", style.provenance(run_dir))


def early_stopping(run_dir, out_dir):
    if not style.exists(run_dir, "early_stopping.csv", "summary.json"):
        return []
    rows = read_csv(run_dir / "early_stopping.csv")
    cl = style.claims(run_dir)
    cells = sorted({r["cell"] for r in rows}, key=lambda c: min(num(r, "teacher") for r in rows if r["cell"] == c))
    fig, axes = plt.subplots(1, len(cells), figsize=(4.4 * len(cells), 3.2), squeeze=False)
    for ax, cell in zip(axes[0], cells):
        pts = [r for r in rows if r["cell"] == cell]
        t = np.array([num(r, "t_over_tau") for r in pts])
        e = np.array([num(r, "test_error") for r in pts])
        ax.plot(t, e, "-", color=MEASURED, lw=1.2, label="ε_test(t), aligned student (trial 0)")
        ax.axhline(num(pts[0], "one_minus_o2"), color=MEASURED, ls=":", lw=1.0, label="1 − O_emp² (trial 0)")
        ax.axhline(num(pts[0], "predicted_optimum"), color=PREDICTED, ls="--", lw=1.0, label="1 − O(s̄)² (N → ∞)")
        ax.set_yscale("log")
        ax.set_xlabel("t / τ")
        ax.set_ylabel("relative test error")
        ax.set_title(f"s̄ = {num(pts[0], 'teacher'):g}: LD-ES.optimum {verdict(cl, 'LD-ES.optimum.' + cell)}, "
                     f"overlap {verdict(cl, 'LD-ES.overlap.' + cell)}", fontsize=7.5)
        ax.legend(fontsize=6)
    fig.suptitle("Early stopping is optimal in a deep linear network: it stops before the noise modes grow", fontsize=8)
    return style.save(fig, out_dir, "ld_early_stopping", style.provenance(run_dir))


# Figure name (as scenarios/registry.json lists it) -> drawer(run_dir, out_dir).
FIGURES = {"ld_modes": modes, "ld_early_stopping": early_stopping}
