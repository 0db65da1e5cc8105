"""`policy schedule` on the real path: an every-minute cron against a local site served on 127.0.0.1; the
Prefect server's scheduler creates the run by itself (nothing is triggered by hand), the served deployment
runs it, and the document lands in the store."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import httpx

from pipeline.ephemeral import free_port
from tests.pipeline.test_ingest import site  # noqa: F401  (the local government-style site)

FINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


def wait_for(fn, timeout: float, what: str, log: Path | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = fn()
        if value:
            return value
        time.sleep(2)
    tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}\n{tail}")


def credentials(out: Path) -> tuple[str, str] | None:
    """The basic-authentication pair of the local server `policy schedule` started (written to
    out/prefect-server.auth, readable by its user only), once it is there."""
    path = out / "prefect-server.auth"
    try:
        text = path.read_text().strip()
    except OSError:
        return None
    return tuple(text.split(":", 1)) if ":" in text else None


def stop_group(proc: subprocess.Popen) -> None:
    """Stop a server started in its own session, and everything it started (Prefect's server, workers)."""
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


def api_call(method: str, url: str, auth: tuple[str, str] | None = None, **kwargs):
    """One call to the Prefect API; None when the server is not up yet or busy (a locked SQLite database
    answers 5xx under load on two cores) so that `wait_for` asks again. A 4xx fails the test."""
    try:
        r = httpx.request(method, url, timeout=10, auth=auth, **kwargs)
    except httpx.HTTPError:
        return None
    if r.status_code >= 500 or r.status_code == 404:
        return None
    assert r.status_code < 400, f"{method.upper()} {url} -> {r.status_code}: {r.text[:500]}"
    return r.json()


class Serving(NamedTuple):
    """A `policy schedule` started by `serving`: its API, output folder, credentials, foreground log and process."""
    api: str
    out: Path
    auth: tuple[str, str]
    log: Path
    proc: subprocess.Popen


@contextmanager
def serving(base: str, tmp_path: Path, schedule: str, extra: str = "") -> Iterator[Serving]:
    """`policy schedule` serving one source of the local site on `schedule` (a cron), with its own Prefect server
    (nothing listens at the API address it is given, so it starts one); stopped with SIGTERM on leaving."""
    config = tmp_path / "sources.toml"
    config.write_text(f'[[source]]\nname = "test-site"\nlist_urls = ["{base}/list_1.html"]\n'
                      f'detail_pattern = "/art/[^/]+\\\\.html$"\n{extra}schedule = "{schedule}"\ndelay_seconds = 0\n'
                      f'# the test site lives on 127.0.0.1, which is refused unless the source says so\n'
                      f'allow_private = true\n', encoding="utf-8")
    api = f"http://127.0.0.1:{free_port()}/api"
    out = tmp_path / "out"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_API_URL": api, "DO_NOT_TRACK": "1",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    log = tmp_path / "schedule.log"
    proc = subprocess.Popen([str(Path(sys.executable).parent / "policy"), "schedule", "--config", str(config),
                             "--out", str(out)], env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        auth = wait_for(lambda: credentials(out), 240, "the local server's credentials", log)
        yield Serving(api, out, auth, log, proc)
    finally:
        stop_group(proc)


def deployment(s: Serving) -> dict:
    """The served source's deployment, once the server has it."""
    return wait_for(lambda: api_call("get", f"{s.api}/deployments/name/ingest-configured/ingest-test-site", s.auth),
                    240, "the deployment", s.log)


def ended_scheduled_run(s: Serving, dep: dict) -> dict | None:
    """The first run of the deployment that has ended, if any; every run of it must be one the scheduler created
    (the tests never create one by hand)."""
    runs = api_call("post", f"{s.api}/flow_runs/filter", s.auth, json={"deployments": {"id": {"any_": [dep["id"]]}}}) or []
    assert all(r["auto_scheduled"] for r in runs), [r["name"] for r in runs]
    done = [r for r in runs if (r.get("state") or {}).get("type") in FINAL]
    return done[0] if done else None


def test_every_minute_cron_creates_a_run_by_itself_that_stores_the_documents(site, tmp_path):  # noqa: F811
    _, base = site
    with serving(base, tmp_path, "* * * * *", extra='next_pattern = "/list_\\\\d+\\\\.html$"\n') as s:
        api, out, auth, log, proc = s
        server_log = out / "prefect-server.log"
        dep = deployment(s)
        assert [x["schedule"]["cron"] for x in dep["schedules"]] == ["* * * * *"]
        run = wait_for(lambda: ended_scheduled_run(s, dep), 150, "a run the scheduler created to finish", log)
        assert run["state"]["type"] == "COMPLETED", log.read_text(errors="replace")[-3000:]
        assert run["auto_scheduled"] and run["deployment_id"] == dep["id"]
        with sqlite3.connect(out / "policy.sqlite") as c:
            assert c.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 5  # three pages, a PDF and a DOCX
            assert c.execute("SELECT new_documents FROM scans").fetchone()[0] == 5
            titles = {t for (t,) in c.execute("SELECT title FROM documents")}
        assert "某市民政局关于提高养老服务补贴标准的通知" in titles
        server_text = server_log.read_text(errors="replace")
        assert "bulk DML" not in server_text and "Traceback" not in server_text, server_text[-3000:]
        # the foreground log says what each finished run stored
        import re

        wait_for(lambda: re.search(r"ingest test-site: 5 new documents stored, \d+ errors, 5 documents in ",
                                   log.read_text(errors="replace")), 60, "the finished run's line in the foreground log", log)
    # SIGTERM stops the runner cleanly: no coroutine left unawaited, and it says it stopped
    text = log.read_text(errors="replace")
    assert "never awaited" not in text and "RuntimeWarning" not in text, text[-3000:]
    assert proc.returncode == 0 and text.rstrip().endswith("stopped"), text[-3000:]


def test_the_systemd_example_reaches_a_team_server_as_the_readme_says():
    """The unit example points at a team server the way README.md advises: HTTPS only, the URL and the auth string
    in an EnvironmentFile= (not on an Environment= line any user can read with systemctl show)."""
    import re

    root = Path(__file__).parents[2]
    unit = (root / "policy-schedule.service.example").read_text(encoding="utf-8")
    urls = re.findall(r"PREFECT_API_URL=(\S+)", unit)
    assert urls and all(u.startswith("https://") for u in urls), urls
    assert not re.search(r"^#?\s*Environment=PREFECT_API_(URL|AUTH_STRING)", unit, re.M)
    assert re.search(r"^#?\s*EnvironmentFile=/\S+", unit, re.M) and "PREFECT_API_AUTH_STRING=" in unit
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert "EnvironmentFile=" in readme and "https://prefect.example.org/api" in readme


def test_a_scheduled_run_with_a_parameter_the_flow_cannot_take_fails_with_the_reason_naming_it(site, tmp_path):  # noqa: F811
    """A schedule added to the served deployment through the API (as the Prefect UI adds one) with a parameter the
    flow has no place for: the runs the scheduler creates from it by itself are not started (Prefect would crash
    their process before any code of ours runs) but Failed, the message naming the parameter; nothing is fetched
    or stored, and the foreground log says why."""
    _, base = site
    with serving(base, tmp_path, "0 6 1 1 *") as s:
        api, out, auth, log, proc = s
        dep = deployment(s)
        wait_for(lambda: api_call("post", f"{api}/deployments/{dep['id']}/schedules", auth, json=[
            {"schedule": {"cron": "* * * * *"}, "active": True,
             "parameters": {"source_name": "test-site", "since": "2024-01-01"}}]), 60, "the schedule to be added", log)
        run = wait_for(lambda: ended_scheduled_run(s, dep), 240, "a run the scheduler created from the new schedule to end", log)
        assert run["parameters"].get("since") == "2024-01-01"
        assert run["state"]["type"] == "FAILED", run["state"]
        assert "takes no parameter 'since'" in run["state"]["message"], run["state"]
        wait_for(lambda: "not started: refused: the flow 'ingest-configured' takes no parameter 'since'"
                 in log.read_text(errors="replace"), 60, "the refusal in the foreground log", log)
        assert not (out / "policy.sqlite").exists()
    assert proc.returncode == 0, log.read_text(errors="replace")[-3000:]
