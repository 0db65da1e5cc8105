"""PDF through PDFium (pypdfium2): each page's characters with their boxes, grouped into lines in reading
order (two-column pages column by column), running headers/footers and page numbers removed, wrapped
lines joined (no hyphens in Chinese); scans answered with `no_text_layer`, unreadable font maps with
`decode_error`.

Bounded work per file: pages are read one at a time and released; a file of more than MAX_PAGES pages, a
page of more than MAX_PAGE_CHARS characters, or compressed streams that inflate beyond MAX_INFLATED bytes
(a flate bomb) is answered `too_large` with the figure before PDFium holds it in memory."""
from __future__ import annotations

import bisect
import ctypes
import math
import re
import threading
import zlib
from collections import Counter
from itertools import compress, islice, repeat
from operator import itemgetter
from operator import sub as _minus

from corpora.chars import CJK, NUMBERED_HEADING
from corpora.records import ErrorReason, RawDocument, ReadError, SourceText

MAX_PAGES = 2000
MAX_PAGE_CHARS = 100_000
# inflated bytes of the file's compressed streams (images excluded: text extraction does not decode them)
MAX_INFLATED = 256 * 1024 * 1024
MAX_STREAM_INFLATED = 64 * 1024 * 1024

_PAGE_NUMBER = re.compile(r"^[\s\-—–－·.]*(第\s*\d+\s*页(\s*[/／共]\s*\d+\s*页?)?|\d{1,4}|[-—–－]\s*\d{1,4}\s*[-—–－]|\d+\s*/\s*\d+)[\s\-—–－·.]*$")
_END_PUNCT = "。！？；：:;!?」』”）)"
_STARTS_BLOCK = re.compile(rf"^({NUMBERED_HEADING}|附件)")
_MIN_CHARS_PER_PAGE = 20
_ASCII_SYMBOLS = frozenset("!\"#$&'*+/<=>?@[\\]^_`{|}~")
X_TOLERANCE = 1.5  # a wider gap between two characters of a line is a space
Y_TOLERANCE = 3.0  # characters whose tops differ by less sit on one line

# PDFium is not thread-safe: one call into it at a time in a process
_PDFIUM = threading.Lock()

_LOAD_ERRORS = {1: "unknown error", 2: "file not found or unreadable", 3: "not a PDF or damaged",
                4: "password required", 5: "unsupported security scheme", 6: "page not found or damaged"}

_X_THEN_INDEX = itemgetter(0, 4)
_X_SPAN = itemgetter(0, 1)
_X = itemgetter(0)
_X1 = itemgetter(1)

Line = tuple[str, bool, bool]  # (text, reaches the right margin, starts at the left margin)


# ---------------------------------------------------------------------------------------------- bombs

# a stream dictionary's end, the stream keyword after blanks (NUL is one to PDFium) and comments, and its data
# from the next line on, as PDFium reads them (possessive: no backtracking over a hostile run of %)
_STREAM = re.compile(rb">>(?:[\x00\s]|%[^\r\n]*+)*+stream[^\r\n]*+(?:\r\n|\n|\r)")
_CHUNK = 1 << 16
_LENGTH = re.compile(rb"/Length\s+(\d+)(\s+\d+\s+R)?")
_DICT_START = re.compile(rb"\s*<<")
_HEADER = re.compile(rb"(?:^|[^0-9])\d+\s+\d+\s+\Z")  # "12 0 " just before an obj keyword
# the most bytes one byte of deflate data inflates to: a match of 258 bytes takes two bits at the least
DEFLATE_RATIO = 1032


def _inflated_size(buf: memoryview, start: int, cap: int) -> int:
    """Bytes a flate stream starting at `start` inflates to, counted in bounded chunks (never held
    whole); stops counting past `cap`. A stream that is not valid zlib counts what inflated before."""
    d = zlib.decompressobj()
    total, pos, end = 0, start, len(buf)
    try:
        while pos < end and not d.eof and total <= cap:
            out = d.decompress(buf[pos:pos + _CHUNK], _CHUNK * 16)
            pos += _CHUNK
            total += len(out)
            while d.unconsumed_tail and not d.eof and total <= cap:
                total += len(d.decompress(d.unconsumed_tail, _CHUNK * 16))
    except zlib.error:
        pass
    return total


