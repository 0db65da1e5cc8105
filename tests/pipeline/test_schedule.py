"""`policy schedule` against a real Prefect server: the deployment carries the source's cron, and a
triggered run of it ingests the test site."""
from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.pipeline.test_ingest import site  # noqa: F401  (the local government-style site)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(fn, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = fn()
        if value:
            return value
        time.sleep(1)
    raise AssertionError(f"timed out waiting for {what}")


AUTH: tuple[str, str] | None = None  # the local server's credentials, read from the file `policy schedule` writes


def api_call(method: str, url: str, **kwargs) -> dict | None:
    """One call to the Prefect API; None when the server is busy (a locked SQLite database answers 5xx
    under load on two cores) so that `wait_for` asks again. A 4xx is a real error and fails the test."""
    try:
        r = httpx.request(method, url, timeout=10, auth=AUTH, **kwargs)
    except httpx.HTTPError:
        return None
    if r.status_code >= 500:
        return None
    assert r.status_code < 400, f"{method.upper()} {url} -> {r.status_code}: {r.text[:500]}"
    return r.json()


def test_schedule_serves_a_cron_deployment_that_ingests(site, tmp_path):  # noqa: F811
    """... and the local server is closed to others: no answer without its credentials, no cross-origin answer to
    another origin, no run that chooses its own sources file, output folder or guard."""
    global AUTH
    _, base = site
    config = tmp_path / "sources.toml"
    config.write_text(f'[[source]]\nname = "test-site"\nlist_urls = ["{base}/list_1.html"]\n'
                      f'detail_pattern = "/art/[^/]+\\\\.html$"\nnext_pattern = "/list_\\\\d+\\\\.html$"\n'
                      f'schedule = "0 6 * * *"\ndelay_seconds = 0\nallow_private = true\n', encoding="utf-8")
    api = f"http://127.0.0.1:{free_port()}/api"
    out = tmp_path / "out"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_API_URL": api, "DO_NOT_TRACK": "1",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    exe = Path(sys.executable).parent / "policy"
    proc = subprocess.Popen([str(exe), "schedule", "--config", str(config), "--out", str(out)], env=env,
                            stdout=open(tmp_path / "schedule.log", "wb"), stderr=subprocess.STDOUT, start_new_session=True)
    try:
        auth_file = out / "prefect-server.auth"
        wait_for(lambda: auth_file.exists() and auth_file.read_text().strip(), 60, "the credentials")
        assert auth_file.stat().st_mode & 0o077 == 0
        AUTH = tuple(auth_file.read_text().strip().split(":", 1))

        def deployment():
            try:
                r = httpx.get(f"{api}/deployments/name/ingest-configured/ingest-test-site", timeout=5, auth=AUTH)
            except httpx.HTTPError:
                return None
            return r.json() if r.status_code == 200 else None

        dep = wait_for(deployment, 240, "the deployment")
        assert [s["schedule"]["cron"] for s in dep["schedules"]] == ["0 6 * * *"]
        assert dep["parameters"] == {"source_name": "test-site"} and dep["enforce_parameter_schema"]
        # without credentials, nothing
        assert httpx.post(f"{api}/deployments/{dep['id']}/create_flow_run", json={}, timeout=10).status_code == 401
        assert httpx.get(f"{api}/deployments/name/ingest-configured/ingest-test-site", timeout=10).status_code == 401
        # a page of another origin gets no cross-origin permission
        pre = httpx.options(f"{api}/deployments/filter", timeout=10, headers={
            "Origin": "http://evil.example", "Access-Control-Request-Method": "POST"})
        assert pre.headers.get("access-control-allow-origin") not in ("*", "http://evil.example")
        # a run cannot choose the sources file, the output folder or a source that is not configured: the flow
        # has no such parameters (its runs fail before fetching anything) and knows only the served file's sources
        evil = [wait_for(lambda: api_call("post", f"{api}/deployments/{dep['id']}/create_flow_run",
                                          json={"parameters": params}), 60, "a run with other parameters")
                for params in ({"config": str(tmp_path / "evil.toml"), "source_name": "test-site"},
                               {"source_name": "test-site", "out": str(tmp_path / "elsewhere")},
                               {"source_name": "other-site"})]
        run = wait_for(lambda: api_call("post", f"{api}/deployments/{dep['id']}/create_flow_run", json={}), 60,
                       "the server to accept a flow run")

        def finished():
            flow_run = api_call("get", f"{api}/flow_runs/{run['id']}")
            state = (flow_run or {}).get("state") or {}
            return state.get("type") if state.get("type") in {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"} else None

        assert wait_for(finished, 300, "the triggered run") == "COMPLETED", (tmp_path / "schedule.log").read_text()[-3000:]

        for bad in evil:
            def ended():
                state = (api_call("get", f"{api}/flow_runs/{bad['id']}") or {}).get("state") or {}
                return state.get("type") if state.get("type") in {"COMPLETED", "FAILED", "CRASHED"} else None

            assert wait_for(ended, 300, "a run with parameters of its own") in {"FAILED", "CRASHED"}
        assert not (tmp_path / "elsewhere").exists()
        with sqlite3.connect(out / "policy.sqlite") as c:
            assert c.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 5
            assert c.execute("SELECT new_documents FROM scans").fetchone()[0] == 5
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
