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
    assert pdf_reader.check_inflated(data, "x.pdf") == 3 * MB + 17


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
    (line,) = pdf_reader._cluster_lines(chars)
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
    (line,) = pdf_reader._cluster_lines(chars)
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
