"""The uncertainty budget's generated sections (docs/uncertainty.md, README "Sensitivity
analysis"): the groups of configs/sweeps/uncertainty-budget.yaml, the ranked total indices of the
full run and the variance its top inputs remove (both from the data `scripts/uncertainty_budget.py`
commits under docs/data/uncertainty-budget/, checked here for format and for matching the shipped
spec's inputs), and a reduced seeded run of the same spec made now (its figures are noise at
N = 2; it shows that the spec, the grouped design and the tail outputs run end to end).
"""
import csv
import json
import os
import random

import yaml

from markdown import Table, sig

SPEC = os.path.join("configs", "sweeps", "uncertainty-budget.yaml")
DATA = os.path.join("docs", "data", "uncertainty-budget")
YEAR = 2035
# (metric in sensitivity.csv, column title)
COLUMNS = [("economic_loss_usd_bn", "economic loss, mean"), ("economic_loss_usd_bn_aep200", "economic loss, 1-in-200"),
           ("national_risk", "national risk, mean"), ("national_risk_aep200", "national risk, 1-in-200"),
           ("human_risk", "human risk, mean")]
SENSITIVITY_HEADER = ["year", "metric", "parameter", "S1", "S1_lo", "S1_hi", "ST", "ST_lo", "ST_hi"]
NOISE_HEADER = ["year", "metric", "variance", "noise_variance", "noise_share"]
SPREAD_HEADER = ["year", "metric", "points", "variance", "noise_variance", "p05", "p50", "p95"]
# The reduced run of `make test`: N = 2 base rows, 16 trials a point.
REDUCED_SAMPLES, REDUCED_TRIALS = 2, 16


def spec(ctx):
    if "budget-spec" not in ctx.cache:
        with open(os.path.join(ctx.repo, SPEC)) as f:
            ctx.cache["budget-spec"] = yaml.safe_load(f)
    return ctx.cache["budget-spec"]


def inputs(s):
    """The spec's inputs in design order: groups and ungrouped parameters by first appearance."""
    owner = {p: g for g, members in (s.get("groups") or {}).items() for p in members}
    out = []
    for p in s["parameters"]:
        name = owner.get(p, p)
        if name not in out:
            out.append(name)
    return out


def read_csv(path, header):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    if not rows or rows[0] != header:
        raise ValueError(f"{path}: expected the header {','.join(header)}, found {','.join(rows[0]) if rows else 'nothing'}")
    return [dict(zip(header, r)) for r in rows[1:]]


def load(ctx, folder, expected):
    """A committed run: its indices {(metric, input): (ST, lo, hi)} in YEAR, its noise shares, its
    spread and run.json, after checking the format and that its inputs are `expected`."""
    base = os.path.join(ctx.repo, DATA, folder)
    with open(os.path.join(base, "run.json")) as f:
        run = json.load(f)
    rows = read_csv(os.path.join(base, "sensitivity.csv"), SENSITIVITY_HEADER)
    st = {(r["metric"], r["parameter"]): tuple(float(r[k]) for k in ("ST", "ST_lo", "ST_hi"))
          for r in rows if int(r["year"]) == YEAR}
    for metric, _ in COLUMNS:
        found = [p for (m, p) in st if m == metric]
        if found != expected:
            raise ValueError(f"{DATA}/{folder}/sensitivity.csv: the {YEAR} {metric} inputs {found} are not the spec's {expected}: "
                             f"re-run {run.get('command', 'scripts/uncertainty_budget.py')}")
    noise = {r["metric"]: float(r["noise_share"]) for r in read_csv(os.path.join(base, "sensitivity_noise.csv"), NOISE_HEADER)
             if int(r["year"]) == YEAR}
    spread = {r["metric"]: {k: float(r[k]) for k in SPREAD_HEADER[2:]}
              for r in read_csv(os.path.join(base, "spread.csv"), SPREAD_HEADER) if int(r["year"]) == YEAR}
    return st, noise, spread, run


