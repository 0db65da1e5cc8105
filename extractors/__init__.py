"""From text to grounded records: normalization and the entity and commitment extractors."""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path


@functools.cache
def extractor_version() -> str:
    """A digest of the extractors' code and reference data: cached results are reused only while it
    is unchanged, so editing a rule or a gazetteer row re-runs extraction."""
    root = Path(__file__).parent
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.suffix in {".py", ".csv", ".tsv", ".txt", ".json"} and "__pycache__" not in p.parts:
            h.update(p.relative_to(root).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]
