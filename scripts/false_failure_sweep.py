#!/usr/bin/python3
"""Measure the false-failure rates the claims state, instead of only stating them.

Every claim in a run's summary.json states `false_failure_rate`: the probability that it reports FAIL
although it is true (theory/verdict/test_size.h; by the union bound a run's family-wise rate is at
most the sum over its claims). This script reruns scenarios over many master seeds and checks that
the FAILs it observes are not more frequent than the stated rates allow.

What it does
  For every scenario (--scenarios, default every scenario of scenarios/registry.json) and every seed s
  (--seeds N: s = 1..N, shifted by --first-seed) it runs, --jobs J processes at a time,
      scn_<name> --scale <scale> --seed s --threads 1 --out <work>/<s> --run-id seed<s>
                 [--set verdict.claim_false_failure_rate=R]
  and reads <work>/<s>/<name>/seed<s>/summary.json. Exit codes 0 and 3 (some claim FAILed) are normal;
  any other exit code, a missing or inconsistent summary (wrong seed or rate) is an error: it is
  reported and the script exits 2. The seeds are the only thing that changes: with the scenario
  bodies running on counter-based streams keyed by the master seed, the runs of different seeds are
  independent, the claims within one run are not (they share the run's data).

  Per claim family (the id up to the first '.') and overall it reports
      n  = the observed number of FAIL verdicts (over claims and seeds),
      mu = the expected number of false failures if every claim is true and exactly at its stated
           rate: the sum of the stated rates over claims and seeds,
      n / mu (far below 1 means the stated rates are conservative, which is fine), and
      p  = a one-sided p-value for "the rates are at most as stated" against "FAILs are more frequent".
  A FAIL of a claim whose stated rate is 0 (a deterministic check, e.g. a closed form against itself)
  is always an error, whatever the counts. Only the verdict FAIL counts; a claim that came out
  INCONCLUSIVE (e.g. too few trials for its detectable deviation) cannot FAIL in that run but its
  stated rate still enters mu, because the rate bounds P(FAIL) unconditionally (leaving it out would
  condition on a random event and could make mu too small). This makes mu conservative.

The test (the pure function `sweep_statistics`, unit-tested by tests/scripts/false_failure_sweep_test.py)
  Claim level.  If the claims FAIL independently with probabilities p_i <= r_i (r_i the stated rates),
  X = number of FAILs is stochastically below a Poisson-binomial law PB(r) with mean mu = sum r_i.
  The p-value is the Poisson upper tail  p = P(Y >= n), Y ~ Poisson(mu).  For n >= mu + 1 this is
  conservative: PB(r) has P(X >= n) <= P(Bin(N, mu/N) >= n) (Hoeffding 1956, for n >= mu + 1) <=
  P(Poisson(mu) >= n) (Anderson and Samuels 1967, same range), i.e. the Poisson upper tail is at
  least as heavy as the Poisson-binomial's. Below mu + 1 the Poisson tail can be a little lighter
  (at n = 1 always: 1 - exp(-mu) <= 1 - prod(1 - r_i)), so there the script uses Markov's bound
  P(X >= n) <= mu / n instead when it is larger (such p-values are >= 1/2 unless mu < 1; for
  mu < 1 and n = 1 it is the union bound mu). Hence p is a valid, conservative p-value.
  Dependence.  The claims of one run are not independent (they share data, some are built from the
  same estimates). Under positive dependence the count X is overdispersed and the claim-level p-value
  above is an approximation that can be too small. The runs of different seeds are independent, so
  the script also reports a seed-level test that holds under any dependence within a seed: per
  family and seed, the event "at least one claim of the family FAILed in this seed" has probability
  at most q_s = min(1, sum of the family's stated rates in seed s) (union bound), the events are
  independent across seeds, so the number of seeds with a FAIL is stochastically below the
  Poisson-binomial law PB(q_s), whose upper tail the script computes exactly (p_seed). It has less
  power (several FAILs in one seed count once, and q_s is capped at 1), and none when q_s = 1.
  The decision (exit 1) uses the claim-level p-values, as stated below; the report shows both, and
  flags a family whose claim-level p is small but whose seed-level p is not: its FAILs cluster in
  few seeds, i.e. the dependence, not the marginal rates, may explain the excess.

  Levels.  The run is rejected (exit 1) when the overall p < alpha, or a family's p < alpha / F
  (Bonferroni over the F families with a positive expected count), or a rate-0 claim FAILed.
  Its own false-alarm rate, when every claim FAILs at most at its stated rate, is at most
  alpha + F * alpha / F = 2 alpha (2e-3 at the default --alpha 1e-3), exactly for independent
  claims and approximately under the within-run dependence (see above); a rate-0 FAIL is never a
  false alarm (a deterministic claim cannot FAIL by chance). As the stated rates are upper bounds
  (Bonferroni splits, two-sided tails, t-quantiles), the actual false-alarm rate is lower.

Power.  The default rate (1e-6 per claim) expects almost no failure in any affordable sweep, so the
  test can only catch gross excesses there. Raise the rate with --rate (0.01 or 0.02; the binaries
  accept (0, 0.1]) so that the sweep expects tens of false failures. With ~10 families (level
  ~1e-4 each), a family with mu = 10 is rejected from 25 FAILs on: a true rate 3x the stated one is
  caught with probability ~0.85, 2x with ~0.15; a family with mu = 25 is caught at 2x with ~0.7; the
  overall count with mu = 50 at 2x with ~0.99. Where the actual rates are below the stated ones (a
  conservative rule), the excess needed over the actual rate is larger by that factor.

Run it
  /usr/bin/python3 scripts/false_failure_sweep.py --bin-dir out/build/release/bin \
      --scenarios bo_isotropic,bo_spectra,spur_figure1,spur_theory --seeds 40 --rate 0.01 --jobs 2 \
      --work /tmp/ffs --report /tmp/ffs/FALSE_FAILURES.md --json /tmp/ffs/false_failures.json
  The long version for the docs (every scenario of the registry, 200 seeds, hours on 2 cores; rerun
  with --reuse to resume, finished runs are read back instead of rerun):
  /usr/bin/python3 scripts/false_failure_sweep.py --bin-dir out/build/release/bin --seeds 200 \
      --rate 0.01 --jobs 2 --work results/false_failure_sweep --reuse \
      --report results/false_failure_sweep/FALSE_FAILURES.md --json results/false_failure_sweep/false_failures.json
  The ctest false_failure_rates_match_stated (tests/false_failure_sweep.cmake) runs a short version.

Exit codes: 0 the observed FAILs are consistent with the stated rates; 1 they are not (or a rate-0
claim FAILed); 2 bad arguments or a run that crashed, was rejected as bad input or wrote no summary.
"""
import argparse
import collections
import concurrent.futures
import json
import math
import os
import pathlib
import shutil
import subprocess
import sys
import time

