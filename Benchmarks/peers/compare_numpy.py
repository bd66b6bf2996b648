#!/usr/bin/env python3
"""Run `cyberrisk run` and the NumPy peer (numpy_model.py) on the same resolved config and trial
count, print the throughput ratio, and check that the per-year means of national_risk,
human_risk and economic_loss_usd_bn agree within 3 standard errors.

    python3 Benchmarks/peers/compare_numpy.py --trials 20000
    python3 Benchmarks/peers/compare_numpy.py --trials 20000 --tool .build/release/cyberrisk -- configs/baseline.yaml

Both run single-threaded (`--threads 1`; OPENBLAS_NUM_THREADS=1 etc. for NumPy) and one after the
other in this one invocation, so the ratio comes from one run. Throughput is trial-years per CPU
second: for cyberrisk the child process's user + system time (so it includes start-up, config
parsing and writing the outputs), for NumPy the simulation's process time (excluding the import
of NumPy and the parsing of the config — in NumPy's favour). Wall-clock rates are printed too.
The agreement check compares the two means with the combined standard error
`√(se₁² + se₂²)`; the random numbers are independent, so this is a statistical test. The exit
status is 1 if any mean disagrees, 0 otherwise (the speed ratio is reported, not enforced).
"""
import argparse
import csv
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
METRICS = ("national_risk", "human_risk", "economic_loss_usd_bn")
SINGLE_THREAD = {k: "1" for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}


def timed(cmd, env=None):
    """Runs cmd; returns (stdout, wall seconds, child CPU seconds)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return out, wall, cpu


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--trials", type=int, default=20000)
    p.add_argument("--tool", default=os.path.join(ROOT, ".build", "release", "cyberrisk"))
    p.add_argument("--numpy-seed", type=int, default=1)
    p.add_argument("config_args", nargs="*", help="config file / --set options passed to `cyberrisk config` and `run`")
    args = p.parse_args(argv)

    env = dict(os.environ, **SINGLE_THREAD)
    with tempfile.TemporaryDirectory() as tmp:
        resolved = os.path.join(tmp, "resolved.yaml")
        with open(resolved, "w", encoding="utf-8") as f:
            f.write(subprocess.run([args.tool, "config", *args.config_args], check=True,
                                   capture_output=True, text=True).stdout)
        out_dir = os.path.join(tmp, "out")
        _, tool_wall, tool_cpu = timed([args.tool, "run", *args.config_args, "--trials", str(args.trials),
                                        "--threads", "1", "--out", out_dir, "--quiet"], env)
        peer_json = os.path.join(tmp, "numpy.json")
        _, peer_wall, _ = timed([sys.executable, os.path.join(HERE, "numpy_model.py"), resolved,
                                 "--trials", str(args.trials), "--seed", str(args.numpy_seed),
                                 "--json", peer_json], env)
        with open(peer_json, encoding="utf-8") as f:
            peer = json.load(f)
        with open(os.path.join(out_dir, "summary.csv"), newline="", encoding="utf-8") as f:
            tool = {(int(r["year"]), r["metric"]): r for r in csv.DictReader(f)}

    trial_years = args.trials * peer["years"]
    tool_rate, peer_rate = trial_years / tool_cpu, peer["trial_years_per_cpu_second"]
    print(f"{args.trials} trials x {peer['years']} years, one thread each")
    print(f"  cyberrisk : {tool_cpu:7.2f} CPU s ({tool_wall:.2f} s wall) = {tool_rate:12,.0f} trial-years/CPU s")
    print(f"  numpy     : {peer['cpu_seconds']:7.2f} CPU s ({peer_wall:.2f} s wall incl. start-up) = "
          f"{peer_rate:12,.0f} trial-years/CPU s")
    print(f"  throughput ratio cyberrisk / numpy = {tool_rate / peer_rate:.2f}x (target >= 5x)")
    print(f"  wall-clock ratio (whole processes) = {peer_wall / tool_wall:.2f}x")

    worst, failures = 0.0, 0
    for m in METRICS:
        for t in range(peer["years"]):
            year = peer["start_year"] + t
            row = tool[(year, m)]
            a, sa = float(row["mean"]), float(row["se"])
            b, sb = peer["metrics"][m]["mean"][t], peer["metrics"][m]["se"][t]
            z = (a - b) / math.hypot(sa, sb)
            worst = max(worst, abs(z))
            if abs(z) > 3:
                failures += 1
                print(f"  DISAGREE {year} {m}: cyberrisk {a:.6g} ± {sa:.2g}, numpy {b:.6g} ± {sb:.2g} (z = {z:.2f})")
    n = len(METRICS) * peer["years"]
    print(f"  means: {n - failures}/{n} (year, metric) pairs within 3 combined SE; largest |z| = {worst:.2f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
