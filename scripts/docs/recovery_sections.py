"""docs/parameters.md §5.7: the sectors' recovery times τ_i (`sectors[i].recovery`), the resilience
k_i = ln(100)/(τ_i(1 − a_ii)) they give in the dynamic cascade, and each value's label and source.
The label and source of every sector are kept here, beside the code that checks the table covers
every default sector."""
import math

from calibration_sections import analysis
from markdown import Table, fixed, flow, mean_of, sig

# sector id -> (label, source) of the shipped τ. "reported" = an observed restoration time of the
# named incident(s); "estimate" = a judgement, said why.
SOURCES = {
    "chemical": ("estimate", "Coveware's average ransomware downtime in 2020 (21 days, as quoted), applied to the sector"),
    "commercial_facilities": ("estimate", "Coveware's average downtime, Q4 2019 (16.2 days), applied to the sector"),
    "communications": ("estimate", "carrier and ISP outages are restored in hours to a few days (redundant networks, central management)"),
    "critical_manufacturing": ("estimate", "Coveware's 2020 average (21 days); Norsk Hydro 2019 ran plants manually for weeks"),
    "dams": ("estimate", "manual gate and turbine operation bridges a two-week control-system rebuild"),
    "defense_industrial_base": ("estimate", "Coveware's 2020 average (21 days), applied to the sector"),
    "emergency_services": ("estimate", "manual (paper) dispatch fallbacks restore service within about a week"),
    "energy": ("reported", "Colonial Pipeline 2021: shut down 7 May, restart from 12 May (about 6 days)"),
    "financial_services": ("estimate", "DDoS and core-banking outages are restored in hours to days; Estonia 2007's banks within days"),
    "food_agriculture": ("reported", "JBS 2021: US beef plants shut on 31 May–1 June, back at near full capacity by 3–4 June (about 5 days)"),
    "government_facilities": ("reported", "Estonia 2007: government sites disrupted from 27 April to 18 May (about three weeks)"),
    "healthcare_public_health": ("reported range, estimate", "Universal Health Services 2020 (about three weeks), Change Healthcare 2024 (claims for six weeks and more): PERT [14, 21, 42]"),
    "information_technology": ("reported", "Kaseya VSA 2021: attack 2 July, SaaS restored 11 July (about 9–10 days)"),
    "nuclear": ("estimate", "isolated safety systems, but a restart after an intrusion needs regulatory review: a month"),
    "transportation": ("reported", "Maersk, NotPetya 2017: about 10–12 days to rebuild 4,000 servers and 45,000 PCs"),
    "water_wastewater": ("estimate", "small utilities run manually; larger ones rebuild SCADA in about two weeks"),
}


def recovery(ctx, old):
    an = analysis(ctx)
    sectors = an["cfg"]["sectors"]
    diag = [an["a_eff"][i, i] for i in range(len(sectors))]
    missing = [s["id"] for s in sectors if s["id"] not in SOURCES]
    if missing:
        raise ValueError(f"parameters-recovery: no source for {missing}")
    t = Table(["sector", "`recovery`", "τ_i (days, mean)", "a_ii", "k_i = ln 100 / (τ_i(1 − a_ii))", "label", "source"])
    for s, a in zip(sectors, diag):
        rec = s["recovery"]
        (kind, value), = rec.items()
        label, source = SOURCES[s["id"]]
        if kind == "days":
            tau = mean_of(value)
            k = min(1.0, math.log(100) / (tau * (1 - a)))
        else:
            k = mean_of(value)
            tau = math.log(100) / (k * (1 - a))
        t.add(s["id"], f"`{flow(rec)}`", sig(tau, 3), f"{a:.4f}", f"{k:.3f}", label, source)
    return (t.render() + "\n\n"
            "k_i is evaluated at the mean of τ_i (for the uncertain healthcare τ the engine draws τ per trial "
            "and converts each draw). a_ii is the diagonal of the effective base matrix (the lifeline floors "
            "change only off-diagonal entries), so k_i does not move with digitalisation.")


SECTIONS = {
    "parameters-recovery": recovery,
}


# docs/analogues.md: the two analogues in the dynamic mode, Estonia's 2007 pattern — a three-week
# campaign against government, banking and news media — given to both (the threat is held fixed).
CAMPAIGN_SECTORS = ("government_facilities", "financial_services", "communications")
CAMPAIGN_DAYS = 21
DURATION_TRIALS = 2000


