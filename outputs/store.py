"""The embedded store: one SQLite file; documents upserted by id, each file's records written atomically (in a
transaction of its own, or a savepoint of a batch of files, `Store.batch`).

Beside the three tables it keeps each source's text (what the offsets point into, so a reader can see
evidence in context) and a full-text index of titles and evidence sentences (`outputs.search`)."""
from __future__ import annotations

import contextlib
import copy
import dataclasses
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from corpora.records import ReadError
from outputs import links, tables
from outputs.tables import COPIES, ERRORS, error_row

PROVENANCE_COLUMNS = ["source", "raw_sha256", "bytes", "fetched_at", "origin", "url"]

# the tables of outputs.tables.TABLES come first (`_schema`); then the store's own
_SCHEMA = """
CREATE INDEX IF NOT EXISTS commitments_region ON commitments (region_adcode, indicator_key);
-- a document's copies (moving a document to a copy, the UI's list of the files giving each document)
CREATE INDEX IF NOT EXISTS copies_doc ON copies (doc_id);
CREATE TABLE IF NOT EXISTS provenance (source PRIMARY KEY, raw_sha256, bytes, fetched_at, origin, url);
CREATE TABLE IF NOT EXISTS sources (name PRIMARY KEY, region, hosts, schedule, list_urls);
CREATE TABLE IF NOT EXISTS fetches (url PRIMARY KEY, source_name, status, etag, last_modified, raw_sha256,
                                    fetched_at, error);
CREATE TABLE IF NOT EXISTS texts (source PRIMARY KEY, text);
CREATE TABLE IF NOT EXISTS extractions (source PRIMARY KEY, extractor_version);
-- the text a document's offsets point into where that is not its file's own text: a document moved to a copy whose
-- text differs (another container of it) keeps the offsets of the text it was read from, and that text, here
CREATE TABLE IF NOT EXISTS doc_texts (doc_id PRIMARY KEY, text);
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(doc_id UNINDEXED, idx UNINDEXED, field UNINDEXED, body,
                                                     tokenize = "unicode61");
-- each search entry's document by the index's own key (its rowid): a document's entries are found through the
-- index on doc_id here, not by reading the whole search index (whose doc_id no full-text index can index)
CREATE TABLE IF NOT EXISTS search_rows (row INTEGER PRIMARY KEY, doc_id);
CREATE INDEX IF NOT EXISTS search_rows_doc ON search_rows (doc_id);
CREATE TABLE IF NOT EXISTS scans (run_id, source_name, started_at, finished_at, list_pages, links,
                                  fetched, not_modified, new_documents, errors, PRIMARY KEY (run_id, source_name));
"""


def _schema() -> str:
    return "".join(tables.create_sql(t) + ";\n" for t in tables.TABLES) + _SCHEMA


# the field names of each dataclass met, in order
_FIELDS: dict[type, tuple[str, ...]] = {}
# values `dataclasses.asdict` would copy to an equal object of the same type (immutable: kept as they are)
_ATOMS = frozenset({str, int, float, bool, type(None), bytes, complex})


