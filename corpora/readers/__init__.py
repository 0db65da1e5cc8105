"""Readers: bytes of one file → `SourceText`, or a `ReadError` naming the file and the reason."""
from __future__ import annotations

from pathlib import Path

from corpora.records import ErrorReason, RawDocument, ReadError, SourceText

# The largest input a reader holds in memory whole; bigger files get a `too_large` record instead of a
# memory spike, except plain text, which is read in windows (`iter_source`) up to MAX_STREAM_BYTES.
MAX_BYTES = 64 * 1024 * 1024
STREAM_BYTES = 16 * 1024 * 1024
MAX_STREAM_BYTES = 4 * 1024 * 1024 * 1024

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".shtml", ".xhtml"}
PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
LEGACY_SUFFIXES = {".doc", ".wps", ".xls", ".xlsx", ".et", ".rar", ".zip", ".7z", ".ppt", ".pptx", ".ofd", ".cn"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | DOCX_SUFFIXES | LEGACY_SUFFIXES


def sniff(data: bytes, suffix: str) -> str:
    """The media type from magic bytes first, the file name second."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        return "application/pdf"
    if head.startswith(b"PK\x03\x04"):
        if suffix == ".docx" or b"word/" in data[:4096]:
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        if suffix == ".xlsx" or b"xl/" in data[:4096]:
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        if suffix == ".pptx" or b"ppt/" in data[:4096]:
            return "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        return "application/zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "application/x-ole-storage"  # .doc/.wps/.xls
    if head.startswith(b"Rar!"):
        return "application/x-rar"
    lowered = head[:512].lower()
    if suffix in HTML_SUFFIXES or lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered:
        return "text/html"
    if suffix in TEXT_SUFFIXES:
        return "text/markdown" if suffix in {".md", ".markdown"} else "text/plain"
    return "application/octet-stream"


_KIND = {
    "application/x-ole-storage": "a legacy Office or WPS file (.doc/.wps/.xls)",
    "application/x-rar": "a RAR archive",
    "application/zip": "a ZIP archive",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "a spreadsheet (.xlsx)",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "a presentation (.pptx)",
    "application/octet-stream": "an unrecognised binary format",
}


def read_bytes(raw: RawDocument) -> SourceText:
    from corpora.readers import docx, html, pdf, text

    if len(raw.data) > MAX_BYTES:
        raise ReadError(raw.source, ErrorReason.TOO_LARGE, f"{len(raw.data)} bytes > limit {MAX_BYTES}")
    if not raw.data.strip():
        raise ReadError(raw.source, ErrorReason.EMPTY, "the file is empty")
    mt = raw.media_type
    if mt == "application/pdf":
        return pdf.read(raw)
    if mt.endswith("wordprocessingml.document"):
        return docx.read(raw)
    if mt == "text/html":
        return html.read(raw)
    if mt in {"text/plain", "text/markdown"}:
        return text.read(raw)
    raise ReadError(raw.source, ErrorReason.UNSUPPORTED_FORMAT, f"{_KIND.get(mt, mt)} is not read")


def read_path(path: str | Path, source: str | None = None) -> SourceText:
    """Read one file. Raises ReadError with the file (or `source`, the URL it came from) and the reason."""
    p = Path(path)
    name = source or str(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise ReadError(name, ErrorReason.TOO_LARGE, f"{size} bytes > limit {MAX_BYTES}")
        data = p.read_bytes()
    except OSError as e:
        raise ReadError(name, ErrorReason.READ_ERROR, f"{e.strerror or e}") from e
    return read_bytes(RawDocument(name, data, sniff(data, p.suffix.lower())))


_STREAMED_TYPES = {"text/plain", "text/markdown"}


def streamed_type(path: Path) -> str | None:
    """The media type of a plain-text file larger than STREAM_BYTES (read in windows), else None.
    Raises OSError when the file cannot be read."""
    if path.stat().st_size <= STREAM_BYTES:
        return None
    with open(path, "rb") as f:
        media_type = sniff(f.read(1024), path.suffix.lower())
    return media_type if media_type in _STREAMED_TYPES else None


def iter_source(path: str | Path, source: str | None = None):
    """(offset, SourceText) pieces of one file: the whole file at offset 0, or, for a plain-text file larger
    than STREAM_BYTES, windows decoded incrementally so that memory stays bounded whatever its size."""
    from corpora.readers import text

    p = Path(path)
    name = source or str(path)
    try:
        media_type = streamed_type(p)
        size = p.stat().st_size
    except OSError as e:
        raise ReadError(name, ErrorReason.READ_ERROR, f"{e.strerror or e}") from e
    if media_type is None:
        yield 0, read_path(p, source)
        return
    if size > MAX_STREAM_BYTES:
        raise ReadError(name, ErrorReason.TOO_LARGE, f"{size} bytes > limit {MAX_STREAM_BYTES} for text")
    try:
        yield from text.iter_windows(p, name, media_type)
    except OSError as e:
        raise ReadError(name, ErrorReason.READ_ERROR, f"{e.strerror or e}") from e


def expand_paths(paths: list[str | Path]) -> list[Path]:
    """Files named directly, plus every supported file under a folder (sorted, sidecars skipped)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES))
        else:
            out.append(p)
    return out
