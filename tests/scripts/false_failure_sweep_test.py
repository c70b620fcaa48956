#!/usr/bin/python3
"""Unit tests and negative controls of scripts/false_failure_sweep.py (the ctest
false_failure_sweep_statistics, tests/false_failure_sweep.cmake).

- the p-value: exact values, and that it is conservative against the exact Poisson-binomial tail;
- the decision on synthetic claim records: it accepts counts that match the stated rates and rejects
  (negative control) counts far above them, a family's excess hidden in a large overall count, and
  any FAIL of a rate-0 claim; its false-alarm rate on simulated true claims is at most ~2 alpha;
- the script end to end on fake scn_* binaries (small Python scripts writing summary.json): exit 0
  for claims that FAIL at their stated rate, 1 for a family that FAILs far more often, 2 for a crash.

  /usr/bin/python3 tests/scripts/false_failure_sweep_test.py [-v]
"""
import importlib.util
import json
import os
import pathlib
import random
import subprocess
import sys
import tempfile
import textwrap
import unittest

import numpy as np
from scipy import stats

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
ROOT = pathlib.Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "false_failure_sweep.py"
spec = importlib.util.spec_from_file_location("false_failure_sweep", SCRIPT)
ffs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ffs)


def records(families, seeds, fails=(), rate_zero=()):
    """Synthetic records: families = {family: (claims, rate)}; fails = {(family, claim index, seed)}."""
    fails = set(fails)
    out = []
    for seed in seeds:
        for family, (count, rate) in families.items():
            for i in range(count):
                out.append({"seed": seed, "scenario": "scn", "id": f"{family}.c{i}", "rate": rate,
                            "verdict": "FAIL" if (family, i, seed) in fails else "PASS"})
        for family, i in rate_zero:
            out.append({"seed": seed, "scenario": "scn", "id": f"{family}.det{i}", "rate": 0.0,
                        "verdict": "FAIL" if seed == seeds[0] and (family, i) in rate_zero else "PASS"})
    return out


def spread(family, claims, seeds, n):
    """n FAILs of `family`, spread over claims and seeds (one per (claim, seed) cell)."""
    cells = [(family, i, s) for s in seeds for i in range(claims)]
    random.Random(n).shuffle(cells)
    return cells[:n]


class PValue(unittest.TestCase):
    def test_edges(self):
        self.assertEqual(ffs.poisson_upper_p(0, 3.0), 1.0)
        self.assertEqual(ffs.poisson_upper_p(0, 0.0), 1.0)
        self.assertEqual(ffs.poisson_upper_p(1, 0.0), 0.0)
        with self.assertRaises(ValueError):
            ffs.poisson_upper_p(-1, 1.0)

    def test_poisson_tail_above_mean_plus_one(self):
        for mu, k in [(20.0, 21), (20.0, 40), (0.5, 2), (3.2, 10)]:
            self.assertAlmostEqual(ffs.poisson_upper_p(k, mu), stats.poisson.sf(k - 1, mu), places=14)
        # 40 FAILs where 20 are expected: p ~ 1e-4.
        self.assertLess(ffs.poisson_upper_p(40, 20.0), 1e-4)
        self.assertGreater(ffs.poisson_upper_p(40, 20.0), 1e-5)

    def test_markov_below_mean_plus_one(self):
        # n = 1, mu = 1e-4: the union bound mu, not 1 - exp(-mu) (which is below the true tail).
        self.assertEqual(ffs.poisson_upper_p(1, 1e-4), 1e-4)
        self.assertGreaterEqual(ffs.poisson_upper_p(20, 20.0), 0.5)

    def test_conservative_against_poisson_binomial(self):
        rng = np.random.default_rng(7)
        for _ in range(300):
            n = int(rng.integers(1, 40))
            p = rng.beta(0.3, 3.0, n) if rng.random() < 0.5 else rng.uniform(0, 0.1, n)
            mu = float(p.sum())
            for k in range(0, n + 1):
                exact = ffs.poisson_binomial_upper_p(k, p)
                self.assertGreaterEqual(ffs.poisson_upper_p(k, mu) * (1 + 1e-9) + 1e-15, exact, (k, mu))

    def test_poisson_binomial_exact(self):
        self.assertAlmostEqual(ffs.poisson_binomial_upper_p(2, [0.5, 0.5]), 0.25)
        self.assertAlmostEqual(ffs.poisson_binomial_upper_p(1, [0.1, 0.2]), 1 - 0.9 * 0.8)
        self.assertEqual(ffs.poisson_binomial_upper_p(3, [0.5, 0.5]), 0.0)
        self.assertAlmostEqual(ffs.poisson_binomial_upper_p(3, [0.1] * 30), stats.binom.sf(2, 30, 0.1))


