"""Engine-free processing of one path: read, extract, and the contract records. Prefect tasks wrap it."""
from __future__ import annotations

import functools
import re
from pathlib import Path

from corpora.readers import iter_source, read_path, streamed_type
from corpora.records import ErrorReason, ReadError


@functools.cache
def extractor():
    from extractors.extract import Extractor
    return Extractor()


def extract_file(path: str | Path, source: str | None = None) -> dict:
    """{"records": contract records for one file — one per document, or one error record naming file and
    reason —, "text": the source text their offsets point into (None for an error)}. `source` names where
    the bytes came from when that is not the path (a fetched URL). A large text file's records come from
    `iter_records`, held in a list here; its text is not returned (the flow streams such files instead)."""
    if is_streamed(path):
        return {"records": list(iter_records(path, source)), "text": None}
    try:
        st = read_path(path, source)
        return {"records": [x.as_dict() for x in extractor().extract(st)], "text": st.text}
    except ReadError as e:
        return {"records": [e.as_record()], "text": None}
    except Exception as e:  # a reader or extractor bug must not stop the batch; report it with the file
        error = ReadError(source or str(path), ErrorReason.READ_ERROR, f"{type(e).__name__}: {e}")
        return {"records": [error.as_record()], "text": None}


def for_source(result: dict, source: str) -> dict:
    """A result of `extract_file` (perhaps cached from a run that read the same bytes elsewhere) named after
    `source`, where this run read them: the records' `source`, and the old name in an error's detail."""
    old = {r.get("source") for r in result["records"]} - {None, source}
    records = []
    for r in result["records"]:
        r = {**r, "source": source}
        if old and isinstance(r.get("detail"), str):
            for name in old:
                r["detail"] = r["detail"].replace(name, source)
        records.append(r)
    return {**result, "records": records}


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
    """The contract records of `extract_file`."""
    return extract_file(path, source)["records"]


# a window of a large file with fewer Chinese characters than this holds no notice (logs, code, base64)
MIN_WINDOW_CJK = 40
_CJK = re.compile(r"[\u3400-\u9fff]")


def is_streamed(path: str | Path) -> bool:
    """Whether `iter_records` reads this file in windows (a plain-text file over STREAM_BYTES)."""
    try:
        return streamed_type(Path(path)) is not None
    except OSError:
        return False


def _shift(record: dict, offset: int, index_base: int) -> dict:
    """A window's record with its offsets moved into the whole file and its index counted across windows."""
    record["doc_index"] += index_base
    record["start"] += offset
    record["end"] += offset
    for key in ("doc_numbers", "agencies", "dates", "commitments"):
        for item in record[key]:
            item["start"] += offset
            item["end"] += offset
    return record


def iter_records(path: str | Path, source: str | None = None):
    """The contract records of one file, yielded as they are made. A large plain-text file is read and
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
                yield _shift(x.as_dict(), offset, n) if windowed else x.as_dict()
            n += len(records)
        if windowed and n == 0:
            raise ReadError(source or str(path), ErrorReason.NOT_A_DOCUMENT,
                            f"no notice in a large text file ({skipped} windows without Chinese text)")
    except ReadError as e:
        yield e.as_record()
    except Exception as e:  # a reader or extractor bug must not stop the batch; report it with the file
        yield ReadError(source or str(path), ErrorReason.READ_ERROR, f"{type(e).__name__}: {e}").as_record()
