"""What a run does with its input files before and beside Prefect: which files a run reads (`run_files`), each
file's bytes kept once in the store's raw folder and hashed in the same pass (`keep_raw`), and the head start (`HeadStart`): the worker processes extracting the first files
while Prefect is imported and the flow run starts. No Prefect here: this module is used before Prefect is loaded.

A run's first files reach the workers without waiting for the flow's task machinery:

    pool = WorkerPool(2)                         # the workers warm up
    head = HeadStart(pool, paths, out_dir)       # files are kept in out_dir/raw as the workers ask for them
    head.start(cached)                           # once Prefect's result storage can be asked what it holds
    ...                                          # the flow run starts meanwhile; its chunk tasks then take the
                                                 # results the workers made (`WorkerPool.extract_all`) and the
                                                 # flow the copies kept (`HeadStart.claim`)
"""
from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from corpora import readers
from corpora.readers import expand_paths, head_streamed_type, open_regular, source_name
from corpora.records import ErrorReason, ReadError
from pipeline.process import is_streamed

# files the head start hands each worker at most: about what the flow itself holds ahead per worker (two chunks of
# up to 32), so a flow run that is slow to start does not make the run hold more results than it would anyway
HEAD_START_PER_WORKER = 64


def run_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files a run over `paths` reads, in order: every supported file, resolved, so that a folder named
    relatively one day and absolutely the next is one set of sources; a file reached twice (its folder named two
    ways, or named itself besides) is read once."""
    return list(dict.fromkeys(p.absolute().parent.resolve() / p.name for p in expand_paths(list(paths))))


def keep_raw(raw, path: Path, name: str) -> tuple[Path, str, int, bool]:
    """Keep a file's bytes in a raw folder (`outputs.store.RawFolder`, or a `Store`'s): opened once (without blocking, checked on the
    descriptor, so a FIFO swapped in is refused, not waited on), copied in blocks and hashed in the same pass;
    returns (the kept copy, sha256, size, whether it is read in windows — judged on the copy, not on a file that
    may have changed since). Raises ReadError for what is not a regular file, too large or unreadable."""
    with open_regular(path, name) as f:
        size = os.fstat(f.fileno()).st_size
        head = f.read(1024)
        f.seek(0)
        windowed = size > readers.STREAM_BYTES and head_streamed_type(head, path.suffix) is not None
        limit = readers.MAX_STREAM_BYTES if windowed else readers.MAX_BYTES
        if size > limit:
            raise ReadError(name, ErrorReason.TOO_LARGE, f"{size} bytes > limit {limit}")
        try:
            sha, size = raw.put_raw_file(f, path.suffix, limit)
        except ValueError as e:  # the file grew past the limit while it was copied
            raise ReadError(name, ErrorReason.TOO_LARGE, f"{e} > limit {limit}") from e
        except OSError as e:
            raise ReadError(name, ErrorReason.READ_ERROR, f"{e.strerror or e}") from e
    kept = raw.raw_path(sha)
    return kept, sha, size, is_streamed(kept)


class HeadStart:
    """The first files of a run handed to the worker processes before the flow's first task runs. Taken in the
    run's order, each file is kept in the raw folder (`keep_raw`, as the flow would), and one whose result is not
    cached (`cached(cache_key)`) goes to the workers (`WorkerPool.begin`); a file read in windows or one that
    cannot be kept is left to the flow. At most HEAD_START_PER_WORKER files per worker, and none once the flow
    `claim`s what was kept: the flow stores them as any other, in order, its tasks taking the workers' results."""

    def __init__(self, pool, paths: Iterable[str | Path], out_dir: str | Path, per_worker: int = HEAD_START_PER_WORKER):
        from outputs.store import RawFolder

        self.pool = pool
        self.files = run_files(paths)
        self.raw = RawFolder(Path(out_dir) / "raw")
        self.limit = per_worker * pool.n
        self._next = 0  # the next file of `files` to look at
        self._kept: dict[Path, tuple] = {}  # file → (copy, sha256, size, streamed) or (ReadError,)
        self._sent = 0
        self._lock = threading.Lock()
        self._claimed = False
        self._cached: Callable[[str, str], bool] | None = None
        pool.head_start = self

    def start(self, cached: Callable[[str, str], bool] | None) -> None:
        """Begin: `cached(sha256, suffix)` tells whether a result is stored for these bytes read under a name with
        this suffix (`pipeline.flows.cached_locally`). None (the cache cannot be
        asked without reading it): no head start, the flow does everything."""
        if cached is None:
            return
        self._cached = cached
        self.pool.begin(self._pull)

    def _pull(self) -> tuple[str, str] | None:
        """The next file for a worker, (kept copy, source name), or None: the flow has claimed, or the limit or
        the end of the files is reached. Called from the pool's head-start threads."""
        with self._lock:
            while not self._claimed and self._sent < self.limit and self._next < len(self.files):
                f = self.files[self._next]
                self._next += 1
                name = source_name(f)
                try:
                    kept = keep_raw(self.raw, f, name)
                except ReadError as e:
                    self._kept[f] = (e,)
                    continue
                self._kept[f] = kept
                raw, sha, _size, streamed = kept
                if streamed or self._cached(sha, raw.suffix):
                    continue
                self._sent += 1
                return str(raw), name
            return None

    def claim(self) -> dict[Path, tuple]:
        """Stop taking files; what was kept so far, file → (copy, sha256, size, streamed) or (ReadError,). The
        files handed to the workers are being extracted or done: their tasks take the results
        (`WorkerPool.extract_all`)."""
        with self._lock:
            self._claimed = True
            kept, self._kept = self._kept, {}
        return kept
