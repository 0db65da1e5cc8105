"""Candidate finding: run an expensive pattern only where a cheap one says it can match.

Patterns that open with a lazy run of characters (a prefix of 1 to 14 Chinese characters before 〔2024〕) try
that run at every position of a text. `anchored_finditer` finds the rare place the pattern turns on (the
bracket and year, 管委会 after 开发区) with a cheap pattern first and tries the expensive one only at the few
starts that place allows: the same matches as `pattern.finditer(text)`, in the same order.
"""
from __future__ import annotations

import re
from collections.abc import Iterator


def anchored_finditer(pattern: re.Pattern, anchor: re.Pattern, text: str, lo: int, hi: int) -> Iterator[re.Match]:
    """The matches of `pattern.finditer(text)`, given that every match starting at p holds a match of `anchor`
    starting at some a with p + lo <= a <= p + hi (a necessary condition the caller guarantees).

    Why the same: with `pos` the end of the last match, the next match starts at the least p >= pos where
    `pattern` matches. Its anchor lies at or after the first anchor a >= pos + lo, so p >= a - hi; starts from
    max(pos, a - hi) to a - lo are tried in order; if none matches, no match starts at or before a - lo and the
    search goes on from there. Lookbehinds see the text before p (`match(text, p)` does not cut the string)."""
    pos, n = 0, len(text)
    while pos <= n:
        am = anchor.search(text, pos + lo)
        if am is None:
            return
        a = am.start()
        for p in range(max(pos, a - hi), a - lo + 1):
            m = pattern.match(text, p)
            if m is not None:
                yield m
                pos = m.end() if m.end() > p else p + 1
                break
        else:
            pos = a - lo + 1


def longest_word_pattern(words, sep: str = "") -> str:
    """A regular expression matching, at a position, the longest of `words` that begins there: the same
    matches as the alternation of the words sorted longest first, written as a trie (国务院(?:办公厅)?) so a
    position costs the length of a word, not a trial of every word. With `sep` (a pattern of characters no
    word holds, such as spaces), `sep` may stand between the characters of a word, as in the alternation of
    `sep.join(word)`: where a longer word then fails what follows, a shorter one is tried next either way."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def body(node: dict, lead: str) -> str:
        alts = [re.escape(ch) + body(sub, sep) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        out = lead + (alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")")
        return f"(?:{out})?" if "" in node else out

    return body(trie, "")


def spaced_anchor_finditer(pattern: re.Pattern, anchor: str, text: str, lo: int, hi: int) -> Iterator[re.Match]:
    """The matches of `pattern.finditer(text)`, given that every match opens with a head of `lo` to `hi`
    characters, none of them whitespace or the character `anchor`, then optional whitespace and `anchor`
    (2024 年, 二〇二四年, 中华民国九十三年 before 年; 10 月 before 月): the dates' patterns, which may not be
    tried at every digit and numeral of a text.

    Why the same: with `pos` the end of the last match and `a` the first `anchor` at or after pos, a match
    starting at p in [pos, a] holds no anchor in its head, so its anchor is `a`; its head ends where the
    whitespace before `a` begins (w), so lo <= w - p <= hi. The starts from max(pos, w - hi) to w - lo are
    tried in order; if none matches, no match starts at or before a and the search goes on after it.
    Lookbehinds see the text before p (`match(text, p)` does not cut the string)."""
    pos, n = 0, len(text)
    while pos <= n:
        a = text.find(anchor, pos)
        if a < 0:
            return
        w = a
        while w > 0 and text[w - 1].isspace():
            w -= 1
        for p in range(max(pos, w - hi), w - lo + 1):
            m = pattern.match(text, p)
            if m is not None:
                yield m
                pos = m.end() if m.end() > p else p + 1
                break
        else:
            pos = a + 1


def candidate_finditer(pattern: re.Pattern, candidate: re.Pattern, text: str, shift: int = 0) -> Iterator[re.Match]:
    """The matches of `pattern.finditer(text)`, given that `candidate` matches at p - shift wherever a match
    of `pattern` starts at p (a necessary condition the caller guarantees, such as the character a lookbehind
    asks for). The candidates at or after pos - shift give starts at or after pos, in order; the first start
    where `pattern` matches is the leftmost match, as `finditer` finds it, and the search goes on from its end."""
    pos, n = 0, len(text)
    while pos <= n:
        c = candidate.search(text, pos - shift if pos >= shift else 0)
        if c is None:
            return
        p = c.start() + shift
        if p > n:
            return
        m = pattern.match(text, p)
        if m is not None:
            yield m
            pos = m.end() if m.end() > p else p + 1
        else:
            pos = p + 1
