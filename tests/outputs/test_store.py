"""The embedded store: upserts by document, atomic per file, reruns change nothing."""
from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from corpora.records import ErrorReason, ReadError
from outputs.export import export_tables
from outputs.store import Store
from pipeline.process import extract_file


@pytest.fixture
def records(samples):
    return {p.name: extract_file(p).records for p in sorted(samples.iterdir())}


def test_rerun_changes_nothing(tmp_path, records):
    path = tmp_path / "s.sqlite"
    with Store(path) as st:
        for name, recs in records.items():
            st.put_file(name, recs)
        first = {t: st.table(t) for t in ("documents", "commitments", "mentions", "errors")}
        for name, recs in records.items():
            st.put_file(name, recs)
        for t, df in first.items():
            assert st.table(t).equals(df), t
    assert len(first["documents"]) == sum(1 for recs in records.values() for r in recs if not isinstance(r, ReadError))


def test_a_failed_write_keeps_what_was_stored(tmp_path, records):
    name = "shandong_village_doctor_notice.txt"
    with Store(tmp_path / "s.sqlite") as st:
        st.put_file(name, records[name])
        before = st.table("commitments")
        broken = [replace(records[name][0], commitments=[{"kind": "target"}])]  # a commitment missing its fields
        with pytest.raises(KeyError):
            st.put_file(name, broken)
        assert st.table("commitments").equals(before)
        assert len(st.table("documents")) == 1


def stored_sources(path) -> set[str]:
    """The sources whose documents another connection sees (what is committed)."""
    import sqlite3

    with sqlite3.connect(path) as c:
        return {s for (s,) in c.execute("SELECT DISTINCT source FROM documents")}


def test_a_batch_keeps_each_file_atomic_and_commits_every_n_files(tmp_path, records):
    """Files written in a batch share transactions; a file whose write fails mid-way is rolled back alone
    (its earlier version stays), the others of the batch are kept, and a commit comes every `files` files."""
    path = tmp_path / "s.sqlite"
    names = sorted(n for n, recs in records.items() if not isinstance(recs[0], ReadError))[:3]
    a, b, c = names
    src = {n: records[n][0].source for n in names}  # documents are stored under the source their reader named
    with Store(path) as st:
        st.put_file(b, records[b])  # stored before the batch: must survive its failed rewrite
        before = st.table("commitments")
        with st.batch(files=2, seconds=3600):
            st.put_file(a, records[a])
            assert stored_sources(path) == {src[b]}  # not committed yet: one file of two
            broken = [*records[b], replace(records[b][0], commitments=[{"kind": "target"}])]
            with pytest.raises(KeyError):
                st.put_file(b, broken)  # fails after its old rows were deleted and new ones written
            st.put_file(c, records[c])  # the second file of the batch: committed now
            assert stored_sources(path) == set(src.values())
            st.put_file(a, records[a])  # an open batch again, committed when the block ends
        assert stored_sources(path) == set(src.values())
        after = st.table("commitments")
        kept = after[after["doc_id"].isin(before["doc_id"])]
        assert kept.to_json(orient="records", force_ascii=False) == before.to_json(orient="records", force_ascii=False)


def test_a_batch_stopped_by_an_exception_commits_the_files_written(tmp_path, records):
    path = tmp_path / "s.sqlite"
    name = next(n for n, recs in records.items() if not isinstance(recs[0], ReadError))
    with Store(path) as st:
        with pytest.raises(KeyboardInterrupt):
            with st.batch(files=100, seconds=3600):
                st.put_file(name, records[name])
                raise KeyboardInterrupt
    assert stored_sources(path) == {records[name][0].source}


def test_error_records_are_stored_with_reason(tmp_path):
    with Store(tmp_path / "s.sqlite") as st:
        st.put_file("x.rar", [ReadError("x.rar", ErrorReason.UNSUPPORTED_FORMAT, "archive")])
        assert st.table("errors").to_dict("records") == [{"source": "x.rar", "error": "unsupported_format", "detail": "archive"}]


def test_exports_write_parquet_and_csv(tmp_path, records):
    with Store(tmp_path / "s.sqlite") as st:
        for name, recs in records.items():
            st.put_file(name, recs)
        written = export_tables(st, tmp_path / "tables")
    import pandas as pd
    docs = pd.read_parquet(written["documents.parquet"])
    assert set(docs["region_name"].dropna()) >= {"山东省", "济南市", "青岛市", "淄博市"}
    assert len(pd.read_csv(written["commitments.csv"])) == len(pd.read_parquet(written["commitments.parquet"]))
    assert not list((tmp_path / "tables").glob(".*.tmp*"))


