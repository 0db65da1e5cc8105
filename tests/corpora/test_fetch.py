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


def fetcher(base: str = "http://127.0.0.1", **kw) -> Fetcher:
    return Fetcher(frozenset({base}), **{"allow_private": True, "delay_seconds": 0, **kw})


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
        Fetcher(frozenset({base}), delay_seconds=0).get(base + "/")
    assert fetcher(base).get(base + "/").status == 200


def test_redirect_to_another_host_is_refused_same_host_followed(base):
    with pytest.raises(FetchRefused, match="example.org"):
        fetcher(base).get(base + "/away")
    assert fetcher(base).get(base + "/here").url.endswith("/ok")


def test_size_limit(base):
    with pytest.raises(FetchRefused, match="larger than"):
        fetcher(base, max_bytes=1000).get(base + "/big")


def test_links_are_absolute_without_fragments(base):
    got = fetcher(base).get(base + "/")
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
    ('[[source]]\nname = "a"\nlist_urls = ["https://a.gov.cn/"]\ndetail_pattern = "x"\nallow_private = "false"\n',
     "allow_private: expected true or false"),
    ('[[source]]\nname = "a"\nlist_urls = ["https://a.gov.cn/"]\ndetail_pattern = "x"\nmax_pages = "10"\n',
     "max_pages: expected an integer"),
    ('[[source]]\nname = "a"\nlist_urls = ["https://a.gov.cn/"]\ndetail_pattern = "x"\nmax_bytes = true\n',
     "max_bytes: expected an integer"),
    ('[[source]]\nname = "a"\nlist_urls = ["https://a.gov.cn/"]\ndetail_pattern = "x"\ntimeout_seconds = -1\n',
     "timeout_seconds: -1 is outside"),
    ('[[source]]\nname = "a"\nlist_urls = "https://a.gov.cn/"\ndetail_pattern = "x"\n', "list_urls: expected a list"),
    ('[[source]]\nname = "a"\nlist_urls = ["https://"]\ndetail_pattern = "x"\n', "not an http"),
    ('[[source]]\nname = "a"\nlist_urls = ["https://a.gov.cn/"]\ndetail_pattern = "x"\nextra_hosts = ["a\\nb"]\n',
     "control characters"),
    ('[[source]]\nname = "a\\u0007"\nlist_urls = ["https://a.gov.cn/"]\ndetail_pattern = "x"\n', "control characters"),
    ('[[source]]\nname = "a"\nlist_urls = ["https://a.gov.cn/"]\ndetail_pattern = "x"\nschedule = "every day"\n',
     "not a cron expression"),
    ('[[source]]\nname = "a"\nlist_urls = ["https://a.gov.cn/"]\n', "missing field detail_pattern"),
])
def test_bad_sources_file_names_file_and_source(tmp_path, body, message):
    p = tmp_path / "s.toml"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(SourceConfigError, match=message) as e:
        load_sources(p)
    assert str(p) in str(e.value) and "source " in str(e.value)


def test_a_bad_source_does_not_stop_the_others(tmp_path):
    from corpora.sources import load_sources_report

    p = tmp_path / "s.toml"
    p.write_text('[[source]]\nname = "bad"\nlist_urls = ["https://a.gov.cn/"]\ndetail_pattern = "x"\n'
                 'allow_private = "false"\n\n'
                 '[[source]]\nname = "good"\nlist_urls = ["https://b.gov.cn:8443/list"]\ndetail_pattern = "x"\n'
                 'allow_private = false\nextra_hosts = ["files.b.gov.cn"]\n', encoding="utf-8")
    sources, problems = load_sources_report(p)
    assert [s.name for s in sources] == ["good"]
    assert problems == [f"{p}: source 'bad': allow_private: expected true or false (without quotes), got str 'false'"]
    assert sources[0].origins == ("https://b.gov.cn:8443", "files.b.gov.cn")


def test_example_sources_file_loads():
    from tests.conftest import ROOT
    assert [s.name for s in load_sources(ROOT / "sources.example.toml")] == ["jinan-health-notices"]