def _read_extent(data: bytes, at: int, head: bytes, start: int) -> int | None:
    """The most compressed bytes PDFium may read for the stream whose data begins at `start`: up to the first
    endstream keyword (PDFium reads there when the /Length is missing or wrong) or a direct /Length of its
    dictionary (PDFium reads that many when the keyword follows them). `head`: from the object's `obj` keyword
    (at `at`, -1 when none was found) to the stream's dictionary end. None (the stream is then inflated and counted) when a /Length is indirect
    (PDFium resolves what this cannot) or missing, or when the dictionary may hold a key this does not see: no
    object header before `obj`, strings, comments or escaped names in it."""
    if at < 0 or not _DICT_START.match(head, 3) or b"(" in head or b"%" in head or b"#" in head:
        return None
    if not _HEADER.search(data[max(0, at - 40):at]):
        return None
    lengths = _LENGTH.findall(head)
    if not lengths or any(ref for _, ref in lengths):
        return None
    end = data.find(b"endstream", start)
    return max([(end if end >= 0 else len(data)) - start] + [int(n) for n, _ in lengths])


def check_inflated(data: bytes, source: str) -> int:
    """An upper bound of what the file's flate streams other than images inflate to; `too_large` past the
    limits. A stream's bound is DEFLATE_RATIO times the compressed bytes PDFium may read for it (deflate's
    largest expansion); streams whose bounds keep under the limits are not inflated. The others (largest
    bound first, and every stream whose length is not written in its dictionary) are inflated in bounded
    chunks and counted exactly, until the counts and the remaining bounds fit the limits."""
    buf = memoryview(data)
    streams: list[tuple[int, int]] = []  # (bound or -1 when it must be counted, start of the stream's data)
    for m in _STREAM.finditer(data):
        at = data.rfind(b"obj", max(0, m.start() - 4096), m.start())
        head = data[max(0, at):m.start()]
        if b"FlateDecode" not in head and b"/Fl " not in head and b"/Fl]" not in head:
            continue
        if b"/Image" in head:
            continue
        extent = _read_extent(data, at, head, m.end())
        streams.append((-1 if extent is None else DEFLATE_RATIO * (extent + 1), m.end()))
    # the streams to count: those without a bound, then the largest bounds until the rest fit
    streams.sort(key=lambda s: (s[0] >= 0, -s[0]))
    bound = sum(b for b, _ in streams if b >= 0)
    counted = 0
    for b, start in streams:
        if b >= 0 and b <= MAX_STREAM_INFLATED and counted + bound <= MAX_INFLATED:
            break
        size = _inflated_size(buf, start, min(MAX_STREAM_INFLATED, MAX_INFLATED - counted))
        if size > MAX_STREAM_INFLATED:
            raise ReadError(source, ErrorReason.TOO_LARGE,
                            f"a compressed stream at byte {start} inflates to more than {MAX_STREAM_INFLATED} bytes "
                            f"(limit {MAX_STREAM_INFLATED}; a flate bomb?)")
        counted += size
        bound -= max(b, 0)
        if counted > MAX_INFLATED:
            raise ReadError(source, ErrorReason.TOO_LARGE,
                            f"compressed streams inflate to more than {MAX_INFLATED} bytes (limit {MAX_INFLATED}) "
                            f"from {len(data)} bytes of file")
    return counted + bound


# ---------------------------------------------------------------------------------------------- pages

_CALLS: tuple | None = None
# PDFium's line breaks and soft hyphens; blanks (str.isspace's, which `\s` matches) other than breaks; control
# characters other than those
_BREAK = re.compile("[\r\n\x02\x00]")
_BLANK = re.compile(r"[^\S\r\n]")
_CONTROL = re.compile("[%s]" % "".join(
    re.escape(c) for c in map(chr, [*range(0x21), *range(0x7F, 0xA0)]) if not c.isspace() and not _BREAK.match(c)))


