"""Worker processes for `policy run`: each keeps a warm pipeline (started once, the segmenter loaded once)
and extracts one file at a time under a memory cap (`resource.setrlimit`). A file that exceeds the cap,
or that crashes the process, becomes an error record naming the file and the reason; the worker is
replaced and the run goes on.

Tasks pass a path (and the URL the bytes came from) and get back the compact result of
`pipeline.process.extract_file` (a `FileResult`: the typed records and the source text).

    with WorkerPool(2) as pool:
        result = pool.extract("notice.pdf")      # from any thread; blocks until a worker is free
"""
from __future__ import annotations

import multiprocessing as mp
import os
import queue
import signal
import sys
import threading
from collections import deque
from concurrent.futures import Future
from pathlib import Path

from corpora.records import ErrorReason, ReadError
from pipeline.process import FileResult

# the address space one worker may map: a warm pipeline maps about 350 MB; a file needing more than the
# rest is refused by the allocator (MemoryError) or ends the process, and is reported
DEFAULT_MEMORY_MB = int(os.environ.get("POLICY_WORKER_MEMORY_MB", "1536"))
# a worker whose resident memory has grown past this after a file (Python keeps the heap a large file
# needed) hands in its result and retires; a fresh one takes its place, so a long run stays bounded
RECYCLE_MB = int(os.environ.get("POLICY_WORKER_RECYCLE_MB", "250"))
# files handed to a worker at once by `WorkerPool.extract_all`: the one it reads and the next, waiting in its pipe
PIPELINE = 2


# memory a worker is given room for when choosing how many to start: a warm one holds ~100 MB, grows while
# reading a large file and retires past RECYCLE_MB
WORKER_BUDGET_MB = 350
# kept for the run itself and Prefect's temporary server
RUN_RESERVE_MB = 600


