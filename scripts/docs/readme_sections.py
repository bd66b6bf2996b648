"""README.md's scenario and analogue tables and docs/analogues.md's results, from seeded runs of
the embedded scenarios."""
import os

from growth import curve_label, defence_label, read_fits
from markdown import Table, fixed


def catalog(ctx):
    """[(name, path relative to the repository)] of `cyberrisk scenarios`, in its order."""
    out = []
    for line in ctx.tool.call(["scenarios"]).splitlines():
        name = line.split()[0]
        for path in (f"configs/{name}.yaml", f"configs/scenarios/{name}.yaml", f"configs/analogues/{name}.yaml"):
            if os.path.exists(os.path.join(ctx.repo, path)):
                out.append((name, path))
                break
        else:
            raise ValueError(f"scenario {name}: no file under configs/")
    return out


def scenarios(ctx, old):
    fits = read_fits(ctx.repo)
    rows = [(n, p) for n, p in catalog(ctx) if not p.startswith("configs/analogues/")]
    runs = {n: ctx.tool.run(n, ctx.trials) for n, _ in rows}
    first, last = runs["baseline"].years[0], runs["baseline"].years[-1]
    t = Table(["name", "file", "IoT", "neural links", "defence (`vulnerability_decline`)",
               f"national_risk {first} → {last}"])
    errors = []
    for name, path in rows:
        d = ctx.tool.dump(name)["scenario"]
        r = runs[name]
        t.add(f"`{name}`", f"`{path}`", curve_label(d["iot"]["devices_bn"], fits, "iot"),
              curve_label(d["neural"]["users"], fits, "neural"),
              defence_label(d["defense"]["vulnerability_decline"]),
              f"{r.stat('national_risk', first):.5f} → {r.stat('national_risk', last):.5f}")
        errors += [r.stat("national_risk", y, "se") for y in (first, last)]
    seeds = sorted({r.seed for r in runs.values()})
    caption = (f"The last column is the mean `national_risk` in {first} → {last} from "
               f"`cyberrisk run --scenario NAME --trials {ctx.trials} --seed {', '.join(map(str, seeds))}` "
               f"({fixed(ctx.trials, 0)} trials, seed {', '.join(map(str, seeds))}; standard errors "
               f"{min(errors):.5f}–{max(errors):.5f}; the same seed gives every scenario the same random numbers):")
    return caption + "\n\n" + t.render()


def analogue_runs(ctx):
    names = [n for n, p in catalog(ctx) if p.startswith("configs/analogues/")]
    return names, {n: ctx.tool.run(n, ctx.analogue_trials, seed=ctx.analogue_seed) for n in names}


def analogues(ctx, old):
    names, runs = analogue_runs(ctx)
    paths = dict(catalog(ctx))
    t = Table(["name", "file", "setting", "mean national_risk"], keep=("setting",))
    for n in names:
        r = runs[n]
        t.add(f"`{n}`", f"`{paths[n]}`", "", f"{r.stat('national_risk', r.years[0]):.4f}")
    return (f"Historical analogues (one year, seven sectors of a small state, the same DDoS-style threat, "
            f"differing only in digital dependence; see [docs/analogues.md](docs/analogues.md); "
            f"`cyberrisk run --scenario NAME --trials {ctx.analogue_trials} --seed {ctx.analogue_seed}`, "
            f"{fixed(ctx.analogue_trials, 0)} trials, seed {ctx.analogue_seed}):\n\n" + t.render(old))


def analogue_results(ctx, old):
    names, runs = analogue_runs(ctx)
    a, b = (runs[n] for n in names)
    t = Table(["metric", f"`{names[0]}`", f"`{names[1]}`", "ratio"])
    errors = []
    for metric in ("national_risk", "services_deprivation"):
        x, y = (r.stat(metric, r.years[0]) for r in (a, b))
        errors += [r.stat(metric, r.years[0], "se") for r in (a, b)]
        t.add(f"`{metric}`", f"{x:.4f}", f"{y:.4f}", f"{x / y:.1f} ×")
    return (f"Means from `cyberrisk run --scenario NAME --trials {ctx.analogue_trials} --seed {ctx.analogue_seed}` "
            f"({fixed(ctx.analogue_trials, 0)} trials, seed {ctx.analogue_seed} for both, as the test; standard "
            f"errors at most {max(errors):.5f}):\n\n" + t.render())


SECTIONS = {
    "readme-scenarios": scenarios,
    "readme-analogues": analogues,
    "analogues-results": analogue_results,
}
