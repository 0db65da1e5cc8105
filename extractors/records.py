"""Typed extraction records; `Extraction.as_dict()` is the JSON contract (shared CONTRACT.md)."""
from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field


class DocType(str, enum.Enum):
    NOTICE = "notice"
    PLAN = "plan"
    OPINION = "opinion"
    MEASURES = "measures"
    REGULATION = "regulation"
    LAW = "law"
    INTERPRETATION = "interpretation"
    NEWS = "news"
    SUMMARY = "summary"
    REPORT = "report"
    ARTICLE = "article"
    OTHER = "other"


class Script(str, enum.Enum):
    SIMPLIFIED = "simplified"
    TRADITIONAL = "traditional"
    MIXED = "mixed"


@dataclass
class DocNumber:
    text: str
    normalized: str
    role: str  # own | cited
    prefix: str | None
    year: int | None
    serial: int | None
    start: int
    end: int
    province: str | None = None  # adcode of the province the prefix names (鲁 → 370000)
    issuer_level: str | None = None  # national (国发) or province (鲁政发); None where the prefix does not say


@dataclass
class Agency:
    text: str
    normalized: str
    level: str | None  # national | province | city | county | None
    role: str  # issuer | co-issuer | mentioned
    start: int
    end: int


@dataclass
class DateMention:
    text: str
    kind: str  # publication | effective | deadline | period | event | other
    start_date: str | None
    end_date: str | None
    start: int
    end: int


@dataclass
class Region:
    adcode: str
    name: str
    level: str  # province | city | county
    province: str | None
    city: str | None
    county: str | None


# division levels, widest first: a level's rank is its position (a province outranks its cities)
LEVELS = ("province", "city", "county")
LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS)}


@dataclass
class Commitment:
    kind: str  # target | provision | reported
    indicator: str | None
    subject: str | None
    value: float | int
    unit: str
    comparator: str | None
    deadline: str | None
    year: int | None
    recurrence: str | None
    sentence: str
    start: int
    end: int
    value_max: float | int | None = None
    indicator_key: str | None = None
    value_start: int | None = None  # the value with its unit as written: 10家, 不低于\n1200\n元/人/年's 1200\n元/人/年
    value_end: int | None = None


@dataclass
class Citation:
    text: str  # as written: 《title》, with its number where one follows in brackets, or a bare number
    relation: str  # implements | repeals | amends | cites
    number: str | None  # the cited document number, normalized (〔YYYY〕)
    title: str | None  # the cited title without its 《》
    start: int
    end: int


@dataclass
class Extraction:
    source: str
    doc_index: int
    doc_id: str
    title: str | None
    doc_type: str
    script: str
    publish_date: str | None
    effective_date: str | None
    region: Region | None
    doc_numbers: list[DocNumber] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    noise: dict[str, int] = field(default_factory=dict)  # what noise removal blanked, by kind
    metadata: dict[str, str] = field(default_factory=dict)  # the page's metadata table and <meta> tags
    start: int = 0
    end: int = 0

    def as_dict(self) -> dict:
        return asdict(self)
