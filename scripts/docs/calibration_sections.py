"""docs/parameters.md §2 and §8: the calibration results — first-order expectations from
scripts/calibrate_baseline.py on each scenario's resolved configuration, next to the engine's
seeded runs."""
from markdown import Table, fixed, pct, sci, sig


def analysis(ctx, scenario="baseline"):
    """calibrate_baseline.py's expectations, radii and anchor checks for an embedded scenario."""
    key = ("analysis", scenario)
    if key not in ctx.cache:
        cb = ctx.cb
        cfg, ids, a, a_eff, _ = cb.load(ctx.tool.dump_file(scenario))
        years = list(range(int(cfg["horizon_years"])))
        res = cb.analytic(cfg, ids, a_eff, years)
        worst, limit, kappa_hi, limit_mean = cb.radii(cfg, a_eff, years)
        checks = cb.anchor_checks(ids, res, worst, limit)
        ctx.cache[key] = dict(cfg=cfg, ids=ids, a=a, a_eff=a_eff, res=res, worst=worst, limit=limit,
                              kappa_hi=kappa_hi, limit_mean=limit_mean, checks=checks,
                              start=int(cfg["start_year"]))
    return ctx.cache[key]


def run_caption(run):
    return f"`{run.command}` ({fixed(run.trials, 0)} trials, seed {run.seed})"


def start_sectors(ctx, old):
    an = analysis(ctx)
    run = ctx.tool.run("baseline", ctx.trials)
    r0, start = an["res"][0], an["start"]
    sectors = an["cfg"]["sectors"]
    t = Table(["sector", "d_i", "λ_i (campaigns/yr)", "E[S] per campaign, d = 1", "E[c_i] attacks", "E[c_i] botnet",
               "E[q_i] first order", "E[q_i] engine", "p95 q_i engine", "value added bn", "E[loss] bn", "check"])
    checks = dict(an["checks"])
    for i, sid in enumerate(an["ids"]):
        y = float(sectors[i]["output_usd_bn"])
        engine = run.sectors[(start, sid)]
        ok = checks[f"sector {sid} start-year E[q] in 0.1-1%"]
        t.add(sid, f"{r0['d'][i]:.2f}", f"{r0['lam'][i]:.2f}", sci(r0["es"][i]), sci(r0["c_attack"][i]),
              sci(r0["c_botnet"][i]), pct(r0["q"][i], 3), pct(engine["mean_inoperability"], 3),
              pct(engine["p95_inoperability"], 2), fixed(y, 0), f"{y * r0['q'][i]:.2f}", "PASS" if ok else "FAIL")
    total_y = sum(float(s["output_usd_bn"]) for s in sectors)
    t.add("**all**", "", f"**{fixed(r0['lam'].sum(), 1)}**", "", sci(r0["c_attack"].sum()), sci(r0["c_botnet"].sum()),
          "", "", "", f"**{fixed(total_y, 0)}**", f"**{r0['loss']:.1f}**", "")
    return (f"Start year {start}, by sector. First order: `scripts/calibrate_baseline.py` (uncertain parameters at "
            f"their means, the clamps ignored); engine: {run_caption(run)}, `sectors.csv`. Attacks are counted in "
            f"the shipped campaigns of 10 intrusions (§5.4).\n\n" + t.render() + "\n\n"
            f"The cascade multiplies the direct shocks by Σq/Σc = {r0['multiplier']:.2f} on average (floors and κ "
            f"included).")


