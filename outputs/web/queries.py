"""What the UI asks the store: filters from query parameters, facets, pages and exports.

Every value a user sends is validated here and reaches SQLite only as a bound parameter; the SQL text is
built from fixed fragments. The connection is opened read-only (`mode=ro` and `query_only`), so nothing
the UI runs can change the store.
"""
from __future__ import annotations

import functools
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from extractors.indicators import labels as indicator_labels
from extractors.regions import gazetteer
from outputs.labels import COMPARATOR_LABELS, KIND_LABELS, error_reason
from outputs.links import RELATION_LABELS, STATUS_LABELS
from outputs.search import match_query

PAGE_SIZE = 50
EXPORT_LIMIT = 200_000

DOC_TYPE_LABELS = {"notice": "通知", "plan": "方案/规划", "opinion": "意见", "measures": "办法/措施", "regulation": "条例/规定",
                   "law": "法律", "interpretation": "政策解读", "news": "新闻", "summary": "工作总结", "report": "报告",
                   "article": "文章", "other": "其他"}

# export columns: (column, Chinese header)
COMMITMENT_EXPORT = [("region_name", "地区"), ("region_adcode", "区划代码"), ("indicator_label", "指标"),
                     ("indicator", "指标原文"), ("kind_label", "类型"), ("comparator_label", "比较"), ("value", "数值"),
                     ("value_max", "数值上限"), ("unit", "单位"), ("year", "年份"), ("deadline", "期限"),
                     ("recurrence", "频次"), ("subject", "对象"), ("sentence", "依据原文"), ("title", "文件标题"),
                     ("doc_number", "发文字号"), ("issuer", "发文机关"), ("publish_date", "发布日期"), ("source", "来源"),
                     ("doc_id", "文件编号"), ("idx", "序号")]
FOLLOW_UP_EXPORT = [("region_name", "地区"), ("region_adcode", "区划代码"), ("indicator_label", "指标"), ("year", "目标年份"),
                    ("comparator_label", "比较"), ("value", "目标值"), ("value_max", "目标上限"), ("unit", "单位"),
                    ("status_label", "完成情况"), ("report_value", "报告值"), ("report_unit", "报告单位"),
                    ("report_year", "报告年份"), ("sentence", "目标原文"), ("report_sentence", "报告原文"),
                    ("title", "目标文件"), ("report_title", "报告文件"), ("doc_id", "文件编号"), ("idx", "序号")]
DOCUMENT_EXPORT = [("title", "标题"), ("own_doc_numbers", "发文字号"), ("doc_type_label", "文种"), ("region_name", "地区"),
                   ("region_adcode", "区划代码"), ("issuer", "发文机关"), ("publish_date", "发布日期"),
                   ("effective_date", "施行日期"), ("n_commitments", "承诺数"), ("source", "来源"),
                   ("copy_sources", "其他来源"), ("doc_id", "文件编号")]


class BadRequest(ValueError):
    """A query parameter the UI cannot use; the message is shown to the user as it is."""


@dataclass
class Filters:
    region: str | None = None
    issuer: str | None = None
    indicator: str | None = None
    kind: str | None = None
    year: int | None = None
    doc_type: str | None = None
    status: str | None = None
    q: str | None = None
    page: int = 1
    all: bool = False  # commitments: every row, not only comparable ones (keyed targets and provisions)
    extra: dict = field(default_factory=dict)

    FIELDS = ("region", "issuer", "indicator", "kind", "year", "doc_type", "status", "q", "all")

    @classmethod
    def parse(cls, params) -> Filters:
        def text(name: str, limit: int = 200) -> str | None:
            value = (params.get(name) or "").strip()
            if len(value) > limit:
                raise BadRequest(f"参数 {name} 过长（最多 {limit} 个字符）")
            return value or None

        f = cls(issuer=text("issuer"), q=text("q"))
        show_all = text("all", 5)
        if show_all not in (None, "1", "0"):
            raise BadRequest("参数 all 应为 1 或 0")
        f.all = show_all == "1"
        region = text("region", 12)
        if region is not None and not re.fullmatch(r"\d{6}", region):
            raise BadRequest("参数 region 应为六位行政区划代码")
        f.region = region
        indicator = text("indicator", 80)
        if indicator is not None and indicator != "none" and not re.fullmatch(r"[a-z0-9_]+", indicator):
            raise BadRequest("参数 indicator 不是有效的指标代码")
        f.indicator = indicator
        kind = text("kind", 20)
        if kind is not None and kind not in KIND_LABELS:
            raise BadRequest("参数 kind 应为 target、provision 或 reported")
        f.kind = kind
        doc_type = text("doc_type", 20)
        if doc_type is not None and doc_type not in DOC_TYPE_LABELS:
            raise BadRequest("参数 doc_type 不是已知的文种")
        f.doc_type = doc_type
        status = text("status", 20)
        if status is not None and status not in STATUS_LABELS:
            raise BadRequest("参数 status 应为 met、not met、no report yet 或 unclear")
        f.status = status
        for name in ("year", "page"):
            value = text(name, 6)
            if value is None:
                continue
            if not re.fullmatch(r"[0-9]{1,6}", value) or not (1 <= int(value) <= (2200 if name == "year" else 100_000)):
                raise BadRequest(f"参数 {name} 应为正整数" + ("（年份）" if name == "year" else ""))
            setattr(f, name, int(value))
        return f

    def params(self, **changes) -> dict:
        """The filters as query parameters, with `changes` applied (None removes one); the page resets."""
        values = {k: getattr(self, k) for k in self.FIELDS}
        values["all"] = 1 if values["all"] else None
        values.update(changes)
        return {k: v for k, v in values.items() if v not in (None, "", False)}

    def active(self) -> dict:
        return self.params()


