"""DOCX through python-docx: paragraphs and table cells in document order."""
from __future__ import annotations

import io
import zipfile

from corpora.records import ErrorReason, RawDocument, ReadError, SourceText

# A .docx is a zip: refuse members that would inflate beyond this (zip bombs).
MAX_UNCOMPRESSED = 200 * 1024 * 1024
# python-docx parses each XML part whole, at about 21 bytes of memory per byte of XML; a part larger than this
# (about 400 MB parsed) is refused. Word writes about 1 MB of document.xml per 100 pages of text.
MAX_XML_PART = 20 * 1024 * 1024


def read(raw: RawDocument) -> SourceText:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        with zipfile.ZipFile(io.BytesIO(raw.data)) as z:
            members = z.infolist()  # declared sizes bound what zipfile inflates: it stops at file_size
        size = sum(i.file_size for i in members)
        if size > MAX_UNCOMPRESSED:
            raise ReadError(raw.source, ErrorReason.TOO_LARGE, f"inflates to {size} bytes > limit {MAX_UNCOMPRESSED}")
        for i in members:
            if i.filename.lower().endswith((".xml", ".rels")) and i.file_size > MAX_XML_PART:
                raise ReadError(raw.source, ErrorReason.TOO_LARGE,
                                f"{i.filename} inflates to {i.file_size} bytes > limit {MAX_XML_PART} for one XML part")
        document = docx.Document(io.BytesIO(raw.data))
    except ReadError:
        raise
    except Exception as e:
        raise ReadError(raw.source, ErrorReason.DECODE_ERROR, f"DOCX could not be opened: {type(e).__name__}: {e}") from e
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text.strip())
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells = list(dict.fromkeys(c.text.strip() for c in row.cells))
                lines.append(" | ".join(cells))
    text = "\n".join(ln for ln in lines if ln) + "\n"
    if not text.strip():
        raise ReadError(raw.source, ErrorReason.EMPTY, "the document has no text")
    return SourceText(raw.source, text, raw.media_type)
