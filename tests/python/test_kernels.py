"""memgen's SCO and learning-dynamics kernels from Python (python/bindings/sco_bindings.cc,
ld_bindings.cc): the same numbers as the scenarios bit for bit, the closed forms against their
definitions, and bad arguments as exceptions instead of the theory layer's abort."""
import os
import pathlib
import subprocess

import numpy as np
import pytest

import memgen

BIN = pathlib.Path(os.environ.get("MEMGEN_BIN_DIR", "."))

# scn_sco_tracing at smoke scale with every part shrunk to its smallest valid size.
SCO_SMALL = ["trials=10", "csl.trials=10", "projection.trials=10", "cube[0].trials=10", "cube[0].sigmas=[0.0]", "fingerprint.runs=1000"]


def run_binary(name, tmp_path, sets=()):
    args = [str(BIN / f"scn_{name}"), "--scale", "smoke", "--seed", "5", "--out", str(tmp_path), "--run-id", "r"]
    for s in sets:
        args += ["--set", s]
    done = subprocess.run(args, capture_output=True, text=True)
    assert done.returncode in (0, 3), done.stderr  # 3: some claim not as expected at these small sizes, the run still complete
    return memgen.load(tmp_path / name / "r")


def test_sco_trials_reproduce_a_tracing_cell_bit_for_bit(tmp_path):
    run = run_binary("sco_tracing", tmp_path, SCO_SMALL)
    cells = run.tables["cells"]
    rows = cells[cells["cell"] == "clb_eps0.2"]
    first = rows.iloc[0]
    learners = run.meta["config"]["learner"]
    n, d, trials = int(first["n"]), int(first["d"]), int(first["trials"])
    results = [memgen.sco_trial(n, d, learners, eps=0.2, xi=float(first["xi"]), null_draws=int(run.meta["config"]["null_draws"]), seed=5,
                                cell="clb_eps0.2", trial=t) for t in range(trials)]
    for _, row in rows.iterrows():
        per = [r["learners"][row["learner"]] for r in results]
        assert sum(x["excess"] for x in per) / trials == row["excess"], row["learner"]  # Summarize: a plain sum in trial order
        assert sum(float(x["recall_fw"]) for x in per) / trials == row["recall_fw"], row["learner"]
        assert sum(x["gap"] for x in per) / trials == row["gap"], row["learner"]


def test_sco_trial_fingerprint_sums_and_thresholds_are_consistent():
    r = memgen.sco_trial(40, 4000, ["erm", {"kind": "subsample", "name": "half", "fraction": 0.5}], eps=0.2, seed=1, trial=3)
    erm, half = r["learners"]["erm"], r["learners"]["half"]
    assert half["used_rows"] == 20 and erm["used_rows"] == 40
    assert erm["a2"] >= erm["a1"] ** 2 / 40  # Cauchy-Schwarz on the n scores
    assert erm["recall_fw"] <= erm["recall_pp"] <= 40  # the family-wise threshold is the higher one
    assert 0.0 < r["mu_norm2"] < 1.0
    assert memgen.sco_trial(40, 4000, ["erm"], eps=0.2, seed=1, trial=3)["learners"]["erm"] == erm  # a learner's draws are its own


def test_bernstein_threshold_is_above_hoeffding_for_a_spread_of_weights():
    d = 1000
    w = np.ones(d)
    level = 1e-3
    tau = memgen.bernstein_threshold(w, np.zeros(d), level)
    v, b, ell = 1.0, 2.0 / np.sqrt(d), np.log(1.0 / level)
    assert tau == pytest.approx(b * ell / 3 + np.sqrt((b * ell / 3) ** 2 + 2 * v * ell), rel=1e-14)
    assert tau > memgen.hoeffding_threshold(np.sqrt(d), d, level)  # Bernstein's range term costs at v = ||w||^2/d


def test_sco_trial_rejects_a_bad_learner():
    with pytest.raises(memgen.ConfigError, match="kind"):
        memgen.sco_trial(40, 4000, ["no_such_learner"])
    with pytest.raises(ValueError, match=r"learners\[0\]\.colour: not a learner option"):
        memgen.sco_trial(40, 4000, [{"kind": "erm", "colour": 1}])
    with pytest.raises(memgen.ConfigError, match="fraction"):
        memgen.sco_trial(40, 4000, [{"kind": "subsample", "fraction": 2.0}])


def test_mode_strength_reproduces_the_deep_linear_curves_bit_for_bit(tmp_path):
    run = run_binary("ld_deep_linear", tmp_path)
    modes = run.meta["config"]["modes"]
    curves = run.tables["mode_curves"]
    assert len(curves) > 0
    for (layers, s), group in curves.groupby(["weight_layers", "s_hat"]):
        eps = modes["epsilon"] if layers == 2 else modes["deep_epsilon"]
        closed = memgen.mode_strength(group["t_over_tau"].to_numpy(), s, eps, int(layers)) / s
        assert np.array_equal(closed, group["closed_form_over_s_hat"].to_numpy())


