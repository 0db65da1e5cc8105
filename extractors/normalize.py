"""Normalization with an offset map back to the source: script, width, look-alikes, broken digits.

Every normalized character remembers the source offset it came from, so a span found in the
normalized text maps back to `source[start:end]` exactly (`NormalizedText.to_source`).
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from corpora.chars import CJK, NUMBERED_HEADING
from extractors.records import Script
from extractors.scan import candidate_finditer

# full-width digits, letters and the signs that belong to numbers (％ ． － ／ ＋) → half-width;
# Chinese punctuation (，：；（）) stays as written; ideographic space → space
_WIDTH = {cp: cp - 0xFEE0 for cp in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B),
                                     0xFF05, 0xFF0E, 0xFF0D, 0xFF0F, 0xFF0B]} | {0x3000: 0x20}
# Kangxi radicals and CJK radical supplements that look like ordinary characters (⻄ → 西)
_RADICALS = {}
for _cp in list(range(0x2E80, 0x2EF4)) + list(range(0x2F00, 0x2FD6)):
    _n = unicodedata.normalize("NFKC", chr(_cp))
    if len(_n) == 1 and _n != chr(_cp):
        _RADICALS[_cp] = ord(_n)
_RADICALS.update({0x2EC4: ord("西"), 0x2ED1: ord("长"), 0x2EA0: ord("民"), 0x2E8C: ord("小"), 0x2EBB: ord("羊")})
_TRANSLATE = {**_WIDTH, **_RADICALS}

_CN_DIGIT = "〇零一二三四五六七八九十"
# O/o/０/Ｏ/0 used for 〇 between Chinese numerals (二O一O年, 二0一0年)
_LETTER_ZERO = re.compile(rf"(?<=[{_CN_DIGIT}])[Oo０Ｏ0](?=[{_CN_DIGIT}Oo０Ｏ0年])|(?<=[{_CN_DIGIT}][Oo０Ｏ0])[Oo０Ｏ0]")
# spaces that split numbers from their units or from each other (2 025年, 2022 年 4 月, 25 号)
_SPLIT_DIGITS = re.compile(r"(?<=\d)[ \t\u3000\xa0]+(?=\d{1,3}\s*年)|(?<=\d)[ \t\u3000\xa0]+(?=[年月日号號%％])"
                           r"|(?<=[年月第])[ \t\u3000\xa0]+(?=\d)|(?<=\d)[ \t\u3000\xa0]+(?=[万亿千百]?[元个家人名户项所座台套])")


# the characters `_TRANSLATE` changes; a place where _LETTER_ZERO can match (a numeral, then a zero-like letter);
# the character before a space _SPLIT_DIGITS removes (each of its matches starts after a digit, 年, 月 or 第)
_TRANSLATED = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TRANSLATE)) + "]")
_LETTER_ZERO_AT = re.compile(rf"[{_CN_DIGIT}][Oo０Ｏ0]")
_SPLIT_DIGITS_AT = re.compile(r"[\d年月第](?=[ \t\u3000\xa0])")


# a heading printed with a space after every character: at least four letter-spaced CJK characters
_LETTER_SPACED = re.compile(r"(?<![\u4e00-\u9fff])(?:[\u4e00-\u9fff][ \u3000\t]){3,}[\u4e00-\u9fff](?![\u4e00-\u9fff])")


# which OpenCC table: Hong Kong and Taiwan texts use their own character variants (衞, 裏, 羣 …)
_HK = re.compile(r"香港特别行政区|香港特別行政區|特區政府|立法會|港元")
_TW = re.compile(r"中華民國|臺灣|行政院|立法院|新臺幣|衛生福利部|縣政府")


@functools.cache
def _converter(config: str = "t2s"):
    import opencc
    return opencc.OpenCC(config)


def variant_config(text: str) -> str:
    sample = text[:20000]
    if _HK.search(sample):
        return "hk2s"
    if _TW.search(sample):
        return "tw2s"
    return "t2s"


@dataclass
class NormalizedText:
    text: str
    index: list[int]  # normalized offset -> source offset
    source_len: int
    converted_chars: int  # characters OpenCC changed

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        if start >= len(self.index):
            return self.source_len, self.source_len
        s = self.index[start]
        e = self.index[end - 1] + 1 if end > start else s
        return s, e

    def script(self) -> Script:
        if not self.converted_chars:  # nothing converted: simplified whatever the count of Chinese characters
            return Script.SIMPLIFIED
        cjk = len(self.text) - len(CJK.sub("", self.text))  # CJK matches one character: the count of its matches
        if not cjk:
            return Script.SIMPLIFIED
        ratio = self.converted_chars / cjk
        if ratio > 0.06:
            return Script.TRADITIONAL
        if ratio > 0.01:
            return Script.MIXED
        return Script.SIMPLIFIED


def to_simplified(text: str) -> str:
    """OpenCC to simplified (the Taiwan or Hong Kong table where the text is from there), kept
    length-preserving line by line."""
    conv = _converter(variant_config(text)).convert
    out = conv(text)
    if len(out) == len(text):
        return out
    lines = []
    for line in text.split("\n"):
        c = conv(line)
        lines.append(c if len(c) == len(line) else "".join(conv(ch) if len(conv(ch)) == 1 else ch for ch in line))
    return "\n".join(lines)


_NO_JOIN_END = "。！？；：:;!?」』”）)》"
_BLOCK_START = re.compile(rf"^\s*({NUMBERED_HEADING}|附件)")


def wrapped_line_breaks(text: str) -> list[int]:
    """Offsets of line breaks that a fixed-width wrap put mid-sentence (text pasted from a PDF or a
    terminal): the text has many lines of one length, and a line of that length ends without
    punctuation before a line that does not open a new block."""
    lines = text.split("\n")
    lengths = [len(ln.rstrip()) for ln in lines if len(ln.strip()) >= 15]
    if len(lengths) < 6:
        return []
    width = max(set(lengths), key=lengths.count)
    if sum(1 for n in lengths if abs(n - width) <= 1) < 0.3 * len(lengths):
        return []
    out, pos = [], 0
    for ln, nxt in zip(lines, lines[1:]):
        pos += len(ln)
        body = ln.rstrip()
        if (abs(len(body) - width) <= 1 and body and body[-1] not in _NO_JOIN_END and nxt.strip()
                and not _BLOCK_START.match(nxt) and "\u4e00" <= body[-1] <= "\u9fff" + "\uffff"):
            out.append(pos)
        pos += 1
    return out


def normalize(source: str) -> NormalizedText:
    simplified = to_simplified(source)  # same length as the source
    converted = 0 if simplified == source else sum(1 for a, b in zip(source, simplified) if a != b)
    # each step runs where its cheap candidate pattern finds a place it can change (most texts have none)
    text = simplified.translate(_TRANSLATE) if _TRANSLATED.search(simplified) else simplified
    if _LETTER_ZERO_AT.search(text):
        text = _LETTER_ZERO.sub("〇", text)
    drop: list[int] = []  # offsets of characters normalization removes
    for m in _LETTER_SPACED.finditer(text):  # 南 京 市 人 民 政 府 文 件 → 南京市人民政府文件
        drop.extend(i for i in range(m.start(), m.end()) if text[i] in " \u3000\t")
    for m in candidate_finditer(_SPLIT_DIGITS, _SPLIT_DIGITS_AT, text, 1):
        drop.extend(range(m.start(), m.end()))
    drop.extend(wrapped_line_breaks(text))
    if not drop:  # the usual case: nothing removed, the offset map is the identity
        return NormalizedText(text, list(range(len(text))), len(source), converted)
    parts: list[str] = []
    index: list[int] = []
    prev = 0
    for i in sorted(set(drop)):  # the text and its offset map between removed characters, a run at a time
        parts.append(text[prev:i])
        index.extend(range(prev, i))
        prev = i + 1
    parts.append(text[prev:])
    index.extend(range(prev, len(text)))
    return NormalizedText("".join(parts), index, len(source), converted)
