"""Engine-free processing of one path: read, extract, and the typed records. Prefect tasks wrap it.

A file yields `Record`s: an `Extraction` per document, or one `ReadError` naming the file and the reason.
They stay typed up to the store and the command line; `as_dict()` makes the contract's JSON of either."""
from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from corpora.chars import CJK as _CJK
from corpora.readers import iter_source, read_path, streamed_type
from corpora.records import ErrorReason, ReadError
from extractors.records import Extraction

Record = Extraction | ReadError

# everything on the path from bytes to a record, relative to the folder that holds the packages: the
# readers and the record types, the document stage and the extractors with their data, this module and
# the worker processes that run it under memory and time limits (which decide some error records)
RECORD_PATH = ("corpora/records.py", "corpora/chars.py", "corpora/attachments.py", "corpora/data", "corpora/readers",
               "extractors", "pipeline/process.py", "pipeline/workers.py")
_HASHED = {".py", ".csv", ".tsv", ".txt", ".json"}
# the libraries that decode, convert and segment text; another release of one may change a record
RECORD_LIBRARIES = ("charset-normalizer", "trafilatura", "lxml", "pypdfium2", "python-docx", "opencc",
                    "jieba", "cn2an")


def version_of(root: Path, libraries: tuple[str, ...] = RECORD_LIBRARIES) -> str:
    """A digest of every module and data file on RECORD_PATH under `root` (names and bytes) and of the
    installed releases of `libraries`."""
    h = hashlib.sha256()
    for part in RECORD_PATH:
        top = root / part
        files = [top] if top.is_file() else sorted(top.rglob("*"))
        for p in files:
            if p.is_file() and p.suffix in _HASHED and "__pycache__" not in p.parts:
                h.update(p.relative_to(root).as_posix().encode() + b"\0")
                h.update(p.read_bytes())
    for lib in libraries:
        try:
            h.update(f"{lib}=={metadata.version(lib)}\0".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{lib} absent\0".encode())
    return h.hexdigest()[:16]


@functools.cache
def extractor_version() -> str:
    """The version of everything that shapes a record (`version_of` this installation). Cached results
    are reused only while it is unchanged, and every stored document row carries it, so editing a reader,
    a noise rule, an extractor or a data row re-extracts."""
    return version_of(Path(__file__).resolve().parents[1])


@dataclass
class FileResult:
    """What one file gave: its records, and the source text their offsets point into (None for an error
    or a streamed file)."""

    records: list[Record] = field(default_factory=list)
    text: str | None = None
    version: str = field(default_factory=lambda: extractor_version())  # what produced the records


@functools.cache
def extractor():
    from extractors.extract import Extractor
    return Extractor()


def extract_file(path: str | Path, source: str | None = None) -> FileResult:
    """The records of one file — one per document, or one error record naming file and reason — and the
    text they index. `source` names where the bytes came from when that is not the path (a fetched URL).
    A large text file's records come from `iter_records`, held in a list here; its text is not returned
    (the flow streams such files instead)."""
    if is_streamed(path):
        return FileResult(list(iter_records(path, source)))
    try:
        st = read_path(path, source)
        return FileResult(list(extractor().extract(st)), st.text)
    except ReadError as e:
        return FileResult([e])
    except Exception as e:  # a reader or extractor bug must not stop the batch; report it with the file
        return FileResult([ReadError(source or str(path), ErrorReason.READ_ERROR, f"{type(e).__name__}: {e}")])


def store_files(files, db: Path) -> Path:
    """Extract each file in turn and write its records and source text into the store at `db`, then link
    citations: the store `policy run` writes, without the flow (test fixtures, benchmarks)."""
    from outputs.store import Store

    with Store(db) as store:
        for f in files:
            result = extract_file(f)
            store.put_file(str(f), result.records, result.text)
        store.link()
    return db


def for_source(result: FileResult, source: str) -> FileResult:
    """A result of `extract_file` (perhaps cached from a run that read the same bytes elsewhere) named after
    `source`, where this run read them: the records' `source`, and the old name in an error's detail."""
    from dataclasses import replace

    old = {r.source for r in result.records} - {None, source}
    records = []
    for r in result.records:
        if isinstance(r, ReadError):
            detail = r.detail
            for name in old:
                detail = detail.replace(name, source)
            records.append(ReadError(source, r.reason, detail))
        else:
            records.append(replace(r, source=source))
    return FileResult(records, result.text, result.version)


def origin_url(path: str | Path) -> str | None:
    """The URL a saved page or file was published at, from the `.metadata.json` a crawler keeps beside it
    (`final_url`, else `requested_url`, as in `<name>.html.metadata.json`); None when there is none."""
    import json

    side = Path(f"{path}.metadata.json")
    try:
        if not side.is_file() or side.stat().st_size > 1_000_000:
            return None
        meta = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict):
        return None
    for key in ("final_url", "requested_url", "url", "source_url"):
        url = meta.get(key)
        if isinstance(url, str) and url.lower().startswith(("http://", "https://")):
            return url
    return None


def extract_records(path: str | Path, source: str | None = None) -> list[dict]:
    """The contract records (CONTRACT.md, JSON-ready) of `extract_file`."""
    return [r.as_dict() for r in extract_file(path, source).records]


# a window of a large file with fewer Chinese characters than this holds no notice (logs, code, base64)
MIN_WINDOW_CJK = 40


def is_streamed(path: str | Path) -> bool:
    """Whether `iter_records` reads this file in windows (a plain-text file over STREAM_BYTES)."""
    try:
        return streamed_type(Path(path)) is not None
    except OSError:
        return False


def _shift(x: Extraction, offset: int, index_base: int) -> Extraction:
    """A window's record with its offsets moved into the whole file and its index counted across windows."""
    x.doc_index += index_base
    x.start += offset
    x.end += offset
    for items in (x.doc_numbers, x.agencies, x.dates, x.commitments):
        for item in items:
            item.start += offset
            item.end += offset
    return x


def iter_records(path: str | Path, source: str | None = None) -> Iterator[Record]:
    """The records of one file, yielded as they are made. A large plain-text file is read and
    extracted window by window (`corpora.readers.iter_source`), so memory stays bounded whatever its size.
    A failure after some documents were yielded ends with an error record for the rest of the file."""
    n = skipped = 0
    windowed = is_streamed(path)
    try:
        for offset, st in iter_source(path, source):
            if windowed and len(_CJK.findall(st.text)) < MIN_WINDOW_CJK:
                skipped += 1  # a window that cannot hold a notice (logs, code, base64, blank)
                continue
            records = extractor().extract(st)
            for x in records:
                yield _shift(x, offset, n) if windowed else x
            n += len(records)
        if windowed and n == 0:
            raise ReadError(source or str(path), ErrorReason.NOT_A_DOCUMENT,
                            f"no notice in a large text file ({skipped} windows without Chinese text)")
    except ReadError as e:
        yield e
    except Exception as e:  # a reader or extractor bug must not stop the batch; report it with the file
        yield ReadError(source or str(path), ErrorReason.READ_ERROR, f"{type(e).__name__}: {e}")
