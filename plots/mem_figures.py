"""Memorization-and-privacy figures from results files only (docs/memorization_privacy.md). One block
of drawers per scenario, so parallel work on the simulator merges by concatenation; FIGURES at the
end collects them.
Feldman memorization and the long tail (scn_mem_long_tail):
  mem_long_tail      mean memorization estimate of the 1-NN learner (with its SE over trials) against the
                     number of times l a point's subpopulation appears in the sample, with 1 - 1/m (the
                     random-label singletons' prediction), (1 - 1/m)(1 - r)^(l-1) (every other point of
                     the subpopulation OUT, independent inclusion) and, on the right axis, the long-tail
                     cost n tau_l of the subpopulation prior (theory/mem/long_tail.h); MLT-EST verdicts
"""
import numpy as np

import style
from style import MEASURED, PREDICTED, num, plt, read_csv


# --- mem_long_tail ---
def long_tail(run_dir, out_dir):
    if not style.exists(run_dir, "estimator_levels.csv", "summary.json"):
        return []
    rows = [r for r in read_csv(run_dir / "estimator_levels.csv") if int(r["points"]) > 0]
    cl = style.claims(run_dir)
    fig, ax = plt.subplots(figsize=(5.2, 3.4))
    count = np.array([int(r["count"]) for r in rows])
    mem = np.array([num(r, "mean_mem") for r in rows])
    se = np.array([num(r, "se_mem") for r in rows])
    ax.errorbar(count, mem, yerr=se, fmt="o", color=MEASURED, ms=4, capsize=2, label="mean mem-hat (1-NN), SE over trials")
    if rows:
        ax.axhline(num(rows[0], "chance_cost"), color=PREDICTED, ls="--", lw=0.9, label="1 - 1/m (random-label singletons)")
        ax.plot(count, [num(r, "predicted_mem") for r in rows], "s:", color=PREDICTED, ms=3, mfc="none",
                label="(1 - 1/m)(1 - r)^(l-1): every other point OUT")
        tx = ax.twinx()
        tx.plot(count, [num(r, "n_tau_l") for r in rows], "^-", color="0.5", ms=3, lw=0.7, label="n tau_l (right axis)")
        tx.set_ylabel("cost of an unfit point, n tau_l", fontsize=7)
        tx.legend(fontsize=6, loc="center right")
    ax.set_xlabel("times the point's subpopulation appears in the sample")
    ax.set_ylabel("memorization estimate")
    ax.set_title(", ".join(f"{c} {v['verdict']}" for c, v in cl.items() if c.startswith("MLT-EST")), fontsize=7)
    ax.legend(fontsize=6)
    return style.save(fig, out_dir, "mem_long_tail", style.provenance(run_dir))
# --- end mem_long_tail ---


# Figure name (as scenarios/registry.json lists it) -> drawer(run_dir, out_dir).
FIGURES = {"mem_long_tail": long_tail}