def analogue_durations(ctx, old):
    from readme_sections import catalog
    names = [n for n, p in catalog(ctx) if p.startswith("configs/analogues/")]
    runs = {}
    for n in names:
        ids = [s["id"] for s in ctx.tool.dump(n)["sectors"]]
        sets = ["cascade.mode=dynamic"] + [f"sectors[{ids.index(s)}].threat.duration_days={CAMPAIGN_DAYS}"
                                           for s in CAMPAIGN_SECTORS]
        runs[n] = (ctx.tool.run(n, DURATION_TRIALS, seed=ctx.analogue_seed, sets=sets), ids)
    (a, ids), (b, _) = (runs[n] for n in names)
    ya, yb = a.years[0], b.years[0]
    t = Table(["sector", f"`{names[0]}` mean days disrupted", "p95", f"`{names[1]}` mean days disrupted", "p95"])
    for sid in ids:
        ra, rb = a.sectors[(ya, sid)], b.sectors[(yb, sid)]
        mark = " (campaign)" if sid in CAMPAIGN_SECTORS else ""
        t.add(f"{sid}{mark}", f"{ra['mean_days_disrupted']:.1f}", f"{ra['p95_days_disrupted']:.0f}",
              f"{rb['mean_days_disrupted']:.1f}", f"{rb['p95_days_disrupted']:.0f}")
    for metric, fmt in (("outage_days", "{:.1f}"), ("sectors_disrupted", "{:.2f}"),
                        ("person_days_without_service", "{:,.0f}")):
        t.add(f"`{metric}` (mean)", fmt.format(a.stat(metric, ya)), "", fmt.format(b.stat(metric, yb)), "")
    return (f"Both analogues in the dynamic mode with each successful wave on {', '.join(CAMPAIGN_SECTORS)} held "
            f"as a {CAMPAIGN_DAYS}-day campaign (`cyberrisk run --scenario NAME --set cascade.mode=dynamic --set "
            f"'sectors[i].threat.duration_days={CAMPAIGN_DAYS}'` for those three, {fixed(DURATION_TRIALS, 0)} trials, "
            f"seed {ctx.analogue_seed}; failure threshold {flow(a_threshold(ctx, names[0]))} of a day's operation):\n\n"
            + t.render())


def a_threshold(ctx, name):
    return ctx.tool.dump(name)["cascade"]["failure_threshold"]


SECTIONS["analogues-durations"] = analogue_durations


# docs/analogues.md: one episode instead of a year of waves — what the observed 23 and 10 days
# measure. Each campaign sector loses its whole digital part (c_i = d_i, an upper-end assumption:
# the DDoS took its online services down) for the campaign's days, then recovers; every analogue
# gets the same 21-day campaign and, beside it, its own observed campaign length.
OBSERVED_CAMPAIGN_DAYS = {"estonia-2007": 23, "georgia-2008": 10}
EPISODE_DAYS = 120


def analogue_episode(ctx, old):
    import json
    from readme_sections import catalog
    names = [n for n, p in catalog(ctx) if p.startswith("configs/analogues/")]
    results = {}
    for n in names:
        sectors = ctx.tool.dump(n)["sectors"]
        d = {x["id"]: mean_of(x["digital"]["initial"]) for x in sectors}
        shock = ",".join(f"{sid}={d[sid]}" for sid in CAMPAIGN_SECTORS)
        for held in (CAMPAIGN_DAYS, OBSERVED_CAMPAIGN_DAYS[n]):
            out = ctx.tool.call(["stress", "--scenario", n, "--dynamic", "--shock", shock, "--shock-days", str(held),
                                 "--days", str(EPISODE_DAYS), "--json"])
            results[(n, held)] = {x["sector"]: x for x in json.loads(out)["sectors"]}
        results[n] = d
    header = ["sector"]
    for n in names:
        header += [f"`{n}` d_i", f"{CAMPAIGN_DAYS}-day campaign", f"{OBSERVED_CAMPAIGN_DAYS[n]}-day campaign (observed length)"]
    t = Table(header)
    for sid in CAMPAIGN_SECTORS:
        row = [sid]
        for n in names:
            row += [fixed(results[n][sid], 2), str(results[(n, CAMPAIGN_DAYS)][sid]["days_disrupted"]),
                    str(results[(n, OBSERVED_CAMPAIGN_DAYS[n])][sid]["days_disrupted"])]
        t.add(*row)
    return (f"One episode, day by day (`cyberrisk stress --scenario NAME --dynamic --shock SECTOR=d_i,… --shock-days T "
            f"--days {EPISODE_DAYS}`): each of {', '.join(CAMPAIGN_SECTORS)} loses its whole digital part "
            f"(`c_i = d_i`) for T days, then recovers at its resilience; days at or above the failure threshold "
            f"({flow(a_threshold(ctx, names[0]))}):\n\n" + t.render())


SECTIONS["analogues-episode"] = analogue_episode
