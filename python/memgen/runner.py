"""memgen.run: a scenario from Python, through its binary, so the numbers, the validation and the
run directory are the command line's (issue 14).

run(name, config=None, scale="default", seed=None, threads=None, out=None, progress=True)
  config   a dict of settings over the scale's config, as --set key=value pairs:
           {"points": {"trials": 50}} is --set points.trials=50; a list of tables is indexed,
           {"curve": {0: {"trials": 5}}} is --set curve[0].trials=5
  out      a results root to keep the run directory in (results/<name>/<run_id>); None runs in a
           temporary directory and keeps only the returned Run
  progress True draws a bar per block of trials on sys.stderr as the binary reports it (MEMGEN_PROGRESS=
           lines, sim/run/progress.h), in a terminal or a notebook; False keeps quiet
A bad setting raises ConfigError with the binary's one-line message (field, value, rule). Ctrl-C stops
the binary and raises KeyboardInterrupt, and a run directory is only ever complete (the binary publishes
atomically) or absent.
"""
import os
import pathlib
import subprocess
import sys
import tempfile
import time

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


def run(name, config=None, scale="default", seed=None, threads=None, out=None, run_id="python", progress=True):
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
        code, message = execute(args + ["--out", str(root)], ProgressBar() if progress else None)
        if code == 2:
            raise ConfigError(message)
        if code not in (0, 3):  # 3: claims not as expected, still a complete run
            raise RuntimeError(f"scn_{name} exited with code {code}: {message}")
        return load(root / name / run_id)


class ProgressBar:
    """Draws the binary's progress lines (memgen-progress, label, done, total) as one bar on sys.stderr,
    redrawn in place with a carriage return (a terminal and Jupyter both honour it), at most 5 times a second."""

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.label, self.start, self.last = None, time.monotonic(), 0.0

    def update(self, label, done, total):
        now = time.monotonic()
        if label != self.label:
            if self.label is not None:
                self.stream.write("\n")
            self.label, self.start = label, now
        elif done < total and now - self.last < 0.2:
            return
        self.last = now
        filled = 30 * done // total if total > 0 else 30
        rate = done / (now - self.start) if now > self.start else 0.0
        self.stream.write(f"\r{label[:28]:<28} [{'#' * filled}{'.' * (30 - filled)}] {done}/{total}  {rate:.1f}/s ")
        self.stream.flush()

    def close(self):
        if self.label is not None:
            self.stream.write("\n")
            self.stream.flush()


def execute(args, bar=None):
    """Runs the binary, drawing its progress lines on `bar` (None: dropped) and passing its other stderr
    through; returns (exit code, its last stderr line)."""
    env = dict(os.environ, MEMGEN_PROGRESS="lines")
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, bufsize=1, env=env)
    last = ""
    try:
        for line in process.stderr:
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 4 and fields[0] == "memgen-progress":
                if bar is not None:
                    bar.update(fields[1], int(fields[2]), int(fields[3]))
                continue
            sys.stderr.write(line)
            if line.strip():
                last = line.strip()
        return process.wait(), last.split(": error: ", 1)[-1]
    except KeyboardInterrupt:
        process.terminate()
        process.wait()
        raise
    finally:
        if bar is not None:
            bar.close()
