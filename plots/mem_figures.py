"""Memorization-and-privacy figures from results files only (docs/memorization_privacy.md). One block
of drawers per scenario, so parallel work on the simulator merges by concatenation; FIGURES at the
end collects them.
Feldman memorization and the long tail (scn_mem_long_tail):
  mem_long_tail      mean memorization estimate of the 1-NN learner (with its SE over trials) against the
                     number of times l a point's subpopulation appears in the sample, with 1 - 1/m (the
                     random-label singletons' prediction), (1 - 1/m)(1 - r)^(l-1) (every other point of
                     the subpopulation OUT, independent inclusion) and, on the right axis, the long-tail
                     cost n tau_l of the subpopulation prior (theory/mem/long_tail.h); MLT-EST verdicts
The data diet (scn_mem_data_diet):
  mem_data_diet_scores   histograms of the averaged EL2N at t0 by group (clean, mislabeled) in trial 0,
                         with sqrt((m-1)/m), every point's EL2N at W = 0; DD-NOISE verdicts
  mem_data_diet_pruning  clean-test accuracy against the pruned fraction without label noise: the full
                         set, EL2N pruning (keeping the highest) and random pruning, SE over trials; and
                         with label noise the hardest k, the window after the offset rho n and k random
                         points; DD-CLEAN and DD-PRUNE verdicts
Membership inference (scn_mem_lira):
  mem_lira_roc            ROC curves on log-log axes of LiRA online, offline and the global threshold
                          (trial 0, leave-one-model-out over the shadow models) with the chance line and
                          the claims' FPR; LIRA-ORDER verdicts. Right: the DP learners' Neyman-Pearson
                          curves, their caps e^eps FPR + delta and the measured TPRs, per eps
  mem_lira_vulnerability  per-point vulnerability (LiRA AUC) against the memorization estimate mem-hat of
                          the same shadow models, by group (clean, mislabeled, outlier), trial 0; and the
                          onion's mean shift of the previously safe points after removing the top k or k
                          random points; LIRA-VULN and LIRA-ONION verdicts
  mem_lira_sco            on the SCO instance: LiRA online's and the global threshold's TPR at FPR < xi
                          against the SCO tracer's recall, per noise level of the learner, with the
                          diagonal; LIRA-SCO verdicts
Per-instance privacy and unlearning (scn_mem_unlearning):
  mem_unlearning          left: the closed-form unlearning divergence D_k = D_alpha(unlearned after k steps
                          on S\\i || nu_S\\i) of the chains' removed example against k (log scale), with the
                          asymptotic line 2 ln(1 - eta lambda_min(H')) and the window of UNL-UNLEARN.rate;
                          middle and right: the exact steps k* and the Monte Carlo steps k-hat (KS against
                          retrained models) against the privacy loss P = D_alpha(nu_S || nu_S\\i), by group
                          (clean, mislabeled, outlier, repeated), the first 20 data sets; UNL verdicts
  mem_unlearning_logistic the small logistic model: Monte Carlo unlearning steps k-hat and the LiRA-style
                          vulnerability v of the probed examples against the heuristic privacy score P,
                          by group; UNL-LOGIT verdicts
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


# --- mem_data_diet ---
GROUPS = {0: "clean", 1: "mislabeled", 2: "outlier"}


def data_diet_scores(run_dir, out_dir):
    if not style.exists(run_dir, "diet_scores.csv", "summary.json"):
        return []
    rows = read_csv(run_dir / "diet_scores.csv")
    cl = style.claims(run_dir)
    fig, ax = plt.subplots(figsize=(5.2, 3.2))
    bins = np.linspace(0.0, np.sqrt(2.0), 41)
    for g, name in GROUPS.items():
        v = [num(r, "el2n") for r in rows if int(r["group"]) == g]
        if v:
            ax.hist(v, bins=bins, alpha=0.6, label=f"{name} ({len(v)})", color=MEASURED if g == 0 else ("C3" if g == 1 else "C2"))
    uniform = next(iter(cl.values()), {}).get("details", {}).get("uniform_el2n")
    if uniform is not None:
        ax.axvline(uniform, color=PREDICTED, ls="--", lw=0.9, label="EL2N of every point at W = 0")
    ax.set_xlabel("EL2N at t0, mean over initialisations (trial 0)")
    ax.set_ylabel("points")
    ax.set_title(", ".join(f"{c} {v['verdict']}" for c, v in cl.items() if c.startswith("DD-NOISE")), fontsize=7)
    ax.legend(fontsize=6)
    return style.save(fig, out_dir, "mem_data_diet_scores", style.provenance(run_dir))


def data_diet_pruning(run_dir, out_dir):
    if not style.exists(run_dir, "diet_pruning.csv", "summary.json"):
        return []
    rows = read_csv(run_dir / "diet_pruning.csv")
    cl = style.claims(run_dir)
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(6.4, 3.0), gridspec_kw={"width_ratios": [3, 2]})
    f = np.array([num(r, "prune_fraction") for r in rows])
    for key, label, fmt, color in (("el2n", "EL2N (keep the highest)", "o-", MEASURED), ("random", "random", "s--", "0.5")):
        ax.errorbar(f, [num(r, key) for r in rows], yerr=[num(r, key + "_se") for r in rows], fmt=fmt, color=color, ms=4, capsize=2, label=label)
    if rows:
        ax.axhline(num(rows[0], "full"), color=PREDICTED, ls=":", lw=0.9, label="full set")
    ax.set_xlabel("fraction pruned (no label noise)")
    ax.set_ylabel("clean-test accuracy")
    ax.legend(fontsize=6)
    d = next(iter(cl.values()), {}).get("details", {})
    names = ["hardest k", "window after offset", "k random", "full noisy set"]
    values = [d.get(k, np.nan) for k in ("hardest", "window", "random", "full_noisy")]
    bx.bar(range(4), values, color=[MEASURED, MEASURED, "0.5", PREDICTED])
    bx.set_xticks(range(4))
    bx.set_xticklabels(names, rotation=30, ha="right", fontsize=6)
    bx.set_ylim(0, 1)
    bx.set_title(f"label noise, k = {d.get('keep', '?')}, offset {d.get('offset', '?')}", fontsize=7)
    fig.suptitle(", ".join(f"{c} {v['verdict']}" for c, v in cl.items() if c.startswith(("DD-PRUNE", "DD-CLEAN.random"))), fontsize=6)
    return style.save(fig, out_dir, "mem_data_diet_pruning", style.provenance(run_dir))
# --- end mem_data_diet ---


# --- mem_lira ---
def lira_roc(run_dir, out_dir):
    if not style.exists(run_dir, "lira_roc.csv", "summary.json"):
        return []
    rows = read_csv(run_dir / "lira_roc.csv")
    cl = style.claims(run_dir)
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(7.0, 3.4))
    fpr = np.array([num(r, "fpr") for r in rows])
    for key, color, fmt in (("online", MEASURED, "-"), ("offline", "C2", "--"), ("global", "0.5", ":")):
        tpr = np.array([num(r, key) for r in rows])
        ax.plot(fpr[tpr > 0], tpr[tpr > 0], fmt, color=color, label=f"LiRA {key} (TPR 0 not drawn)" if (tpr == 0).any() else f"LiRA {key}")
    ax.plot(fpr, fpr, color=PREDICTED, lw=0.8, ls="-.", label="chance (TPR = FPR)")
    d = next((v for c, v in cl.items() if c.startswith("LIRA-ORDER")), {}).get("details", {})
    if "fpr" in d:
        ax.axvline(d["fpr"], color="0.7", lw=0.7)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("false-positive rate")
    ax.set_ylabel("true-positive rate")
    ax.set_title(", ".join(f"{c.split('.')[1]} {v['verdict']}" for c, v in cl.items() if c.startswith("LIRA-ORDER")), fontsize=7)
    ax.legend(fontsize=6)
    if style.exists(run_dir, "lira_dp_curves.csv"):
        dp = read_csv(run_dir / "lira_dp_curves.csv")
        for k, eps in enumerate(sorted({num(r, "epsilon") for r in dp})):
            curve = [r for r in dp if num(r, "epsilon") == eps and r["measured_tpr"] == ""]
            pts = [r for r in dp if num(r, "epsilon") == eps and r["measured_tpr"] != ""]
            a = np.array([num(r, "fpr") for r in curve])
            bx.plot(a, [num(r, "np_tpr") for r in curve], color=f"C{k}", lw=1.0, label=f"eps = {eps:g}: Neyman-Pearson")
            bx.plot(a, [num(r, "cap") for r in curve], color=f"C{k}", lw=0.8, ls="--")
            bx.plot([num(r, "fpr") for r in pts], [num(r, "measured_tpr") for r in pts], "o", color=f"C{k}", ms=3)
        bx.set_xscale("log")
        bx.set_yscale("log")
        bx.set_xlabel("false-positive rate")
        bx.set_title("DP learners: curve, cap e^eps FPR + delta (dashed), measured (dots)", fontsize=6)
        bx.legend(fontsize=5)
    return style.save(fig, out_dir, "mem_lira_roc", style.provenance(run_dir))


def lira_vulnerability(run_dir, out_dir):
    if not style.exists(run_dir, "lira_points.csv", "summary.json"):
        return []
    rows = read_csv(run_dir / "lira_points.csv")
    cl = style.claims(run_dir)
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(6.4, 3.0), gridspec_kw={"width_ratios": [3, 2]})
    for g, name in GROUPS.items():
        pts = [r for r in rows if int(r["group"]) == g]
        if pts:
            ax.scatter([num(r, "mem") for r in pts], [num(r, "vulnerability") for r in pts], s=4, alpha=0.6,
                       color=MEASURED if g == 0 else ("C3" if g == 1 else "C2"), label=f"{name} ({len(pts)})")
    ax.set_xlabel("memorization estimate mem-hat (same shadow models)")
    ax.set_ylabel("vulnerability (per-point LiRA AUC)")
    ax.legend(fontsize=6)
    ax.set_title(", ".join(f"{c.split('.')[1]} {v['verdict']}" for c, v in cl.items() if c.startswith("LIRA-VULN")), fontsize=7)
    d = next((v for c, v in cl.items() if c.startswith("LIRA-ONION")), {}).get("details", {})
    bx.bar([0, 1], [d.get("onion_top", np.nan), d.get("onion_random", np.nan)], color=[MEASURED, "0.5"])
    bx.set_xticks([0, 1])
    bx.set_xticklabels([f"top {d.get('removed', '?')} removed", "random removed"], fontsize=6)
    bx.axhline(0.0, color="0.3", lw=0.6)
    bx.set_ylabel("mean shift of previously safe points' v", fontsize=7)
    bx.set_title(", ".join(f"{c} {v['verdict']}" for c, v in cl.items() if c.startswith("LIRA-ONION")), fontsize=6)
    return style.save(fig, out_dir, "mem_lira_vulnerability", style.provenance(run_dir))


def lira_sco(run_dir, out_dir):
    if not style.exists(run_dir, "lira_sco.csv", "summary.json"):
        return []
    rows = read_csv(run_dir / "lira_sco.csv")
    cl = style.claims(run_dir)
    fig, ax = plt.subplots(figsize=(3.6, 3.2))
    recall = [num(r, "tracer_recall") for r in rows]
    for key, color, label in (("lira_tpr", MEASURED, "LiRA online"), ("global_tpr", "0.5", "global threshold")):
        ax.errorbar(recall, [num(r, key) for r in rows], yerr=[2 * num(r, key + "_se") for r in rows], xerr=[2 * num(r, "tracer_recall_se") for r in rows],
                    fmt="o", ms=3, color=color, label=f"{label} (TPR at FPR < xi)")
    for r in rows:
        ax.annotate(f"sigma sqrt(d) = {num(r, 'noise'):g}", (num(r, "tracer_recall"), num(r, "lira_tpr")), fontsize=5, xytext=(3, -8), textcoords="offset points")
    ax.plot([0, 1], [0, 1], color=PREDICTED, lw=0.8, ls="--", label="TPR = tracer recall")
    ax.set_xlabel("SCO tracer's recall at its calibrated threshold")
    ax.set_ylabel("membership-inference TPR")
    ax.legend(fontsize=5)
    ax.set_title(", ".join(f"{c.split('.', 1)[1]} {v['verdict']}" for c, v in cl.items() if c.startswith("LIRA-SCO.lira")), fontsize=5)
    return style.save(fig, out_dir, "mem_lira_sco", style.provenance(run_dir))
# --- end mem_lira ---


# --- mem_unlearning ---
UNLEARNING_GROUPS = {"clean": MEASURED, "noisy": "C3", "outlier": "C2", "repeated": "C4"}


def unlearning(run_dir, out_dir):
    if not style.exists(run_dir, "unlearning_curve.csv", "unlearning_points.csv", "summary.json"):
        return []
    cl = style.claims(run_dir)
    fig, (ax, bx, cx) = plt.subplots(1, 3, figsize=(8.0, 3.1))
    fig.subplots_adjust(wspace=0.45)
    curve = read_csv(run_dir / "unlearning_curve.csv")
    k = np.array([num(r, "k") for r in curve])
    ax.plot(k, [num(r, "divergence") for r in curve], color=MEASURED, label="D_k, closed form")
    ax.plot(k, [num(r, "asymptotic_line") for r in curve], color=PREDICTED, lw=0.8, ls="--", label="2 ln(1 - eta lambda_min) per step")
    d = cl.get("UNL-UNLEARN.rate", {}).get("details", {})
    if "window_start" in d:
        ax.axvspan(d["window_start"], d["window_end"], color="0.9", label="rate window")
    ax.set_yscale("log")
    ax.set_xlabel("unlearning steps k on S\\i", fontsize=7)
    ax.set_ylabel("D_alpha(after k steps || nu_S\\i)", fontsize=7)
    ax.legend(fontsize=5)
    ax.set_title(verdict_lines(cl, "UNL-UNLEARN"), fontsize=6)
    rows = [r for r in read_csv(run_dir / "unlearning_points.csv") if int(r["trial"]) < 20]
    for axis, key, label in ((bx, "exact_steps", "exact steps k*"), (cx, "mc_steps", "Monte Carlo steps k-hat (KS)")):
        scatter_by_group(axis, rows, "privacy_loss", key, "privacy loss P = D_alpha(nu_S || nu_S\\i)", label)
    bx.legend(fontsize=5)
    bx.set_title(verdict_lines(cl, "UNL-RANK"), fontsize=5)
    cx.set_title(verdict_lines(cl, "UNL-GROUP"), fontsize=5)
    return style.save(fig, out_dir, "mem_unlearning", style.provenance(run_dir))


def verdict_lines(claims, family, per_line=2):
    """The family's verdicts as 'name VERDICT', a few per line."""
    items = [f"{c.split('.')[1]} {v['verdict']}" for c, v in claims.items() if c.startswith(family + ".")]
    return "\n".join(", ".join(items[i:i + per_line]) for i in range(0, len(items), per_line))


