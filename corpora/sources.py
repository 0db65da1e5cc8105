"""Published sources: where a scheduled job looks for new notices, read from a TOML file."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from corpora.attachments import ATTACHMENT_SUFFIXES


class SourceConfigError(ValueError):
    """A sources file that cannot be used, naming the file and the source."""


@dataclass(frozen=True)
class Source:
    name: str
    list_urls: tuple[str, ...]
    detail_pattern: str  # regular expression an absolute detail-page URL matches
    region: str | None = None  # adcode
    next_pattern: str | None = None  # regular expression for pagination links
    attachment_suffixes: tuple[str, ...] = ATTACHMENT_SUFFIXES
    schedule: str | None = None  # cron
    max_pages: int = 20
    max_bytes: int = 30_000_000
    timeout_seconds: float = 30.0
    delay_seconds: float = 1.0  # per host, between requests
    allow_private: bool = False  # only for sources that really live on a private or loopback address
    extra_hosts: tuple[str, ...] = field(default=())

    @property
    def hosts(self) -> frozenset[str]:
        return frozenset({urlsplit(u).hostname for u in self.list_urls} | set(self.extra_hosts))


_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def load_sources(path: str | Path) -> list[Source]:
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise SourceConfigError(f"{p}: {e}") from e
    out = []
    for i, raw in enumerate(data.get("source", [])):
        name = raw.get("name", f"#{i + 1}")
        if not _NAME.match(str(name)):
            raise SourceConfigError(f"{p}: source {name!r}: names are letters, digits, '.', '_' and '-' (no paths)")
        try:
            src = Source(**{**raw, "list_urls": tuple(raw.get("list_urls", ())),
                            "attachment_suffixes": tuple(raw.get("attachment_suffixes", Source.attachment_suffixes)),
                            "extra_hosts": tuple(raw.get("extra_hosts", ()))})
        except TypeError as e:
            raise SourceConfigError(f"{p}: source {name!r}: {e}") from e
        for u in src.list_urls:
            if urlsplit(u).scheme not in {"http", "https"}:
                raise SourceConfigError(f"{p}: source {name!r}: {u} is not an http(s) URL")
        if not src.list_urls:
            raise SourceConfigError(f"{p}: source {name!r}: no list_urls")
        for pattern in (src.detail_pattern, src.next_pattern):
            if pattern:
                try:
                    re.compile(pattern)
                except re.error as e:
                    raise SourceConfigError(f"{p}: source {name!r}: bad pattern {pattern!r}: {e}") from e
        out.append(src)
    if len({s.name for s in out}) != len(out):
        raise SourceConfigError(f"{p}: source names must be unique")
    return out
