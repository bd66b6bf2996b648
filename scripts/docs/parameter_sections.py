"""docs/parameters.md §3–7: the defaults of the baseline as the decoder resolves them, and what
follows from them (spectral radii, incident frequencies, the growth fits' values), with the
hand-written reasons and sources kept beside them."""
import csv
import os

import numpy as np
from scipy import stats

from calibration_sections import analysis, run_caption
from growth import curve_label, logistic, read_fits
from markdown import Table, code, fixed, flow, mean_of, pct, sci, sig

# The shipped baseline counts attacks in campaigns of this many significant intrusions
# (configs/baseline.yaml's header; §5.4): per-intrusion counts are ×10, alphas ÷10.
CAMPAIGN = 10
# §5.4: the share of its year a typical victim loses (about 10 days at half output).
VICTIM_YEAR_SHARE = 0.014
HOURS_PER_YEAR = 8760


def baseline(ctx):
    return ctx.tool.dump()


def sector_rows(ctx):
    return baseline(ctx)["sectors"]


def spectral_radius(a):
    return float(np.max(np.abs(np.linalg.eigvals(a))))


# ---------------------------------------------------------------------------------------------
# §3 dependencies
def matrices(ctx, old):
    cb = ctx.cb
    ids = [s["id"] for s in sector_rows(ctx)]
    data = os.path.join(ctx.repo, "configs", "data")
    m = {y: cb.read_matrix_csv(os.path.join(data, f"dependencies_bea{y}.csv"), ids) for y in (2017, 2023)}
    a_eff = analysis(ctx)["a_eff"]
    source = baseline(ctx)["dependencies"]["source"]
    t = Table(["matrix", "spectral radius ρ(a)", "largest row sum"])
    for y in (2017, 2023):
        rows = m[y].sum(axis=1)
        name = f"BEA {y} (`dependencies_bea{y}.csv`{', default' if source.endswith(f'bea{y}.csv') else ''})"
        t.add(name, f"{spectral_radius(m[y]):.4f}", f"{rows.max():.3f} ({ids[int(rows.argmax())]})")
    t.add("2023 with the lifeline floors", f"{spectral_radius(a_eff):.4f}", "—")
    a = m[2023]
    off = [(a[i, j], i, j) for i in range(len(ids)) for j in range(len(ids)) if i != j]
    top = sorted(off, reverse=True)[:7]
    diag = np.diag(a)
    return (t.render() + "\n\n"
            f"No entry changes by more than {np.abs(m[2023] - m[2017]).max():.3f} between 2017 and 2023. Largest "
            "off-diagonal economic dependencies (2023): "
            + "; ".join(f"{ids[i]} ← {ids[j]} {x:.3f}" for x, i, j in top)
            + f". Diagonals range from {diag.min():.4f} ({ids[int(diag.argmin())]}) to {diag.max():.2f} "
              f"({ids[int(diag.argmax())]}).")


def floors(ctx, old):
    d = baseline(ctx)["dependencies"]
    t = Table(["lifeline j", "floor", "reasoning (estimate)"], keep=("reasoning (estimate)",))
    for sector, floor in sorted(d["lifeline_overlay"]["floors"].items(), key=lambda kv: -kv[1]):
        t.add(sector, flow(floor), "")
    an = analysis(ctx)
    return (t.render(old) + "\n\n"
            f"With them ρ(a) rises from {spectral_radius(an['a']):.3f} to {spectral_radius(an['a_eff']):.3f}.")


