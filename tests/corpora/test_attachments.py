"""Attachment suffixes: one list (corpora/data/attachment_suffixes.tsv) for the HTML reader and for `ingest`."""
from __future__ import annotations

import pytest

from corpora.attachments import ATTACHMENT_SUFFIXES, examples
from corpora.readers import read_path
from corpora.sources import Source

BODY = "<p>" + "各县区人民政府：现将工作方案印发给你们，请认真贯彻落实。" * 4 + "</p>"


@pytest.mark.parametrize("suffix,name", examples())
def test_a_linked_file_of_each_suffix_is_named_as_an_attachment(tmp_path, suffix, name):
    assert name.endswith(suffix)
    p = tmp_path / "page.html"
    p.write_text(f"<html><body><article><h1>某市人民政府办公室关于印发工作方案的通知</h1>{BODY}"
                 f"<a href='/download?id=3'>{name}</a></article></body></html>", encoding="utf-8")
    assert read_path(p).metadata["附件"] == name


def test_a_link_without_an_attachment_suffix_is_not_one(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(f"<html><body><article><h1>某市人民政府办公室关于印发工作方案的通知</h1>{BODY}"
                 "<a href='/art/2.html'>某市人民政府办公室关于加强管理的通知</a></article></body></html>", encoding="utf-8")
    assert "附件" not in read_path(p).metadata


def test_ingest_fetches_the_same_suffixes_by_default():
    assert Source("s", ("https://example.org/",), r"/art/").attachment_suffixes == ATTACHMENT_SUFFIXES
