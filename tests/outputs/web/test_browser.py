"""`policy serve` started for real on the sample store and driven in headless Chromium: filter by a region,
open a commitment, see its evidence highlighted, export CSV; a screenshot is saved."""
from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.pipeline.test_schedule import free_port


@pytest.fixture(scope="module")
def server(sample_store, tmp_path_factory):
    yield from serving(sample_store, tmp_path_factory.mktemp("serve") / "serve.log")


def serving(db: Path, log: Path):
    """`policy serve --db DB` on a free port until the generator is closed; yields its base URL."""
    port = free_port()
    exe = Path(sys.executable).parent / "policy"
    proc = subprocess.Popen([str(exe), "serve", "--db", str(db), "--port", str(port)],
                            stdout=open(log, "wb"), stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/commitments", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.3)
    else:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("policy serve did not answer: " + log.read_text()[-2000:])
    yield base
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=20)


def screenshot_dir(tmp_path: Path) -> Path:
    d = Path(os.environ.get("POLICY_SCREENSHOTS", tmp_path))
    d.mkdir(parents=True, exist_ok=True)
    return d


def test_filter_open_highlight_export(server, browser, tmp_path):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{server}/commitments")
    everything = int(page.locator("#total").inner_text().split()[1])

    # filter: the province from the region facet, then a city inside it
    page.locator('[data-facet="region"] a', has_text="山东省").click()
    page.locator('[data-facet="region"] a', has_text="淄博市").click()
    assert "region=370300" in page.url
    shown = int(page.locator("#total").inner_text().split()[1])
    assert 0 < shown < everything
    cells = page.locator("#results tbody tr td:first-child").all_inner_texts()
    assert set(cells) == {"淄博市"}
    screenshots = screenshot_dir(tmp_path)
    page.screenshot(path=str(screenshots / "commitments-zibo.png"), full_page=True)

    # export what the filter shows
    with page.expect_download() as download:
        page.locator("#export-csv").click()
    data = Path(download.value.path()).read_bytes()
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == shown and {r["地区"] for r in rows} == {"淄博市"}

    # open a commitment: its document, with the evidence highlighted and scrolled to
    first = page.locator("a.evidence").first
    sentence = first.inner_text().strip()
    first.click()
    page.wait_for_url("**/documents/**")
    mark = page.locator("#doctext mark.current")
    assert mark.count() >= 1
    assert mark.first.is_visible()
    highlighted = "".join(mark.all_inner_texts())
    assert highlighted.replace("\n", "") in sentence.replace("\n", "") and len(highlighted) >= len(sentence) // 2
    color = mark.first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert color not in ("rgba(0, 0, 0, 0)", "transparent")
    shot = screenshots / "document-evidence.png"
    page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    # search in Chinese from the header box
    page.goto(f"{server}/commitments")
    page.locator('input[name="q"]').fill("养老")
    page.locator('input[name="q"]').press("Enter")
    page.wait_for_url("**q=**")
    assert page.locator("#results mark.hit").count() >= 1
    context.close()


def test_citations_chain_and_followups_in_the_browser(server, browser, tmp_path):
    page = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN").new_page()
    # 目标完成情况: filter to the targets not met, then open the report behind one
    page.goto(f"{server}/followups")
    page.locator('[data-facet="status"] a', has_text="未完成").click()
    assert "status=not+met" in page.url or "status=not%20met" in page.url
    rows = page.locator("#results tbody tr")
    assert rows.count() == 1 and "71%" in rows.first.inner_text() and "未完成" in rows.first.inner_text()
    page.locator("#results a.report").first.click()
    assert "工作总结" in page.locator("h1").inner_text()
    # the city opinion: it cites the province plan (linked), the county notice cites it; the chain has three levels
    page.goto(f"{server}/documents?q=洛阳市人民政府办公室")
    page.locator("#results a", has_text="实施意见").first.click()
    assert "贯彻落实" in page.locator("#cites").inner_text()
    assert page.locator("#cites a", has_text="河南省人民政府办公厅").count() == 1
    assert page.locator("#cited-by a", has_text="洛宁县").count() == 1
    page.locator("#chain-link").click()
    levels = page.locator("#chain li")
    assert levels.count() == 3
    assert "河南省" in levels.nth(0).inner_text() and "洛宁县" in levels.nth(2).inner_text()
    page.screenshot(path=str(screenshot_dir(tmp_path) / "chain.png"), full_page=True)


@pytest.mark.parametrize("query", ["all=1", "indicator=none"])
def test_rows_without_an_indicator_key_are_labelled_unclassified(server, browser, query):
    """显示全部 and （未归类）: a row without a key says （未归类） in 指标, its phrase as written greyed beside it;
    a keyed row shows its key's label, never （未归类）."""
    page = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN").new_page()
    page.goto(f"{server}/commitments?{query}")
    cells = page.locator("#results tbody td.indicator")
    assert cells.count() > 0
    unkeyed = page.locator("#results tbody td.indicator:has(.unkeyed)")
    assert unkeyed.count() > 0
    if query == "indicator=none":
        assert unkeyed.count() == cells.count()
    for i in range(min(unkeyed.count(), 20)):
        cell = unkeyed.nth(i)
        assert cell.locator(".unkeyed").inner_text() == "（未归类）"
        phrase = cell.locator(".muted")
        if phrase.count():  # the phrase is context, greyed, not the label
            assert phrase.inner_text().strip() and phrase.evaluate("e => getComputedStyle(e).color") != \
                cell.locator(".unkeyed").evaluate("e => getComputedStyle(e).color")
    keyed = page.locator("#results tbody td.indicator:not(:has(.unkeyed))")
    if query == "all=1":
        assert keyed.count() > 0 and "（未归类）" not in " ".join(keyed.all_inner_texts())


