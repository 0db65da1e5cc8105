"""`ingest` against a real HTTP server serving a small government-style site."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
import time

import pytest
from prefect.testing.utilities import prefect_test_harness

from corpora.sources import Source
from outputs.store import Store
from pipeline.flows import ingest_flow


@pytest.fixture(scope="module", autouse=True)
def prefect_backend():
    with prefect_test_harness(server_startup_timeout=120):
        yield


BODY = "各县（市、区）人民政府：现将有关事项通知如下。到2025年底，全市家庭医生签约服务覆盖率达到75%以上。请认真贯彻执行。"


def page(title: str, extra: str = "") -> str:
    return (f"<html><head><meta charset='{{cs}}'><title>{title}</title></head><body><div class='nav'>首页 政务公开</div>"
            f"<article><h1>{title}</h1><p>{BODY}</p><p>某市卫生健康委员会</p><p>2024年3月18日</p>{extra}</article>"
            "<div class='footer'>鲁ICP备05001234号</div></body></html>")


@pytest.fixture
def site(tmp_path, samples):
    root = tmp_path / "site"
    (root / "art").mkdir(parents=True)
    (root / "files").mkdir()
    (root / "list_1.html").write_text(
        "<html><body><a href='art/1.html'>一</a><a href='art/2.html'>二</a><a href='list_2.html'>下一页</a></body></html>")
    (root / "list_2.html").write_text(
        "<html><body><a href='art/3.html'>三</a><a href='art/missing.html'>丢失</a>"
        "<a href='http://127.0.0.1:9/art/4.html'>坏链接</a><a href='http://example.org/art/5.html'>外站</a></body></html>")
    (root / "art" / "1.html").write_text(page("某市卫生健康委员会关于做好家庭医生签约服务工作的通知").replace("{cs}", "utf-8")
                                         .replace("</article>", "<a href='../files/plan.pdf'>附件.pdf</a><a href='../files/rules.docx'>细则.docx</a></article>"),
                                         encoding="utf-8")
    (root / "art" / "2.html").write_text(page("某市民政局关于提高养老服务补贴标准的通知").replace("{cs}", "utf-8"), encoding="utf-8")
    (root / "art" / "3.html").write_bytes(page("某市财政局关于下达基层医疗卫生补助资金的通知").replace("{cs}", "gbk").encode("gbk"))
    shutil.copy(samples / "zibo_county_health_plan.pdf", root / "files" / "plan.pdf")
    import docx
    d = docx.Document()
    d.add_paragraph("某市人民政府办公室关于印发实施细则的通知")
    d.add_paragraph("对新建村卫生室每所给予一次性补助5万元。")
    d.save(root / "files" / "rules.docx")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    http.server.SimpleHTTPRequestHandler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def source(base: str) -> Source:
    return Source(name="test-site", list_urls=(f"{base}/list_1.html",), detail_pattern=r"/art/[^/]+\.html$",
                  next_pattern=r"/list_\d+\.html$", delay_seconds=0, allow_private=True, region="370300",
                  )


def test_ingest_stores_each_document_once_and_then_only_what_changed(site, tmp_path, monkeypatch):
    root, base = site
    out = tmp_path / "out"
    first = ingest_flow([source(base)], str(out))
    (scan,) = first["scans"]
    assert scan["list_pages"] == 2 and scan["new_documents"] == 5  # three pages, a PDF and a DOCX
    with Store(out / "policy.sqlite") as st:
        docs = st.table("documents")
        assert sorted(docs["source"].str.rsplit("/", n=1).str[-1]) == ["1.html", "2.html", "3.html", "plan.pdf", "rules.docx"]
        gbk = docs[docs["source"].str.endswith("3.html")].iloc[0]
        assert gbk["title"] == "某市财政局关于下达基层医疗卫生补助资金的通知"
        errors = st.table("errors")
        reasons = dict(zip(errors["source"].str.rsplit("/", n=1).str[-1], errors["detail"]))
        assert "HTTP 404" in reasons["missing.html"]
        assert "not one of this source's origins" in reasons["4.html"]  # another port of the same host
        assert "not one of this source's hosts" in reasons["5.html"]  # another host is never contacted
        assert len(st.table("provenance")) == 5 and len(list((out / "raw").rglob("*.*"))) >= 5
    second = ingest_flow([source(base)], str(out))
    (scan2,) = second["scans"]
    assert scan2["new_documents"] == 0 and scan2["not_modified"] >= 5
    assert second["documents"] == first["documents"]
    time.sleep(1.1)  # Last-Modified has one-second resolution
    p = root / "art" / "2.html"
    p.write_text(page("某市民政局关于再次提高养老服务补贴标准的通知").replace("{cs}", "utf-8"), encoding="utf-8")
    os.utime(p)
    third = ingest_flow([source(base)], str(out))
    (scan3,) = third["scans"]
    assert scan3["new_documents"] == 1
    with Store(out / "policy.sqlite") as st:
        titles = set(st.table("documents")["title"])
    assert "某市民政局关于再次提高养老服务补贴标准的通知" in titles and "某市民政局关于提高养老服务补贴标准的通知" not in titles
    # a new extractor version re-extracts what is stored, from the kept bytes of unchanged pages
    import pipeline.flows as flows
    import pipeline.process as process
    for mod in (flows, process):
        monkeypatch.setattr(mod, "extractor_version", lambda: "a-newer-version")
    ingest_flow([source(base)], str(out))
    with Store(out / "policy.sqlite") as st:
        assert set(st.table("documents")["extractor_version"]) == {"a-newer-version"}
        assert len(st.table("documents")) == third["documents"]


def test_ingest_keys_its_extraction_cache_by_the_kept_copys_hash_without_hashing_it_again(site, tmp_path, monkeypatch):
    import hashlib

    from prefect.settings import PREFECT_RESULTS_LOCAL_STORAGE_PATH, temporary_settings

    from pipeline.flows import cache_key

    digests = []
    real = hashlib.file_digest
    monkeypatch.setattr(hashlib, "file_digest", lambda f, *a, **k: digests.append(f.name) or real(f, *a, **k))
    root, base = site
    out = tmp_path / "out"
    with temporary_settings(updates={PREFECT_RESULTS_LOCAL_STORAGE_PATH: str(tmp_path / "results")}):
        (scan,) = ingest_flow([source(base)], str(out))["scans"]
    assert scan["new_documents"] == 5 and digests == []
    with Store(out / "policy.sqlite") as st:
        keys = {cache_key(sha, st.raw_path(sha).suffix) for sha in st.table("provenance")["raw_sha256"]}
    assert len(keys) == 5 and keys <= {p.name for p in (tmp_path / "results").iterdir()}


def _config(path, base: str, allow_private: bool, list_page: str = "list_1.html"):
    path.write_text(f'[[source]]\nname = "test-site"\nlist_urls = ["{base}/{list_page}"]\n'
                    f'detail_pattern = "/art/[^/]+\\\\.html$"\nnext_pattern = "/list_\\\\d+\\\\.html$"\n'
                    f'delay_seconds = 0\nallow_private = {str(allow_private).lower()}\n', encoding="utf-8")
    return path


@pytest.mark.parametrize("allow_private, list_page, code, message", [
    (True, "list_1.html", 0, None),                        # some pages fail (a 404, a broken link): still 0
    (False, "list_1.html", 1, "allow_private = true"),     # loopback refused: the message names the setting
    (True, "no_such_list.html", 1, "could not read any list page of test-site"),
])
def test_ingest_exits_non_zero_when_a_source_could_not_be_read_at_all(site, tmp_path, allow_private, list_page, code, message):
    from typer.testing import CliRunner

    from pipeline.cli import app

    _, base = site
    config = _config(tmp_path / "sources.toml", base, allow_private, list_page)
    res = CliRunner().invoke(app, ["ingest", "--config", str(config), "--out", str(tmp_path / "out")])
    assert res.exit_code == code, res.output
    if message:
        assert message in res.output
        with Store(tmp_path / "out" / "policy.sqlite") as st:
            assert st.table("fetches")["error"].notna().all()


def test_odd_detail_suffixes_are_saved_and_opened_under_one_name_and_scans_are_capped(site, tmp_path):
    """Detail URLs ending `.html;jsessionid=…` and `.html_1` are stored as documents (not read errors), a list page
    of 20,000 links is scanned, and no more than `max_documents` detail pages are fetched in one scan."""
    root, base = site
    (root / "art" / "6.html;jsessionid=AB12CD").write_text(page("某市卫生健康委员会关于开展健康教育活动的通知")
                                                           .replace("{cs}", "utf-8"), encoding="utf-8")
    (root / "art" / "7.html_1").write_text(page("某市卫生健康委员会关于加强慢性病管理工作的通知")
                                           .replace("{cs}", "utf-8"), encoding="utf-8")
    odd = Source(name="odd", list_urls=(f"{base}/odd.html",), detail_pattern=r"/art/\d\.html[;_]", delay_seconds=0,
                 allow_private=True)
    (root / "odd.html").write_text("<html><body><a href='art/6.html;jsessionid=AB12CD'>六</a>"
                                   "<a href='art/7.html_1'>七</a></body></html>")
    out = tmp_path / "out"
    (scan,) = ingest_flow([odd], str(out))["scans"]
    assert scan["new_documents"] == 2 and scan["errors"] == 0
    with Store(out / "policy.sqlite") as st:
        assert len(st.table("documents")) == 2 and st.table("errors").empty
    many = "".join(f"<a href='art/x{i}.html'>{i}</a>" for i in range(20_000))
    (root / "many.html").write_text(f"<html><body>{many}</body></html>")
    capped = Source(name="many", list_urls=(f"{base}/many.html",), detail_pattern=r"/art/x\d+\.html$", delay_seconds=0,
                    allow_private=True, max_documents=3)
    (scan,) = ingest_flow([capped], str(tmp_path / "out2"))["scans"]
    assert scan["links"] == 20_000 and scan["fetched"] == 1 + 3  # the list page and three detail pages (all 404)


def test_a_failed_ingest_ends_with_its_own_message_not_a_prefect_logging_error(tmp_path):
    """`policy ingest` run as a user runs it (its own process, Prefect's temporary server) whose only list page cannot
    be fetched: Prefect's queued log lines are sent before the server stops, so the last line is the reason."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from tests.pipeline.test_schedule import free_port

    config = _config(tmp_path / "sources.toml", f"http://127.0.0.1:{free_port()}", True)  # nothing listens there
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "DO_NOT_TRACK": "1",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    res = subprocess.run([str(Path(sys.executable).parent / "policy"), "ingest", "--config", str(config), "--out",
                          str(tmp_path / "out")], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert res.returncode == 1
    assert "Error logging to API" not in res.stdout + res.stderr, res.stderr[-2000:]
    assert res.stderr.strip().splitlines()[-1].startswith("policy: could not read any list page of test-site")