def test_source_text_and_search_index_are_kept_with_the_records(tmp_path, samples):
    from outputs.search import match_query
    from pipeline.process import extract_file

    path = samples / "shandong_village_doctor_notice.txt"
    result = extract_file(path)
    with Store(tmp_path / "s.sqlite") as st:
        st.put_file(str(path), result.records, result.text)
        text = st.text(str(path))
        for c in st.table("commitments").to_dict("records"):
            assert c["sentence"] in text[c["start"]:c["end"] + 1] or text[c["start"]:c["end"]] in c["sentence"]
        hits = st.conn.execute("SELECT doc_id, idx FROM search WHERE search MATCH ? AND field = 'sentence'",
                               (match_query("乡村医生"),)).fetchall()
        sentences = st.table("commitments")["sentence"]
        assert len(hits) == sum("乡村医生" in s for s in sentences) > 0
        st.put_file(str(path), [ReadError(str(path), ErrorReason.DECODE_ERROR, "x")])
        assert st.text(str(path)) is None  # the file now reads as an error: nothing of it is kept
        assert st.conn.execute("SELECT COUNT(*) FROM search").fetchone()[0] == 0


def test_a_store_from_an_earlier_version_gains_the_new_columns(tmp_path, records):
    import sqlite3

    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as c:
        c.execute('CREATE TABLE documents (doc_id, source, title, PRIMARY KEY (doc_id))')
        c.execute("INSERT INTO documents VALUES ('d1', 'old.txt', '旧文件')")
    with Store(path) as st:
        name = "shandong_village_doctor_notice.txt"
        st.put_file(name, records[name])
        docs = st.table("documents")
    assert {"start", "end", "region_adcode"} <= set(docs.columns)
    assert set(docs["source"]) == {"old.txt", records[name][0].source}


def test_versions_are_kept_per_row_and_per_source_and_old_stores_are_stale(tmp_path, records):
    import sqlite3

    name = "shandong_village_doctor_notice.txt"
    with Store(tmp_path / "s.sqlite") as st:
        assert not st.stale(name, "v1")  # nothing stored: nothing to re-extract
        st.put_file(name, records[name], version="v1")
        st.put_file("x.rar", [ReadError("x.rar", ErrorReason.UNSUPPORTED_FORMAT, "archive")], version="v1")
        assert set(st.table("documents")["extractor_version"]) == {"v1"}
        assert [st.stale(s, v) for s in (name, "x.rar") for v in ("v1", "v2")] == [False, True, False, True]
    old = tmp_path / "old.sqlite"
    with sqlite3.connect(old) as c:
        c.execute('CREATE TABLE documents (doc_id, source, title, PRIMARY KEY (doc_id))')
        c.execute("INSERT INTO documents VALUES ('d1', 'old.txt', '旧文件')")
    with Store(old) as st:
        assert "extractor_version" in st.table("documents").columns
        assert st.stale("old.txt", "v1")  # rows of an unknown version


def test_a_table_added_to_the_registry_is_created_filled_read_and_exported(tmp_path, records, monkeypatch):
    import pandas as pd

    from outputs import tables

    numbers = tables.Table("doc_numbers", ["doc_id", "idx", "normalized", "role"], ("doc_id", "idx"), "doc_id, idx",
                           lambda r: [{"doc_id": r["doc_id"], "idx": i, "normalized": d["normalized"], "role": d["role"]}
                                      for i, d in enumerate(r["doc_numbers"])])
    monkeypatch.setattr(tables, "RECORD_TABLES", (*tables.RECORD_TABLES, numbers))
    monkeypatch.setattr(tables, "TABLES", (*tables.TABLES, numbers))
    with Store(tmp_path / "s.sqlite") as st:
        for name, recs in records.items():
            st.put_file(name, recs)
        stored = st.table("doc_numbers")
        written = export_tables(st, tmp_path / "tables")
    expected = sum(len(r.doc_numbers) for recs in records.values() for r in recs if not isinstance(r, ReadError))
    assert expected > 0 and len(stored) == expected
    assert len(pd.read_parquet(written["doc_numbers.parquet"])) == expected


