"""The workload shapes of the peer table (Benchmarks/peers/peer_table.py, `make bench-peer`) and
of the roofline (Benchmarks/peers/roofline.py): realistic scenarios whose hot loops differ, so
that a speed-up on one of them is not mistaken for a speed-up on all.

A shape is a name, a one-line description, the fraction of `--trials` it runs, and the config
arguments that make it from the embedded baseline (`--set` overrides, or a config file written
into the run's scratch folder). `cyberrisk config ARGS` resolves it, and the tool and both peers
read that one resolved config.

| shape | what differs from the baseline | what it stresses |
|---|---|---|
| default | nothing | ~350 tiny Beta(alpha < 1) severities per trial-year (BetaSum chunks), per-trial solve |
| few-attacks | digital-growth rates uncertain (PERT +-50%), coupling fixed at 0.5, 1-3 successful attacks per sector-year (attacks_per_year PERT(1, 2, 3), success 1) with Beta(1.6, 38) severities, botnet on, linear cascade | Poisson draws, Beta(alpha > 1) draws (two gammas each), logistic growth per sector, a solve per trial-year |
| saturating | cascade.mode saturating, coupling U(0.9, 1.4) | the fixed-point iteration per trial-year |
| sectors-64 | four regions x 16 sectors, A = kron(B, a) with B = 0.7 I + 0.1 (J - I), attack rates and outputs / 4, event footprints over all regions | N = 64: LAPACK solve per trial-year, 4x the sector work |
| events | every event class 10x as frequent (its frequency's distribution scaled), an AR(1) threat climate (sigma 0.5, correlation 0.5) that every class follows (climate_elasticity 1) | ~20 systemic events per trial-year: Poisson per class, footprint hit tests, spliced/lognormal severities (GPD tails), the per-event cascades of the tail accounting |
| dynamic | (pending #16) cascade.mode dynamic | the DIIM recovery iteration |

A pending shape has `requires`: a predicate on the resolved baseline (a dict) that is false until
the tool (and then both peers) implement its mode; the table prints it as pending with the
reason, so the harness is ready and the row appears the day the mode lands (give it its
`args` then).
"""
import os

import numpy as np
import yaml

REGIONS = 4


def _per_sector(ids, path, value):
    return [a for i in ids for a in ("--set", f"sectors.{i}.{path}={value}")]


def few_attacks(base, scratch):
    ids = [s["id"] for s in base["sectors"]]
    args = ["--set", "dependencies.cyber_coupling=0.5"]
    for s in base["sectors"]:
        r = float(s["digital"]["rate"]) if not isinstance(s["digital"]["rate"], dict) else 0.15
        args += ["--set", f"sectors.{s['id']}.digital.rate={{pert: [{0.5 * r:.6g}, {r:.6g}, {1.5 * r:.6g}]}}"]
    args += _per_sector(ids, "threat.attacks_per_year", "{pert: [1, 2, 3]}")
    args += _per_sector(ids, "threat.success_probability", "1")
    args += _per_sector(ids, "severity", "{alpha: 1.6, beta: 38}")
    return args


def saturating(base, scratch):
    return ["--set", "cascade.mode=saturating", "--set", "dependencies.cyber_coupling={uniform: [0.9, 1.4]}"]


def _scaled(value, factor):
    if isinstance(value, dict):
        kind, p = next(iter(value.items()))
        return {kind: [float(x) * factor for x in p]} if isinstance(p, list) else value
    return float(value) * factor


def _regional_event(event):
    """An event class of the baseline over the four regions: a national event, as frequent, that
    hits every region's copy of a footprint sector as it hit the sector; its hub is region 1's."""
    e = yaml.safe_load(yaml.safe_dump(event))
    e["footprint"] = {f"{i}_{r}": v for i, v in (e.get("footprint") or {}).items() for r in range(1, REGIONS + 1)}
    hub = (e.get("scaling") or {}).get("hub")
    if hub is not None:
        hub["sector"] = f"{hub['sector']}_1"
    return e