@pytest.mark.parametrize("path", ["/commitments", "/documents", "/errors"])
def test_usable_on_a_phone_390_px_wide(server, browser, tmp_path, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, locale="zh-CN")
    page = context.new_page()
    page.goto(f"{server}{path}")
    # nothing wider than the screen: no sideways scrolling
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    rows = page.locator("table#results tbody tr")
    assert rows.count() >= 1
    first = rows.first.bounding_box()
    assert first["x"] >= 0 and first["x"] + first["width"] <= 390
    if path != "/errors":
        # the filter column is folded: the table comes first on screen, the facets open on a tap
        facet_link = page.locator('[data-facet="region"] a').first
        assert not facet_link.is_visible()
        assert rows.first.bounding_box()["y"] < 844
        page.locator("details.filters > summary").tap()
        assert facet_link.is_visible()
        # each cell names its column, since the header row is hidden
        assert page.locator("table#results thead").is_hidden()
        label = rows.first.locator("td").first.evaluate("td => getComputedStyle(td, '::before').content")
        assert label.strip('"').startswith(("地区", "标题"))
        # a filter still works from the folded panel
        facet_link.tap()
        page.wait_for_url("**region=**")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(screenshot_dir(tmp_path) / f"phone{path.replace('/', '-')}.png"), full_page=False)
    context.close()


@pytest.fixture(scope="module")
def copies_server(tmp_path_factory):
    """A store where one notice is kept in three files (UTF-8, GBK, UTF-16) and a page holds three notices, the
    second of them also published alone: each document is stored once, the other files as its copies."""
    from pipeline.process import store_files
    from tests.conftest import SAMPLES as samples

    d = tmp_path_factory.mktemp("copies")
    notice = (samples / "shandong_village_doctor_notice.txt").read_text(encoding="utf-8")
    for name, encoding in (("notice.txt", "utf-8"), ("notice_gbk.txt", "gbk"), ("notice_utf16.txt", "utf-16")):
        (d / name).write_text(notice, encoding=encoding)
    page = (samples / "compilation_three_documents.txt").read_text(encoding="utf-8")
    (d / "page.txt").write_text(page, encoding="utf-8")
    second = page.index("德州市教育局")
    (d / "second_alone.txt").write_text(page[second:page.index("枣庄市")], encoding="utf-8")
    db = store_files([d / n for n in ("notice.txt", "notice_gbk.txt", "notice_utf16.txt", "second_alone.txt", "page.txt")],
                     d / "policy.sqlite")
    yield from serving(db, d / "serve.log")


def test_a_document_lists_the_other_files_giving_it_and_the_list_shows_every_file(copies_server, browser, tmp_path):
    """文件 lists each document once with every file giving it (副本：…); a document's page names the other files
    under 其他来源; a search finds the document however many files give it."""
    page = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN").new_page()
    page.goto(f"{copies_server}/documents")
    assert page.locator("#total").inner_text() == "共 4 份文件"
    files = " ".join(page.locator("#results td.files").all_inner_texts())
    for name in ("notice.txt", "副本：notice_gbk.txt", "副本：notice_utf16.txt", "second_alone.txt", "副本：page.txt",
                 "page.txt"):
        assert name in files
    row = page.locator("#results tbody tr", has=page.locator("td.files", has_text="notice_gbk.txt"))
    assert row.count() == 1 and row.locator("td.files .copy").count() == 2
    row.locator("a").first.click()
    copies = page.locator("#copies")
    assert "还见于 2 个文件" in copies.inner_text()
    assert [t.rsplit("/", 1)[-1] for t in copies.locator("li").all_inner_texts()] == ["notice_gbk.txt", "notice_utf16.txt"]
    assert page.locator("#doctext mark.ev").count() > 0  # its evidence still marked in its text
    page.screenshot(path=str(screenshot_dir(tmp_path) / "copies.png"), full_page=True)
    page.goto(f"{copies_server}/documents")
    page.locator("#results tbody tr", has=page.locator("td.files", has_text="second_alone.txt")).locator("a").first.click()
    assert page.locator("#copies li").all_inner_texts()[0].endswith("page.txt")
    page.goto(f"{copies_server}/documents")
    other = page.locator("#results tbody tr", has=page.locator("td.files", has_text="page.txt"),
                         has_not=page.locator(".copy"))
    assert other.count() == 2  # the page's own two notices: no copies section on their pages
    other.first.locator("a").first.click()
    assert page.locator("#copies").count() == 0
