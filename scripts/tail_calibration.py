#!/usr/bin/env python3
"""The tail calibration of the default scenario, reproducibly (docs/events.md, docs/parameters.md §2.1).

    python3 scripts/tail_calibration.py                  # release binary: replays + start-year tail run, print
    python3 scripts/tail_calibration.py --check          # ... and fail (exit 1) if a target or a replay fails

The docs' tables (parameters.md §2.1 and §5.5, events.md §3-5) are generated sections of
scripts/check_docs.sh (scripts/docs/tail_sections.py calls the functions here, with a 327,680-trial
run that resolves the 1-in-1000 figures); `make test` checks them, `scripts/check_docs.sh --update`
rewrites them. This script's own default is a 1,000,000-trial run (`make check-calibration`).

Replays: every row of configs/data/event_replays.csv is run through `cyberrisk stress --event CLASS --severity S
[--hit ...]` (deterministic) and its economic loss set beside the published one; a replay passes when the ratio is
within a factor of 3, or when no loss was published (the gap is then explained in docs/events.md). For each
instance the script also gives where its severity sits in the class's severity distribution and the implied
return period of an event at least that severe, 1 / (mean frequency x P(X >= severity)).

Tail targets (the start year; ../shared/CALIBRATION.md and the issue): a seeded `cyberrisk run` of the start year
only (`horizon_years=1`, default 1,000,000 trials, seed 2026; about 10 s with the release binary) checks
  - the mean economic loss in the CEA band, USD 83-277 bn;
  - the 1-in-200 aggregate loss (AEP) >= 3 x the mean, and within the justified range (docs/events.md): at least
    the mean plus the Business Blackout replay, at most the mean plus the Business Blackout extreme variant
    (USD 1 trn) plus the CyRiM Bashe US upper figure (USD 89 bn);
  - the 1-in-1000 AEP >= 1.5 x the 1-in-100 AEP;
  - every figure used resolved (the run's return_periods.csv says so).
The results are deterministic (same config, seed and trial count, whatever the binary or thread count).
"""
import argparse
import csv
import io
import json
import math
import os
import subprocess
import sys
import tempfile

import yaml

try:  # the replay table's quantiles; without SciPy, closed forms where they exist
    from scipy import stats
except ImportError:  # pragma: no cover
    stats = None

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPLAYS = os.path.join(ROOT, "configs", "data", "event_replays.csv")
EVENTS_DOC = os.path.join(ROOT, "docs", "events.md")
PARAMETERS_DOC = os.path.join(ROOT, "docs", "parameters.md")
BAND = (83.0, 277.0)                    # CALIBRATION.md: 0.3-1 % of GDP 2023
BLACKOUT_EXTREME, BASHE_US_HIGH = 1000.0, 89.0


def run(tool, *args):
    return subprocess.run([tool, *args], check=True, capture_output=True, text=True).stdout


def parameter_mean(p):
    """The mean of a config parameter (number or distribution), as the engine's Parameter.mean."""
    if not isinstance(p, dict):
        return float(p)
    kind, v = next(iter(p.items()))
    if kind == "pert":
        return (v[0] + 4 * v[1] + v[2]) / 6
    if kind == "uniform":
        return (v[0] + v[1]) / 2
    if kind == "triangular":
        return sum(v) / 3
    if kind == "lognormal":
        return v["median"] * math.exp(v["sigma"] ** 2 / 2)
    if kind == "normal":
        return min(max(v["mean"], v["min"]), v["max"])
    raise ValueError(f"cannot take the mean of {p}")


def gpd_survival(x, u, scale, shape):
    if x <= u:
        return 1.0
    z = (x - u) / scale
    return math.exp(-math.log1p(shape * z) / shape) if shape > 0 else math.exp(-z)


def lognormal_sf(x, median, sigma):
    return 0.5 * math.erfc(math.log(x / median) / sigma / math.sqrt(2)) if x > 0 else 1.0


def beta_sf(x, a, b):
    if stats is not None:
        return float(stats.beta.sf(x, a, b))
    if a == 1:
        return (1 - x) ** b
    if b == 1:
        return 1 - x ** a
    return math.nan