def interval(v):
    value, lo, hi = v
    return f"{sig(value, 2)} [{sig(lo, 2)}, {sig(hi, 2)}]"


def ranked(st, names):
    """`names` by their mean ST over the COLUMNS, largest first."""
    return sorted(names, key=lambda n: -sum(st[(m, n)][0] for m, _ in COLUMNS) / len(COLUMNS))


def budget_table(st, noise, names):
    table = Table(["rank", "input"] + [f"ST: {title}" for _, title in COLUMNS])
    for r, name in enumerate(ranked(st, names)):
        table.add(r + 1, f"`{name}`", *[interval(st[(m, name)]) for m, _ in COLUMNS])
    table.add("", "inner-noise share η", *[sig(noise[m], 2) if noise[m] == noise[m] else "n/a (T < 2,048: one batch)"
                                           for m, _ in COLUMNS])
    return table.render()


def caption(run):
    m = run["manifest"]
    return (f"From the committed full run (`{run['command']}`; seed {m['seed']}, {m['points']} points × "
            f"{m['trials']} trials, {run['wall_seconds']} s on {run['threads']} threads; spec hash {m['spec_hash']}). "
            f"ST in {YEAR} with bootstrap 95 % intervals, ranked by the mean ST of the five outputs.")


# Inputs that act on human risk only: their ST on economic loss and national risk is the noise floor.
INERT = ["implant_growth", "personal_compromise"]


def batches(run):
    """The batch means behind a committed run's tail standard errors: one per block of 1,024 trials."""
    return run["manifest"]["trials"] // 1024


def noise_floor(st, noise, names, run):
    """A sentence on the inert inputs' ST in the tail columns: the floor below which those indices are noise."""
    inert = [n for n in INERT if n in names]
    if not inert:
        return ""
    tail = [m for m, _ in COLUMNS if m.endswith("aep200")]
    shown = "; ".join(f"`{n}` " + ", ".join(sig(st[(m, n)][0], 2) for m in tail) for n in inert)
    floor = max(st[(m, n)][0] for m in tail for n in inert)
    eta = max(noise[m] for m in tail)
    comparison = (f"larger than the batch-means η below ({batches(run)} batches of 1,024 trials understate a 1-in-200 "
                  f"level's noise)" if floor > eta else "within the batch-means η below")
    return (f" {' and '.join(f'`{n}`' for n in inert)} act on human risk only, so their ST on the 1-in-200 of economic "
            f"loss and national risk ({shown}) is inner noise: the measured floor of those two columns, {comparison}. "
            f"Tail indices under that floor do not separate from zero in this run.")


def noise_sentence(ctx, old):
    """The committed run's inner-noise shares η of the 2035 outputs (sensitivity_noise.csv)."""
    names = inputs(spec(ctx))
    _, noise, _, run = load(ctx, "full", names)
    m = run["manifest"]

    def shares(suffix):
        return " and ".join(f"{100 * noise[f'{metric}{suffix}']:.2g} %" for metric in ("economic_loss_usd_bn", "national_risk"))
    s = spec(ctx)
    points = s["samples"] * (len(names) + 2)
    return (f"The shipped spec: `N = {s['samples']}` base rows × ({len(names)} inputs + 2) = {points:,} points × "
            f"{s['trials']:,} trials = {points * s['trials'] / 1e6:.1f} million trials. "
            f"In the committed run (`T = {m['trials']:,}` trials a point, {batches(run)} batches) the batch-means η of "
            f"the {YEAR} 1-in-200 economic loss and national risk is {shares('_aep200')} (1-in-100: {shares('_aep100')}; "
            f"the means: {shares('')}).")


def full_table(ctx, old):
    names = inputs(spec(ctx))
    st, noise, _, run = load(ctx, "full", names)
    return caption(run) + noise_floor(st, noise, names, run) + "\n\n" + budget_table(st, noise, names)