def connect(path: str | Path) -> sqlite3.Connection:
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no store here; run `policy run` first")
    from urllib.parse import quote

    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        # a store in WAL mode on a read-only filesystem (or a folder we may not write) cannot get its -shm file:
        # open it immutable, which needs no lock and no side file (nothing can write there anyway)
        conn.close()
        conn = sqlite3.connect(uri + "&immutable=1", uri=True, check_same_thread=False)
    conn.execute("PRAGMA query_only = ON")
    conn.row_factory = sqlite3.Row
    conn.create_function("province_code", 1, _province_code, deterministic=True)
    conn.create_function("city_code", 1, _city_code, deterministic=True)
    return conn


def _province_code(adcode: str | None) -> str | None:
    return adcode[:2] + "0000" if adcode and len(adcode) == 6 else None


def _city_code(adcode: str | None) -> str | None:
    """The city a region lies in (itself for a city); None above city level and where the level between
    province and county is a municipality's 市辖区 or 县 grouping, which is no place: under 北京市 the
    districts come directly."""
    d = gazetteer().by_code.get(adcode or "")
    if d is None:
        return None
    if d.level == "city":
        return d.adcode
    return d.city_code if d.city_code in gazetteer().by_code else None


# the groupings GB/T 2260 lists between a province and its counties that are not places themselves
_GROUPINGS = {"市辖区": "市辖区", "县": "所辖县", "省直辖县级行政区划": "省直辖县级行政区划",
              "自治区直辖县级行政区划": "自治区直辖县级行政区划"}


@functools.cache
def _grouping_names() -> dict[str, str]:
    """Code → a readable name for the 市辖区/县 groupings (110100 → 北京市市辖区)."""
    from extractors import refdata

    gz = gazetteer()
    out = {}
    for r in refdata.divisions():
        if r["name"] in _GROUPINGS and r["adcode"] not in gz.by_code:
            province = gz.by_code.get(r["adcode"][:2] + "0000")
            out[r["adcode"]] = (province.name if province else "") + _GROUPINGS[r["name"]]
    return out


def region_name(adcode: str | None) -> str:
    """A region's name for a reader; never a bare code (a code the gazetteer does not know is named by its
    province where possible: 行政区划代码 only as a last resort)."""
    if not adcode:
        return ""
    d = gazetteer().by_code.get(adcode)
    if d is not None:
        return d.name
    if adcode in _grouping_names():
        return _grouping_names()[adcode]
    province = gazetteer().by_code.get(adcode[:2] + "0000") if len(adcode) == 6 else None
    return f"{province.name}（其他地区）" if province else f"未知地区（{adcode}）"


def region_path(adcode: str | None) -> list[tuple[str, str]]:
    """(code, name) from the province down to this region, for breadcrumbs; a municipality's 市辖区
    grouping is skipped (北京市 › 海淀区)."""
    gz = gazetteer()
    d = gz.by_code.get(adcode or "")
    if d is None:
        return []
    codes = [c for c in (d.province_code, d.city_code) if c and c != d.adcode and c in gz.by_code] + [d.adcode]
    return [(c, region_name(c)) for c in codes]


