"""The PDF reader on generated files: layout (running headers, page numbers, wrapped lines, glyphs without
a mapping) and the bounds that keep one hostile file from taking the run down (flate bombs, page counts)."""
from __future__ import annotations

import zlib

import pytest

from corpora.readers import pdf as pdf_reader
from corpora.readers import read_path
from corpora.records import ErrorReason, ReadError
from tests.corpora.test_readers import cjk_pdf


def _bomb(streams: list[int], chunk: bytes = b"0 0 m 1 1 l S\n") -> bytes:
    """A one-page PDF whose content is `len(streams)` flate streams inflating to the given sizes, written
    by hand with a correct cross-reference table (compressed in blocks: never held inflated)."""
    bodies = []
    for size in streams:
        comp = zlib.compressobj(9)
        block = chunk * (1 << 16 // len(chunk) + 1)
        parts, left = [], size
        while left > 0:
            parts.append(comp.compress(block[:left]))
            left -= len(block[:left])
        parts.append(comp.flush())
        bodies.append(b"".join(parts))
    first = 4
    contents = " ".join(f"{first + i} 0 R" for i in range(len(bodies)))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [{contents}] >>".encode()]
    objects += [b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(b) + b + b"\nendstream" for b in bodies]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


MB = 1024 * 1024


@pytest.mark.parametrize("streams, figure", [
    ([pdf_reader.MAX_STREAM_INFLATED + MB], "a compressed stream"),       # one stream of gigabytes, cut short
    ([60 * MB] * 5, "compressed streams inflate to more than"),            # many streams, each under the limit
])
def test_flate_bomb_is_too_large_with_the_figure(tmp_path, streams, figure):
    p = tmp_path / "bomb.pdf"
    p.write_bytes(_bomb(streams))
    assert p.stat().st_size < 2 * MB
    with pytest.raises(ReadError) as e:
        read_path(p)
    assert e.value.reason is ErrorReason.TOO_LARGE
    assert figure in e.value.detail and str(p) == e.value.source
    assert str(min(pdf_reader.MAX_STREAM_INFLATED, pdf_reader.MAX_INFLATED)) in e.value.detail \
        or str(pdf_reader.MAX_INFLATED) in e.value.detail


def test_inflated_size_of_an_ordinary_stream_is_counted_exactly():
    data = _bomb([3 * MB + 17])
    assert pdf_reader._inflated_size(memoryview(data), data.index(b"stream\n") + 7, 64 * MB) == 3 * MB + 17


def _hidden_bomb(size: int, length: str, extra: bytes = b"") -> bytes:
    """A one-page PDF whose content stream inflates to `size` bytes and whose compressed data holds the word
    endstream near its start (a stored block), so that the first endstream keyword is not where the data
    ends; its /Length is written as `length` ("direct" or "indirect": an object of its own)."""
    decoy = b"endstream endobj "
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = b"0 0 m 1 1 l S\n" * 5000
    parts, left, adler = [], size, zlib.adler32(decoy)
    while left > 0:
        piece = block[:left]
        parts.append(comp.compress(piece))
        adler = zlib.adler32(piece, adler)
        left -= len(piece)
    parts.append(comp.flush())
    stored = b"\x00" + len(decoy).to_bytes(2, "little") + (len(decoy) ^ 0xFFFF).to_bytes(2, "little") + decoy
    body = b"\x78\x9c" + stored + b"".join(parts) + adler.to_bytes(4, "big")
    ref = b"5 0 R" if length == "indirect" else b"%d" % len(body)
    ref += extra
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length " + ref + b" /Filter /FlateDecode >>\nstream\n" + body + b"\nendstream",
               b"%d" % len(body)]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for n, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.mark.parametrize("length, extra", [
    ("direct", b""),
    ("indirect", b""),
    ("indirect", b" /Note (1 0 obj /Length 9)"),   # a string that looks like a header and a small direct length
    ("indirect", b" /Note <</Length 9>> %1 0 obj\n"),  # the same behind a comment
    ("direct", b" /Len#67th 5 0 R"),                # an escaped name PDFium reads as /Length (the last one wins)
])
def test_a_bomb_behind_an_early_endstream_word_is_still_too_large(length, extra):
    """The guard bounds a stream by the bytes PDFium may read for it (up to the first endstream keyword, or
    its /Length): a bomb whose data holds that word early is caught whether its /Length is written in the
    dictionary or in an object of its own, and whatever the dictionary hides from a plain reading."""
    data = _hidden_bomb(pdf_reader.MAX_STREAM_INFLATED + MB, length, extra)
    assert len(data) < MB
    with pytest.raises(ReadError) as e:
        pdf_reader.check_inflated(data, "hidden.pdf")
    assert e.value.reason is ErrorReason.TOO_LARGE and "a compressed stream" in e.value.detail