def test_mode_time_inverts_mode_strength():
    for layers in (2, 4):
        t = memgen.mode_time(0.5, 1.0, 1e-3, layers)
        assert memgen.mode_strength(np.array([t]), 1.0, 1e-3, layers)[0] == pytest.approx(0.5, rel=1e-10)
    t = np.linspace(0.0, 5.0, 11)
    logistic = 1.0 / (1.0 + np.exp(-2.0 * t) * (1.0 / 1e-3 - 1.0))  # L = 2, s_hat = 1
    assert np.allclose(memgen.mode_strength(t, 1.0, 1e-3), logistic, rtol=1e-13)


def test_early_stopping_of_a_rank_one_student_is_one_minus_overlap_squared():
    s = memgen.training_singular_value(2.0, aspect=0.5, noise_sd=1.0)
    overlap = memgen.teacher_overlap(2.0, aspect=0.5, noise_sd=1.0)
    assert s > 1.0 + np.sqrt(0.5) and 0.0 < overlap < 1.0  # above the noise edge, partial overlap
    assert memgen.early_stopping_optimum(2.0, aspect=0.5, noise_sd=1.0) == pytest.approx(1.0 - overlap ** 2, rel=1e-14)
    stop = memgen.optimal_early_stop(np.array([s]), np.array([2.0 * overlap]), teacher_norm2=4.0)
    assert stop["test_error"] == pytest.approx(1.0 - overlap ** 2, rel=1e-6) and stop["memorized_error"] > stop["test_error"]
    t = np.array([stop["t_over_tau"]])
    assert memgen.aligned_test_error(t, np.array([s]), np.array([2.0 * overlap]), teacher_norm2=4.0)[0] == pytest.approx(stop["test_error"], rel=1e-12)


def test_nearest_neighbour_and_perceptron_closed_forms():
    assert memgen.cover_hart_bound(2, 0.1) == pytest.approx(2 * 0.1 * 0.9, rel=1e-15)
    assert memgen.constant_eta_nn_risk(10, 0.2) == pytest.approx(memgen.cover_hart_bound(10, 0.2), rel=1e-15)
    bayes = memgen.mixture_bayes_risk(1.0)
    assert bayes < memgen.mixture_nn_limit(1.0) < memgen.cover_hart_bound(2, bayes)
    assert memgen.memorizer_limit(10, 0.2, "any_class") == pytest.approx(0.18) and memgen.memorizer_limit(10, 0.2, "other_class") == 0.2
    law = memgen.perceptron_bias(5)
    assert law == {"outcomes": 32, "probability": 1 / 32, "mean": 15.5, "variance": (4 ** 5 - 1) / 12}


def test_gromov_solution_adds_modulo_p():
    p, neurons = 11, 500
    rng = np.random.default_rng(0)
    phi1, phi2 = rng.uniform(-np.pi, np.pi, neurons), rng.uniform(-np.pi, np.pi, neurons)
    w1, w2 = memgen.gromov_weights(p, phi1, phi2, phi1 + phi2)
    assert w1.shape == (neurons, 2 * p) and w2.shape == (p, neurons)
    n, m = np.meshgrid(np.arange(p), np.arange(p), indexing="ij")
    x = np.zeros((p * p, 2 * p))
    x[np.arange(p * p), n.ravel()] = 1.0
    x[np.arange(p * p), p + m.ravel()] = 1.0
    logits = (w2 @ ((w1 @ x.T) ** 2)).T
    assert np.array_equal(logits.argmax(axis=1), (n.ravel() + m.ravel()) % p)
    assert memgen.gromov_constructive_term(p, neurons, 0) == pytest.approx(0.5, rel=1e-12)


@pytest.mark.parametrize("call, message", [
    (lambda: memgen.mode_strength(np.array([1.0]), 1.0, 2.0), "epsilon: 2.0 must be in"),
    (lambda: memgen.mode_strength(np.array([1.0]), 1.0, 1e-3, 3), "layers: 3.0 must be 2 or 4"),
    (lambda: memgen.mode_time(1.5, 1.0, 1e-3), "u: 1.5 must be in"),
    (lambda: memgen.perceptron_bias(40), "inputs: 40.0 must be in"),
    (lambda: memgen.gromov_constructive_term(10, 5, 0), "p: 10.0 must be odd"),
    (lambda: memgen.training_singular_value(1.0, aspect=2.0), "aspect: 2.0 must be in"),
    (lambda: memgen.cover_hart_bound(1, 0.1), "classes: 1.0 must be"),
    (lambda: memgen.memorizer_limit(10, 0.1, "some"), "corruption"),
])
def test_bad_arguments_raise_instead_of_aborting(call, message):
    with pytest.raises(ValueError, match=message):
        call()
