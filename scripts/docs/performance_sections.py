"""The measured sections of docs/performance.md: the peer table (`make bench-peer
PEER_ARGS=--update-doc`, Benchmarks/peers/peer_table.py) and the roofline (`make bench-roofline
ROOFLINE_ARGS=--update-doc`, Benchmarks/peers/roofline.py).

Their figures come from timing runs on a shared machine, so they cannot be recomputed and compared
byte for byte in `make test`. What is checked instead is everything that does not depend on the
machine's mood: the caption says when, how and at what load it was measured; the header is the
script's; there is one row per workload shape of Benchmarks/peers/shapes.py, in order (a new shape
without a measured row fails); every rate is a number; and the ratios are the quotients of the
rates in their row (to the rounding shown), so a figure edited by hand fails. The sections are
kept as they are by `--update` (only the benchmark scripts rewrite them).
"""
import os
import re
import sys

from markdown import MarkerError, parse_table

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(REPO, "Benchmarks", "peers"))

RERUN = {"peer-table": "make bench-peer PEER_ARGS=--update-doc",
         "roofline": "make bench-roofline ROOFLINE_ARGS=--update-doc"}


def _number(cell, section, row, column):
    text = cell.replace("*", "").replace(",", "").strip()
    try:
        return float(text)
    except ValueError:
        raise MarkerError(f"docs/performance.md: {section}: row '{row}', column '{column}' is '{cell}', not a number "
                          f"(regenerate: {RERUN[section]})")


def _check(section, old, header, ratios):
    """Checks the structure of a measured section; `ratios` is [(column, numerator, denominator(s))]."""
    import shapes
    caption = old.strip().split("\n")[0]
    if not re.match(r"Measured \d{4}-\d\d-\d\d \d\d:\d\d UTC by .*load average [0-9.]+ [0-9.]+ [0-9.]+ before", caption):
        raise MarkerError(f"docs/performance.md: {section}: the caption must say when, by what command and at what "
                          f"load average it was measured (regenerate: {RERUN[section]})")
    found, rows = parse_table(old)
    if found != header:
        raise MarkerError(f"docs/performance.md: {section}: header {found} is not the script's {header} "
                          f"(regenerate: {RERUN[section]})")
    names = [r[0] for r in rows]
    expected = [s[0] for s in shapes.SHAPES]
    if section == "roofline":
        names_ok = names == expected[:len(names)] and names
    else:
        names_ok = names == expected
    if not names_ok:
        raise MarkerError(f"docs/performance.md: {section}: rows {names} are not the shapes {expected} of "
                          f"Benchmarks/peers/shapes.py (regenerate: {RERUN[section]})")
    for r in rows:
        if len(r) != len(header):
            raise MarkerError(f"docs/performance.md: {section}: row '{r[0]}' has {len(r)} cells, not {len(header)}")
        if r[1] == "pending":
            continue
        value = {h: c for h, c in zip(header, r)}
        for column, top, bottoms in ratios:
            shown = _number(value[column], section, r[0], column)
            num = _number(value[top], section, r[0], top)
            den = max(_number(value[b], section, r[0], b) for b in bottoms)
            # the rates are rounded to whole numbers: allow that rounding and the ratio's own
            tolerance = 0.006 + shown * (0.5 / num + 0.5 / den)
            if abs(num / den - shown) > tolerance:
                raise MarkerError(f"docs/performance.md: {section}: row '{r[0]}': {column} {shown} is not "
                                  f"{top} / {', '.join(bottoms)} = {num / den:.2f} (regenerate: {RERUN[section]})")
    return old


def peer_table(ctx, old):
    from peer_table import HEADER
    return _check("peer-table", old, HEADER, [
        ("× NumPy", "cyberrisk", ["NumPy"]), ("× Numba", "cyberrisk", ["Numba"]),
        ("ratio (× faster peer)", "cyberrisk", ["NumPy", "Numba"])])


def roofline(ctx, old):
    from roofline import HEADER
    return _check("roofline", old, HEADER, [("measured ÷ roofline", "measured ns / trial-year",
                                             ["roofline ns / trial-year"])])


SECTIONS = {"peer-table": peer_table, "roofline": roofline}
