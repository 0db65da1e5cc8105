"""Processing one file: typed records, and one version over everything on the path from bytes to record."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpora.records import ReadError
from extractors.records import Extraction
from pipeline.process import RECORD_PATH, extract_file, extractor_version, iter_records, version_of

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def tree(tmp_path) -> Path:
    """A copy of the packages to edit (the samples stay behind: they are inputs, not code)."""
    for pkg in ("corpora", "extractors", "pipeline", "outputs"):
        shutil.copytree(ROOT / pkg, tmp_path / pkg, ignore=shutil.ignore_patterns("__pycache__", "samples"))
    return tmp_path


@pytest.mark.parametrize("edited,changes", [
    ("corpora/readers/html.py", True),        # a reader
    ("corpora/records.py", True),             # the record types of reading
    ("extractors/noise.py", True),            # a noise rule
    ("extractors/document.py", True),         # the document stage
    ("extractors/data/units.txt", True),      # a data file
    ("extractors/commitments.py", True),      # an extractor
    ("pipeline/process.py", True),            # how a file becomes records
    ("pipeline/workers.py", True),            # the limits that decide some error records
    ("corpora/fetch.py", False),              # fetching decides which bytes, not what they become
    ("outputs/report.py", False),
    ("pipeline/cli.py", False),
])
def test_version_changes_with_what_shapes_a_record(tree, edited, changes):
    before = version_of(tree, ())
    with open(tree / edited, "a", encoding="utf-8") as f:
        f.write("\n# edited\n")
    assert (version_of(tree, ()) != before) is changes


def test_a_new_data_file_changes_the_version(tree):
    before = version_of(tree, ())
    (tree / "extractors" / "data" / "new_rules.tsv").write_text("pattern\texample\n", encoding="utf-8")
    assert version_of(tree, ()) != before


def test_a_library_release_is_part_of_the_version(tree):
    assert version_of(tree, ("jieba",)) != version_of(tree, ())


def test_the_installed_version_covers_the_record_path():
    assert all((ROOT / p).exists() for p in RECORD_PATH)
    assert extractor_version() == version_of(ROOT)


def test_records_are_typed_up_to_the_edge(tmp_path, samples):
    result = extract_file(samples / "shandong_village_doctor_notice.txt")
    assert result.records and all(isinstance(r, Extraction) for r in result.records)
    assert result.version == extractor_version() and result.text
    bad = tmp_path / "x.rar"
    bad.write_bytes(b"Rar!\x1a\x07\x00")
    (err,) = list(iter_records(bad))
    assert isinstance(err, ReadError)
    assert err.as_dict() == {"source": str(bad), "error": "unsupported_format", "detail": err.detail}
