"""Scheduled ingestion: a Prefect server (the team's, or a local one started here) and one deployment
per source with its cron schedule, served by this process."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx

DEFAULT_API = "http://127.0.0.1:4200/api"


def reachable(api_url: str) -> bool:
    try:
        return httpx.get(api_url.rstrip("/") + "/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def start_local_server(api_url: str, log: Path, timeout: float = 120) -> subprocess.Popen:
    """`prefect server start` (SQLite under PREFECT_HOME) on the host and port of `api_url`."""
    from urllib.parse import urlsplit

    parts = urlsplit(api_url)
    exe = shutil.which("prefect", path=str(Path(sys.executable).parent)) or "prefect"
    env = {**os.environ, "DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    log.parent.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen([exe, "server", "start", "--host", parts.hostname or "127.0.0.1", "--port", str(parts.port or 4200)],
                            env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"prefect server exited with {proc.returncode}; see {log}")
        if reachable(api_url):
            return proc
        time.sleep(0.5)
    proc.terminate()
    raise RuntimeError(f"prefect server did not answer at {api_url} within {timeout:.0f} s; see {log}")


def deployments(config: str, out: str, names: list[str] | None = None):
    """One deployment of the ingest flow per scheduled source."""
    from prefect.deployments.runner import EntrypointType

    from corpora.sources import load_sources
    from pipeline.flows import ingest_configured

    out_deps = []
    for s in load_sources(config):
        if names and s.name not in names:
            continue
        if not s.schedule:
            continue
        out_deps.append(ingest_configured.to_deployment(
            name=f"ingest-{s.name}", cron=s.schedule, entrypoint_type=EntrypointType.MODULE_PATH,
            parameters={"config": str(Path(config).resolve()), "source_names": [s.name], "out": str(Path(out).resolve())},
            description=f"Fetch new documents from {s.name} and process them", tags=["policy-pipeline", "ingest"]))
    return out_deps
