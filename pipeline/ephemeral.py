"""Prefect's API for a run: the user's server when one is configured, else a temporary server started here as a
program of its own, which ends with the run (even a run killed with SIGKILL).

Prefect would start its temporary server from inside the flow's process, importing its server modules there
(about 165 MB before any work). Here the server is Prefect's own application (`prefect.server.api.server:
create_app` under uvicorn, as Prefect runs it, without the UI and the background services) in a separate
process on 127.0.0.1 and a free port; the run talks to it over HTTP like to any Prefect server and never
imports `prefect.server`. The server is started through this module (`python -m pipeline.ephemeral PARENT_PID
-m uvicorn ...`), which watches its parent from a thread and ends the server as soon as the parent is gone.

    with prefect_api(out_dir / "prefect-server.log") as url:
        process_flow(...)
"""
from __future__ import annotations

import contextlib
import os
import runpy
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

# how long the server may take to answer its health check (it creates or migrates its database first)
STARTUP_TIMEOUT_SECONDS = float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90"))
# what the server runs with: no UI, the services of an ephemeral server only (as Prefect's own temporary server)
SERVER_ENV = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1",
              # glibc gives each thread that allocates an arena of its own (the server's database connections run
              # in threads), and memory freed in one is not given back to the others: two arenas hold the
              # server's resident memory down at no cost in speed for a server of one run
              "MALLOC_ARENA_MAX": "2"}
# services of Prefect's ephemeral server that a server living for one run does not need, off unless the user
# set them: automations (triggers and their actions: none can be defined on a server that ends with the run)
# and the event persister (the event feed of Prefect's UI, which this server does not serve; task and flow runs
# are still recorded from the same events). About a fifth of the server's CPU over a run of the pool.
SERVER_ENV_DEFAULTS = {"PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED": "false",
                       "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_ENABLED": "false"}


# every this many seconds the server's heap gives its free pages back to the system
TRIM_SECONDS = 5.0


def _watch(parent: int, interval: float = 0.5) -> None:
    """End the server when its parent is gone; meanwhile give the heap's free pages back now and then (the
    server's requests allocate and free in several threads, and glibc keeps what they freed mapped)."""
    import ctypes
    import ctypes.util

    try:
        trim = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc
        trim = None
    last = time.monotonic()
    while os.getppid() == parent:
        time.sleep(interval)
        if trim is not None and time.monotonic() - last >= TRIM_SECONDS:
            trim(0)
            last = time.monotonic()
    os.kill(os.getpid(), signal.SIGTERM)  # uvicorn shuts down on SIGTERM
    time.sleep(10)
    os._exit(1)


def configured_api() -> str | None:
    """The API of a Prefect server the user configured (PREFECT_API_URL in the environment or the active
    Prefect profile), or None."""
    url = os.environ.get("PREFECT_API_URL")
    if url:
        return url
    from prefect.settings import get_current_settings

    return get_current_settings().api.url or None


def free_port(host: str = "127.0.0.1") -> int:
    import socket

    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def server_command(port: int, parent: int | None = None) -> list[str]:
    """The command line of a temporary server on 127.0.0.1:`port` that ends with the process `parent`."""
    import importlib.util

    app_dir = Path(importlib.util.find_spec("prefect").origin).parent.parent
    return [sys.executable, "-m", "pipeline.ephemeral", str(parent or os.getpid()), "-m", "uvicorn",
            "--app-dir", str(app_dir), "--factory", "prefect.server.api.server:create_app",
            "--host", "127.0.0.1", "--port", str(port), "--log-level", "error", "--lifespan", "on"]


def _healthy(url: str) -> bool:
    """Whether the temporary server (plain HTTP on the loopback) answers its health check. One small request with
    the standard library: an HTTP client library would build a TLS context for every poll (tens of ms of CPU
    each, taken from the server's own start while the run waits on it)."""
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=2)
    try:
        conn.request("GET", parts.path.rstrip("/") + "/health")
        return conn.getresponse().status == 200
    except (OSError, http.client.HTTPException):
        return False
    finally:
        conn.close()


def _tail(log: Path | None, n: int = 2000) -> str:
    if log is None:
        return ""
    try:
        return log.read_bytes()[-n:].decode("utf-8", "replace").strip()
    except OSError:
        return ""


