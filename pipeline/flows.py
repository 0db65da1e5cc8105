"""Prefect flows: `process` (paths → store) and `ingest` (published sources → fetch what is new → store)."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import uuid
from collections import deque
from pathlib import Path
from urllib.parse import urlsplit

from pipeline import settings

settings.apply()

from prefect import flow, task  # noqa: E402
from prefect.artifacts import create_table_artifact  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402

from corpora.fetch import Fetcher, FetchRefused, TransientFetchError, page_links  # noqa: E402
from corpora.readers import source_name  # noqa: E402
from corpora.records import ErrorReason, ReadError  # noqa: E402
from corpora.sources import Source  # noqa: E402
from outputs.export import export_tables  # noqa: E402
from outputs.store import Store  # noqa: E402
from pipeline import workers  # noqa: E402
from pipeline.intake import keep_raw, run_files  # noqa: E402
from pipeline.process import (  # noqa: E402
    FileResult,
    extract_file,
    extractor_version,
    for_source,
    iter_records,
    origin_url,
)

# Files go to the workers a chunk at a time, one Prefect task per chunk: each task run costs the run and Prefect's
# server a few API calls and events, about as much CPU as extracting a small file, so one task per file made
# Prefect's bookkeeping, not extraction, the limit of a run with several workers. A chunk is a share of the files
# left (CHUNKS_PER_WORKER per worker), between MIN_CHUNK and MAX_CHUNK files: the first chunks of a large folder
# are MAX_CHUNK files, the last ones shrink so that the workers finish together. A worker is handed the next file
# of its chunk while the run takes in the last (`WorkerPool.extract_all`), so a chunk's size costs no idle time
# between files; what a smaller chunk costs is a task run more (a pool run: 28 with two workers, 22 with one).
MIN_CHUNK = 4
MAX_CHUNK = 32
CHUNKS_PER_WORKER = 3
# chunks submitted ahead of the one being stored, per worker (running, or waiting for a worker)
AHEAD_PER_WORKER = 2
# attempts of a chunk whose task failed (not a file: a file's failure is its error record); files extracted by an
# earlier attempt come from the result cache
CHUNK_RETRIES = 2
# what an extract task returns; part of the cache key so results of an earlier shape are not reused
RESULT_FORMAT = "file-result-3"
# stored files between two returns of the run's free heap pages to the system
TRIM_EVERY = 10


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _content_key(context, parameters) -> str:
    """Cache by the bytes (and the name's suffix, which tells a reader the format) and the extractors'
    version: the same content is extracted once per version. Only what depends on the content is cached:
    where this run read it (path or URL) is set on the result afterwards (`for_source`). The bytes' hash is
    the caller's where it has one (a kept copy is named by it), else the file is hashed here."""
    if parameters.get("sha256"):
        return cache_key(parameters["sha256"], Path(parameters["path"]).suffix)
    try:
        with open(parameters["path"], "rb") as f:
            digest = hashlib.file_digest(f, "sha256").hexdigest()  # in blocks: a large file is never held whole
    except OSError:
        return f"extract-unreadable-{uuid.uuid4().hex}"  # never reuse a result for a file we cannot read
    return cache_key(digest, Path(parameters["path"]).suffix)


def cache_key(sha256: str, suffix: str) -> str:
    """The key of the cached result of bytes with this hash read under a name with this suffix, by this
    extractor version (the same key whether a file was extracted alone or in a chunk)."""
    suffix = hashlib.sha256(suffix.lower().encode()).hexdigest()[:8]
    fmt = hashlib.sha256(RESULT_FORMAT.encode()).hexdigest()[:8]
    return f"extract-{sha256}-{extractor_version()}-{suffix}-{fmt}"


# results are read back from storage when needed, never kept in the run's memory by Prefect (its result store
# would otherwise hold up to a thousand results: a whole folder's records and texts)
@task(name="extract-file", task_run_name="extract {path}", cache_key_fn=_content_key, persist_result=True,
      cache_result_in_memory=False)
def extract_task(path: str, source: str | None = None, sha256: str | None = None) -> FileResult:
    """The records and text of one file (`pipeline.process.extract_file`), in a worker process when the
    flow runs with one (`with_processes`). `sha256`: the hash of the file's bytes, where the caller knows it
    (the cache key is made of it; the file is not read again to hash it)."""
    return _extract(path, source)


def _extract(path: str, source: str | None) -> FileResult:
    """One file's result: in the flow's worker processes when it runs with them, else in this process."""
    pool = workers.active()
    return pool.extract(path, source) if pool else extract_file(path, source)


def _result_cache():
    """Prefect's result storage of the current run (PREFECT_RESULTS_LOCAL_STORAGE_PATH or the configured storage),
    the one `extract_task` caches in, without its in-memory copy of every record read or written."""
    from prefect.results import get_result_store

    return get_result_store().model_copy(update={"cache_result_in_memory": False})


def _cached(cache, key: str) -> FileResult | None:
    """The result stored under `key`, or None (none yet, unreadable, or of another shape)."""
    try:
        got = cache.read(key).result
    except Exception:  # not there (each storage says so its own way) or not readable: extract again
        return None
    return got if isinstance(got, FileResult) else None


def _keep(cache, key: str, result: FileResult) -> None:
    try:
        cache.write(result, key=key)
    except Exception as e:  # the cache is a convenience: a full disk costs a re-extraction next time, not the run
        from prefect.logging import get_run_logger

        get_run_logger().warning("could not cache the result of %s: %s", result.records[0].source
                                 if result.records else key, e)


@task(name="extract-files", task_run_name="extract {label}", cache_policy=NO_CACHE, persist_result=False,
      retries=CHUNK_RETRIES, retry_delay_seconds=1)
def extract_chunk_task(files: list[tuple[str, str, str]], label: str = "") -> list[FileResult]:
    """The results of a chunk of files, each given as (kept copy, source name, sha256), in order: each from the
    result cache when these bytes were extracted before by this extractor version (`cache_key`), else extracted
    (`pipeline.process.extract_file`, in a worker process when the flow runs with them) and cached at once, so a
    retried chunk extracts only what the failed attempt had not. A file's failure is its own error record; the
    task fails only when extraction itself cannot go on (the worker pool gone), and is then retried."""
    cache = _result_cache()
    keys = [cache_key(sha, Path(raw).suffix) for raw, _name, sha in files]
    results = [_cached(cache, key) for key in keys]
    todo = [i for i, r in enumerate(results) if r is None]

    def done(j: int, result: FileResult) -> None:  # cached as it comes: a retry does not extract it again
        results[todo[j]] = result
        _keep(cache, keys[todo[j]], result)

    jobs = [files[i][:2] for i in todo]
    pool = workers.active()
    if pool is not None:
        pool.extract_all(jobs, done)  # the worker reads the next file while this thread keeps the last one
    else:
        for j, (raw, name) in enumerate(jobs):
            done(j, extract_file(raw, name))
    return results


def chunk_size(left: int, n_workers: int) -> int:
    """Files in the next chunk when `left` files remain for `n_workers` workers."""
    return max(MIN_CHUNK, min(MAX_CHUNK, -(-left // (max(1, n_workers) * CHUNKS_PER_WORKER))))


def _suffix(url: str, got) -> str:
    """A short file suffix for a fetched body: the URL path's own (without `;jsessionid=…` path parameters) when
    it is a few letters or digits, else one from the content type."""
    suffix = Path(urlsplit(url).path.split(";", 1)[0]).suffix.lower()
    if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix):
        return suffix
    ctype = (got.content_type or "").lower()
    return {"application/pdf": ".pdf", "text/plain": ".txt"}.get(ctype.split(";")[0].strip(),
                                                               ".html" if "html" in ctype else "")


def _transient(task, task_run, state) -> bool:
    """Retry network failures only: never an HTTP status such as 404, never a refused URL."""
    try:
        state.result()
    except TransientFetchError:
        return True
    except Exception:
        return False
    return False


@task(name="fetch", task_run_name="fetch {url}", retries=2, retry_delay_seconds=1, retry_condition_fn=_transient,
      cache_policy=NO_CACHE)
def fetch_task(fetcher: Fetcher, url: str, etag: str | None, last_modified: str | None):
    return fetcher.get(url, etag, last_modified)


@flow(name="process", log_prints=False)
def process_flow(paths: list[str], out: str = "out", progress: bool | str = False) -> dict:
    """Extract every supported file under `paths`, upsert into out/policy.sqlite, export the tables.
    Files are stored in order as their tasks finish, each atomically, several to a transaction
    (`Store.batch`), so a run that is stopped midway keeps what it stored and a rerun completes it.
    `progress`: "bar" (a terminal), "lines" (a plain line every few seconds, for cron and logs) or False. Libraries' log lines go to out/run.log.
    The summary's `run` counts this run's files: total, failed (no document, no copy), documents stored, files that
    gave documents, copies of documents other files provide (`copies` rows) and files that gave only copies."""
    from pipeline.runlog import Progress, library_logs_to

    # resolved, so that a folder named relatively one day and absolutely the next is one set of sources; a file
    # reached twice in one run (its folder named two ways, or named itself besides) is read once
    files = run_files(paths)
    out_dir = Path(out)
    store_path = out_dir / "policy.sqlite"
    mode = "bar" if progress is True else (progress or "none")
    with library_logs_to(out_dir) as log, Store(store_path) as store:
        # each file's bytes are read once, kept in the store's content-addressed raw folder, and extracted from
        # that copy: the hash, the cached result and the records are of the same bytes even if the file changes
        # during the run. Large plain-text files stream from their copy into the store in this thread (bounded
        # memory, no cached result of their size); every other file goes to a task with a chunk of others. A few
        # chunks run or wait ahead of the one being stored, and results are let go once stored: the run holds a
        # few chunks' results, not the whole folder's.
        # the files the workers began with before this flow started were kept by the head start (`pipeline.intake`)
        early = _claim_head_start()

        def prepared():
            for f in files:
                name = source_name(f)
                try:
                    kept = early.pop(f, None)
                    if kept is not None and isinstance(kept[0], ReadError):
                        raise kept[0]
                    raw, sha, size, streamed = kept or _keep_raw(store, f, name)
                except ReadError as e:  # not a regular file, too large, unreadable: an error row naming it
                    yield name, None, None, e
                    continue
                store.put_provenance(name, sha, size, _now(), "file", origin_url(f))
                yield name, raw, sha, streamed

        shown = Progress(len(files), mode)
        n_workers = _parallelism()
        # several files per transaction (each still atomic, `Store.batch`); a stop keeps what was stored
        with store.batch():
            _store_results(store, prepared(), len(files), n_workers, shown)
        pool = workers.active()
        if pool is not None:
            pool.close()  # every file is extracted: the workers' memory goes back before the tables are written
        store.link()
        export_tables(store, out_dir / "tables")
        summary = summarize(store, str(store_path))
    summary["run"] = {"files": len(files), "failed": shown.failed, "documents": shown.documents,
                      "with_documents": shown.with_documents, "copies": shown.copies, "only_copies": shown.only_copies,
                      "log": str(log)}
    _artifact(summary)
    return summary


def _claim_head_start() -> dict:
    """The files the worker pool's head start kept before the flow began (file → (copy, sha256, size, streamed)
    or (ReadError,)); it takes no more from now on. Empty without one."""
    pool = workers.active()
    head = getattr(pool, "head_start", None)
    return head.claim() if head is not None else {}


def cached_locally():
    """For the head start: a test of whether a result is cached for bytes of a hash read under a suffix
    (`cache_key`), by the presence of its file in the
    local result storage folder (PREFECT_RESULTS_LOCAL_STORAGE_PATH), without reading it; None when results go to
    a storage block. (A default storage block set on the server itself is not asked for: the server may not be up
    yet. Its cached results are then extracted again by the head start, and the flow's tasks still take them
    from the cache.)"""
    from prefect.settings import get_current_settings

    results = get_current_settings().results
    if results.default_storage_block is not None:
        return None
    root = Path(results.local_storage_path).expanduser()

    def cached(sha256: str, suffix: str) -> bool:
        return (root / cache_key(sha256, suffix)).exists()
    return cached


def _store_results(store: Store, todo, total: int, n_workers: int, shown) -> None:
    """Store each prepared file as its result comes, in order, with at most AHEAD_PER_WORKER chunks per worker
    submitted ahead. `todo` yields (name, kept copy, sha256, streamed) or (name, None, None, ReadError)."""
    ahead: deque = deque()  # ("file", name, copy or None, ReadError or None) | ("chunk", files, future)
    left, more, stored = total, True, 0
    limit = _in_flight_limit(n_workers)

    def in_flight() -> int:  # chunks submitted and not yet stored
        return sum(1 for e in ahead if e[0] == "chunk")
    try:
        while True:
            while more and in_flight() < limit:
                chunk: list[tuple[str, str, str]] = []
                size = chunk_size(left, n_workers)
                alone = None  # a file stored in this thread (streamed, or an error row): it closes the chunk
                while len(chunk) < size:
                    item = next(todo, None)
                    if item is None:
                        more = False
                        break
                    left -= 1
                    name, raw, sha, streamed = item
                    if isinstance(streamed, ReadError):
                        alone = ("file", name, None, streamed)
                        break
                    if streamed:
                        alone = ("file", name, raw, None)
                        break
                    chunk.append((str(raw), name, sha))
                if chunk:
                    label = f"{len(chunk)} files from {Path(chunk[0][1]).name}"
                    ahead.append(("chunk", chunk, extract_chunk_task.submit(chunk, label)))
                if alone is not None:  # after the files before it: files are stored in the order given
                    ahead.append(alone)
            if not ahead:
                break
            kind, *entry = ahead.popleft()
            if kind == "file":
                name, raw, error = entry
                if raw is not None:
                    shown.file_done(store.put_file(name, iter_records(raw, name), version=extractor_version()))
                else:
                    shown.file_done(store.put_file(name, [error], version=extractor_version()))
                continue
            chunk, job = entry
            results = _chunk_results(job, chunk)
            del job
            for (_raw, name, _sha), result in zip(chunk, results):
                result = for_source(result, name)
                shown.file_done(store.put_file(name, result.records, result.text, result.version))
                stored += 1
                if stored % TRIM_EVERY == 0:
                    workers._trim()  # the stored results' memory, freed, goes back to the system
            results = result = None  # let go of the stored chunk
    finally:
        shown.close()


def _in_flight_limit(n_workers: int) -> int:
    """Chunks submitted and not yet stored, at most: AHEAD_PER_WORKER per worker, at least two."""
    return max(2, AHEAD_PER_WORKER * n_workers)


def _parallelism() -> int:
    """How many chunks the flow's tasks extract at once: the worker processes, else the task runner's threads
    when it is given a number, else one per core (at most 4)."""
    pool = workers.active()
    if pool is not None:
        return pool.n
    from prefect.context import FlowRunContext

    limit = getattr(getattr(FlowRunContext.get(), "task_runner", None), "_max_workers", None)
    if isinstance(limit, int) and 0 < limit <= 64:
        return limit
    return min(4, os.cpu_count() or 1)


def _chunk_results(job, chunk: list[tuple[str, str, str]]) -> list[FileResult]:
    """The results of a chunk's task. When it failed after its retries, each file on its own: its cached result
    if an attempt made one, else extracted alone here, so that only a file whose extraction fails gets an error
    record (naming it and the reason) and the others of its chunk are stored as usual."""
    try:
        return job.result()
    except Exception as e:
        failure = f"{type(e).__name__}: {e}"
    cache = _result_cache()
    return [_cached(cache, cache_key(sha, Path(raw).suffix)) or _extract_alone(raw, name, failure)
            for raw, name, sha in chunk]


def _extract_alone(raw: str, name: str, chunk_failure: str) -> FileResult:
    try:
        return _extract(raw, name)
    except Exception as e:
        detail = f"{type(e).__name__}: {e}"
        if detail != chunk_failure:
            detail += f" (its chunk's task failed {CHUNK_RETRIES + 1} times: {chunk_failure})"
        return FileResult([ReadError(name, ErrorReason.READ_ERROR, f"not extracted: {detail}")])


def _keep_raw(store: Store, path: Path, name: str) -> tuple[Path, str, int, bool]:
    """`pipeline.intake.keep_raw` into the store's raw folder."""
    return keep_raw(store, path, name)


def crawl_source(source: Source, store: Store, run_id: str, fetcher: Fetcher | None = None) -> dict:
    """List pages (with pagination) → detail pages → attachments; new content is stored and extracted."""
    fetcher = fetcher or Fetcher(source.origins, source.allow_private, source.delay_seconds, source.max_bytes,
                                 source.timeout_seconds)
    detail_rx = re.compile(source.detail_pattern)
    next_rx = re.compile(source.next_pattern) if source.next_pattern else None
    scan = {"run_id": run_id, "source_name": source.name, "started_at": _now(), "list_pages": 0, "links": 0,
            "fetched": 0, "not_modified": 0, "new_documents": 0, "errors": 0}
    store.put_source(source.name, source.region, sorted(source.hosts), source.schedule, list(source.list_urls))
    seen: set[str] = set()

    def fetch(url: str):
        """(response, sha256, changed) — for an unchanged page the body kept last time — or None after
        recording why not (an error, a refused URL)."""
        if url in seen:
            return None
        seen.add(url)
        last = store.last_fetch(url) or {}
        kept = store.raw_bytes(last["raw_sha256"]) if last.get("raw_sha256") else None
        try:
            # ask conditionally only when the body from last time is still at hand
            got = fetch_task(fetcher, url, last.get("etag") if kept else None, last.get("last_modified") if kept else None)
        except (TransientFetchError, FetchRefused, OSError) as e:
            store.put_fetch(url, source.name, None, None, None, None, _now(), str(e))
            scan["errors"] += 1
            return None
        scan["fetched"] += 1
        if got.not_modified and kept is not None:
            store.put_fetch(url, source.name, 304, None, None, None, _now(), None)
            scan["not_modified"] += 1
            got.content = kept
            return got, last["raw_sha256"], False
        if got.status != 200:
            store.put_fetch(url, source.name, got.status, None, None, None, _now(), f"{url}: HTTP {got.status}")
            scan["errors"] += 1
            return None
        sha, _ = store.put_raw(got.content, _suffix(url, got))  # the saved file is found by its hash, not its name
        store.put_fetch(url, source.name, 200, got.etag, got.last_modified, sha, _now(), None)
        return got, sha, True

    def keep(url: str, got, sha: str, changed: bool) -> None:
        """Extract a document whose bytes are new (the same bytes under another URL count once), or whose
        stored records an older extractor version made."""
        if (not changed or store.extracted(sha)) and not store.stale(url, extractor_version()):
            return
        raw = store.raw_path(sha)  # found by its hash, whatever suffix it was saved under
        result = for_source(extract_task(str(raw), url, sha), url)
        store.put_file(url, result.records, result.text, result.version)
        store.put_provenance(url, sha, len(got.content), _now(), f"source:{source.name}", url)
        scan["new_documents"] += 1

    queue = list(source.list_urls)
    queued = set(queue)
    details: dict[str, None] = {}  # ordered and with constant-time membership: a page of 80,000 links is linear
    while queue and scan["list_pages"] < source.max_pages:
        res = fetch(queue.pop(0))
        if res is None:
            continue
        got = res[0]
        scan["list_pages"] += 1
        for link, _text in page_links(got.content, got.url):
            if detail_rx.search(link):
                details.setdefault(link)
            elif next_rx and next_rx.search(link) and link not in seen and link not in queued:
                queue.append(link)
                queued.add(link)
    scan["links"] = len(details)
    documents = 0  # detail pages and attachments fetched in this scan, at most source.max_documents
    for url in details:
        if documents >= source.max_documents:
            break
        documents += 1
        res = fetch(url)
        if res is None:
            continue
        keep(url, *res)
        for link, _text in page_links(res[0].content, res[0].url):
            if urlsplit(link).path.split(";", 1)[0].lower().endswith(source.attachment_suffixes) and link not in seen:
                if documents >= source.max_documents:
                    break
                documents += 1
                att = fetch(link)
                if att is not None:
                    keep(link, *att)
    scan["finished_at"] = _now()
    store.put_scan(scan)
    return scan


@flow(name="ingest", log_prints=False)
def ingest_flow(sources: list[Source], out: str = "out") -> dict:
    """Fetch what is new from published sources and process it into out/policy.sqlite."""
    run_id = uuid.uuid4().hex[:12]
    out_dir = Path(out)
    store_path = out_dir / "policy.sqlite"
    from pipeline.runlog import library_logs_to

    with library_logs_to(out_dir), Store(store_path) as store:
        scans = [crawl_source(s, store, run_id) for s in sources]
        store.link()
        export_tables(store, out_dir / "tables")
        summary = summarize(store, str(store_path))
    summary["scans"] = scans
    _artifact(summary)
    return summary


# what a scheduled deployment runs with, fixed by `policy schedule` in its own environment: a run started
# through the API chooses only which configured source to fetch, never the sources file, the output folder
# or the address guard (those come from the sources file named here)
SCHEDULE_CONFIG_ENV = "POLICY_SCHEDULE_CONFIG"
SCHEDULE_OUT_ENV = "POLICY_SCHEDULE_OUT"


@flow(name="ingest-configured", log_prints=False, validate_parameters=True)
def ingest_configured(source_name: str, config: str | None = None, out: str | None = None) -> dict:
    """`ingest` for one source of the sources file `policy schedule` serves (the form a scheduled deployment
    runs). The source must exist in that file; the file and the output folder are the serving process's. `config`
    and `out` are never used: a run that sets them fails with the reason as its state's message before anything is
    fetched (without them in the signature, Prefect would crash the run's process with no reason shown)."""
    import os

    from prefect.logging import get_run_logger

    from corpora.sources import SourceConfigError, load_sources_report

    refused = [name for name, value in (("config", config), ("out", out)) if value is not None]
    if refused:
        raise ValueError(f"a run may not set {' or '.join(refused)}: the sources file and the output folder are fixed "
                         f"by `policy schedule`; the only parameter a run sets is source_name")
    config, out = os.environ.get(SCHEDULE_CONFIG_ENV), os.environ.get(SCHEDULE_OUT_ENV)
    if not config or not out:
        raise RuntimeError(f"{SCHEDULE_CONFIG_ENV} and {SCHEDULE_OUT_ENV} are not set: runs start from `policy schedule`")
    sources, problems = load_sources_report(config)
    for problem in problems:  # a bad source is reported; the others run
        get_run_logger().error(problem)
    chosen = [s for s in sources if s.name == source_name]
    if not chosen:
        raise SourceConfigError(f"{config}: no usable source named {source_name!r}")
    summary = ingest_flow(chosen, out)
    # one line per finished run in the serving process's output (`policy schedule` streams its runs' output)
    scans = summary.get("scans") or []
    print(f"{_now()} ingest {source_name}: {sum(s.get('new_documents') or 0 for s in scans)} new documents stored, "
          f"{sum(s.get('errors') or 0 for s in scans)} errors, {summary.get('documents', 0)} documents in "
          f"{summary.get('store')}", flush=True)
    return summary


def with_workers(flow_obj, max_workers: int):
    """The same flow with at most `max_workers` tasks at once, in threads."""
    return flow_obj.with_options(task_runner=ThreadPoolTaskRunner(max_workers=max_workers))


def with_processes(flow_obj, n_workers: int, memory_mb: int | None = None, pool: workers.WorkerPool | None = None):
    """The same flow with its files extracted in `n_workers` worker processes that keep a warm pipeline,
    each under a memory cap (`pipeline.workers`): a callable with the flow's parameters. `pool`: workers
    started beforehand (they warm up while Prefect's server starts), else started here."""
    # a thread for every chunk the flow submits ahead (`_store_results`), not one per worker: the task of a worker's
    # next chunk starts (its task run begun, its cached files looked up) while the worker still reads the chunk
    # before, and waits for the worker, so no worker idles between two chunks while Prefect ends one task and
    # starts the next
    threaded = with_workers(flow_obj, _in_flight_limit(n_workers))

    def run(*args, **kwargs):
        from pipeline.runlog import for_workers

        pool_size = workers.DEFAULT_MEMORY_MB if memory_mb is None else memory_mb
        out = kwargs.get("out", args[1] if len(args) > 1 else "out")
        with for_workers(out), (pool or workers.WorkerPool(n_workers, pool_size)) as used:
            workers.activate(used)
            try:
                return threaded(*args, **kwargs)
            finally:
                workers.activate(None)

    return run


def with_dask(flow_obj, address: str | None = None, n_workers: int = 2):
    """The same flow on a Dask cluster: an existing one at `address`, or a local one of `n_workers`."""
    from prefect_dask import DaskTaskRunner

    if address:
        return flow_obj.with_options(task_runner=DaskTaskRunner(address=address))
    return flow_obj.with_options(task_runner=DaskTaskRunner(
        cluster_kwargs={"n_workers": n_workers, "threads_per_worker": 1, "processes": True, "dashboard_address": None}))


def _artifact(summary: dict) -> None:
    try:
        create_table_artifact(key="run-outcomes", table=[{"outcome": k, "count": v} for k, v in summary["outcomes"].items()],
                              description="documents and inputs without a document, by reason")
        create_table_artifact(key="run-errors", table=summary["errors"] or [{"source": "", "error": "", "detail": ""}],
                              description="inputs that yielded no document, with reasons")
        create_table_artifact(key="run-summary", table=summary["by_region"], description="documents and commitments by region")
    except Exception:  # an artifact is a convenience; the run's result does not depend on it
        pass


def summarize(store: Store, store_path: str) -> dict:
    """The run's figures, counted by the store (SQL, no data frame: the end of a run stays small)."""
    q = store.conn.execute
    n_docs = q("SELECT COUNT(*) FROM documents").fetchone()[0]
    by_region = [{"region": name or None, "adcode": code or None, "documents": n, "targets": t or 0, "provisions": p or 0}
                 for code, name, n, t, p in q(
                     "SELECT COALESCE(d.region_adcode, ''), COALESCE(d.region_name, ''), COUNT(DISTINCT d.doc_id), "
                     "SUM(c.kind = 'target'), SUM(c.kind = 'provision') FROM documents d "
                     "LEFT JOIN commitments c ON c.doc_id = d.doc_id GROUP BY 1, 2 ORDER BY 1, 2")]
    n_copies = q("SELECT COUNT(*) FROM copies").fetchone()[0]
    outcomes = {"documents": n_docs, **({"copies of a stored document": n_copies} if n_copies else {}), **{str(k): n for k, n in q(
        "SELECT error, COUNT(*) FROM errors GROUP BY error ORDER BY COUNT(*) DESC, error")}}
    counted = dict(q("SELECT kind, COUNT(*) FROM commitments GROUP BY kind").fetchall())
    kinds = {k: counted.get(k, 0) for k in ("target", "provision", "reported")}
    errors = [dict(zip(("source", "error", "detail"), row))
              for row in q("SELECT source, error, detail FROM errors ORDER BY source")]
    # every row of the commitments table, and the same rows by kind (reported figures are past results)
    return {"documents": n_docs, "commitments": sum(counted.values()), "commitments_by_kind": kinds,
            "errors": errors, "outcomes": outcomes, "by_region": by_region, "store": store_path}