def coupling(ctx, old):
    an = analysis(ctx)
    kappa = baseline(ctx)["dependencies"]["cyber_coupling"]
    lo, hi = (kappa[next(iter(kappa))][0], kappa[next(iter(kappa))][-1]) if isinstance(kappa, dict) else (kappa, kappa)
    rho = spectral_radius(an["a_eff"])
    d_max = max(float(s["digital"]["ceiling"]) for s in sector_rows(ctx))
    kappa_one = (1 / rho - 1) / d_max ** 2
    start, worst = an["start"], an["worst"]
    return (f"`dependencies.cyber_coupling: {flow(kappa)}` (mean {mean_of(kappa):.3f}): at full digitalisation of "
            f"both ends a dependency is {1 + lo:g}–{1 + hi:g} times its economic value. Stability "
            f"(`calibrate_baseline.py`, the engine's validation rule): A(t)_ij = a_ij (1 + κ d_i(t) d_j(t)) with every "
            f"digital parameter and κ at its upper bound has ρ ≤ {max(worst):.3f} in {start}–{start + len(worst) - 1}; "
            f"with every d_i at its ceiling's upper bound ρ = {an['limit']:.3f} at κ = {an['kappa_hi']:g} and "
            f"{an['limit_mean']:.3f} at the mean κ. With the floors, ρ would reach 1 at κ ≈ {kappa_one:.2f} with "
            f"d = {d_max:g} everywhere.")


# ---------------------------------------------------------------------------------------------
# §4 economics
def economics(ctx, old):
    path = os.path.join(ctx.repo, "configs", "data", "sector_economics_bea2023.csv")
    with open(path, newline="") as f:
        table = {r["sector"]: r for r in csv.DictReader(l for l in f if not l.startswith("#"))}
    t = Table(["sector", "value added 2023, bn USD (`output_usd_bn`)", "gross output 2023, bn USD"])
    total_va = total_go = 0.0
    for s in sector_rows(ctx):
        va, row = float(s["output_usd_bn"]), table[s["id"]]
        if abs(va - float(row["value_added_usd_bn"])) > 0.05 + 1e-9:
            raise ValueError(f"{s['id']}: output_usd_bn {va} is not the BEA value added {row['value_added_usd_bn']}")
        go = float(row["gross_output_usd_bn"])
        total_va, total_go = total_va + va, total_go + go
        t.add(s["id"], fixed(va, 1), fixed(go, 1))
    gdp = ctx.cb.GDP_2023_USD_BN
    t.add("**total**", f"**{fixed(total_va, 1)}** ({100 * total_va / gdp:.0f} % of GDP {fixed(gdp, 1)})",
          fixed(total_go, 1))
    return t.render()


# ---------------------------------------------------------------------------------------------
# §5 sectors
def weights(ctx, old):
    t = Table(["sector", "w_i", "r_i", "reasoning"], keep=("reasoning",))
    for s in sector_rows(ctx):
        t.add(s["id"], flow(s["criticality"]), flow(s["population_reliance"]), "")
    return t.render(old)


def digital(ctx, old):
    t = Table(["sector", "initial", "ceiling", "rate", "reasoning"], keep=("reasoning",))
    for s in sector_rows(ctx):
        d = s["digital"]
        t.add(s["id"], f"{d['initial']:.2f}", f"{d['ceiling']:.2f}", f"{d['rate']:.2f}", "")
    return t.render(old)


def per_intrusion(attacks):
    """A campaign count (number or distribution) as intrusions: every value × CAMPAIGN."""
    if isinstance(attacks, dict):
        (kind, p), = attacks.items()
        return {kind: [x * CAMPAIGN for x in p]}
    return attacks * CAMPAIGN


def threat(ctx, old):
    t = Table(["sector", "R_i (2023)", "label", "attacks_per_year per intrusion (PERT)", "success_probability",
               "λ mean at start (intrusions/yr)", "iot_elasticity"], keep=("R_i (2023)", "label"))
    for s in sector_rows(ctx):
        th = s["threat"]
        attacks = per_intrusion(th["attacks_per_year"])
        lam = mean_of(attacks) * float(th["success_probability"])
        shown = flow(next(iter(attacks.values()))) if isinstance(attacks, dict) else flow(attacks)
        t.add(s["id"], "", "", shown, flow(th["success_probability"]), fixed(lam, 1), flow(th["iot_elasticity"]))
    return (f"`attacks_per_year` below counts intrusion attempts; the shipped config counts campaigns of "
            f"{CAMPAIGN} (its values are these ÷ {CAMPAIGN}; §5.4).\n\n" + t.render(old))


