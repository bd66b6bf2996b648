#!/usr/bin/env python3
"""Derive the 16-sector supply-side dependency matrix from BEA summary Make and Use tables.

The committed files are reproduced exactly by (run from the repository root; the BEA tables are
the read-only copies in the project's shared data folder, described in its README.md):

    python3 scripts/derive_dependencies.py --year 2017 \
        --use ../shared/data/bea/use_2017_summary.csv \
        --make ../shared/data/bea/make_2017_summary.csv \
        --crosswalk configs/data/cisa_bea_crosswalk.csv \
        --out configs/data/dependencies_bea2017.csv

    python3 scripts/derive_dependencies.py --year 2023 \
        --use ../shared/data/bea/use_2023_summary.csv \
        --make ../shared/data/bea/make_2023_summary.csv \
        --crosswalk configs/data/cisa_bea_crosswalk.csv \
        --out configs/data/dependencies_bea2023.csv \
        --economics-out configs/data/sector_economics_bea2023.csv

(`--use`/`--make` default to `<data-dir>/use_<year>_summary.csv` and `make_<year>_summary.csv`,
`--data-dir` to `../shared/data/bea` relative to the repository root.)

Method (industry-technology assumption, as in the BEA tables' README):
  U  71x71 commodity x industry block of the Use table (rows `Used`/`Other` left out: leakages)
  V  71x71 industry x commodity block of the Make table (columns `Used`/`Other` left out)
  g  `Total Industry Output` row of the Use table (industry gross output)
  q  `Total Commodity Output` row of the Make table (commodity output)
  D = V diag(q)^-1                market shares (industry x commodity)
  Z = D U                         industry x industry flows (supplier industry x purchasing industry)
  S  71x16 crosswalk share matrix (an industry's shares sum to <= 1; unmapped industries drop out)
  Z16 = S^T Z S,  x16 = S^T g,  va16 = S^T va   (va: `Total Value Added` row of the Use table)
  a_ij = Z16[j, i] / x16[i]       share of sector i's output value bought from sector j
                                  (supply-side IIM, Leung, Haimes & Santos 2007)
Tiny negatives (from the few negative Use cells) are clipped to 0 and reported. The diagonal
(intra-sector purchases) is kept. Values are written with 6 significant digits.

Standard library + numpy only. Deterministic: the same inputs give byte-identical outputs.
"""
import argparse
import csv
import os
import sys

import numpy as np

SECTORS = [
    "chemical", "commercial_facilities", "communications", "critical_manufacturing", "dams",
    "defense_industrial_base", "emergency_services", "energy", "financial_services",
    "food_agriculture", "government_facilities", "healthcare_public_health",
    "information_technology", "nuclear", "transportation", "water_wastewater",
]

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_table(path, label_column):
    """A BEA CSV as (row labels, column labels, {row: [strings]}), keeping source order."""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    if header[0] != label_column:
        sys.exit(f"{path}: first column is {header[0]!r}, expected {label_column!r}")
    labels = [r[0] for r in rows[1:]]
    table = {r[0]: r[1:] for r in rows[1:]}
    return labels, header[1:], table


def block(table, columns, row_keys, col_keys, path):
    """The float matrix of rows `row_keys` x columns `col_keys`."""
    index = {c: k for k, c in enumerate(columns)}
    out = np.zeros((len(row_keys), len(col_keys)))
    for a, r in enumerate(row_keys):
        if r not in table:
            sys.exit(f"{path}: missing row {r!r}")
        cells = table[r]
        for b, c in enumerate(col_keys):
            if c not in index:
                sys.exit(f"{path}: missing column {c!r}")
            out[a, b] = float(cells[index[c]])
    return out


def read_crosswalk(path, industries):
    """The 71x16 share matrix S and the notes; checks codes, sectors and share sums."""
    S = np.zeros((len(industries), len(SECTORS)))
    where = {c: k for k, c in enumerate(industries)}
    col = {s: k for k, s in enumerate(SECTORS)}
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames[:4] != ["bea_code", "sector", "share", "note"]:
            sys.exit(f"{path}: header must be bea_code,sector,share,note")
        for line, row in enumerate(reader, start=2):
            code, sector = row["bea_code"].strip(), row["sector"].strip()
            if code not in where:
                sys.exit(f"{path}:{line}: unknown BEA industry code {code!r}")
            if sector not in col:
                sys.exit(f"{path}:{line}: unknown sector {sector!r}")
            share = float(row["share"])
            if not 0 <= share <= 1:
                sys.exit(f"{path}:{line}: share {share} outside [0, 1]")
            S[where[code], col[sector]] += share
    sums = S.sum(axis=1)
    for k, s in enumerate(sums):
        if s > 1 + 1e-9:
            sys.exit(f"{path}: shares of {industries[k]} sum to {s:.6g} > 1")
    return S


def fmt(x):
    """6 significant digits, no exponent noise for zero."""
    if x == 0:
        return "0"
    return f"{x:.6g}"


