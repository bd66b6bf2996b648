#!/usr/bin/env python3
"""Writes the seed corpus of the `report` fuzz target (scripts/fuzz/corpus/report/seed-*) from
real output folders: small runs of the cyberrisk binary given (a forecast over two years and one of one year, a dynamic forecast
with tolerances, a comparison, a sweep, a sensitivity analysis with its companion tornado, a
tornado, a calibration and a dynamic stress test), plus broken folders made from them.
Long files are thinned (every 4th exceedance threshold, a sweep's last year and headline
metrics only) so each seed stays within tens of KB; the readers see the same columns and kinds
of rows. Each real folder also gets a `-mini` copy (no resolved config in the manifest, eight
rows per CSV) of a few KB, which the fuzzer runs and mutates many times faster. Input format: Tests/FuzzTests/ReaderFuzzTarget+Report.swift (NUL-separated parts, one
per file of `reportFiles`, empty = no such file).
Usage: make_seeds.py report CYBERRISK   (or report_seeds.py CYBERRISK)"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
CORPUS = os.path.join(ROOT, "scripts", "fuzz", "corpus", "report")

# The order of ReaderFuzzTarget.reportFiles.
FILES = ["manifest.json", "summary.csv", "sectors.csv", "exceedance.csv", "return_periods.csv", "event_classes.csv",
         "tolerances.csv", "sweep.csv", "sensitivity.csv", "sensitivity_noise.csv", "tornado.csv", "comparison.csv",
         "posterior.csv", "ppc.csv", "diagnostics.csv", "hindcast.csv", "recovery.csv", "stress.csv",
         "sweep.journal", "tornado/tornado.csv", "tornado/manifest.json"]
HEADLINE = {"national_risk", "human_risk", "economic_loss_usd_bn"}

SWEEP = """trials: 32
design: grid
set: ["horizon_years=2"]
parameters:
  cascade.failure_threshold: {values: [0.01, 0.02]}
  scenario.iot.devices_bn.rate: {log_range: [0.1, 0.3], steps: 2}
"""
SENSITIVITY = """design: saltelli
samples: 4
trials: 8
set: ["horizon_years=2"]
parameters:
  scenario.iot.devices_bn.rate: {range: [0.1, 0.3]}
  dependencies.cyber_coupling: {log_range: [0.2, 0.9]}
"""
TOLERANCES = """extends: baseline
horizon_years: 2
cascade: {mode: dynamic}
tolerances:
  - {metric: national_risk, statistic: p95, max: 0.01}
  - {metric: economic_loss_usd_bn, return_period: 100, max: 500}
"""


def filtered(text, keep):
    """The CSV `text` with only the data rows for which keep(row as dict, index) holds."""
    rows = list(csv.reader(io.StringIO(text)))
    header, out = rows[0], io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for k, row in enumerate(rows[1:]):
        if keep(dict(zip(header, row)), k):
            writer.writerow(row)
    return out.getvalue()


def folder(path, thin=True):
    """The folder's files by name (the ones of FILES it has), long ones thinned."""
    files = {}
    for name in FILES:
        full = os.path.join(path, name)
        if os.path.isfile(full):
            files[name] = open(full, encoding="utf-8").read() if not name.endswith(".journal") else "journal"
    if thin and "exceedance.csv" in files:
        files["exceedance.csv"] = filtered(files["exceedance.csv"], lambda r, k: k % 4 == 0)
    if thin and "sweep.csv" in files:
        last = max(int(r["year"]) for r in csv.DictReader(io.StringIO(files["sweep.csv"])))
        files["sweep.csv"] = filtered(files["sweep.csv"], lambda r, k: int(r["year"]) == last and r["metric"] in HEADLINE)
    for name in ["sensitivity.csv", "sensitivity_noise.csv"]:
        if thin and name in files:
            files[name] = filtered(files[name], lambda r, k: r["metric"] in HEADLINE)
    return files