import numpy as np
from scipy import stats

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(ROOT / "scripts"))
import registry  # noqa: E402

NORMAL_EXIT_CODES = (0, 3)  # all claims as expected; some claim not as expected (results written)
RATE_KEY = "verdict.claim_false_failure_rate"


def family_of(claim_id):
    return claim_id.split(".", 1)[0]


# ----------------------------------------------------------------------------------------------------
# Statistics (pure)


def poisson_upper_p(observed, expected):
    """A conservative one-sided p-value P(X >= observed) for X a sum of independent Bernoulli
    variables whose probabilities sum to at most `expected`: the Poisson(expected) upper tail where it
    dominates the Poisson-binomial's (observed >= expected + 1), Markov's bound expected/observed where
    that is larger (below expected + 1). 1 for observed = 0; 0 when expected = 0 < observed."""
    if observed < 0 or expected < 0:
        raise ValueError("observed and expected must be >= 0")
    if observed == 0:
        return 1.0
    if expected == 0.0:
        return 0.0
    tail = float(stats.poisson.sf(observed - 1, expected))
    if observed < expected + 1.0:
        tail = max(tail, expected / observed)
    return min(1.0, tail)


def poisson_binomial_upper_p(observed, probabilities):
    """P(X >= observed) for X a sum of independent Bernoulli(probabilities[i]) (exact, by convolution)."""
    if observed <= 0:
        return 1.0
    pmf = np.array([1.0])
    for q in probabilities:
        q = min(1.0, max(0.0, float(q)))
        pmf = np.convolve(pmf, [1.0 - q, q])
    if observed >= len(pmf):
        return 0.0
    return float(min(1.0, max(0.0, pmf[observed:].sum())))


