"""The embedded store: one SQLite file; documents upserted by id, each file's records in one transaction."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from outputs.tables import (
    COMMITMENT_COLUMNS,
    DOCUMENT_COLUMNS,
    ERROR_COLUMNS,
    MENTION_COLUMNS,
    commitment_rows,
    document_row,
    mention_rows,
)

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS documents ({", ".join(f'"{c}"' for c in DOCUMENT_COLUMNS)}, PRIMARY KEY (doc_id));
CREATE TABLE IF NOT EXISTS commitments ({", ".join(f'"{c}"' for c in COMMITMENT_COLUMNS)}, PRIMARY KEY (doc_id, idx));
CREATE TABLE IF NOT EXISTS mentions ({", ".join(f'"{c}"' for c in MENTION_COLUMNS)}, PRIMARY KEY (doc_id, kind, start, "end"));
CREATE TABLE IF NOT EXISTS errors ({", ".join(f'"{c}"' for c in ERROR_COLUMNS)}, PRIMARY KEY (source));
CREATE INDEX IF NOT EXISTS commitments_region ON commitments (region_adcode, indicator_key);
"""


class Store:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.executescript(_SCHEMA)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _insert(self, table: str, columns: list[str], rows: list[dict]) -> None:
        if rows:
            sql = f'INSERT OR REPLACE INTO {table} ({", ".join(f"{chr(34)}{c}{chr(34)}" for c in columns)}) VALUES ({", ".join("?" * len(columns))})'
            self.conn.executemany(sql, [[row[c] for c in columns] for row in rows])

    def put_file(self, source: str, records: list[dict]) -> None:
        """Replace everything stored for one source file, atomically."""
        with self.conn:
            old = [r[0] for r in self.conn.execute("SELECT doc_id FROM documents WHERE source = ?", (source,))]
            for table in ("commitments", "mentions"):
                self.conn.executemany(f"DELETE FROM {table} WHERE doc_id = ?", [(d,) for d in old])
            self.conn.execute("DELETE FROM documents WHERE source = ?", (source,))
            self.conn.execute("DELETE FROM errors WHERE source = ?", (source,))
            for r in records:
                if r.get("error"):
                    self._insert("errors", ERROR_COLUMNS, [{c: r.get(c) for c in ERROR_COLUMNS}])
                    continue
                self._insert("documents", DOCUMENT_COLUMNS, [document_row(r)])
                self.conn.execute("DELETE FROM commitments WHERE doc_id = ?", (r["doc_id"],))
                self.conn.execute("DELETE FROM mentions WHERE doc_id = ?", (r["doc_id"],))
                self._insert("commitments", COMMITMENT_COLUMNS, commitment_rows(r))
                self._insert("mentions", MENTION_COLUMNS, mention_rows(r))

    def table(self, name: str):
        import pandas as pd
        if name not in {"documents", "commitments", "mentions", "errors"}:
            raise ValueError(f"no table {name!r}")
        order = {"documents": "source, doc_index", "commitments": "doc_id, idx", "mentions": 'doc_id, kind, start',
                 "errors": "source"}[name]
        return pd.read_sql_query(f"SELECT * FROM {name} ORDER BY {order}", self.conn)
