"""The cross-region comparison: region × indicator → value, unit, comparator, deadline, source."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from extractors.indicators import labels
from outputs.export import atomic_write, safe_frame

LONG_COLUMNS = ["region_adcode", "region_name", "region_level", "indicator_key", "indicator_label", "kind", "year",
                "deadline", "comparator", "value", "value_max", "unit", "indicator", "title", "doc_number", "issuer",
                "publish_date", "source", "sentence"]
_SYMBOL = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "~": "约", "=": "", None: ""}


def comparison(commitments: pd.DataFrame, indicator: str | None = None, level: str | None = None,
               kind: str | None = None) -> pd.DataFrame:
    """One row per region, indicator, deadline year and unit: the most recently published value."""
    df = commitments.copy()
    df = df[df["indicator_key"].notna() & df["region_adcode"].notna() & df["kind"].isin(["target", "provision"])]
    if indicator:
        df = df[df["indicator_key"] == indicator]
    if level:
        df = df[df["region_level"] == level]
    if kind:
        df = df[df["kind"] == kind]
    df = df.assign(indicator_label=df["indicator_key"].map(labels()))
    df = df.sort_values(["publish_date", "doc_id", "idx"], ascending=[False, True, True], na_position="last")
    df = df.drop_duplicates(["region_adcode", "indicator_key", "year", "unit", "kind"], keep="first")
    return df.sort_values(["indicator_key", "region_level", "region_adcode", "year"], na_position="last")[LONG_COLUMNS] \
        .reset_index(drop=True)


def _cell(row) -> str:
    value = f"{row['value']:g}" + (f"–{row['value_max']:g}" if pd.notna(row["value_max"]) else "")
    year = f"（{int(row['year'])}）" if pd.notna(row["year"]) else ""
    return f"{_SYMBOL.get(row['comparator'], '')}{value}{row['unit']}{year}"


def matrix(long: pd.DataFrame) -> pd.DataFrame:
    """Regions down, indicators across; a cell lists each deadline's value (≥45%（2025）；≥50%（2026）)."""
    if long.empty:
        return pd.DataFrame()
    cells = long.assign(cell=long.apply(_cell, axis=1))
    wide = cells.groupby(["region_name", "indicator_label"], sort=False)["cell"].agg("；".join).unstack("indicator_label")
    rank = {"province": 0, "city": 1, "county": 2}
    order = (long.assign(r=long["region_level"].map(rank)).sort_values(["r", "region_adcode"])["region_name"]
             .drop_duplicates().tolist())
    return wide.reindex(order).fillna("").reset_index().rename(columns={"region_name": "地区"})


def write(long: pd.DataFrame, wide: pd.DataFrame, out_dir: str | Path) -> dict[str, Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"comparison.csv": out / "comparison.csv", "comparison.parquet": out / "comparison.parquet",
             "comparison.xlsx": out / "comparison.xlsx", "matrix.csv": out / "matrix.csv"}
    atomic_write(paths["comparison.csv"], lambda p: safe_frame(long).to_csv(p, index=False, encoding="utf-8-sig"))
    atomic_write(paths["comparison.parquet"], lambda p: long.to_parquet(p, index=False))
    atomic_write(paths["matrix.csv"], lambda p: safe_frame(wide).to_csv(p, index=False, encoding="utf-8-sig"))

    def excel(p):
        with pd.ExcelWriter(p, engine="openpyxl") as xw:
            safe_frame(wide).to_excel(xw, sheet_name="matrix", index=False)
            safe_frame(long).to_excel(xw, sheet_name="comparison", index=False)

    atomic_write(paths["comparison.xlsx"], excel)
    return paths