def _group_stats(records, seeds):
    """Counts and both p-values of one group (a family, or everything) of claim records."""
    observed = sum(1 for r in records if r["verdict"] == "FAIL")
    expected = math.fsum(r["rate"] for r in records)
    per_seed_rate = collections.defaultdict(float)
    per_seed_fail = collections.Counter()
    for r in records:
        per_seed_rate[r["seed"]] += r["rate"]
        if r["verdict"] == "FAIL":
            per_seed_fail[r["seed"]] += 1
    bounds = [min(1.0, per_seed_rate[s]) for s in seeds if s in per_seed_rate]
    seeds_failed = len(per_seed_fail)
    return {
        "claims": len({(r["scenario"], r["id"]) for r in records}),
        "random_claims": len({(r["scenario"], r["id"]) for r in records if r["rate"] > 0.0}),
        "scenarios": sorted({r["scenario"] for r in records}),
        "seeds": len({r["seed"] for r in records}),
        "decisions": len(records),
        "observed": observed,
        "expected": expected,
        "ratio": (observed / expected) if expected > 0 else None,
        "p": poisson_upper_p(observed, expected),
        "inconclusive": sum(1 for r in records if r["verdict"] == "INCONCLUSIVE"),
        "seeds_failed": seeds_failed,
        "seed_expected": math.fsum(bounds),
        "p_seed": poisson_binomial_upper_p(seeds_failed, bounds),
        "max_fails_in_one_seed": max(per_seed_fail.values(), default=0),
        "deterministic_failures": sum(1 for r in records if r["verdict"] == "FAIL" and r["rate"] == 0.0),
    }


def sweep_statistics(records, alpha=1e-3):
    """The sweep's decision from claim records.

    records: iterable of dicts {seed, scenario, id, rate (the stated false-failure rate), verdict}, one per
    claim and run. Returns {"families": [...], "overall": {...}, "alpha", "family_level", "failures",
    "deterministic_failures", "rejected": bool, "reasons": [...]}; see the module docstring for the test.
    """
    records = [dict(r) for r in records]
    for r in records:
        if not (isinstance(r["rate"], (int, float)) and 0.0 <= r["rate"] <= 1.0 and math.isfinite(r["rate"])):
            raise ValueError(f"claim {r['id']} (seed {r['seed']}): stated rate {r['rate']!r} is not in [0, 1]")
        r["rate"] = float(r["rate"])
    seeds = sorted({r["seed"] for r in records})
    by_family = collections.OrderedDict()
    for r in sorted(records, key=lambda r: family_of(r["id"])):
        by_family.setdefault(family_of(r["id"]), []).append(r)
    families = []
    for family, rows in by_family.items():
        entry = {"family": family}
        entry.update(_group_stats(rows, seeds))
        families.append(entry)
    tested = [f for f in families if f["expected"] > 0.0]
    family_level = alpha / max(1, len(tested))
    overall = _group_stats(records, seeds)
    reasons = []
    for f in families:
        f["level"] = family_level
        f["rejected"] = f["expected"] > 0.0 and f["p"] < family_level
        # FAILs concentrated in few seeds: claim-level excess that the dependence-robust test does not see.
        f["clustered"] = f["p"] < family_level and f["p_seed"] >= family_level
        if f["rejected"]:
            reasons.append(f"family {f['family']}: {f['observed']} FAILs, {f['expected']:.4g} expected, "
                           f"p = {f['p']:.3g} < alpha/F = {family_level:.3g}")
    # Diagnostic only (no decision): the same counts per rule kind (the claim's `kind`, e.g. ORACLE, DE),
    # which shows which kinds of rule are calibrated and which are conservative.
    kinds = []
    by_kind = collections.OrderedDict()
    for r in sorted(records, key=lambda r: r.get("kind", "?")):
        by_kind.setdefault(r.get("kind", "?"), []).append(r)
    for kind, rows in by_kind.items():
        g = _group_stats(rows, seeds)
        kinds.append({"kind": kind, "claims": g["claims"], "observed": g["observed"], "expected": g["expected"],
                      "ratio": g["ratio"], "p": g["p"], "inconclusive": g["inconclusive"]})
    overall["level"] = alpha
    overall["rejected"] = overall["p"] < alpha
    if overall["rejected"]:
        reasons.append(f"overall: {overall['observed']} FAILs, {overall['expected']:.4g} expected, "
                       f"p = {overall['p']:.3g} < alpha = {alpha:.3g}")
    failures = sorted(({"seed": r["seed"], "scenario": r["scenario"], "id": r["id"], "rate": r["rate"]}
                       for r in records if r["verdict"] == "FAIL"),
                      key=lambda f: (family_of(f["id"]), f["id"], f["seed"]))
    deterministic = [f for f in failures if f["rate"] == 0.0]
    for f in deterministic:
        reasons.append(f"claim {f['id']} ({f['scenario']}, seed {f['seed']}) states rate 0 but FAILed")
    return {"alpha": alpha, "family_level": family_level, "families": families, "kinds": kinds, "overall": overall,
            "failures": failures, "deterministic_failures": deterministic,
            "rejected": bool(reasons), "reasons": reasons}