def _per_char_calls(pdfium_c) -> tuple:
    """PDFium's per-character calls (loose box, origin, generated) as plain function pointers taking addresses
    as integers: called once or twice per character, they cost a third of the bindings' checked calls."""
    global _CALLS
    if _CALLS is None:
        vp, i = ctypes.c_void_p, ctypes.c_int

        def plain(fn, *args):
            return ctypes.CFUNCTYPE(i, *args)(ctypes.cast(fn, vp).value)

        _CALLS = (plain(pdfium_c.FPDFText_GetLooseCharBox, vp, i, vp),
                  plain(pdfium_c.FPDFText_GetCharOrigin, vp, i, vp, vp),
                  plain(pdfium_c.FPDFText_IsGenerated, vp, i))
    return _CALLS


_CFFI: tuple | bool | None = None


def _cffi_calls() -> tuple | None:
    """PDFium's per-character calls (loose box, origin) through cffi on the library pypdfium2 loaded (the same
    library, opened once more: one PDFium in the process): a call costs about two thirds of a ctypes one.
    None where cffi or the library's path is not at hand (the ctypes calls then)."""
    global _CFFI
    if _CFFI is None:
        try:
            import cffi
            from pypdfium2_raw import bindings

            ffi = cffi.FFI()
            ffi.cdef("typedef struct { float left; float top; float right; float bottom; } FS_RECTF;\n"
                     "typedef struct { float a; float b; float c; float d; float e; float f; } FS_MATRIX;\n"
                     "int FPDFText_GetLooseCharBox(void* text_page, int index, FS_RECTF* rect);\n"
                     "int FPDFText_GetCharOrigin(void* text_page, int index, double* x, double* y);\n"
                     "double FPDFText_GetFontSize(void* text_page, int index);\n"
                     "int FPDFText_GetMatrix(void* text_page, int index, FS_MATRIX* matrix);\n"
                     "int FPDFText_GetText(void* text_page, int start, int count, unsigned short* result);\n"
                     "unsigned int FPDFText_GetUnicode(void* text_page, int index);\n"
                     "int FPDFText_IsGenerated(void* text_page, int index);")
            lib = ffi.dlopen(bindings._libs["pdfium"]._name)
            _CFFI = (ffi, lib.FPDFText_GetLooseCharBox, lib.FPDFText_GetCharOrigin, lib.FPDFText_GetFontSize,
                     lib.FPDFText_GetMatrix, lib.FPDFText_GetText, lib.FPDFText_GetUnicode, lib.FPDFText_IsGenerated)
        except Exception:  # noqa: BLE001 - any failure here leaves the ctypes calls, which always work
            _CFFI = False
    return _CFFI or None


_SLOTS: tuple = (0, None, None, [], [], None)


def _slots(ffi, n: int) -> tuple:
    """Where PDFium writes the loose boxes and origins of a page's characters: (capacity, boxes, baselines,
    a pointer to each box, to each baseline, a sink for the origins' x). A pointer made per character costs
    what passing the calls through `map` saves, so the pointers are made once, for the largest page read yet
    (at most MAX_PAGE_CHARS). Used under the PDFium lock, like the calls that fill it."""
    global _SLOTS
    if _SLOTS[0] < n:
        cap = min(MAX_PAGE_CHARS, max(n, 2 * _SLOTS[0], 4096))
        boxes, baselines = ffi.new("FS_RECTF[]", cap), ffi.new("double[]", cap)
        _SLOTS = (cap, boxes, baselines, [boxes + i for i in range(cap)], [baselines + i for i in range(cap)],
                  ffi.new("double*"))
    return _SLOTS


