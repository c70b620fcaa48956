"""The `memgen` command (repo root): list, run, verify, help and bad input. Run by ctest
(python_bindings) after the build, with the scenario binaries in out/build/release/bin."""
import json
import pathlib
import subprocess

import memgen as memgen_py

ROOT = pathlib.Path(__file__).resolve().parents[2]
COMMAND = ["/usr/bin/python3", str(ROOT / "memgen")]


def run(*args):
    return subprocess.run(COMMAND + list(args), capture_output=True, text=True)


def test_list_names_every_registered_scenario():
    names = [e["name"] for e in json.loads((ROOT / "scenarios" / "registry.json").read_text())["scenarios"]]
    out = run("list")
    assert out.returncode == 0
    assert [line.split()[0] for line in out.stdout.splitlines()] == names


def test_help_names_every_subcommand():
    out = run("--help")
    assert out.returncode == 0
    for sub in ("list", "run", "verify", "figures", "paper"):
        assert sub in out.stdout
    assert "--config" in run("run", "mem_unlearning", "--help").stdout


def test_run_writes_the_run_a_binary_would(tmp_path):
    config = tmp_path / "small.toml"
    config.write_text('scenario = "mem_unlearning"\nseed = 3\n[chains]\nchains = 200\nrenyi_samples = 500\ntrials = 4\n')
    out = run("run", "mem_unlearning", "--config", str(config), "--out", str(tmp_path / "results"), "--run-id", "r")
    assert out.returncode == 0, out.stderr
    loaded = memgen_py.load(tmp_path / "results" / "mem_unlearning" / "r")
    assert len(loaded.claims) == 7 and set(loaded.claims["verdict"]) <= {"PASS", "FAIL", "INCONCLUSIVE", "REFUTED"}


def test_unknown_scenario_and_bad_config_exit_2(tmp_path):
    assert run("run", "no_such_scenario").returncode == 2
    config = tmp_path / "bad.toml"
    config.write_text('scenario = "mem_unlearning"\nseed = 3\n[points]\nseeds = 4\n')
    out = run("run", "mem_unlearning", "--config", str(config), "--out", str(tmp_path / "results"))
    assert out.returncode == 2 and "points.seeds = 4" in out.stderr
    assert not (tmp_path / "results" / "mem_unlearning").exists() or not any((tmp_path / "results" / "mem_unlearning").iterdir())
