"""Process-wide settings applied before Prefect is imported: no telemetry, no network at run time."""
from __future__ import annotations

import os

_DEFAULTS = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
}


def apply() -> None:
    for k, v in _DEFAULTS.items():
        os.environ.setdefault(k, v)
