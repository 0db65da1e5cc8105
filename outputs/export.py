"""Exports of the store's tables: Parquet and CSV, each written to a temporary file and renamed."""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from outputs import tables
from outputs.store import Store
from outputs.tables import typed

# A text cell a spreadsheet would run as a formula (=, +, -, @) or that a tab or carriage return could turn into
# one; a number written with its sign (-5, +3.5) is data, left as it is.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SIGNED_NUMBER = re.compile(r"[+-]\d+(?:\.\d+)?(?:[eE][+-]?\d+)?%?")


def safe_cell(value):
    """A value as a spreadsheet cell that is never a live formula: a text beginning with =, +, -, @, a tab or a
    carriage return gets a leading apostrophe (shown, not run, by Excel, LibreOffice and Google Sheets), as the
    OWASP advice on CSV injection has it. Anything else is returned as it is."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _SIGNED_NUMBER.fullmatch(value):
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


def export_tables(store: Store, out_dir: str | Path) -> dict[str, Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name in (t.name for t in tables.TABLES):
        df = typed(store.table(name))  # one type per column (docs/tables.md)
        for ext in ("parquet", "csv"):
            path = out / f"{name}.{ext}"
            if ext == "parquet":
                atomic_write(path, lambda p: df.to_parquet(p, index=False))
            else:
                atomic_write(path, lambda p: safe_frame(df).to_csv(p, index=False, encoding="utf-8-sig"))
            written[f"{name}.{ext}"] = path
    return written
