"""Fetching published pages and attachments politely and safely with httpx.

Only the hosts of a configured source are contacted; redirects are followed by hand so that each hop is
checked; file:// and other schemes, and private or loopback addresses (unless the source lives there),
are refused; bodies stop at a size limit; each host gets a delay between requests; ETag and
Last-Modified make repeat fetches conditional; every request meets one overall deadline, its headers included.
"""
from __future__ import annotations

import ipaddress
import socket
import threading
import time
import zlib
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpcore
import httpx

MAX_REDIRECTS = 5
MAX_ENCODINGS = 3  # Content-Encoding layers decoded at most


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


DEFAULT_PORTS = {"http": 80, "https": 443}
ENCODINGS = ("gzip", "x-gzip", "deflate", "identity")  # the Content-Encodings decoded (asked for: gzip, deflate)


def origin(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of a URL, the port defaulted by the scheme."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), parts.port or DEFAULT_PORTS.get(scheme, 0)


def origins_of(entries) -> frozenset[tuple[str, str, int]]:
    """Origins from URLs (`https://host:8443/...`: that scheme, host and port) and bare host names (that host
    on http port 80 and https port 443 only)."""
    out = set()
    for e in entries:
        if isinstance(e, tuple):
            out.add(e)
        elif "://" in e:
            out.add(origin(e))
        else:
            out |= {("http", e.lower(), 80), ("https", e.lower(), 443)}
    return frozenset(out)


def is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether an address is on the public internet: `is_global` (which refuses private, loopback, link-local,
    carrier-grade NAT 100.64.0.0/10 where cloud metadata services live, reserved and documentation ranges), not
    multicast and not IPv6 site-local (fec0::/10); an IPv4-mapped IPv6 address is judged as its IPv4 address."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return is_public(ip.ipv4_mapped)
        if ip.is_site_local:
            return False
    return ip.is_global and not ip.is_multicast


def resolve(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """The addresses of a host (a literal address as it is), or FetchRefused when it does not resolve."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as e:
        raise TransientFetchError(f"{host}: does not resolve ({e})") from e
    return list(dict.fromkeys(ipaddress.ip_address(i[4][0].split("%")[0]) for i in infos))


def _decoder(encoding: str):
    """A zlib decompressor for one Content-Encoding layer (deflate: zlib-wrapped, else raw)."""
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    return _Deflate()


class _Deflate:
    """`deflate` as servers send it: zlib-wrapped as the standard says, or raw as some servers do."""

    def __init__(self):
        self._d = None
        self.unconsumed_tail = b""

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        if self._d is None:
            self._d = zlib.decompressobj()
            try:
                out = self._d.decompress(data, max_length)
            except zlib.error:
                self._d = zlib.decompressobj(-zlib.MAX_WBITS)
                out = self._d.decompress(data, max_length)
        else:
            out = self._d.decompress(data, max_length)
        self.unconsumed_tail = self._d.unconsumed_tail
        return out


def decode_layers(chunks, encodings: list[str], limit: int, url: str):
    """Decode a body's Content-Encoding layers incrementally, in pieces of at most 64 KB, counting the bytes
    every layer puts out against `limit`: a body compressed twice (or more) cannot inflate beyond it."""
    decoders = [_decoder(e) for e in reversed(encodings) if e != "identity"]
    produced = [0] * len(decoders)

    def through(i: int, data: bytes):
        if i == len(decoders):
            yield data
            return
        d = decoders[i]
        while data:
            try:
                out = d.decompress(data, 1 << 16)
            except zlib.error as e:
                raise FetchRefused(f"{url}: the body is not valid {encodings[len(encodings) - 1 - i]} ({e})") from e
            produced[i] += len(out)
            if produced[i] > limit:
                raise FetchRefused(f"{url}: body larger than {limit} bytes once decoded (Content-Encoding "
                                   f"{', '.join(encodings)})")
            if out:
                yield from through(i + 1, out)
            data = d.unconsumed_tail
            if not out and not data:
                break

    for chunk in chunks:
        yield from through(0, chunk)


_deadline = threading.local()  # `.at`: the monotonic time the current thread's request must be done by


def _left(timeout: float | None) -> float | None:
    """A socket operation's timeout cut to what is left of this thread's request deadline (if any)."""
    at = getattr(_deadline, "at", None)
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the request's overall deadline has passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read, write and TLS handshake waits at most until the request's deadline: a server
    that drips its status line and headers a byte at a time is stopped there, not only one that stalls a read."""

    def __init__(self, stream: httpcore.NetworkStream):
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _left(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context, server_hostname: str | None = None, timeout: float | None = None):
        return _DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, _left(timeout)))

    def get_extra_info(self, info: str):
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's socket backend with `_DeadlineStream` connections."""

    def __init__(self):
        self._backend = httpcore.SyncBackend()

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        return _DeadlineStream(self._backend.connect_tcp(host, port, _left(timeout), local_address, socket_options))

    def connect_unix_socket(self, path, timeout=None, socket_options=None):
        return _DeadlineStream(self._backend.connect_unix_socket(path, _left(timeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _DeadlineTransport(httpx.HTTPTransport):
    """httpx's transport over a connection pool built with `_DeadlineBackend` (httpx does not take a network
    backend, so its pool is replaced by an equal one that has it; no proxies, as the fetcher uses none)."""

    def __init__(self):
        super().__init__(trust_env=False)
        limits = httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=5.0)
        self._pool.close()
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False), max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections, keepalive_expiry=limits.keepalive_expiry,
            network_backend=_DeadlineBackend())


