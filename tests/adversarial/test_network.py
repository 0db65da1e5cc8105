"""Servers that stall, reset or answer garbage: a clear error naming the URL, never a hang or a crash."""
from __future__ import annotations

import socket
import struct
import threading
import time

import pytest

from corpora.fetch import Fetcher, TransientFetchError


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
    f = Fetcher(frozenset({"127.0.0.1"}), allow_private=True, delay_seconds=0, timeout_seconds=1.0)
    t0 = time.monotonic()
    try:
        with pytest.raises(TransientFetchError) as e:
            f.get(url)
        assert url in str(e.value) and kind in str(e.value)
        assert time.monotonic() - t0 < 8
    finally:
        stop.set()
        srv.close()
