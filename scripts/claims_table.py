#!/usr/bin/python3
"""The one renderer of claim tables. A run's claims (results/<scenario>/<run>/summary.json) become
rows (claim, statement, measured [lo, hi], predicted [lo, hi], false-failure rate, detectable
deviation, verdict); two formatters render them:
Markdown (results/VERIFICATION.md, and this command) and LaTeX (the paper's longtables, via
paper/generate.py). Both formatters and the paper's number macros use the number formats below.
  /usr/bin/python3 scripts/claims_table.py results/<scenario>/<run>            Markdown (was claims.md)
  /usr/bin/python3 scripts/claims_table.py results/<scenario>/<run> --latex    the paper's longtable"""
import argparse
import dataclasses
import json
import math
import pathlib
import sys

VERDICTS = ("PASS", "FAIL", "INCONCLUSIVE", "REFUTED")
NUMBER_FIELDS = ("measured", "measured_lo", "measured_hi", "predicted", "predicted_lo", "predicted_hi",
                 "false_failure_rate", "detectable_deviation")


@dataclasses.dataclass
class Row:
    """One claim as the tables show it. Numbers are floats (±inf, NaN where summary.json has strings)."""
    claim: str
    statement: str
    measured: float
    measured_lo: float
    measured_hi: float
    predicted: float
    predicted_lo: float
    predicted_hi: float
    verdict: str
    false_failure_rate: float = float("nan")
    detectable_deviation: float = float("nan")
    kind: str = ""
    rule: str = ""
    expected: str = "PASS"
    reason: str = ""

    @classmethod
    def from_claim(cls, c):
        return cls(claim=c["id"], statement=c["statement"], verdict=c["verdict"], kind=c.get("kind", ""),
                   rule=c.get("rule", ""), expected=c.get("expected", "PASS"), reason=c.get("reason", ""),
                   **{k: as_float(c.get(k, float("nan"))) for k in NUMBER_FIELDS})


def as_float(value):
    """summary.json writes non-finite numbers as strings ("inf", "-inf", "nan")."""
    return float(value) if value is not None else float("nan")


def rows(summary):
    return [Row.from_claim(c) for c in summary["claims"]]


def load_run(run_dir):
    """(summary, run metadata, rows) of results/<scenario>/<run>/, or None when it has no summary.json."""
    d = pathlib.Path(run_dir)
    if not (d / "summary.json").exists():
        return None
    summary = json.loads((d / "summary.json").read_text())
    meta = json.loads((d / "run.json").read_text()) if (d / "run.json").exists() else {}
    return summary, meta, rows(summary)


def counts(table):
    out = dict.fromkeys(VERDICTS, 0)
    for r in table:
        out[r.verdict] = out.get(r.verdict, 0) + 1
    return out


# --- Markdown -----------------------------------------------------------------------------------------

def md_number(value):
    """Four significant digits, as the C++ claims.md had them (%.4g): 0.9999, 1.211e-320, inf."""
    value = as_float(value)
    return "nan" if math.isnan(value) else f"{value:.4g}"


def md_escape(text):
    return str(text).replace("|", "&#124;")


def unexpected(row):
    """A verdict that is not as the claim expects: FAIL (a violated claim, or a refutation that held)."""
    return row.verdict == "FAIL"


def markdown(table):
    lines = ["| claim | statement | measured | predicted | false-failure rate | detectable deviation | verdict |",
             "|---|---|---|---|---|---|---|"]
    for r in table:
        lines.append(f"| {r.claim} | {md_escape(r.statement)} | {md_number(r.measured)} "
                     f"[{md_number(r.measured_lo)}, {md_number(r.measured_hi)}] | {md_number(r.predicted)} "
                     f"[{md_number(r.predicted_lo)}, {md_number(r.predicted_hi)}] | {md_number(r.false_failure_rate)} | "
                     f"{md_number(r.detectable_deviation)} | {r.verdict} |")
    return "\n".join(lines) + "\n"


# --- LaTeX --------------------------------------------------------------------------------------------

TEX_SPECIAL = {"_": r"\_", "%": r"\%", "&": r"\&", "#": r"\#", "$": r"\$", "{": r"\{", "}": r"\}",
               "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}


def tex_escape(text):
    return "".join(TEX_SPECIAL.get(ch, ch) for ch in str(text))


def tex_number(value):
    """Four significant digits; outside [1e-3, 1e5) as m×10^e in math mode; ±inf and NaN as words."""
    value = as_float(value)
    if math.isnan(value):
        return "n/a"
    if math.isinf(value):
        return r"$\infty$" if value > 0 else r"$-\infty$"
    if value == 0:
        return "0"
    if 1e-3 <= abs(value) < 1e5:
        return f"{value:.4g}"
    mantissa, exponent = f"{value:.3e}".split("e")
    return f"${float(mantissa):g}\\times10^{{{int(exponent)}}}$"


def tex_verdict(verdict):
    color = {"PASS": "mgpass", "FAIL": "mgfail", "REFUTED": "mgrefuted"}.get(verdict, "mginconclusive")
    return f"\\textcolor{{{color}}}{{\\textbf{{{verdict}}}}}"


def latex(table):
    """A longtable (claim id, measured [interval], predicted [range], verdict); main.tex has the packages
    and the \\mgid macro and colours."""
    out = ["% Generated by scripts/claims_table.py; do not edit.", "{\\scriptsize", "\\begin{longtable}{@{}l l l l l@{}}",
           "\\toprule claim id & measured [interval] & predicted [range] & rate / detectable & verdict \\\\ "
           "\\midrule\\endhead"]
    for r in table:
        out.append(f"\\mgid{{{tex_escape(r.claim)}}} & {tex_number(r.measured)} [{tex_number(r.measured_lo)}, "
                   f"{tex_number(r.measured_hi)}] & {tex_number(r.predicted)} [{tex_number(r.predicted_lo)}, "
                   f"{tex_number(r.predicted_hi)}] & {tex_number(r.false_failure_rate)} / "
                   f"{tex_number(r.detectable_deviation)} & {tex_verdict(r.verdict)} \\\\")
    out += ["\\bottomrule", "\\end{longtable}}"]
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("run_dir", help="results/<scenario>/<run>")
    parser.add_argument("--latex", action="store_true", help="the LaTeX longtable instead of Markdown")
    args = parser.parse_args()
    loaded = load_run(args.run_dir)
    if loaded is None:
        print(f"claims_table: no summary.json in {args.run_dir}", file=sys.stderr)
        return 1
    sys.stdout.write(latex(loaded[2]) if args.latex else markdown(loaded[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