def sectors_64(base, scratch):
    """Four regions of the 16 sectors: region r's sector i buys 70% of what a_ij says from its own
    region's j and 10% from each other region's (B = 0.7 I + 0.1 (J - I), rows summing to 1, so the
    spectral radius is the baseline's); each region has a quarter of the attacks and the output;
    the event catalogue's footprints cover every region (_regional_event)."""
    ids = [s["id"] for s in base["sectors"]]
    n = len(ids)
    a = np.array(base["dependencies"]["matrix"], float)
    overlay = base["dependencies"].get("lifeline_overlay") or {}
    if overlay.get("enabled", False):
        off = ~np.eye(n, dtype=bool)
        for sector, floor in (overlay.get("floors") or {}).items():
            j = ids.index(sector)
            a[off[:, j], j] = np.maximum(a[off[:, j], j], float(floor))
    b = 0.7 * np.eye(REGIONS) + 0.1 * (np.ones((REGIONS, REGIONS)) - np.eye(REGIONS))
    big = np.kron(b, a)
    cfg = {k: v for k, v in base.items() if k not in ("sectors", "dependencies", "human_security", "extends")}
    sectors = []
    for r in range(1, REGIONS + 1):
        for s in base["sectors"]:
            t = yaml.safe_load(yaml.safe_dump(s))
            t["id"], t["name"] = f"{s['id']}_{r}", f"{s['name']} (region {r})"
            t["output_usd_bn"] = float(s["output_usd_bn"]) / REGIONS
            t["threat"]["attacks_per_year"] = _scaled(s["threat"]["attacks_per_year"], 1 / REGIONS)
            sectors.append(t)
    cfg["name"], cfg["description"] = "sectors-64", "the baseline as four regions of 16 sectors"
    cfg["sectors"] = sectors
    deps = {k: v for k, v in base["dependencies"].items() if k not in ("matrix", "csv", "source", "lifeline_overlay")}
    deps["matrix"] = big.round(12).tolist()
    cfg["dependencies"] = deps
    hs = yaml.safe_load(yaml.safe_dump(base["human_security"]))
    hs["dimensions"] = {name: {f"{i}_{r}": w for i, w in table.items() for r in range(1, REGIONS + 1)}
                        for name, table in (hs.get("dimensions") or {}).items()}
    cfg["human_security"] = hs
    cfg["events"] = [_regional_event(e) for e in base.get("events") or []]
    path = os.path.join(scratch, "sectors-64.yaml")
    with open(path, "w", encoding="utf-8") as f:
        yaml.safe_dump(cfg, f, sort_keys=False)
    return [path]


EVENT_FREQUENCY_FACTOR = 10
CLIMATE_SIGMA, CLIMATE_CORRELATION = 0.5, 0.5


def events(base, scratch):
    """The catastrophe-event mode: the default catalogue with every class EVENT_FREQUENCY_FACTOR
    times as frequent (a distribution's parameters scaled), and a threat climate that every class
    follows (climate_elasticity 1), so that bad years bring more events everywhere at once. Written
    as a config file (the resolved baseline, edited): `--set` reaches only the fields the embedded
    default writes for a class, and most default classes leave climate_elasticity out."""
    cfg = yaml.safe_load(yaml.safe_dump(base))
    cfg.pop("extends", None)
    cfg["name"], cfg["description"] = "events", "the baseline with a 10x event catalogue and a threat climate"
    cfg["scenario"]["threat_climate"] = {"sigma": CLIMATE_SIGMA, "correlation": CLIMATE_CORRELATION}
    for e in cfg["events"]:
        e["frequency"] = _scaled(e["frequency"], EVENT_FREQUENCY_FACTOR)
        e["scaling"] = dict(e.get("scaling") or {}, climate_elasticity=1)
    path = os.path.join(scratch, "events.yaml")
    with open(path, "w", encoding="utf-8") as f:
        yaml.safe_dump(cfg, f, sort_keys=False)
    return [path]


def _dynamic(base):
    return False   # becomes a check of the resolved schema once #16 adds cascade.mode dynamic


# name, description, fraction of --trials, args(base, scratch) -> config args, requires(base) or None
SHAPES = [
    ("default", "the embedded baseline", 1.0, lambda base, scratch: [], None),
    ("few-attacks", "uncertain growth rates, fixed coupling, 1-3 Beta(1.6, 38) attacks per sector-year, botnet on, linear",
     1.0, few_attacks, None),
    ("saturating", "saturating cascade, uncertain coupling U(0.9, 1.4)", 0.5, saturating, None),
    ("sectors-64", "N = 64: four regions of the 16 sectors", 0.25, sectors_64, None),
    ("events", f"event catalogue {EVENT_FREQUENCY_FACTOR}x as frequent, threat climate sigma {CLIMATE_SIGMA} followed by every class",
     0.5, events, None),
    ("dynamic", "dynamic recovery cascade (issue 16)", 1.0, None, _dynamic),
]


def shape_names():
    return [s[0] for s in SHAPES]


def main(argv=None):
    """`python3 Benchmarks/peers/shapes.py SHAPE [--tool PATH]`: the resolved config of SHAPE on
    stdout (to run, profile or edit it: `cyberrisk run that.yaml`)."""
    import argparse
    import subprocess
    import sys
    import tempfile
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description="prints the resolved config of a workload shape")
    p.add_argument("shape", choices=[s[0] for s in SHAPES if s[3] is not None])
    p.add_argument("--tool", default=os.path.join(os.path.dirname(os.path.dirname(here)), ".build", "release", "cyberrisk"))
    args = p.parse_args(argv)
    config = lambda *a: subprocess.run([args.tool, "config", *a], check=True, capture_output=True, text=True).stdout
    base = yaml.safe_load(config())
    make_args = next(s[3] for s in SHAPES if s[0] == args.shape)
    with tempfile.TemporaryDirectory() as scratch:
        sys.stdout.write(config(*make_args(base, scratch)))


if __name__ == "__main__":
    main()