@pytest.mark.parametrize("streams, length, counted", [
    ([3 * MB], "direct", False),            # a small stream whose length is written: bounded, not inflated
    ([3 * MB], "indirect", True),           # its length in an object of its own: inflated and counted
    ([60 * MB, 1 * MB], "direct", True),    # bounds over the limit: the largest inflated until the rest fit
])
def test_streams_are_bounded_or_counted(streams, length, counted):
    data = _bomb(streams) if length == "direct" else _hidden_bomb(streams[0], length)
    figure = pdf_reader.check_inflated(data, "x.pdf")
    assert figure >= sum(streams)
    assert (figure < sum(streams) + 2 * MB) is counted  # an exact count (the decoy adds a few bytes) or a bound


def test_each_stream_of_the_pool_inflates_within_its_bound():
    """Deflate's largest ratio bounds every flate stream of the pool's PDFs by the bytes PDFium may read."""
    from pathlib import Path

    pool = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "pool"
    files = sorted(f for f in pool.rglob("*") if f.suffix.lower() == ".pdf")
    if not files:
        pytest.skip("no shared pool here")
    bounded = 0
    for f in files:
        data = f.read_bytes()
        for m in pdf_reader._STREAM.finditer(data):
            at = data.rfind(b"obj", max(0, m.start() - 4096), m.start())
            head = data[max(0, at):m.start()]
            extent = pdf_reader._read_extent(data, at, head, m.end())
            if extent is None or b"FlateDecode" not in head:
                continue
            bounded += 1
            size = pdf_reader._inflated_size(memoryview(data), m.end(), 1 << 30)
            assert size <= pdf_reader.DEFLATE_RATIO * (extent + 1), (f, m.end())
    assert bounded > 100


def test_a_bomb_under_the_limits_is_read_by_pdfium(tmp_path):
    """Content under the limits goes to PDFium: a page of drawing operators and no text is a scan."""
    p = tmp_path / "drawing.pdf"
    p.write_bytes(_bomb([2 * MB]))
    with pytest.raises(ReadError) as e:
        read_path(p)
    assert e.value.reason is ErrorReason.NO_TEXT_LAYER


def test_too_many_pages_is_too_large_with_the_count(tmp_path, monkeypatch):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for _ in range(pdf_reader.MAX_PAGES + 1):
        pdf.add_page()
        pdf.cell(0, 8, "page")
    p = tmp_path / "gazette.pdf"
    pdf.output(str(p))
    with pytest.raises(ReadError) as e:
        read_path(p)
    assert e.value.reason is ErrorReason.TOO_LARGE
    assert f"{pdf_reader.MAX_PAGES + 1} pages (limit {pdf_reader.MAX_PAGES})" in e.value.detail