# ----------------------------------------------------------------------------------------------------
# Running the scenarios


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--bin-dir", required=True, help="directory with the scn_<name> binaries")
    p.add_argument("--scenarios", default="", help="comma list (default: every scenario of the registry)")
    p.add_argument("--registry", default=str(registry.PATH), help=argparse.SUPPRESS)
    p.add_argument("--seeds", type=int, required=True, help="number of master seeds")
    p.add_argument("--first-seed", type=int, default=1, help="first master seed (default 1)")
    p.add_argument("--scale", default="smoke", choices=("smoke", "default"))
    p.add_argument("--rate", type=float, default=None,
                   help=f"each claim's false-failure rate, passed as --set {RATE_KEY}=R (default: the "
                        "binaries' default, 1e-6)")
    p.add_argument("--jobs", type=int, default=1, help="parallel runs, each with --threads 1")
    p.add_argument("--work", required=True, help="scratch directory; runs write <work>/<seed>/")
    p.add_argument("--reuse", action="store_true",
                   help="read back runs that already have a summary.json with this seed and rate")
    p.add_argument("--report", default=None, help="Markdown report")
    p.add_argument("--json", default=None, help="JSON report")
    p.add_argument("--alpha", type=float, default=1e-3, help="the test's level (default 1e-3)")
    args = p.parse_args(argv)
    if args.seeds < 1 or args.first_seed < 0:
        p.error("--seeds must be >= 1 and --first-seed >= 0")
    if args.jobs < 1:
        p.error("--jobs must be >= 1")
    if args.rate is not None and not (0.0 < args.rate <= 0.1):
        p.error("--rate must be in (0, 0.1]")
    if not (0.0 < args.alpha < 1.0):
        p.error("--alpha must be in (0, 1)")
    return args


def run_one(binary, scenario, seed, args):
    """Run one scenario at one seed; returns (records, error or None, seconds)."""
    out = pathlib.Path(args.work) / str(seed)
    run_id = f"seed{seed}"
    result_dir = out / scenario / run_id
    summary_path = result_dir / "summary.json"
    started = time.monotonic()
    if not (args.reuse and summary_path.is_file()):
        shutil.rmtree(result_dir, ignore_errors=True)
        out.mkdir(parents=True, exist_ok=True)
        cmd = [str(binary), "--scale", args.scale, "--seed", str(seed), "--threads", "1",
               "--out", str(out), "--run-id", run_id]
        if args.rate is not None:
            cmd += ["--set", f"{RATE_KEY}={args.rate!r}"]
        env = dict(os.environ, OMP_NUM_THREADS="1")
        log = out / f"{scenario}.log"
        with open(log, "w") as f:
            f.write(" ".join(cmd) + "\n")
            f.flush()
            code = subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT, env=env).returncode
        if code not in NORMAL_EXIT_CODES:
            tail = log.read_text(errors="replace").strip().splitlines()[-3:]
            return [], f"scn_{scenario} seed {seed}: exit code {code} ({' | '.join(tail)}); log {log}", \
                time.monotonic() - started
    try:
        summary = json.loads(summary_path.read_text())
    except (OSError, ValueError) as e:
        return [], f"scn_{scenario} seed {seed}: no readable summary.json ({e})", time.monotonic() - started
    if summary.get("master_seed") != seed:
        return [], f"{summary_path}: master_seed {summary.get('master_seed')} is not {seed}", \
            time.monotonic() - started
    if args.rate is not None and summary.get("claim_false_failure_rate") != args.rate:
        return [], (f"{summary_path}: claim_false_failure_rate {summary.get('claim_false_failure_rate')} "
                    f"is not {args.rate}"), time.monotonic() - started
    claims = summary.get("claims")
    if not isinstance(claims, list):
        return [], f"{summary_path}: no list `claims`", time.monotonic() - started
    records = []
    for c in claims:
        rate = c.get("false_failure_rate")
        if not isinstance(c.get("id"), str) or not isinstance(rate, (int, float)) or \
                c.get("verdict") not in ("PASS", "FAIL", "INCONCLUSIVE", "REFUTED"):
            return [], f"{summary_path}: malformed claim {c.get('id')!r}", time.monotonic() - started
        records.append({"seed": seed, "scenario": scenario, "id": c["id"], "rate": float(rate),
                        "verdict": c["verdict"], "kind": str(c.get("kind", "?"))})
    return records, None, time.monotonic() - started


