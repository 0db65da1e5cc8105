"""Full-text search for Chinese over titles and evidence sentences, in SQLite FTS5.

Chinese has no spaces, so an FTS tokenizer that splits on whitespace sees a whole clause as one token.
The index instead holds every CJK character as its own token (a unigram index, as Lucene's CJK
analyzers do) and a query becomes a phrase of consecutive characters: `养老服务` matches exactly where
those four characters stand in a row, and two-character words (养老, 医保), which a trigram index cannot
find, work the same way. Runs of Latin letters and digits stay whole tokens. Both sides are folded to
simplified script, half-width and lower case, so a traditional or full-width query finds the same rows.
"""
from __future__ import annotations

import re
import unicodedata

from extractors.normalize import _converter

# a token: a run of ASCII letters/digits, or any single other letter or digit (CJK characters included)
_TOKEN = re.compile(r"[0-9a-z]+|[^\W_]", re.UNICODE)


def fold(text: str) -> str:
    """Simplified script, NFKC (full-width → half-width), lower case: the form both index and queries use."""
    return unicodedata.normalize("NFKC", _converter("t2s").convert(text or "")).lower()


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


def index_text(text: str) -> str:
    """What goes into the FTS column: the tokens separated by spaces (the unicode61 tokenizer splits there)."""
    return " ".join(tokens(text))


def match_query(query: str) -> str | None:
    """An FTS5 MATCH expression for what a user typed: each whitespace-separated part must occur (AND), each
    as a phrase of its tokens. Built only from tokens, so no FTS syntax a user types (quotes, NEAR, *, -,
    column filters) reaches SQLite. None when the query has nothing searchable."""
    phrases = []
    for part in (query or "").split():
        toks = tokens(part)
        if toks:
            phrases.append('"' + " ".join(toks) + '"')
    return " AND ".join(phrases) if phrases else None


def highlight_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where the query's parts occur in `text` (compared folded), as (start, end) offsets into `text`,
    for marking matches in a displayed sentence. Folding keeps one character per character except for
    the rare NFKC expansion; then nothing is marked rather than the wrong place."""
    folded = "".join(fold(ch)[:1] or ch for ch in text)
    if len(folded) != len(text):
        return []
    spans = []
    for part in (query or "").split():
        needle = "".join(fold(ch)[:1] for ch in part if not ch.isspace())
        needle = "".join(ch for ch in needle if ch.isalnum())
        if not needle:
            continue
        # tolerate punctuation or spaces between the characters, as the token phrase does
        pattern = r"[\W_]*".join(re.escape(ch) for ch in needle)
        spans += [(m.start(), m.end()) for m in re.finditer(pattern, folded)]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged
