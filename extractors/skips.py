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


_BY_UNIT: dict[tuple[str, bool], tuple[tuple[SkipRule, ...], tuple[SkipRule, ...]]] = {}


def _rules_for(unit: str, digits: bool) -> tuple[SkipRule, ...]:
    """The rules that can apply to a value with this unit, written in digits or not, in the data's order: the
    rules are sorted out once per unit, not tried one by one for every value."""
    rs = rules()
    hit = _BY_UNIT.get((unit, digits))
    if hit is None or hit[0] is not rs:
        if len(_BY_UNIT) > 10_000:
            _BY_UNIT.clear()
        hit = _BY_UNIT[(unit, digits)] = (rs, tuple(
            r for r in rs if r.where != "title" and (r.unit is None or r.unit.fullmatch(unit)) and not (r.chinese_only and digits)))
    return hit[1]


def skips_value(text: str, num_start: int, unit_end: int, raw: str, unit: str) -> SkipRule | None:
    """The rule that makes the number at num_start (its unit ending at unit_end) not a quantity, if any."""
    line_start = text.rfind("\n", 0, num_start) + 1
    line_end = text.find("\n", unit_end)
    line_end = len(text) if line_end < 0 else line_end
    before = text[max(line_start, num_start - 24):num_start]
    after = text[unit_end:min(line_end, unit_end + 16)]
    rest = line = None
    for r in _rules_for(unit, raw[:1].isdigit()):
        if r.unless is not None:
            if rest is None:  # the rest of the sentence after the unit, then ｜ and the sentence before the number
                rest = _SENTENCE_END.split(text[unit_end:line_end], maxsplit=1)[0] + "｜" + \
                    _SENTENCE_END.split(text[line_start:num_start])[-1]
            if r.unless.search(rest):
                continue
        if r.where == "before":
            if r.pattern.search(before):
                return r
        elif r.where == "after":
            if r.pattern.search(after):
                return r
        else:
            if line is None:
                line = text[line_start:line_end]
            if r.pattern.search(line):
                return r
    return None
