"""The temporary Prefect server that a flow run starts for itself dies with the process that started it.

Prefect runs it as a `uvicorn` child process and stops it when the parent exits normally; a parent killed with
SIGKILL (or by the out-of-memory killer) cannot, and the server stayed up for good. Here the child is started
through this module, which watches its parent from a thread and ends the server as soon as the parent is gone.
"""
from __future__ import annotations

import os
import runpy
import signal
import sys
import threading
import time


def _watch(parent: int, interval: float = 0.5) -> None:
    while os.getppid() == parent:
        time.sleep(interval)
    os.kill(os.getpid(), signal.SIGTERM)  # uvicorn shuts down on SIGTERM
    time.sleep(10)
    os._exit(1)


def install() -> None:
    """Start Prefect's temporary server through `python -m pipeline.ephemeral PARENT_PID -m uvicorn ...`."""
    import subprocess

    from prefect.server.api import server as server_mod

    original = server_mod.SubprocessASGIServer._run_uvicorn_command
    if getattr(original, "_dies_with_parent", False):
        return
    real_popen = subprocess.Popen

    def run_uvicorn(self):
        def popen(args, *a, **kw):
            if list(args[:3]) == [sys.executable, "-m", "uvicorn"]:
                args = [sys.executable, "-m", "pipeline.ephemeral", str(os.getpid()), *args[1:]]
            return real_popen(args, *a, **kw)

        server_mod.subprocess.Popen = popen
        try:
            return original(self)
        finally:
            server_mod.subprocess.Popen = real_popen

    run_uvicorn._dies_with_parent = True
    server_mod.SubprocessASGIServer._run_uvicorn_command = run_uvicorn


if __name__ == "__main__":  # python -m pipeline.ephemeral PARENT_PID -m MODULE ARGS...
    parent = int(sys.argv[1])
    if os.getppid() != parent:
        sys.exit(1)
    threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    module = sys.argv[3]
    sys.argv = [module, *sys.argv[4:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)