class TemporaryServer:
    """Prefect's server as a child program on a free loopback port: `launch()` starts it, `wait()` returns
    once it answers, `stop()` ends it (SIGTERM, then SIGKILL after `grace` seconds). Its output goes to `log` (else nowhere)."""

    def __init__(self, log: Path | None = None, timeout: float = STARTUP_TIMEOUT_SECONDS):
        self.log, self.timeout = log, timeout
        self.proc = None
        self.api_url: str | None = None

    def launch(self) -> None:
        """Start the program without waiting for it (the caller can import and prepare meanwhile)."""
        import subprocess

        port = free_port()
        self.api_url = f"http://127.0.0.1:{port}/api"
        env = {**SERVER_ENV_DEFAULTS, **os.environ, **SERVER_ENV}
        env.pop("PREFECT_API_URL", None)
        if self.log is not None:
            self.log.parent.mkdir(parents=True, exist_ok=True)
            out = self.log.open("ab")
        else:
            out = subprocess.DEVNULL
        try:
            # a session of its own: a Ctrl+C at the terminal reaches the run, which stops the server after the
            # flow has recorded how it ended
            self.proc = subprocess.Popen(server_command(port), env=env, stdin=subprocess.DEVNULL, stdout=out,
                                         stderr=subprocess.STDOUT, start_new_session=True)
        finally:
            if out is not subprocess.DEVNULL:
                out.close()

    def wait(self) -> str:
        """The API URL once the server answers; RuntimeError (with the end of its log) when it does not."""
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"Prefect's temporary server exited with code {self.proc.returncode}"
                                   + (f": {_tail(self.log)}" if _tail(self.log) else ""))
            if _healthy(self.api_url):
                return self.api_url
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"Prefect's temporary server did not answer at {self.api_url} within {self.timeout:.0f} s"
                           + (f"; see {self.log}" if self.log else ""))

    def stop(self, grace: float = 10) -> None:
        import subprocess

        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextlib.contextmanager
def prefect_api(log: Path | None = None, while_starting=None) -> Iterator[str]:
    """The API URL flows in this block report to: the configured server's (PREFECT_API_URL or the active
    profile), else a `TemporaryServer`'s, stopped when the block ends (normally, on an error or Ctrl+C).
    `while_starting` (a callable) runs while the server starts, such as the imports the run needs."""
    url = os.environ.get("PREFECT_API_URL")
    server = None
    try:
        if not url:
            server = TemporaryServer(log)
            server.launch()  # it imports and creates its database while this process goes on
            url = configured_api()  # a server named in the active profile
            if url:
                server.stop()
                server = None
        if while_starting is not None:
            while_starting()
        if server is None:
            yield url
            return
        from prefect.settings import PREFECT_API_URL, temporary_settings

        try:
            url = server.wait()
        except RuntimeError:
            server.stop()  # perhaps the port was taken in the meantime: once more on another
            server.launch()
            url = server.wait()
        os.environ["PREFECT_API_URL"] = url  # for processes this run starts
        updates = {PREFECT_API_URL: url}
        if not heartbeats_read(os.environ):
            from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY

            updates[PREFECT_FLOWS_HEARTBEAT_FREQUENCY] = None
        with temporary_settings(updates=updates):
            yield url
    finally:
        if server is not None:
            _drain_to(url)
            os.environ.pop("PREFECT_API_URL", None)
            server.stop()


HEARTBEAT_SETTINGS = ("PREFECT_FLOWS_HEARTBEAT_FREQUENCY", "PREFECT_RUNNER_HEARTBEAT_FREQUENCY")


def heartbeats_read(env) -> bool:
    """Whether a flow run's heartbeats would be read by a temporary server started with `env`: only its automations
    (the triggers service) act on them, to mark a run whose heartbeats stopped as crashed, and they are off unless the
    user turned them on; a user who set a heartbeat frequency keeps it too. Unread, they cost every run up to a second
    at its end: Prefect's heartbeat thread sleeps a second at a time and the flow waits for it to wake and stop."""
    if any(env.get(k) for k in HEARTBEAT_SETTINGS):
        return True
    triggers = {**SERVER_ENV_DEFAULTS, **env}["PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED"]
    return str(triggers).strip().lower() not in ("false", "0", "no", "off")


def _drain_to(url: str | None) -> None:
    """Send what Prefect's background workers still hold (the run's log lines, its events) while the temporary
    server is up, and stop them: sent after it stopped, they end the run with Prefect's "Error logging to API"."""
    if "prefect.logging.handlers" not in sys.modules or not url:
        return  # no flow ran in this process: nothing queued
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: url}):
        for worker in (APILogWorker, EventsWorker):
            try:
                worker.drain_all(timeout=10)
            except Exception as e:  # never let the drain hide how the run ended
                import logging

                logging.getLogger("policy.ephemeral").debug("draining %s: %s", worker.__name__, e)


if __name__ == "__main__":  # python -m pipeline.ephemeral PARENT_PID -m MODULE ARGS...
    parent = int(sys.argv[1])
    if os.getppid() != parent:
        sys.exit(1)
    threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    module = sys.argv[3]
    sys.argv = [module, *sys.argv[4:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)
