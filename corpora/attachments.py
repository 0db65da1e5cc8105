"""Attachment files a page links (附件): the suffixes, one list in corpora/data/attachment_suffixes.tsv.

The HTML reader names a page's attachments in its metadata; `ingest` fetches the linked files by default."""
from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path


def _rows() -> list[dict[str, str]]:
    path = Path(str(resources.files("corpora") / "data" / "attachment_suffixes.tsv"))
    with open(path, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t") if r["suffix"] and not r["suffix"].startswith("#")]
    for i, r in enumerate(rows, 2):
        if not (r["suffix"].startswith(".") and r["suffix"] == r["suffix"].lower()):
            raise ValueError(f"{path}:{i}: a suffix is a lower-case '.ext', not {r['suffix']!r}")
    return rows


ATTACHMENT_SUFFIXES: tuple[str, ...] = tuple(r["suffix"] for r in _rows())


def examples() -> list[tuple[str, str]]:
    """(suffix, an attachment name that has it) for each row: what the tests check the readers with."""
    return [(r["suffix"], r["example"]) for r in _rows()]
