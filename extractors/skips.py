"""Numbers that are not quantities (phone numbers, service hours, names of meetings and places, copies of
a form, page furniture, teaser lists), read from extractors/data/non_quantities.tsv."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from extractors import refdata

_WHERE = {"before", "after", "line", "title"}
_SENTENCE_END = re.compile(r"[。！？；;!?]")


@dataclass(frozen=True)
class SkipRule:
    where: str
    unit: re.Pattern | None
    chinese_only: bool
    pattern: re.Pattern
    reason: str
    example: str
    unless: re.Pattern | None = None  # searched in the sentence's rest after the unit + ｜ + its part before the number


@functools.cache
def rules() -> tuple[SkipRule, ...]:
    path = refdata.data_path("non_quantities.tsv")
    out = []
    for row in refdata.read_rows("non_quantities.tsv", ("where", "pattern", "reason", "example"), delimiter="\t"):
        if row["where"] not in _WHERE:
            raise refdata.RefDataError(f"{path}: rule {row['pattern']!r}: where must be one of {sorted(_WHERE)}")
        try:
            unit = re.compile(row["unit"]) if row.get("unit") else None
            unless = re.compile(row["unless"]) if row.get("unless") else None
            out.append(SkipRule(row["where"], unit, row.get("written") == "chinese", re.compile(row["pattern"]),
                                row["reason"], row["example"], unless))
        except re.error as e:
            raise refdata.RefDataError(f"{path}: rule {row['pattern']!r}: bad pattern: {e}") from e
    return tuple(out)


def skips_document(title: str) -> bool:
    """A directory or name list: none of its numbers are commitments."""
    return any(r.where == "title" and r.pattern.search(title) for r in rules())


def skips_value(text: str, num_start: int, unit_end: int, raw: str, unit: str) -> SkipRule | None:
    """The rule that makes the number at num_start (its unit ending at unit_end) not a quantity, if any."""
    line_start = text.rfind("\n", 0, num_start) + 1
    line_end = text.find("\n", unit_end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, num_start - 24):num_start]
    after = text[unit_end:min(line_end, unit_end + 16)]
    # the rest of the sentence after the unit, then ｜ and the sentence before the number
    rest = _SENTENCE_END.split(text[unit_end:line_end], maxsplit=1)[0] + "｜" + \
        _SENTENCE_END.split(text[line_start:num_start])[-1]
    for r in rules():
        if (r.unit is not None and not r.unit.fullmatch(unit)) or (r.chinese_only and raw[:1].isdigit()):
            continue
        if r.unless is not None and r.unless.search(rest):
            continue
        if (r.where == "before" and r.pattern.search(before)) or (r.where == "after" and r.pattern.search(after)) \
                or (r.where == "line" and r.pattern.search(text[line_start:line_end])):
            return r
    return None
