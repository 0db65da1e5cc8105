"""The PDF reader's per-character loop and layout as they were before they worked on lines (main 5110c0d),
kept as the reference the reader's faster code must equal page by page (tests/corpora/test_pdf.py)."""
from __future__ import annotations

import bisect
import ctypes
from operator import itemgetter

from corpora.readers.pdf import X_TOLERANCE, Y_TOLERANCE, Line, _char_width, _per_char_calls  # unchanged by the line-based layout

_X_THEN_INDEX = itemgetter(0, 4)


def _chars(pdfium_c, textpage, height: float, source: str, page_no: int) -> list[tuple]:
    """(x0, x1, baseline from the top, text, index) of each character on the page in PDFium's order; whitespace as " "."""
    n = pdfium_c.FPDFText_CountChars(textpage)
    if n <= 0:
        return []
    buf = ctypes.create_string_buffer((n + 1) * 2)
    got = pdfium_c.FPDFText_GetText(textpage, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    text = buf.raw[:max(0, got - 1) * 2].decode("utf-16-le", errors="replace")
    if len(text) != n:  # characters outside the BMP take two UTF-16 units: one call per character instead
        get_unicode = pdfium_c.FPDFText_GetUnicode
        text = "".join(chr(u) if 0 < u < 0x110000 and not 0xD800 <= u < 0xE000 else "\ufffd"
                       for u in (get_unicode(textpage, i) for i in range(n)))
    box, origin, generated = _per_char_calls(pdfium_c)
    tp = ctypes.cast(textpage, ctypes.c_void_p).value
    rect = pdfium_c.FS_RECTF()
    ref = ctypes.addressof(rect)
    ox, oy = ctypes.c_double(), ctypes.c_double()
    ref_x, ref_y = ctypes.addressof(ox), ctypes.addressof(oy)
    out = []
    append = out.append
    for i, ch in enumerate(text):
        if ch in "\r\n\x02\x00":  # PDFium's line breaks and soft hyphens carry no position
            continue
        if ch.isspace():
            if generated(tp, i):  # a space PDFium inferred between text objects, not in the file
                continue
            ch = " "
        elif ch < " " or "\x7f" <= ch < "\xa0":
            ch = "\ufffd"  # a glyph without a Unicode mapping (PDFium gives its code as a control character)
        if not box(tp, i, ref) or not origin(tp, i, ref_x, ref_y):
            continue
        # lines are told apart by the baseline: glyphs of several fonts and sizes on one line share it
        append((rect.left, rect.right, height - oy.value, ch, i))
    return out


def _gutters(ink: list[tuple], min_gap: float) -> list[float]:
    """The middles of the vertical strips at least min_gap wide that no character of `ink` touches."""
    spans = sorted(ink, key=itemgetter(0, 1))
    out, reach = [], spans[0][1]
    for c in spans[1:]:
        if c[0] - reach >= min_gap:
            out.append((reach + c[0]) / 2)
        if c[1] > reach:
            reach = c[1]
    return out


def _cluster_lines(chars: list[tuple]) -> list[list[tuple]]:
    """Characters grouped into lines by their tops (chained within Y_TOLERANCE), top to bottom, each line
    left to right."""
    if not chars:
        return []
    tops = sorted({c[2] for c in chars})
    line_of: dict[float, int] = {}
    k, last = 0, tops[0]
    for t in tops:
        if t - last > Y_TOLERANCE:
            k += 1
        line_of[t] = k
        last = t
    lines: list[list[tuple]] = [[] for _ in range(k + 1)]
    for c in chars:
        lines[line_of[c[2]]].append(c)
    return [sorted(ln, key=_X_THEN_INDEX) for ln in lines if ln]


def _line_text(line: list[tuple]) -> tuple[str, float, float]:
    """(text, x0, x1) of one line: a gap wider than X_TOLERANCE or a blank character is one space."""
    parts: list[str] = []
    x0 = x1 = None
    prev_x1 = None
    space = False
    for c in line:
        if c[3] == " ":
            space = bool(parts)
            continue
        if parts and (space or c[0] - prev_x1 > X_TOLERANCE):
            parts.append(" ")
        parts.append(c[3])
        space = False
        prev_x1 = c[1] if prev_x1 is None else max(prev_x1, c[1]) if c[0] < prev_x1 else c[1]
        x0 = c[0] if x0 is None else x0
        x1 = c[1] if x1 is None else max(x1, c[1])
    return "".join(parts), x0 if x0 is not None else 0.0, x1 if x1 is not None else 0.0


def _columns(chars: list[tuple], width: float) -> list[list[tuple]]:
    """The page's characters, or its left and right halves when it is set in two columns (gazettes): no
    character sits on a gutter down the middle, and both halves carry many lines of text."""
    ink = [c for c in chars if c[3] != " "]
    if len(ink) < 200:
        return [chars]
    mid = width / 2
    on_gutter = sum(1 for c in ink if c[0] < mid + 4 and c[1] > mid - 4)
    left = {round(c[2]) for c in ink if c[1] <= mid}
    right = {round(c[2]) for c in ink if c[0] >= mid}
    if on_gutter <= 0.002 * len(ink) and len(left) >= 5 and len(right) >= 5:
        return [[c for c in chars if (c[0] + c[1]) / 2 < mid], [c for c in chars if (c[0] + c[1]) / 2 >= mid]]
    return [chars]






def _text_column(lines: list[list[tuple]], char_w: float) -> bool:
    """Whether lines read as a column of running text: at least 12 characters wide and four lines, most lines
    starting at its left edge (or indented by a paragraph's two characters) and many reaching its right edge
    (justified text), few gaps down it (a table's column has holes where a neighbouring cell wraps)."""
    if len(lines) < 4:
        return False
    x0 = min(ln[0][0] for ln in lines)
    x1 = max(max(c[1] for c in ln) for ln in lines)
    if x1 - x0 < 12 * char_w:
        return False
    at_left = sum(1 for ln in lines if ln[0][0] <= x0 + 3 * char_w)
    at_right = sum(1 for ln in lines if max(c[1] for c in ln) >= x1 - 1.5 * char_w)
    if at_left < 0.7 * len(lines) or at_right < 0.4 * len(lines):
        return False
    tops = [ln[0][2] for ln in lines]
    steps = sorted(b - a for a, b in zip(tops, tops[1:]))
    step = steps[len(steps) // 2]
    return sum(1 for s in steps if s > 2.2 * step) <= max(1, 0.15 * len(steps))


def _blocks(chars: list[tuple], char_w: float, depth: int = 0) -> tuple[list[list[tuple]], bool]:
    """The characters of a region cut into blocks in reading order (recursive XY cut): first across at
    gaps much taller than the line spacing (a headline above its story, one story above another), then
    down the clean gutters of columns of running text (newspaper pages of three, four, six columns),
    each part cut again. Returns the blocks and whether any region was read as columns."""
    lines = _cluster_lines(chars)
    if depth > 8 or len(lines) < 2:
        return [chars], False
    tops = [ln[0][2] for ln in lines]
    steps = [b - a for a, b in zip(tops, tops[1:])]
    step = sorted(steps)[len(steps) // 2]
    cuts = [i + 1 for i, s in enumerate(steps) if s > max(2.0 * step, 2.0 * char_w)]
    if cuts:
        out, columns = [], False
        for a, b in zip([0] + cuts, cuts + [len(lines)]):
            blocks, cols = _blocks([c for ln in lines[a:b] for c in ln], char_w, depth + 1)
            out += blocks
            columns = columns or cols
        return out, columns
    ink = [c for c in chars if c[3] != " "]
    if len(ink) < 80:
        return [chars], False
    gutters = _gutters(ink, max(0.6 * char_w, 4.0))
    parts = [[] for _ in range(len(gutters) + 1)]
    for c in chars:  # the part between the gutters where the character's middle falls
        parts[bisect.bisect_right(gutters, (c[0] + c[1]) / 2)].append(c)
    parts = [p for p in parts if p]
    text = [p for p in parts if _text_column(_cluster_lines(p), char_w)]
    # two columns of running text at least, holding most of the region's characters (a part that is not,
    # such as a box laid across two columns, is cut again or read line by line)
    if len(text) < 2 or sum(len(p) for p in text) < 0.6 * len(chars):
        return [chars], False
    out = []
    for p in parts:
        out += _blocks(p, char_w, depth + 1)[0]
    return out, True


def _page_parts(chars: list[tuple], width: float) -> list[list[tuple]]:
    """The page's characters in parts read one after the other: a gazette's two halves, the blocks of a
    newspaper page (its stories, each column by column), or the whole page."""
    ink = [c for c in chars if c[3] != " "]
    if len(ink) >= 200:
        blocks, columns = _blocks(chars, _char_width(ink))
        if columns:
            return blocks
    return _columns(chars, width)


def _part_lines(chars: list[tuple], size_of) -> list[Line]:
    lines = []
    for group in _cluster_lines(chars):
        text, x0, x1 = _line_text(group)
        text = text.strip()
        if text:
            first = next(c for c in group if c[3] != " ")
            lines.append((text, x0, x1, size_of(first[4])))
    if not lines:
        return []
    right = sorted(ln[2] for ln in lines)[int(len(lines) * 0.9)]
    char_w = max(6.0, min(ln[3] for ln in lines))  # the smallest size of a line's first character
    left = sorted(ln[1] for ln in lines)[int(len(lines) * 0.1)]
    # a block of one line (a headline cut out of a newspaper page) is never joined to what follows
    alone = len(lines) == 1
    return [(ln[0], not alone and ln[2] >= right - 1.5 * char_w, ln[1] <= left + 2.5 * char_w) for ln in lines]




def page_lines(chars: list[tuple], width: float, size_of) -> list[Line]:
    return [ln for part in _page_parts(chars, width) for ln in _part_lines(part, size_of)]
