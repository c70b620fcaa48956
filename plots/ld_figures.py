"""Learning-dynamics figures from results files only (scn_ld_deep_linear; docs/learning_dynamics.md):
  ld_modes           deep linear networks: every signal mode's strength s_i(t)/ŝ_i against t/τ for GD from
                     the training-aligned start (markers) with the closed form (lines), one and three hidden
                     layers, and the random orthogonal start's lag (trial 0); LD-DLN verdicts in the titles
  ld_early_stopping  the aligned student's relative test error ε_test(t) along its path for each rank-1
                     teacher (trial 0), its early-stopping optimum 1 − O_emp² and the asymptotic 1 − O(s̄)²,
                     with the LD-ES verdicts
Grokking (scn_ld_grokking):
  ld_grokking_curves training and test accuracy against the step (log axis) for every seed of each
                     trained cell, with M, N_g and the early-stopping points of each patience marked
  ld_ipr             the network's Fourier IPR against the step for every seed, with M and N_g marked
Weight decay (scn_ld_weight_decay):
  ld_weight_decay    left: t95_test and t95_train against the weight decay (log-log; seed means with their
                     seeds, the fitted lower-branch slope of LD-G4.slope, the decay-only time ln(a0)/(eta gamma));
                     right: test accuracy against the step for one seed at every weight decay
Random labels (scn_ld_random_labels):
  ld_random_labels   left: T_fit against the corruption rate rho (seeds and their means); right: clean test
                     accuracy against rho with chance 1/K, and the LD-RL verdicts
Memorization a priori and by construction (scn_ld_memorization):
  ld_perceptron      per n: the frequency of each count t of a random perceptron (Gaussian weights) against
                     the uniform 2^-n, with the controls (N(shift, 1) weights, an added bias) as steps; the
                     LD-PERC verdicts and chi2 p-values
  ld_nearest_neighbour  left: constant eta, the 1-NN error of every (M, rho, n) cell with its Clopper-Pearson
                     interval against rho(2 - M rho/(M - 1)) and the Bayes risk rho; middle: the smooth
                     mixture, the error of each training set and their mean with its interval against R*,
                     R_inf and 2R*(1 - R*); right: the memorizer's clean-test error against rho with the
                     limits rho(M - 1)/M and rho
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


def grokking_runs(run_dir):
    """Per cell: {trial: {"M", "Ng", "stops": [(patience, step)]}} from grokking_runs.csv."""
    runs = {}
    for r in read_csv(run_dir / "grokking_runs.csv"):
        t = runs.setdefault(r["cell"], {}).setdefault(int(r["trial"]), {"M": int(r["memorized"]),
                                                                         "Ng": int(r["generalized"]), "stops": []})
        t["stops"].append((int(r["patience"]), int(r["stop_step"])))
    return runs


def grokking_curves(run_dir, out_dir):
    if not style.exists(run_dir, "grokking_curves.csv", "grokking_runs.csv", "summary.json"):
        return []
    rows = read_csv(run_dir / "grokking_curves.csv")
    runs = grokking_runs(run_dir)
    cl = style.claims(run_dir)
    cells = list(runs)
    fig, axes = plt.subplots(1, len(cells), figsize=(4.6 * len(cells), 3.3), squeeze=False)
    stop_markers = ["v", "s", "D", "^"]
    for ax, cell in zip(axes[0], cells):
        for trial, info in sorted(runs[cell].items()):
            pts = [r for r in rows if r["cell"] == cell and int(r["trial"]) == trial]
            step = np.array([num(r, "step") for r in pts]) + 1.0  # log axis: step + 1
            test = np.array([num(r, "test_accuracy") for r in pts])
            ax.plot(step, [num(r, "train_accuracy") for r in pts], "-", color=PREDICTED, lw=0.8, alpha=0.7,
                    label="train" if trial == 0 else None)
            ax.plot(step, test, "-", color=MEASURED, lw=0.8, alpha=0.8, label="test" if trial == 0 else None)
            if info["M"] >= 0:
                ax.axvline(info["M"] + 1, color=PREDICTED, lw=0.5, ls=":")
            if info["Ng"] >= 0:
                ax.axvline(info["Ng"] + 1, color=MEASURED, lw=0.5, ls=":")
            for k, (patience, stop) in enumerate(info["stops"]):
                ax.plot([stop + 1], [test[stop]], stop_markers[k % len(stop_markers)], color="k", ms=4, mfc="none",
                        label=f"early stop, patience {patience}" if trial == 0 else None)
        ax.set_xscale("log")
        ax.set_xlabel("step + 1")
        ax.set_ylabel("accuracy")
        verdicts = ", ".join(f"{c.split('.')[0]}.{c.split('.')[1]} {v['verdict']}" for c, v in cl.items()
                             if c.endswith("." + cell) and c.startswith("LD-G2"))
        ax.set_title(f"{cell} ({len(runs[cell])} seeds; dotted: M, N_g)\n{verdicts}", fontsize=7)
        ax.legend(fontsize=6, loc="center left")
    fig.suptitle("Memorization first, generalization later; early stopping on the validation loss stops in between",
                 fontsize=8, y=1.06)
    return style.save(fig, out_dir, "ld_grokking_curves", style.provenance(run_dir))


def ipr(run_dir, out_dir):
    if not style.exists(run_dir, "grokking_curves.csv", "grokking_runs.csv", "summary.json"):
        return []
    rows = read_csv(run_dir / "grokking_curves.csv")
    runs = grokking_runs(run_dir)
    cl = style.claims(run_dir)
    fig, ax = plt.subplots(figsize=(5.2, 3.3))
    for c, cell in enumerate(runs):
        color = MODE_COLORS[c % len(MODE_COLORS)]
        for trial, info in sorted(runs[cell].items()):
            pts = [r for r in rows if r["cell"] == cell and int(r["trial"]) == trial]
            ax.plot([num(r, "step") for r in pts], [num(r, "ipr") for r in pts], "-", color=color, lw=0.8, alpha=0.8,
                    label=cell if trial == 0 else None)
            for key, marker in (("M", "o"), ("Ng", "s")):
                if info[key] >= 0:
                    ax.plot([info[key]], [num(pts[info[key]], "ipr")], marker, color=color, ms=3.5, mfc="none")
    ax.axhline(0.5, color=PREDICTED, ls="--", lw=0.9, label="0.5 (spec G5)")
    ax.set_xlabel("step")
    ax.set_ylabel("network IPR (per-neuron, 3 blocks)")
    ax.set_title("Fourier IPR: circles M, squares N_g; " + ", ".join(
        f"{cid} {v['verdict']}" for cid, v in cl.items() if cid.startswith("LD-G5.ipr_final")), fontsize=7)
    ax.legend(fontsize=6)
    return style.save(fig, out_dir, "ld_ipr", style.provenance(run_dir))


def weight_decay(run_dir, out_dir):
    if not style.exists(run_dir, "weight_decay_runs.csv", "weight_decay_curves.csv", "summary.json"):
        return []
    runs = read_csv(run_dir / "weight_decay_runs.csv")
    curves = read_csv(run_dir / "weight_decay_curves.csv")
    cl = style.claims(run_dir)
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(9.0, 3.4))
    decays = sorted({num(r, "weight_decay") for r in runs if num(r, "weight_decay") > 0})
    for key, color, label in (("t95_test", MEASURED, "t95_test"), ("t95_train", PREDICTED, "t95_train")):
        means = []
        for g in decays:
            v = [num(r, key) for r in runs if num(r, "weight_decay") == g and num(r, key) >= 0]
            ax.plot([g] * len(v), v, ".", color=color, ms=3, alpha=0.5)
            means.append(np.mean(v) if v else np.nan)
        ax.plot(decays, means, "o-", color=color, ms=4, label=label + " (seed mean)")
    ax.plot(decays, [next(num(r, "decay_only_steps") for r in runs if num(r, "weight_decay") == g) for g in decays], "--",
            color="0.5", lw=0.9, label="ln(a0)/(eta gamma)")
    slope = cl.get(next((c for c in cl if c.startswith("LD-G4.slope")), ""), {})
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("weight decay gamma")
    ax.set_ylabel("steps")
    measured = slope.get("measured")
    ax.set_title(f"LD-G4.slope {slope.get('verdict', 'n/a')}: fitted slope "
                 f"{measured:.3g}" if measured is not None else "LD-G4.slope n/a", fontsize=7)
    ax.legend(fontsize=6)
    cmap = plt.get_cmap("viridis")
    all_decays = sorted({num(r, "weight_decay") for r in curves})
    for k, g in enumerate(all_decays):
        pts = [r for r in curves if num(r, "weight_decay") == g and int(r["trial"]) == 0]
        bx.plot([num(r, "step") + 1 for r in pts], [num(r, "test_accuracy") for r in pts], "-", lw=0.9,
                color=cmap(k / max(1, len(all_decays) - 1)), label=f"gamma = {g:g}")
    bx.axhline(0.95, color="k", lw=0.5, ls=":")
    bx.set_xscale("log")
    bx.set_xlabel("step + 1")
    bx.set_ylabel("test accuracy (per-sample MSE < threshold)")
    bx.set_title("seed 0; " + ", ".join(f"{c.split('.')[1]} {v['verdict']}" for c, v in cl.items() if c.startswith("LD-G4")
                                        and not c.startswith("LD-G4.slope")), fontsize=7)
    bx.legend(fontsize=6)
    fig.suptitle("Weight decay shrinks the weights to the generalizing norm: t95_test ~ 1/gamma, t95_train flat", fontsize=8, y=1.02)
    return style.save(fig, out_dir, "ld_weight_decay", style.provenance(run_dir))


def random_labels(run_dir, out_dir):
    if not style.exists(run_dir, "random_label_runs.csv", "summary.json"):
        return []
    runs = read_csv(run_dir / "random_label_runs.csv")
    cl = style.claims(run_dir)
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(9.0, 3.3))
    rhos = sorted({num(r, "rho") for r in runs})
    for key, axis, label in (("t_fit", ax, "T_fit (steps to training accuracy 1)"), ("clean_test_accuracy", bx, "clean test accuracy")):
        means = []
        for rho in rhos:
            v = [num(r, key) for r in runs if num(r, "rho") == rho and num(r, key) >= 0]
            axis.plot([rho] * len(v), v, ".", color=MEASURED, ms=3, alpha=0.4)
            means.append(np.mean(v) if v else np.nan)
        axis.plot(rhos, means, "o-", color=MEASURED, ms=4, label="seed mean")
        axis.set_xlabel("corruption rate rho")
        axis.set_ylabel(label)
    chance = next((c for c in cl if c.startswith("LD-RL.chance")), None)
    if chance and cl[chance].get("predicted") is not None:
        bx.axhline(cl[chance]["predicted"], color=PREDICTED, ls="--", lw=0.9, label="chance 1/K")
    ax.set_title(", ".join(f"{c.split('.')[1]} {v['verdict']}" for c, v in cl.items()
                           if c.startswith("LD-RL.random_slower") or c.startswith("LD-RL.monotone")), fontsize=7)
    bx.set_title(", ".join(f"{c.split('.')[1]} {v['verdict']}" for c, v in cl.items()
                           if c.startswith("LD-RL.chance") or c.startswith("LD-RL.fits_all")), fontsize=7)
    ax.legend(fontsize=6)
    bx.legend(fontsize=6)
    fig.suptitle("Random labels are fitted too, later; a few corrupted labels inside clean clusters are the slowest",
                 fontsize=8, y=1.02)
    return style.save(fig, out_dir, "ld_random_labels", style.provenance(run_dir))


def perceptron(run_dir, out_dir):
    if not style.exists(run_dir, "perceptron_counts.csv", "perceptron_tests.csv", "summary.json"):
        return []
    rows = read_csv(run_dir / "perceptron_counts.csv")
    tests = read_csv(run_dir / "perceptron_tests.csv")
    cl = style.claims(run_dir)
    dims = sorted({int(r["n"]) for r in rows})
    if not dims:
        return []
    fig, axes = plt.subplots(1, len(dims), figsize=(3.6 * len(dims), 3.1), squeeze=False)
    control_colors = {"shifted": "#2ca02c", "bias": "#9467bd"}
    for ax, n in zip(axes[0], dims):
        for law in dict.fromkeys(r["law"] for r in rows if int(r["n"]) == n):
            pts = [r for r in rows if int(r["n"]) == n and r["law"] == law]
            draws = sum(num(r, "count") for r in pts)
            t = np.array([num(r, "t") for r in pts])
            freq = np.array([num(r, "count") for r in pts]) / draws
            test = next(x for x in tests if int(x["n"]) == n and x["law"] == law)
            label = f"{law} (p = {num(test, 'p_value'):.2g})"
            if pts[0]["control"] == "1":
                ax.step(t, freq, where="mid", color=control_colors.get(law, "k"), lw=0.9, label=f"control: {label}")
            else:
                ax.bar(t, freq, width=1.0, color=MEASURED, alpha=0.55, label=label)
                expected = np.array([num(r, "expected_uniform") for r in pts]) / draws
                ax.plot(t[:-1], expected[:-1], "-", color=PREDICTED, lw=1.2)
        ax.plot([], [], "-", color=PREDICTED, lw=1.2, label="uniform 2^-n")
        verdicts = ", ".join(f"{c.split('.')[2]} {v['verdict']}" for c, v in cl.items() if c.startswith("LD-PERC.uniform.") and c.endswith(f".n{n}"))
        bij = cl.get(f"LD-PERC.bijection.n{n}")
        ax.set_title(f"n = {n}: {verdicts}" + (f"; bijection {bij['verdict']}" if bij else ""), fontsize=7)
        ax.set_xlabel("t = #{x in {0,1}^n : w.x > 0}")
        ax.legend(fontsize=5.5, loc="upper center")
    axes[0][0].set_ylabel("frequency")
    fig.suptitle("A random perceptron without bias is a priori uniform over t: P(t) = 2^-n (Mingard et al. 2019)",
                 fontsize=8, y=1.03)
    return style.save(fig, out_dir, "ld_perceptron", style.provenance(run_dir))


def nearest_neighbour(run_dir, out_dir):
    parts = [name for name in ("nn_constant_eta.csv", "nn_smooth.csv", "nn_memorizer.csv") if style.exists(run_dir, name)]
    if not parts or not style.exists(run_dir, "summary.json"):
        return []
    cl = style.claims(run_dir)
    fig, axes = plt.subplots(1, len(parts), figsize=(4.2 * len(parts), 3.3), squeeze=False)
    for ax, name in zip(axes[0], parts):
        rows = read_csv(run_dir / name)
        if name == "nn_constant_eta.csv":
            groups = sorted({(int(r["classes"]), int(r["train_size"])) for r in rows})
            for g, (m, n) in enumerate(groups):
                pts = sorted((r for r in rows if int(r["classes"]) == m and int(r["train_size"]) == n), key=lambda r: num(r, "rho"))
                rho = np.array([num(r, "rho") for r in pts])
                err = np.array([num(r, "error_rate") for r in pts])
                lo = np.array([cl["LD-1NN.constant_eta." + r["cell"]]["measured_lo"] for r in pts])
                hi = np.array([cl["LD-1NN.constant_eta." + r["cell"]]["measured_hi"] for r in pts])
                shift = (g - (len(groups) - 1) / 2) * 0.006
                ax.errorbar(rho + shift, err, yerr=[err - lo, hi - err], fmt=style.MARKERS[g % len(style.MARKERS)], ms=3,
                            color=MODE_COLORS[g % len(MODE_COLORS)], capsize=2, lw=0.8, label=f"M = {m}, n = {n}")
                ax.plot(rho + shift, [num(r, "predicted") for r in pts], "-_", color=PREDICTED, lw=0.8, ms=9)
            rhos = sorted({num(r, "rho") for r in rows})
            ax.plot(rhos, rhos, "--_", color=style.SECONDARY, lw=0.8, ms=9, label="Bayes risk rho")
            ax.plot([], [], "-", color=PREDICTED, lw=0.8, label="rho(2 - M rho/(M - 1))")
            passed = sum(1 for c, v in cl.items() if c.startswith("LD-1NN.constant_eta.") and v["verdict"] == "PASS")
            total = sum(1 for c in cl if c.startswith("LD-1NN.constant_eta."))
            ax.set_title(f"constant eta: exact at every n ({passed}/{total} cells PASS)", fontsize=7)
            ax.set_xlabel("label noise rho")
            ax.set_ylabel("1-NN error")
        elif name == "nn_smooth.csv":
            err = np.array([num(r, "error_rate") for r in rows])
            ax.plot(np.arange(len(err)), err, ".", color=MEASURED, ms=4, label="one training set")
            limit = cl.get("LD-1NN.smooth.limit")
            if limit:
                ax.axhspan(limit["measured_lo"], limit["measured_hi"], color=MEASURED, alpha=0.15, label="mean, claim interval")
                ax.axhline(limit["measured"], color=MEASURED, lw=0.9)
            for key, style_, label in (("limit", "-", "R_inf = E[2 eta(1 - eta)]"), ("bayes_risk", "--", "Bayes risk R*"),
                                       ("cover_hart", ":", "2R*(1 - R*)")):
                ax.axhline(num(rows[0], key), color=PREDICTED, ls=style_, lw=1.0, label=label)
            verdicts = ", ".join(f"{c.split('.')[2]} {v['verdict']}" for c, v in cl.items() if c.startswith("LD-1NN.smooth."))
            ax.set_title(f"N(+-{num(rows[0], 'separation'):g}, 1), n = {int(num(rows[0], 'train_size'))}\n{verdicts}", fontsize=6.5)
            ax.set_xlabel("training set")
            ax.set_ylabel("1-NN error")
        else:
            for c, corruption in enumerate(("any", "other")):
                pts = [r for r in rows if r["corruption"] == corruption]
                if not pts:
                    continue
                color = MODE_COLORS[c]
                ax.plot([num(r, "rho") for r in pts], [num(r, "error_rate") for r in pts], ".", color=color, ms=3, alpha=0.6,
                        label=f"{corruption} class, per training set")
                rhos = sorted({num(r, "rho") for r in pts})
                ax.plot(rhos, [num(next(r for r in pts if num(r, "rho") == x), "limit") for x in rhos], "-_",
                        color=color, lw=0.9, ms=12, label="limit rho(M - 1)/M" if corruption == "any" else "limit rho")
            fits = cl.get("LD-1NN.memorizer.fits")
            ax.set_title(f"memorizer, M = {int(num(rows[0], 'classes'))}, clean test labels; fits {fits['verdict'] if fits else 'n/a'}",
                         fontsize=7)
            ax.set_xlabel("training-label corruption rho")
            ax.set_ylabel("clean-test error")
        ax.legend(fontsize=5.5)
    fig.suptitle("1-nearest neighbour memorizes its training set; its error sits where Cover and Hart put it", fontsize=8, y=1.02)
    return style.save(fig, out_dir, "ld_nearest_neighbour", style.provenance(run_dir))


# Figure name (as scenarios/registry.json lists it) -> drawer(run_dir, out_dir).
FIGURES = {"ld_modes": modes, "ld_early_stopping": early_stopping, "ld_grokking_curves": grokking_curves, "ld_ipr": ipr,
           "ld_weight_decay": weight_decay, "ld_random_labels": random_labels, "ld_perceptron": perceptron,
           "ld_nearest_neighbour": nearest_neighbour}
