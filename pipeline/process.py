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


def extract_records(path: str | Path, source: str | None = None) -> list[dict]:
    """Contract records for one file: one per document, or one error record naming file and reason.
    `source` names where the bytes came from when that is not the path (a fetched URL)."""
    try:
        st = read_path(path, source)
        return [x.as_dict() for x in extractor().extract(st)]
    except ReadError as e:
        return [e.as_record()]
    except Exception as e:  # a reader or extractor bug must not stop the batch; report it with the file
        return [ReadError(source or str(path), ErrorReason.READ_ERROR, f"{type(e).__name__}: {e}").as_record()]