def run_sweep(args, scenarios):
    bin_dir = pathlib.Path(args.bin_dir)
    seeds = list(range(args.first_seed, args.first_seed + args.seeds))
    jobs = [(scenario, seed) for seed in seeds for scenario in scenarios]
    records, errors, seconds = [], [], collections.Counter()
    done = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = {pool.submit(run_one, bin_dir / f"scn_{s}", s, seed, args): (s, seed) for s, seed in jobs}
        for future in concurrent.futures.as_completed(futures):
            scenario, seed = futures[future]
            rec, error, secs = future.result()
            done += 1
            seconds[scenario] += secs
            records.extend(rec)
            if error:
                errors.append(error)
            fails = [r["id"] for r in rec if r["verdict"] == "FAIL"]
            print(f"[{done}/{len(jobs)}] {scenario} seed {seed}: {secs:.1f} s"
                  + (f", FAIL {' '.join(fails)}" if fails else "") + (f", ERROR {error}" if error else ""),
                  file=sys.stderr, flush=True)
    records.sort(key=lambda r: (r["seed"], scenarios.index(r["scenario"])))
    return records, sorted(errors), seeds, dict(seconds)


# ----------------------------------------------------------------------------------------------------
# Reports


def fmt_p(p):
    return "1" if p >= 1.0 else (f"{p:.3g}" if p >= 1e-4 else f"{p:.2e}")


