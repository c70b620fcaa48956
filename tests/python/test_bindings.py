"""memgen's Python bindings (python/bindings/): the kernels against their definitions, errors as
exceptions, and memgen.load on a run the scenario binary writes. Run by ctest (python_bindings) with
PYTHONPATH=<build>/python and MEMGEN_BIN_DIR=<build>/bin."""
import json
import os
import pathlib
import subprocess

import numpy as np
import pytest

import memgen

SPECTRUM = 1.0 / np.arange(1, 2001) ** 1.5


def test_effective_ranks_match_their_definition():
    ranks = memgen.effective_ranks(SPECTRUM, 50)
    tails = np.cumsum(SPECTRUM[::-1])[::-1]
    tails2 = np.cumsum((SPECTRUM ** 2)[::-1])[::-1]
    np.testing.assert_allclose(ranks["tail_sum"], tails[:51], rtol=1e-12)
    np.testing.assert_allclose(ranks["r"], tails[:51] / SPECTRUM[:51], rtol=1e-12)
    np.testing.assert_allclose(ranks["R"], tails[:51] ** 2 / tails2[:51], rtol=1e-12)


def test_k_star_is_the_first_k_with_r_k_at_least_b_n():
    b, n = 0.5, 30
    r = memgen.effective_ranks(SPECTRUM, len(SPECTRUM) - 1)["r"]
    k = memgen.k_star(SPECTRUM, b, n)
    assert r[k] >= b * n and (k == 0 or r[k - 1] < b * n)
    assert memgen.k_star(SPECTRUM, 1e6, n) is None


def test_deterministic_equivalent_solves_its_fixed_point():
    n, ridge = 200, 0.01
    de = memgen.deterministic_equivalent(SPECTRUM, n, ridge=ridge, sigma2=0.5)
    kappa = de["kappa"]
    df1 = np.sum(SPECTRUM / (SPECTRUM + kappa))
    df2 = np.sum(SPECTRUM ** 2 / (SPECTRUM + kappa) ** 2)
    assert abs(n - df1 - n * ridge / kappa) < 1e-8 * n
    assert de["variance"] == pytest.approx(0.5 * df2 / (n - df2), rel=1e-10)


def test_gaussian_renyi_one_dimension_equal_variance():
    d = memgen.gaussian_renyi(3.0, np.array([0.2]), np.array([[2.0]]), np.array([1.0]), np.array([[2.0]]))
    assert d == pytest.approx(3.0 * 0.8 ** 2 / (2 * 2.0), rel=1e-13)


def test_ridge_unlearning_starts_at_the_privacy_loss_and_decays():
    rng = np.random.default_rng(1)
    x = rng.standard_normal((20, 3))
    x[0] *= 4.0
    y = x @ np.array([1.0, -0.5, 0.2]) + 0.1 * rng.standard_normal(20)
    out = memgen.ridge_unlearning(x, y, [0], k_max=300)
    assert out["curve"][0] == out["privacy_loss"]  # D_0 is the divergence between the stationary laws
    assert np.all(np.diff(out["curve"]) < 0)
    slope = np.log(out["curve"][300] / out["curve"][250]) / 50
    assert slope == pytest.approx(out["asymptotic_log_rate"], rel=0.05)


def test_two_sample_ks_exact_p_value():
    d, p = memgen.two_sample_ks(np.arange(10.0), np.arange(7.0) + 4.3)
    assert d == 0.5 and p == pytest.approx(0.1893767996709173, rel=1e-9)  # SciPy 1.10 ks_2samp(method="exact")


def test_privacy_closed_forms():
    assert memgen.one_sided_tpr(0.01, 0.0, 1.0, 0.0, 1.0) == pytest.approx(0.01, rel=1e-12)
    assert memgen.dp_power_cap(0.5, 10.0, 1e-5) == 1.0
    sigma = memgen.analytic_gaussian_sigma(1.0, 1.0, 1e-5)
    assert 0.0 < sigma < np.sqrt(2 * np.log(1.25 / 1e-5))  # below the classical calibration


@pytest.mark.parametrize("bad, message", [
    (np.arange(5), "float64"),
    (np.ones((2, 2)), "1-D"),
    (np.array([1.0, 2.0]), "non-increasing"),
])
def test_bad_arrays_are_rejected_with_a_clear_message(bad, message):
    with pytest.raises(ValueError, match=message):
        memgen.effective_ranks(bad, 1)


