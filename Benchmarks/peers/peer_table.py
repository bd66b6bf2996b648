#!/usr/bin/env python3
"""The peer table of `make bench-peer`: for every workload shape (shapes.py), trial-years per CPU
second of `cyberrisk run --threads 1`, of the NumPy peer (numpy_model.py) and of the Numba peer
(numba_model.py), and the ratios, all measured in this one invocation; and whether each peer's
per-year means of national_risk, human_risk and economic_loss_usd_bn agree with cyberrisk's within
3 combined standard errors.

    python3 Benchmarks/peers/peer_table.py --trials 20000
    python3 Benchmarks/peers/peer_table.py --trials 20000 --shapes default,few-attacks
    python3 Benchmarks/peers/peer_table.py --trials 20000 --update-doc   # rewrite docs/performance.md's table

Throughput as in compare_numpy.py: cyberrisk's whole child process (user + system time: start-up,
parsing and writing the outputs included), the peers' simulation only (process time after parsing,
and for Numba after compiling). Everything single-threaded (OPENBLAS_NUM_THREADS=1 etc.). The
machine is shared, so the load average is printed before and after; the ratios are what carries
over. `ratio` is cyberrisk over the faster peer (the issue-19 target is >= 5 on every shape, >= 10
on the default). The table shows how many of each peer's 30 (year, metric) means are within 3
combined SE of cyberrisk's, and the largest |z|. One run makes 2 peers x 30 comparisons per shape,
so a few |z| > 3 are expected by chance (0.27% each); the exit status is 1 only if some |z| exceeds
Z_FAIL = 4.5, which a correct pair of implementations does with probability below 6.8e-6 per
comparison, under 0.2% for 6 shapes (Bonferroni, as Benchmarks/peers/oracle.py). Speed is
reported, not enforced.

With --json the measurements are written for roofline.py; with --update-doc the table replaces
the `peer-table` section of docs/performance.md (check_docs.sh checks its structure, not its
figures: see scripts/docs/performance_sections.py).
"""
import argparse
import csv
import datetime
import json
import math
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import shapes  # noqa: E402
from compare_numpy import METRICS, SINGLE_THREAD, timed  # noqa: E402

PEERS = (("numpy", "numpy_model.py"), ("numba", "numba_model.py"))
DOC = os.path.join(ROOT, "docs", "performance.md")
SECTION = "peer-table"
Z_FAIL = 4.5


def agreement(tool, peer):
    """(pairs within 3 SE, pairs, largest |z|) of the per-year means of METRICS."""
    worst, ok, n = 0.0, 0, 0
    for m in METRICS:
        for t in range(peer["years"]):
            row = tool[(peer["start_year"] + t, m)]
            a, sa = float(row["mean"]), float(row["se"])
            b, sb = peer["metrics"][m]["mean"][t], peer["metrics"][m]["se"][t]
            se = math.hypot(sa, sb)
            z = 0.0 if se == 0 and a == b else (a - b) / se if se > 0 else math.inf
            worst = max(worst, abs(z))
            ok += abs(z) <= 3
            n += 1
    return ok, n, worst


def measure(name, args, trials, tool_path, seed, env, tmp):
    """One shape: resolves its config, runs cyberrisk and the peers; returns a result dict."""
    resolved = os.path.join(tmp, f"{name}.resolved.yaml")
    with open(resolved, "w", encoding="utf-8") as f:
        f.write(subprocess.run([tool_path, "config", *args], check=True, capture_output=True, text=True).stdout)
    out_dir = os.path.join(tmp, f"{name}.out")
    _, wall, cpu = timed([tool_path, "run", *args, "--trials", str(trials), "--threads", "1", "--out", out_dir,
                          "--quiet"], env)
    with open(os.path.join(out_dir, "summary.csv"), newline="", encoding="utf-8") as f:
        tool = {(int(r["year"]), r["metric"]): r for r in csv.DictReader(f)}
    years = 1 + max(y for y, _ in tool) - min(y for y, _ in tool)
    result = {"shape": name, "trials": trials, "years": years, "cyberrisk": trials * years / cpu,
              "cyberrisk_cpu_seconds": cpu, "cyberrisk_wall_seconds": wall}
    for peer, script in PEERS:
        path = os.path.join(tmp, f"{name}.{peer}.json")
        timed([sys.executable, os.path.join(HERE, script), resolved, "--trials", str(trials), "--seed", str(seed),
               "--json", path], env)
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        result[peer] = data["trial_years_per_cpu_second"]
        result[peer + "_agree"] = agreement(tool, data)
    result["ratio"] = result["cyberrisk"] / max(result[p] for p, _ in PEERS)
    return result


def load():
    return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