def fixed_table(ctx, old):
    names = inputs(spec(ctx))
    st, _, full, _ = load(ctx, "full", names)
    with open(os.path.join(ctx.repo, DATA, "fixed", "run.json")) as f:
        run_fixed = json.load(f)
    top = ranked(st, names)[:len(run_fixed["fixed"])]
    if sorted(top) != sorted(run_fixed["fixed"]):
        raise ValueError(f"{DATA}/fixed pins {run_fixed['fixed']}, but the budget's top inputs are {top}: re-run "
                         f"scripts/uncertainty_budget.py run --fix {','.join(top)} …")
    kept = [n for n in names if n not in run_fixed["fixed"]]
    _, _, fixed, _ = load(ctx, "fixed", kept)
    table = Table(["output (2035)", "90 % range, all inputs uncertain", "90 % range, pinned", "variance removed [95 % interval]",
                   "ST of the pinned inputs (sum)"])
    points_full, points_fixed = base_points(ctx, "full", len(names)), base_points(ctx, "fixed", len(kept))
    for metric, title in COLUMNS:
        a, b = full[metric], fixed[metric]
        va, vb = a["variance"] - a["noise_variance"], b["variance"] - b["noise_variance"]
        lo, hi = removed_interval(points_full[metric], points_fixed[metric])
        table.add(title, f"{sig(a['p05'], 3)} – {sig(a['p95'], 3)}", f"{sig(b['p05'], 3)} – {sig(b['p95'], 3)}",
                  f"{100 * (1 - vb / va):.0f} % [{100 * lo:.0f} %, {100 * hi:.0f} %]",
                  sig(sum(st[(metric, g)][0] for g in top), 2))
    m = run_fixed["manifest"]
    pinned = ", ".join(f"`{g}`" for g in top)
    return (f"Pin down first: {pinned} — the budget's top {len(top)} inputs by mean ST. Re-run with them pinned at the "
            f"baseline's values (`{run_fixed['command']}`; seed {m['seed']}, "
            f"{m['points']} points × {m['trials']} trials). Ranges: 5–95 % of the {int(a['points'])} and "
            f"{int(b['points'])} A and B points' values (independent draws of the inputs); variance removed "
            f"= 1 − V_pinned / V_all, each V the variance of those points less their mean inner noise se², its interval "
            f"from {RESAMPLES} bootstrap resamples of each run's points (seed {BOOTSTRAP_SEED}). The inputs move the "
            f"outputs by factors, so a variance from {int(a['points'])} points rests on its few largest values and its "
            f"interval is wide. The pinned inputs' summed ST (last column, from the full run) is the share an additive "
            f"model would lose with each pinned at a typical value; the inputs act on the outputs as factors, so pinning "
            f"one at a value below the root mean square of its range (a log range's geometric middle, a PERT's mode) also "
            f"shrinks every other input's effect, and the removed share can exceed that sum: where a user pins an input "
            f"matters as well as that they pin it.\n\n"
            + table.render() + "\n\n" + mean_leaders(st, names))


def mean_leaders(st, names):
    """The inputs that lead the mean outputs and the 1-in-200 ones (the ranking above weighs both)."""
    def top(metric):
        return ", ".join(f"`{n}` ({sig(st[(metric, n)][0], 2)})"
                         for n in sorted(names, key=lambda n: -st[(metric, n)][0])[:3])
    return (f"The leaders by ST in {YEAR} of the mean: economic loss {top('economic_loss_usd_bn')}; national "
            f"risk {top('national_risk')}; human risk {top('human_risk')}. Of the 1-in-200 year: economic loss "
            f"{top('economic_loss_usd_bn_aep200')}; national risk {top('national_risk_aep200')}.")


RESAMPLES, BOOTSTRAP_SEED = 1000, 2026


