"""docs/calibration.md: the result tables of seeded `cyberrisk calibrate` runs on the shipped IC3
data (configs/data/incidents_ic3.csv, the embedded baseline, seed 2026): the posterior of every
sector and shared parameter, the posterior predictive check, and the hindcasts of 2022 and 2023.
The runs are seeded and do not depend on threads, so the debug and release binaries agree."""
import csv
import os

DATA = "configs/data/incidents_ic3.csv"
SEED = "2026"


def calibrate(ctx, name, *extra):
    out = os.path.join(ctx.tool.scratch, name)
    ctx.tool.call(["calibrate", os.path.join(ctx.repo, DATA), "--out", out, "--seed", SEED, "--quiet", *extra])
    return {f: list(csv.DictReader(open(os.path.join(out, f))))
            for f in os.listdir(out) if f.endswith(".csv")}


def g(x, digits=3):
    """x to `digits` significant digits, plain notation."""
    v = float(x)
    if v != v:
        return "–"
    if v == 0:
        return "0"
    if abs(v) >= 10 ** digits:
        return f"{v:.0f}"
    s = f"{v:.{digits}g}"
    if "e" in s:
        s = f"{v:.{max(digits - 1, 0)}f}"
    return s


def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def posterior_table(fit, baseline_rates):
    rows = []
    fitted = {}
    for r in fit["ppc.csv"]:
        if r["fitted"] == "true":
            fitted[r["sector"]] = fitted.get(r["sector"], 0) + 1
    for r in fit["posterior.csv"]:
        if r["parameter"] != "successful_attacks_per_year":
            continue
        rows.append([f"`{r['sector']}`", str(fitted.get(r["sector"], 0)), g(baseline_rates[r["sector"]]),
                     g(r["mean"]), f"{g(r['p05'])}–{g(r['p95'])}", g(float(r["mean"]) / baseline_rates[r["sector"]], 2)])
    rows.sort(key=lambda x: (-int(x[1]), x[0]))
    shared = [[f"`{r['parameter']}`", g(r["mean"]), g(r["sd"]), f"{g(r['p05'])}–{g(r['p95'])}"]
              for r in fit["posterior.csv"] if r["sector"] == "all"]
    return (table(["sector", "rows fitted", "config λ(2026)", "posterior mean", "90% interval", "ratio"], rows)
            + "\n\n" + table(["shared parameter", "mean", "sd", "90% interval"], shared))


def ppc_table(fit):
    rows = [[f"`{r['sector']}`", r["year"], r["observed"], f"{r['p05']}–{r['p95']}", r["p50"], g(r["pit"], 2),
             "yes" if int(r["p05"]) <= int(r["observed"]) <= int(r["p95"]) else "**no**",
             "fitted" if r["fitted"] == "true" else "check"]
           for r in fit["ppc.csv"]]
    return table(["row", "year", "observed", "90% interval", "median", "PIT", "inside", ""], rows)


def hindcast_table(fits):
    rows, total, inside50, inside90 = [], 0, 0, 0
    crps, naive = [], []
    for year, fit in fits:
        for r in fit["hindcast.csv"]:
            if r["sector"] == "*":
                continue
            kind = "sector" if "+" not in r["sector"] and r["sector"] != "all" else "check"
            rows.append([str(year), f"`{r['sector']}`", r["observed"], g(r["naive"]), f"{r['p25']}–{r['p75']}",
                         f"{r['p05']}–{r['p95']}", g(r["pit"], 2), g(r["crps"]), g(r["crps_naive"])])
            if kind == "sector":
                total += 1
                inside50 += int(r["in50"])
                inside90 += int(r["in90"])
                if r["naive"] != "NaN":
                    crps.append(float(r["crps"]))
                    naive.append(float(r["crps_naive"]))
    text = table(["holdout", "row", "observed", "naive", "50% interval", "90% interval", "PIT", "CRPS", "naive CRPS"], rows)
    text += (f"\n\nOver the {total} sector rows of both hindcasts: **{inside90} of {total}** inside their 90% interval, "
             f"**{inside50} of {total}** inside their 50% interval; mean CRPS **{g(sum(crps) / len(crps))}** against "
             f"**{g(sum(naive) / len(naive))}** for the naive forecast (over the {len(crps)} rows that have one).")
    return text


def calibration_results(ctx, old):
    baseline_rates = {}
    full = calibrate(ctx, "calibration-full")
    for line in ctx.tool.dump_text().splitlines():
        line = line.strip()
        if line.startswith("- id: "):
            sector = line[6:]
        if line.startswith("threat: {attacks_per_year: {pert: ["):
            lo, mode, hi = (float(v) for v in line.split("[")[1].split("]")[0].split(","))
            p = float(line.split("success_probability: ")[1].split(",")[0])
            baseline_rates[sector] = (lo + 4 * mode + hi) / 6 * p
    h2022 = calibrate(ctx, "calibration-h2022", "--holdout-year", "2022")
    h2023 = calibrate(ctx, "calibration-h2023", "--holdout-year", "2023")
    return "\n\n".join([
        "#### Posterior (all years fitted)\n\n" + posterior_table(full, baseline_rates),
        "#### Posterior predictive check (all years fitted)\n\n" + ppc_table(full),
        "#### Hindcasts (fitted on the years before the holdout year)\n\n" + hindcast_table([(2022, h2022), (2023, h2023)]),
    ])


SECTIONS = {"calibration-results": calibration_results}
