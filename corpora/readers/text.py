"""Plain text and Markdown: detect the encoding, strip a BOM, change nothing else."""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from corpora.records import ErrorReason, RawDocument, ReadError, SourceText

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """Decode bytes to text: BOM, then strict UTF-8, then a declared charset, then charset-normalizer.

    GB2312/GBK declarations are widened to GB18030, their superset, so no valid byte is lost.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    if declared:
        d = declared.lower().strip()
        candidates.append("gb18030" if d in {"gb2312", "gbk", "gb_2312-80", "x-gbk"} else d)
    best = from_bytes(data).best()
    if best is not None:
        enc = best.encoding
        candidates.append("gb18030" if enc in {"gb2312", "gbk"} else enc)
    candidates += ["gb18030", "big5"]
    for enc in candidates:
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            continue
    raise ReadError(source, ErrorReason.DECODE_ERROR, "no encoding decodes the bytes (tried " + ", ".join(candidates) + ")")


def read(raw: RawDocument) -> SourceText:
    text, enc = decode(raw.data, raw.source)
    if "\x00" in text:
        raise ReadError(raw.source, ErrorReason.DECODE_ERROR, f"binary content (NUL characters) after decoding as {enc}")
    if not text.strip():
        raise ReadError(raw.source, ErrorReason.EMPTY, "no text after decoding")
    return SourceText(raw.source, text, raw.media_type, encoding=enc)


def _stream_encoding(head: bytes, source: str) -> tuple[str, int]:
    """The encoding of a large file judged from its first bytes, and how many BOM bytes to skip."""
    for bom, enc in _BOMS:
        if head.startswith(bom):
            return enc, len(bom)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8", 0
    except UnicodeDecodeError:
        pass
    best = from_bytes(head).best()
    if best is not None:
        return ("gb18030" if best.encoding in {"gb2312", "gbk"} else best.encoding), 0
    for enc in ("gb18030", "big5"):
        try:
            codecs.getincrementaldecoder(enc)().decode(head, final=False)
            return enc, 0
        except UnicodeDecodeError:
            continue
    raise ReadError(source, ErrorReason.DECODE_ERROR, "no encoding decodes the first bytes (tried utf-8, gb18030, big5)")


def iter_windows(path, source: str, media_type: str = "text/plain", window_chars: int = 200_000,
                 block_bytes: int = 1 << 20):
    """A text file too large to hold whole, as (offset, SourceText) windows of about `window_chars`
    characters, decoded incrementally. A window ends at the last blank line (else line break) in its second
    half, so documents and paragraphs are rarely cut; `offset` is where the window starts in the whole
    decoded text, so offsets within a window plus `offset` point into the file's source text. Memory is
    one block plus one window, whatever the file's size."""
    with open(path, "rb") as f:
        head = f.read(block_bytes)
        enc, skip = _stream_encoding(head, source)
        decoder = codecs.getincrementaldecoder(enc)(errors="replace")
        buf, offset, pending, seen_text = "", 0, head[skip:], False
        while True:
            final = not pending
            buf += decoder.decode(pending, final=final)
            while len(buf) >= window_chars or (final and buf):
                cut = len(buf)
                if len(buf) >= window_chars:
                    half = window_chars // 2
                    para = buf.rfind("\n\n", half, window_chars)
                    line = buf.rfind("\n", half, window_chars)
                    cut = para + 2 if para >= 0 else (line + 1 if line >= 0 else window_chars)
                chunk, buf = buf[:cut], buf[cut:]
                if "\x00" in chunk:
                    raise ReadError(source, ErrorReason.DECODE_ERROR,
                                    f"binary content (NUL characters) after decoding as {enc}, near character {offset}")
                seen_text = seen_text or bool(chunk.strip())
                yield offset, SourceText(source, chunk, media_type, encoding=enc)
                offset += len(chunk)
            if final:
                break
            pending = f.read(block_bytes)
    if not seen_text:
        raise ReadError(source, ErrorReason.EMPTY, "no text after decoding")
