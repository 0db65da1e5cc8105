"""Servers that stall, reset or answer garbage: a clear error naming the URL, never a hang or a crash."""
from __future__ import annotations

import socket
import struct
import threading
import time

import pytest

from corpora.fetch import Fetcher, FetchRefused, TransientFetchError


def serve(behaviour):
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    stop = threading.Event()

    def loop():
        srv.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = srv.accept()
            except OSError:
                continue
            threading.Thread(target=behaviour, args=(conn, stop), daemon=True).start()

    threading.Thread(target=loop, daemon=True).start()
    return srv, stop


def stall(conn, stop):
    conn.recv(4096)
    stop.wait(10)
    conn.close()


def reset(conn, stop):
    conn.recv(4096)
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


def garbage(conn, stop):
    conn.recv(4096)
    conn.sendall(b"\x00\xff\x13garbage that is not HTTP\r\n\r\n" * 20)
    conn.close()


@pytest.mark.parametrize("behaviour,kind", [(stall, "Timeout"), (reset, ""), (garbage, "")])
def test_bad_servers(behaviour, kind):
    srv, stop = serve(behaviour)
    url = f"http://127.0.0.1:{srv.getsockname()[1]}/notice.html"
    f = Fetcher(frozenset({url}), allow_private=True, delay_seconds=0, timeout_seconds=1.0)
    t0 = time.monotonic()
    try:
        with pytest.raises(TransientFetchError) as e:
            f.get(url)
        assert url in str(e.value) and kind in str(e.value)
        assert time.monotonic() - t0 < 8
    finally:
        stop.set()
        srv.close()


def answer(head: bytes, body_parts=(), pause: float = 0.0):
    """A server behaviour: read the request, send `head`, then each body part (pausing between them)."""
    def behaviour(conn, stop):
        conn.recv(65536)
        try:
            conn.sendall(head)
            for part in body_parts:
                if stop.is_set():
                    break
                conn.sendall(part)
                time.sleep(pause)
        except OSError:
            pass
        conn.close()
    return behaviour


def _gzip(data: bytes) -> bytes:
    import gzip
    return gzip.compress(data, 9)


def test_double_gzip_is_counted_against_max_bytes_as_it_is_decoded():
    """A few KB that inflate to 200 MB through two gzip layers: refused once the decoded bytes pass max_bytes,
    without ever holding the inflated body."""
    import tracemalloc

    body = _gzip(_gzip(b"\0" * (200 << 20)))
    assert len(body) < 100_000
    head = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip, gzip\r\nContent-Length: %d\r\n\r\n" % len(body)
    srv, stop = serve(answer(head, [body]))
    url = f"http://127.0.0.1:{srv.getsockname()[1]}/bomb.html"
    f = Fetcher(frozenset({url}), allow_private=True, delay_seconds=0, max_bytes=1_000_000, timeout_seconds=10)
    tracemalloc.start()
    try:
        with pytest.raises(FetchRefused, match="larger than 1000000 bytes once decoded"):
            f.get(url)
        assert tracemalloc.get_traced_memory()[1] < 20_000_000
    finally:
        tracemalloc.stop()
        stop.set()
        srv.close()


def test_layers_of_encoding_decode_when_within_the_limit():
    data = "<html><body>通知</body></html>".encode() * 100
    body = _gzip(_gzip(data))
    head = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip, gzip\r\nContent-Length: %d\r\n\r\n" % len(body)
    srv, stop = serve(answer(head, [body]))
    url = f"http://127.0.0.1:{srv.getsockname()[1]}/ok.html"
    try:
        got = Fetcher(frozenset({url}), allow_private=True, delay_seconds=0).get(url)
        assert got.content == data
    finally:
        stop.set()
        srv.close()


def test_a_server_dripping_one_byte_at_a_time_meets_an_overall_deadline():
    head = b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n"
    srv, stop = serve(answer(head, [b"x"] * 100_000, pause=0.1))
    url = f"http://127.0.0.1:{srv.getsockname()[1]}/slow.html"
    f = Fetcher(frozenset({url}), allow_private=True, delay_seconds=0, timeout_seconds=1.0)
    t0 = time.monotonic()
    try:
        with pytest.raises(TransientFetchError, match="no complete answer within 1 s"):
            f.get(url)
        assert time.monotonic() - t0 < 8
    finally:
        stop.set()
        srv.close()


def drip(data: bytes, pause: float, then: bytes = b""):
    """A server behaviour: read the request, send `data` one byte at a time with `pause` between bytes, then
    `then` at once."""
    def behaviour(conn, stop):
        conn.recv(65536)
        try:
            for i in range(len(data)):
                if stop.is_set():
                    break
                conn.sendall(data[i:i + 1])
                time.sleep(pause)
            conn.sendall(then)
        except OSError:
            pass
        conn.close()
    return behaviour


# a head whose status line or headers come one byte a second: each read gets its byte well within the per-read
# timeout (2 s), so only the request's overall deadline can stop it
SLOW_HEADERS = b"X-Padding: " + b"a" * 120 + b"\r\n"
HEADER_DRIPS = {
    "status line": (b"HTTP/1.1 200 OK" + b" " * 120, b"\r\nContent-Length: 2\r\n\r\nok"),
    "headers": (b"HTTP/1.1 200 OK\r\n" + SLOW_HEADERS, b"Content-Length: 2\r\n\r\nok"),
    "redirect headers": (b"HTTP/1.1 302 Found\r\n" + SLOW_HEADERS, b"Location: /next.html\r\n\r\n"),
}