def test_a_second_writer_waits_for_a_long_transaction_then_refuses_clearly(tmp_path):
    """Another run holds the store in a long transaction: a new Store waits, and gives up with a clear message
    (nothing written) when the wait runs out; when the other run finishes in time it goes on."""
    import sqlite3
    import threading

    import pytest

    from outputs.store import Store, StoreBusy

    path = tmp_path / "policy.sqlite"
    Store(path).close()
    other = sqlite3.connect(path, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO errors VALUES ('held.txt', 'read_error', 'x')")
    with pytest.raises(StoreBusy, match="another run is writing this store") as e:
        Store(path, busy_timeout=0.5)
    assert str(path) in str(e.value)
    threading.Timer(0.5, other.commit).start()
    with Store(path, busy_timeout=30) as store:
        store.put_file("new.txt", [ReadError("new.txt", ErrorReason.EMPTY, "x")])
        assert set(store.table("errors")["source"]) == {"held.txt", "new.txt"}
    other.close()


def _doc_keyed_rows(st: Store) -> dict[str, list]:
    """Every row of the tables keyed by a document and of the search index, sorted (the store's state)."""
    from outputs import tables

    names = [t.name for t in tables.TABLES if t.key[0] == "doc_id"] + ["search"]
    return {n: sorted(map(repr, st.conn.execute(f"SELECT * FROM {n}").fetchall())) for n in names}


def test_a_document_stored_again_or_under_another_name_leaves_its_rows_once(tmp_path, records):
    """A document stored before (a rerun, or the same document reached under a second name) has every keyed row
    and search entry replaced, never doubled."""
    with Store(tmp_path / "fresh.sqlite") as fresh:
        for name, recs in records.items():
            fresh.put_file(name, recs)
        want = _doc_keyed_rows(fresh)
    assert want["search"] and want["commitments"]
    with Store(tmp_path / "again.sqlite") as st:
        for name, recs in records.items():
            st.put_file(name, recs)
        for name, recs in records.items():  # a rerun
            st.put_file(name, recs)
        assert _doc_keyed_rows(st) == want
        name, recs = next((n, r) for n, r in records.items() if any(not isinstance(x, ReadError) for x in r))
        st.put_file("copy-of-" + name, recs)  # the same documents (same ids) reached under another name
        got = _doc_keyed_rows(st)
        assert got["search"] == want["search"] and got["commitments"] == want["commitments"]


def _rows_by_file(st: Store, *files) -> dict[str, list]:
    """What the store says became of each file: its documents, its copies (and whose document), its error."""
    out = {}
    for f in map(str, files):
        out[f] = ([("document", d) for (d,) in st.conn.execute("SELECT doc_id FROM documents WHERE source = ?", (f,))]
                  + [("copy", d, same) for d, same in st.conn.execute(
                      "SELECT doc_id, same_as FROM copies WHERE source = ?", (f,))]
                  + [("error", e) for (e,) in st.conn.execute("SELECT error FROM errors WHERE source = ?", (f,))])
    return out


def _grounded(st: Store) -> None:
    """Every stored offset points into its source's stored text at what the rows say is there."""
    for doc_id, source, start, end in st.conn.execute('SELECT doc_id, source, start, "end" FROM documents').fetchall():
        text = st.text(source)
        assert text is not None and 0 <= start < end <= len(text), source
        for s, e, sentence in st.conn.execute('SELECT start, "end", sentence FROM commitments WHERE doc_id = ?', (doc_id,)):
            assert text[s:e].strip() == sentence
        for s, e, written in st.conn.execute("SELECT start, \"end\", text FROM mentions WHERE doc_id = ?", (doc_id,)):
            assert text[s:e] == written


def _put(st: Store, f, version: str | None = None, name: str | None = None):
    """Extract the file `f` and store it under `name` (its path by default): what `put_file` returns."""
    result = extract_file(f)
    return st.put_file(name or str(f), result.records, result.text, version)


def test_a_document_in_two_files_is_stored_once_and_a_bad_copy_or_original_never_loses_it(tmp_path, samples):
    """The same notice kept in two files: the first stored keeps the documents row, the other gets a copies row
    naming it; emptying the copy removes only the copy's row, and emptying the original moves the document (with
    offsets into the copy's own text) to the copy; a store written before the copies table opens with its data."""
    notice = (samples / "shandong_village_doctor_notice.txt").read_text(encoding="utf-8")
    a, copy = tmp_path / "a.txt", tmp_path / "a_copy.txt"
    a.write_text(notice, encoding="utf-8")
    copy.write_text(notice, encoding="gbk")  # the same text in another encoding

    def put(st, f):
        return _put(st, f, "v1")

    path = tmp_path / "s.sqlite"
    with Store(path) as st:
        assert put(st, a) == (1, 0)
        (doc_id,) = st.conn.execute("SELECT doc_id FROM documents").fetchone()
        n_commitments = st.conn.execute("SELECT COUNT(*) FROM commitments").fetchone()[0]
        assert put(st, copy) == (0, 1)
        assert _rows_by_file(st, a, copy) == {str(a): [("document", doc_id)], str(copy): [("copy", doc_id, str(a))]}
        assert put(st, a) == (1, 0)  # a rerun of the original changes nothing
        assert _rows_by_file(st, a, copy)[str(copy)] == [("copy", doc_id, str(a))]

        copy.write_bytes(b"")  # a bad copy: its own error row, the document stays
        assert put(st, copy) == (0, 0)
        assert _rows_by_file(st, a, copy) == {str(a): [("document", doc_id)], str(copy): [("error", "empty_after_cleaning")]}
        assert st.conn.execute("SELECT COUNT(*) FROM commitments").fetchone()[0] == n_commitments

        copy.write_text(notice, encoding="gbk")
        put(st, copy)
        a.write_bytes(b"")  # a bad original: the document moves to the copy, which still gives it
        put(st, a)
        assert _rows_by_file(st, a, copy) == {str(a): [("error", "empty_after_cleaning")], str(copy): [("document", doc_id)]}
        assert st.conn.execute("SELECT COUNT(*) FROM commitments").fetchone()[0] == n_commitments
        assert st.conn.execute("SELECT COUNT(*) FROM commitments WHERE source != ?", (str(copy),)).fetchone()[0] == 0
        _grounded(st)
        before = _doc_keyed_rows(st)
        put(st, copy)  # the copy read again as the document's own file: the same rows
        assert _doc_keyed_rows(st) == before

        copy.write_bytes(b"")  # the last file giving it fails: now it is gone
        put(st, copy)
        assert st.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 0

        a.write_text(notice, encoding="utf-8")
        put(st, a)
        st.conn.execute("DROP TABLE copies")  # the store as the version before copies wrote it
        st.conn.commit()
    with Store(path) as st:  # opens, keeps its data, and records copies from now on
        assert _rows_by_file(st, a) == {str(a): [("document", doc_id)]}
        copy.write_text(notice, encoding="utf-16")
        assert put(st, copy) == (0, 1)
        assert _rows_by_file(st, copy) == {str(copy): [("copy", doc_id, str(a))]}


def test_a_moved_file_takes_its_document_along(tmp_path, samples):
    """A file renamed since it was stored no longer exists under its old name: the new name stores the document."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text((samples / "shandong_village_doctor_notice.txt").read_text(encoding="utf-8"), encoding="utf-8")
    with Store(tmp_path / "s.sqlite") as st:
        _put(st, a)
        a.rename(b)
        assert _put(st, b) == (1, 0)
        assert [s for (s,) in st.conn.execute("SELECT source FROM documents")] == [str(b)]
        _grounded(st)


def test_a_file_whose_name_is_not_utf8_keeps_its_document_when_a_copy_comes(tmp_path, samples):
    """A GBK name (as unzip leaves them) is stored decoded, so it is not the path on disk: it is still there, and a
    copy of its text is a copy, not the document's new home."""
    import os

    from corpora.readers import source_name

    text = (samples / "shandong_village_doctor_notice.txt").read_text(encoding="utf-8")
    a = os.path.join(os.fsencode(tmp_path), "政策通知".encode("gbk") + b".txt")
    with open(a, "wb") as f:
        f.write(text.encode("utf-8"))
    b = tmp_path / "b.txt"
    b.write_text(text, encoding="utf-8")
    a_name = source_name(os.fsdecode(a))
    with Store(tmp_path / "s.sqlite") as st:
        assert _put(st, os.fsdecode(a), name=a_name) == (1, 0)
        assert _put(st, b) == (0, 1)
        assert [s for (s,) in st.conn.execute("SELECT source FROM documents")] == [a_name]
        assert [(s, same) for s, same in st.conn.execute("SELECT source, same_as FROM copies")] == [(str(b), a_name)]


def test_a_moved_file_s_copies_name_its_new_path(tmp_path, samples):
    """When a moved file's new name takes its document, the copies of that document name the new path."""
    text = (samples / "shandong_village_doctor_notice.txt").read_text(encoding="utf-8")
    a, b, c = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    for p in (a, b):
        p.write_text(text, encoding="utf-8")
    with Store(tmp_path / "s.sqlite") as st:
        for p in (a, b):
            _put(st, p)
        a.rename(c)
        assert _put(st, c) == (1, 0)
        assert [s for (s,) in st.conn.execute("SELECT source FROM documents")] == [str(c)]
        assert {same for (same,) in st.conn.execute("SELECT same_as FROM copies")} == {str(c)}
        _grounded(st)


def _documents(records) -> list:
    return [r for recs in records.values() for r in recs if not isinstance(r, ReadError)]


def test_a_store_from_before_the_search_entries_were_listed_opens_with_its_data_and_replaces_them_once(tmp_path, records):
    """A store whose search entries are not listed by document (`search_rows`, written by an earlier version):
    opened, it keeps every row, lists every entry, and a document stored again has its entries replaced, not
    doubled; a file that now reads as an error leaves no entry of its documents."""
    import sqlite3

    path = tmp_path / "old.sqlite"
    with Store(path) as st:
        for name, recs in records.items():
            st.put_file(name, recs)
    with sqlite3.connect(path) as c:  # the earlier version's layout: the search index alone
        c.execute("DROP TABLE search_rows")
    with sqlite3.connect(path) as c:
        old = {n: sorted(map(repr, c.execute(f"SELECT * FROM {n}").fetchall())) for n in _doc_keyed_rows_names()}
        entries = c.execute("SELECT count(*) FROM search").fetchone()[0]
    assert entries > len(records)
    with Store(path) as st:
        assert _doc_keyed_rows(st) == old
        assert st.conn.execute("SELECT count(*) FROM search_rows").fetchone()[0] == entries
        assert st.conn.execute("SELECT count(*) FROM search_rows JOIN search ON search.rowid = search_rows.row "
                               "WHERE search.doc_id = search_rows.doc_id").fetchone()[0] == entries
        for name, recs in records.items():
            st.put_file(name, recs)
        assert _doc_keyed_rows(st) == old
        name, recs = next((n, r) for n, r in records.items() if any(not isinstance(x, ReadError) for x in r))
        source = next(r.source for r in recs if not isinstance(r, ReadError))
        st.put_file(name, [ReadError(source, ErrorReason.DECODE_ERROR, "x")])
        ids = {r.doc_id for r in recs if not isinstance(r, ReadError)}
        left = {d for (d,) in st.conn.execute("SELECT doc_id FROM search UNION SELECT doc_id FROM search_rows")}
        assert not ids & left and left
    with Store(path) as st:  # opened again: nothing more to list
        assert st.conn.execute("SELECT count(*) FROM search_rows").fetchone()[0] == \
            st.conn.execute("SELECT count(*) FROM search").fetchone()[0]


def _doc_keyed_rows_names() -> list[str]:
    from outputs import tables

    return [t.name for t in tables.TABLES if t.key[0] == "doc_id"] + ["search"]


def _steps(conn, action) -> int:
    """The virtual-machine steps SQLite runs for `action` (the full-text index's own reads included)."""
    steps = [0]

    def count():
        steps[0] += 1
        return 0

    conn.set_progress_handler(count, 1)
    try:
        action()
    finally:
        conn.set_progress_handler(None, 1)
    return steps[0]


def test_storing_a_document_again_reads_its_own_search_entries_not_the_whole_index(tmp_path, records):
    """Replacing a stored document finds its search entries by the index on their document: the work does not
    grow with the number of documents stored."""
    docs = _documents(records)
    assert docs

    def store(copies: int) -> int:
        with Store(tmp_path / f"s{copies}.sqlite") as st:
            for k in range(copies):
                st.put_file(f"copy{k}.txt", [replace(r, doc_id=f"{k}-{r.doc_id}", source=f"copy{k}.txt") for r in docs])
            again = [replace(r, doc_id=f"0-{r.doc_id}", source="copy0.txt") for r in docs]
            return _steps(st.conn, lambda: st.put_file("copy0.txt", again))

    few, many = store(2), store(16)
    assert many < 1.5 * few, (few, many)


# --- the contract's form of a record, built for the store without dataclasses.asdict ---------------------------

def _records_of(paths):
    for p in paths:
        yield from (r for r in extract_file(p).records if not isinstance(r, ReadError))


def _asdict_cases():
    import enum
    from collections import namedtuple
    from dataclasses import dataclass, field

    class Colour(enum.Enum):
        RED = "red"

    Span = namedtuple("Span", "start end")

    @dataclass
    class Inner:
        name: str
        span: Span
        tags: tuple = ()

    @dataclass
    class Outer:
        title: str | None
        score: float
        flag: bool
        inner: list[Inner] = field(default_factory=list)
        counts: dict[str, int] = field(default_factory=dict)
        nested: dict = field(default_factory=dict)
        colour: Colour = Colour.RED
        seen: set = field(default_factory=set)

    yield Outer(None, 0.5, True)
    yield Outer("标题", 1.0, False, [Inner("某市", Span(1, 3), ("a", 1)), Inner("某县", Span(4, 6))],
                {"script": 2}, {"k": [Inner("x", Span(0, 1))], "t": (1, [2, 3])}, Colour.RED, {1, 2})


@pytest.mark.parametrize("value", list(_asdict_cases()), ids=["empty", "nested"])
def test_the_store_builds_a_records_dict_as_asdict_does(value):
    from dataclasses import asdict

    from outputs.store import _plain

    got = _plain(value)
    assert got == asdict(value) and repr(got) == repr(asdict(value))
    assert got["inner"] is not value.inner and got["seen"] is not value.seen  # copies, as asdict's


def test_the_store_builds_the_contracts_form_of_real_records(samples):
    """On the samples' records and on every tenth file of the shared pool (when present): equal to `as_dict()`,
    and of the same types throughout (their pickles are the same bytes)."""
    import pickle

    from corpora.readers import expand_paths
    from outputs.store import _plain
    from tests.conftest import POOL

    paths = sorted(samples.iterdir()) + (expand_paths([POOL])[::10] if POOL.is_dir() else [])
    n = 0
    for rec in _records_of(paths):
        assert pickle.dumps(_plain(rec)) == pickle.dumps(rec.as_dict()), rec.source
        n += 1
    assert n >= 12


def test_a_store_from_before_copies_keeps_a_shared_document_when_the_file_holding_it_fails(tmp_path, samples):
    """A store written before the copies table holds a document two files give under the file written last only;
    opened now, the other file (the same text in another encoding, or a page holding several notices, one of them
    the other file's) is recorded as its copy, so when the holding file fails the document moves there, offsets
    into the copy's own text, instead of being deleted."""
    from tests.outputs.old_stores import store_before_copies

    notice = (samples / "shandong_village_doctor_notice.txt").read_text(encoding="utf-8")
    a, b = tmp_path / "a.txt", tmp_path / "b_gbk.txt"
    a.write_text(notice, encoding="utf-8")
    b.write_text(notice, encoding="gbk")
    page = tmp_path / "page.txt"  # three notices on one page, the second also published alone
    page.write_text((samples / "compilation_three_documents.txt").read_text(encoding="utf-8"), encoding="utf-8")
    on_page = extract_file(page)
    second = on_page.records[1]
    alone = tmp_path / "second_alone.txt"
    alone.write_text(on_page.text[second.start:second.end], encoding="utf-8")
    path = tmp_path / "s.sqlite"
    store_before_copies(path, [a, b, page, alone], "v1")
    with sqlite3.connect(path) as c:  # as that version left it: each shared document under the last file only
        holders = dict(c.execute("SELECT doc_id, source FROM documents"))
        n_commitments = c.execute("SELECT COUNT(*) FROM commitments").fetchone()[0]
    (doc_id,) = [d for d, s in holders.items() if s == str(b)]
    assert holders[second.doc_id] == str(alone) and str(a) not in holders.values()
    assert len(holders) == 4

    with Store(path) as st:
        assert _rows_by_file(st, a, page, alone, b) == {
            str(a): [("copy", doc_id, str(b))],
            str(page): [("document", on_page.records[0].doc_id), ("document", on_page.records[2].doc_id),
                        ("copy", second.doc_id, str(alone))],
            str(alone): [("document", second.doc_id)], str(b): [("document", doc_id)]}
        assert st.conn.execute("SELECT doc_index, start, \"end\" FROM copies WHERE source = ?",
                               (str(page),)).fetchone() == (1, second.start, second.end)
        for f in (b, alone):  # the files holding the shared documents go bad, in a run of their own
            f.write_bytes(b"")
            _put(st, f, "v1")
        got = _rows_by_file(st, a, page, alone, b)
        assert got | {str(page): sorted(got[str(page)])} == {
            str(a): [("document", doc_id)],
            str(page): sorted(("document", d.doc_id) for d in on_page.records),
            str(alone): [("error", "empty_after_cleaning")], str(b): [("error", "empty_after_cleaning")]}
        assert st.conn.execute("SELECT COUNT(*) FROM commitments").fetchone()[0] == n_commitments
        assert [i for (i,) in st.conn.execute("SELECT doc_index FROM documents WHERE source = ? ORDER BY doc_index",
                                             (str(page),))] == [0, 1, 2]
        _grounded(st)
    with Store(path) as st:  # looked for once: opened again, nothing changes
        assert st.conn.execute("SELECT COUNT(*) FROM copies").fetchone()[0] == 0


def test_a_store_from_before_copies_finds_copies_kept_without_text_by_the_hash_of_their_bytes(tmp_path, samples):
    """Files stored without their text (read in windows) by the version before copies: the same bytes (the hash in
    provenance) give the same documents, so the intact file keeps the document when the one holding it fails."""
    from tests.outputs.old_stores import store_before_copies

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    for f in (a, b):
        f.write_bytes((samples / "shandong_village_doctor_notice.txt").read_bytes())
    path = tmp_path / "s.sqlite"
    store_before_copies(path, [a, b], texts=False)
    with Store(path) as st:
        (doc_id,) = st.conn.execute("SELECT doc_id FROM documents").fetchone()
        assert _rows_by_file(st, a, b) == {str(a): [("copy", doc_id, str(b))], str(b): [("document", doc_id)]}
        n_commitments = st.conn.execute("SELECT COUNT(*) FROM commitments").fetchone()[0]
        b.write_bytes(b"")
        st.put_file(str(b), extract_file(b).records)
        assert _rows_by_file(st, a, b) == {str(a): [("document", doc_id)], str(b): [("error", "empty_after_cleaning")]}
        assert st.conn.execute("SELECT COUNT(*) FROM commitments").fetchone()[0] == n_commitments


def _every_offset_grounded(st: Store, spans: dict[str, dict[str, tuple[int, int]]]) -> None:
    """Every stored offset points into the text it was taken from: each document's, commitment's and mention's into
    the document's text (`Store.document_text`), and each copies row's into its own file's stored text, where
    that file's reading (`spans`: file -> doc_id -> its span there) has the document."""
    for doc_id, source, start, end in st.conn.execute('SELECT doc_id, source, start, "end" FROM documents').fetchall():
        text = st.document_text(doc_id)
        assert text is not None and 0 <= start < end <= len(text), source
        for s, e, sentence in st.conn.execute('SELECT start, "end", sentence FROM commitments WHERE doc_id = ?', (doc_id,)):
            assert text[s:e].strip() == sentence, (source, sentence)
        for s, e, written in st.conn.execute('SELECT start, "end", text FROM mentions WHERE doc_id = ?', (doc_id,)):
            assert text[s:e] == written, (source, written)
    for source, doc_id, start, end in st.conn.execute('SELECT source, doc_id, start, "end" FROM copies').fetchall():
        assert spans[source][doc_id] == (start, end), source
        assert st.text(source) == extract_file(source).text, source


@pytest.mark.parametrize("order", [
    ("alone", "page"),  # the page holds the other two notices and a copy of the one published alone
    ("first", "third", "alone", "page"),  # every notice of the page is a copy of a file of its own
])
def test_a_document_moving_to_a_page_holding_others_keeps_every_offset_pointing_into_its_text(tmp_path, samples, order):
    """A notice published alone and on a page with two others, the page writing its digits full-width (the same
    document: the same normalized text, another text): when the file storing it fails, it moves to the page, whose
    stored text stays its own, so the page's other documents and copies still point into it, and the moved
    document's offsets still point into the text they were read from; read again, the page's own offsets return."""
    compiled = extract_file(samples / "compilation_three_documents.txt")
    first, second, third = compiled.records
    files = {"first": first, "alone": second, "third": third}
    for name, rec in files.items():
        (tmp_path / f"{name}.txt").write_text(compiled.text[rec.start:rec.end], encoding="utf-8")
    wide = compiled.text[second.start:second.end].translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)})
    (tmp_path / "page.txt").write_text(compiled.text[:second.start] + wide + compiled.text[second.end:], encoding="utf-8")
    paths = {name: str(tmp_path / f"{name}.txt") for name in order}
    spans = {p: {r.doc_id: (r.start, r.end) for r in extract_file(p).records} for p in paths.values()}
    assert set(spans[paths["page"]]) == {first.doc_id, second.doc_id, third.doc_id}
    with Store(tmp_path / "s.sqlite") as st:
        for name in order:
            _put(st, paths[name])
        n_commitments = st.conn.execute("SELECT COUNT(*) FROM commitments").fetchone()[0]
        _every_offset_grounded(st, spans)
        for name in order[:-1]:  # the files of their own fail one by one: their documents move to the page
            Path(paths[name]).write_bytes(b"")
            _put(st, paths[name])
            _every_offset_grounded(st, spans)
            assert st.conn.execute("SELECT COUNT(*) FROM commitments").fetchone()[0] == n_commitments
        assert {d for (d,) in st.conn.execute("SELECT doc_id FROM documents WHERE source = ?", (paths["page"],))} == \
            set(spans[paths["page"]])
        _put(st, paths["page"])  # read again: every offset its own text's
        assert st.conn.execute("SELECT COUNT(*) FROM doc_texts").fetchone()[0] == 0
        _grounded(st)


