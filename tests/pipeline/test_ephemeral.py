"""`kill -9` of `policy run` does not leave its temporary Prefect server running."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


def children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        kids = (task / "children").read_text().split()
        out += [int(k) for k in kids]
    return out


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_the_temporary_server_ends_when_policy_run_is_killed(tmp_path, samples):
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "DO_NOT_TRACK": "1"}
    env.pop("PREFECT_API_URL", None)
    exe = Path(sys.executable).parent / "policy"
    proc = subprocess.Popen([str(exe), "run", str(samples), "--out", str(tmp_path / "out")], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    server = None
    try:
        deadline = time.monotonic() + 240
        while server is None and time.monotonic() < deadline and proc.poll() is None:
            server = next((c for c in children(proc.pid) if "uvicorn" in cmdline(c)), None)
            time.sleep(0.5)
        assert server is not None, "policy run started no temporary server"
        assert "pipeline.ephemeral" in cmdline(server)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 60
        while alive(server) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert not alive(server), f"the temporary server {server} outlived the killed run"
    finally:
        if server is not None and alive(server):
            os.kill(server, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()


def test_the_health_check_answers_for_a_server_that_answers_and_not_for_a_closed_port():
    import http.server
    import threading

    from pipeline.ephemeral import _healthy, free_port

    class Health(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200 if self.path == "/api/health" else 404)
            self.end_headers()
            self.wfile.write(b"true")

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Health)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        assert _healthy(f"http://127.0.0.1:{port}/api")
        assert not _healthy(f"http://127.0.0.1:{port}/elsewhere")
    finally:
        server.shutdown()
        server.server_close()
    assert not _healthy(f"http://127.0.0.1:{free_port()}/api")  # nothing listens there


def test_the_temporary_server_records_every_task_run_without_the_services_a_one_run_server_does_not_need(tmp_path, samples):
    import sqlite3

    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "DO_NOT_TRACK": "1"}
    for k in ("PREFECT_API_URL", "PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED", "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_ENABLED"):
        env.pop(k, None)
    exe = Path(sys.executable).parent / "policy"
    subprocess.run([str(exe), "run", str(samples), "--out", str(tmp_path / "out"), "--workers", "1"], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, timeout=600)
    with sqlite3.connect(tmp_path / "prefect" / "prefect.db") as db:
        states = db.execute("SELECT state_type FROM task_run").fetchall()
        flows = db.execute("SELECT state_type FROM flow_run").fetchall()
        events = db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    from pipeline.flows import chunk_size

    chunks, left = 0, len(list(samples.iterdir()))
    while left > 0:  # one task run per chunk of files (one worker), each recorded
        left -= chunk_size(left, 1)
        chunks += 1
    assert 1 < chunks < len(list(samples.iterdir()))
    assert states == [("COMPLETED",)] * chunks
    assert flows == [("COMPLETED",)]
    assert events == 0  # the event feed of Prefect's UI is not kept for a server that ends with the run


@pytest.mark.parametrize("env, read", [
    ({}, False),  # the temporary server runs no automations: nothing reads a heartbeat
    ({"PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED": "true"}, True),  # the user turned automations on
    ({"PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED": "False"}, False),
    ({"PREFECT_FLOWS_HEARTBEAT_FREQUENCY": "60"}, True),  # the user asked for heartbeats
    ({"PREFECT_RUNNER_HEARTBEAT_FREQUENCY": "90"}, True),  # under the older name
])
def test_heartbeats_are_kept_where_something_reads_them(env, read):
    from pipeline.ephemeral import heartbeats_read

    assert heartbeats_read(env) is read


PROBE = """
import sys
from pathlib import Path

import pytest
from pipeline.ephemeral import prefect_api
with prefect_api(Path(sys.argv[1])):
    from prefect import flow
    from prefect.settings import get_current_settings

    @flow
    def probe():
        return get_current_settings().flows.heartbeat_frequency
    print("heartbeat", probe())
"""


@pytest.mark.parametrize("user_env, expected", [({}, "None"), ({"PREFECT_FLOWS_HEARTBEAT_FREQUENCY": "60"}, "60")])
def test_a_flow_on_the_temporary_server_sends_no_heartbeats_unless_the_user_asked(tmp_path, user_env, expected):
    """A flow run reporting to the temporary server starts no heartbeat thread (whose one-second sleeps the end of
    every run waited for); a user's own heartbeat setting is kept."""
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "DO_NOT_TRACK": "1", **user_env}
    for k in ("PREFECT_API_URL", "PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED",
              *(k for k in ("PREFECT_FLOWS_HEARTBEAT_FREQUENCY", "PREFECT_RUNNER_HEARTBEAT_FREQUENCY") if k not in user_env)):
        env.pop(k, None)
    out = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "server.log")], env=env, capture_output=True,
                         text=True, timeout=300, check=True)
    assert f"heartbeat {expected}" in out.stdout.splitlines(), out.stdout + out.stderr