class Decision(unittest.TestCase):
    SEEDS = list(range(1, 41))
    FAMILIES = {"A-E1": (25, 0.01), "A-E2": (25, 0.01), "B-E1": (10, 0.005)}  # mu = 10, 10, 2

    def test_accepts_counts_that_match(self):
        fails = spread("A-E1", 25, self.SEEDS, 11) + spread("A-E2", 25, self.SEEDS, 8) + \
            spread("B-E1", 10, self.SEEDS, 2)
        r = ffs.sweep_statistics(records(self.FAMILIES, self.SEEDS, fails), alpha=1e-3)
        self.assertFalse(r["rejected"], r["reasons"])
        self.assertEqual(r["overall"]["observed"], 21)
        self.assertAlmostEqual(r["overall"]["expected"], 22.0)
        self.assertEqual([f["family"] for f in r["families"]], ["A-E1", "A-E2", "B-E1"])
        self.assertAlmostEqual(r["families"][0]["expected"], 10.0)
        self.assertAlmostEqual(r["family_level"], 1e-3 / 3)
        self.assertEqual(len(r["failures"]), 21)

    def test_accepts_no_failures(self):
        r = ffs.sweep_statistics(records(self.FAMILIES, self.SEEDS), alpha=1e-3)
        self.assertFalse(r["rejected"])
        self.assertEqual(r["overall"]["p"], 1.0)

    def test_rejects_excess_overall(self):  # negative control: every family 4x its stated rate
        fails = spread("A-E1", 25, self.SEEDS, 40) + spread("A-E2", 25, self.SEEDS, 40) + \
            spread("B-E1", 10, self.SEEDS, 8)
        r = ffs.sweep_statistics(records(self.FAMILIES, self.SEEDS, fails), alpha=1e-3)
        self.assertTrue(r["rejected"])
        self.assertTrue(r["overall"]["rejected"])
        self.assertTrue(any(reason.startswith("overall:") for reason in r["reasons"]))

    def test_rejects_one_family(self):  # negative control: one small family 6x, the others fine
        fails = spread("A-E1", 25, self.SEEDS, 9) + spread("A-E2", 25, self.SEEDS, 10) + \
            spread("B-E1", 10, self.SEEDS, 12)
        r = ffs.sweep_statistics(records(self.FAMILIES, self.SEEDS, fails), alpha=1e-3)
        self.assertTrue(r["rejected"])
        rejected = [f["family"] for f in r["families"] if f["rejected"]]
        self.assertEqual(rejected, ["B-E1"])
        self.assertFalse(r["overall"]["rejected"])  # 31 vs 22 overall is not significant by itself
        self.assertFalse(r["families"][2]["clustered"])  # spread over seeds: the seed-level test sees it too

    def test_rate_zero_fail_is_an_error(self):
        r = ffs.sweep_statistics(records(self.FAMILIES, self.SEEDS, rate_zero=[("B-E1", 0)]), alpha=1e-3)
        self.assertTrue(r["rejected"])
        self.assertEqual(len(r["deterministic_failures"]), 1)
        self.assertIn("states rate 0 but FAILed", r["reasons"][0])

    def test_clustered_failures_are_flagged(self):
        # Every claim of A-E1 FAILs in seeds 1 and 2 (50 FAILs, 10 expected): the claim level rejects,
        # the seed level (2 of 40 seeds failed, bound 0.25 each) does not; the family is flagged clustered.
        fails = [("A-E1", i, s) for i in range(25) for s in (1, 2)]
        r = ffs.sweep_statistics(records(self.FAMILIES, self.SEEDS, fails), alpha=1e-3)
        fam = r["families"][0]
        self.assertTrue(fam["rejected"])
        self.assertTrue(fam["clustered"])
        self.assertEqual(fam["seeds_failed"], 2)
        self.assertEqual(fam["max_fails_in_one_seed"], 25)
        self.assertAlmostEqual(fam["seed_expected"], 40 * 0.25)

    def test_bad_rate(self):
        bad = records({"A-E1": (1, 0.01)}, [1])
        bad[0]["rate"] = 1.5
        with self.assertRaises(ValueError):
            ffs.sweep_statistics(bad)

    def test_false_alarm_and_power_by_simulation(self):
        # Claims FAIL independently at exactly their stated rates (true claims): the rejection frequency
        # is at most 2 alpha (plus Monte Carlo error); at 3x the stated rates it is high.
        rng = np.random.default_rng(11)
        alpha, sims = 0.05, 400
        seeds = list(range(1, 21))
        base = records(self.FAMILIES, seeds)
        rates = np.array([r["rate"] for r in base])

        def rejection_frequency(factor):
            rejected = 0
            for _ in range(sims):
                fail = rng.random(len(base)) < factor * rates
                rs = [dict(r, verdict="FAIL" if f else "PASS") for r, f in zip(base, fail)]
                rejected += ffs.sweep_statistics(rs, alpha=alpha)["rejected"]
            return rejected / sims

        null = rejection_frequency(1.0)
        self.assertLessEqual(null, 2 * alpha + 3 * np.sqrt(2 * alpha / sims))
        self.assertGreaterEqual(rejection_frequency(3.0), 0.8)