def markdown_report(result, meta):
    lines = ["# False-failure sweep", ""]
    lines.append(f"Scenarios {', '.join(meta['scenarios'])}; seeds {meta['seeds'][0]}..{meta['seeds'][-1]} "
                 f"({len(meta['seeds'])}); scale {meta['scale']}; claim rate "
                 f"{meta['rate'] if meta['rate'] is not None else 'default'}; alpha {result['alpha']:g} "
                 f"(families at alpha/F = {result['family_level']:.3g}); "
                 f"{meta['wall_seconds']:.0f} s wall with {meta['jobs']} jobs.")
    lines.append("")
    if meta["errors"]:
        lines.append(f"**ERROR: {len(meta['errors'])} run(s) failed; the counts below omit them.**")
    elif result["rejected"]:
        lines.append("**REJECTED: the observed FAILs exceed what the stated rates allow.**")
    else:
        lines.append("**CONSISTENT: the observed FAILs are within what the stated rates allow.**")
    for reason in result["reasons"]:
        lines.append(f"- {reason}")
    for error in meta["errors"]:
        lines.append(f"- ERROR {error}")
    lines += ["", "FAIL = observed FAIL verdicts over claims and seeds; expected = sum of the stated rates; "
              "p = Poisson upper tail P(X >= FAIL) (claim level, decides); claims (random) = distinct "
              "claims (those with a stated rate > 0); seeds w/ FAIL = seeds in "
              "which the family FAILed at least once, against the union bound per seed (bound), "
              "p seed = its exact Poisson-binomial tail (valid under any dependence within a seed).", ""]
    header = ("| family | scenarios | claims (random) | seeds | FAIL | expected | FAIL/expected | p | "
              "seeds w/ FAIL | bound | p seed | max FAIL in a seed | INCONCLUSIVE | result |")
    lines += [header, "|" + "---|" * (header.count("|") - 1)]

    def row(name, g):
        ratio = "-" if g["ratio"] is None else f"{g['ratio']:.3g}"
        if g["deterministic_failures"]:
            verdict = "**rate-0 FAIL**"
        elif g["rejected"]:
            verdict = "**excess**" + (" (clustered)" if g.get("clustered") else "")
        elif g["expected"] == 0:
            verdict = "deterministic"
        else:
            verdict = "ok"
        return (f"| {name} | {', '.join(g['scenarios'])} | {g['claims']} ({g['random_claims']}) | {g['seeds']} | "
                f"{g['observed']} | {g['expected']:.3g} | {ratio} | {fmt_p(g['p'])} | {g['seeds_failed']} | "
                f"{g['seed_expected']:.3g} | {fmt_p(g['p_seed'])} | {g['max_fails_in_one_seed']} | "
                f"{g['inconclusive']} | {verdict} |")
    for f in result["families"]:
        lines.append(row(f["family"], f))
    lines.append(row("**overall**", result["overall"]))
    lines += ["", "By rule kind (diagnostic, no decision):", "",
              "| kind | claims | FAIL | expected | FAIL/expected | p | INCONCLUSIVE |", "|---|---|---|---|---|---|---|"]
    for k in result["kinds"]:
        ratio = "-" if k["ratio"] is None else f"{k['ratio']:.3g}"
        lines.append(f"| {k['kind']} | {k['claims']} | {k['observed']} | {k['expected']:.3g} | {ratio} | "
                     f"{fmt_p(k['p'])} | {k['inconclusive']} |")
    lines += ["", f"## Claims that FAILed ({len(result['failures'])})", ""]
    if result["failures"]:
        lines += ["| claim | scenario | stated rate | seeds |", "|---|---|---|---|"]
        grouped = collections.OrderedDict()
        for f in result["failures"]:
            grouped.setdefault((f["id"], f["scenario"], f["rate"]), []).append(f["seed"])
        for (cid, scenario, rate), seeds in grouped.items():
            lines.append(f"| {cid} | {scenario} | {rate:g} | {', '.join(map(str, seeds))} |")
    else:
        lines.append("None.")
    lines += ["", "Method: scripts/false_failure_sweep.py (header comment). The claim-level p-value is "
              "conservative for independent claims; claims of one run share data, so it is an approximation "
              "there, and the seed-level p-value, which needs only the independence of the seeds, is shown "
              "next to it. A FAIL/expected ratio far below 1 means the stated rates are conservative.", ""]
    return "\n".join(lines)


def main(argv):
    args = parse_args(argv)
    try:
        known = registry.names(args.registry)
    except (OSError, ValueError) as e:
        print(f"false_failure_sweep: cannot read the registry: {e}", file=sys.stderr)
        return 2
    scenarios = [s for s in args.scenarios.split(",") if s] if args.scenarios else known
    unknown = [s for s in scenarios if s not in known]
    if unknown:
        print(f"false_failure_sweep: not in the registry: {', '.join(unknown)}", file=sys.stderr)
        return 2
    missing = [s for s in scenarios if not os.access(pathlib.Path(args.bin_dir) / f"scn_{s}", os.X_OK)]
    if missing:
        print(f"false_failure_sweep: no executable scn_<name> in {args.bin_dir} for {', '.join(missing)}",
              file=sys.stderr)
        return 2
    started = time.monotonic()
    records, errors, seeds, seconds = run_sweep(args, scenarios)
    result = sweep_statistics(records, args.alpha)
    meta = {"scenarios": scenarios, "seeds": seeds, "scale": args.scale, "rate": args.rate, "jobs": args.jobs,
            "bin_dir": str(args.bin_dir), "errors": errors, "wall_seconds": time.monotonic() - started,
            "cpu_seconds_per_scenario": seconds}
    text = markdown_report(result, meta)
    if args.report:
        pathlib.Path(args.report).parent.mkdir(parents=True, exist_ok=True)
        pathlib.Path(args.report).write_text(text)
    if args.json:
        pathlib.Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        pathlib.Path(args.json).write_text(json.dumps({"meta": meta, "result": result}, indent=1, default=str) + "\n")
    print(text)
    if errors:
        return 2
    return 1 if result["rejected"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
