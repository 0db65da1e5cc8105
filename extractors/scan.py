"""Candidate finding: run an expensive pattern only where a cheap one says it can match.

Patterns that open with a lazy run of characters (a prefix of 1 to 14 Chinese characters before 〔2024〕) try
that run at every position of a text. `anchored_finditer` finds the rare place the pattern turns on (the
bracket and year, 管委会 after 开发区) with a cheap pattern first and tries the expensive one only at the few
starts that place allows: the same matches as `pattern.finditer(text)`, in the same order.
"""
from __future__ import annotations

import re
from collections.abc import Iterator


def _first_match(pattern: re.Pattern, text: str, first: int, last: int) -> re.Match | None:
    """The match of `pattern` at the first of the positions first..last where it matches, if any."""
    for p in range(first, last + 1):
        m = pattern.match(text, p)
        if m is not None:
            return m
    return None


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
        m = _first_match(pattern, text, max(pos, a - hi), a - lo)
        if m is not None:
            yield m
            pos = m.end() if m.end() > m.start() else m.start() + 1
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
        m = _first_match(pattern, text, max(pos, w - hi), w - lo)
        if m is not None:
            yield m
            pos = m.end() if m.end() > m.start() else m.start() + 1
        else:
            pos = a + 1


def candidate_finditer(pattern: re.Pattern, candidate: re.Pattern, text: str, shift: int = 0) -> Iterator[re.Match]:
    """The matches of `pattern.finditer(text)`, given that `candidate` matches at p - shift wherever a match
    of `pattern` starts at p (a necessary condition the caller guarantees, such as the character a lookbehind
    asks for). The candidates at or after pos - shift give starts at or after pos, in order; the first start
    where `pattern` matches is the leftmost match, as `finditer` finds it, and the search goes on from its end.
    A candidate of one character (a character class) is stepped through with one `finditer`, not a search per
    candidate: it lists every position the candidate matches at, in order, which the searches would find one by
    one (`_candidates`)."""
    if _one_character(candidate):
        yield from _candidates(pattern, candidate, text, shift)
        return
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


def _candidates(pattern: re.Pattern, candidate: re.Pattern, text: str, shift: int) -> Iterator[re.Match]:
    """`candidate_finditer` for a candidate whose every match is one character long: `candidate.finditer` yields
    each position q it matches at, in order (whether it matches at q does not depend on where a search starts), so
    the first one at or after pos - shift is the one `candidate.search(text, pos - shift)` finds. After a long
    match the candidates are listed again from its end rather than stepped over."""
    pos, n, start = 0, len(text), 0
    while True:
        for c in candidate.finditer(text, start):
            p = c.start() + shift
            if p < pos:
                continue  # inside the last match
            if p > n:
                return
            m = pattern.match(text, p)
            if m is not None:
                yield m
                pos = m.end() if m.end() > p else p + 1
                if pos - p > 8:
                    start = pos - shift if pos >= shift else 0
                    break
        else:
            return


_ONE_CHARACTER: dict = {}


def _one_character(candidate: re.Pattern) -> bool:
    """Whether every match of `candidate` is exactly one character long (a character class, maybe with
    lookarounds), read from the parsed pattern once."""
    one = _ONE_CHARACTER.get(candidate)
    if one is None:
        from re import _parser

        one = _ONE_CHARACTER[candidate] = _parser.parse(candidate.pattern, candidate.flags).getwidth() == (1, 1)
    return one


_MAX_FIRST = 2000  # a pattern that may begin with more characters than this gains nothing from a candidate class


def first_chars(pattern: re.Pattern) -> re.Pattern | None:
    """A character class (with the pattern's case flag) holding every character a match of `pattern` can begin
    with, read from the parsed pattern; None where that cannot be told (a match may be empty or begin with any
    character, a negated class, a category such as \\d, a back reference) or the class would be large."""
    chars = _first_char_set(pattern)
    if chars is None:
        return None
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]", pattern.flags & re.IGNORECASE)


def first_char_set(pattern: re.Pattern) -> frozenset[str] | None:
    """The characters a match of `pattern` can begin with (`first_chars`) as a set, for a pattern without a
    case flag; None where that cannot be told. A text holding none of them holds no match."""
    if pattern.flags & re.IGNORECASE:
        return None
    return _first_char_set(pattern)


def _first_char_set(pattern: re.Pattern) -> frozenset[str] | None:
    from re import _constants as c
    from re import _parser

    class Unknown(Exception):
        pass

    def seq(items) -> tuple[set[str], bool]:
        out: set[str] = set()
        for op, av in items:
            chars, nullable = one(op, av)
            out |= chars
            if len(out) > _MAX_FIRST:
                raise Unknown
            if not nullable:
                return out, False
        return out, True

    def one(op, av) -> tuple[set[str], bool]:
        if op is c.LITERAL:
            return {chr(av)}, False
        if op is c.IN:
            out = set()
            for o, a in av:
                if o is c.LITERAL:
                    out.add(chr(a))
                elif o is c.RANGE and a[1] - a[0] <= _MAX_FIRST:
                    out.update(map(chr, range(a[0], a[1] + 1)))
                else:
                    raise Unknown  # a negation, a category, a wide range
            return out, False
        if op is c.BRANCH:
            out, nullable = set(), False
            for alt in av[1]:
                chars, n = seq(alt)
                out |= chars
                nullable = nullable or n
            return out, nullable
        if op is c.SUBPATTERN:
            if av[1] & re.IGNORECASE:
                raise Unknown  # case folding switched on inside: the class would miss the other case
            return seq(av[3])
        if op is c.ATOMIC_GROUP:
            return seq(av)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            lo, hi, item = av
            if hi == 0:
                return set(), True
            chars, nullable = seq(item)
            return chars, nullable or lo == 0
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            return set(), True  # takes no character: what follows begins the match
        raise Unknown

    try:
        chars, nullable = seq(_parser.parse(pattern.pattern, pattern.flags))
    except Unknown:
        return None
    if nullable or not chars:
        return None
    return frozenset(chars)


def first_char_finditer(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """`pattern.finditer(text)`, tried only at the characters a match can begin with (`first_chars`): for
    patterns whose opening (an optional bracket, an alternation of words, a case flag) keeps the regular
    expression engine from skipping ahead by itself. The same matches (`candidate_finditer`)."""
    cand = _FIRST.get(pattern, _UNSET)
    if cand is _UNSET:
        cand = _FIRST[pattern] = first_chars(pattern)
    return pattern.finditer(text) if cand is None else candidate_finditer(pattern, cand, text)


_UNSET = object()
_FIRST: dict = {}
