"""Readers: encodings, formats and the error records for inputs that yield no document."""
from __future__ import annotations

import pytest

from corpora.readers import expand_paths, read_path
from corpora.records import ErrorReason, ReadError

TEXT = "山东省卫生健康委员会关于印发方案的通知\n鲁卫发〔2024〕12号\n到2025年达到45%。\n"


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""),
    ("utf-8", b"\xef\xbb\xbf"),
    ("gb18030", b""),
    ("gbk", b""),
    ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b"\xfe\xff"),
])
def test_text_encodings_decode_to_the_same_text(tmp_path, encoding, prefix):
    p = tmp_path / "notice.txt"
    p.write_bytes(prefix + TEXT.encode(encoding))
    st = read_path(p)
    assert st.text == TEXT


def test_big5_traditional_text_decodes(tmp_path):
    trad = "濟南市人民政府辦公廳關於印發行動計劃的通知，請認真組織實施。到2025年底，鄉村醫生佔比達到55%以上。" * 3
    p = tmp_path / "jinan.txt"
    p.write_bytes(trad.encode("big5"))
    assert read_path(p).text == trad


HTML = """<html><head><meta charset="gbk"><meta name="ArticleTitle" content="某市关于印发方案的通知">
<meta name="PubDate" content="2024-06-12 09:30"><script>alert('x')</script></head><body>
<div class="nav"><a href="/">首页</a><a href="/a">政务公开</a></div>
<table><tr><td>索 引 号：</td><td>11370200/2024-00321</td></tr>
<tr><td>发文字号：</td><td>青民发〔2024〕15号</td><td>成文日期：</td><td>2024-06-05</td></tr></table>
<div class="article"><h1>青岛市民政局关于印发方案的通知</h1>
<p>各区（市）民政局：现将《青岛市居家社区养老服务提升方案》印发给你们，请认真抓好落实。到2025年底，全市街道综合养老服务中心覆盖率达到100%，社区养老服务设施覆盖率达到95%以上。</p>
<p>对新建的社区老年食堂，市级财政给予一次性建设补助，最高不超过20万元。</p>
<p>青岛市民政局</p><p>2024年6月5日</p></div>
<div class="footer">鲁ICP备05001234号</div></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    p = tmp_path / "page.html"
    p.write_bytes(HTML.encode("gbk"))
    st = read_path(p)
    assert st.metadata["发文字号"] == "青民发〔2024〕15号"
    assert st.metadata["成文日期"] == "2024-06-05"
    assert st.metadata["索引号"] == "11370200/2024-00321"
    assert st.metadata["标题"] == "某市关于印发方案的通知"
    a, b = st.metadata_spans["发文字号"]
    assert st.text[a:b] == "青民发〔2024〕15号"
    assert "最高不超过20万元" in st.text
    assert "alert" not in st.text


def test_pdf_with_text_layer(samples):
    st = read_path(samples / "zibo_county_health_plan.pdf")
    assert "淄卫发〔2024〕7号" in st.text
    assert "- 1 -" not in st.text  # page numbers removed
    assert "每家次中心床位数不少于100张" in st.text  # wrapped lines joined


def test_pdf_without_text_layer_is_reported(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.rect(20, 20, 100, 100, style="F")
    p = tmp_path / "scan.pdf"
    pdf.output(str(p))
    with pytest.raises(ReadError) as e:
        read_path(p)
    assert e.value.reason is ErrorReason.NO_TEXT_LAYER
    assert str(p) in str(e.value)


def test_docx_paragraphs_and_tables(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("某县人民政府关于印发若干措施的通知")
    d.add_paragraph("补贴标准为每套1万元。")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "项目"
    t.cell(0, 1).text = "补贴2万元"
    p = tmp_path / "a.docx"
    d.save(p)
    st = read_path(p)
    assert "补贴标准为每套1万元。" in st.text and "项目 | 补贴2万元" in st.text


@pytest.mark.parametrize("name,data,reason", [
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ErrorReason.UNSUPPORTED_FORMAT),
    ("pack.rar", b"Rar!\x1a\x07\x00" + b"\x00" * 100, ErrorReason.UNSUPPORTED_FORMAT),
    ("empty.txt", b"", ErrorReason.EMPTY),
    ("blank.html", b"   \n  ", ErrorReason.EMPTY),
    ("broken.pdf", b"%PDF-1.4\n garbage", ErrorReason.DECODE_ERROR),
    ("broken.docx", b"PK\x03\x04word/ not a zip", ErrorReason.DECODE_ERROR),
    ("list.html", b"<html><body><ul><li><a href='/1'>a</a></li></ul></body></html>", ErrorReason.NOT_A_DOCUMENT),
])
def test_unreadable_inputs_give_a_reason_naming_the_file(tmp_path, name, data, reason):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(ReadError) as e:
        read_path(p)
    assert e.value.reason is reason
    rec = e.value.as_dict()
    assert rec["source"] == str(p) and rec["error"] == reason.value


def test_missing_file_is_a_read_error(tmp_path):
    with pytest.raises(ReadError) as e:
        read_path(tmp_path / "nope.txt")
    assert e.value.reason is ErrorReason.READ_ERROR


def test_folder_expands_to_supported_files_only(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.html").write_text("x")
    (tmp_path / "b.html.metadata.json").write_text("{}")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.pdf").write_bytes(b"%PDF")
    assert [p.name for p in expand_paths([tmp_path])] == ["a.txt", "b.html", "c.pdf"]


def test_captcha_page_is_not_a_document(tmp_path):
    p = tmp_path / "c.html"
    p.write_text("<html><body><div class='main'><p>安全验证：请将下方的拼图块拖动到图片中的正确位置，完成验证后继续访问本站内容。"
                 "如果无法完成，请刷新页面重新获取。</p></div></body></html>", encoding="utf-8")
    with pytest.raises(ReadError) as e:
        read_path(p)
    assert e.value.reason is ErrorReason.NOT_A_DOCUMENT and "challenge" in e.value.detail


def test_pdf_with_unreadable_font_map(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    for _ in range(20):
        pdf.cell(0, 8, '!"#$%&()*+,- ./0123 <=>?@ []^_', new_x="LMARGIN", new_y="NEXT")
    p = tmp_path / "font.pdf"
    pdf.output(str(p))
    with pytest.raises(ReadError) as e:
        read_path(p)
    assert e.value.reason is ErrorReason.DECODE_ERROR and "font map" in e.value.detail


def test_html_title_from_page_title_when_no_metadata(tmp_path):
    p = tmp_path / "n.html"
    body = "<p>" + "记者从市卫生健康委获悉，全市基层医疗卫生服务能力稳步提升。" * 5 + "</p>"
    p.write_text(f"<html><head><title>某市基层医疗卫生服务能力持续提升_新闻中心_某市人民政府网</title></head>"
                 f"<body><article>{body}</article></body></html>", encoding="utf-8")
    assert read_path(p).metadata["标题"].startswith("某市基层医疗卫生服务能力持续提升")


@pytest.mark.parametrize("head,top,expected", [
    # the page's table labels the site's public-information column as 标题; ArticleTitle names the notice
    ('<meta name="ArticleTitle" content="某市住房公积金管理中心关于调整贷款额度的通知">',
     "<table><tr><td>标题：</td><td>某市住房公积金管理中心政府信息公开</td></tr></table>",
     "某市住房公积金管理中心关于调整贷款额度的通知"),
    ('<meta property="og:title" content="某区关于发放老年人助餐补贴的通知">',
     "<table><tr><td>标题：</td><td>某区政务公开</td></tr></table>", "某区关于发放老年人助餐补贴的通知"),
    # the headline names a column; <title> names the guide before the site's name, glued on with a bare dash
    ("<title>政府信息公开指南-某市房产局</title>", "<h1>政府信息公开</h1>", "政府信息公开指南"),
    # a headline that names a document is kept whatever the title tags say
    ("<title>首页-某市人民政府门户网站</title>", "<h1>某市关于促进住房消费的若干措施</h1>", "某市关于促进住房消费的若干措施"),
])
def test_html_title_tags_name_the_document_when_the_headline_names_a_site(tmp_path, head, top, expected):
    p = tmp_path / "g.html"
    body = "<p>" + "为方便群众办事，现将有关事项说明如下，请各单位认真遵照执行。" * 5 + "</p>"
    p.write_text(f"<html><head>{head}</head><body>{top}<article>{body}</article></body></html>", encoding="utf-8")
    assert read_path(p).metadata["标题"] == expected


def cjk_pdf():
    """An FPDF with a CJK font loaded, or a skip where the machine has none (Debian fonts-wqy-microhei)."""
    import os

    from fpdf import FPDF

    font = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
    if not os.path.exists(font):
        pytest.skip("no CJK font to write the test PDF (Debian fonts-wqy-microhei)")
    pdf = FPDF()
    pdf.add_font("cjk", fname=font)
    return pdf


def test_two_column_pdf_reads_column_by_column(tmp_path):
    pdf = cjk_pdf()
    pdf.add_page()
    pdf.set_font("cjk", size=10)
    left = "左栏第一篇通知正文内容，各地要认真贯彻落实有关要求。" * 10
    right = "右栏第二篇决定正文内容，自发布之日起施行有关规定。" * 10
    pdf.set_xy(10, 20)
    pdf.multi_cell(85, 6, left)
    pdf.set_xy(110, 20)
    pdf.multi_cell(85, 6, right)
    p = tmp_path / "gazette.pdf"
    pdf.output(str(p))
    text = read_path(p).text.replace("\n", "")
    assert left in text and right in text


def test_markdown_is_read_as_written(tmp_path):
    text = "# 某市健康乡村条例\n\n## 第一章 总则\n\n第一条 为了推进健康乡村建设，制定本条例。\n"
    p = tmp_path / "law.md"
    p.write_text(text, encoding="utf-8")
    st = read_path(p)
    assert st.text == text and st.media_type == "text/markdown"


def test_gazette_pdf_splits_into_its_documents(tmp_path):
    from extractors.document import documents

    pdf = cjk_pdf()
    for title, body in [("某省人民政府关于调整最低工资标准的通知", "各市人民政府：经研究，决定调整全省最低工资标准。" * 12),
                        ("某省人民政府办公厅关于印发某省森林防火工作方案的通知", "各市人民政府：现将森林防火工作方案印发给你们。" * 12)]:
        pdf.add_page()
        pdf.set_font("cjk", size=16)
        pdf.cell(0, 10, title, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("cjk", size=11)
        pdf.multi_cell(0, 7, body)
        pdf.cell(0, 8, "某省人民政府", align="R", new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 8, "2024年3月1日", align="R", new_x="LMARGIN", new_y="NEXT")
    p = tmp_path / "gazette.pdf"
    pdf.output(str(p))
    docs = documents(read_path(p))
    assert [d.title for d in docs] == ["某省人民政府关于调整最低工资标准的通知", "某省人民政府办公厅关于印发某省森林防火工作方案的通知"]


def test_attachment_names_are_page_metadata(tmp_path):
    p = tmp_path / "a.html"
    body = "<p>" + "各县区人民政府：现将工作方案印发给你们，请认真贯彻落实。" * 4 + "</p>"
    p.write_text(f"<html><body><article><h1>某市人民政府办公室关于印发工作方案的通知</h1>{body}"
                 "<a href='/download?id=3'>某政办发〔2022〕167号.pdf</a></article></body></html>", encoding="utf-8")
    st = read_path(p)
    assert st.metadata["附件"] == "某政办发〔2022〕167号.pdf"
    from pipeline.process import extract_records
    (rec,) = extract_records(p)
    assert {(d["normalized"], d["role"]) for d in rec["doc_numbers"]} == {("某政办发〔2022〕167号", "own")}


def _fifo(p):
    import os
    os.mkfifo(p)


def _dangling(p):
    p.symlink_to(p.parent / "gone.txt")


def _looping(p):
    p.symlink_to(p)


def _dev_zero(p):
    p.symlink_to("/dev/zero")


@pytest.mark.parametrize("make,said", [
    (_fifo, "named pipe"),
    (_dev_zero, "character device"),
    (_dangling, "dangling symbolic link"),
    (_looping, "loops"),
    (lambda p: p.mkdir(), "a folder"),
])
def test_only_regular_files_are_read(tmp_path, make, said):
    """A FIFO or /dev/zero would block or read until memory runs out; a broken link has nothing to read: each is
    an error naming the file and what it is, given at once (an alarm fails the test if reading blocks)."""
    import signal

    p = tmp_path / "notice.txt"
    make(p)
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("reading blocked"))
    signal.alarm(20)
    try:
        with pytest.raises(ReadError) as e:
            read_path(p)
    finally:
        signal.alarm(0)
    assert e.value.reason is ErrorReason.READ_ERROR and said in e.value.detail
    assert e.value.source == str(p)


def test_folder_lists_what_it_cannot_read_and_does_not_follow_loops(tmp_path):
    import os

    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop.html").symlink_to(tmp_path / "loop.html")
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("y")
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # a folder loop
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    names = sorted(str(p.relative_to(tmp_path)) for p in expand_paths([tmp_path]))
    assert names == ["a.txt", "dangling.txt", "link.txt", "loop.html", "pipe.md", "sub/b.txt"]


def test_a_name_that_is_not_utf8_is_read_and_shown_decoded(tmp_path):
    import os

    from corpora.readers import source_name
    from pipeline.process import extract_records

    gbk = os.fsencode(tmp_path) + b"/" + "关于印发方案的通知.txt".encode("gbk")
    with open(gbk, "wb") as f:
        f.write(TEXT.encode("utf-8"))
    (path,) = expand_paths([tmp_path])
    with pytest.raises(UnicodeEncodeError):
        str(path).encode("utf-8")  # the path holds surrogate escapes
    assert source_name(path) == str(tmp_path / "关于印发方案的通知.txt")
    assert source_name(os.fsdecode(os.fsencode(tmp_path) + b"/\xff\xfe.txt")) == str(tmp_path) + "/\\xff\\xfe.txt"
    (rec,) = extract_records(path)
    assert rec["source"] == str(tmp_path / "关于印发方案的通知.txt") and not rec.get("error")
    rec["source"].encode("utf-8")


_DATED_PAGE = ("<html><head><meta charset='utf-8'><title>某某市人民政府办公室关于印发养老服务体系建设实施方案的通知</title></head>"
               "<body><div class='info'><span>{date}</span> <span>阅12.3W</span></div><div class='content'><p>"
               + "各区县人民政府，市政府各部门：现将养老服务体系建设实施方案印发给你们，请认真贯彻执行。" * 3
               + "</p></div></body></html>")


@pytest.mark.parametrize("date,expected", [
    ("2023年05月16日 17:14:25", "2023-05-16"),
    ("2021—03—17 14:57", "2021-03-17"),
    ("2022年02月08日 08:30", "2022-02-08"),
])
def test_html_publication_time_in_digits_is_read_without_loading_dateparser(tmp_path, date, expected):
    # the date stands only in the page's info line: trafilatura's date finder reads it; a fresh interpreter shows
    # that no dateparser (tens of MB of locale data) was loaded to read it
    import subprocess
    import sys

    p = tmp_path / "p.html"
    p.write_text(_DATED_PAGE.format(date=date), encoding="utf-8")
    code = ("import sys; from pathlib import Path; from corpora.readers import read_path\n"
            f"t = read_path(Path({str(p)!r}))\n"
            "print(t.metadata.get('发布日期'), 'dateparser' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [expected, "False"]


@pytest.mark.parametrize("body,expected", [
    ("到2027年，全市养老服务设施覆盖率达到95%以上。</p><p>某市民政局</p><p>2024年3月1日", None),  # a target's bare year
    ("到2027年，覆盖率达到95%以上。</p><p>© 2019 某市民政局", None),  # a copyright year
    ("到2027年，覆盖率达到95%以上。</p><p>发稿时间 2024-03-01 09:30", "2024-03-01"),  # printed with its day
])
def test_html_publication_date_is_a_date_the_page_prints(tmp_path, body, expected):
    # the page's header never claims a publication date made from a bare year (1 January of it)
    from corpora.readers import read_path

    p = tmp_path / "p.html"
    p.write_text("<html><head><meta charset='utf-8'><title>某市民政局关于加强养老服务设施建设的通知</title></head>"
                 "<body><h1>某市民政局关于加强养老服务设施建设的通知</h1><p>各县区民政局：现通知如下："
                 + body + "</p></body></html>", encoding="utf-8")
    assert read_path(p).metadata.get("发布日期") == expected


@pytest.mark.parametrize("string", [
    "2024年3月8日", "2024年03月08日 16:45", "2024年3月8日 9:05:07", "2020—11—13 10:40", "2020/11/13 10:40",
    "2020.11.13 10:40", "2024-3-8 10:40", "2024年 3月 8日", "2024 年 3 月 8 日 10:40", "2024年3月8日 10：40",
    "2024年02月30日 10:00", "2024年3月8日 25:00",  # impossible: no date either way
    "发布日期：2024年3月8日", "2024年3月8日发布", "二〇二四年三月八日", "3月8日", "2024年3月",  # dateparser reads none
    "March 8, 2024 10:40",  # Latin letters: dateparser itself
])
def test_html_date_strings_read_as_dateparser_reads_them(string):
    from corpora.readers import html

    assert html._external_date(string) == html._dateparser_date(string)
