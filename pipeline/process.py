"""Engine-free processing of one path: read, extract, and the contract records. Prefect tasks wrap it."""
from __future__ import annotations

import functools
from pathlib import Path

from corpora.readers import read_path
from corpora.records import ErrorReason, ReadError


@functools.cache
def extractor():
    from extractors.extract import Extractor
    return Extractor()


def extract_file(path: str | Path, source: str | None = None) -> dict:
    """{"records": contract records for one file — one per document, or one error record naming file and
    reason —, "text": the source text their offsets point into (None for an error)}. `source` names where
    the bytes came from when that is not the path (a fetched URL)."""
    try:
        st = read_path(path, source)
        return {"records": [x.as_dict() for x in extractor().extract(st)], "text": st.text}
    except ReadError as e:
        return {"records": [e.as_record()], "text": None}
    except Exception as e:  # a reader or extractor bug must not stop the batch; report it with the file
        error = ReadError(source or str(path), ErrorReason.READ_ERROR, f"{type(e).__name__}: {e}")
        return {"records": [error.as_record()], "text": None}


def extract_records(path: str | Path, source: str | None = None) -> list[dict]:
    """The contract records of `extract_file`."""
    return extract_file(path, source)["records"]