def scatter_by_group(axis, rows, x_key, y_key, x_label, y_label):
    """One colour per example group, log x."""
    for group, color in UNLEARNING_GROUPS.items():
        pts = [r for r in rows if r["group"] == group]
        axis.scatter([num(r, x_key) for r in pts], [num(r, y_key) for r in pts], s=3, alpha=0.5, color=color, label=f"{group} ({len(pts)})")
    axis.set_xscale("log")
    axis.set_xlabel(x_label, fontsize=7)
    axis.set_ylabel(y_label, fontsize=7)


def unlearning_logistic(run_dir, out_dir):
    if not style.exists(run_dir, "unlearning_logistic.csv", "summary.json"):
        return []
    cl = style.claims(run_dir)
    rows = read_csv(run_dir / "unlearning_logistic.csv")
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(6.4, 3.0))
    fig.subplots_adjust(wspace=0.35)
    for axis, key, label in ((ax, "mc_steps", "Monte Carlo unlearning steps k-hat (KS)"), (bx, "vulnerability", "vulnerability v (AUC of margins IN vs OUT)")):
        scatter_by_group(axis, rows, "privacy_score", key, "privacy score P (sum of per-step Renyi terms)", label)
    ax.legend(fontsize=5)
    ax.set_title(verdict_lines(cl, "UNL-LOGIT", per_line=3), fontsize=5)
    return style.save(fig, out_dir, "mem_unlearning_logistic", style.provenance(run_dir))
# --- end mem_unlearning ---


# Figure name (as scenarios/registry.json lists it) -> drawer(run_dir, out_dir).
FIGURES = {"mem_long_tail": long_tail, "mem_data_diet_scores": data_diet_scores, "mem_data_diet_pruning": data_diet_pruning,
           "mem_lira_roc": lira_roc, "mem_lira_vulnerability": lira_vulnerability, "mem_lira_sco": lira_sco, "mem_unlearning": unlearning,
           "mem_unlearning_logistic": unlearning_logistic}
