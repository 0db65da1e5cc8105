"""Metadata printed in a document's head, in any layout: one `label：value` per line, label runs on one
line (索引号：… 发文机关：… 成文日期：…), labels run into the title line (…的通知制定机关：…公布日期：…),
labels spaced out (发 文 机 关) or between table cells (发文机关 | …), 【发文字号】-style labels, a bare
timestamp after the title (标题 2022-04-01 10:21 来源：…) and a document number in parentheses right after
the title. Label names are data (data/metadata_labels.tsv)."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from extractors.docnumbers import NUMBER_SHAPE
from extractors.refdata import read_rows
from extractors.scan import longest_word_pattern
from extractors.stamps import TIME as _TIME
from extractors.stamps import paired_date

_SP = r"[ \t\u3000\xa0\u2002\u2003]"
_DATE = paired_date(r"\s*")
# a timestamp printed without a label: a date with a time of day, or a date with its weekday (e-papers)
_BARE_STAMP = re.compile(rf"(?<![\d\-/.])(?P<v>{_DATE}(?:{_SP}*(?:{_TIME}|星期[一二三四五六日天]|周[一二三四五六日]))+)(?![\d:])")
_DATE_START = re.compile(rf"^\s*{_DATE}")
# a document number in parentheses right after a title: …的通知（某政发〔2024〕1号）
_PAREN_NUMBER = re.compile(rf"[（(](?P<v>{NUMBER_SHAPE})[）)]\s*$")
_VALUE_TRIM = " \t\u3000\xa0|•·●▪◆■；;，,、"
# characters that may sit between label runs
_SEPARATORS = "•·●▪◆■|"
DATE_KEYS = ("成文日期", "发布日期", "实施日期", "时间戳")


@dataclass
class Field:
    """One metadata value in the text: its canonical key, the label as printed, the value and where the
    value sits."""

    key: str
    label: str
    value: str
    start: int
    end: int


@dataclass
class HeadLine:
    """A head line read for metadata: the fields found on it and the text before the first of them
    (a title that the labels were run into), with its span."""

    fields: list[Field]
    lead: str
    lead_start: int
    lead_end: int


@functools.cache
def labels() -> dict[str, tuple[str, bool]]:
    """label as printed → (canonical key, strong)."""
    return {r["label"]: (r["key"], r["strength"] == "strong")
            for r in read_rows("metadata_labels.tsv", ("key", "label", "strength"), delimiter="\t")}


@functools.cache
def _label_re() -> re.Pattern:
    # the labels longest first, spaces allowed between their characters, written as a trie (the same matches as
    # the alternation of the sorted labels; extractors/scan.py) so that a position is not tried with every label
    spaced = longest_word_pattern(labels(), sep=f"{_SP}*")
    # 【label】 / [label] with or without a colon, or label followed by a colon, a cell bar or a gap
    return re.compile(
        rf"(?P<open>[【\[［])?{_SP}*(?P<label>{spaced}){_SP}*(?(open)[】\]］]{_SP}*[:：]?|(?:[:：]|(?=\|)|(?={_SP}{{1,}}|$)))")


@functools.cache
def _label_words() -> re.Pattern:
    """The labels alone (the `label` group of `_label_re`): a line where none is written holds no labelled
    field. Opening on the labels' own characters, it is searched faster than `_label_re`, whose optional
    bracket and spaces make the engine try every position."""
    return re.compile(longest_word_pattern(labels(), sep=f"{_SP}*"))


def _key_of(printed: str) -> tuple[str, str, bool]:
    label = re.sub(rf"{_SP}+", "", printed)
    key, strong = labels()[label]
    return label, key, strong


def read_line(line: str, offset: int) -> HeadLine | None:
    """The metadata fields on one line of text starting at `offset`; None if it carries none."""
    found: list[tuple[int, int, str, str, bool, bool]] = []  # label start, label end, label, key, strong, colon
    for m in _label_re().finditer(line) if _label_words().search(line) else ():
        start = m.start("label") if not m.group("open") else m.start("open")
        before = line[:start].rstrip(_SP[1:-1])
        colon = bool(re.search(r"[:：]$", m.group())) or bool(m.group("open"))
        # a label with no colon stands at the line start, after a gap or a separator, or in a table cell
        if not colon and before and not (line[start - 1:start].isspace() or before[-1:] in _SEPARATORS):
            continue
        label, key, strong = _key_of(m.group("label"))
        if not colon and not strong and key not in DATE_KEYS:
            continue
        # a weak label is a word of its own: 会议时间：… is not a 时间 label
        if not strong and before and not (line[start - 1:start].isspace() or before[-1:] in _SEPARATORS + "】]"):
            continue
        found.append((start, m.end(), label, key, strong, colon))
    fields: list[Field] = []
    kept: list[tuple[int, int]] = []
    for i, (ls, le, label, key, strong, colon) in enumerate(found):
        nxt = found[i + 1][0] if i + 1 < len(found) else len(line)
        raw = line[le:nxt]
        if key not in DATE_KEYS and (stamp := _BARE_STAMP.search(raw)):
            raw = raw[:stamp.start()]  # 来源：某网 2021-03-02 14:44: the timestamp is not the source
        value = raw.strip(_VALUE_TRIM)
        vstart = le + (len(raw) - len(raw.lstrip(_VALUE_TRIM))) if value else le
        if key in DATE_KEYS and value:
            stamp = re.match(rf"{_DATE}(?:{_SP}*{_TIME})?", value)
            if stamp:  # the date ends the value: 2022-04-01 10:21 来源：… keeps 来源 apart
                value = stamp.group()
            elif not strong or key == "时间戳":
                continue
        if not _valid_value(key, strong, value, colon):
            continue
        fields.append(Field(key, label, value, offset + vstart, offset + vstart + len(value)))
        kept.append((ls, le))
    # a bare timestamp outside any labelled value
    for m in _BARE_STAMP.finditer(line):
        a, b = m.span("v")
        if any(f.start - offset <= a < f.end - offset for f in fields) or any(ls <= a < le for ls, le in kept):
            continue
        fields.append(Field("时间戳", "", m.group("v"), offset + a, offset + b))
        kept.append((a, a))
    m = _PAREN_NUMBER.search(line)
    if m and not any(f.key == "发文字号" for f in fields):
        fields.append(Field("发文字号", "", m.group("v"), offset + m.start("v"), offset + m.end("v")))
        kept.append((m.start(), m.start()))
    if not fields:
        return None
    fields.sort(key=lambda f: f.start)
    first = min(a for a, _ in kept)
    lead_raw = line[:first]
    lead = lead_raw.strip(_VALUE_TRIM + "-—>")
    ls = lead_raw.find(lead) if lead else 0
    return HeadLine(fields, lead, offset + ls, offset + ls + len(lead))


def _valid_value(key: str, strong: bool, value: str, colon: bool) -> bool:
    if not strong:
        if key in DATE_KEYS:
            return bool(_DATE_START.match(value))
        if key == "发文字号":
            return bool(re.search(r"\d+\s*[号號]$", value))
        return colon and bool(value)
    return True


def metadata_line(line: str, offset: int) -> HeadLine | None:
    """`read_line` for a line of a document's head: a line of running text that happens to hold a label
    somewhere (…公开责任部门：…) is not a metadata line; a title run into its labels is."""
    if len(line) > 600:
        return None
    head = read_line(line, offset)
    if head is None or len(head.lead) > 90 or re.search(r"[。；;！？!?]", head.lead):
        return None
    return head


def read_head(text: str, start: int, end: int) -> dict[str, Field]:
    """The first value of each metadata key on the lines of text[start:end]; a label at the end of a line
    whose value is the next line (table cells split over lines) takes that line."""
    out: dict[str, Field] = {}
    pos = start
    lines = text[start:end].split("\n")
    for i, line in enumerate(lines):
        head = metadata_line(line, pos)
        if head:
            for f in head.fields:
                # the value on the next line, or after a blank line (table cells dumped one per line)
                k = i + 1
                while k < len(lines) and k <= i + 2 and not lines[k].strip():
                    k += 1
                if not f.value and k < len(lines):
                    nxt = lines[k]
                    if nxt.strip() and metadata_line(nxt, 0) is None and len(nxt.strip()) <= 60:
                        s = pos + sum(len(x) + 1 for x in lines[i:k]) + (len(nxt) - len(nxt.lstrip()))
                        f = Field(f.key, f.label, nxt.strip(), s, s + len(nxt.strip()))
                if f.value and f.key not in out:
                    out[f.key] = f
        pos += len(line) + 1
    return out
