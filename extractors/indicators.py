"""Indicator taxonomy: map a commitment's indicator phrase to a key shared across regions, and group
the phrases it does not know so that a researcher can name them."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from extractors import refdata


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    pattern: re.Pattern


@functools.cache
def taxonomy() -> tuple[Indicator, ...]:
    out = []
    path = refdata.data_path("indicators.tsv")
    for row in refdata.read_rows("indicators.tsv", ("key", "label", "patterns"), delimiter="\t"):
        try:
            out.append(Indicator(row["key"], row["label"], re.compile(row["patterns"])))
        except re.error as e:
            raise refdata.RefDataError(f"{path}: indicator {row['key']!r}: bad pattern: {e}") from e
    return tuple(out)


def classify(indicator: str | None, sentence: str = "") -> str | None:
    """The taxonomy key for an indicator phrase, else the first key its sentence matches, else None."""
    for text in (indicator or "", sentence):
        if text:
            for ind in taxonomy():
                if ind.pattern.search(text):
                    return ind.key
    return None


def labels() -> dict[str, str]:
    return {i.key: i.label for i in taxonomy()}


def _bigrams(s: str) -> set[str]:
    s = re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", s)
    return {s[i:i + 2] for i in range(len(s) - 1)} or {s}


def group_unknown(phrases: list[str], threshold: float = 0.4) -> list[list[str]]:
    """Greedy single-link groups of indicator phrases by character-bigram Jaccard similarity,
    largest first; each group is a candidate for a new taxonomy row."""
    groups: list[tuple[set[str], list[str]]] = []
    for p in sorted(set(phrases), key=lambda x: (-phrases.count(x), x)):
        grams = _bigrams(p)
        best = None
        for g in groups:
            sim = len(grams & g[0]) / max(1, len(grams | g[0]))
            if sim >= threshold and (best is None or sim > best[0]):
                best = (sim, g)
        if best:
            best[1][0].update(grams)
            best[1][1].append(p)
        else:
            groups.append((set(grams), [p]))
    return [members for _, members in sorted(groups, key=lambda g: -len(g[1]))]
