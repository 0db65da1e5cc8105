"""Links across the store: which document cites which, and whether a target was met by a later report.

Two derived tables are rebuilt from the stored records after every run (`Store.link`), so a document
stored later links the citations that named it before it was there:

- `citations`: one row per (citing document, cited document as written) with the strongest relation
  read in the text (repeals > amends > implements > cites) and `cited_doc_id` when the store holds the
  cited document, matched by its normalized number, else by its normalized title (the issuer breaking
  ties). Unmatched rows are the named nodes that a later ingestion may link.
- `follow_ups`: one row per keyed target (region, indicator_key, deadline year, value, comparator) with
  the latest later-reported figure for the same region and key, and a status: `met`, `not met`,
  `no report yet`, `unclear` (units that do not compare).
"""
from __future__ import annotations

import re
import sqlite3
from collections import defaultdict

from extractors.citations import named_issuer, normalize_title, title_keys

RELATION_RANK = {"repeals": 3, "amends": 2, "implements": 1, "cites": 0}
RELATION_LABELS = {"implements": "贯彻落实", "repeals": "废止", "amends": "修订", "cites": "引用"}
STATUS_LABELS = {"met": "已完成", "not met": "未完成", "no report yet": "尚无报告", "unclear": "无法比较"}

CITATION_COLUMNS = ["doc_id", "cited_key", "text", "relation", "number", "title", "start", "end", "cited_doc_id"]
FOLLOW_UP_COLUMNS = ["doc_id", "idx", "region_adcode", "region_name", "indicator_key", "year", "value", "value_max",
                     "unit", "comparator", "sentence", "report_doc_id", "report_idx", "report_value", "report_unit",
                     "report_year", "report_sentence", "status"]

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS citations ({", ".join(f'"{c}"' for c in CITATION_COLUMNS)}, PRIMARY KEY (doc_id, cited_key));
CREATE INDEX IF NOT EXISTS citations_cited ON citations (cited_doc_id);
CREATE TABLE IF NOT EXISTS follow_ups ({", ".join(f'"{c}"' for c in FOLLOW_UP_COLUMNS)}, PRIMARY KEY (doc_id, idx));
"""

_MULTIPLIERS = (("亿", 1e8), ("千万", 1e7), ("百万", 1e6), ("万", 1e4), ("千", 1e3))


def citation_key(number: str | None, title: str | None) -> str:
    return f"n:{number}" if number else f"t:{normalize_title(title or '')}"


def citation_rows(r: dict) -> list[dict]:
    """One row per cited document of a record, with the strongest relation and the first place it is named."""
    best: dict[str, dict] = {}
    for c in r.get("citations") or []:
        key = citation_key(c.get("number"), c.get("title"))
        row = {"doc_id": r["doc_id"], "cited_key": key, "text": c["text"], "relation": c["relation"],
               "number": c.get("number"), "title": c.get("title"), "start": c["start"], "end": c["end"],
               "cited_doc_id": None}
        old = best.get(key)
        if old is None:
            best[key] = row
        elif RELATION_RANK[row["relation"]] > RELATION_RANK[old["relation"]]:
            best[key] = {**old, "relation": row["relation"]}
    return list(best.values())


def link(conn: sqlite3.Connection) -> None:
    """Resolve every citation against the documents stored now and rebuild the follow-ups."""
    conn.executescript(SCHEMA)
    docs = conn.execute("SELECT doc_id, title, own_doc_numbers, issuer, publish_date, region_adcode, doc_type "
                        "FROM documents").fetchall()
    by_number: dict[str, list[str]] = defaultdict(list)
    by_title: dict[str, list[str]] = defaultdict(list)
    meta = {}
    for doc_id, title, numbers, iss, date, region, doc_type in docs:
        for n in (numbers or "").split("; "):
            if n:
                by_number[n].append(doc_id)
        for k in title_keys(title):
            by_title[k].append(doc_id)
        meta[doc_id] = (iss or "", date or "", region or "", doc_type)
    updates = []
    for doc_id, key, number, title in conn.execute("SELECT doc_id, cited_key, number, title FROM citations").fetchall():
        _, date, region, _ = meta.get(doc_id, ("", "", "", None))
        # an interpretation or news page that prints the number of the notice it explains is not that notice
        found = sorted((d for d in by_number.get(number or "", []) if d != doc_id),
                       key=lambda d: meta[d][3] in ("interpretation", "news"))
        if not found and title:
            named = named_issuer(title)
            cands = [d for d in dict.fromkeys(d for k in title_keys(title) for d in by_title.get(k, []) if d != doc_id)
                     if not (date and meta[d][1] and meta[d][1] > date)]  # nothing cites what is published later
            if not named:  # 《关于…的通知》 names no issuer: only a document of the citing document's own province
                cands = [d for d in cands if region and meta[d][2][:2] == region[:2]]
            elif len(cands) > 1:  # the same title from several issuers: the one the citation names
                cands = sorted(cands, key=lambda d: not (meta[d][0] and (meta[d][0] in named or named in meta[d][0])))
            found = cands
        updates.append((found[0] if found else None, doc_id, key))
    with conn:
        conn.executemany("UPDATE citations SET cited_doc_id = ? WHERE doc_id = ? AND cited_key = ?", updates)
        conn.execute("DELETE FROM follow_ups")
        conn.executemany(f"INSERT INTO follow_ups VALUES ({', '.join('?' * len(FOLLOW_UP_COLUMNS))})",
                         [[row[c] for c in FOLLOW_UP_COLUMNS] for row in follow_up_rows(conn)])


def _fold(value: float, unit: str) -> tuple[float, str]:
    """12万人 and 120000人 compare: a leading multiplier of the unit goes into the value."""
    unit = (unit or "").strip().replace("％", "%")
    for prefix, factor in _MULTIPLIERS:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return value * factor, unit[len(prefix):]
    return value, unit


def _falling(sentence: str) -> bool:
    return bool(re.search(r"降至|降低到|下降到|减少到|减少至|控制在|压减|以内|以下|不超过|不高于", sentence or ""))


def reached(target: float, comparator: str | None, reported: float, sentence: str = "", target_max: float | None = None) -> bool:
    """Whether a reported figure satisfies a target: ≥/> reach it, ≤/< stay under it; a plain `=` (达到85%)
    is reached from below unless the sentence sets a ceiling (降至, 控制在…以内); a range holds its bounds."""
    if target_max is not None:
        return target <= reported <= target_max
    if comparator in (">=", "~"):
        return reported >= target
    if comparator == ">":
        return reported > target
    if comparator == "<=":
        return reported <= target
    if comparator == "<":
        return reported < target
    return reported <= target if _falling(sentence) else reported >= target


def follow_up_rows(conn: sqlite3.Connection) -> list[dict]:
    q = """SELECT c.doc_id, c.idx, c.region_adcode, c.region_name, c.indicator_key, c.year, c.value, c.value_max,
                  c.unit, c.comparator, c.sentence, c.kind, d.publish_date
           FROM commitments c JOIN documents d USING (doc_id)
           WHERE c.indicator_key IS NOT NULL AND c.region_adcode IS NOT NULL AND c.kind IN ('target', 'reported')"""
    names = ["doc_id", "idx", "region_adcode", "region_name", "indicator_key", "year", "value", "value_max", "unit",
             "comparator", "sentence", "kind", "publish_date"]
    rows = [dict(zip(names, r)) for r in conn.execute(q)]
    reports = defaultdict(list)
    for r in rows:
        if r["kind"] == "reported":
            reports[(r["region_adcode"], r["indicator_key"])].append(r)
    out = []
    for t in rows:
        if t["kind"] != "target" or not t["year"]:
            continue
        later = [r for r in reports.get((t["region_adcode"], t["indicator_key"]), [])
                 if r["doc_id"] != t["doc_id"] and (r["publish_date"] or "") > (t["publish_date"] or "")]
        row = {c: t.get(c) for c in FOLLOW_UP_COLUMNS}
        row.update(report_doc_id=None, report_idx=None, report_value=None, report_unit=None, report_year=None,
                   report_sentence=None, status="no report yet")
        if later:
            def when(r):  # the year the figure is for: 截至2026年底 in its sentence, else its document's year
                year = re.search(r"((?:19|20)\d\d)年", r["sentence"] or "")
                return (int(year.group(1)) if year else int((r["publish_date"] or "0")[:4] or 0), r["publish_date"] or "")

            rep = max(later, key=when)
            tv, tu = _fold(t["value"], t["unit"])
            rv, ru = _fold(rep["value"], rep["unit"])
            tmax = None if t["value_max"] is None else _fold(t["value_max"], t["unit"])[0]
            status = "unclear" if tu != ru else ("met" if reached(tv, t["comparator"], rv, t["sentence"], tmax) else "not met")
            row.update(report_doc_id=rep["doc_id"], report_idx=rep["idx"], report_value=rep["value"],
                       report_unit=rep["unit"], report_year=when(rep)[0] or None, report_sentence=rep["sentence"],
                       status=status)
        out.append(row)
    return out


def chain(conn: sqlite3.Connection, doc_id: str, depth: int = 6) -> tuple[list[list[dict]], list[list[dict]]]:
    """The implements chain through a document: the levels above it (what it implements, and so on up) and
    the levels below it (what implements it, and so on down), nearest first."""
    def step(ids: list[str], up: bool) -> list[dict]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        if up:
            sql = f"""SELECT DISTINCT d.doc_id, d.title, d.region_name, d.publish_date, c.doc_id FROM citations c
                      JOIN documents d ON d.doc_id = c.cited_doc_id
                      WHERE c.relation = 'implements' AND c.doc_id IN ({marks})"""
        else:
            sql = f"""SELECT DISTINCT d.doc_id, d.title, d.region_name, d.publish_date, c.cited_doc_id FROM citations c
                      JOIN documents d ON d.doc_id = c.doc_id
                      WHERE c.relation = 'implements' AND c.cited_doc_id IN ({marks})"""
        return [dict(zip(("doc_id", "title", "region_name", "publish_date", "via"), r)) for r in conn.execute(sql, ids)]

    def walk(up: bool) -> list[list[dict]]:
        levels, seen, frontier = [], {doc_id}, [doc_id]
        for _ in range(depth):
            level = [d for d in step(frontier, up) if d["doc_id"] not in seen]
            if not level:
                break
            seen |= {d["doc_id"] for d in level}
            levels.append(level)
            frontier = [d["doc_id"] for d in level]
        return levels

    return walk(True), walk(False)