def test_a_store_from_before_copies_takes_no_moved_file_for_a_copy(tmp_path, samples):
    """A file stored, then moved and stored under its new name by the version before copies: its old name kept its
    text, but it gives nothing now, so it is no copy of the document its new name holds."""
    from tests.outputs.old_stores import store_before_copies

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes((samples / "shandong_village_doctor_notice.txt").read_bytes())
    path = tmp_path / "s.sqlite"
    store_before_copies(path, [a])
    a.rename(b)
    store_before_copies(path, [b])
    with Store(path) as st:
        assert st.text(str(a)) is not None  # what that version left behind
        assert _rows_by_file(st, a, b) == {str(a): [], str(b): [("document", st.conn.execute(
            "SELECT doc_id FROM documents").fetchone()[0])]}


def _store_with_copies_unmarked(path: Path, files) -> None:
    """A store as the versions with the copies table but before old copies were looked for wrote `files` (the
    copies recorded, the store not marked as looked at: PRAGMA user_version 0)."""
    with Store(path) as st:
        for f in files:
            _put(st, f, "v1")
        st.conn.execute("PRAGMA user_version = 0")


@pytest.mark.parametrize("written_by", ["before copies", "copies unmarked"])
def test_a_copy_of_a_story_quoting_a_notice_whole_is_no_copy_of_the_notice(tmp_path, samples, written_by):
    """A story quoting a notice whole (its last document holds the quote and the reporter's line: not the notice)
    published twice: the story's documents are stored under one file, the other only gives them (no documents of
    its own). Looked for when the store is first opened, the quote inside the copy's documents is no copy of the
    notice: the notice's file failing deletes the notice, instead of moving it to a story that merely quotes it."""
    from tests.outputs.old_stores import store_before_copies

    compiled = extract_file(samples / "compilation_three_documents.txt")
    notice = compiled.text[compiled.records[1].start:compiled.records[1].end]
    alone, story, story_copy = tmp_path / "notice.txt", tmp_path / "story.txt", tmp_path / "story_copy.txt"
    alone.write_text(notice, encoding="utf-8")
    news = (samples / "weifang_news_report.txt").read_text(encoding="utf-8").rstrip()
    for f in (story, story_copy):
        f.write_text(f"{news}\n{notice}\n记者 王明 报道。\n", encoding="utf-8")
    (notice_id,) = [r.doc_id for r in extract_file(alone).records]
    story_docs = extract_file(story).records
    assert notice_id not in {r.doc_id for r in story_docs} and f"\n{notice}\n" in extract_file(story).text
    path = tmp_path / "s.sqlite"
    if written_by == "before copies":
        store_before_copies(path, [alone, story, story_copy], "v1")
    else:
        _store_with_copies_unmarked(path, [alone, story, story_copy])
    with Store(path) as st:
        copies = {(s, d) for s, d in st.conn.execute("SELECT source, doc_id FROM copies")}
        assert copies & {(str(story), notice_id), (str(story_copy), notice_id)} == set()
        alone.write_bytes(b"")
        _put(st, alone, "v1")
        assert st.conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (notice_id,)).fetchone() is None
        _grounded(st)