FAKE = textwrap.dedent('''\
    #!/usr/bin/python3
    # A fake scenario binary for the sweep's end-to-end test: NAME CLAIMS RATE FAIL_PROB CRASH_SEED
    import argparse, json, os, pathlib, random, sys
    name, claims, rate, fail_prob, crash_seed = {params!r}
    p = argparse.ArgumentParser()
    for a in ("--scale", "--seed", "--threads", "--out", "--run-id"):
        p.add_argument(a)
    p.add_argument("--set", action="append", default=[])
    a = p.parse_args()
    seed = int(a.seed)
    if seed == crash_seed:
        print("boom", file=sys.stderr)
        sys.exit(1)
    for s in a.set:
        k, v = s.split("=")
        if k == "verdict.claim_false_failure_rate":
            rate = float(v)
    rng = random.Random(seed * 1000 + len(name))
    out = []
    for i in range(claims):
        verdict = "FAIL" if rng.random() < fail_prob else "PASS"
        out.append({{"id": f"FAKE-{{name}}.c{{i}}", "verdict": verdict, "false_failure_rate": rate,
                     "kind": "BOUND", "detectable_deviation": 0.1}})
    d = pathlib.Path(a.out) / name / a.run_id
    d.mkdir(parents=True, exist_ok=True)
    unexpected = [c["id"] for c in out if c["verdict"] == "FAIL"]
    (d / "summary.json").write_text(json.dumps({{"scenario": name, "master_seed": seed,
        "claim_false_failure_rate": rate, "claims": out, "unexpected": unexpected}}))
    sys.exit(3 if unexpected else 0)
''')


class EndToEnd(unittest.TestCase):
    def run_sweep(self, fakes, scenarios, seeds, extra=()):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = pathlib.Path(tmp)
            (tmp / "bin").mkdir()
            for name, params in fakes.items():
                path = tmp / "bin" / f"scn_{name}"
                path.write_text(FAKE.format(params=(name,) + params))
                path.chmod(0o755)
            reg = {"scenarios": [{"name": n, "simulator": "fake", "main": "x.cc", "paper_section": "x",
                                  "figures": []} for n in fakes]}
            (tmp / "registry.json").write_text(json.dumps(reg))
            cmd = [sys.executable, str(SCRIPT), "--bin-dir", str(tmp / "bin"), "--registry",
                   str(tmp / "registry.json"), "--scenarios", ",".join(scenarios), "--seeds", str(seeds),
                   "--rate", "0.01", "--jobs", "2", "--work", str(tmp / "work"),
                   "--report", str(tmp / "r.md"), "--json", str(tmp / "r.json"), *extra]
            proc = subprocess.run(cmd, capture_output=True, text=True)
            report = (tmp / "r.md").read_text() if (tmp / "r.md").exists() else ""
            data = json.loads((tmp / "r.json").read_text()) if (tmp / "r.json").exists() else None
            return proc, report, data

    FAKES = {"good": (50, None, 0.01, -1),    # FAILs at its stated rate: mu = 50 * 0.01 * 30 = 15
             "bad": (10, None, 0.2, -1),      # FAILs at 20x its stated rate
             "crash": (5, None, 0.0, 3)}      # exits 1 at seed 3

    def test_good_passes(self):
        proc, report, data = self.run_sweep(self.FAKES, ["good"], 30)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn("CONSISTENT", report)
        self.assertEqual(data["result"]["overall"]["expected"], 15.0)
        self.assertEqual(len(data["meta"]["seeds"]), 30)

    def test_bad_family_fails(self):  # negative control, end to end
        proc, report, data = self.run_sweep(self.FAKES, ["good", "bad"], 30)
        self.assertEqual(proc.returncode, 1, proc.stdout + proc.stderr)
        self.assertIn("REJECTED", report)
        self.assertIn("family FAKE-bad:", report)
        self.assertNotIn("family FAKE-good:", report)

    def test_crash_is_an_error(self):
        proc, report, _ = self.run_sweep(self.FAKES, ["good", "crash"], 4)
        self.assertEqual(proc.returncode, 2, proc.stdout + proc.stderr)
        self.assertIn("scn_crash seed 3: exit code 1", report)

    def test_unknown_scenario(self):
        proc, _, _ = self.run_sweep(self.FAKES, ["nope"], 2)
        self.assertEqual(proc.returncode, 2)
        self.assertIn("not in the registry: nope", proc.stderr)


if __name__ == "__main__":
    unittest.main()
