"""Typed records for the reading stage: raw bytes, decoded source text, documents inside a file."""
from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass, field


class ErrorReason(str, enum.Enum):
    """Why an input yielded no document (CONTRACT.md error records)."""

    UNSUPPORTED_FORMAT = "unsupported_format"
    NO_TEXT_LAYER = "no_text_layer"
    DECODE_ERROR = "decode_error"
    EMPTY = "empty_after_cleaning"
    NOT_A_DOCUMENT = "not_a_document"
    READ_ERROR = "read_error"
    TOO_LARGE = "too_large"


@dataclass(frozen=True)
class RawDocument:
    """Bytes as found, with where they came from."""

    source: str
    data: bytes
    media_type: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class SourceText:
    """The decoded text that every offset points into, plus what the reader learned on the way."""

    source: str
    text: str
    media_type: str
    encoding: str | None = None
    # page metadata the reader found (发文字号, 成文日期, ArticleTitle, PubDate, ...), label -> value
    metadata: dict[str, str] = field(default_factory=dict)
    # where each metadata value sits in `text`, label -> (start, end)
    metadata_spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    # offset where the body starts (after a metadata header block the reader composed), 0 if none
    body_start: int = 0
    flags: list[str] = field(default_factory=list)


@dataclass
class ReadError(Exception):
    """An input that yields no document, with the file and the reason."""

    source: str
    reason: ErrorReason
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.source}: {self.reason.value}: {self.detail}"

    def as_dict(self) -> dict:
        """The contract's error record."""
        return {"source": self.source, "error": self.reason.value, "detail": self.detail}
