"""Shared fixtures: paths to the project's samples and to ../shared (skipped when absent)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
# Prefect's temporary server gets 20 s to answer by default; a busy 2-core machine can need more
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "corpora" / "samples"
SHARED = ROOT.parent / "shared"
DEV_DOCS = SHARED / "corpus" / "dev" / "docs"
DEV_GOLD = SHARED / "corpus" / "dev" / "gold"
POOL = SHARED / "corpus" / "pool"


def pool_normalized_texts(every: int):
    """The normalized texts of `pool_page_texts(every)`."""
    from extractors.normalize import normalize

    return (normalize(text).text for _, text in pool_page_texts(every))


def pool_page_texts(every: int):
    """(file, text as read) of every `every`-th readable non-PDF file of the shared pool: the tests that check a
    fast path against the plain one on real pages share it; skips where the pool is absent."""
    from corpora.readers import expand_paths, read_path
    from corpora.records import ReadError

    files = [f for f in expand_paths([POOL]) if f.suffix.lower() != ".pdf"][::every] if POOL.is_dir() else []
    if not files:
        pytest.skip("the shared pool is not here")
    for f in files:
        try:
            yield f, read_path(f).text
        except ReadError:
            continue


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


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory) -> Path:
    """A store of the sample files, written as `policy run` writes it (records and source texts)."""
    from pipeline.process import store_files

    return store_files(sorted(SAMPLES.iterdir()), tmp_path_factory.mktemp("sample-store") / "policy.sqlite")


@pytest.fixture(scope="session")
def pool_store(tmp_path_factory) -> Path:
    """A store of every file of ../shared/corpus/pool (built once per session: about a minute of CPU), as
    `policy run` writes it: documents with their texts, and each file that gave none in `errors`."""
    if not POOL.is_dir():
        pytest.skip(f"../shared is absent ({POOL} not found)")
    from corpora.readers import expand_paths
    from outputs.store import Store
    from pipeline.process import extract_file, is_streamed, iter_records

    path = tmp_path_factory.mktemp("pool-store") / "policy.sqlite"
    with Store(path) as store:
        for f in expand_paths([POOL]):
            if is_streamed(f):
                store.put_file(str(f), iter_records(f))
                continue
            result = extract_file(f)
            store.put_file(str(f), result.records, result.text, result.version)
        store.link()
    return path


CHROMIUM = Path(os.environ.get("POLICY_CHROMIUM", "/usr/bin/chromium"))
# as root in a closed network: no sandbox, and nothing that phones home at start
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-default-apps"]


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (`make test` installs it; see the Makefile's browser target)."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: run `make browser` (apt-get install chromium fonts-wqy-microhei) "
                    "or set POLICY_CHROMIUM to a Chromium binary")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session", autouse=True)
def _stop_prefect_temporary_servers():
    """Flows run in tests start Prefect's temporary server, which Prefect stops at interpreter exit, after
    pytest has closed the stream its log handler writes to. Stop them while the session is still open."""
    yield
    from prefect.server.api.server import SubprocessASGIServer

    for server in list(SubprocessASGIServer._instances.values()):
        server.stop()