def test_many_pages_read_page_by_page_without_their_furniture(tmp_path):
    """300 pages with a running header and page numbers: the body comes back whole, once per page, the
    header and the numbers are dropped, and lines the page wrapped are joined."""
    pdf = cjk_pdf()
    body = "各区县人民政府要认真落实本通知的各项要求，加强组织领导，确保工作取得实效，并按时报送进展情况。" * 3
    for n in range(1, 301):
        pdf.add_page()
        pdf.set_font("cjk", size=9)
        pdf.cell(0, 6, "某省人民政府公报", align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("cjk", size=12)
        pdf.multi_cell(0, 8, f"第{n}条：" + body)
        pdf.set_y(-20)
        pdf.set_font("cjk", size=9)
        pdf.cell(0, 6, f"— {n} —", align="C")
    p = tmp_path / "book.pdf"
    pdf.output(str(p))
    st = read_path(p)
    lines = st.text.splitlines()
    assert len(lines) == 300
    assert lines[41] == "第42条：" + body
    assert "某省人民政府公报" not in st.text and "—" not in st.text
    assert "page_furniture_removed" in st.flags


def test_glyphs_without_a_mapping_are_marked_not_dropped():
    chars = [(10.0 * i, 10.0 * i + 9, 100.0, ch, i) for i, ch in enumerate("通知\ufffd规定")]
    ((line, _),) = pdf_reader._lines_of(chars)
    assert pdf_reader._line_text(line)[0] == "通知\ufffd规定"


@pytest.mark.parametrize("gaps, expected", [
    ([0.0, 0.0, 0.0], "一二三四"),          # characters set edge to edge: one word
    ([0.0, 5.0, 0.0], "一二 三四"),         # a gap wider than the tolerance: a space
    ([0.0, 1.0, 0.0], "一二三四"),          # kerning within the tolerance: no space
])
def test_gaps_between_characters(gaps, expected):
    x, chars = 0.0, []
    for i, ch in enumerate("一二三四"):
        chars.append((x, x + 10, 50.0 + (i % 2) * 0.5, ch, i))  # tops wobble within a line
        x += 10 + (gaps[i] if i < len(gaps) else 0)
    ((line, _),) = pdf_reader._lines_of(chars)
    assert pdf_reader._line_text(line)[0] == expected


def _newspaper_page(tmp_path, stories: list[tuple[str, int, list[str]]], name: str):
    """A wide page of stories one above the other: each a headline across the page and `n` columns of
    justified running text, the gutters narrow (a newspaper's e-paper PDF)."""
    pdf = cjk_pdf()
    pdf.add_page(format=(350, 500))
    pdf.set_font("cjk", size=9)
    y = 15.0
    for headline, n, columns in stories:
        pdf.set_xy(10, y)
        pdf.cell(330, 8, headline, align="C")
        y += 14
        width = (330 - 3 * (n - 1)) / n
        bottom = y
        for i, text in enumerate(columns):
            pdf.set_xy(10 + i * (width + 3), y)
            pdf.multi_cell(width, 4.5, text)
            bottom = max(bottom, pdf.get_y())
        y = bottom + 12
    p = tmp_path / name
    pdf.output(str(p))
    return read_path(p).text


_STORY = "第{n}栏记述本地推进城市更新的做法，街道社区组织居民议事协商。"


@pytest.mark.parametrize("layout", [
    [("甲报道标题", 4, None)],                        # one story in four columns
    [("甲报道标题", 4, None), ("乙报道标题", 3, None)],  # two stories, four columns above three
    [("甲报道标题", 6, None)],                        # six narrow columns of a broadsheet
])
def test_newspaper_columns_read_one_after_the_other(tmp_path, layout):
    stories, columns = [], []
    for k, (headline, n, _) in enumerate(layout):
        texts = [_STORY.format(n=f"{k}{i}") * 9 for i in range(n)]
        stories.append((headline, n, texts))
        columns += texts
    text = _newspaper_page(tmp_path, stories, "epaper.pdf")
    flat = text.replace("\n", "")
    for column in columns:  # each column's text whole: no line of a neighbouring column inside it
        assert column in flat
    assert flat.index(columns[0]) < flat.index(columns[1]) < flat.index(columns[-1])
    for headline, _, _ in layout:  # a headline stays its own line, not glued to the story's first line
        assert headline + "\n" in text


def test_a_table_of_short_cells_keeps_its_rows(tmp_path):
    """Columns of a table (short cells, one a line) are no newspaper columns: each row stays one line."""
    pdf = cjk_pdf()
    pdf.add_page()
    pdf.set_font("cjk", size=10)
    rows = [(f"第{i}号地块", "住宅用地", f"{i}万平方米", "挂牌出让") for i in range(1, 16)]
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            pdf.set_xy(10 + j * 45, 20 + i * 7)
            pdf.cell(40, 6, cell)
    p = tmp_path / "table.pdf"
    pdf.output(str(p))
    text = read_path(p).text
    assert "第3号地块 住宅用地 3万平方米 挂牌出让" in text and text.index("第3号") < text.index("第4号")


def _same_as_reference(path) -> int:
    """Reads every page of the PDF at `path` both ways: the characters (cffi and ctypes calls) and the lines
    must equal those of the per-character loop and layout the reader had before (tests/corpora/pdf_reference);
    returns the number of pages with text."""
    import pypdfium2.raw as pdfium_c

    from tests.corpora import pdf_reference

    data = path.read_bytes()
    doc = pdfium_c.FPDF_LoadMemDocument64(data, len(data), None)
    pages = 0
    try:
        for i in range(pdfium_c.FPDF_GetPageCount(doc)):
            page = pdfium_c.FPDF_LoadPage(doc, i)
            textpage = pdfium_c.FPDFText_LoadPage(page)
            try:
                width, height = pdfium_c.FPDF_GetPageWidthF(page), pdfium_c.FPDF_GetPageHeightF(page)
                chars = pdf_reference._chars(pdfium_c, textpage, height, str(path), i + 1)
                assert pdf_reader._chars(pdfium_c, textpage, height, str(path), i + 1) == chars, (path, i)
                assert pdf_reader._chars(pdfium_c, textpage, height, str(path), i + 1, fast=False) == chars
                sizes = {c[4]: pdfium_c.FPDFText_GetFontSize(textpage, c[4]) or 12.0 for c in chars}
                expected = pdf_reference.page_lines(chars, width, sizes.__getitem__)
                assert pdf_reader._layout(chars, width, sizes.__getitem__) == expected, (path, i)
                pages += bool(expected)
            finally:
                pdfium_c.FPDFText_ClosePage(textpage)
                pdfium_c.FPDF_ClosePage(page)
    finally:
        pdfium_c.FPDF_CloseDocument(doc)
    return pages


def _mixed_baselines(pdf) -> None:
    """Two columns whose lines mix sizes (a raised number, a larger word): lines on several baselines that
    the cut down the gutter must chain again."""
    pdf.add_page()
    for col, x in enumerate((10, 110)):
        y = 20.0
        for row in range(30):
            pdf.set_xy(x, y)
            pdf.set_font("cjk", size=10)
            pdf.cell(30, 6, f"第{col}{row}行正文")
            pdf.set_font("cjk", size=7)
            pdf.set_xy(x + 30, y + 0.4 + (row % 3) * 0.3)
            pdf.cell(8, 6, str(row))
            pdf.set_font("cjk", size=12)
            pdf.set_xy(x + 38, y - 0.2)
            pdf.cell(45, 6, "有关规定要求")
            y += 8


def _written(kind: str, tmp_path):
    pdf = cjk_pdf()
    if kind == "newspaper":
        stories = [("甲报道标题", 4, [_STORY.format(n=f"0{i}") * 9 for i in range(4)]),
                   ("乙报道标题", 3, [_STORY.format(n=f"1{i}") * 9 for i in range(3)])]
        _newspaper_page(tmp_path, stories, "n.pdf")
        return tmp_path / "n.pdf"
    if kind == "gazette":
        pdf.add_page()
        pdf.set_font("cjk", size=10)
        for x, word in ((10, "左栏通知正文，各地要认真贯彻落实。"), (110, "右栏决定正文，自发布之日起施行。")):
            pdf.set_xy(x, 20)
            pdf.multi_cell(85, 6, word * 12)
    elif kind == "table":
        pdf.add_page()
        pdf.set_font("cjk", size=10)
        for i in range(15):
            for j, cell in enumerate((f"第{i}号地块", "住宅用地", f"{i}万平方米", "挂牌出让")):
                pdf.set_xy(10 + j * 45, 20 + i * 7)
                pdf.cell(40, 6, cell)
    elif kind == "wrapped":
        for n in range(1, 4):
            pdf.add_page()
            pdf.set_font("cjk", size=9)
            pdf.cell(0, 6, "某省人民政府公报", align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("cjk", size=12)
            pdf.multi_cell(0, 8, f"第{n}条：" + "各区县要认真落实本通知的各项要求， 加强组织领导 。" * 6)
    elif kind == "mixed baselines":
        _mixed_baselines(pdf)
    p = tmp_path / "w.pdf"
    pdf.output(str(p))
    return p


@pytest.mark.parametrize("kind", ["newspaper", "gazette", "table", "wrapped", "mixed baselines"])
def test_written_pdfs_read_as_the_reference_reads_them(tmp_path, kind):
    assert _same_as_reference(_written(kind, tmp_path)) >= 1


def test_pool_pdfs_read_as_the_reference_reads_them():
    from pathlib import Path

    pool = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "pool"
    files = sorted(f for f in pool.rglob("*") if f.suffix.lower() == ".pdf")
    if not files:
        pytest.skip("no shared pool here")
    assert sum(_same_as_reference(f) for f in files) > 400


def _random_page(seed: int) -> list[tuple]:
    """Characters of a made-up page in PDFium's order: one to five columns of lines with jittered baselines
    (some chained across a line by a character between two baselines), blanks, headlines across the page,
    short table cells."""
    import random

    rnd = random.Random(seed)
    chars: list[tuple] = []
    n_cols = rnd.choice([1, 2, 3, 4, 5])
    size = rnd.choice([6.0, 9.0, 10.5])
    width = 560.0
    col_w = (width - 20) / n_cols
    top = 40.0
    for block in range(rnd.randint(1, 3)):
        if rnd.random() < 0.5:  # a headline across the page
            for k in range(rnd.randint(3, 12)):
                chars.append((100 + k * 14.0, 113 + k * 14.0, top, "标", 0))
            top += rnd.choice([20.0, 40.0])
        rows = rnd.randint(3, 40)
        for col in range(n_cols):
            x_start = 18 + col * col_w  # a gutter of 16 between columns
            for row in range(rows):
                t = top + row * size * 1.6 + rnd.choice([0.0, 0.0, 0.0, 0.5, 1.4, 2.9, -1.2])
                full = int((col_w - 16) // size) - 2
                n = rnd.randint(1, full) if rnd.random() < 0.3 else full
                x = x_start + (2 * size if rnd.random() < 0.2 else 0.0)
                for k in range(n):
                    ch = " " if rnd.random() < 0.05 else rnd.choice("一二三四五六七八九十，。1")
                    jitter = rnd.choice([0.0, 0.0, 0.0, 0.0, 1.6, -1.6, 3.1])
                    chars.append((x, x + size, t + jitter, ch, 0))
                    x += size + (rnd.choice([0.0, 0.0, 2.0]) if rnd.random() < 0.1 else 0.0)
        top += rows * size * 1.6 + rnd.choice([size, 4 * size])
    rnd.shuffle(chars) if rnd.random() < 0.2 else None  # content streams need not run in reading order
    return [(a, b, t, ch, i) for i, (a, b, t, ch, _) in enumerate(chars)]


@pytest.mark.parametrize("seed", range(60))
def test_made_up_pages_read_as_the_reference_reads_them(seed):
    from tests.corpora import pdf_reference

    chars = _random_page(seed)
    size_of = {c[4]: 9.0 + c[4] % 3 for c in chars}.__getitem__
    assert pdf_reader._layout(chars, 560.0, size_of) == pdf_reference.page_lines(chars, 560.0, size_of)


@pytest.mark.parametrize("seed", range(20))
def test_the_readers_lines_are_the_references_lines(seed):
    """The reader's line grouping (`_lines_of`, in any order of characters or in PDFium's) gives the lines the
    reference's clustering gives; a line is marked as lying on several baselines exactly where it does."""
    from tests.corpora import pdf_reference

    chars = _random_page(seed)
    expected = pdf_reference._cluster_lines(chars)
    got = pdf_reader._lines_of(chars)
    assert [ln for ln, _ in got] == expected
    assert [multi for _, multi in got] == [len({c[2] for c in ln}) > 1 for ln in expected]
    in_order = sorted(chars, key=lambda c: c[4])  # PDFium's order: by index
    assert [ln for ln, _ in pdf_reader._lines_of(in_order, in_order=True)] == expected


def test_a_page_larger_than_the_slots_grows_them_and_reads_as_the_reference(tmp_path, monkeypatch):
    """The slots the box and origin calls write to are made for the largest page read yet: a crowded page
    (more characters than the first slots hold) grows them, and it and a short page read after it give the
    characters and lines of the reference."""
    monkeypatch.setattr(pdf_reader, "_SLOTS", (0, None, None, [], [], None))
    pdf = cjk_pdf()
    pdf.add_page()
    pdf.set_font("cjk", size=5)
    pdf.multi_cell(0, 2.2, "各地要认真落实本通知的要求，加强组织领导。 Article 3, 2024 " * 110)
    pdf.add_page()
    pdf.set_font("cjk", size=12)
    pdf.multi_cell(0, 8, "短页正文。")
    path = tmp_path / "crowded.pdf"
    pdf.output(str(path))
    assert _same_as_reference(path) == 2
    assert pdf_reader._SLOTS[0] > 4096  # grown past the first capacity by the crowded page
    assert len(pdf_reader._SLOTS[3]) == len(pdf_reader._SLOTS[4]) == pdf_reader._SLOTS[0]


@pytest.mark.parametrize(("ch", "kind"), [
    ("\r", "break"), ("\n", "break"), ("\x02", "break"), ("\x00", "break"),
    (" ", "blank"), ("\t", "blank"), ("\x0c", "blank"), ("\x1f", "blank"), ("\x85", "blank"), ("\xa0", "blank"),
    ("\u3000", "blank"), ("\u2028", "blank"),
    ("\x01", "control"), ("\x03", "control"), ("\x1b", "control"), ("\x7f", "control"), ("\x93", "control"),
    ("\x9f", "control"),
    ("a", None), ("字", None), ("\ufffd", None), ("!", None), ("\xa1", None),
])
def test_each_character_class_of_the_page_text(ch, kind):
    """PDFium's breaks are dropped, blanks read as a space unless PDFium inferred them, control characters (a
    glyph without a Unicode mapping) as U+FFFD; the three classes never overlap."""
    got = [name for name, pattern in (("break", pdf_reader._BREAK), ("blank", pdf_reader._BLANK),
                                      ("control", pdf_reader._CONTROL)) if pattern.match(ch)]
    assert got == ([kind] if kind else [])


@pytest.mark.parametrize("kind", ["newspaper", "wrapped"])
def test_without_cffi_the_ctypes_calls_read_the_same_text(tmp_path, monkeypatch, kind):
    """Where cffi or the library's path is not at hand, the reader's ctypes calls give the same text."""
    path = _written(kind, tmp_path)
    with_cffi = read_path(path).text
    assert pdf_reader._cffi_calls() is not None  # cffi is a dependency: the fast calls are the ones in use
    monkeypatch.setattr(pdf_reader, "_CFFI", False)
    assert pdf_reader._cffi_calls() is None
    assert read_path(path).text == with_cffi


def _spans(seed: int) -> list[tuple]:
    """Characters of made-up widths at made-up places: many sharing a left end, some of negative width (a
    mirrored glyph)."""
    import random

    rnd = random.Random(seed)
    out = []
    for i in range(rnd.randint(1, 60)):
        x0 = rnd.choice([0.0, 10.0, 10.0, 30.0, 55.5, 80.0]) + rnd.choice([0.0, 0.0, 2.5, 9.0])
        width = rnd.choice([9.0, 9.0, 4.0, 0.0, 20.0] + ([-6.0, -30.0] if seed % 3 == 0 else []))
        out.append((x0, x0 + width, 100.0 + i % 5, "字", i))
    return out


@pytest.mark.parametrize("ink, gutters", [
    ([(0.0, 9.0, 0, "一", 0), (30.0, 39.0, 0, "二", 1)], [19.5]),                   # one strip
    ([(0.0, 9.0, 0, "一", 0), (10.0, 19.0, 0, "二", 1)], []),                       # narrower than 1.5
    # two characters starting at one x: the wider closes the gap, in either order
    ([(10.0, 40.0, 0, "一", 0), (0.0, 9.0, 0, "二", 1), (10.0, 12.0, 0, "三", 2)], []),
    ([(0.0, 9.0, 0, "一", 0), (20.0, 22.0, 0, "二", 1), (20.0, 50.0, 0, "三", 2), (56.0, 60.0, 0, "四", 3)],
     [14.5, 53.0]),
    # a character of negative width beside one of the same left end: taken in the order of both ends (the
    # negative one first, and the strip it leaves open ends at the same x)
    ([(0.0, 9.0, 0, "一", 0), (20.0, 30.0, 0, "二", 1), (20.0, 10.0, 0, "三", 2)], [14.5, 15.0]),
])
def test_gutters_between_characters(ink, gutters):
    assert pdf_reader._gutters(ink, 1.5) == gutters


@pytest.mark.parametrize("seed", range(200))
def test_gutters_by_left_ends_are_those_by_both_ends(seed):
    from tests.corpora import pdf_reference

    ink = _spans(seed)
    for gap in (0.5, 4.0, 8.0):
        assert pdf_reader._gutters(ink, gap) == pdf_reader._gutters_by_spans(ink, gap) == pdf_reference._gutters(ink, gap)


@pytest.mark.parametrize("on_gutter, halves", [(0, 2), (2, 2), (3, 1), (40, 1)])
def test_a_page_is_read_in_halves_unless_more_than_a_fifth_percent_sits_on_its_middle(on_gutter, halves):
    """1,000 characters in two columns of a page 600 wide, and some more across its middle (x 290–310): up
    to 0.2% of the characters there, the page is still read in halves."""
    chars = []
    for row in range(25):
        for col, x in ((0, 20.0), (1, 320.0)):
            chars += [(x + 12 * k, x + 12 * k + 10, 50.0 + 20 * row, "字", 0) for k in range(20)]
    chars += [(290.0, 310.0, 49.0 + 20 * (row % 25), "横", 0) for row in range(on_gutter)]
    chars = [(a, b, t, ch, i) for i, (a, b, t, ch, _) in enumerate(chars)]
    lines = pdf_reader._lines_of(chars, True)
    ink = pdf_reader._ink(lines)
    assert len(pdf_reader._columns(lines, 600.0, ink)) == halves


@pytest.mark.parametrize("ends", [
    [(0.0, 9.0), (float("nan"), 5.0), (30.0, 39.0)],          # a box that is not a number: by both ends
    [(0.0, float("nan")), (20.0, 29.0), (50.0, 59.0)],
    [(0.0, 9.0), (float("inf"), float("inf")), (30.0, 39.0)],  # an infinite box: no negative width
    [(float("-inf"), 9.0), (20.0, 29.0)],
])
def test_gutters_of_boxes_that_are_not_finite_are_those_by_both_ends(ends):
    ink = [(a, b, 0.0, "字", i) for i, (a, b) in enumerate(ends)]
    assert repr(pdf_reader._gutters(ink, 4.0)) == repr(pdf_reader._gutters_by_spans(ink, 4.0))


@pytest.mark.parametrize("keyword", [b">> %a comment\nstream\n", b">>\x00stream\n", b">>\nstream  \n",
                                     b">>\r\n%%%%\r\n stream\r\n"])
def test_a_bomb_whose_stream_keyword_follows_a_comment_or_blanks_is_still_too_large(tmp_path, keyword):
    """PDFium takes a comment, NUL or blanks before the stream keyword and the rest of its line after it: the
    guard finds such a stream too (each of these was read, 80 MB inflated, before)."""
    p = tmp_path / "bomb.pdf"
    p.write_bytes(_bomb([pdf_reader.MAX_STREAM_INFLATED + MB]).replace(b">>\nstream\n", keyword, 1))
    with pytest.raises(ReadError) as e:
        read_path(p)
    assert e.value.reason is ErrorReason.TOO_LARGE


def test_a_run_of_percent_signs_before_a_dictionary_end_is_scanned_at_once():
    data = b"<< /Filter /FlateDecode >>" + b"%" * 200_000 + b"x"
    assert pdf_reader.check_inflated(data, "x.pdf") == 0