def base_points(ctx, folder, g):
    """{metric: [(mean, se)]} of the A and B points (independent input draws) of a committed run's YEAR outputs."""
    out = {}
    with open(os.path.join(ctx.repo, DATA, folder, "outputs.csv"), newline="") as f:
        for r in csv.DictReader(f):
            if int(r["year"]) == YEAR and int(r["point"]) % (g + 2) in (0, 1):
                out.setdefault(r["metric"], []).append((float(r["mean"]), float(r["se"])))
    return out


def model_variance(values):
    xs = [x for x, _ in values]
    m = sum(xs) / len(xs)
    return sum((x - m) ** 2 for x in xs) / (len(xs) - 1) - sum(se * se for _, se in values) / len(values)


def removed_interval(full, fixed):
    """2.5 % and 97.5 % points of 1 − V_fixed / V_full over bootstrap resamples of both runs' points."""
    rng = random.Random(BOOTSTRAP_SEED)
    shares = []
    for _ in range(RESAMPLES):
        a = [full[rng.randrange(len(full))] for _ in full]
        b = [fixed[rng.randrange(len(fixed))] for _ in fixed]
        shares.append(1 - model_variance(b) / model_variance(a))
    shares.sort()
    return shares[int(0.025 * RESAMPLES)], shares[int(0.975 * RESAMPLES)]


def groups_table(ctx, old):
    s = spec(ctx)
    owner = {p: g for g, members in (s.get("groups") or {}).items() for p in members}
    table = Table(["input", "parameters", "first parameter's domain"])
    for name in inputs(s):
        members = [p for p in s["parameters"] if owner.get(p, p) == name]
        domain = s["parameters"][members[0]]
        kind, (lo, hi) = next(iter(domain.items()))
        table.add(f"`{name}`", len(members), f"`{members[0]}`: {kind} [{sig(float(lo), 3)}, {sig(float(hi), 3)}]")
    return (f"{len(inputs(s))} inputs over {len(s['parameters'])} parameters; the ranges' sources are the "
            f"spec's comments.\n\n" + table.render())


def reduced_table(ctx, old):
    names = inputs(spec(ctx))
    out = os.path.join(ctx.tool.scratch, "budget-reduced")
    ctx.tool.call(["sensitivity", os.path.join(ctx.repo, SPEC), "--samples", str(REDUCED_SAMPLES), "--trials",
                   str(REDUCED_TRIALS), "--out", out, "--quiet", "--threads", str(ctx.tool.threads)])
    rows = read_csv(os.path.join(out, "sensitivity.csv"), SENSITIVITY_HEADER)
    st = {(r["metric"], r["parameter"]): tuple(float(r[k]) for k in ("ST", "ST_lo", "ST_hi"))
          for r in rows if int(r["year"]) == YEAR}
    noise = {r["metric"]: float(r["noise_share"])
             for r in read_csv(os.path.join(out, "sensitivity_noise.csv"), NOISE_HEADER) if int(r["year"]) == YEAR}
    for metric, _ in COLUMNS:
        if [p for (m, p) in st if m == metric] != names:
            raise ValueError(f"the reduced budget run's {metric} inputs differ from the spec's {names}")
    points = REDUCED_SAMPLES * (len(names) + 2)
    return (f"`cyberrisk sensitivity {SPEC} --samples {REDUCED_SAMPLES} --trials {REDUCED_TRIALS}` (seed "
            f"{spec(ctx)['seed']}, {points} points × {REDUCED_TRIALS} trials; rerun by `make test`). With N = "
            f"{REDUCED_SAMPLES} these indices are noise: the table checks that the pipeline runs, not the figures.\n\n"
            + budget_table(st, noise, names))


SECTIONS = {
    "uncertainty-groups": groups_table,
    "uncertainty-budget": full_table,
    "uncertainty-fixed": fixed_table,
    "uncertainty-reduced": reduced_table,
    "uncertainty-noise": noise_sentence,
    "readme-uncertainty-budget": full_table,
}
