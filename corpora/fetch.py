"""Fetching published pages and attachments politely and safely with httpx.

Only the hosts of a configured source are contacted; redirects are followed by hand so that each hop is
checked; file:// and other schemes, and private or loopback addresses (unless the source lives there),
are refused; bodies stop at a size limit; each host gets a delay between requests; ETag and
Last-Modified make repeat fetches conditional.
"""
from __future__ import annotations

import ipaddress
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

MAX_REDIRECTS = 5


class FetchRefused(Exception):
    """A URL this source may not fetch, with the reason."""


class TransientFetchError(Exception):
    """A network failure worth retrying (connection reset, timeout); never raised for an HTTP status."""


@dataclass
class Fetched:
    url: str  # the final URL after redirects
    status: int
    content: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def _is_private(host: str) -> bool:
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror:
        return False  # unresolvable: the request itself will fail with a clear error
    for info in infos:
        ip = ipaddress.ip_address(info[4][0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast:
            return True
    return False


class Fetcher:
    def __init__(self, hosts: frozenset[str], allow_private: bool = False, delay_seconds: float = 1.0,
                 max_bytes: int = 30_000_000, timeout_seconds: float = 30.0, client: httpx.Client | None = None):
        self.hosts = hosts
        self.allow_private = allow_private
        self.delay = delay_seconds
        self.max_bytes = max_bytes
        self.client = client or httpx.Client(timeout=timeout_seconds, follow_redirects=False,
                                             headers={"User-Agent": "policy-pipeline (+research crawler)"})
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def check(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"}:
            raise FetchRefused(f"{url}: scheme {parts.scheme or '(none)'!r} is not fetched")
        host = parts.hostname or ""
        if host not in self.hosts:
            raise FetchRefused(f"{url}: host {host!r} is not one of this source's hosts")
        if not self.allow_private and _is_private(host):
            raise FetchRefused(f"{url}: {host} is a private or loopback address; set allow_private = true on the "
                               "source if it really lives there")

    def _wait(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            wait = self._last.get(host, 0.0) + self.delay - now
            self._last[host] = max(now, now + wait)
        if wait > 0:
            time.sleep(wait)

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for _ in range(MAX_REDIRECTS + 1):
            self.check(url)
            self._wait(urlsplit(url).hostname or "")
            try:
                with self.client.stream("GET", url, headers=headers) as r:
                    if r.status_code in (301, 302, 303, 307, 308) and r.headers.get("location"):
                        url = urljoin(url, r.headers.get("location", ""))
                        continue
                    body = bytearray()
                    if r.status_code == 200:
                        for chunk in r.iter_bytes():
                            body += chunk
                            if len(body) > self.max_bytes:
                                raise FetchRefused(f"{url}: body larger than {self.max_bytes} bytes")
                    return Fetched(str(r.url), r.status_code, bytes(body), r.headers.get("etag"),
                                   r.headers.get("last-modified"), r.headers.get("content-type"))
            except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as e:
                raise TransientFetchError(f"{url}: {type(e).__name__}: {e}") from e
        raise FetchRefused(f"{url}: more than {MAX_REDIRECTS} redirects")

    def close(self) -> None:
        self.client.close()


def page_links(content: bytes, base_url: str) -> list[tuple[str, str]]:
    """(absolute URL, link text) of every <a href> in an HTML page, in order, without fragments."""
    import lxml.html

    from corpora.readers.text import decode

    try:
        html, _ = decode(content, base_url)
        root = lxml.html.fromstring(html)
    except Exception:  # a page we cannot parse has no links to follow
        return []
    out, seen = [], set()
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        url = urljoin(base_url, href).split("#", 1)[0]
        if url not in seen:
            seen.add(url)
            out.append((url, (a.text_content() or "").strip()))
    return out
