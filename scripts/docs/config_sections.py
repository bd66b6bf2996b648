"""docs/config.md: the default column of every field table, from the resolved configuration the
decoder produces (`cyberrisk config --dump`: the embedded baseline for the defaults, a config
with one non-default sector for the generic sector defaults, and one with a minimal event class for
the defaults of an event class). The type, unit and range columns
are hand-written and kept; every field of the dump must have a row and every row must be a field."""
from markdown import Table, code, flow

GENERIC_CONFIG = "sectors:\n  - {id: generic_sector}\ndependencies: {matrix: [[0]]}\n"
FIELD_TABLE = ["field", "type", "unit", "range", "default"]
KEEP = ("type", "unit", "range")


def leaves(tree, prefix=""):
    """Dotted paths of the leaf values of a mapping; distributions ({pert: […]}) are leaves."""
    out = {}
    for k, v in tree.items():
        path = f"{prefix}{k}"
        if isinstance(v, dict) and v and k not in OPEN_TABLES and not (len(v) == 1 and next(iter(v)) in DISTRIBUTIONS):
            out.update(leaves(v, path + "."))
        else:
            out[path] = v
    return out


DISTRIBUTIONS = ("uniform", "triangular", "pert", "lognormal", "normal")
# Mappings whose keys are data (sector ids, dimension names), documented as one field.
OPEN_TABLES = ("floors", "dimensions")


def field_table(old, rows):
    """The table of `rows` [(field path, default text)], keeping the other columns of `old`."""
    t = Table(FIELD_TABLE, keep=KEEP)
    for path, default in rows:
        t.add(f"`{path}`", "", "", "", default)
    return t.render(old)


def check_coverage(section, documented, fields):
    missing = sorted(set(fields) - set(documented))
    unknown = sorted(set(documented) - set(fields))
    if missing or unknown:
        raise ValueError(f"{section}: fields without a row {missing}; rows that are no field {unknown}")


def top_level(ctx, old):
    d = ctx.tool.dump()
    sectors = len(d["sectors"])
    text = {"sectors": f"the {sectors} default sectors", "dependencies": "see below", "cascade": "see below",
            "scenario": "see below", "human_security": "see below", "calibration": "see below",
            "events": f"the {len(d['events'])} classes of `configs/baseline.yaml` (see below)",
            "name": f"the config file's name without its extension (`my-run.yaml` → `my-run`); "
                    f"{code(d['name'])} for the embedded default"}
    rows = [("extends", "none")]
    for key, value in d.items():
        rows.append((key, text.get(key, code(value) if isinstance(value, str) else flow(value))))
    rows += [(key, default) for key, default in OPTIONAL_TOP_LEVEL if key not in d]
    return field_table(old, rows)


# Optional fields the resolved dump leaves out when a config does not give them (so the hash of a
# config without them is unchanged), with the meaning of their absence.
OPTIONAL_TOP_LEVEL = [("tolerances", "none")]
OPTIONAL_SCENARIO = [("defense.cost_usd_bn_per_year", "none (not stated)")]


def sector(ctx, old):
    generic = ctx.tool.dump(config=ctx.tool.write("generic.yaml", GENERIC_CONFIG))["sectors"][0]
    fields = leaves(generic)
    check_coverage("config-sector", fields, leaves(ctx.tool.dump()["sectors"][0]))
    t = Table(["field", "type", "unit", "range", "generic default"], keep=KEEP)
    for path, value in fields.items():
        default = {"id": "required", "name": "the id"}.get(path, flow(value))
        t.add(f"`{path}`", "", "", "", default)
    return t.render(old)


def default_sectors(ctx, old):
    ids = [s["id"] for s in ctx.tool.dump()["sectors"]]
    return (f"The {len(ids)} default sectors ({', '.join(f'`{i}`' for i in ids)}) take every field from "
            "`configs/baseline.yaml`; their values and sources are the generated tables of "
            "[`parameters.md`](parameters.md) §4–5.")


def dependencies(ctx, old):
    d = ctx.tool.dump()["dependencies"]
    n = len(d["matrix"])
    overlay = d["lifeline_overlay"]
    rows = [("matrix", f"the baseline's {n}×{n} matrix, from `{d['source']}`"),
            ("csv", "none (the baseline's matrix is read from `source` and put inline)"),
            ("source", f"`{d['source']}`; set from `csv`"),
            ("lifeline_overlay.enabled", code(overlay["enabled"])),
            ("lifeline_overlay.floors", code(overlay["floors"])),
            ("cyber_coupling", code(d["cyber_coupling"]))]
    check_coverage("config-dependencies", [p for p, _ in rows],
                   ["matrix", "csv", "source"] + [p for p in leaves(d) if p not in ("matrix", "source")])
    return field_table(old, rows)