def mini(files, rows=8):
    """A small copy for quick mutation: the manifest without its resolved config and tool facts,
    each CSV its header and first `rows` data rows."""
    out = {}
    for name, text in files.items():
        if name.endswith("manifest.json"):
            manifest = {k: v for k, v in json.loads(text).items() if k not in ("config", "base_config", "blas", "files", "economic_loss")}
            out[name] = json.dumps(manifest, sort_keys=True)
        elif name.endswith(".csv"):
            out[name] = "\n".join(text.split("\n")[:rows + 1]) + "\n"
        else:
            out[name] = text
    return out


def write(name, files, small=True):
    """Writes seed-NAME and, with `small`, its ``mini`` copy seed-NAME-mini."""
    if small:
        write(name + "-mini", mini(files), small=False)
    os.makedirs(CORPUS, exist_ok=True)
    data = b"\0".join(files.get(f, "").encode() for f in FILES).rstrip(b"\0")
    with open(os.path.join(CORPUS, "seed-" + name), "wb") as f:
        f.write(data)


def main(binary):
    binary = os.path.abspath(binary)
    with tempfile.TemporaryDirectory() as tmp:
        def run(*args):
            subprocess.run([binary, *args, "--threads", "1"] if args[0] != "stress" else [binary, *args],
                           cwd=tmp, check=True, stdout=subprocess.DEVNULL)

        for name, text in [("sweep.yaml", SWEEP), ("sensitivity.yaml", SENSITIVITY), ("tolerances.yaml", TOLERANCES)]:
            with open(os.path.join(tmp, name), "w") as f:
                f.write(text)
        run("run", "--trials", "256", "--set", "horizon_years=2", "--out", "run", "--quiet")
        run("run", "--trials", "256", "--set", "horizon_years=1", "--out", "one-year", "--quiet")
        run("run", "tolerances.yaml", "--trials", "128", "--out", "dynamic", "--quiet")
        run("compare", "--scenario", "baseline", "--scenario", "secure-by-design", "--set", "horizon_years=2",
            "--trials", "256", "--out", "compare", "--quiet")
        run("sweep", "sweep.yaml", "--out", "sweep", "--quiet")
        run("sensitivity", "sensitivity.yaml", "--out", "sensitivity", "--quiet")
        run("tornado", "sensitivity.yaml", "--out", "tornado", "--quiet")
        run("calibrate", os.path.join(ROOT, "configs", "data", "incidents_ic3.csv"), "--chains", "4", "--draws", "2000",
            "--holdout-year", "2023", "--out", "calibration", "--quiet")
        run("stress", "--dynamic", "--shock", "energy=0.3", "--days", "30", "--out", "stress")
        at = lambda name: os.path.join(tmp, name)

        forecast = folder(at("run"))
        write("forecast", forecast)
        write("forecast-one-year", folder(at("one-year")))
        write("forecast-dynamic-tolerances", folder(at("dynamic")))
        write("comparison", folder(at("compare")))
        write("sweep", folder(at("sweep")))
        tornado = folder(at("tornado"))
        sensitivity = folder(at("sensitivity"))
        sensitivity["tornado/tornado.csv"] = tornado["tornado.csv"]
        sensitivity["tornado/manifest.json"] = tornado["manifest.json"]
        write("sensitivity-with-tornado", sensitivity)
        write("tornado", tornado)
        write("calibration", folder(at("calibration")))
        write("stress", folder(at("stress")))

        # Broken folders, each refused naming its file (no mini copies).
        write("forecast-truncated", dict(forecast, **{"summary.csv": forecast["summary.csv"][:5000]}), small=False)
        write("forecast-no-manifest", {k: v for k, v in forecast.items() if k != "manifest.json"}, small=False)
        shard = folder(at("sweep"))
        manifest = json.loads(shard["manifest.json"])
        manifest["shard"] = {"count": 2, "index": 1}
        shard["manifest.json"] = json.dumps(manifest, indent=2, sort_keys=True)
        write("sweep-shard", {k: v for k, v in shard.items() if k != "sweep.csv"}, small=False)
        stress = folder(at("stress"))
        write("stress-skipped-day", dict(stress, **{"recovery.csv": stress["recovery.csv"].replace("\n3,chemical,", "\n4,chemical,", 1)}), small=False)


if __name__ == "__main__":
    main(sys.argv[1])
