"""One style for every memgen figure: fonts, sizes, colours (measured vs predicted), and a footer
naming the run, config and seed the figure came from. Figures are written as PNG and PDF."""
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
