"""Contract records → rows of the three tables (documents, commitments, mentions) and the errors table.

`TABLES` is the registry: a table's columns are its schema, and the store (create, migrate, insert,
delete, read) and the exports (Parquet, CSV) take every table from it. Adding a table is one `Table`
here with a function from a record to its rows.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from outputs import links

DOCUMENT_COLUMNS = ["doc_id", "source", "doc_index", "title", "doc_type", "script", "publish_date", "effective_date",
                    "region_adcode", "region_name", "region_level", "province", "city", "county", "issuer",
                    "own_doc_numbers", "flags", "n_commitments", "start", "end", "extractor_version"]
COMMITMENT_COLUMNS = ["doc_id", "idx", "source", "title", "region_adcode", "region_name", "region_level", "issuer",
                      "doc_number", "publish_date", "kind", "indicator_key", "indicator", "subject", "value", "value_max",
                      "unit", "comparator", "deadline", "year", "recurrence", "sentence", "start", "end",
                      "value_start", "value_end"]
MENTION_COLUMNS = ["doc_id", "kind", "text", "normalized", "role", "detail", "start", "end"]
ERROR_COLUMNS = ["source", "error", "detail"]
COPY_COLUMNS = ["source", "doc_index", "doc_id", "same_as", "start", "end"]


def document_row(r: dict) -> dict:
    region = r.get("region") or {}
    issuers = [a["normalized"] for a in r["agencies"] if a["role"] == "issuer"]
    own = list(dict.fromkeys(d["normalized"] for d in r["doc_numbers"] if d["role"] == "own"))
    return {
        "doc_id": r["doc_id"], "source": r["source"], "doc_index": r["doc_index"], "title": r["title"],
        "doc_type": r["doc_type"], "script": r["script"], "publish_date": r["publish_date"],
        "effective_date": r["effective_date"], "region_adcode": region.get("adcode"), "region_name": region.get("name"),
        "region_level": region.get("level"), "province": region.get("province"), "city": region.get("city"),
        "county": region.get("county"), "issuer": issuers[0] if issuers else None,
        "own_doc_numbers": "; ".join(own), "flags": ",".join(r.get("flags") or []),
        "n_commitments": sum(1 for c in r["commitments"] if c["kind"] != "reported"),
        "start": r.get("start", 0), "end": r.get("end", 0), "extractor_version": r.get("extractor_version"),
    }


def commitment_rows(r: dict) -> list[dict]:
    doc = document_row(r)
    rows = []
    for i, c in enumerate(r["commitments"]):
        rows.append({
            "doc_id": r["doc_id"], "idx": i, "source": r["source"], "title": r["title"],
            "region_adcode": doc["region_adcode"], "region_name": doc["region_name"], "region_level": doc["region_level"],
            "issuer": doc["issuer"], "doc_number": doc["own_doc_numbers"].split("; ")[0] or None,
            "publish_date": r["publish_date"], "kind": c["kind"], "indicator_key": c.get("indicator_key"),
            "indicator": c["indicator"], "subject": c["subject"], "value": float(c["value"]),
            "value_max": None if c.get("value_max") is None else float(c["value_max"]), "unit": c["unit"],
            "comparator": c["comparator"], "deadline": c["deadline"], "year": c["year"], "recurrence": c["recurrence"],
            "sentence": c["sentence"], "start": c["start"], "end": c["end"],
            "value_start": c.get("value_start"), "value_end": c.get("value_end"),
        })
    return rows


def mention_rows(r: dict) -> list[dict]:
    rows = []
    for d in r["doc_numbers"]:
        rows.append({"doc_id": r["doc_id"], "kind": "doc_number", "text": d["text"], "normalized": d["normalized"],
                     "role": d["role"], "detail": json.dumps({"prefix": d["prefix"], "year": d["year"], "serial": d["serial"],
                                                              "province": d.get("province")}, ensure_ascii=False),
                     "start": d["start"], "end": d["end"]})
    for a in r["agencies"]:
        rows.append({"doc_id": r["doc_id"], "kind": "agency", "text": a["text"], "normalized": a["normalized"],
                     "role": a["role"], "detail": json.dumps({"level": a["level"]}), "start": a["start"], "end": a["end"]})
    for d in r["dates"]:
        rows.append({"doc_id": r["doc_id"], "kind": "date", "text": d["text"],
                     "normalized": d["end_date"] if d["start_date"] in (None, d["end_date"]) else f"{d['start_date']}/{d['end_date']}",
                     "role": d["kind"], "detail": None, "start": d["start"], "end": d["end"]})
    return rows


def error_row(e) -> dict:
    """A `corpora.records.ReadError` → its row of the errors table."""
    return {c: v for c, v in e.as_dict().items() if c in ERROR_COLUMNS}


@dataclass(frozen=True)
class Table:
    name: str
    columns: list[str]
    key: tuple[str, ...]  # the primary key
    order: str  # how a reader gets its rows (ORDER BY)
    rows: Callable[[dict], list[dict]] | None  # the rows of one document's contract record; None: not from one


DOCUMENTS = Table("documents", DOCUMENT_COLUMNS, ("doc_id",), "source, doc_index", lambda r: [document_row(r)])
COMMITMENTS = Table("commitments", COMMITMENT_COLUMNS, ("doc_id", "idx"), "doc_id, idx", commitment_rows)
MENTIONS = Table("mentions", MENTION_COLUMNS, ("doc_id", "kind", "start", "end"), "doc_id, kind, start", mention_rows)
CITATIONS = Table("citations", links.CITATION_COLUMNS, ("doc_id", "cited_key"), "doc_id, start", links.citation_rows)
ERRORS = Table("errors", ERROR_COLUMNS, ("source",), "source", None)
# a document a file gives that another file (`same_as`, its documents row's source) already provides
COPIES = Table("copies", COPY_COLUMNS, ("source", "doc_index"), "source, doc_index", None)
# rebuilt from the stored rows after every run (`outputs.links.link`), not from one record
FOLLOW_UPS = Table("follow_ups", links.FOLLOW_UP_COLUMNS, ("doc_id", "idx"), "doc_id, idx", None)

# the tables filled from each document's record
RECORD_TABLES = (DOCUMENTS, COMMITMENTS, MENTIONS, CITATIONS)
# the tables a run writes and exports, in this order
TABLES = (DOCUMENTS, COMMITMENTS, MENTIONS, ERRORS, COPIES, CITATIONS, FOLLOW_UPS)


def create_sql(t: Table) -> str:
    cols = ", ".join(f'"{c}"' for c in t.columns)
    return f'CREATE TABLE IF NOT EXISTS {t.name} ({cols}, PRIMARY KEY ({", ".join(f"{chr(34)}{k}{chr(34)}" for k in t.key)}))'


# The exported tables' column types (Parquet and CSV; docs/tables.md describes every column). The store keeps
# SQLite's loose types; `typed` gives each column one type on the way out.
DATE_COLUMNS = {"publish_date", "effective_date", "deadline"}  # ISO dates: date32 in Parquet, YYYY-MM-DD in CSV
INT_COLUMNS = {"doc_index", "idx", "n_commitments", "start", "end", "year", "value_start", "value_end", "report_idx",
               "report_year"}  # nullable integers (pandas Int64)
FLOAT_COLUMNS = {"value", "value_max", "report_value"}
CODE_COLUMNS = {"region_adcode"}  # GB/T 2260 codes: six-character strings, never numbers


def _code(v):
    if v is None or (isinstance(v, float) and v != v):
        return None
    if isinstance(v, (int, float)):
        return f"{int(v):06d}"
    return str(v)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def column_type(c: str) -> str:
    """A column's exported type: "date", "int", "float", "code" or "str"."""
    if c in DATE_COLUMNS or c.endswith("_date"):
        return "date"
    if c in INT_COLUMNS:
        return "int"
    if c in FLOAT_COLUMNS:
        return "float"
    if c in CODE_COLUMNS:
        return "code"
    return "str"