HEADER = ["shape", "trials", "cyberrisk", "NumPy", "Numba", "× NumPy", "× Numba", "ratio (× faster peer)",
          "means within 3 SE (NumPy, Numba)"]


def table(results, pending):
    """The markdown table (rates in trial-years per CPU second)."""
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for r in results:
        (an, nn, zn), (ab, nb, zb) = r["numpy_agree"], r["numba_agree"]
        lines.append(f"| {r['shape']} | {r['trials']:,} | {r['cyberrisk']:,.0f} | {r['numpy']:,.0f} | {r['numba']:,.0f} | "
                     f"{r['cyberrisk'] / r['numpy']:.2f} | {r['cyberrisk'] / r['numba']:.2f} | **{r['ratio']:.2f}** | "
                     f"{an}/{nn}, {ab}/{nb} (largest \\|z\\| {zn:.2f}, {zb:.2f}) |")
    for name, why in pending:
        lines.append(f"| {name} | pending | | | | | | | {why} |")
    return "\n".join(lines)


def replace_section(section, caption, text):
    """Rewrites the generated section `section` of docs/performance.md as `caption`, a blank line
    and `text` (a measured table: scripts/docs/performance_sections.py checks its structure)."""
    sys.path.insert(0, os.path.join(ROOT, "scripts", "docs"))
    from markdown import begin_marker, end_marker, sections
    with open(DOC, encoding="utf-8") as f:
        doc = f.read()
    lines = doc.split("\n")
    for name, start, end in sections(doc, "docs/performance.md"):
        if name == section:
            new = lines[:start - 1] + [begin_marker(section), caption, "", text, end_marker(section)] + lines[end + 1:]
            with open(DOC, "w", encoding="utf-8") as f:
                f.write("\n".join(new))
            return
    sys.exit(f"docs/performance.md has no generated section {section}")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--trials", type=int, default=20000, help="trials of a shape at fraction 1 (shapes.py)")
    p.add_argument("--tool", default=os.path.join(ROOT, ".build", "release", "cyberrisk"))
    p.add_argument("--seed", type=int, default=1, help="the peers' seed")
    p.add_argument("--shapes", help="comma-separated subset of " + ",".join(shapes.shape_names()))
    p.add_argument("--json", help="write the measurements here (for roofline.py)")
    p.add_argument("--update-doc", action="store_true", help="rewrite the peer-table section of docs/performance.md")
    args = p.parse_args(argv)
    wanted = args.shapes.split(",") if args.shapes else shapes.shape_names()
    unknown = sorted(set(wanted) - set(shapes.shape_names()))
    if unknown:
        sys.exit(f"peer_table: unknown shape(s) {', '.join(unknown)}; known: {', '.join(shapes.shape_names())}")
    env = dict(os.environ, **SINGLE_THREAD)
    before = load()
    print(f"load average before: {before}")
    results, pending, failures = [], [], 0
    with tempfile.TemporaryDirectory() as tmp:
        import yaml
        base = yaml.safe_load(subprocess.run([args.tool, "config"], check=True, capture_output=True, text=True).stdout)
        for name, description, fraction, make_args, requires in shapes.SHAPES:
            if name not in wanted:
                continue
            if requires is not None and not requires(base) or make_args is None:
                why = ("no shape arguments yet in shapes.py" if make_args is None
                       else "not in this build of the tool")
                pending.append((name, f"pending: {description}: {why} (the tool and both peers need the mode)"))
                print(f"{name:12s} pending ({description})")
                continue
            trials = max(1024, int(args.trials * fraction))
            r = measure(name, make_args(base, tmp), trials, args.tool, args.seed, env, tmp)
            results.append(r)
            bad = [peer for peer, _ in PEERS if r[peer + "_agree"][2] > Z_FAIL]
            failures += len(bad)
            print(f"{name:12s} {trials:7d} trials: cyberrisk {r['cyberrisk']:10,.0f}  numpy {r['numpy']:10,.0f}  "
                  f"numba {r['numba']:10,.0f} trial-years/CPU s  ratio {r['ratio']:.2f}"
                  + (f"  DISAGREE (|z| > {Z_FAIL}): {', '.join(bad)}" if bad else ""), flush=True)
    after = load()
    print(f"load average after: {after}")
    text = table(results, pending)
    caption = (f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC by "
               f"`python3 Benchmarks/peers/peer_table.py --trials {args.trials} --update-doc` (`make bench-peer`), "
               f"one run, load average {before} before and {after} after; trial-years per CPU second, one thread each.")
    print()
    print(text)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"load_before": before, "load_after": after, "results": results}, f, indent=1)
    if args.update_doc:
        replace_section(SECTION, caption, text)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
