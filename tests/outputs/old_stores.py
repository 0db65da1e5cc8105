"""Stores as earlier versions wrote them, built from their schema and their way of writing a file (not by running
old code): the tests that open such a store with the current code take them from here."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from corpora.records import ReadError
from outputs import links, tables
from outputs.search import index_text
from pipeline.process import extract_file

# the store's own tables before the `copies` table (and before `search_rows` listed the search entries)
_BEFORE_COPIES = """
CREATE INDEX IF NOT EXISTS commitments_region ON commitments (region_adcode, indicator_key);
CREATE TABLE IF NOT EXISTS provenance (source PRIMARY KEY, raw_sha256, bytes, fetched_at, origin, url);
CREATE TABLE IF NOT EXISTS sources (name PRIMARY KEY, region, hosts, schedule, list_urls);
CREATE TABLE IF NOT EXISTS fetches (url PRIMARY KEY, source_name, status, etag, last_modified, raw_sha256,
                                    fetched_at, error);
CREATE TABLE IF NOT EXISTS texts (source PRIMARY KEY, text);
CREATE TABLE IF NOT EXISTS extractions (source PRIMARY KEY, extractor_version);
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(doc_id UNINDEXED, idx UNINDEXED, field UNINDEXED, body,
                                                     tokenize = "unicode61");
CREATE TABLE IF NOT EXISTS scans (run_id, source_name, started_at, finished_at, list_pages, links,
                                  fetched, not_modified, new_documents, errors, PRIMARY KEY (run_id, source_name));
"""


def store_before_copies(path: Path, files, version: str | None = None, texts: bool = True) -> None:
    """A store as the version before the `copies` table wrote `files` in this order: each file's documents replaced
    by document id, so a document two files give is stored under the file written last and the other keeps only
    its text (no row saying it gives the document) and its provenance (the hash of its bytes). `texts=False`:
    the files stored as files read in windows were, without their text."""
    import hashlib
    conn = sqlite3.connect(path)
    conn.executescript("".join(tables.create_sql(t) + ";\n" for t in tables.TABLES if t is not tables.COPIES)
                       + _BEFORE_COPIES + links.SCHEMA)
    with conn:
        for f in files:
            result = extract_file(f)
            sources = list(dict.fromkeys([str(f)] + [r.source for r in result.records[:1] if r.source]))
            for s in sources:
                for (d,) in conn.execute("SELECT doc_id FROM documents WHERE source = ?", (s,)).fetchall():
                    _delete(conn, d)
                for t in ("errors", "texts", "extractions"):
                    conn.execute(f"DELETE FROM {t} WHERE source = ?", (s,))
            n = 0
            for rec in result.records:
                if isinstance(rec, ReadError):
                    conn.execute("INSERT OR REPLACE INTO errors VALUES (?, ?, ?)", [tables.error_row(rec)[c]
                                                                                    for c in tables.ERROR_COLUMNS])
                    continue
                r = rec.as_dict() | {"extractor_version": version}
                _delete(conn, r["doc_id"])
                for t in tables.RECORD_TABLES:
                    for row in t.rows(r):
                        conn.execute(f'INSERT OR REPLACE INTO {t.name} ({", ".join(chr(34) + c + chr(34) for c in t.columns)}) '
                                     f'VALUES ({", ".join("?" * len(t.columns))})', [row[c] for c in t.columns])
                conn.execute("INSERT INTO search (doc_id, idx, field, body) VALUES (?, NULL, 'title', ?)",
                             (r["doc_id"], index_text(r["title"] or "")))
                n += 1
            if n and texts:
                conn.execute("INSERT OR REPLACE INTO texts VALUES (?, ?)", (sources[-1], result.text))
            data = Path(f).read_bytes()
            conn.execute("INSERT OR REPLACE INTO provenance VALUES (?, ?, ?, ?, 'file', NULL)",
                         (sources[-1], hashlib.sha256(data).hexdigest(), len(data), "2026-01-01T00:00:00+00:00"))
            if version is not None:
                conn.executemany("INSERT OR REPLACE INTO extractions VALUES (?, ?)", [(s, version) for s in sources])
    conn.close()


def _delete(conn: sqlite3.Connection, doc_id: str) -> None:
    conn.execute("DELETE FROM search WHERE doc_id = ?", (doc_id,))
    for t in tables.TABLES:
        if t.key[0] == "doc_id" and t is not tables.COPIES:
            conn.execute(f"DELETE FROM {t.name} WHERE doc_id = ?", (doc_id,))
