"""The fetcher's safety rules, against a real local HTTP server."""
from __future__ import annotations

import http.server
import threading

import pytest

from corpora.fetch import Fetcher, FetchRefused, page_links
from corpora.sources import SourceConfigError, load_sources


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def do_GET(self):
        if self.path == "/big":
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"x" * 5000)
        elif self.path == "/away":
            self.send_response(302)
            self.send_header("Location", "http://example.org/")
            self.end_headers()
        elif self.path == "/here":
            self.send_response(302)
            self.send_header("Location", "/ok")
            self.end_headers()
        else:
            self.send_response(200)
            self.send_header("Last-Modified", "Mon, 23 Nov 2026 00:00:00 GMT")
            self.end_headers()
            self.wfile.write("<a href='/a.html'>一</a><a href='b.pdf#p2'>附件</a><a href='javascript:void(0)'>x</a>".encode())


@pytest.fixture(scope="module")
def base():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def fetcher(**kw) -> Fetcher:
    return Fetcher(frozenset({"127.0.0.1"}), **{"allow_private": True, "delay_seconds": 0, **kw})


@pytest.mark.parametrize("url,reason", [
    ("file:///etc/passwd", "scheme"),
    ("ftp://127.0.0.1/x", "scheme"),
    ("http://example.org/x", "not one of this source's hosts"),
    ("http://169.254.169.254/latest", "not one of this source's hosts"),
])
def test_refused_urls(url, reason):
    with pytest.raises(FetchRefused, match=reason):
        fetcher().get(url)


def test_private_address_refused_unless_the_source_lives_there(base):
    with pytest.raises(FetchRefused, match="private or loopback"):
        Fetcher(frozenset({"127.0.0.1"}), delay_seconds=0).get(base + "/")
    assert fetcher().get(base + "/").status == 200


def test_redirect_to_another_host_is_refused_same_host_followed(base):
    with pytest.raises(FetchRefused, match="example.org"):
        fetcher().get(base + "/away")
    assert fetcher().get(base + "/here").url.endswith("/ok")


def test_size_limit(base):
    with pytest.raises(FetchRefused, match="larger than"):
        fetcher(max_bytes=1000).get(base + "/big")


def test_links_are_absolute_without_fragments(base):
    got = fetcher().get(base + "/")
    assert [u for u, _ in page_links(got.content, got.url)] == [base + "/a.html", base + "/b.pdf"]


def test_sources_file(tmp_path):
    p = tmp_path / "s.toml"
    p.write_text('[[source]]\nname = "jinan-health"\nlist_urls = ["https://wjw.jinan.gov.cn/list.html"]\n'
                 'detail_pattern = "/art/"\nschedule = "0 6 * * *"\n', encoding="utf-8")
    (s,) = load_sources(p)
    assert s.hosts == {"wjw.jinan.gov.cn"} and s.schedule == "0 6 * * *"


@pytest.mark.parametrize("body,message", [
    ('[[source]]\nname = "../etc"\nlist_urls = ["https://a.gov.cn/"]\ndetail_pattern = "x"\n', "no paths"),
    ('[[source]]\nname = "a"\nlist_urls = ["file:///etc/passwd"]\ndetail_pattern = "x"\n', "not an http"),
    ('[[source]]\nname = "a"\nlist_urls = ["https://a.gov.cn/"]\ndetail_pattern = "("\n', "bad pattern"),
    ('[[source]]\nname = "a"\nlist_urls = ["https://a.gov.cn/"]\ndetail_pattern = "x"\nspeed = 3\n', "speed"),
])
def test_bad_sources_file_names_file_and_source(tmp_path, body, message):
    p = tmp_path / "s.toml"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(SourceConfigError, match=message) as e:
        load_sources(p)
    assert str(p) in str(e.value)


def test_example_sources_file_loads():
    from tests.conftest import ROOT
    assert [s.name for s in load_sources(ROOT / "sources.example.toml")] == ["jinan-health-notices"]