def spectral_radius(A):
    return float(np.max(np.abs(np.linalg.eigvals(A))))


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--data-dir", default=os.path.join(REPO, "..", "shared", "data", "bea"))
    p.add_argument("--use", help="BEA summary Use table CSV (default <data-dir>/use_<year>_summary.csv)")
    p.add_argument("--make", help="BEA summary Make table CSV (default <data-dir>/make_<year>_summary.csv)")
    p.add_argument("--crosswalk", default=os.path.join(REPO, "configs", "data", "cisa_bea_crosswalk.csv"))
    p.add_argument("--out", required=True, help="dependency matrix CSV to write")
    p.add_argument("--economics-out", help="optional sector value added / gross output CSV to write")
    args = p.parse_args(argv)
    use_path = args.use or os.path.join(args.data_dir, f"use_{args.year}_summary.csv")
    make_path = args.make or os.path.join(args.data_dir, f"make_{args.year}_summary.csv")

    use_rows, use_cols, use = read_table(use_path, "commodity")
    make_rows, make_cols, make = read_table(make_path, "industry")
    # The industries: the Make table's rows before its total row; commodities share the codes.
    industries = [r for r in make_rows if not r.startswith("Total")]
    commodities = [c for c in make_cols if c not in ("Used", "Other") and not c.startswith("Total")]
    if industries != commodities:
        sys.exit("industry and commodity codes differ: this script expects the BEA summary schema")
    for c in industries:
        if c not in use_cols or c not in use:
            sys.exit(f"{use_path}: industry/commodity {c!r} missing")

    U = block(use, use_cols, commodities, industries, use_path)            # commodity x industry
    V = block(make, make_cols, industries, commodities, make_path)         # industry x commodity
    g = block(use, use_cols, ["Total Industry Output"], industries, use_path)[0]
    va = block(use, use_cols, ["Total Value Added"], industries, use_path)[0]
    q = block(make, make_cols, ["Total Commodity Output"], commodities, make_path)[0]
    if np.any(q <= 0) or np.any(g <= 0):
        sys.exit("non-positive commodity or industry output")

    D = V / q[np.newaxis, :]             # market shares
    Z = D @ U                            # supplier industry x purchasing industry
    S = read_crosswalk(args.crosswalk, industries)
    Z16 = S.T @ Z @ S
    x16 = S.T @ g
    va16 = S.T @ va
    A = (Z16 / x16[np.newaxis, :]).T     # a_ij = Z16[j, i] / x_i
    negatives = A < 0
    if negatives.any():
        print(f"clipped {int(negatives.sum())} negative coefficient(s) to 0 "
              f"(most negative {A[negatives].min():.3g}; from negative Use cells)")
        A = np.where(negatives, 0.0, A)

    unmapped = [(industries[k], 1 - S[k].sum()) for k in range(len(industries)) if S[k].sum() < 1 - 1e-9]
    lines = [f"# supply-side dependency matrix a_ij (row i buys share a_ij of its output value from column j), "
             f"BEA {args.year} summary tables, industry-technology assumption",
             "# generated by scripts/derive_dependencies.py from " + os.path.basename(use_path) + ", "
             + os.path.basename(make_path) + " and " + os.path.basename(args.crosswalk) + "; do not edit",
             "# not mapped (share dropped): " + ", ".join(f"{c} ({fmt(s)})" for c, s in unmapped)]
    print(f"year {args.year}: {len(unmapped)} industries (partly) not mapped; dropped output share: "
          + ", ".join(f"{c} {s:.3g}" for c, s in unmapped))
    mapped_share = float(x16.sum() / g.sum())
    print(f"mapped gross output {x16.sum() / 1e3:.1f} of {g.sum() / 1e3:.1f} USD bn ({mapped_share:.1%}); "
          f"mapped value added {va16.sum() / 1e3:.1f} of {va.sum() / 1e3:.1f} USD bn ({va16.sum() / va.sum():.1%})")

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", newline="", encoding="utf-8") as f:
        for line in lines:
            f.write(line + "\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["sector"] + SECTORS)
        for i, s in enumerate(SECTORS):
            w.writerow([s] + [fmt(A[i, j]) for j in range(len(SECTORS))])
    # The radius of the matrix as written (rounded), which is what the engine reads.
    written = np.array([[float(fmt(A[i, j])) for j in range(len(SECTORS))] for i in range(len(SECTORS))])
    print(f"wrote {args.out}: spectral radius {spectral_radius(written):.6f}; "
          f"largest row sum {written.sum(axis=1).max():.4f} ({SECTORS[int(written.sum(axis=1).argmax())]})")

    if args.economics_out:
        with open(args.economics_out, "w", newline="", encoding="utf-8") as f:
            f.write(f"# per-sector value added and gross output, USD bn, BEA {args.year} summary Use table "
                    f"aggregated with {os.path.basename(args.crosswalk)}; generated by "
                    f"scripts/derive_dependencies.py; do not edit\n")
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["sector", "value_added_usd_bn", "gross_output_usd_bn"])
            for i, s in enumerate(SECTORS):
                w.writerow([s, fmt(va16[i] / 1e3), fmt(x16[i] / 1e3)])
        print(f"wrote {args.economics_out}: value added {va16.sum() / 1e3:.1f} USD bn over 16 sectors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
