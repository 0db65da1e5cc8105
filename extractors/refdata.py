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
    """Rows of a CSV/TSV data file (`#` lines are comments); a malformed row raises RefDataError
    naming the file and its line number."""
    path = data_path(name)
    numbered = [(i, ln) for i, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if ln.strip() and not ln.lstrip().startswith("#")]
    if not numbered:
        raise RefDataError(f"{path}: no header")
    header = next(csv.reader([numbered[0][1]], delimiter=delimiter))
    missing = [c for c in required if c not in header]
    if missing:
        raise RefDataError(f"{path}:{numbered[0][0]}: header lacks column(s) {', '.join(missing)}")
    rows = []
    for lineno, line in numbered[1:]:
        values = next(csv.reader([line], delimiter=delimiter))
        if len(values) > len(header):
            raise RefDataError(f"{path}:{lineno}: {len(values)} fields, header has {len(header)}")
        row = {k: v.strip() for k, v in zip(header, values + [""] * (len(header) - len(values)))}
        empty = [c for c in required if not row[c]]
        if empty:
            raise RefDataError(f"{path}:{lineno}: empty {', '.join(empty)}")
        rows.append(row)
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


@functools.cache
def department_stems() -> list[dict[str, str]]:
    return read_rows("department_stems.tsv", ("stem", "province", "local"), delimiter="\t")


@functools.cache
def municipal_departments() -> list[dict[str, str]]:
    rows = read_rows("municipal_departments.tsv", ("municipality", "level", "local", "body"), delimiter="\t")
    for r in rows:
        if r["level"] not in ("city", "district"):
            raise RefDataError(f"{data_path('municipal_departments.tsv')}: level {r['level']!r} is neither city nor district")
    return rows


@functools.cache
def ambiguous_place_names() -> list[dict[str, str]]:
    return read_rows("ambiguous_place_names.csv", ("short_name", "example"))


@functools.cache
def generic_division_names() -> list[dict[str, str]]:
    return read_rows("generic_division_names.csv", ("name", "example"))


@functools.cache
def agency_cores_needing_region() -> list[dict[str, str]]:
    return read_rows("agency_cores_needing_region.csv", ("core", "example"))


@functools.cache
def title_suffixes() -> list[dict[str, str]]:
    from extractors.records import DocType

    name = "title_suffixes.tsv"
    rows = read_rows(name, ("suffix", "title_line", "example"), delimiter="\t")
    types = {t.value for t in DocType}
    for r in rows:
        r.setdefault("doc_type", "")
        if r["doc_type"] and r["doc_type"] not in types or r["title_line"] not in {"yes", "no"}:
            raise RefDataError(f"{data_path(name)}: row {r['suffix']!r}: doc_type must be empty or one of "
                               f"{sorted(types)}, title_line yes or no")
    return rows
