"""Character classes, line patterns and span masking that reading and extraction share (one definition each)."""
from __future__ import annotations

import re

# Chinese characters (the CJK Unified Ideographs block), for building character classes: f"[{CJK_RANGE}]"
CJK_RANGE = "\u4e00-\u9fff"
CJK = re.compile(f"[{CJK_RANGE}]")

# numbered headings by level: 第一章/第一节 0, 一、 1, （一） 2, 1. 3, （1） 4 (a deeper level nests in a higher one)
HEADING_LEVELS: tuple[tuple[str, int], ...] = (
    (r"第[一二三四五六七八九十百零〇\d]+[章节]", 0),
    (r"[一二三四五六七八九十]+、", 1),
    (r"[（(][一二三四五六七八九十]+[）)]", 2),
    (r"\d+[.．、](?!\d)", 3),
    (r"[（(]\d+[）)]", 4),
)
# an article of a law or regulation (第三条), numbered like a heading but no heading level
ARTICLE = r"第[一二三四五六七八九十百零〇\d]+条"
# a line that opens with any numbered heading or article
NUMBERED_HEADING = "|".join([p for p, _ in HEADING_LEVELS] + [ARTICLE])


def mask(text: str, spans, fill: str = "#") -> str:
    """`text` with the characters of `spans` ((start, end, ...) tuples) replaced by `fill`, line breaks
    kept: same length, same offsets."""
    spans = sorted((span[0], span[1]) for span in spans if span[1] > span[0])
    if not spans:
        return text
    if spans[0][0] >= 0 and max(e for _, e in spans) <= len(text) and "\n" not in fill and len(fill) == 1:
        # the covered runs at once: a run's characters become `fill`, its line breaks stay
        parts, prev = [], 0
        for s, e in spans:
            if e <= prev:
                continue
            s = max(s, prev)
            parts.append(text[prev:s])
            parts.append("\n".join(fill * len(line) for line in text[s:e].split("\n")))
            prev = e
        parts.append(text[prev:])
        return "".join(parts)
    chars = list(text)
    for span in spans:
        for i in range(span[0], span[1]):
            if chars[i] != "\n":
                chars[i] = fill
    return "".join(chars)
