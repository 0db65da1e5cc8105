"""Text with spans marked, as escaped HTML: evidence in a document, query hits in a sentence."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

from markupsafe import Markup


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    css: str = "hit"
    anchor: str | None = None  # an id placed where the span starts
    title: str | None = None


def marked(text: str, spans: list[Span]) -> Markup:
    """`text` escaped, each run covered by one or more spans wrapped in <mark> with the spans' classes.
    Overlapping spans split into runs; a span's anchor is an empty element with its id at its start."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        for s in spans:
            if s.start == a and s.anchor:
                out.append(f'<span class="anchor" id="{escape(s.anchor)}"></span>')
        covering = [s for s in spans if s.start <= a and b <= s.end]
        chunk = escape(text[a:b])
        if covering:
            classes = " ".join(sorted({c for s in covering for c in s.css.split()}))
            titles = "；".join(dict.fromkeys(s.title for s in covering if s.title))
            title = f' title="{escape(titles)}"' if titles else ""
            out.append(f'<mark class="{classes}"{title}>{chunk}</mark>')
        else:
            out.append(chunk)
    return Markup("".join(out))