def checks(ctx, old):
    an = analysis(ctx)
    run = ctx.tool.run("baseline", ctx.trials)
    r0, start, cb = an["res"][0], an["start"], ctx.cb
    passed = sum(1 for _, ok in an["checks"] if ok)
    failed = len(an["checks"]) - passed
    by_text = an["checks"]
    result = {text.split(" ")[0]: ok for text, ok in by_text}
    sector_ok = [ok for text, ok in by_text if text.startswith("sector ")]
    lo, hi = (x * cb.GDP_2023_USD_BN for x in cb.LOSS_SHARE_OF_GDP)
    loss = lambda c: run.stat("economic_loss_usd_bn", start, c)
    t = Table(["check", "value (first order; engine)", "anchor", "result"])
    t.add("mean `economic_loss_usd_bn`",
          f"{r0['loss']:.1f} bn ({pct(r0['loss'] / cb.GDP_2023_USD_BN)} of GDP); engine {loss('mean'):.1f} bn, "
          f"p50 {loss('p50'):.1f}, p95 {loss('p95'):.1f}, p99 {loss('p99'):.1f}, p995 {loss('p995'):.1f}",
          f"{lo:.0f}–{hi:.0f} bn", "PASS" if by_text[0][1] else "FAIL")
    t.add("mean inoperability, every sector", f"{pct(min(r0['q']))}–{pct(max(r0['q']))}",
          f"{pct(cb.SECTOR_Q_RANGE[0], 1)}–{pct(cb.SECTOR_Q_RANGE[1], 0)}",
          f"{'PASS' if all(sector_ok) else 'FAIL'} ({sum(sector_ok)}/{len(sector_ok)})")
    t.add("`personal_compromise`", f"{pct(r0['personal'])}; engine {pct(run.stat('personal_compromise', start))}",
          "a few % (Eurostat 3 % / 2 %)", "PASS" if result["personal_compromise"] else "FAIL")
    t.add("compromised implants", f"{r0['implants']:.2f} a year; engine "
          f"{run.stat('neural_implants_compromised', start):.2f}", "zero or a handful",
          "PASS" if result["compromised"] else "FAIL")
    worst = an["worst"]
    t.add("ρ(A(t)) at the validation worst case, every year",
          f"max {max(worst):.3f} ({start + worst.index(max(worst))})", "< 1", "PASS" if max(worst) < 1 else "FAIL")
    t.add("ρ with every d_i at its ceiling's upper bound, κ at its upper bound",
          f"{an['limit']:.3f} ({an['limit_mean']:.3f} with the mean κ)", "< 1", "PASS" if an["limit"] < 1 else "FAIL")
    return (f"Calibration checks (start year {start}; `calibrate_baseline.py` exits 1 if one fails): "
            f"**{passed} passed, {failed} failed.** Engine: {run_caption(run)}.\n\n" + t.render())


def per_year(ctx, old):
    an = analysis(ctx)
    run = ctx.tool.run("baseline", ctx.trials)
    cb, start = ctx.cb, an["start"]
    t = Table(["year", "IoT bn", "implant users", "δ", "Σλ (campaigns)", "E[M]", "national_risk", "engine",
               "loss bn", "engine", "loss % GDP", "services", "personal", "devices compromised (m)",
               "implants compromised", "engine", "human_risk", "engine", "ρ at means", "ρ worst case"])
    for k, r in enumerate(an["res"]):
        y = start + r["t"]
        t.add(y, f"{r['D']:.1f}", fixed(r["U"], 0), f"{r['delta']:.3f}", fixed(r["lam"].sum(), 1), f"{r['EM']:.2f}",
              f"{r['national']:.5f}", f"{run.stat('national_risk', y):.5f}", f"{r['loss']:.1f}",
              f"{run.stat('economic_loss_usd_bn', y):.1f}", pct(r["loss"] / cb.GDP_2023_USD_BN),
              f"{r['services']:.5f}", f"{r['personal']:.4f}", f"{r['devices_m']:.1f}", fixed(r["implants"], 1),
              fixed(run.stat("neural_implants_compromised", y), 1), f"{r['human']:.4f}",
              f"{run.stat('human_risk', y):.4f}", f"{r['rho']:.3f}", f"{an['worst'][k]:.3f}")
    return (f"Per year, base scenario: expected values to first order, and the engine's means from {run_caption(run)}:"
            "\n\n" + t.render())