@pytest.mark.parametrize("part", HEADER_DRIPS)
def test_a_server_dripping_its_headers_one_byte_a_second_meets_the_overall_deadline(part):
    """Status line and headers sent one byte a second (about two minutes in all): the fetch ends at its overall
    deadline with an error naming the URL and the deadline, not when the server is done."""
    head, rest = HEADER_DRIPS[part]
    srv, stop = serve(drip(head, 1.0, rest))
    url = f"http://127.0.0.1:{srv.getsockname()[1]}/slow.html"
    f = Fetcher(frozenset({url}), allow_private=True, delay_seconds=0, timeout_seconds=2.0)
    t0 = time.monotonic()
    try:
        with pytest.raises(TransientFetchError, match="no complete answer within 2 s") as e:
            f.get(url)
        assert url in str(e.value)
        assert time.monotonic() - t0 < 10
    finally:
        stop.set()
        srv.close()


def test_the_deadline_is_per_request_not_per_fetcher():
    """A fetcher whose last request ran into its deadline fetches the next URL normally (a fresh deadline, and
    no expired deadline left on the thread for requests made without the fetcher)."""
    srv, stop = serve(drip(b"HTTP/1.1 200 OK\r\n" + SLOW_HEADERS, 1.0, b"Content-Length: 2\r\n\r\nok"))
    good, good_stop = serve(answer(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"))
    slow_url = f"http://127.0.0.1:{srv.getsockname()[1]}/slow.html"
    good_url = f"http://127.0.0.1:{good.getsockname()[1]}/ok.html"
    f = Fetcher(frozenset({slow_url, good_url}), allow_private=True, delay_seconds=0, timeout_seconds=1.5)
    try:
        with pytest.raises(TransientFetchError):
            f.get(slow_url)
        assert f.get(good_url).content == b"ok"
        import httpx
        assert httpx.get(good_url, trust_env=False).content == b"ok"
    finally:
        stop.set()
        good_stop.set()
        srv.close()
        good.close()


def test_dns_rebinding_connects_to_the_address_that_was_checked(monkeypatch):
    """The name resolves to 127.0.0.1 when checked and to 127.0.0.2 afterwards: the request goes to the first,
    with the name in the Host header."""
    seen = {}

    def who(label):
        def behaviour(conn, stop):
            seen[label] = conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(label), label))
            conn.close()
        return behaviour

    stop = threading.Event()

    def listen(address, port, label):
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((address, port))
        sock.listen(8)

        def loop():
            sock.settimeout(0.2)
            while not stop.is_set():
                try:
                    conn, _ = sock.accept()
                except OSError:
                    continue
                who(label)(conn, stop)

        threading.Thread(target=loop, daemon=True).start()
        return sock

    rebound = listen("127.0.0.2", 0, b"rebound")
    port = rebound.getsockname()[1]
    checked = listen("127.0.0.1", port, b"checked")
    answers = iter(["127.0.0.1"] + ["127.0.0.2"] * 10)
    real = socket.getaddrinfo

    def fake(host, *a, **kw):
        if host == "rebind.test":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]
        return real(host, *a, **kw)

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    url = f"http://rebind.test:{port}/notice.html"
    try:
        got = Fetcher(frozenset({url}), allow_private=True, delay_seconds=0, timeout_seconds=5).get(url)
        assert got.content == b"checked" and got.url == url
        assert f"host: rebind.test:{port}".encode() in seen[b"checked"].lower()
    finally:
        stop.set()
        checked.close()
        rebound.close()


@pytest.mark.parametrize("address,public", [
    ("100.64.0.1", False), ("100.100.100.200", False),  # carrier-grade NAT, where cloud metadata services live
    ("fec0::1", False),  # IPv6 site-local
    ("::ffff:127.0.0.1", False), ("::ffff:10.0.0.1", False),  # IPv4-mapped
    ("127.0.0.1", False), ("10.1.2.3", False), ("169.254.169.254", False), ("fd00::1", False), ("224.0.0.1", False),
    ("0.0.0.0", False), ("192.0.2.1", False),
    ("8.8.8.8", True), ("2001:4860:4860::8888", True),
])
def test_only_global_addresses_are_fetched(address, public):
    import ipaddress

    from corpora.fetch import is_public

    assert is_public(ipaddress.ip_address(address)) is public
    host = f"[{address}]" if ":" in address else address
    url = f"http://{host}/x.html"
    if not public:
        with pytest.raises(FetchRefused, match="not a public address"):
            Fetcher(frozenset({url}), delay_seconds=0).check(url)


def test_origins_are_scoped_by_scheme_host_and_port():
    f = Fetcher(frozenset({"http://127.0.0.1:8080/list.html", "files.example.org"}), allow_private=True, delay_seconds=0)
    f.check("http://127.0.0.1:8080/other.html")
    for url in ("http://127.0.0.1:6379/", "https://127.0.0.1:8080/", "http://files.example.org:8080/a.pdf"):
        with pytest.raises(FetchRefused, match="origins"):
            f.check(url)
