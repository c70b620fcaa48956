"""One style and one set of helpers for every memgen figure: fonts, sizes, colours (measured vs
predicted), reading a run's CSV files and claims, a footer naming the run, config and seed the figure
came from, and saving as PNG and PDF. The figure modules plots/<simulator>_figures.py import it."""
import csv
import json
import pathlib

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

MEASURED = "#1f5fa8"   # Monte Carlo estimates (with error bars)
PREDICTED = "#c0392b"  # theory: exact oracles, deterministic equivalents
SECONDARY = "#7f8c8d"

plt.rcParams.update({
    "font.size": 9, "axes.titlesize": 10, "axes.labelsize": 9, "legend.fontsize": 7.5,
    "xtick.labelsize": 8, "ytick.labelsize": 8, "figure.dpi": 150, "savefig.bbox": "tight",
    "axes.grid": True, "grid.alpha": 0.3, "lines.linewidth": 1.3, "lines.markersize": 4,
})

LINESTYLES = ["-", "--", "-.", ":"]
MARKERS = ["o", "s", "^", "D", "v", "P"]


def read_csv(path):
    """The rows of a results CSV file as dicts (every value a string)."""
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def num(row, key):
    """A CSV field as a float."""
    return float(row[key])


def claims(run_dir):
    """The run's claims by id, from summary.json."""
    return {c["id"]: c for c in json.loads((pathlib.Path(run_dir) / "summary.json").read_text())["claims"]}


def exists(run_dir, *names):
    """True when every named results file of the run exists (a figure whose data a scale does not
    produce is skipped)."""
    return all((pathlib.Path(run_dir) / n).exists() for n in names)


def provenance(run_dir):
    """A one-line footer from run.json: scenario/run, config file, seed, git."""
    run = json.loads((pathlib.Path(run_dir) / "run.json").read_text())
    dirty = " (dirty)" if run["git_dirty"] else ""
    config = pathlib.Path(run["config_file"]).name
    return (f"{run['scenario']}/{run['run_id']} · config {run['scenario']}/{config} · "
            f"seed {run['master_seed']} · git {run['git_sha'][:10]}{dirty}")


def save(fig, out_dir, name, footer):
    fig.text(0.01, -0.02, footer, fontsize=6, color=SECONDARY, ha="left", va="top")
    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for ext in ("png", "pdf"):
        tmp = out / f".{name}.tmp.{ext}"
        fig.savefig(tmp, format=ext)
        tmp.replace(out / f"{name}.{ext}")
    plt.close(fig)
    return [out / f"{name}.png", out / f"{name}.pdf"]
