from __future__ import annotations

import pytest

from extractors import refdata


def test_divisions_cover_every_level():
    levels = {r["level"] for r in refdata.divisions()}
    assert levels == {"province", "city", "county"}
    assert len(refdata.divisions()) > 3000


def test_every_province_has_an_abbreviation():
    provinces = {r["adcode"] for r in refdata.divisions() if r["level"] == "province"}
    assert provinces == {r["adcode"] for r in refdata.province_abbreviations()}


def test_bad_row_names_file_and_line(tmp_path, monkeypatch):
    bad = tmp_path / "agencies.tsv"
    bad.write_text("alias\tcanonical\tscope\n卫健委\t卫生健康委员会\tlocal\n发改委\t\tlocal\n", encoding="utf-8")
    monkeypatch.setattr(refdata, "data_path", lambda name: tmp_path / name)
    with pytest.raises(refdata.RefDataError, match=r"agencies\.tsv:3"):
        refdata.read_rows("agencies.tsv", ("alias", "canonical", "scope"), delimiter="\t")