def _chars(pdfium_c, textpage, height: float, source: str, page_no: int, fast: bool = True) -> list[tuple]:
    """(x0, x1, baseline from the top, text, index) of each character on the page in PDFium's order; whitespace as " "."""
    n = pdfium_c.FPDFText_CountChars(textpage)
    if n > MAX_PAGE_CHARS:
        raise ReadError(source, ErrorReason.TOO_LARGE, f"page {page_no} has {n} characters (limit {MAX_PAGE_CHARS})")
    if n <= 0:
        return []
    calls = _cffi_calls() if fast else None
    tp = ctypes.cast(textpage, ctypes.c_void_p).value
    if calls:
        ffi = calls[0]
        tpc = ffi.cast("void*", tp)
        buf = ffi.new("unsigned short[]", n + 1)
        got = calls[5](tpc, 0, n, buf)
        text = ffi.buffer(buf, max(0, got - 1) * 2)[:].decode("utf-16-le", errors="replace")
        get_unicode = calls[6]
    else:
        buf = ctypes.create_string_buffer((n + 1) * 2)
        got = pdfium_c.FPDFText_GetText(textpage, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
        text = buf.raw[:max(0, got - 1) * 2].decode("utf-16-le", errors="replace")
        tpc, get_unicode = textpage, pdfium_c.FPDFText_GetUnicode
    if len(text) != n:  # characters outside the BMP take two UTF-16 units, PDFium leaves some out of its
        # text: one call per character instead
        text = "".join([chr(u) if 0 < u < 0x110000 and not 0xD800 <= u < 0xE000 else "\ufffd"
                        for u in map(get_unicode, repeat(tpc, n), range(n))])
    box, origin, generated = _per_char_calls(pdfium_c)
    tp_of_generated = tp
    if calls:
        generated, tp_of_generated = calls[7], tpc
    # PDFium's line breaks and soft hyphens carry no position; a space PDFium inferred between text objects
    # is not in the file; other blanks read as " "; a glyph without a Unicode mapping (PDFium gives its code
    # as a control character) as U+FFFD
    text_of = list(text)
    dropped = [m.start() for m in _BREAK.finditer(text)]
    blanks = [m.start() for m in _BLANK.finditer(text)]
    for i, inferred in zip(blanks, map(generated, repeat(tp_of_generated), blanks)):
        if inferred:
            dropped.append(i)
        else:
            text_of[i] = " "
    for m in _CONTROL.finditer(text):
        text_of[m.start()] = "\ufffd"
    keep = None  # which characters are kept, when some are dropped
    if dropped:
        keep = bytearray(b"\x01") * n
        for i in dropped:
            keep[i] = 0
    # lines are told apart by the baseline: glyphs of several fonts and sizes on one line share it
    if calls:
        # the calls run under `map` (no bytecode between them), each writing to its character's slot; the
        # slots are read at once
        ffi, loose_box, char_origin = calls[:3]
        _, boxes, baselines, box_at, baseline_at, x = _slots(ffi, n)
        if keep is None:
            wanted, box_ptrs, baseline_ptrs = range(n), box_at[:n], baseline_at[:n]
        else:
            wanted = list(compress(range(n), keep))
            box_ptrs, baseline_ptrs = list(compress(box_at, keep)), list(compress(baseline_at, keep))
        boxed = list(map(loose_box, repeat(tpc), wanted, box_ptrs))
        placed = list(map(char_origin, repeat(tpc), wanted, repeat(x), baseline_ptrs))
        floats = memoryview(ffi.buffer(boxes, 16 * n)).cast("f")  # left, top, right, bottom of each
        tops = map(_minus, repeat(height), memoryview(ffi.buffer(baselines, 8 * n)).cast("d"))
        out = zip(floats[0::4], floats[2::4], tops, text_of, range(n))
        out = list(out if keep is None else compress(out, keep))
        if 0 in boxed or 0 in placed:
            out = [c for c, b, p in zip(out, boxed, placed) if b and p]
        return out
    wanted = range(n) if keep is None else list(compress(range(n), keep))
    rect = pdfium_c.FS_RECTF()
    ref = ctypes.addressof(rect)
    oy = ctypes.c_double()
    ox = ctypes.c_double()
    ref_x, ref_y = ctypes.addressof(ox), ctypes.addressof(oy)
    return [(rect.left, rect.right, height - oy.value, text_of[i], i) for i in wanted
            if box(tp, i, ref) and origin(tp, i, ref_x, ref_y)]


def _lines_of(chars: list[tuple], in_order: bool = False) -> list[tuple[list[tuple], bool]]:
    """Characters grouped into lines by their baselines (chained within Y_TOLERANCE), top to bottom, each
    line left to right, with, for each line, whether its characters sit on more than one baseline (only such
    a line can fall apart when some of its characters are taken away). `in_order`: the characters come in
    PDFium's order or each line's (then a stable sort by x alone gives the order of x then index)."""
    if not chars:
        return []
    key = _X if in_order else _X_THEN_INDEX
    tops = sorted({c[2] for c in chars})
    if len(tops) == 1:
        return [(sorted(chars, key=key), False)]
    line_of: dict[float, int] = {}
    multi: list[bool] = [False]
    k, last = 0, tops[0]
    for t in tops:
        if t - last > Y_TOLERANCE:
            k += 1
            multi.append(False)
        elif t != last:
            multi[k] = True
        line_of[t] = k
        last = t
    lines: list[list[tuple]] = [[] for _ in range(k + 1)]
    for c in chars:
        lines[line_of[c[2]]].append(c)
    return [(sorted(ln, key=key), m) for ln, m in zip(lines, multi) if ln]


def _regroup(lines: list[tuple[list[tuple], bool]], parts: list[list[list[tuple]]]) -> list[list[tuple[list[tuple], bool]]]:
    """The lines of each part of a region from the region's lines cut by character (`parts[k][j]`: the
    characters of line j that fall in part k, in the line's order): the same lines _lines_of finds in the
    part's characters (a line on several baselines is chained again: without some of its characters, it
    may fall apart)."""
    out = []
    for cut in parts:
        lns: list[tuple[list[tuple], bool]] = []
        for (_, multi), sub in zip(lines, cut):
            if not sub:
                continue
            if multi:
                lns += _lines_of(sub, True)
            else:
                lns.append((sub, False))
        out.append(lns)
    return out


def _line_text(line: list[tuple]) -> tuple[str, float, float]:
    """(text, x0, x1) of one line: a gap wider than X_TOLERANCE or a blank character is one space."""
    parts: list[str] = []
    x0 = x1 = prev_x1 = None
    space = False
    for a, b, _, ch, _ in line:
        if ch == " ":
            space = bool(parts)
            continue
        if prev_x1 is None:
            x0, x1, prev_x1 = a, b, b
        else:
            if space or a - prev_x1 > X_TOLERANCE:
                parts.append(" ")
            prev_x1 = (b if b > prev_x1 else prev_x1) if a < prev_x1 else b
            if b > x1:
                x1 = b
        parts.append(ch)
        space = False
    return "".join(parts), x0 if x0 is not None else 0.0, x1 if x1 is not None else 0.0


def _ink(lines: list[tuple[list[tuple], bool]]) -> list[tuple]:
    return [c for ln, _ in lines for c in ln if c[3] != " "]


def _columns(lines: list[tuple[list[tuple], bool]], width: float, ink: list[tuple]) -> list[list[tuple[list[tuple], bool]]]:
    """The page's lines, or the lines of its left and right halves when it is set in two columns (gazettes):
    no character sits on a gutter down the middle, and both halves carry many lines of text."""
    if len(ink) < 200:
        return [lines]
    mid = width / 2
    # more than 0.2% of the characters on the gutter (counted up to the first one past that share: the
    # middle of a page of one column is crowded from its first lines)
    right_of, left_of = mid + 4, mid - 4
    on_gutter = (c for c in ink if c[0] < right_of and c[1] > left_of)
    if next(islice(on_gutter, math.floor(0.002 * len(ink)), None), None) is not None:
        return [lines]
    left, right = set(), set()  # the rounded baselines of characters left and right of the middle
    for ln, multi in lines:
        if multi:
            left.update(round(c[2]) for c in ln if c[1] <= mid and c[3] != " ")
            right.update(round(c[2]) for c in ln if c[0] >= mid and c[3] != " ")
        else:  # one baseline for the whole line
            if any(c[1] <= mid and c[3] != " " for c in ln):
                left.add(round(ln[0][2]))
            if any(c[0] >= mid and c[3] != " " for c in ln):
                right.add(round(ln[0][2]))
    if len(left) >= 5 and len(right) >= 5:
        twice = 2 * mid
        halves = [[[c for c in ln if c[0] + c[1] < twice] for ln, _ in lines],
                  [[c for c in ln if c[0] + c[1] >= twice] for ln, _ in lines]]
        return _regroup(lines, halves)
    return [lines]


def _char_width(ink: list[tuple]) -> float:
    """The median width of the page's Chinese characters (the body text's size)."""
    widths = sorted([c[1] - c[0] for c in ink if "\u4e00" <= c[3] <= "\u9fff"])  # corpora.chars.CJK
    return max(4.0, widths[len(widths) // 2]) if widths else 10.0


def _gutters(ink: list[tuple], min_gap: float) -> list[float]:
    """The middles of the vertical strips at least min_gap wide that no character of `ink` touches. The
    characters are taken by their left ends alone (a third of the cost of sorting by both ends): where no
    width is negative, the first of the characters starting at one x decides whether a strip ends there, and
    it covers what the others could start, so the strips are those of the order by both ends."""
    spans = sorted(ink, key=_X)
    out, reach = [], spans[0][1]
    if not spans[0][0] <= reach:
        return _gutters_by_spans(ink, min_gap)
    for c in spans[1:]:
        x0 = c[0]
        x1 = c[1]
        if not x0 <= x1:  # a negative width, or not a number
            return _gutters_by_spans(ink, min_gap)
        if x0 - reach >= min_gap:
            out.append((reach + x0) / 2)
        if x1 > reach:
            reach = x1
    return out


def _gutters_by_spans(ink: list[tuple], min_gap: float) -> list[float]:
    """_gutters with the characters in the order of both their ends (for characters of negative width)."""
    spans = sorted(ink, key=_X_SPAN)
    out, reach = [], spans[0][1]
    for c in spans[1:]:
        if c[0] - reach >= min_gap:
            out.append((reach + c[0]) / 2)
        if c[1] > reach:
            reach = c[1]
    return out


def _text_column(lines: list[tuple[list[tuple], bool]], char_w: float) -> bool:
    """Whether lines read as a column of running text: at least 12 characters wide and four lines, most lines
    starting at its left edge (or indented by a paragraph's two characters) and many reaching its right edge
    (justified text), few gaps down it (a table's column has holes where a neighbouring cell wraps)."""
    if len(lines) < 4:
        return False
    starts = [ln[0][0] for ln, _ in lines]
    ends = [max(map(_X1, ln)) for ln, _ in lines]
    x0, x1 = min(starts), max(ends)
    if x1 - x0 < 12 * char_w:
        return False
    at_left = sum(1 for s in starts if s <= x0 + 3 * char_w)
    at_right = sum(1 for e in ends if e >= x1 - 1.5 * char_w)
    if at_left < 0.7 * len(lines) or at_right < 0.4 * len(lines):
        return False
    tops = [ln[0][2] for ln, _ in lines]
    steps = sorted(b - a for a, b in zip(tops, tops[1:]))
    step = steps[len(steps) // 2]
    return sum(1 for s in steps if s > 2.2 * step) <= max(1, 0.15 * len(steps))


def _blocks(lines: list[tuple[list[tuple], bool]], char_w: float, depth: int = 0,
            ink: list[tuple] | None = None) -> tuple[list, bool]:
    """The lines of a region cut into blocks in reading order (recursive XY cut): first across at gaps much
    taller than the line spacing (a headline above its story, one story above another), then down the clean
    gutters of columns of running text (newspaper pages of three, four, six columns), each part cut again.
    Returns the blocks (each its lines) and whether any region was read as columns. `ink`: the region's
    characters other than blanks, when the caller has them."""
    if depth > 8 or len(lines) < 2:
        return [lines], False
    tops = [ln[0][2] for ln, _ in lines]
    steps = [b - a for a, b in zip(tops, tops[1:])]
    step = sorted(steps)[len(steps) // 2]
    cuts = [i + 1 for i, s in enumerate(steps) if s > max(2.0 * step, 2.0 * char_w)]
    if cuts:
        out, columns = [], False
        for a, b in zip([0] + cuts, cuts + [len(lines)]):
            blocks, cols = _blocks(lines[a:b], char_w, depth + 1)
            out += blocks
            columns = columns or cols
        return out, columns
    if ink is None:
        ink = _ink(lines)
    if len(ink) < 80:
        return [lines], False
    gutters = _gutters(ink, max(0.6 * char_w, 4.0))
    if not gutters:
        return [lines], False  # one part of all the characters: no two columns
    # the part between the gutters where each character's middle falls, line by line
    cut: list[list[list[tuple]]] = [[[] for _ in lines] for _ in range(len(gutters) + 1)]
    where = bisect.bisect_right
    for j, (ln, _) in enumerate(lines):
        for c in ln:
            cut[where(gutters, (c[0] + c[1]) / 2)][j].append(c)
    parts = [p for p in _regroup(lines, cut) if p]
    text = [p for p in parts if _text_column(p, char_w)]
    # two columns of running text at least, holding most of the region's characters (a part that is not,
    # such as a box laid across two columns, is cut again or read line by line)
    if len(text) < 2 or sum(len(ln) for p in text for ln, _ in p) < 0.6 * sum(len(ln) for ln, _ in lines):
        return [lines], False
    out = []
    for p in parts:
        out += _blocks(p, char_w, depth + 1)[0]
    return out, True


def _page_parts(lines: list[tuple[list[tuple], bool]], width: float) -> list[list[tuple[list[tuple], bool]]]:
    """The page's lines in parts read one after the other: a gazette's two halves, the blocks of a
    newspaper page (its stories, each column by column), or the whole page."""
    ink = _ink(lines)
    if len(ink) >= 200:
        blocks, columns = _blocks(lines, _char_width(ink), ink=ink)
        if columns:
            return blocks
    return _columns(lines, width, ink)


def _part_lines(part: list[tuple[list[tuple], bool]], size_of) -> list[Line]:
    lines = []
    for group, _ in part:
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


def _layout(chars: list[tuple], width: float, size_of) -> list[Line]:
    """The page's lines in reading order from its characters in PDFium's order (`size_of`: a character's size
    by its index)."""
    return [ln for part in _page_parts(_lines_of(chars, True), width) for ln in _part_lines(part, size_of)]


def _page_lines(pdfium_c, page, source: str, page_no: int) -> list[Line]:
    """(line, reaches the right margin, starts at the left margin) in reading order, column by column."""
    textpage = pdfium_c.FPDFText_LoadPage(page)
    if not textpage:
        raise ReadError(source, ErrorReason.DECODE_ERROR, f"PDF page {page_no} has no readable text layer")
    try:
        width = pdfium_c.FPDF_GetPageWidthF(page)
        height = pdfium_c.FPDF_GetPageHeightF(page)
        chars = _chars(pdfium_c, textpage, height, source, page_no)
        calls = _cffi_calls()
        if calls:
            ffi, font_size, get_matrix = calls[0], calls[3], calls[4]
            tpc, matrix = ffi.cast("void*", ctypes.cast(textpage, ctypes.c_void_p).value), ffi.new("FS_MATRIX*")
            matrix_ref = matrix
        else:
            tpc, matrix = textpage, pdfium_c.FS_MATRIX()
            font_size, get_matrix = pdfium_c.FPDFText_GetFontSize, pdfium_c.FPDFText_GetMatrix
            matrix_ref = ctypes.byref(matrix)

        def size_of(i: int) -> float:
            """The character's size on the page: the font size scaled by the text matrix."""
            size = font_size(tpc, i)
            if get_matrix(tpc, i, matrix_ref):
                size *= math.hypot(matrix.c, matrix.d)
            return size if size > 0 else 12.0

        return _layout(chars, width, size_of)
    finally:
        pdfium_c.FPDFText_ClosePage(textpage)


def _read_pages(raw: RawDocument) -> list[list[Line]]:
    import pypdfium2.raw as pdfium_c

    with _PDFIUM:
        doc = pdfium_c.FPDF_LoadMemDocument64(raw.data, len(raw.data), None)
        if not doc:
            code = pdfium_c.FPDF_GetLastError()
            raise ReadError(raw.source, ErrorReason.DECODE_ERROR,
                            f"PDF could not be opened: {_LOAD_ERRORS.get(code, f'PDFium error {code}')}")
        try:
            n = pdfium_c.FPDF_GetPageCount(doc)
            if n > MAX_PAGES:
                raise ReadError(raw.source, ErrorReason.TOO_LARGE, f"{n} pages (limit {MAX_PAGES})")
            pages = []
            for i in range(n):
                page = pdfium_c.FPDF_LoadPage(doc, i)
                if not page:
                    raise ReadError(raw.source, ErrorReason.DECODE_ERROR, f"PDF page {i + 1} could not be read")
                try:
                    pages.append(_page_lines(pdfium_c, page, raw.source, i + 1))
                finally:
                    pdfium_c.FPDF_ClosePage(page)
            return pages
        finally:
            pdfium_c.FPDF_CloseDocument(doc)


def _running_lines(pages: list[list[Line]]) -> set[str]:
    """Lines printed at the top or bottom of most pages: running headers and footers."""
    if len(pages) < 3:
        return set()
    edge = Counter()
    for lines in pages:
        nonblank = [ln[0] for ln in lines]
        edge.update(set(nonblank[:2] + nonblank[-2:]))
    return {ln for ln, n in edge.items() if n >= max(3, len(pages) * 0.5) and not _PAGE_NUMBER.match(ln)}


def _join_lines(lines: list[Line]) -> list[str]:
    """Join lines that a page wrapped mid-sentence: the previous one reaches the right margin and
    this one starts at the left margin (centred headings and titles are never joined)."""
    out: list[str] = []
    prev_full = False
    for ln, full, at_left in lines:
        if out and prev_full and at_left and out[-1][-1] not in _END_PUNCT and not _STARTS_BLOCK.match(ln):
            out[-1] += ln
        else:
            out.append(ln)
        prev_full = full
    return out


def read(raw: RawDocument) -> SourceText:
    check_inflated(raw.data, raw.source)
    pages = _read_pages(raw)
    total = sum(len(ln[0]) for lines in pages for ln in lines)
    if total < _MIN_CHARS_PER_PAGE * max(1, len(pages)) / 4:
        raise ReadError(raw.source, ErrorReason.NO_TEXT_LAYER, f"{len(pages)} pages, {total} characters of text: a scan without a text layer")
    chars = "".join(ln[0] for lines in pages for ln in lines).replace(" ", "")
    cjk = len(CJK.findall(chars))
    # glyphs without a mapping, or mapped to their codes (which read as runs of ASCII symbols)
    garbled = chars.count("\ufffd") + sum(chars.count(ch) for ch in _ASCII_SYMBOLS)
    if cjk < 0.05 * len(chars) or garbled > 0.2 * len(chars):
        raise ReadError(raw.source, ErrorReason.DECODE_ERROR,
                        f"unreadable font map: {cjk} Chinese characters and {garbled} unmapped or symbol characters "
                        f"in {len(chars)} characters of text layer")
    running = _running_lines(pages)
    kept: list[Line] = []
    removed = 0
    for lines in pages:
        for line in lines:
            if line[0] in running or _PAGE_NUMBER.match(line[0]):
                removed += 1
                continue
            kept.append(line)
    text = "\n".join(_join_lines(kept)) + "\n"
    flags = ["page_furniture_removed"] if removed else []
    if text.count("\ufffd") > 20:
        flags.append("broken_font_map")
    return SourceText(raw.source, text, raw.media_type, flags=flags)