def tail(ctx, old):
    run = ctx.tool.run("baseline", ctx.trials)
    first, last = run.years[0], run.years[-1]
    threshold = float(ctx.tool.dump()["cascade"]["failure_threshold"])
    p = [run.exceeds("sectors_disrupted", y, 0) for y in (first, last)]
    q = lambda c, y: run.stat("economic_loss_usd_bn", y, c)
    return (f"The tail, from the engine's {run_caption(run)}, with `failure_threshold` {threshold:g} "
            f"([§5.6](#56-cascade-threshold)): P(at least one sector disrupted) is {pct(p[0], 1)} in {first} and "
            f"{pct(p[1], 1)} in {last}; the loss's 99th percentile is {q('p99', first):.0f} bn in {first} and "
            f"{q('p99', last):.0f} bn in {last}, the 1-in-200 year (`p995`) {q('p995', first):.0f} and "
            f"{q('p995', last):.0f} bn, {q('p995', first) / q('mean', first):.1f} and "
            f"{q('p995', last) / q('mean', last):.1f} times the mean.")


def variants(ctx, old):
    from growth import curve_label, defence_label, read_fits
    from readme_sections import catalog
    fits = read_fits(ctx.repo)
    names = [n for n, p in catalog(ctx) if not p.startswith("configs/analogues/")]
    t = Table(["scenario", "IoT", "neural", "defence", "loss bn (mid year)", "loss bn (last year)", "engine",
               "national_risk (last)", "engine", "personal (last)", "implants compromised (last)", "engine",
               "human_risk (last)", "engine"])
    starts = []
    for name in names:
        an = analysis(ctx, name)
        run = ctx.tool.run(name, ctx.trials)
        sc = an["cfg"]["scenario"]
        res = an["res"]
        mid, end = res[(len(res) - 1) // 2], res[-1]
        last = an["start"] + end["t"]
        starts.append((res[0]["loss"], res[0]["personal"]))
        t.add(f"`{name}`", curve_label(sc["iot"]["devices_bn"], fits, "iot"),
              curve_label(sc["neural"]["users"], fits, "neural"),
              defence_label(sc["defense"]["vulnerability_decline"]), f"{mid['loss']:.1f}", f"{end['loss']:.1f}",
              f"{run.stat('economic_loss_usd_bn', last):.1f}", f"{end['national']:.5f}",
              f"{run.stat('national_risk', last):.5f}", pct(end["personal"], 1), fixed(end["implants"], 0),
              fixed(run.stat("neural_implants_compromised", last), 0), f"{end['human']:.4f}",
              f"{run.stat('human_risk', last):.4f}")
    an = analysis(ctx)
    mid_year = an["start"] + an["res"][(len(an["res"]) - 1) // 2]["t"]
    last_year = an["start"] + an["res"][-1]["t"]
    losses, personals = [s[0] for s in starts], [s[1] for s in starts]
    same = (f"loss {min(losses):.1f} bn" if round(min(losses), 1) == round(max(losses), 1)
            else f"loss {min(losses):.1f}–{max(losses):.1f} bn")
    return (f"The embedded scenarios (`configs/scenarios/`, which change only the `scenario` block): first-order "
            f"expectations from `calibrate_baseline.py` on each resolved configuration (mid year {mid_year}, last "
            f"year {last_year}) and the engine's means from `cyberrisk run --scenario NAME --trials {ctx.trials} "
            f"--seed 2026` ({fixed(ctx.trials, 0)} trials).\n\n" + t.render() + "\n\n"
            f"All start from the same {an['start']} values ({same}, personal "
            f"{pct(min(personals), 1)}–{pct(max(personals), 1)}).")


SECTIONS = {
    "parameters-start-sectors": start_sectors,
    "parameters-checks": checks,
    "parameters-per-year": per_year,
    "parameters-tail": tail,
    "parameters-variants": variants,
}
