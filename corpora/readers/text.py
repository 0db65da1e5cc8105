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