def _number(v) -> float | None:
    if v is None:
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if f != f or f in (math.inf, -math.inf) else f


def _date(v) -> dt.date | None:
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str) and _ISO_DATE.fullmatch(v):
        try:
            return dt.date.fromisoformat(v)
        except ValueError:
            return None
    return None


def _int(v) -> int | None:
    f = _number(v)
    return None if f is None or abs(f) >= 2.0 ** 63 else int(round(f))


def _str(v) -> str | None:
    return None if v is None else v if isinstance(v, str) else str(v)


# a stored value → its exported value, by the column's type (the same values `typed` gives a frame)
CONVERT = {"date": _date, "int": _int, "float": _number, "code": _code, "str": _str}


def typed(df):
    """The same table with each known column in its type: dates as dates, counts and years as nullable
    integers, values as floats, region codes as strings."""
    import pandas as pd

    out = df.copy()
    for c in out.columns:
        if c in DATE_COLUMNS or c.endswith("_date"):
            out[c] = pd.to_datetime(out[c], format="%Y-%m-%d", errors="coerce").dt.date.astype(object)
            out[c] = out[c].where(out[c].notna(), None)
        elif c in INT_COLUMNS:
            out[c] = pd.to_numeric(out[c], errors="coerce").round().astype("Int64")
        elif c in FLOAT_COLUMNS:
            out[c] = pd.to_numeric(out[c], errors="coerce").astype("float64")
        elif c in CODE_COLUMNS:
            out[c] = pd.Series([_code(v) for v in out[c]], index=out.index, dtype="str")
    return out