def subtree_table(ctx, old, key):
    fields = leaves(ctx.tool.dump()[key])
    return field_table(old, [(p, code(v) if isinstance(v, (dict, str)) else flow(v)) for p, v in fields.items()])


def cascade(ctx, old):
    return subtree_table(ctx, old, "cascade")


def scenario(ctx, old):
    fields = leaves(ctx.tool.dump()["scenario"])
    rows = [(p, code(v) if isinstance(v, (dict, str)) else flow(v)) for p, v in fields.items()]
    rows += [(p, default) for p, default in OPTIONAL_SCENARIO if p not in fields]
    return field_table(old, rows)


def calibration(ctx, old):
    return subtree_table(ctx, old, "calibration")


# A minimal event class: only what the decoder cannot default (`events` checks that it refuses a
# class without any one of them).
GENERIC_EVENT = {"id": "generic_event", "frequency": 1, "footprint": {"generic_sector": 0.5},
                 "severity": {"alpha": 1, "beta": 9}}
# Fields of a class whose value is one documented thing (sectors, a severity, a hub, a dependence).
EVENT_LEAVES = ("footprint", "severity", "hub", "dependence")
# Optional fields the dump leaves out when a class does not give them, with their absence's meaning
# and the field they follow in the dump of a class that gives them.
OPTIONAL_EVENT = [("scaling.hub", "none", "scaling.iot_elasticity")]


def event_config(event):
    """The generic one-sector config with the single class `event` (a mapping), as YAML text."""
    return GENERIC_CONFIG + "events:\n  - " + flow(event) + "\n"


def event_leaves(event, prefix=""):
    """Dotted paths of a class's fields, as documented: the `EVENT_LEAVES` mappings are one field."""
    out = {}
    for k, v in event.items():
        if isinstance(v, dict) and k not in EVENT_LEAVES and not (len(v) == 1 and next(iter(v)) in DISTRIBUTIONS):
            out.update(event_leaves(v, f"{prefix}{k}."))
        else:
            out[f"{prefix}{k}"] = v
    return out


def events(ctx, old):
    """config.md `events`: the defaults of a class from the decoder (a config with one minimal class),
    each field of `GENERIC_EVENT` shown as required only if the decoder refuses the class without it."""
    generic = ctx.tool.dump(config=ctx.tool.write("generic-event.yaml", event_config(GENERIC_EVENT)))["events"][0]
    for field in GENERIC_EVENT:
        without = {k: v for k, v in GENERIC_EVENT.items() if k != field}
        error = ctx.tool.refuses(ctx.tool.write(f"generic-event-without-{field}.yaml", event_config(without)))
        if error is None or f"events[0].{field}: missing field" not in error:
            raise ValueError(f"config-events: a class without `{field}` is not refused as missing it, so the "
                             f"table cannot call it required ({error or 'accepted'})")
    fields = event_leaves(generic)
    shipped = {}
    for e in ctx.tool.dump()["events"]:
        shipped.update(event_leaves(e))
    rows = []
    for path, value in fields.items():
        if path.split(".")[0] in GENERIC_EVENT:
            default = "required"
        elif value == "":
            default = "empty"
        else:
            default = code(value) if isinstance(value, (dict, str)) else flow(value)
        rows.append((path, default))
    for path, default, after in OPTIONAL_EVENT:
        if path not in fields:
            rows.insert([p for p, _ in rows].index(after) + 1, (path, default))
    check_coverage("config-events", [p for p, _ in rows], set(fields) | set(shipped) | {p for p, *_ in OPTIONAL_EVENT})
    return field_table(old, rows)


def human_security(ctx, old):
    h = ctx.tool.dump()["human_security"]
    rows = [(f"weights.{k}", flow(v)) for k, v in h["weights"].items()]
    names = list(h["dimensions"])
    rows.append(("dimensions", f"the {len(names)} tables of `baseline.yaml` ({', '.join(names)})"))
    return field_table(old, rows)


SECTIONS = {
    "config-top-level": top_level,
    "config-sector": sector,
    "config-default-sectors": default_sectors,
    "config-dependencies": dependencies,
    "config-cascade": cascade,
    "config-scenario": scenario,
    "config-events": events,
    "config-human-security": human_security,
    "config-calibration": calibration,
}
