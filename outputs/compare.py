"""The cross-region comparison: region × indicator → value, unit, comparator, deadline, source."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from extractors.indicators import labels, measured_phrase
from outputs.export import atomic_write, safe_frame
from outputs.labels import COMPARATOR_SYMBOLS, KIND_LABELS, LEVEL_RANK

LONG_COLUMNS = ["region_adcode", "region_name", "region_level", "indicator_key", "indicator_label", "kind", "year",
                "deadline", "comparator", "value", "value_max", "unit", "indicator", "title", "doc_number", "issuer",
                "publish_date", "source", "sentence"]


UNKEYED = "（未归类）"


def comparison(commitments: pd.DataFrame, indicator: str | None = None, level: str | None = None,
               kind: str | None = None, unkeyed: bool = False, reported: bool = False) -> pd.DataFrame:
    """One row per region, indicator, deadline year and unit: the most recently published value. By default
    only what can be compared: targets and provisions with an indicator key. `unkeyed` adds the rows
    without a key, labelled （未归类） and their measured noun phrase; `reported` adds past figures (kind
    `reported`)."""
    df = commitments.copy()
    kinds = ["target", "provision"] + (["reported"] if reported or kind == "reported" else [])
    df = df[df["region_adcode"].notna() & df["kind"].isin(kinds)]
    if not unkeyed:
        df = df[df["indicator_key"].notna()]
    if indicator:
        df = df[df["indicator_key"] == indicator]
    if level:
        df = df[df["region_level"] == level]
    if kind:
        df = df[df["kind"] == kind]
    keyed = df["indicator_key"].map(labels()).fillna(df["indicator_key"])  # a key the taxonomy no longer has: itself
    loose = df["indicator"].map(lambda p: UNKEYED + (measured_phrase(p) or p or "") if isinstance(p, str) else UNKEYED)
    df = df.assign(indicator_label=keyed.where(df["indicator_key"].notna(), loose))
    df = df.sort_values(["publish_date", "doc_id", "idx"], ascending=[False, True, True], na_position="last")
    df = df.drop_duplicates(["region_adcode", "indicator_label", "year", "unit", "kind"], keep="first")
    return df.sort_values(["indicator_key", "indicator_label", "region_level", "region_adcode", "year"], na_position="last")[LONG_COLUMNS] \
        .reset_index(drop=True)


def region_labels(long: pd.DataFrame) -> pd.Series:
    """A display name per row's region: its name, and where two regions of the table share a name (朝阳区 of
    北京市 and of 长春市) the name of the city or province it belongs to as well."""
    if long.empty:
        return pd.Series([], index=long.index, dtype=object)
    from extractors.regions import gazetteer

    codes = long[["region_adcode", "region_name"]].drop_duplicates()
    shared = set(codes.loc[codes["region_name"].duplicated(keep=False), "region_name"])
    gz = gazetteer()

    def label(code, name) -> str:
        name = name if isinstance(name, str) and name else str(code)
        if name not in shared:
            return name
        r = gz.region(str(code))
        parent = (r.city if r and r.city and r.city != name else None) or (r.province if r and r.province != name else None)
        return f"{name}（{parent or code}）"

    cache = {(c, n): label(c, n) for c, n in codes.itertuples(index=False)}
    return pd.Series([cache[(c, n)] for c, n in zip(long["region_adcode"], long["region_name"])], index=long.index,
                     dtype=object)


def _cell(row) -> str:
    value = f"{row['value']:g}" + (f"–{row['value_max']:g}" if pd.notna(row["value_max"]) else "")
    year = f"（{int(row['year'])}）" if pd.notna(row["year"]) else ""
    past = f"（{KIND_LABELS['reported']}）" if row["kind"] == "reported" else ""
    return f"{COMPARATOR_SYMBOLS.get(row['comparator'], '')}{value}{row['unit']}{year}{past}"


def matrix(long: pd.DataFrame) -> pd.DataFrame:
    """Regions down, indicators across; a cell lists each deadline's value (≥45%（2025）；≥50%（2026）)."""
    if long.empty:
        return pd.DataFrame()
    cells = long.assign(cell=long.apply(_cell, axis=1), region_label=region_labels(long))
    wide = cells.groupby(["region_label", "indicator_label"], sort=False)["cell"].agg("；".join).unstack("indicator_label")
    order = (cells.assign(r=cells["region_level"].map(LEVEL_RANK)).sort_values(["r", "region_adcode"])["region_label"]
             .drop_duplicates().tolist())
    return wide.reindex(order).fillna("").reset_index().rename(columns={"region_label": "地区"})


def write(long: pd.DataFrame, wide: pd.DataFrame, out_dir: str | Path) -> dict[str, Path]:
    from outputs.tables import typed

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    long = typed(long)
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