def severity_survival(sev, x):
    """P(X >= x) for a severity of the config (at the parameters' means)."""
    m = parameter_mean
    if "lognormal" in sev:
        p = sev["lognormal"]
        return lognormal_sf(x, m(p["median"]), m(p["sigma"]))
    if "gpd" in sev:
        p = sev["gpd"]
        return gpd_survival(x, m(p["threshold"]), m(p["scale"]), m(p["shape"]))
    if "spliced" in sev:
        p = sev["spliced"]
        u, tail = m(p["threshold"]), m(p["tail_probability"])
        if x >= u:
            return tail * gpd_survival(x, u, m(p["scale"]), m(p["shape"]))
        body = p["body"]
        if "lognormal" in body:
            cdf = lambda y: 1 - lognormal_sf(y, m(body["lognormal"]["median"]), m(body["lognormal"]["sigma"]))
        else:
            cdf = lambda y: 1 - beta_sf(y, m(body["alpha"]), m(body["beta"]))
        return tail + (1 - tail) * (cdf(u) - cdf(x)) / cdf(u)
    return beta_sf(x, m(sev["alpha"]), m(sev["beta"]))


def replays(tool, config):
    classes = {e["id"]: e for e in config["events"]}
    lines = [line for line in open(REPLAYS, encoding="utf-8") if not line.startswith("#")]
    rows, failures = [], 0
    for r in csv.DictReader(io.StringIO("".join(lines))):
        args = ["stress", "--event", r["event_class"], "--severity", r["severity"], "--json"]
        if r["hit"]:
            args += ["--hit", r["hit"].replace(";", ",")]
        model = json.loads(run(tool, *args))["economic_loss_usd_bn"]
        event = classes[r["event_class"]]
        x = float(r["severity"])
        survival = severity_survival(event["severity"], x)
        frequency = parameter_mean(event["frequency"])
        period = 1 / (frequency * survival) if frequency * survival > 0 else math.inf
        if r["observed_usd_bn"]:
            observed = float(r["observed_usd_bn"])
            ratio = model / observed
            verdict = "within ×3" if 1 / 3 <= ratio <= 3 else "OUTSIDE ×3"
            failures += verdict != "within ×3"
            shown = (f"{observed:.3g}" if r["observed_low_usd_bn"] == r["observed_high_usd_bn"]
                     else f"{observed:.3g} ({float(r['observed_low_usd_bn']):.3g}–{float(r['observed_high_usd_bn']):.3g})")
            ratio_text = f"{ratio:.2f}"
        else:
            shown, ratio_text, verdict = "none published", "–", "explained"
        rows.append(f"| `{r['event_class']}` | {r['instance']} | {x:.2g} | {survival:.3g} | {period:,.0f} | "
                    f"{model:.3g} | {shown} | {ratio_text} | {verdict} |")
    header = ("| class | instance | severity X | P(X ≥ severity) | implied 1-in-N years | model loss, bn USD | "
              "observed, bn USD | ratio | check |\n|---|---|---|---|---|---|---|---|---|")
    return header + "\n" + "\n".join(rows), failures


def tail_run(tool, trials, seed):
    with tempfile.TemporaryDirectory() as tmp:
        run(tool, "run", "--set", "horizon_years=1", "--trials", str(trials), "--seed", str(seed),
            "--out", tmp, "--quiet")
        with open(os.path.join(tmp, "return_periods.csv"), newline="", encoding="utf-8") as f:
            rp = [r for r in csv.DictReader(f) if r["metric"] == "economic_loss_usd_bn"]
        with open(os.path.join(tmp, "event_classes.csv"), newline="", encoding="utf-8") as f:
            classes = list(csv.DictReader(f))
    return {float(r["return_period"]): r for r in rp}, classes


