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


def test_run_draws_a_progress_bar_from_the_binarys_progress_lines(capsys):
    memgen.run("mem_unlearning", config=SMALL, scale="smoke", seed=3)
    err = capsys.readouterr().err
    assert "#" * 30 in err and "memgen-progress" not in err  # every block's bar reaches its end; the raw lines are consumed
    memgen.run("mem_unlearning", config=SMALL, scale="smoke", seed=3, progress=False)
    assert "#" not in capsys.readouterr().err


def test_progress_bar_redraws_in_place_and_starts_a_line_per_label():
    import io
    from memgen.runner import ProgressBar
    stream = io.StringIO()
    bar = ProgressBar(stream)
    bar.update("a", 1, 2)
    bar.update("a", 2, 2)
    bar.update("b", 1, 1)
    bar.close()
    lines = stream.getvalue().split("\n")
    assert len(lines) == 3 and lines[0].count("\r") == 2 and "2/2" in lines[0] and "1/1" in lines[1] and lines[2] == ""


def test_ctrl_c_stops_a_run_and_leaves_no_run_directory(tmp_path):
    import signal
    import sys
    import threading
    import time
    script = ("import memgen\ntry:\n    memgen.run('mem_unlearning', scale='default', out=%r)\nexcept KeyboardInterrupt:\n"
              "    print('interrupted')\n" % str(tmp_path))
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)  # its own process group, as a terminal's Ctrl-C signals one
    seen = threading.Event()
    threading.Thread(target=lambda: process.stderr.read(1) and seen.set(), daemon=True).start()
    assert seen.wait(120), "the run never drew its progress bar"
    time.sleep(0.5)
    os.killpg(process.pid, signal.SIGINT)
    out, _ = process.communicate(timeout=60)
    assert out.strip() == "interrupted"
    assert not (tmp_path / "mem_unlearning" / "python" / "run.json").exists()
