"""Readers: bytes of one file → `SourceText`, or a `ReadError` naming the file and the reason."""
from __future__ import annotations

import os
import stat
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
    if len(raw.data) > MAX_BYTES:
        raise ReadError(raw.source, ErrorReason.TOO_LARGE, f"{len(raw.data)} bytes > limit {MAX_BYTES}")
    if not raw.data.strip():
        raise ReadError(raw.source, ErrorReason.EMPTY, "the file is empty")
    mt = raw.media_type
    # each reader imported when a file of its kind comes: a text file does not wait for the HTML parsers
    if mt == "application/pdf":
        from corpora.readers import pdf
        return pdf.read(raw)
    if mt.endswith("wordprocessingml.document"):
        from corpora.readers import docx
        return docx.read(raw)
    if mt == "text/html":
        from corpora.readers import html
        return html.read(raw)
    if mt in {"text/plain", "text/markdown"}:
        from corpora.readers import text
        return text.read(raw)
    raise ReadError(raw.source, ErrorReason.UNSUPPORTED_FORMAT, f"{_KIND.get(mt, mt)} is not read")


def source_name(path: str | Path) -> str:
    """A file's name as records and the store show it. A name whose bytes are not UTF-8 (unzip leaves GBK names
    from Chinese Windows archives so) is decoded as GB18030 when that works, else with its odd bytes written as
    \\xNN: a string that can be printed, stored and encoded, where the path itself holds surrogate escapes."""
    name = str(path)
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    raw = os.fsencode(name)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "backslashreplace")


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _not_regular(mode: int) -> str | None:
    """What a file of this mode is when it is not a regular file, else None."""
    if stat.S_ISREG(mode):
        return None
    return next((what for test, what in _KINDS if test(mode)), "not a regular file")


def _stat_error(p: Path, name: str, e: OSError) -> ReadError:
    """A ReadError for a path that cannot be opened, saying when it is a dangling or looping symbolic link."""
    import errno

    if e.errno == errno.ELOOP:
        return ReadError(name, ErrorReason.READ_ERROR, "a symbolic link that loops (too many levels of links)")
    if e.errno == errno.ENOENT and p.is_symlink():
        return ReadError(name, ErrorReason.READ_ERROR, f"a dangling symbolic link (to {source_name(os.readlink(p))})")
    return ReadError(name, ErrorReason.READ_ERROR, f"{e.strerror or e}")


def check_regular(path: str | Path, source: str | None = None) -> os.stat_result:
    """The file's status when it is a regular file (after following links); otherwise a ReadError naming what it
    is: a FIFO or a device such as /dev/zero would block or never end, a dangling link has nothing to read."""
    p = Path(path)
    name = source or source_name(path)
    try:
        st = p.stat()
    except OSError as e:
        raise _stat_error(p, name, e) from e
    if (what := _not_regular(st.st_mode)) is not None:
        raise ReadError(name, ErrorReason.READ_ERROR, f"{what}, not a regular file: only regular files are read")
    return st


def open_regular(path: str | Path, source: str | None = None):
    """One regular file opened for reading (a binary file object). It is opened without blocking and checked on
    the opened descriptor, so a FIFO or device swapped in after a check is refused (ReadError), never waited on."""
    p = Path(path)
    name = source or source_name(path)
    check_regular(p, name)
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as e:
        raise _stat_error(p, name, e) from e
    f = os.fdopen(fd, "rb")
    if (what := _not_regular(os.fstat(fd).st_mode)) is not None:
        f.close()
        raise ReadError(name, ErrorReason.READ_ERROR, f"{what}, not a regular file: only regular files are read")
    return f


def read_file_bytes(path: str | Path, source: str | None = None, limit: int = MAX_BYTES) -> bytes:
    """The bytes of one regular file (`open_regular`), read once and at most `limit` of them."""
    name = source or source_name(path)
    with open_regular(path, name) as f:
        st = os.fstat(f.fileno())
        if st.st_size > limit:
            raise ReadError(name, ErrorReason.TOO_LARGE, f"{st.st_size} bytes > limit {limit}")
        try:
            data = f.read(limit + 1)
        except OSError as e:
            raise ReadError(name, ErrorReason.READ_ERROR, f"{e.strerror or e}") from e
    if len(data) > limit:  # the file grew while it was read
        raise ReadError(name, ErrorReason.TOO_LARGE, f"more than {limit} bytes > limit {limit}")
    return data


def read_path(path: str | Path, source: str | None = None) -> SourceText:
    """Read one file. Raises ReadError with the file (or `source`, the URL it came from) and the reason."""
    p = Path(path)
    name = source or source_name(path)
    data = read_file_bytes(p, name)
    return read_bytes(RawDocument(name, data, sniff(data, p.suffix.lower())))


_STREAMED_TYPES = {"text/plain", "text/markdown"}


def streamed_type(path: Path) -> str | None:
    """The media type of a plain-text file larger than STREAM_BYTES (read in windows), else None.
    Raises OSError when the file cannot be read (or is not a regular file)."""
    if path.stat().st_size <= STREAM_BYTES:
        return None
    try:
        with open_regular(path) as f:
            return head_streamed_type(f.read(1024), path.suffix)
    except ReadError as e:
        raise OSError(e.detail) from e


def head_streamed_type(head: bytes, suffix: str) -> str | None:
    """The media type of a file read in windows when it is large, from its first KB and name, else None."""
    media_type = sniff(head, suffix.lower())
    return media_type if media_type in _STREAMED_TYPES else None


def iter_source(path: str | Path, source: str | None = None):
    """(offset, SourceText) pieces of one file: the whole file at offset 0, or, for a plain-text file larger
    than STREAM_BYTES, windows decoded incrementally so that memory stays bounded whatever its size."""
    from corpora.readers import text

    p = Path(path)
    name = source or source_name(path)
    check_regular(p, name)
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
    """Files named directly, plus every supported file under a folder (sorted, sidecars skipped). Links to
    folders are followed once (a loop is not entered twice); an entry with a supported name that is not a
    regular file — a dangling or looping link, a FIFO, a device — is listed too, so that reading it gives an
    error record naming it instead of passing over it in silence."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(_walk(p)))
        else:
            out.append(p)
    return out


def _walk(root: Path):
    seen: set[tuple[int, int]] = set()
    for folder, dirs, names in os.walk(root, followlinks=True):
        try:
            st = os.stat(folder)
        except OSError:
            dirs[:] = []
            continue
        if (st.st_dev, st.st_ino) in seen:  # a link back into a folder already listed
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        for n in names:
            f = Path(folder) / n
            if f.suffix.lower() in SUPPORTED_SUFFIXES:
                yield f