class Fetcher:
    def __init__(self, hosts, allow_private: bool = False, delay_seconds: float = 1.0,
                 max_bytes: int = 30_000_000, timeout_seconds: float = 30.0, client: httpx.Client | None = None):
        """`hosts`: the origins this source may contact, as URLs (scheme, host and port count) or bare host names
        (that host on the default ports of http and https)."""
        self.origins = origins_of(hosts)
        self.hosts = frozenset(h for _, h, _ in self.origins)
        self.allow_private = allow_private
        self.delay = delay_seconds
        self.max_bytes = max_bytes
        self.timeout = timeout_seconds
        self.client = client or httpx.Client(timeout=timeout_seconds, follow_redirects=False, trust_env=False,
                                             transport=_DeadlineTransport(),
                                             headers={"User-Agent": "policy-pipeline (+research crawler)",
                                                      "Accept-Encoding": "gzip, deflate"})
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def check(self, url: str):
        """The address to connect to for `url`, resolved once and checked; FetchRefused when the URL may not be
        fetched. The connection goes to this address (the name is not resolved again), so a DNS answer that
        changes between the check and the request (rebinding) cannot reach an address that was not checked."""
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"}:
            raise FetchRefused(f"{url}: scheme {parts.scheme or '(none)'!r} is not fetched")
        scheme, host, port = origin(url)
        if (scheme, host, port) not in self.origins:
            if host not in self.hosts:
                raise FetchRefused(f"{url}: host {host!r} is not one of this source's hosts")
            raise FetchRefused(f"{url}: {scheme}://{host}:{port} is not one of this source's origins "
                               "(scheme, host and port)")
        addresses = resolve(host, port)
        if not self.allow_private:
            bad = [a for a in addresses if not is_public(a)]
            if bad:
                raise FetchRefused(f"{url}: {host} is a private or loopback address ({bad[0]}), not a public address; "
                                   "set allow_private = true on the source if it really lives there")
        return addresses[0]

    def _wait(self, host: str) -> float:
        """Sleep until this host may be asked again; returns the seconds slept."""
        with self._lock:
            now = time.monotonic()
            wait = self._last.get(host, 0.0) + self.delay - now
            self._last[host] = max(now, now + wait)
        if wait > 0:
            time.sleep(wait)
        return max(wait, 0.0)

    def _request(self, url: str, address, headers: dict):
        """A streamed GET of `url` sent to `address`: the URL's host stays in the Host header and in TLS (SNI and
        the certificate check)."""
        parts = urlsplit(url)
        scheme, host, port = origin(url)
        ip = f"[{address}]" if address.version == 6 else str(address)
        target = urlunsplit((scheme, f"{ip}:{port}", parts.path or "/", parts.query, ""))
        host_header = host if port == DEFAULT_PORTS[scheme] else f"{host}:{port}"
        request = self.client.build_request("GET", target, headers={**headers, "Host": host_header},
                                            extensions={"sni_hostname": host})
        return self.client.send(request, stream=True)

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        # one deadline for the whole request (connection, status line and headers, body, redirects), enforced on
        # every socket operation; the polite wait between requests to a host does not count against it
        deadline = time.monotonic() + self.timeout
        try:
            return self._get(url, headers, deadline)
        finally:
            _deadline.at = None

    def _get(self, url: str, headers: dict, deadline: float) -> Fetched:
        late = f"no complete answer within {self.timeout:g} s"
        for _ in range(MAX_REDIRECTS + 1):
            if time.monotonic() > deadline:
                raise TransientFetchError(f"{url}: {late}")
            address = self.check(url)
            deadline += self._wait(urlsplit(url).hostname or "")
            _deadline.at = deadline
            try:
                r = self._request(url, address, headers)
                try:
                    if r.status_code in (301, 302, 303, 307, 308) and r.headers.get("location"):
                        url = urljoin(url, r.headers.get("location", ""))
                        continue
                    body = bytearray()
                    if r.status_code == 200:
                        encodings = [e.strip().lower() for e in r.headers.get("content-encoding", "").split(",") if e.strip()]
                        unknown = [e for e in encodings if e not in ENCODINGS]
                        if unknown:
                            raise FetchRefused(f"{url}: Content-Encoding {', '.join(unknown)} is not decoded")
                        if len(encodings) > MAX_ENCODINGS:
                            raise FetchRefused(f"{url}: {len(encodings)} Content-Encoding layers (at most {MAX_ENCODINGS})")
                        for chunk in decode_layers(r.iter_raw(), encodings, self.max_bytes, url):
                            body += chunk
                            if len(body) > self.max_bytes:
                                raise FetchRefused(f"{url}: body larger than {self.max_bytes} bytes")
                            if time.monotonic() > deadline:
                                raise TransientFetchError(f"{url}: {late}")
                    return Fetched(url, r.status_code, bytes(body), r.headers.get("etag"),
                                   r.headers.get("last-modified"), r.headers.get("content-type"))
                finally:
                    r.close()
            except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as e:
                if isinstance(e, httpx.TimeoutException) and time.monotonic() >= deadline:
                    raise TransientFetchError(f"{url}: {late} ({type(e).__name__})") from e
                raise TransientFetchError(f"{url}: {type(e).__name__}: {e}") from e
        raise FetchRefused(f"{url}: more than {MAX_REDIRECTS} redirects")

    def close(self) -> None:
        self.client.close()


def page_links(content: bytes, base_url: str) -> list[tuple[str, str]]:
    """(absolute URL, link text) of every <a href> in an HTML page, in order, without fragments."""
    import lxml.html

    from corpora.readers.html import bound_markup
    from corpora.readers.text import decode

    try:
        html, _ = decode(content, base_url)
        root = lxml.html.fromstring(bound_markup(html))
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
