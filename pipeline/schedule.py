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
    """Whether a Prefect server answers at `api_url` (one that asks for credentials answers too)."""
    try:
        return httpx.get(api_url.rstrip("/") + "/health", timeout=2).status_code in (200, 401)
    except httpx.HTTPError:
        return False


LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def new_auth_string(path: Path) -> str:
    """A fresh `user:password` for the local server's basic authentication, written to `path` readable by this
    user only (other programs of the same user that should reach the API read it there)."""
    import secrets

    auth = f"policy:{secrets.token_urlsafe(24)}"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(auth + "\n")
    os.chmod(path, 0o600)
    return auth


def start_local_server(api_url: str, log: Path, auth: str, timeout: float = 120) -> subprocess.Popen:
    """`prefect server start` (SQLite under PREFECT_HOME) on the loopback host and port of `api_url`, asking every
    request for the basic-authentication string `auth` and answering cross-origin requests only from its own
    origin (a web page elsewhere cannot drive it from a browser)."""
    from urllib.parse import urlsplit

    parts = urlsplit(api_url)
    host = parts.hostname or "127.0.0.1"
    if host not in LOOPBACK:
        raise RuntimeError(f"a local Prefect server listens on loopback only, not {host}; "
                           "for a team server see README.md (Scheduled ingestion)")
    exe = shutil.which("prefect", path=str(Path(sys.executable).parent)) or "prefect"
    origin = f"{parts.scheme or 'http'}://{parts.netloc}"
    env = {**os.environ, "DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_SERVER_API_AUTH_STRING": auth, "PREFECT_SERVER_API_CORS_ALLOWED_ORIGINS": origin,
           "PREFECT_SERVER_API_HOST": host}
    env.pop("PREFECT_API_URL", None)
    log.parent.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen([exe, "server", "start", "--host", host, "--port", str(parts.port or 4200)],
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
    """One deployment of the ingest flow per scheduled source. Its only parameter is the source's name, checked
    against the served sources file; the file, the output folder and the guard are fixed by the serving process
    (`serve_environment`), and the server refuses runs with other parameters (enforced parameter schema)."""
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
            parameters={"source_name": s.name}, enforce_parameter_schema=True,
            description=f"Fetch new documents from {s.name} and process them", tags=["policy-pipeline", "ingest"]))
    return out_deps


def serve_environment(config: str, out: str) -> dict[str, str]:
    """The environment the served runs read the sources file and the output folder from."""
    from pipeline.flows import SCHEDULE_CONFIG_ENV, SCHEDULE_OUT_ENV

    return {SCHEDULE_CONFIG_ENV: str(Path(config).resolve()), SCHEDULE_OUT_ENV: str(Path(out).resolve())}


def refusal(flow_obj, parameters: dict) -> str | None:
    """Why a run with `parameters` cannot run `flow_obj`, naming each parameter it has no place for (Prefect would
    stop the run's process on them before any code of ours runs: a crash with no reason); None when it can."""
    import inspect

    takes = list(inspect.signature(flow_obj.fn).parameters)
    unknown = sorted(set(parameters) - set(takes))
    if not unknown:
        return None
    return (f"refused: the flow {flow_obj.name!r} takes no parameter {', '.join(repr(u) for u in unknown)} "
            f"(it takes {', '.join(takes)}); remove {'it' if len(unknown) == 1 else 'them'} from the deployment or its schedule")


def serve_deployments(deps) -> None:
    """Serve the deployments in the foreground until stopped (Ctrl+C or SIGTERM), as `prefect.serve` does, except
    that SIGTERM stops the runner the way Ctrl+C does (its runs cancelled, its loops ended, nothing left unawaited):
    Prefect's own SIGTERM handler calls the runner's stop from inside the running event loop, where it is a
    coroutine nobody awaits; and that a run whose parameters the flow cannot take (a schedule or a deployment
    given another parameter through the API or the Prefect UI) is not started but Failed with the reason naming
    the parameter, where Prefect would start its process and crash it with no reason shown."""
    import asyncio
    import signal

    from prefect.runner import Runner
    from prefect.states import Failed
    from prefect.utilities.engine import propose_state

    from pipeline.flows import _now, ingest_configured

    class _Runner(Runner):
        def handle_sigterm(self, *args, **kwargs) -> None:
            self._logger.info("SIGTERM received, stopping")
            signal.raise_signal(signal.SIGINT)  # asyncio.run's Ctrl+C: the main task is cancelled and cleans up

        async def __aenter__(self):
            entered = await super().__aenter__()
            proposer = self._state_proposer  # what the scheduled-run poller asks before it starts a run
            pending = proposer.propose_pending

            async def checked(flow_run) -> bool:
                flow_obj = (self._deployment_registry.get_flow(flow_run.deployment_id) if flow_run.deployment_id
                            else None) or ingest_configured
                reason = refusal(flow_obj, flow_run.parameters or {})
                if reason is None:
                    return await pending(flow_run)
                try:
                    await propose_state(self._client, Failed(message=reason), flow_run_id=flow_run.id)
                except Exception:  # the run stays as it was; it is not started either way
                    self._logger.exception("could not mark flow run %s failed", flow_run.id)
                print(f"{_now()} run {flow_run.name!r} not started: {reason}", flush=True)
                return False

            proposer.propose_pending = checked
            return entered

    runner = _Runner(pause_on_shutdown=True)
    for d in deps:
        runner.add_deployment(d)
    try:
        asyncio.run(runner.start())
    except KeyboardInterrupt:
        pass
