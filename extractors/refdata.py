"""Loaders for reference data shipped in extractors/data; a bad row names its file and line."""
from __future__ import annotations

import csv
import functools
from importlib import resources
from pathlib import Path


class RefDataError(ValueError):
    """A reference-data row that cannot be used, with its file and line."""


def data_path(name: str) -> Path:
    return Path(str(resources.files("extractors") / "data" / name))


def read_rows(name: str, required: tuple[str, ...], delimiter: str = ",") -> list[dict[str, str]]:
    """Rows of a CSV/TSV data file; raises RefDataError naming file and line for a malformed row."""
    path = data_path(name)
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        lines = (ln for ln in f if ln.strip() and not ln.lstrip().startswith("#"))
        reader = csv.DictReader(lines, delimiter=delimiter)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise RefDataError(f"{path}: header lacks column(s) {', '.join(missing)}")
        for row in reader:
            if None in row or any(not (row.get(c) or "").strip() for c in required):
                raise RefDataError(f"{path}:{reader.line_num}: missing value in {required} or extra columns: {row}")
            rows.append({k: (v or "").strip() for k, v in row.items()})
    return rows


@functools.cache
def divisions() -> list[dict[str, str]]:
    rows = read_rows("divisions.csv", ("adcode", "name", "level"))
    for r in rows:
        if len(r["adcode"]) != 6 or not r["adcode"].isdigit():
            raise RefDataError(f"{data_path('divisions.csv')}: bad adcode {r['adcode']!r}")
    return rows


@functools.cache
def division_changes() -> list[dict[str, str]]:
    return read_rows("division_changes.csv", ("old_adcode", "old_name", "new_adcode", "new_name"))


@functools.cache
def province_abbreviations() -> list[dict[str, str]]:
    return read_rows("province_abbreviations.csv", ("adcode", "abbreviation"))


@functools.cache
def agency_aliases() -> list[dict[str, str]]:
    return read_rows("agencies.tsv", ("alias", "canonical", "scope"), delimiter="\t")