def _has_fts(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'search'").fetchone() is not None


_ALIASES = {"commitments": "c", "documents": "d", "follow_ups": "u"}


class Query:
    """Filters → WHERE clause over `commitments` (alias c), `documents` (alias d) or `follow_ups` (alias u)."""

    def __init__(self, conn: sqlite3.Connection, table: str):
        assert table in _ALIASES
        self.conn, self.table = conn, table
        self.alias = _ALIASES[table]

    def where(self, f: Filters, skip: str | None = None) -> tuple[str, list]:
        a, clauses, params = self.alias, [], []
        if f.region and skip != "region":
            clauses.append(f"? IN ({a}.region_adcode, province_code({a}.region_adcode), city_code({a}.region_adcode))")
            params.append(f.region)
        if f.issuer and skip != "issuer" and self.table != "follow_ups":
            clauses.append(f"{a}.issuer = ?")
            params.append(f.issuer)
        if self.table == "follow_ups":
            for name, column in (("indicator", "u.indicator_key"), ("year", "u.year"), ("status", "u.status")):
                if getattr(f, name) and skip != name:
                    clauses.append(f"{column} = ?")
                    params.append(getattr(f, name))
        elif self.table == "commitments":
            # the default view is what can be compared: keyed targets and provisions; choosing an indicator
            # (or （未归类）) or a kind (or 已有数据), or all=1, shows exactly the rows asked for, and the facets
            # count what each choice would show
            if not (f.all or f.indicator or f.kind or skip in ("indicator", "kind")):
                clauses.append("c.indicator_key IS NOT NULL AND c.kind != 'reported'")
            if f.indicator and skip != "indicator":
                if f.indicator == "none":
                    clauses.append("c.indicator_key IS NULL")
                else:
                    clauses.append("c.indicator_key = ?")
                    params.append(f.indicator)
            if f.kind and skip != "kind":
                clauses.append("c.kind = ?")
                params.append(f.kind)
            if f.year and skip != "year":
                clauses.append("c.year = ?")
                params.append(f.year)
        else:
            if f.doc_type and skip != "doc_type":
                clauses.append("d.doc_type = ?")
                params.append(f.doc_type)
            if f.year and skip != "year":
                clauses.append("substr(d.publish_date, 1, 4) = ?")
                params.append(str(f.year))
        if f.q and self.table != "follow_ups":
            clause, qparams = self._search(f.q)
            clauses.append(clause)
            params += qparams
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def _search(self, q: str) -> tuple[str, list]:
        expr = match_query(q)
        if expr is None:
            return "0", []
        if not _has_fts(self.conn):  # a store written before the index existed: substring scan
            like = f"%{q}%"
            if self.table == "commitments":
                return "(c.sentence LIKE ? OR c.title LIKE ?)", [like, like]
            return "(d.title LIKE ? OR d.doc_id IN (SELECT doc_id FROM commitments WHERE sentence LIKE ?))", [like, like]
        titles = "SELECT doc_id FROM search WHERE search MATCH ? AND field = 'title'"
        if self.table == "commitments":
            return (f"(c.doc_id IN ({titles}) OR (c.doc_id, c.idx) IN "
                    "(SELECT doc_id, idx FROM search WHERE search MATCH ? AND field = 'sentence'))"), [expr, expr]
        return "d.doc_id IN (SELECT doc_id FROM search WHERE search MATCH ?)", [expr]

    def count(self, f: Filters) -> int:
        where, params = self.where(f)
        return self.conn.execute(f"SELECT COUNT(*) FROM {self.table} {self.alias}{where}", params).fetchone()[0]

    def rows(self, f: Filters, limit: int = PAGE_SIZE, offset: int = 0) -> list[dict]:
        return list(self.iter_rows(f, limit, offset))

    def iter_rows(self, f: Filters, limit: int = PAGE_SIZE, offset: int = 0):
        """`rows` one at a time from the cursor: an export of 200,000 rows never holds them all."""
        where, params = self.where(f)
        order = {"commitments": "c.publish_date DESC, c.doc_id, c.idx", "documents": "d.publish_date DESC, d.source, d.doc_index",
                 "follow_ups": "u.indicator_key, u.region_adcode, u.year, u.doc_id, u.idx"}[self.table]
        sql = f"SELECT * FROM {self.table} {self.alias}{where} ORDER BY {order} LIMIT ? OFFSET ?"
        if self.table == "documents" and _has_table(self.conn, "copies"):  # with the other files giving each
            sql = (f"SELECT d.*, (SELECT group_concat(source, char(10)) FROM (SELECT source FROM copies "
                   f"WHERE copies.doc_id = d.doc_id ORDER BY source)) AS copy_sources FROM documents d{where} "
                   f"ORDER BY {order} LIMIT ? OFFSET ?")
        if self.table == "follow_ups":  # with the titles of both documents
            sql = (f"SELECT u.*, t.title AS title, r.title AS report_title FROM follow_ups u "
                   f"LEFT JOIN documents t ON t.doc_id = u.doc_id LEFT JOIN documents r ON r.doc_id = u.report_doc_id"
                   f"{where} ORDER BY {order} LIMIT ? OFFSET ?")
        for r in self.conn.execute(sql, params + [limit, offset]):
            yield decorate(dict(r))

    # facet name → (SQL expression of the value, how a value is labelled)
    def _facet_expr(self, name: str, f: Filters) -> str | None:
        a = self.alias
        if name == "region":
            if f.region is None:
                return f"province_code({a}.region_adcode)"
            level = (gazetteer().by_code.get(f.region).level if gazetteer().by_code.get(f.region) else None)
            if level == "province":
                return f"COALESCE(city_code({a}.region_adcode), {a}.region_adcode)"
            return f"{a}.region_adcode"
        if self.table == "follow_ups":
            return {"indicator": "u.indicator_key", "year": "u.year", "status": "u.status"}.get(name)
        return {"issuer": f"{a}.issuer", "indicator": "COALESCE(c.indicator_key, 'none')", "kind": "c.kind",
                "year": "c.year" if self.table == "commitments" else "substr(d.publish_date, 1, 4)",
                "doc_type": "d.doc_type"}.get(name)

    def facet(self, name: str, f: Filters, limit: int = 20) -> list[dict]:
        """Values of one facet with their counts under every other filter (and the region's own, for the
        region facet, which lists the parts of the selected region)."""
        expr = self._facet_expr(name, f)
        where, params = self.where(f, skip=None if name == "region" else name)
        extra = f"{' AND' if where else ' WHERE'} {expr} IS NOT NULL"
        # (the alias must not be a column name: commitments has a `value` column)
        order = "facet_value DESC" if name == "year" else "n DESC, facet_value"
        sql = (f"SELECT {expr} AS facet_value, COUNT(*) AS n FROM {self.table} {self.alias}{where}{extra} "
               f"GROUP BY facet_value ORDER BY {order} LIMIT ?")
        out = []
        for r in self.conn.execute(sql, params + [limit]):
            value = str(r["facet_value"])
            out.append({"value": value, "label": facet_label(name, value), "n": r["n"],
                        "selected": str(getattr(f, name) or "") == value})
        return out


def facet_label(name: str, value: str) -> str:
    if name == "region":
        return region_name(value)
    if name == "indicator":
        return "（未归类）" if value == "none" else indicator_labels().get(value, value)
    if name == "kind":
        return KIND_LABELS.get(value, value)
    if name == "doc_type":
        return DOC_TYPE_LABELS.get(value, value)
    if name == "status":
        return STATUS_LABELS.get(value, value)
    return value


def decorate(row: dict) -> dict:
    """Labels a reader needs beside the stored codes."""
    if "status" in row:
        row["status_label"] = STATUS_LABELS.get(row["status"], row["status"])
        row["comparator_label"] = COMPARATOR_LABELS.get(row["comparator"], row["comparator"] or "")
        row["indicator_label"] = indicator_labels().get(row.get("indicator_key") or "", row.get("indicator_key") or "")
        row["value_text"] = f"{row['value']:g}" + (f"–{row['value_max']:g}" if row.get("value_max") is not None else "")
        row["report_text"] = "" if row.get("report_value") is None else f"{row['report_value']:g}{row.get('report_unit') or ''}"
    if "kind" in row:
        row["kind_label"] = KIND_LABELS.get(row["kind"], row["kind"])
        row["comparator_label"] = COMPARATOR_LABELS.get(row["comparator"], row["comparator"] or "")
        row["indicator_label"] = indicator_labels().get(row.get("indicator_key") or "", "")
        value = row["value"]
        row["value_text"] = "" if value is None else f"{value:g}" + (
            f"–{row['value_max']:g}" if row.get("value_max") is not None else "")
    if "doc_type" in row:
        row["doc_type_label"] = DOC_TYPE_LABELS.get(row["doc_type"], row["doc_type"])
    if "copy_sources" in row:
        row["copies"] = row["copy_sources"].split("\n") if row["copy_sources"] else []
        row["copy_sources"] = "; ".join(row["copies"])
    return row


def file_label(source: str | None) -> str:
    """A file's short name for a list: the last part of its path or URL (the whole name is its tooltip)."""
    if not source:
        return ""
    tail = source.rstrip("/").replace("\\", "/").rsplit("/", 1)[-1]
    return tail or source


def copies_of(conn: sqlite3.Connection, doc_id: str) -> list[dict]:
    """The other files giving this document (its `copies` rows), each with the URL it was published at when known."""
    if not _has_table(conn, "copies"):
        return []
    rows = [dict(r) for r in conn.execute("SELECT source, doc_index FROM copies WHERE doc_id = ? ORDER BY source, doc_index",
                                          (doc_id,))]
    urls = source_urls(conn, [r["source"] for r in rows])
    for r in rows:
        r["source_url"] = urls.get(r["source"])
    return rows


def _has_source_urls(conn: sqlite3.Connection) -> bool:
    """Whether the store records where its inputs were published (a store of an earlier version does not)."""
    return any(r[1] == "url" for r in conn.execute("PRAGMA table_info(provenance)"))


def source_urls(conn: sqlite3.Connection, sources: list[str]) -> dict[str, str]:
    """The web address each source (a path or URL read by the run) was published at, where known."""
    if not sources or not _has_source_urls(conn):
        return {}
    out = {}
    for i in range(0, len(sources), 500):
        part = sources[i:i + 500]
        rows = conn.execute(f"SELECT source, url FROM provenance WHERE url IS NOT NULL AND source IN ({', '.join('?' * len(part))})",
                            part)
        out.update({r[0]: r[1] for r in rows if str(r[1]).lower().startswith(("http://", "https://"))})
    return out


def document(conn: sqlite3.Connection, doc_id: str) -> dict | None:
    row = conn.execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    doc = decorate(dict(row))
    doc["source_url"] = source_urls(conn, [doc["source"]]).get(doc["source"])
    return doc


def commitments_of(conn: sqlite3.Connection, doc_id: str) -> list[dict]:
    return [decorate(dict(r)) for r in conn.execute("SELECT * FROM commitments WHERE doc_id = ? ORDER BY idx", (doc_id,))]


def mentions_of(conn: sqlite3.Connection, doc_id: str) -> list[dict]:
    return [dict(r) for r in conn.execute("SELECT * FROM mentions WHERE doc_id = ? ORDER BY start", (doc_id,))]


def source_text(conn: sqlite3.Connection, source: str) -> str | None:
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'texts'").fetchone() is None:
        return None
    row = conn.execute("SELECT text FROM texts WHERE source = ?", (source,)).fetchone()
    return None if row is None else row[0]


def document_text(conn: sqlite3.Connection, doc: dict) -> str | None:
    """The text a document's offsets point into: the one it was read from when it moved to a copy whose text differs
    (`doc_texts`), else its file's (`Store.document_text`)."""
    if _has_table(conn, "doc_texts"):
        row = conn.execute("SELECT text FROM doc_texts WHERE doc_id = ?", (doc["doc_id"],)).fetchone()
        if row is not None:
            return row[0]
    return source_text(conn, doc["source"])


def errors(conn: sqlite3.Connection) -> list[dict]:
    rows = [dict(r) for r in conn.execute("SELECT * FROM errors ORDER BY error, source")]
    urls = source_urls(conn, [r["source"] for r in rows])
    for r in rows:
        r["source_url"] = urls.get(r["source"])
        r["reason"] = error_reason(r["error"], r["detail"])
    return rows


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None


def citations_of(conn: sqlite3.Connection, doc_id: str) -> list[dict]:
    """What a document cites, in text order, with the stored document each resolves to."""
    if not _has_table(conn, "citations"):
        return []
    sql = """SELECT c.*, d.title AS cited_title, d.region_name AS cited_region FROM citations c
             LEFT JOIN documents d ON d.doc_id = c.cited_doc_id WHERE c.doc_id = ? ORDER BY c.start"""
    return [{**dict(r), "relation_label": RELATION_LABELS.get(r["relation"], r["relation"])} for r in conn.execute(sql, (doc_id,))]


def cited_by(conn: sqlite3.Connection, doc_id: str) -> list[dict]:
    """The stored documents that cite this one."""
    if not _has_table(conn, "citations"):
        return []
    sql = """SELECT c.doc_id, c.relation, d.title, d.region_name, d.publish_date FROM citations c
             JOIN documents d ON d.doc_id = c.doc_id WHERE c.cited_doc_id = ? ORDER BY d.publish_date, d.title"""
    return [{**dict(r), "relation_label": RELATION_LABELS.get(r["relation"], r["relation"])} for r in conn.execute(sql, (doc_id,))]