def test_a_document_moves_to_a_copy_still_on_disk_rather_than_to_a_deleted_one(tmp_path, samples):
    """One notice in three files; the second deleted since it was stored, then the first, holding the notice, goes
    bad (in a run over that file alone): the notice moves to the third file, which still gives it, not to the
    deleted one (whose name comes first)."""
    a, b, c = (tmp_path / f"{n}.txt" for n in "abc")
    for f in (a, b, c):
        f.write_bytes((samples / "shandong_village_doctor_notice.txt").read_bytes())
    with Store(tmp_path / "s.sqlite") as st:
        for f in (a, b, c):
            _put(st, f, "v1")
        (doc_id,) = st.conn.execute("SELECT doc_id FROM documents").fetchone()
        b.unlink()
        a.write_bytes(b"")
        _put(st, a, "v1")
        assert _rows_by_file(st, a, c) == {str(a): [("error", "empty_after_cleaning")], str(c): [("document", doc_id)]}
        assert {same for (same,) in st.conn.execute("SELECT same_as FROM copies WHERE doc_id = ?", (doc_id,))} <= {str(c)}
        _grounded(st)


def test_a_store_from_before_copies_takes_no_notice_quoted_inside_a_found_copy_for_a_copy(tmp_path, samples):
    """A story quoting a notice whole and its repost (one word of the story changed: its last document, the quote
    with the reporter's line, is the same) written by the version before copies: the repost is found to give the
    story's last document, but the notice quoted inside it is no document of the repost."""
    from tests.outputs.old_stores import store_before_copies

    compiled = extract_file(samples / "compilation_three_documents.txt")
    notice = compiled.text[compiled.records[1].start:compiled.records[1].end]
    alone, story, repost = tmp_path / "notice.txt", tmp_path / "story.txt", tmp_path / "repost.txt"
    alone.write_text(notice, encoding="utf-8")
    news = (samples / "weifang_news_report.txt").read_text(encoding="utf-8").rstrip()
    story.write_text(f"{news}\n{notice}\n记者 王明 报道。\n", encoding="utf-8")
    lines = news.split("\n")
    lines[2] = lines[2].replace("。", "！", 1)
    repost.write_text("\n".join(lines) + f"\n{notice}\n记者 王明 报道。\n", encoding="utf-8")
    (notice_id,) = [r.doc_id for r in extract_file(alone).records]
    last = extract_file(story).records[-1].doc_id
    assert extract_file(repost).records[-1].doc_id == last and extract_file(repost).records[0].doc_id != \
        extract_file(story).records[0].doc_id
    path = tmp_path / "s.sqlite"
    store_before_copies(path, [alone, repost, story], "v1")
    with Store(path) as st:
        assert {d for (d,) in st.conn.execute("SELECT doc_id FROM copies WHERE source = ?", (str(repost),))} == {last}


def test_a_store_from_before_copies_is_looked_at_under_the_write_lock(tmp_path, samples, monkeypatch):
    """Two processes opening a store written before copies at once: while one looks for its copies, the other's run
    cannot write (the look and its rows are one write transaction), so no copies row is recorded for a document the
    other run deleted meanwhile."""
    from outputs import store as store_module
    from tests.outputs.old_stores import store_before_copies

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    for f in (a, b):
        f.write_bytes((samples / "shandong_village_doctor_notice.txt").read_bytes())
    path = tmp_path / "s.sqlite"
    store_before_copies(path, [a, b])
    looked = store_module.Store._old_copies_by_text
    refused = []

    def meanwhile(self, gives):  # another run writes while this one looks: it deletes the document
        found = looked(self, gives)
        other = sqlite3.connect(path, timeout=0)
        try:
            with other:
                other.execute("DELETE FROM documents")
        except sqlite3.OperationalError as e:
            refused.append(str(e))
        other.close()
        return found

    monkeypatch.setattr(store_module.Store, "_old_copies_by_text", meanwhile)
    with Store(path) as st:
        assert refused and "locked" in refused[0]
        assert st.conn.execute("SELECT COUNT(*) FROM copies WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
                               ).fetchone()[0] == 0
