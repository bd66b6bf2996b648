#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (scripts/fuzz/corpus/<target>/seed-*) from
configs/ and from hand-written broken examples; the state, journal and comparison seeds come
from real files (STATE, JOURNAL: a small `cyberrisk run`'s state.bin and `cyberrisk sweep`'s
journal; COMPARE: the folder of a small `cyberrisk compare` whose base has tolerances, for its
comparison.bin and its base's format-4 state.bin).
Input formats are those of Tests/FuzzTests/ReaderFuzzTarget.swift.
Usage: make_seeds.py STATE JOURNAL COMPARE BASE_NAME [GROUPED_JOURNAL]
GROUPED_JOURNAL: a small grouped `cyberrisk sensitivity` journal (format 2; e.g. the spec of the
`groups` sweepspec seed with set: ["horizon_years=2"], --samples 2 --trials 1).
       make_seeds.py report CYBERRISK
writes only the `report` target's seeds (report_seeds.py), from small runs of the binary CYBERRISK
(e.g. .build/release/cyberrisk)."""
import json
import os
import sys

import yaml

if __name__ == "__main__" and len(sys.argv) == 3 and sys.argv[1] == "report":
    import report_seeds
    report_seeds.main(sys.argv[2])
    sys.exit(0)

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
CORPUS = os.path.join(ROOT, "scripts", "fuzz", "corpus")


def read(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        return f.read()


def write(target, name, data):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "seed-" + name), "wb") as f:
        f.write(data)


def parts(*items):
    return b"\0".join(items)


deps = read("configs/data/dependencies_bea2023.csv")
baseline = read("configs/baseline.yaml").replace(b"data/dependencies_bea2023.csv", b"deps.csv")
small = b"""horizon_years: 2
trials: 300
sectors:
  - {id: energy, criticality: 1, population_reliance: 0.9, output_usd_bn: 100, digital: {initial: 0.5, ceiling: 0.9, rate: 0.1}, threat: {attacks_per_year: 20, success_probability: 0.1, iot_elasticity: 0.5}, severity: {alpha: 0.08, beta: 400}}
  - {id: water_wastewater, criticality: 0.8, population_reliance: 0.9, output_usd_bn: 50, digital: {initial: 0.5, ceiling: 0.9, rate: 0.1}, threat: {attacks_per_year: 20, success_probability: 0.1, iot_elasticity: 0.5}, severity: {alpha: 0.08, beta: 400}}
dependencies:
  csv: deps.csv
  lifeline_overlay: {enabled: false}
human_security:
  dimensions:
    economic: {energy: 1}
    food: {water_wastewater: 1}
    health: {water_wastewater: 1}
    environmental: {water_wastewater: 1}
    personal: {energy: 1}
    community: {energy: 1}
    political: {energy: 1}
"""
small_csv = b"sector,energy,water_wastewater\nenergy,0,0.1\nwater_wastewater,0.2,0\n"

# config: document \0 parent.yaml \0 deps.csv \0 --set ...
write("config", "baseline", parts(baseline, b"", deps))
write("config", "small", parts(small, b"", small_csv))
write("config", "small-json", parts(json.dumps(yaml.safe_load(small)).encode(), b"", small_csv))
write("config", "small-set", parts(small, b"", small_csv, b"trials=5", b"sectors[1].criticality=0.5",
                                   b"cascade.mode=saturating", b"scenario.iot.devices_bn.rate={pert: [0.1, 0.16, 0.2]}"))
for name in sorted(os.listdir(os.path.join(ROOT, "configs", "scenarios"))):
    doc = read("configs/scenarios/" + name).replace(b"../baseline.yaml", b"parent.yaml")
    write("config", "scenario-" + name, parts(doc, baseline, deps))
for name in sorted(os.listdir(os.path.join(ROOT, "configs", "analogues"))):
    write("config", "analogue-" + name, parts(read("configs/analogues/" + name), b"", deps))
tail = b"""shared:
  wave: {lognormal: {median: 1, sigma: 0.4}}
  double_wave: {shared: wave, scale: 2}
scenario:
  threat_climate: {sigma: 0.3, correlation: 0.5}
events:
  - id: outage
    description: a shared-draw class with a hub
    frequency: {shared: wave, scale: 0.5}
    scaling: {iot_elasticity: 1, hub: {sector: energy, elasticity: 1}, climate_elasticity: 1}
    footprint: {energy: 0.9, water_wastewater: {probability: 0.5, severity_scale: 0.5}}
    severity: {spliced: {body: {lognormal: {median: 0.0001, sigma: 1}}, threshold: 0.001, tail_probability: 0.2, scale: 0.002, shape: 0.6}}
    dependence: shared
  - id: wiper
    frequency: 0.2
    footprint: {energy: 1, water_wastewater: 1}
    severity: {gpd: {threshold: 0, scale: 0.001, shape: 0.5}}
    dependence: {common_factor: 1}
"""
families = b"""  - {id: energy, severity: {lognormal: {median: 0.001, sigma: 1.2}}}
  - {id: water_wastewater, severity: {spliced: {body: {alpha: 0.5, beta: 200}, threshold: 0.01, tail_probability: 0.05, scale: 0.01, shape: 0.5}}}
"""
write("config", "events-shared", parts(small + tail, b"", small_csv, b"events.wiper.frequency=0.4",
                                       b"shared.extra={pert: [1, 2, 3]}"))
families_doc = small.split(b"sectors:\n")[0] + b"sectors:\n" + families + b"dependencies:" + small.split(b"dependencies:")[1]
write("config", "severity-families", parts(families_doc, b"", small_csv))
write("config", "events-broken", parts(b"""shared: {a: {shared: b}, b: {shared: a}, c: {shared: nowhere}}
events:
  - {id: grid_attack, frequncy: 1, footprint: {enrgy: 2}, severity: {gpd: {threshold: 0, scale: 0.01, shape: 1.2}}}
  - {id: x, frequency: {shared: a}, footprint: {energy: 1}, severity: {spliced: {body: {alpha: 5, beta: 50}, threshold: 1.5, tail_probability: 0.1, scale: 0.1, shape: -1}}}
scenario: {botnet: {events_per_bn_devices: 0.1}}
""", b"", deps))
write("config", "extends-cycle", parts(b"extends: parent.yaml\n", b"extends: fuzz.yaml\n"))
write("config", "billion-laughs", b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
      b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
      b"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
      b"g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n")
write("config", "deep", b"a: " + b"[" * 100 + b"]" * 100 + b"\n")
write("config", "tags", b"trials: !!float 1e300\nseed: !custom 3\n")
write("config", "huge-numbers", parts(small.replace(b"trials: 300", b"trials: 9223372036854775807"), b"", small_csv,
                                      b"seed=18446744073709551616", b"horizon_years=-1"))

# csv
write("csv", "bea2023", deps)
write("csv", "bea2017", read("configs/data/dependencies_bea2017.csv"))
write("csv", "small", small_csv)
write("csv", "broken", b"\xef\xbb\xbfsector,a,a,\r\n# c\n\"a\",nan,-1,x\nb,1\n,\n")

# state: first byte 0 = file as is, 1 = checksum appended by the target
state = open(sys.argv[1], "rb").read()
write("state", "fixup", b"\x01" + state[:-8])
write("state", "truncated", b"\x00" + state[:2048])

# comparison: first byte 0 = file as is, 1 = checksum appended by the target; and a state of
# format 4 (with the tolerances' batch means)
compare = sys.argv[3]
comparison = open(os.path.join(compare, "comparison.bin"), "rb").read()
write("comparison", "fixup", b"\x01" + comparison[:-8])
write("comparison", "truncated", b"\x00" + comparison[:len(comparison) // 2])
batched = open(os.path.join(compare, sys.argv[4], "state.bin"), "rb").read()
write("state", "batches-fixup", b"\x01" + batched[:-8])

# journal: first byte 0 = file as is, 1 = frames get checksums from the target
def without_checksums(journal):
    """The journal's magic and frames with each frame's 8-byte checksum removed (the target adds them)."""
    stripped, i = bytearray(journal[:16]), 16
    while i + 16 <= len(journal):
        n = int.from_bytes(journal[i:i + 8], "little")
        stripped += journal[i:i + 8 + n]
        i += 16 + n
    return bytes(stripped)


journal = open(sys.argv[2], "rb").read()
write("journal", "whole", b"\x00" + journal)
write("journal", "fixup", b"\x01" + without_checksums(journal))
write("journal", "torn", b"\x00" + journal[:-5])
if len(sys.argv) > 5:
    grouped = open(sys.argv[5], "rb").read()
    write("journal", "grouped", b"\x00" + grouped)
    write("journal", "grouped-fixup", b"\x01" + without_checksums(grouped))

# sweepspec: spec \0 --vary ...
for name in sorted(os.listdir(os.path.join(ROOT, "configs", "sweeps"))):
    write("sweepspec", name, read("configs/sweeps/" + name))
write("sweepspec", "small-grid", parts(b"trials: 50\ndesign: grid\nparameters:\n  cascade.failure_threshold: {values: [0.01, 0.02]}\n",
                                       b"scenario.iot.personal_share=0.05,0.1"))
write("sweepspec", "sobol", b"design: sobol\nsamples: 8\nscramble: true\ntrials: 10\nparameters:\n"
      b"  scenario.neural.users.ceiling: {log_range: [1e5, 1e8]}\n  scenario.iot.devices_bn.rate: {range: [0.1, 0.3]}\n")
GROUPED = (b"base_scenario: baseline\ndesign: saltelli\nsamples: 4\ntrials: 10\ntail: true\nparameters:\n"
           b"  scenario.iot.devices_bn.rate: {range: [0.1, 0.3]}\n  scenario.iot.devices_bn.ceiling: {range: [50, 120]}\n"
           b"  dependencies.cyber_coupling: {range: [0.2, 0.9]}\n"
           b"groups:\n  iot_growth: [scenario.iot.devices_bn.rate, scenario.iot.devices_bn.ceiling]\n")
write("sweepspec", "groups", GROUPED)
write("sweepspec", "groups-bad", GROUPED + b"  empty: []\n  twice: [dependencies.cyber_coupling, scenario.iot.devices_bn.rate]\n")
write("sweepspec", "vary-only", parts(b"trials: 20\n", b"cascade.failure_threshold={range: [0.01, 0.05], steps: 3}"))

# incidents: an incidents CSV (calibrate), read against the baseline's sectors
write("incidents", "ic3", read("configs/data/incidents_ic3.csv"))
write("incidents", "small", b"sector,year,count,reporting_rate,exposure,source\n"
      b"energy,2021,12,0.5,,\"quoted, with a comma\"\nenergy,2022,20,,0.5,x\ndams,2022,0,,,\n"
      b"all,2022,400,,,total\nenergy+dams,2021,13,,,pair\n")
write("incidents", "extreme", b"count,year,sector\n1000000000000,1900,nuclear\n0,3000,nuclear\n1,2000,water_wastewater\n")
write("incidents", "broken", b"\xef\xbb\xbfsector,year,count,reportng_rate\r\nenergi,20x1,-3,2\r\n\"open,2021,4\n"
      b"energy+energy,2021,1.5,0\n")