def incidents(s, threshold):
    """Expected single incidents a year (start year, per intrusion) taking ≥ `threshold` of the sector."""
    th, sev, d = s["threat"], s["severity"], float(s["digital"]["initial"])
    lam = mean_of(per_intrusion(th["attacks_per_year"])) * float(th["success_probability"])
    a, b = float(sev["alpha"]) / CAMPAIGN, float(sev["beta"])
    return lam * stats.beta.sf(min(1.0, threshold / d), a, b)


def severity(ctx, old):
    t = Table(["sector", "α (shipped, per campaign)", "β", "E[S] per intrusion, d = 1", "d_i(start)",
               "observed per incident d_i·E[S]", f"victim share (÷ {pct(VICTIM_YEAR_SHARE, 1)})",
               "incidents ≥ 0.1 % of the sector / yr", "≥ 1 % / yr", "campaign variance × (kα+1)/(α+1)"])
    total01 = total1 = 0.0
    for s in sector_rows(ctx):
        alpha, beta = float(s["severity"]["alpha"]), float(s["severity"]["beta"])
        a = alpha / CAMPAIGN
        es = a / (a + beta)
        d = float(s["digital"]["initial"])
        f01, f1 = incidents(s, 0.001), incidents(s, 0.01)
        total01, total1 = total01 + f01, total1 + f1
        t.add(s["id"], flow(s["severity"]["alpha"]), flow(s["severity"]["beta"]), sci(es), f"{d:.2f}",
              sci(d * es), sci(d * es / VICTIM_YEAR_SHARE), sig(f01, 2), sig(f1, 2),
              f"{(CAMPAIGN * a + 1) / (a + 1):.3f}")
    t.add("**all**", "", "", "", "", "", "", f"**{sig(total01, 2)}**", f"**{sig(total1, 2)}**", "")
    return (t.render() + "\n\n"
            f"Summed over the sectors, about {total01:.0f} single incidents a year nationally take ≥ 0.1 % of a "
            f"sector's year and {total1:.3f} a year (one every {1 / total1:.0f} years) take ≥ 1 %.")


def campaigns(ctx, old):
    shipped = ctx.tool.run("baseline", ctx.trials)
    sets = []
    for i, s in enumerate(sector_rows(ctx)):
        sets.append(f"sectors[{i}].threat.attacks_per_year={flow(per_intrusion(s['threat']['attacks_per_year']))}")
        sets.append(f"sectors[{i}].severity.alpha={flow(float(s['severity']['alpha']) / CAMPAIGN)}")
    natural = ctx.tool.run("baseline", ctx.trials, sets=sets,
                           label=f"--set … (every attacks_per_year × {CAMPAIGN}, every sector alpha ÷ {CAMPAIGN})")
    t = Table(["year", "statistic of `economic_loss_usd_bn`", f"campaigns of {CAMPAIGN} (shipped)", "natural counts"])
    for y in (shipped.years[0], shipped.years[-1]):
        for c in ("mean", "p95", "p99", "p995"):
            t.add(y, c, f"{shipped.stat('economic_loss_usd_bn', y, c):.1f}",
                  f"{natural.stat('economic_loss_usd_bn', y, c):.1f}")
    return (f"Campaigns against natural counts, same seed: {run_caption(shipped)} and `cyberrisk run --scenario "
            f"baseline --trials {natural.trials} --seed {natural.seed}` with every `attacks_per_year` × {CAMPAIGN} and "
            f"every sector `alpha` ÷ {CAMPAIGN} (32 `--set`s). Standard errors of the means: "
            f"{shipped.stat('economic_loss_usd_bn', shipped.years[0], 'se'):.1f} and "
            f"{shipped.stat('economic_loss_usd_bn', shipped.years[-1], 'se'):.1f} bn.\n\n" + t.render())


