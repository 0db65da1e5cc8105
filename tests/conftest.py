"""Shared fixtures: paths to the project's samples and to ../shared (skipped when absent)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "corpora" / "samples"
SHARED = ROOT.parent / "shared"
DEV_DOCS = SHARED / "corpus" / "dev" / "docs"
DEV_GOLD = SHARED / "corpus" / "dev" / "gold"
POOL = SHARED / "corpus" / "pool"


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def dev_docs() -> Path:
    if not DEV_DOCS.is_dir():
        pytest.skip(f"../shared is absent ({DEV_DOCS} not found): dev-set checks skipped")
    return DEV_DOCS


@pytest.fixture
def dev_gold() -> Path:
    if not DEV_GOLD.is_dir():
        pytest.skip(f"../shared is absent ({DEV_GOLD} not found): dev-set checks skipped")
    return DEV_GOLD
