"""The tail's generated sections: docs/parameters.md §2.1 (the start-year return periods and the
tail targets) and §5.5 (the event catalogue's values, with their hand-written labels and
sources), docs/events.md §3 (the shipped classes), §4 (the replays) and §5 (which classes drive
the tail). The computations are scripts/tail_calibration.py's; the values come from the decoder
(`cyberrisk config --dump`), `cyberrisk stress --event` replays and one seeded start-year run.

A failed tail target or a replay outside a factor of 3 without an explanation fails the check
(the section raises): a documented target is a kept promise, not a table of whatever came out.
"""
import os
import sys

from markdown import Table, code, flow, sig

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import tail_calibration  # noqa: E402  (scripts/)

# The start-year tail run: 320 blocks of 1,024 trials, so each of the 32 batches holds 10,240
# trials and the 1-in-1000 figures are resolved (ReturnPeriod's rule: >= 10 x T per batch).
TAIL_TRIALS = 327_680
TAIL_SEED = 2026


def config(ctx):
    return ctx.tool.dump()


def tail(ctx):
    """(return periods by T, event-class rows, the Business Blackout replay's loss) of the run."""
    if "tail" not in ctx.cache:
        binary = ctx.tool.binary
        blackout = tail_calibration.blackout_loss(binary)
        rp, classes = tail_calibration.tail_run(binary, TAIL_TRIALS, TAIL_SEED)
        ctx.cache["tail"] = (rp, classes, blackout)
    return ctx.cache["tail"]


def targets(ctx, old):
    rp, classes, blackout = tail(ctx)
    table, _, failures = tail_calibration.tail_tables(rp, classes, blackout, TAIL_TRIALS, TAIL_SEED)
    if failures:
        raise ValueError(f"parameters-tail-targets: {failures} tail target(s) fail:\n{table}")
    return table


def drivers(ctx, old):
    rp, classes, blackout = tail(ctx)
    return tail_calibration.tail_tables(rp, classes, blackout, TAIL_TRIALS, TAIL_SEED)[1]


def replays(ctx, old):
    table, failures = tail_calibration.replays(ctx.tool.binary, config(ctx))
    if failures:
        raise ValueError(f"events-replays: {failures} replay(s) outside a factor of 3:\n{table}")
    return table


def _footprint(fp, ids):
    """`sector p` (or `sector p, k`) in the order of the sectors, the most probable first."""
    rows = []
    for sector, v in fp.items():
        p, k = (v["probability"], v.get("severity_scale", 1)) if isinstance(v, dict) else (v, 1)
        rows.append((-tail_calibration.parameter_mean(p), ids.index(sector), sector, p, k))
    rows.sort()
    return ", ".join(f"{s} {flow(p)}" + (f" (k {flow(k)})" if k != 1 else "") for _, _, s, p, k in rows)


def _frequency(e):
    scaling = e.get("scaling") or {}
    parts = [code(e["frequency"])]
    if tail_calibration.parameter_mean(scaling.get("iot_elasticity", 0)) != 0:
        parts.append(f"× (D(t)/D(0))^{flow(scaling['iot_elasticity'])}")
    hub = scaling.get("hub")
    if hub:
        parts.append(f"× (d_{hub['sector']}(t)/d(0))^{flow(hub['elasticity'])}")
    if tail_calibration.parameter_mean(scaling.get("climate_elasticity", 0)) != 0:
        parts.append(f"× F(t)^{flow(scaling['climate_elasticity'])}")
    return " ".join(parts)


def _dependence(e):
    dep = e.get("dependence", "shared")
    return "shared" if dep == "shared" else f"common factor σ {flow(dep['common_factor'])}"


def catalogue(ctx, old):
    """events.md §3: one row per shipped class; the instances column is hand-written."""
    d = config(ctx)
    ids = [s["id"] for s in d["sectors"]]
    t = Table(["class", "instances", "events a year", "footprint (hit probability at `d = 1`; `k` severity scale)",
               "severity of one event (`X`)", "dependence"], keep=("instances",))
    for e in d["events"]:
        t.add(f"`{e['id']}`", "", _frequency(e), _footprint(e.get("footprint") or {}, ids), code(e["severity"]),
              _dependence(e))
    return t.render(old)


def events(ctx, old):
    """parameters.md §5.5: every catalogue value by field, with the kept label and source."""
    d = config(ctx)
    ids = [s["id"] for s in d["sectors"]]
    t = Table(["field", "value", "label", "source / derivation"], keep=("label", "source / derivation"))
    for e in d["events"]:
        key = f"`events.{e['id']}`"
        t.add(f"{key} frequency", _frequency(e), "", "")
        t.add(f"{key} footprint", _footprint(e.get("footprint") or {}, ids), "", "")
        t.add(f"{key} severity", f"{code(e['severity'])}; {_dependence(e)}", "", "")
    climate = d["scenario"]["threat_climate"]
    t.add("`scenario.threat_climate`", code(climate), "", "")
    return t.render(old)


def botnet_class(cfg):
    """The `iot_botnet` class of the resolved config."""
    return next(e for e in cfg["events"] if e["id"] == "iot_botnet")


SECTIONS = {
    "parameters-tail-targets": targets,
    "parameters-events": events,
    "events-catalogue": catalogue,
    "events-replays": replays,
    "events-drivers": drivers,
}