def tail_tables(rp, classes, replay_blackout, trials, seed):
    mean, mean_se = float(rp[2.0]["aal"]), float(rp[2.0]["aal_se"])
    f = lambda t, k: float(rp[t][k])
    lines = [f"Start year, {trials:,} trials, seed {seed} (`scripts/tail_calibration.py`):", "",
             "| return period | AEP, bn USD | ± SE | AEP TVaR | ± SE | OEP, bn USD | ± SE | OEP TVaR | ± SE | resolved |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for t in sorted(rp):
        r = rp[t]
        lines.append(f"| 1-in-{t:,.0f} | {f(t, 'aep'):.1f} | {f(t, 'aep_se'):.1f} | {f(t, 'aep_tvar'):.1f} | "
                     f"{f(t, 'aep_tvar_se'):.1f} | {f(t, 'oep'):.1f} | {f(t, 'oep_se'):.1f} | {f(t, 'oep_tvar'):.1f} | "
                     f"{f(t, 'oep_tvar_se'):.1f} | {r['resolved']} |")
    low, high = mean + replay_blackout, mean + BLACKOUT_EXTREME + BASHE_US_HIGH
    checks = [
        ("mean economic loss (AAL)", f"{mean:.1f} ± {mean_se:.1f} bn", f"{BAND[0]:.0f}–{BAND[1]:.0f} bn (CEA 2018)",
         BAND[0] <= mean <= BAND[1]),
        ("1-in-200 AEP / mean", f"{f(200, 'aep') / mean:.2f}", "≥ 3", f(200, "aep") >= 3 * mean),
        ("1-in-200 AEP", f"{f(200, 'aep'):.0f} ± {f(200, 'aep_se'):.0f} bn",
         f"{low:.0f}–{high:.0f} bn (mean + Business Blackout replay … mean + extreme variant + Bashe US)",
         low <= f(200, "aep") <= high),
        ("1-in-1000 AEP / 1-in-100 AEP", f"{f(1000, 'aep') / f(100, 'aep'):.2f}", "≥ 1.5",
         f(1000, "aep") >= 1.5 * f(100, "aep")),
        ("1-in-100, 1-in-200, 1-in-1000 resolved", ", ".join(rp[t]["resolved"] for t in (100.0, 200.0, 1000.0)),
         "true", all(rp[t]["resolved"] == "true" for t in (100.0, 200.0, 1000.0))),
    ]
    lines += ["", "| check | value | target | result |", "|---|---|---|---|"]
    lines += [f"| {name} | {value} | {target} | {'PASS' if ok else 'FAIL'} |" for name, value, target, ok in checks]
    failures = sum(not ok for *_, ok in checks)
    drivers = ["| class | events a year | P(≥ 1) | mean standalone loss, bn USD | years beyond 1-in-100 AEP | "
               "beyond 1-in-200 AEP | events beyond 1-in-100 OEP | beyond 1-in-200 OEP |", "|---|---|---|---|---|---|---|---|"]
    for c in classes:
        def pct(k):
            return "–" if c[k] in ("NaN", "nan") else f"{100 * float(c[k]):.0f} %"
        if c["event_class"] == "none":
            drivers.append(f"| no event | – | – | – | {pct('aep_share_100')} | {pct('aep_share_200')} | – | – |")
            continue
        drivers.append(f"| `{c['event_class']}` | {float(c['mean_events']):.3g} | {float(c['p_any']):.3g} | "
                       f"{float(c['mean_loss_usd_bn']):.3g} | {pct('aep_share_100')} | {pct('aep_share_200')} | "
                       f"{pct('oep_share_100')} | {pct('oep_share_200')} |")
    return "\n".join(lines), "\n".join(drivers), failures


def blackout_loss(tool):
    """The model's loss of the Business Blackout replay (its standard variant, severity 0.005 on the grid
    class's whole footprint): the lower end of the justified 1-in-200 range."""
    return json.loads(run(tool, "stress", "--event", "grid_attack", "--severity", "0.005", "--json"))["economic_loss_usd_bn"]


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--tool", default=os.path.join(ROOT, ".build", "release", "cyberrisk"))
    p.add_argument("--trials", type=int, default=1_000_000)
    p.add_argument("--seed", type=int, default=2026)
    p.add_argument("--check", action="store_true", help="exit 1 if a target or a replay fails")
    args = p.parse_args(argv)
    config = yaml.safe_load(run(args.tool, "config"))
    replay_table, failures = replays(args.tool, config)
    print(replay_table)
    rp, classes = tail_run(args.tool, args.trials, args.seed)
    targets, drivers, tail_failures = tail_tables(rp, classes, blackout_loss(args.tool), args.trials, args.seed)
    failures += tail_failures
    print("\n" + targets + "\n\n" + drivers)
    print(f"tail_calibration: {'FAIL' if failures else 'PASS'}" + (f" ({failures} problems)" if failures else ""))
    return 1 if failures and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