def _plain(value):
    """`dataclasses.asdict`'s conversion of one value (a record's `as_dict()`, the contract's form) in a third of its
    time, without a deep-copy call for every string and number: a dataclass instance becomes a dict of its fields, lists,
    tuples and dicts are rebuilt with their items converted, other values deep-copied; immutable values as they
    are (asdict's copy of them is the same object)."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    names = _FIELDS.get(kind)
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {n: _plain(getattr(value, n)) for n in names}
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a named tuple
        return kind(*[_plain(v) for v in value])
    if isinstance(value, (list, tuple)):
        return kind(_plain(v) for v in value)
    if isinstance(value, dict):
        return kind((_plain(k), _plain(v)) for k, v in value.items())
    return copy.deepcopy(value)


def _chain(first, rest):
    if first is not None:
        yield first
        yield from rest


class Stored(NamedTuple):
    """What `Store.put_file` stored for one file: documents under its name, and copies of documents other files
    already provide (rows of `copies`)."""
    documents: int
    copies: int


def _gone(source: str) -> bool:
    """Whether `source` is a local path that no longer exists (a file moved or deleted since it was stored). Only
    an absolute name can be checked: a relative one depends on the folder the store was written from, and a name
    whose bytes were not UTF-8 is stored decoded (`source_name`: GB18030, else with \\xNN escapes), so it is
    looked for under its GB18030 bytes too; where it cannot be told, the file is not gone (it keeps its documents
    and the new file becomes their copy, never the other way round)."""
    if "://" in source or not os.path.isabs(source) or "\\x" in source:
        return False
    if os.path.exists(source):
        return False
    try:
        return not os.path.exists(source.encode("gb18030"))
    except UnicodeEncodeError:
        return True


class _Batch:
    """The open batch of `Store.batch`: its limits, when its transaction began and the files written in it."""

    def __init__(self, max_files: int, max_seconds: float):
        self.max_files, self.max_seconds = max_files, max_seconds
        self.started, self.files = time.monotonic(), 0


class RawFolder:
    """The content-addressed folder of raw bytes beside a store (`DIR/raw/<sha[:2]>/<sha><suffix>`). Files only, no
    database: a run keeps its inputs' copies here before its store is open (`pipeline.intake.HeadStart`)."""

    def __init__(self, root: str | Path):
        self.root = Path(root)

    def put_raw(self, data: bytes, suffix: str = "") -> tuple[str, Path]:
        """Keep raw bytes in this folder; returns (sha256, path)."""
        import hashlib

        sha = hashlib.sha256(data).hexdigest()
        return sha, self._keep_raw(sha, suffix, lambda f: f.write(data))

    def put_raw_file(self, src, suffix: str = "", limit: int | None = None) -> tuple[str, int]:
        """`put_raw` for a file opened for reading (binary), copied in blocks and hashed in the same pass: what is kept
        is what was hashed, even if the file changes meanwhile. Returns (sha256, size); ValueError, with nothing
        kept, when it holds more than `limit` bytes."""
        import hashlib
        import os
        import tempfile

        raw = self.root
        raw.mkdir(parents=True, exist_ok=True)
        h = hashlib.sha256()
        size = 0
        fd, tmp = tempfile.mkstemp(dir=raw, suffix=".part")
        try:
            with os.fdopen(fd, "wb") as out:
                for block in iter(lambda: src.read(1 << 20), b""):
                    size += len(block)
                    if limit is not None and size > limit:
                        raise ValueError(f"more than {limit} bytes")
                    h.update(block)
                    out.write(block)
            sha = h.hexdigest()
            self._keep_raw(sha, suffix, lambda out: None, ready=Path(tmp))
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        return sha, size

    def _keep_raw(self, sha: str, suffix: str, write, ready: Path | None = None) -> Path:
        """The raw folder's file for `sha`; written atomically by `write(file)` (or moved from `ready`, a file
        already written beside the raw folders) unless it is there already."""
        import os
        import tempfile

        folder = self.root / sha[:2]
        folder.mkdir(parents=True, exist_ok=True)
        safe_suffix = suffix if suffix.isascii() and len(suffix) <= 8 and suffix[1:].isalnum() else ""
        path = folder / f"{sha}{safe_suffix.lower()}"
        if not path.exists() and ready is not None:
            os.replace(ready, path)
        elif not path.exists():
            fd, tmp = tempfile.mkstemp(dir=folder, suffix=".part")
            with os.fdopen(fd, "wb") as f:
                write(f)
            os.replace(tmp, path)
        return path

    def raw_path(self, sha: str) -> Path | None:
        """The kept raw file with this SHA-256 (whatever suffix it was kept under), if any."""
        folder = self.root / sha[:2]
        try:  # the folder's names, not a glob: a glob's pattern costs ~0.5 ms a call (every file of a run asks)
            names = os.listdir(folder)
        except OSError:
            return None
        return next((folder / n for n in sorted(names) if n.startswith(sha) and not n.endswith(".part")), None)

    def raw_bytes(self, sha: str) -> bytes | None:
        """The kept raw bytes with this SHA-256, if any."""
        folder = self.root / sha[:2]
        for p in folder.glob(f"{sha}*"):
            if not p.name.endswith(".part"):
                return p.read_bytes()
        return None