def test_shape_mismatch_names_the_argument():
    with pytest.raises(ValueError, match="y: expected length 4"):
        memgen.ridge_unlearning(np.ones((4, 2)), np.ones(3), [0])


def test_config_error_is_a_value_error():
    assert issubclass(memgen.ConfigError, ValueError)


def test_load_reads_a_run_as_written(tmp_path):
    binary = pathlib.Path(os.environ["MEMGEN_BIN_DIR"]) / "scn_mem_unlearning"
    config = tmp_path / "small.toml"
    config.write_text('scenario = "mem_unlearning"\nseed = 5\n[chains]\nchains = 200\nrenyi_samples = 500\ntrials = 4\n')
    subprocess.run([str(binary), "--config", str(config), "--out", str(tmp_path / "results"), "--run-id", "r"], check=True,
                   capture_output=True)
    run = memgen.load(tmp_path / "results" / "mem_unlearning" / "r")
    summary = json.loads((run.path / "summary.json").read_text())
    assert list(run.claims["id"]) == [c["id"] for c in summary["claims"]]
    curve = run.tables["unlearning_curve"]
    first = (run.path / "unlearning_curve.csv").read_text().splitlines()[1].split(",")
    assert curve["divergence"].iloc[0] == float(first[1])  # round-trip parsing: the number the run wrote
    assert run.meta["config"]["seed"] == 5


def test_load_refuses_a_directory_that_is_not_a_run(tmp_path):
    with pytest.raises(FileNotFoundError, match="not a memgen run directory"):
        memgen.load(tmp_path)


def test_exact_risk_draws_reproduce_a_scenario_cell_bit_for_bit(tmp_path):
    binary = pathlib.Path(os.environ["MEMGEN_BIN_DIR"]) / "scn_bo_isotropic"
    subprocess.run([str(binary), "--scale", "smoke", "--seed", "9", "--out", str(tmp_path), "--run-id", "r"], check=True, capture_output=True)
    run = memgen.load(tmp_path / "bo_isotropic" / "r")
    cell = run.tables["cells"].query("group == 'oracle' and design == 'gaussian' and method == 'streaming'").iloc[0]
    n, d, trials = int(cell["n"]), int(cell["d"]), int(cell["trials"])
    stream = f"bo/isotropic/oracle/gaussian/n{n}/d{d}"
    draws = [memgen.exact_risk_draw(n, {"kind": "isotropic", "d": d}, np.array([1.0]), seed=9, stream=stream, trial=t) for t in range(trials)]
    bias = sum(x["bias"] for x in draws) / trials  # the scenario's Summarize: a plain sum in trial order
    variance = sum(x["variance"] for x in draws) / trials
    assert bias == cell["bias"] and variance == cell["variance"]
    assert cell["exact_bias"] == memgen.isotropic_expected_bias(n, d, 1.0)


def test_spurious_closed_form_flips_at_its_threshold():
    rho, gamma, s = 0.1, 5.0, 1000.0
    threshold = memgen.flip_threshold(rho, gamma)
    assert threshold == pytest.approx(2.1111111, rel=1e-6)  # spurious_memorization.md §4.3: 2.11 at gamma = 5, rho = 0.1
    below = memgen.spurious_margins(0.9 * threshold * s, rho, gamma, s)
    above = memgen.spurious_margins(1.1 * threshold * s, rho, gamma, s)
    assert below["v"] < 0.0 < above["v"]
    far = memgen.spurious_margins(10.0, rho, gamma, 1e12)
    assert far["v"] / far["u"] == pytest.approx(memgen.limit_ratio(rho, gamma), rel=1e-6)


def test_spurious_margins_match_the_closed_form_on_the_shipped_table(tmp_path):
    binary = pathlib.Path(os.environ["MEMGEN_BIN_DIR"]) / "scn_spur_theory"
    subprocess.run([str(binary), "--scale", "smoke", "--out", str(tmp_path), "--run-id", "r"], check=True, capture_output=True)
    table = memgen.load(tmp_path / "spur_theory" / "r").tables["closed_form"]
    row = table.iloc[len(table) // 2]
    margins = memgen.spurious_margins(float(row["n"]), float(row["rho"]), float(row["gamma"]), float(row["n"]) / float(row["n_over_s"]))
    assert margins["u"] == pytest.approx(row["u"], rel=1e-12) and margins["v"] == pytest.approx(row["v"], rel=1e-12, abs=1e-15)