def available_mb() -> float | None:
    """The memory the system can give without swapping (MemAvailable), in MB; None when unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def default_count(cores: int | None = None, available: float | None = None) -> int:
    """How many workers a run starts when not told: one per core, at most 4, and only as many as the
    available memory holds (WORKER_BUDGET_MB each beside RUN_RESERVE_MB for the run); at least one."""
    cores = cores or os.cpu_count() or 1
    n = min(4, cores)
    available = available_mb() if available is None else available
    if available is not None:
        n = min(n, int((available - RUN_RESERVE_MB) // WORKER_BUDGET_MB))
    return max(1, n)


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024
    except (OSError, ValueError, IndexError):
        return 0.0


def _trim() -> None:
    """Give the heap's free pages back to the system (glibc's malloc_trim): after a large file, the memory its
    text and records took is free but would stay mapped; elsewhere nothing happens."""
    global _malloc_trim
    if _malloc_trim is None:
        import ctypes
        import ctypes.util

        try:
            _malloc_trim = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
        except (OSError, AttributeError):
            _malloc_trim = False
    if _malloc_trim:
        _malloc_trim(0)


_malloc_trim = None

# glibc's mallopt parameter for the number of heap arenas
_M_ARENA_MAX = -8
ARENAS = "2"


def limit_arenas() -> None:
    """Two heap arenas for this process and the processes it starts (MALLOC_ARENA_MAX, read by each new
    program): glibc gives each thread that allocates an arena of its own (the run's Prefect client and task
    threads), and memory freed in one is not reused by the others, so a run's resident memory creeps up with
    its threads. Two arenas cost nothing in speed for a run whose threads mostly wait. A value the user set wins."""
    os.environ.setdefault("MALLOC_ARENA_MAX", ARENAS)
    try:
        import ctypes
        import ctypes.util

        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").mallopt(_M_ARENA_MAX, int(os.environ["MALLOC_ARENA_MAX"]))
    except (OSError, AttributeError, ValueError):
        pass  # not glibc: nothing to set


def _serve(conn, memory_mb: int) -> None:
    """A worker's loop: warm up, then (path, source) → result until told to stop or the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when a run stops
    from pipeline.runlog import worker_logs

    worker_logs()  # the libraries' log lines to the run's log file, not the console
    if memory_mb:
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from extractors.nlp import segmenter
    from pipeline.process import extract_file, extractor

    extractor()  # the pipeline and the reference data, loaded once
    segmenter()  # and jieba's dictionary, which a process that is not a worker loads at its first question
    conn.send(("ready", os.getpid()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            _leave()
        if job is None:
            _leave()
        path, source = job
        try:
            result = extract_file(path, source)
        except MemoryError:
            result = None
        if result is None or _is_memory_error(result):
            error = ReadError(source or str(path), ErrorReason.TOO_LARGE,
                              f"reading it needs more than the worker's memory limit of {memory_mb} MB")
            conn.send((FileResult([error]), True))
            _leave()  # a process that ran out of memory is not trusted with the next file
        retire = _rss_mb() > RECYCLE_MB
        conn.send((result, retire))
        del result
        if retire:
            _leave()
        _trim()


def _leave() -> None:
    """End a worker at once: its log lines flushed, without the interpreter's teardown, which would free the
    warm pipeline object by object (about half a second of CPU per worker at the end of every run, while the run
    waits for it). Nothing else is left to write: results go back over the pipe before this."""
    import logging

    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass
    os._exit(0)


def _is_memory_error(result) -> bool:
    recs = result.records
    return len(recs) == 1 and isinstance(recs[0], ReadError) and recs[0].reason is ErrorReason.READ_ERROR \
        and recs[0].detail.startswith("MemoryError")


class _Worker:
    def __init__(self, ctx, memory_mb: int):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, memory_mb), daemon=True, name="policy-worker")
        self.proc.start()
        child.close()
        self.ready = False

    def await_ready(self) -> None:
        """Block until the process says its pipeline is warm (("ready", pid)); once."""
        if not self.ready:
            self.conn.recv()
            self.ready = True

    def call(self, job, name: str, memory_mb: int):
        """(the FileResult for one job, whether the process is gone or retiring): an error record when the
        process ends before answering."""
        if not self.send(job):
            return self.lost(name, memory_mb)
        return self.receive(name, memory_mb)

    def send(self, job) -> bool:
        """Hand the process a job (it waits in the pipe while an earlier one is read); False when it is gone."""
        try:
            self.await_ready()
            self.conn.send(job)
            return True
        except (EOFError, OSError, BrokenPipeError):
            return False

    def receive(self, name: str, memory_mb: int):
        """The answer to the oldest job sent, as `call` gives it."""
        try:
            return self.conn.recv()  # (result, whether the worker retires)
        except (EOFError, OSError, BrokenPipeError):
            return self.lost(name, memory_mb)

    def lost(self, name: str, memory_mb: int):
        """The error record of the file the process was reading when it ended, and True (it is gone)."""
        self.proc.join(5)
        code = self.proc.exitcode
        how = f"signal {signal.Signals(-code).name}" if code and code < 0 else f"exit code {code}"
        error = ReadError(name, ErrorReason.READ_ERROR,
                          f"the worker process reading it ended ({how}; memory limit {memory_mb} MB)")
        return FileResult([error]), True

    def ask_to_stop(self) -> None:
        """Tell the process to end after its current file (it ends on its own; `stop` waits for it)."""
        try:
            self.conn.send(None)
        except (OSError, BrokenPipeError):
            pass

    def alive(self) -> bool:
        return self.proc.is_alive()

    def stop(self) -> None:
        self.ask_to_stop()
        self.proc.join(5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


class WorkerPool:
    """`n` worker processes, each with a warm pipeline and a memory cap of `memory_mb` (0: none)."""

    def __init__(self, n: int, memory_mb: int = DEFAULT_MEMORY_MB):
        self.n, self.memory_mb = max(1, n), memory_mb
        self._ctx = mp.get_context("spawn")  # a clean interpreter: no threads or servers of the parent's
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False
        # results of the head start (`begin`) by (path, source), until a task takes them
        self._early: dict[tuple[str, str | None], Future] = {}
        self.head_start = None  # the `pipeline.intake.HeadStart` feeding `begin`, if any
        for _ in range(self.n):
            self._add()
        self.replaced = 0

    def _add(self) -> None:
        self._idle.put(self._new())

    def _new(self) -> _Worker:
        w = _Worker(self._ctx, self.memory_mb)
        with self._lock:
            self._all.append(w)
        return w

    def _replace(self, w: _Worker) -> _Worker:
        """A fresh worker in place of one that ended or retires."""
        with self._lock:
            if w in self._all:
                self._all.remove(w)
        w.stop()
        self.replaced += 1
        return self._new()

    def wait_ready(self) -> None:
        """Block until every worker has warmed up (its pipeline loaded); before any `extract`. A worker that
        ended meanwhile is found, reported and replaced at its first file."""
        with self._lock:
            started = list(self._all)
        for w in started:
            try:
                w.await_ready()
            except (EOFError, OSError):
                pass

    def extract(self, path: str | Path, source: str | None = None) -> FileResult:
        """The FileResult of one file, from the next free worker (blocks until one is free)."""
        if self._closed:
            raise RuntimeError("the worker pool is closed")
        with self._lock:
            early = self._early.pop((str(path), source), None)
        if early is not None:
            try:
                return early.result()
            except RuntimeError:  # the head start did not finish it: extracted here
                pass
        w = self._idle.get()
        result, lost = w.call((str(path), source), source or str(path), self.memory_mb)
        self._idle.put(self._replace(w) if lost or not w.alive() else w)
        return result

    def extract_all(self, jobs, done=None) -> list[FileResult]:
        """The FileResults of (path, source) jobs, in order, from one worker kept busy: the next file waits in its
        pipe while this thread takes in a result (`done(i, result)` is called as each comes, before the next is
        waited for), so the worker does not idle between files. A worker that ends or retires midway is replaced
        and given the files it had not answered; the file it was reading when it ended gets the error record.
        A job the head start handed to a worker already (`begin`) is not sent again: its result is taken."""
        if self._closed:
            raise RuntimeError("the worker pool is closed")
        jobs = [(str(path), source) for path, source in jobs]
        results: list = [None] * len(jobs)

        def got(i: int, result: FileResult) -> None:
            results[i] = result
            if done is not None:
                done(i, result)
        with self._lock:
            early = {i: f for i, job in enumerate(jobs) if (f := self._early.pop(job, None)) is not None}
        rest = [(i, *job) for i, job in enumerate(jobs) if i not in early]
        for i, fut in early.items():  # extracted, or being extracted, by a worker that had them first
            try:
                result = fut.result()
            except Exception:  # noqa: BLE001 - the head start did not finish it: extracted below
                rest.append((i, *jobs[i]))
                continue
            got(i, result)
        if rest:
            todo = iter(sorted(rest))
            self._feed(lambda: next(todo, None), got)
        return results

    def _feed(self, pull, deliver) -> None:
        """Extract the jobs `pull()` gives ((key, path, source), None when there are no more) on one worker kept
        busy, `deliver(key, result)` as each answer comes: up to PIPELINE jobs wait in its pipe, so it reads the
        next while this thread takes in a result. A worker that ends or retires midway is replaced and given the
        jobs it had not answered; the one it was reading when it ended gets the error record."""
        retry: deque = deque()  # sent to a worker that ended without answering them: sent again first
        pending: deque = deque()  # sent to `w`, not yet answered, in the order it reads them
        drained = False

        def next_job():
            nonlocal drained
            if retry:
                return retry.popleft()
            if drained:
                return None
            job = pull()
            drained = job is None
            return job
        w = self._idle.get()
        try:
            while True:
                while len(pending) < PIPELINE:
                    job = next_job()
                    if job is None:
                        break
                    if not w.send(job[1:]):
                        retry.appendleft(job)
                        break
                    pending.append(job)
                if pending:
                    key, path, source = pending.popleft()
                    result, lost = w.receive(source or path, self.memory_mb)
                elif retry:  # gone before it took a job: its first one is what it was given
                    key, path, source = retry.popleft()
                    result, lost = w.lost(source or path, self.memory_mb)
                else:
                    break
                if lost or not w.alive():
                    retry.extendleft(reversed(pending))  # sent to a process that will not read them: again
                    pending.clear()
                    w = self._replace(w)
                deliver(key, result)
        except BaseException:
            if pending:  # answers that will not be taken: the worker is not handed on with them in its pipe
                w = self._replace(w)
            raise
        finally:
            self._idle.put(w)

    def begin(self, pull) -> None:
        """A head start: each worker, in a thread of its own, extracts what `pull()` gives ((path, source), None
        when it has nothing more) before any task asks. Each job's result waits for the task that asks for the
        same (path, source) (`extract_all`, `extract`); one the head start could not finish is extracted then."""
        def run() -> None:
            open_: dict[int, tuple[tuple[str, str | None], Future]] = {}

            def take():
                try:
                    job = None if self._closed else pull()
                except Exception:  # noqa: BLE001 - the head start ends; what it sent is finished, the rest left to tasks
                    job = None
                if job is None:
                    return None
                job = (str(job[0]), job[1])
                fut: Future = Future()
                with self._lock:
                    self._early[job] = fut
                open_[id(fut)] = (job, fut)
                return id(fut), *job

            def deliver(key: int, result: FileResult) -> None:
                open_.pop(key)[1].set_result(result)
            try:
                self._feed(take, deliver)
            except BaseException:  # noqa: BLE001 - the jobs go back to their tasks, which extract them
                pass
            finally:
                with self._lock:
                    for job, fut in open_.values():
                        if self._early.get(job) is fut:
                            del self._early[job]
                        fut.set_exception(RuntimeError(f"{job[1] or job[0]}: not extracted by the head start"))
        for _ in range(self.n):
            threading.Thread(target=run, daemon=True, name="policy-head-start").start()

    def submit(self, path: str | Path, source: str | None = None) -> Future:
        """`extract` in a thread of its own (a future of the result)."""
        fut: Future = Future()

        def run():
            try:
                fut.set_result(self.extract(path, source))
            except BaseException as e:  # noqa: BLE001 - handed to the caller through the future
                fut.set_exception(e)

        threading.Thread(target=run, daemon=True).start()
        return fut

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers, self._all = list(self._all), []
        for w in workers:  # all are told first, so they end together, not one after the other
            w.ask_to_stop()
        for w in workers:
            w.stop()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# the pool the running flow's extract tasks send their files to (see `pipeline.flows.with_processes`)
_active: WorkerPool | None = None


def active() -> WorkerPool | None:
    return _active


def activate(pool: WorkerPool | None) -> None:
    global _active
    _active = pool