def botnet(ctx, old):
    cfg = baseline(ctx)
    b = ctx.cb.botnet_view(cfg)       # the event class iot_botnet, in the old block's terms
    event = next(e for e in cfg["events"] if e["id"] == "iot_botnet")
    an = analysis(ctx)
    res, start = an["res"], an["start"]
    alpha, beta = float(b["severity"]["alpha"]), float(b["severity"]["beta"])
    mean = alpha / (alpha + beta)
    share = [r["c_botnet"].sum() / r["c"].sum() for r in (res[0], res[-1])]
    t = Table(["quantity", "value"])
    t.add("Mirai-class events a year at the start (frequency = events per bn devices × D(0))",
          f"{res[0]['EM']:.2f} ({b['events_per_bn_devices']:.3g} × {res[0]['D']:.1f} bn devices)")
    t.add("probability that an event hits a sector", f"{flow(b['sector_hit_probability'])} × d_i")
    t.add("mean severity of a hit, d = 1 (α/(α + β))",
          f"{sci(mean)} = {mean * HOURS_PER_YEAR:.2f} h of the whole sector's year")
    t.add("tail scale 1/β", pct(1 / beta, 1))
    t.add(f"P(a hit takes ≥ 0.1 % of a fully digital sector's year)", pct(stats.beta.sf(0.001, alpha, beta), 1))
    t.add(f"botnets' share of the expected direct shocks, {start} and {start + res[-1]['t']}",
          f"{pct(share[0], 1)} and {pct(share[1], 1)}")
    shown = {k: event[k] for k in ("frequency", "scaling", "severity", "dependence")}
    return (f"`events: [{{id: iot_botnet, {flow(shown)[1:-1]}, footprint: {flow(b['sector_hit_probability'])} "
            f"in every sector}}]`\n\n" + t.render())


# ---------------------------------------------------------------------------------------------
# §6 growth
def iot_fits(ctx, old):
    fits = read_fits(ctx.repo)
    t = Table(["scenario", "data", "initial (2026)", "ceiling K", "rate r", "log RMSE", "2030", "2035"], keep=("data",))
    for name in ("slow", "base", "fast"):
        f = fits[("iot", name)]
        t.add(name, "", f"{f['initial']:.2f}", f"{f['ceiling']:.2f}", f"{f['rate']:.4f}", f"{f['log_rmse']:.3f}",
              f"{logistic(4, f['initial'], f['ceiling'], f['rate']):.1f}",
              f"{logistic(9, f['initial'], f['ceiling'], f['rate']):.1f}")
    curve = baseline(ctx)["scenario"]["iot"]["devices_bn"]
    return (t.render(old) + "\n\n"
            f"The baseline uses {curve_label(curve, fits, 'iot')}: `{flow(curve)}`.")


def neural_fits(ctx, old):
    fits = read_fits(ctx.repo)
    t = Table(["scenario", "2036 users", "ceiling K", "addressable users", "rate r", "implied 2030 users",
               "implied implants/yr in 2030"], keep=("addressable users",))
    for name in ("slow", "base", "fast"):
        f = fits[("neural", name)]
        x0, K, r = f["initial"], f["ceiling"], f["rate"]
        u30 = logistic(4, x0, K, r)
        t.add(name, sig(logistic(10, x0, K, r), 4), fixed(K, 0), "", f"{r:.4f}", fixed(u30, 0),
              fixed(r * u30 * (1 - u30 / K), 0))
    curve = baseline(ctx)["scenario"]["neural"]["users"]
    return (t.render(old) + "\n\n"
            f"The baseline uses {curve_label(curve, fits, 'neural')}: `{flow(curve)}`.")


