"""memgen.run against the command line: the same tables bit for bit for the same seed and settings,
a bad setting as ConfigError, and the --set form of a config dict."""
import os
import pathlib
import subprocess

import pytest

import memgen
from memgen.runner import settings

SMALL = {"chains": {"trials": 3, "chains": 200, "renyi_samples": 500}, "points": {"trials": 4}, "logistic": {"trials": 2}}


def test_settings_flatten_a_config_dict():
    assert settings({"points": {"trials": 5, "seeds": 16}, "curve": {0: {"n": [50, 100]}}, "name": "x", "on": True}) == [
        "points.trials=5", "points.seeds=16", "curve[0].n=[50, 100]", 'name="x"', "on=true"]


def test_run_equals_the_command_line_bit_for_bit(tmp_path):
    from_python = memgen.run("mem_unlearning", config=SMALL, scale="smoke", seed=11, threads=2, out=tmp_path / "py")
    binary = pathlib.Path(os.environ["MEMGEN_BIN_DIR"]) / "scn_mem_unlearning"
    args = [str(binary), "--scale", "smoke", "--seed", "11", "--threads", "1", "--out", str(tmp_path / "cli"), "--run-id", "cli"]
    for s in settings(SMALL):
        args += ["--set", s]
    subprocess.run(args, check=True, capture_output=True)
    cli = tmp_path / "cli" / "mem_unlearning" / "cli"
    for name in from_python.tables:
        assert (from_python.path / f"{name}.csv").read_bytes() == (cli / f"{name}.csv").read_bytes(), name
    assert list(from_python.claims["verdict"]) == list(memgen.load(cli).claims["verdict"])


def test_a_bad_setting_raises_config_error_naming_the_field():
    with pytest.raises(memgen.ConfigError, match=r"points\.seeds = 4: must be in \[8, 400\]"):
        memgen.run("mem_unlearning", config={"points": {"seeds": 4}}, scale="smoke")
    with pytest.raises(memgen.ConfigError, match="not a known setting"):
        memgen.run("mem_unlearning", config={"points": {"no_such_key": 1}}, scale="smoke")
