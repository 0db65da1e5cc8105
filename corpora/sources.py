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

    max_documents: int = 500  # detail pages and attachments fetched per scan, at most

    @property
    def hosts(self) -> frozenset[str]:
        return frozenset({urlsplit(u).hostname for u in self.list_urls} | set(self.extra_hosts))

    @property
    def origins(self) -> tuple[str, ...]:
        """What the fetcher may contact: the list pages' origins (scheme, host and port) and `extra_hosts`
        (a URL for its origin, a bare name for that host on the default ports of http and https)."""
        return tuple(dict.fromkeys([f"{p.scheme}://{p.netloc}" for p in map(urlsplit, self.list_urls)]
                                   + list(self.extra_hosts)))


_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_HOST = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class _Bad(ValueError):
    """One field of one source that cannot be used."""


def _text(value, field: str, allow_empty: bool = False) -> str:
    if not isinstance(value, str):
        raise _Bad(f"{field}: expected a string, got {type(value).__name__} {value!r}")
    if _CONTROL.search(value):
        raise _Bad(f"{field}: control characters are not allowed ({value!r})")
    if not value and not allow_empty:
        raise _Bad(f"{field}: must not be empty")
    return value


def _url(value, field: str) -> str:
    u = _text(value, field)
    parts = urlsplit(u)
    if parts.scheme not in {"http", "https"} or not parts.hostname or " " in u:
        raise _Bad(f"{field}: {u} is not an http(s) URL")
    try:
        parts.port
    except ValueError as e:
        raise _Bad(f"{field}: {u}: {e}") from e
    return u


def _integer(value, field: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Bad(f"{field}: expected an integer, got {type(value).__name__} {value!r}")
    if not low <= value <= high:
        raise _Bad(f"{field}: {value} is outside {low}..{high}")
    return value


def _number(value, field: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        raise _Bad(f"{field}: expected a number, got {type(value).__name__} {value!r}")
    if not low <= value <= high:
        raise _Bad(f"{field}: {value} is outside {low:g}..{high:g}")
    return float(value)


def _boolean(value, field: str) -> bool:
    if not isinstance(value, bool):  # `allow_private = "false"` is a string, and a string is not a switch
        raise _Bad(f"{field}: expected true or false (without quotes), got {type(value).__name__} {value!r}")
    return value


def _strings(value, field: str, item) -> tuple:
    if not isinstance(value, list):
        raise _Bad(f"{field}: expected a list, got {type(value).__name__} {value!r}")
    return tuple(item(v, f"{field}[{i}]") for i, v in enumerate(value))


def _pattern(value, field: str) -> str:
    p = _text(value, field)
    try:
        re.compile(p)
    except re.error as e:
        raise _Bad(f"{field}: bad pattern {p!r}: {e}") from e
    return p


def _host(value, field: str) -> str:
    h = _text(value, field)
    if "://" in h:
        return _url(h, field)
    if not _HOST.match(h):
        raise _Bad(f"{field}: {h!r} is not a host name")
    return h


def _cron(value, field: str) -> str:
    c = _text(value, field)
    import datetime as dt

    from cronsim import CronSim, CronSimError

    try:
        CronSim(c, dt.datetime(2026, 1, 1))
    except (CronSimError, ValueError) as e:
        raise _Bad(f"{field}: {c!r} is not a cron expression ({e})") from e
    return c


def _suffix(value, field: str) -> str:
    v = _text(value, field)
    if not re.fullmatch(r"\.[A-Za-z0-9]{1,8}", v):
        raise _Bad(f"{field}: {v!r} is not a file suffix such as .pdf")
    return v.lower()


# field -> how it is checked; the Source's default when absent
_FIELDS = {
    "name": lambda v, f: _text(v, f),
    "list_urls": lambda v, f: _strings(v, f, _url),
    "detail_pattern": _pattern,
    "region": lambda v, f: _adcode(v, f),
    "next_pattern": _pattern,
    "attachment_suffixes": lambda v, f: _strings(v, f, _suffix),
    "schedule": _cron,
    "max_pages": lambda v, f: _integer(v, f, 1, 10_000),
    "max_documents": lambda v, f: _integer(v, f, 1, 100_000),
    "max_bytes": lambda v, f: _integer(v, f, 1, 1 << 30),
    "timeout_seconds": lambda v, f: _number(v, f, 0.1, 3600),
    "delay_seconds": lambda v, f: _number(v, f, 0, 3600),
    "allow_private": _boolean,
    "extra_hosts": lambda v, f: _strings(v, f, _host),
}
_REQUIRED = ("name", "list_urls", "detail_pattern")


def _adcode(value, field: str) -> str:
    v = _text(value, field)
    if not re.fullmatch(r"\d{6}", v):
        raise _Bad(f"{field}: {v!r} is not a six-digit region code")
    return v


def parse_source(raw, label: str) -> Source:
    """One [[source]] table checked field by field; raises _Bad naming the field."""
    if not isinstance(raw, dict):
        raise _Bad(f"expected a table, got {type(raw).__name__}")
    unknown = sorted(set(raw) - set(_FIELDS))
    if unknown:
        raise _Bad(f"unknown field {', '.join(map(repr, unknown))} (known: {', '.join(_FIELDS)})")
    missing = [f for f in _REQUIRED if f not in raw]
    if missing:
        raise _Bad(f"missing field {', '.join(missing)}")
    values = {f: check(raw[f], f) for f, check in _FIELDS.items() if f in raw}
    if not _NAME.match(values["name"]):
        raise _Bad(f"name: {values['name']!r}: names are letters, digits, '.', '_' and '-' (no paths)")
    if not values["list_urls"]:
        raise _Bad("list_urls: no list_urls")
    return Source(**values)


def load_sources_report(path: str | Path) -> tuple[list[Source], list[str]]:
    """The usable sources of a sources file, and one message per source that cannot be used (naming the file,
    the source and the field): a bad source does not stop the others. Raises SourceConfigError when the file
    itself cannot be read."""
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise SourceConfigError(f"{p}: {e}") from e
    tables = data.get("source", [])
    if not isinstance(tables, list):
        raise SourceConfigError(f"{p}: `source` must be an array of tables ([[source]])")
    out: list[Source] = []
    problems: list[str] = []
    for i, raw in enumerate(tables):
        name = raw.get("name") if isinstance(raw, dict) else None
        label = repr(name) if isinstance(name, str) and not _CONTROL.search(name) else f"#{i + 1}"
        try:
            src = parse_source(raw, label)
        except _Bad as e:
            problems.append(f"{p}: source {label}: {e}")
            continue
        if src.name in {s.name for s in out}:
            problems.append(f"{p}: source {label}: names must be unique (a second source of this name)")
            continue
        out.append(src)
    return out, problems


def load_sources(path: str | Path) -> list[Source]:
    """Every source of a sources file; SourceConfigError naming the file, the source and the field for the
    first that cannot be used (`load_sources_report` keeps the good ones)."""
    out, problems = load_sources_report(path)
    if problems:
        raise SourceConfigError("\n".join(problems))
    return out
