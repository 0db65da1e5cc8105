"""Exports of the store's tables: Parquet and CSV, each written to a temporary file and renamed."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from outputs import tables
from outputs.store import Store
from outputs.tables import typed


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
                atomic_write(path, lambda p: df.to_csv(p, index=False, encoding="utf-8-sig"))
            written[f"{name}.{ext}"] = path
    return written