# ---------------------------------------------------------------------------------------------
# §7 people
def human(ctx, old):
    d = baseline(ctx)
    sc = d["scenario"]
    declines = {n: ctx.tool.dump(n)["scenario"]["defense"]["vulnerability_decline"]
                for n in ("hyperconnected", "cautious")}

    def value(v):
        return code(v) + (f" (mean {mean_of(v):.4f})" if isinstance(v, dict) else "")
    rows = [("`population`", fixed(float(d["population"]), 0)),
            ("`scenario.iot.personal_share`", value(sc["iot"]["personal_share"])),
            ("`scenario.iot.compromise_rate`", value(sc["iot"]["compromise_rate"]) + " per device-year"),
            ("`scenario.neural.compromise_probability`", value(sc["neural"]["compromise_probability"])
             + " per implant-year at the start"),
            ("`scenario.neural.attacker_elasticity`", value(sc["neural"]["attacker_elasticity"])),
            ("`scenario.neural.harm_severity`", value(sc["neural"]["harm_severity"])),
            ("`scenario.defense.vulnerability_decline`",
             f"{flow(sc['defense']['vulnerability_decline'])} (baseline); hyperconnected "
             f"{flow(declines['hyperconnected'])}, cautious {flow(declines['cautious'])}"),
            ("`scenario.defense.cost_usd_bn_per_year`",
             flow(sc["defense"]["cost_usd_bn_per_year"]) if "cost_usd_bn_per_year" in sc["defense"] else "not given (absent)"),
            ("`human_security.weights`", ", ".join(f"{k} {flow(v)}" for k, v in d["human_security"]["weights"].items())),
            ("`human_security.dimensions`", f"{len(d['human_security']['dimensions'])} tables")]
    t = Table(["parameter", "value", "label", "derivation"], keep=("label", "derivation"))
    for key, v in rows:
        t.add(key, v, "", "")
    return t.render(old)


def human_results(ctx, old):
    an = analysis(ctx)
    run = ctx.tool.run("baseline", ctx.trials)
    res, start, cfg = an["res"], an["start"], an["cfg"]
    r0, r9 = res[0], res[-1]
    last = start + r9["t"]
    pop = float(cfg["population"])
    share = mean_of(cfg["scenario"]["iot"]["personal_share"])
    per_person = [r["D"] * 1e9 * share / pop for r in (r0, r9)]
    nu = [r["implants"] / r["U"] for r in (r0, r9)]
    t = Table(["quantity", str(start), str(last)])
    t.add("personal IoT devices per person π(t)", f"{per_person[0]:.1f}", f"{per_person[1]:.1f}")
    t.add("`personal_compromise`, first order", pct(r0["personal"]), pct(r9["personal"]))
    t.add("`personal_compromise`, engine", pct(run.stat("personal_compromise", start)),
          pct(run.stat("personal_compromise", last)))
    t.add("implant users U(t)", fixed(r0["U"], 0), fixed(r9["U"], 0))
    t.add("compromise probability per implant ν(t)", pct(nu[0], 2), pct(nu[1], 2))
    t.add("compromised implants, first order", f"{r0['implants']:.2f}", fixed(r9["implants"], 1))
    t.add("compromised implants, engine", f"{run.stat('neural_implants_compromised', start):.2f}",
          fixed(run.stat("neural_implants_compromised", last), 1))
    deltas = []
    for n in ("hyperconnected", "baseline", "cautious"):
        decline = float(ctx.tool.dump(n)["scenario"]["defense"]["vulnerability_decline"])
        deltas.append(f"{(1 - decline) ** r9['t']:.2f} ({n})")
    t.add("defence factor δ(t)", "1", ", ".join(deltas))
    return (f"What these give: expected values to first order, and the engine's means from {run_caption(run)}; "
            f"ν grows {nu[1] / nu[0]:.1f}-fold by {last}.\n\n" + t.render())


SECTIONS = {
    "parameters-matrices": matrices,
    "parameters-floors": floors,
    "parameters-coupling": coupling,
    "parameters-economics": economics,
    "parameters-weights": weights,
    "parameters-digital": digital,
    "parameters-threat": threat,
    "parameters-severity": severity,
    "parameters-campaigns": campaigns,
    "parameters-botnet": botnet,
    "parameters-iot-fits": iot_fits,
    "parameters-neural-fits": neural_fits,
    "parameters-human": human,
    "parameters-human-results": human_results,
}