# PRAGMA user_version of a store whose old copies were looked for (`Store._find_old_copies`), and how many
# characters of a document's beginning are looked up (half of them after its leading spaces)
_COPIES_FOUND = 1
_PROBE = 48


class StoreBusy(RuntimeError):
    """Another process holds the store's write lock for longer than we wait."""


# how long a writer waits for another run's transaction to end before giving up with StoreBusy
BUSY_TIMEOUT_SECONDS = 120.0


class Store:
    def __init__(self, path: str | Path, busy_timeout: float = BUSY_TIMEOUT_SECONDS):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path, timeout=busy_timeout)
        self._wait_for_writers(busy_timeout)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.executescript(_schema() + links.SCHEMA)
        self._migrate()
        if self.conn.execute("PRAGMA user_version").fetchone()[0] < _COPIES_FOUND:
            # looked for under the write lock: another run opening the store meanwhile neither writes while this
            # one reads (its copies would be found of what that run deletes) nor looks again once this one is done
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                if self.conn.execute("PRAGMA user_version").fetchone()[0] < _COPIES_FOUND:
                    self._find_old_copies()
                    self.conn.execute(f"PRAGMA user_version = {_COPIES_FOUND}")
            except BaseException:
                self.conn.rollback()
                raise
            self.conn.commit()
        self._batch: _Batch | None = None
        self.raw = RawFolder(self.path.parent / "raw")

    def _wait_for_writers(self, busy_timeout: float) -> None:
        """Take and release the write lock once before anything is written: when another run holds it, say so and
        wait up to `busy_timeout` seconds, then refuse with StoreBusy; nothing has been written either way."""
        import logging

        try:
            self.conn.execute("PRAGMA busy_timeout = 0")
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) and "busy" not in str(e):
                raise
            logging.getLogger("policy.store").warning(
                "%s: another run is writing this store; waiting up to %.0f s for it", self.path, busy_timeout)
            self.conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as e2:
                self.conn.close()
                raise StoreBusy(f"{self.path}: another run is writing this store and did not finish within "
                                f"{busy_timeout:.0f} s; nothing was written, try again when it is done") from e2
        self.conn.execute("ROLLBACK")
        self.conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")

    def _migrate(self) -> None:
        """Add the columns a store written by an earlier version lacks (its rows get NULL there), and list the
        search entries it wrote without listing them in `search_rows` (all of them, in a store from before
        that table: the entries past the last one listed)."""
        for name, columns in (*((t.name, t.columns) for t in tables.TABLES), ("provenance", PROVENANCE_COLUMNS)):
            have = {row[1] for row in self.conn.execute(f"PRAGMA table_info({name})")}
            for c in columns:
                if c not in have:
                    self.conn.execute(f'ALTER TABLE {name} ADD COLUMN "{c}"')
        listed = self.conn.execute("SELECT coalesce(max(row), 0) FROM search_rows").fetchone()[0]
        if self.conn.execute("SELECT 1 FROM search WHERE rowid > ? LIMIT 1", (listed,)).fetchone() is not None:
            with self.conn:
                self.conn.execute("INSERT OR IGNORE INTO search_rows (row, doc_id) SELECT rowid, doc_id FROM search WHERE rowid > ?",
                                  (listed,))

    def _find_old_copies(self) -> None:
        """Record the copies a store written before the `copies` table holds without saying so. Such a store kept a
        document shared by two files under the file stored last, and the other file only its text: a run in which
        that one file fails would delete the document although the other still gives it. Found once, when such a
        store is first opened, from what it kept: a file whose text is the same (the same hash), or whose bytes are
        (their hash in `provenance`, for files kept without their text), gives every document of the other at the
        same offsets; a file holding a document's text whole at a line's start, outside its own documents (a page
        holding several notices, one of them also a file of its own) gives that document there; a file no longer
        where it was stored gives nothing. Each becomes a `copies` row naming the file that stores the document,
        with offsets into the copy's own text."""
        gives = {(s, d) for s, d in self.conn.execute("SELECT source, doc_id FROM documents UNION ALL "
                                                      "SELECT source, doc_id FROM copies")}
        found = self._old_copies_by_text(gives)
        gives |= {(f[0], f[2]) for f in found}
        # files kept without their text (read in windows): the same bytes (their stored hash) give the same
        # documents at the same offsets
        raw_of = dict(self.conn.execute("SELECT source, raw_sha256 FROM provenance WHERE raw_sha256 IS NOT NULL"))
        failed = {src for (src,) in self.conn.execute("SELECT source FROM errors")}
        docs_of: dict[str, list] = {}
        for row in self.conn.execute('SELECT doc_id, source, doc_index, start, "end" FROM documents'):
            docs_of.setdefault(row[1], []).append(row)
        holders_of_raw: dict[str, list[str]] = {}
        for src in docs_of:
            if raw_of.get(src):
                holders_of_raw.setdefault(raw_of[src], []).append(src)
        for src, sha in raw_of.items():
            if src in failed or _gone(src):
                continue
            for twin in holders_of_raw.get(sha, ()):
                # under another suffix the same bytes may be read otherwise: where it has the document is not known
                known = os.path.splitext(src)[1].lower() == os.path.splitext(twin)[1].lower()
                for doc_id, holder, index, start, end in docs_of[twin] if twin != src else ():
                    if (src, doc_id) not in gives:
                        gives.add((src, doc_id))
                        found.append((src, index, doc_id, holder, start if known else None, end if known else None))
        self.conn.executemany("INSERT OR IGNORE INTO copies (source, doc_index, doc_id, same_as, start, \"end\") "
                              "VALUES (?, ?, ?, ?, ?, ?)", found)

    def _old_copies_by_text(self, gives: set) -> list[tuple]:
        """`_find_old_copies` from the stored texts: rows of `copies` for what each file's text gives."""
        import hashlib
        import re

        held = self.conn.execute('SELECT d.doc_id, d.source, d.doc_index, d.start, d."end", '
                                 f'substr(t.text, d.start + 1, {_PROBE}) FROM documents d '
                                 "JOIN texts t ON t.source = d.source WHERE d.start IS NOT NULL").fetchall()
        if not held:
            return []
        by_source: dict[str, list] = {}
        by_probe: dict[str, list] = {}
        for row in held:
            by_source.setdefault(row[1], []).append(row)
            probe = row[5].lstrip()
            if len(probe) >= _PROBE // 2:
                by_probe.setdefault(probe[:_PROBE // 2], []).append(row)
        spans: dict[str, str] = {}

        def span(row) -> str:  # the document's text in the file that stores it
            if row[0] not in spans:
                spans[row[0]] = self.conn.execute('SELECT substr(text, ?, ?) FROM texts WHERE source = ?',
                                                  (row[3] + 1, row[4] - row[3], row[1])).fetchone()[0]
            return spans[row[0]]

        holders_of_text: dict[str, list[str]] = {}  # a text's hash -> the files storing documents of that text
        for source in by_source:
            (text,) = self.conn.execute("SELECT text FROM texts WHERE source = ?", (source,)).fetchone()
            holders_of_text.setdefault(hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(), []).append(source)
        line = re.compile(r"(?m)^[ \t\u3000\xa0]*(?=\S)")
        found: list[tuple] = []
        for source, text in self.conn.execute("SELECT source, text FROM texts"):
            if not isinstance(text, str) or _gone(source):  # a file moved since: its new name holds what it gave
                continue
            mine: dict[str, tuple] = {}
            for twin in holders_of_text.get(hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(), ()):
                for row in by_source[twin] if twin != source else ():  # the same text: the same documents, offsets
                    mine[row[0]] = (row[2], row[3], row[4], row[1])
            # the spans of the file's own documents: those stored under it, those it gives as a copy (recorded, or
            # found above by its text's twin); a document quoted inside one of them is not given by the file
            own = [(st, e) for st, e in self.conn.execute('SELECT start, "end" FROM documents WHERE source = ? UNION ALL '
                                                          'SELECT start, "end" FROM copies WHERE source = ?', (source, source))
                   if st is not None and e is not None] + [(v[1], v[2]) for v in mine.values()]
            for m in line.finditer(text):
                for row in by_probe.get(text[m.end():m.end() + _PROBE // 2], ()):
                    if row[1] == source or row[0] in mine:
                        continue
                    s = span(row)
                    lead = len(s) - len(s.lstrip())
                    start = m.end() - lead
                    # its text whole, and not inside a document of the file's own (a story quoting a notice)
                    if (start >= 0 and text.startswith(s, start)
                            and not any(st < start + len(s) and start < e for st, e in own)):
                        mine[row[0]] = (None, start, start + len(s), row[1])
            # a document found whole inside a longer one found here (a notice quoted in a story) is not the file's
            at = [(v[1], v[2], d) for d, v in mine.items()]
            mine = {d: v for d, v in mine.items() if v[0] is not None or not any(
                o != d and st <= v[1] and v[2] <= e and e - st > v[2] - v[1] for st, e, o in at)}
            if not mine:
                continue
            # a container's document takes its place among the file's documents (their order in the text)
            known = [(st, i) for (i, st) in self.conn.execute(
                "SELECT doc_index, start FROM documents WHERE source = ? UNION ALL "
                "SELECT doc_index, start FROM copies WHERE source = ?", (source, source))]
            starts = [st for st, _ in known if st is not None] + [v[1] for v in mine.values()]
            taken = {i for _, i in known if i is not None} | {v[0] for v in mine.values() if v[0] is not None}
            for doc_id, (index, start, end, holder) in sorted(mine.items(), key=lambda kv: kv[1][1]):
                if (source, doc_id) in gives:
                    continue
                if index is None:
                    index = sum(1 for st in starts if st < start)
                    while index in taken:
                        index += 1
                taken.add(index)
                found.append((source, index, doc_id, holder, start, end))
        return found

    def close(self) -> None:
        self.conn.close()

    @contextlib.contextmanager
    def batch(self, files: int = 50, seconds: float = 5.0) -> Iterator[None]:
        """Writes in this block share transactions: one commit for every `files` files stored or every
        `seconds`, whichever comes first, and one when the block ends (normally or not). Each file is still
        written atomically (a savepoint of its own): a file whose write fails is rolled back alone and the
        others of the batch are kept. A process killed outright loses at most the files of the open batch,
        never what an earlier commit stored."""
        self._batch = _Batch(files, seconds)
        try:
            yield
        finally:
            self._batch = None
            if self.conn.in_transaction:
                self.conn.commit()

    @contextlib.contextmanager
    def _write(self, file: bool = False) -> Iterator[None]:
        """One atomic write: its own transaction, or a savepoint of the open batch (`batch`)."""
        b = self._batch
        if b is None:
            with self.conn:
                yield
            return
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")
            b.started = time.monotonic()
            b.files = 0
        self.conn.execute("SAVEPOINT write")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK TO write")
            self.conn.execute("RELEASE write")
            raise
        self.conn.execute("RELEASE write")
        b.files += file
        if b.files >= b.max_files or time.monotonic() - b.started >= b.max_seconds:
            self.conn.commit()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _insert(self, table: str, columns: list[str], rows: list[dict]) -> None:
        if rows:
            sql = f'INSERT OR REPLACE INTO {table} ({", ".join(f"{chr(34)}{c}{chr(34)}" for c in columns)}) VALUES ({", ".join("?" * len(columns))})'
            self.conn.executemany(sql, [[row[c] for c in columns] for row in rows])

    def put_file(self, source: str, records, text: str | None = None, version: str | None = None) -> Stored:
        """Replace everything stored for one source file, atomically. `records` (`Extraction`s, or a
        `ReadError`) may be any iterable; it is consumed inside the transaction, so a large file streams in
        without being held in memory. `text` is the source text the records' offsets point into; without it
        no text is kept for the file. `version` is the extractor version that made the records (on every
        document row, and per source for `stale`).

        A document is stored once, under the file that first gave it (its `documents` row's `source`); another
        file giving the same document (the same text: a copy, the same notice in another encoding) gets a `copies`
        row naming that file instead, unless that file is a local path that no longer exists (a moved file: the
        document moves to the new path). A file whose records no longer give a document it provided removes it
        only when no other file gives it: otherwise the document moves to a copy (its `copies` row becomes
        the documents row), so a bad copy or a bad original never loses what an intact file still provides.
        Returns the documents stored under this file and the copies it gave."""
        records = iter(records)
        first = next(records, None)
        if isinstance(first, dict):
            raise TypeError("put_file takes typed records (Extraction, ReadError), such as "
                            "pipeline.process.extract_file(path).records, not their JSON form")
        # the records name their source as the reader resolved it; both names are keys
        sources = list(dict.fromkeys([source] + ([first.source] if first is not None and first.source else [])))
        marks = ", ".join("?" * len(sources))
        n = copies = 0
        with self._write(file=True):
            had = {d for (d,) in self.conn.execute(f"SELECT doc_id FROM documents WHERE source IN ({marks})", sources)}
            old_text = {s: t for s, t in self.conn.execute(f"SELECT source, text FROM texts WHERE source IN ({marks})",
                                                           sources)}
            for table in ("errors", "copies", "texts", "extractions"):
                self.conn.execute(f"DELETE FROM {table} WHERE source IN ({marks})", sources)
            mine: set[str] = set()
            for rec in _chain(first, records):
                if isinstance(rec, ReadError):
                    self._insert(ERRORS.name, ERRORS.columns, [error_row(rec)])
                    continue
                r = _plain(rec) | {"extractor_version": version}  # rows are built from the contract's form (`as_dict`)
                holder = self.conn.execute("SELECT source FROM documents WHERE doc_id = ?", (r["doc_id"],)).fetchone()
                if holder is not None and holder[0] not in sources and not _gone(holder[0]):
                    self._insert(COPIES.name, COPIES.columns, [{"source": r["source"], "doc_index": r["doc_index"],
                                                                "doc_id": r["doc_id"], "same_as": holder[0],
                                                                "start": r.get("start"), "end": r.get("end")}])
                    copies += 1
                    continue
                self._delete_document(r["doc_id"])
                if holder is not None and holder[0] not in sources:  # the holder moved: its copies name this file now
                    self.conn.execute("UPDATE copies SET same_as = ? WHERE doc_id = ?", (r["source"], r["doc_id"]))
                for t in tables.RECORD_TABLES:
                    self._insert(t.name, t.columns, t.rows(r))
                self._index(r)
                mine.add(r["doc_id"])
                n += 1
            for d in had - mine:  # documents this file no longer gives: kept when a copy still gives them
                self._to_copy_or_delete(d, old_text)
            if text is not None and (n or copies):
                self.conn.execute("INSERT OR REPLACE INTO texts VALUES (?, ?)", (sources[-1], text))
            if version is not None:
                self.conn.executemany("INSERT OR REPLACE INTO extractions VALUES (?, ?)", [(s, version) for s in sources])
        return Stored(n, copies)

    def _to_copy_or_delete(self, doc_id: str, old_text: dict[str, str]) -> None:
        """A document its file no longer gives: moved to the first file holding a copy of it (its offsets moved to
        where the copy has it), one still where it was read before one deleted or moved since, or deleted when no
        file does."""
        candidates = self.conn.execute("SELECT source, doc_index, start, \"end\" FROM copies WHERE doc_id = ? "
                                       "ORDER BY source, doc_index", (doc_id,)).fetchall()
        copy = next((c for c in candidates if not _gone(c[0])), candidates[0] if candidates else None)
        if copy is None:
            self._delete_document(doc_id)
            return
        to, index, c_start, c_end = copy
        was, d_start, d_end = self.conn.execute("SELECT source, start, \"end\" FROM documents WHERE doc_id = ?",
                                                (doc_id,)).fetchone()
        own = self.conn.execute("SELECT text FROM doc_texts WHERE doc_id = ?", (doc_id,)).fetchone()
        before, after = own[0] if own is not None else old_text.get(was), self.text(to)
        same = (before is not None and after is not None and None not in (c_start, d_start)
                and before[d_start:d_end] == after[c_start:c_end])
        shift = c_start - d_start if same else 0
        if same:
            self.conn.execute("DELETE FROM doc_texts WHERE doc_id = ?", (doc_id,))
        else:
            # the copy's text is another container of the same document (a page holding it among others, or its
            # PDF): the offsets stay those of the text that was read, kept with the document (never in place of the
            # copy's own text, which its other documents and copies point into) until the copy is read again
            if before is not None:
                self.conn.execute("INSERT OR REPLACE INTO doc_texts VALUES (?, ?)", (doc_id, before))
            self.conn.execute("DELETE FROM extractions WHERE source = ?", (to,))  # stale: read again next time
        for t in tables.RECORD_TABLES:
            rows = [dict(zip(t.columns, row)) for row in self.conn.execute(
                f"SELECT {', '.join(chr(34) + c + chr(34) for c in t.columns)} FROM {t.name} WHERE doc_id = ?", (doc_id,))]
            self.conn.execute(f"DELETE FROM {t.name} WHERE doc_id = ?", (doc_id,))
            for row in rows:
                for c in ("start", "end", "value_start", "value_end"):
                    if row.get(c) is not None:
                        row[c] += shift
                if "source" in row:
                    row["source"] = to
                if t is tables.DOCUMENTS:
                    row["doc_index"] = index
            self._insert(t.name, t.columns, rows)
        self.conn.execute("DELETE FROM copies WHERE source = ? AND doc_index = ?", (to, index))
        self.conn.execute("UPDATE copies SET same_as = ? WHERE doc_id = ?", (to, doc_id))

    def stale(self, source: str, version: str) -> bool:
        """Whether records are stored for `source` (documents, copies or an error) that another extractor version
        than `version` made, or one that did not say (a store from before versions were kept)."""
        row = self.conn.execute("SELECT extractor_version FROM extractions WHERE source = ?", (source,)).fetchone()
        if row is not None:
            return row[0] != version
        return self.conn.execute("SELECT 1 FROM documents WHERE source = ? UNION ALL SELECT 1 FROM copies WHERE source = ? "
                                 "UNION ALL SELECT 1 FROM errors WHERE source = ? AND error != 'fetch_error' LIMIT 1",
                                 (source, source, source)).fetchone() is not None

    def _delete_document(self, doc_id: str) -> None:
        """Delete every row keyed by the document: each table's by its key, the search entries by their rowids
        (`search_rows`)."""
        rows = self.conn.execute("SELECT row FROM search_rows WHERE doc_id = ?", (doc_id,)).fetchall()
        self.conn.executemany("DELETE FROM search WHERE rowid = ?", rows)
        for table in (*(t.name for t in tables.TABLES if t.key[0] == "doc_id"), "search_rows", "doc_texts"):
            self.conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))

    def link(self) -> None:
        """Resolve citations against the documents stored now and rebuild the target follow-ups
        (`outputs.links`); called after every run, so a document stored later links what named it."""
        links.link(self.conn)

    def _index(self, r: dict) -> None:
        from outputs.search import index_text

        rows = [(r["doc_id"], None, "title", index_text(r["title"] or ""))]
        rows += [(r["doc_id"], i, "sentence", index_text(c["sentence"])) for i, c in enumerate(r["commitments"])]
        first = self.conn.execute("SELECT coalesce(max(row), 0) + 1 FROM search_rows").fetchone()[0]
        self.conn.executemany("INSERT INTO search_rows (row, doc_id) VALUES (?, ?)",
                              [(first + k, r["doc_id"]) for k in range(len(rows))])
        self.conn.executemany("INSERT INTO search (rowid, doc_id, idx, field, body) VALUES (?, ?, ?, ?, ?)",
                              [(first + k, *row) for k, row in enumerate(rows)])

    def text(self, source: str) -> str | None:
        """A file's own stored text (what its documents' and copies' offsets point into)."""
        row = self.conn.execute("SELECT text FROM texts WHERE source = ?", (source,)).fetchone()
        return None if row is None else row[0]

    def document_text(self, doc_id: str) -> str | None:
        """The text a stored document's offsets (its row's, its commitments' and mentions') point into: its file's
        text, or the text it was read from when it moved to a copy whose text differs (`doc_texts`)."""
        row = self.conn.execute("SELECT text FROM doc_texts WHERE doc_id = ? UNION ALL SELECT t.text FROM documents d "
                                "JOIN texts t ON t.source = d.source WHERE d.doc_id = ? LIMIT 1", (doc_id, doc_id)).fetchone()
        return None if row is None else row[0]

    def put_raw(self, data: bytes, suffix: str = "") -> tuple[str, Path]:
        """Keep raw bytes in the content-addressed folder beside the database; returns (sha256, path)."""
        return self.raw.put_raw(data, suffix)

    def put_raw_file(self, src, suffix: str = "", limit: int | None = None) -> tuple[str, int]:
        """`RawFolder.put_raw_file` in the folder beside the database."""
        return self.raw.put_raw_file(src, suffix, limit)

    def put_provenance(self, source: str, raw_sha256: str, size: int, fetched_at: str, origin: str,
                       url: str | None = None) -> None:
        """Where this run read `source` from: its bytes' hash and size, when, how (`file` or `source:NAME`) and
        the URL it was published at when known (the fetched URL, or a file's `.metadata.json`)."""
        with self._write():
            self.conn.execute("INSERT OR REPLACE INTO provenance (source, raw_sha256, bytes, fetched_at, origin, url) "
                              "VALUES (?, ?, ?, ?, ?, ?)", (source, raw_sha256, size, fetched_at, origin, url))

    def put_source(self, name: str, region: str | None, hosts: list[str], schedule: str | None, list_urls: list[str]) -> None:
        with self.conn:
            self.conn.execute("INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?, ?)",
                              (name, region, ",".join(sorted(hosts)), schedule, "\n".join(list_urls)))

    def last_fetch(self, url: str) -> dict | None:
        row = self.conn.execute("SELECT status, etag, last_modified, raw_sha256 FROM fetches WHERE url = ?", (url,)).fetchone()
        return None if row is None else dict(zip(("status", "etag", "last_modified", "raw_sha256"), row))

    def put_fetch(self, url: str, source_name: str, status: int | None, etag: str | None, last_modified: str | None,
                  raw_sha256: str | None, fetched_at: str, error: str | None) -> None:
        with self.conn:
            old = self.last_fetch(url)
            if old and status == 304:  # keep what the last full response said
                etag, last_modified, raw_sha256 = old["etag"], old["last_modified"], old["raw_sha256"]
            self.conn.execute("INSERT OR REPLACE INTO fetches VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                              (url, source_name, status, etag, last_modified, raw_sha256, fetched_at, error))
            if error:
                self.conn.execute("INSERT OR REPLACE INTO errors VALUES (?, ?, ?)", (url, "fetch_error", error))
            else:
                self.conn.execute("DELETE FROM errors WHERE source = ? AND error = 'fetch_error'", (url,))

    def raw_path(self, sha: str) -> Path | None:
        """The kept raw file with this SHA-256 (whatever suffix it was kept under), if any."""
        return self.raw.raw_path(sha)

    def raw_bytes(self, sha: str) -> bytes | None:
        """The kept raw bytes with this SHA-256, if any."""
        return self.raw.raw_bytes(sha)

    def extracted(self, sha: str) -> bool:
        """Whether bytes with this SHA-256 were already extracted (under any source)."""
        return self.conn.execute("SELECT 1 FROM provenance WHERE raw_sha256 = ? LIMIT 1", (sha,)).fetchone() is not None

    def put_scan(self, row: dict) -> None:
        cols = ["run_id", "source_name", "started_at", "finished_at", "list_pages", "links", "fetched", "not_modified",
                "new_documents", "errors"]
        with self.conn:
            self.conn.execute(f"INSERT OR REPLACE INTO scans VALUES ({', '.join('?' * len(cols))})", [row[c] for c in cols])

    def _select(self, name: str) -> str:
        order = {**{t.name: t.order for t in tables.TABLES}, "provenance": "source", "sources": "name", "fetches": "url",
                 "scans": "run_id, source_name"}.get(name)
        if order is None:
            raise ValueError(f"no table {name!r}")
        return f"SELECT * FROM {name} ORDER BY {order}"

    def table(self, name: str):
        """The whole table as a pandas DataFrame."""
        import pandas as pd

        return pd.read_sql_query(self._select(name), self.conn)

    def rows(self, name: str) -> sqlite3.Cursor:
        """A cursor over the table's rows in its order (`cursor.description` names the columns)."""
        return self.conn.execute(self._select(name))
