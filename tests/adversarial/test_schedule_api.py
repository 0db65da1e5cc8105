"""The Prefect server `policy schedule` starts is closed to others: no answer without its credentials, no
cross-origin permission for another origin, and no run that chooses its own sources file, output folder or guard."""
from __future__ import annotations

import httpx

from tests.pipeline.test_ingest import site  # noqa: F401  (the local government-style site)
from tests.pipeline.test_schedule import FINAL, api_call, deployment, serving, wait_for


def test_the_scheduler_api_refuses_strangers_and_chosen_parameters(site, tmp_path):  # noqa: F811
    _, base = site
    with serving(base, tmp_path, "0 6 * * *") as s:
        api, out, auth, log, _ = s
        assert (out / "prefect-server.auth").stat().st_mode & 0o077 == 0
        name = f"{api}/deployments/name/ingest-configured/ingest-test-site"
        dep = deployment(s)
        assert dep["parameters"] == {"source_name": "test-site"} and dep["enforce_parameter_schema"]
        # without the credentials: nothing, not even reading
        assert httpx.get(name, timeout=10).status_code == 401
        assert httpx.post(f"{api}/deployments/{dep['id']}/create_flow_run", json={}, timeout=10).status_code == 401
        assert httpx.get(name, timeout=10, auth=("policy", "guess")).status_code == 401
        # a web page of another origin gets no cross-origin permission
        pre = httpx.options(f"{api}/deployments/filter", timeout=10, headers={
            "Origin": "http://evil.example", "Access-Control-Request-Method": "POST"})
        assert pre.headers.get("access-control-allow-origin") not in ("*", "http://evil.example")
        # with the credentials, a run still cannot choose the sources file, the output folder or an unknown source:
        # the flow has no such parameters, and knows only the sources of the file it was served with
        evil = [wait_for(lambda p=params: api_call("post", f"{api}/deployments/{dep['id']}/create_flow_run", auth,
                                                   json={"parameters": p}), 60, "the server to take a run", log)
                for params in ({"config": str(tmp_path / "evil.toml"), "source_name": "test-site"},
                               {"source_name": "test-site", "out": str(tmp_path / "elsewhere")},
                               {"source_name": "other-site"})]
        for run, asked in zip(evil, ("config", "out", None)):
            def ended(run=run):
                state = (api_call("get", f"{api}/flow_runs/{run['id']}", auth) or {}).get("state") or {}
                return state if state.get("type") in FINAL else None

            state = wait_for(ended, 300, "a run with parameters of its own", log)
            # it fails, and the Prefect UI shows why (not a crashed process with no reason)
            assert state["type"] == "FAILED", state
            reason = f"may not set {asked}" if asked else "no usable source named 'other-site'"
            assert reason in (state.get("message") or ""), state
        assert not (tmp_path / "elsewhere").exists() and not (out / "policy.sqlite").exists()
