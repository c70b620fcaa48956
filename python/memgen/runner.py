"""memgen.run: a scenario from Python, through its binary, so the numbers, the validation and the
run directory are the command line's (issue 14).

run(name, config=None, scale="default", seed=None, threads=None, out=None)
  config   a dict of settings over the scale's config, as --set key=value pairs:
           {"points": {"trials": 50}} is --set points.trials=50; a list of tables is indexed,
           {"curve": {0: {"trials": 5}}} is --set curve[0].trials=5
  out      a results root to keep the run directory in (results/<name>/<run_id>); None runs in a
           temporary directory and keeps only the returned Run
A bad setting raises ConfigError with the binary's one-line message (field, value, rule). The binary's
progress bar goes to stderr as it runs; Ctrl-C stops it and raises KeyboardInterrupt, and a run
directory is only ever complete (the binary publishes atomically) or absent.
"""
import os
import pathlib
import subprocess
import sys
import tempfile

from ._core import ConfigError
from .results import load

PACKAGE = pathlib.Path(__file__).resolve().parent


def binary_dir():
    """The scenario binaries: $MEMGEN_BIN_DIR, else <build>/bin next to <build>/python/memgen."""
    return pathlib.Path(os.environ.get("MEMGEN_BIN_DIR", PACKAGE.parent.parent / "bin"))


def toml_value(value):
    """A Python scalar or list as a TOML value for --set."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"config: {value!r} is not a TOML value (bool, int, float, str or a list of them)")


def settings(config, prefix=""):
    """--set key=value strings for a nested dict (int keys index arrays of tables)."""
    out = []
    for key, value in config.items():
        path = f"{prefix}[{key}]" if isinstance(key, int) else (f"{prefix}.{key}" if prefix else str(key))
        if isinstance(value, dict):
            out += settings(value, path)
        else:
            out.append(f"{path}={toml_value(value)}")
    return out


def run(name, config=None, scale="default", seed=None, threads=None, out=None, run_id="python"):
    """Runs scenario `name` and returns its Run (tables, claims, meta); see the module docstring."""
    path = binary_dir() / f"scn_{name}"
    if not path.exists():
        raise FileNotFoundError(f"{path}: not built (./scripts/build.sh), or set MEMGEN_BIN_DIR")
    args = [str(path), "--scale", scale, "--run-id", run_id, "--overwrite"]
    for s in settings(config or {}):
        args += ["--set", s]
    if seed is not None:
        args += ["--seed", str(seed)]
    if threads is not None:
        args += ["--threads", str(threads)]
    with tempfile.TemporaryDirectory(prefix="memgen-") as tmp:
        root = pathlib.Path(out) if out is not None else pathlib.Path(tmp)
        code, message = execute(args + ["--out", str(root)])
        if code == 2:
            raise ConfigError(message)
        if code not in (0, 3):  # 3: claims not as expected, still a complete run
            raise RuntimeError(f"scn_{name} exited with code {code}: {message}")
        return load(root / name / run_id)


def execute(args):
    """Runs the binary with its stderr passed through; returns (exit code, its last stderr line)."""
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, bufsize=1)
    last = ""
    try:
        for line in process.stderr:
            sys.stderr.write(line)
            if line.strip():
                last = line.strip()
        return process.wait(), last.split(": error: ", 1)[-1]
    except KeyboardInterrupt:
        process.terminate()
        process.wait()
        raise
