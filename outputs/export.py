"""Exports of the store's tables: Parquet and CSV, each written to a temporary file and renamed."""
from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import os
import re
import tempfile
from pathlib import Path

from outputs import tables
from outputs.store import Store

# A text cell a spreadsheet would run as a formula (=, +, -, @ followed by more) or that a tab or carriage return
# could turn into one; a number written with its sign (-5, +3.5) is data, left as it is, and so is the character
# alone (the comparator "=", a "-" for nothing): there is no formula in it to run.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SIGNED_NUMBER = re.compile(r"[+-]\d+(?:\.\d+)?(?:[eE][+-]?\d+)?%?")


def safe_cell(value):
    """A value as a spreadsheet cell that is never a live formula: a text beginning with =, +, -, @, a tab or a
    carriage return and followed by more gets a leading apostrophe (shown, not run, by Excel, LibreOffice and
    Google Sheets), as the OWASP advice on CSV injection has it. Anything else is returned as it is: a signed
    number, and one of those characters alone (the comparator `=`)."""
    if (isinstance(value, str) and len(value) > 1 and value.startswith(_FORMULA_START)
            and not _SIGNED_NUMBER.fullmatch(value)):
        return "'" + value
    return value


def safe_frame(df):
    """`df` with every text cell (and column name) through `safe_cell`, for CSV and Excel exports."""
    out = df.copy()
    for c in out.columns:
        if out[c].dtype == object or str(out[c].dtype).startswith("str"):
            out[c] = out[c].map(safe_cell)
    return out.rename(columns={c: safe_cell(c) for c in out.columns if isinstance(c, str)})


def atomic_write(path: Path, write) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=f".tmp{path.suffix}")
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


# rows read from the store, converted and written at a time: the export holds one batch, not the table
BATCH_ROWS = 20_000
_ARROW = {"date": "date32", "int": "int64", "float": "float64", "code": "large_string", "str": "large_string"}
# pandas' own description of each column (kept in the Parquet file's metadata), so that `pandas.read_parquet`
# gives the documented dtypes (nullable Int64, str, dates as objects) without pandas writing the file
_PANDAS = {"date": ("date", "object"), "int": ("int64", "Int64"), "float": ("float64", "float64"),
           "code": ("object", "str"), "str": ("object", "str")}


@functools.cache
def pandas_version() -> str | None:
    """The installed pandas' version (looked up once: each lookup scans the installed distributions), or None."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pandas")
    except PackageNotFoundError:
        return None


def _pandas_metadata(columns: list[str], kinds: list[str]) -> bytes:
    import pyarrow

    return json.dumps({
        "index_columns": [], "column_indexes": [],
        "columns": [{"name": c, "field_name": c, "pandas_type": _PANDAS[k][0], "numpy_type": _PANDAS[k][1], "metadata": None}
                    for c, k in zip(columns, kinds)],
        "creator": {"library": "pyarrow", "version": pyarrow.__version__}, "pandas_version": pandas_version(),
    }).encode()


def _csv_cell(v):
    if v is None:
        return ""
    if isinstance(v, float):
        return repr(v)
    return safe_cell(v)


def _csv_cells(values: list) -> list:
    """`_csv_cell` of each value of a column (the same cells, without a call per cell: most of a table's export;
    `safe_cell` is asked only about the rare text that opens with a formula character)."""
    return ["" if v is None else repr(v) if isinstance(v, float) else
            safe_cell(v) if isinstance(v, str) and v.startswith(_FORMULA_START) else v
            for v in values]


_EPOCH = dt.date(1970, 1, 1)


def _arrow_array(values: list, kind: str):
    """A column of converted values as an Arrow array, built from its buffers (validity bits, data, offsets):
    converting Python objects with `pyarrow.array` would load pandas into the process."""
    import numpy as np
    import pyarrow as pa

    n = len(values)
    valid = pa.py_buffer(np.packbits(np.fromiter((v is not None for v in values), dtype=bool, count=n), bitorder="little"))
    if kind in ("str", "code"):
        data = [b"" if v is None else v.encode("utf-8", "replace") for v in values]
        offsets = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.fromiter((len(b) for b in data), dtype=np.int64, count=n), out=offsets[1:])
        return pa.Array.from_buffers(pa.large_string(), n, [valid, pa.py_buffer(offsets), pa.py_buffer(b"".join(data))])
    if kind == "date":
        arrow, numbers = pa.date32(), np.fromiter((0 if v is None else (v - _EPOCH).days for v in values), dtype=np.int32, count=n)
    elif kind == "int":
        arrow, numbers = pa.int64(), np.fromiter((0 if v is None else v for v in values), dtype=np.int64, count=n)
    else:
        arrow, numbers = pa.float64(), np.fromiter((0.0 if v is None else v for v in values), dtype=np.float64, count=n)
    return pa.Array.from_buffers(arrow, n, [valid, pa.py_buffer(numbers)])


def export_table(store: Store, name: str, parquet_path: Path, csv_path: Path) -> None:
    """One table of the store as Parquet and CSV, each column in its type (docs/tables.md), read from the store and
    written a batch of rows at a time with pyarrow and the csv module (no data frame of the whole table); both files
    are written to temporary files and renamed."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    cursor = store.rows(name)
    columns = [d[0] for d in cursor.description]
    kinds = [tables.column_type(c) for c in columns]
    converters = [tables.CONVERT[k] for k in kinds]
    schema = pa.schema([pa.field(c, getattr(pa, _ARROW[k])()) for c, k in zip(columns, kinds)],
                       metadata={b"pandas": _pandas_metadata(columns, kinds)})
    tmp = []
    try:
        for path in (parquet_path, csv_path):
            fd, t = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=f".tmp{path.suffix}")
            os.close(fd)
            tmp.append(t)
        with pq.ParquetWriter(tmp[0], schema) as pw, open(tmp[1], "w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow([safe_cell(c) for c in columns])
            wrote = False
            while True:
                rows = cursor.fetchmany(BATCH_ROWS)
                if not rows and wrote:
                    break
                cols = [[conv(r[i]) for r in rows] for i, conv in enumerate(converters)]
                pw.write_batch(pa.RecordBatch.from_arrays([_arrow_array(v, k) for v, k in zip(cols, kinds)], schema=schema))
                w.writerows(zip(*map(_csv_cells, cols)))
                wrote = True
                if not rows:
                    break
        os.replace(tmp[0], parquet_path)
        os.replace(tmp[1], csv_path)
    finally:
        cursor.close()
        for t in tmp:
            if os.path.exists(t):
                os.unlink(t)


def export_tables(store: Store, out_dir: str | Path) -> dict[str, Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name in (t.name for t in tables.TABLES):
        export_table(store, name, out / f"{name}.parquet", out / f"{name}.csv")
        written[f"{name}.parquet"] = out / f"{name}.parquet"
        written[f"{name}.csv"] = out / f"{name}.csv"
    return written
