"""What a run says while it works: plain progress lines when no terminal watches (cron, nohup, a pipe), and
the libraries' own log lines (trafilatura, pdfminer, ...) in a log file in the output folder rather than on
the console."""
from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from pathlib import Path

LOG_NAME = "run.log"
ENV = "POLICY_RUN_LOG"  # the log file's path, for worker processes started by the run
# loggers whose lines stay on the console: the run's own and Prefect's (flow and task states)
_CONSOLE = ("prefect", "pipeline", "policy")


class _LibrariesOff(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.name.startswith(_CONSOLE)


@contextlib.contextmanager
def library_logs_to(out_dir: str | Path):
    """While open, every log line reaching the root logger goes to `out_dir/run.log`, and the console
    handlers already there keep only the run's and Prefect's own lines."""
    path = Path(out_dir) / LOG_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    quiet = _LibrariesOff()
    console = [h for h in root.handlers]
    for h in console:
        h.addFilter(quiet)
    root.addHandler(handler)
    try:
        yield path
    finally:
        root.removeHandler(handler)
        handler.close()
        for h in console:
            h.removeFilter(quiet)


@contextlib.contextmanager
def for_workers(out_dir: str | Path):
    """While open, worker processes started now send their libraries' log lines to `out_dir/run.log`
    (`worker_logs`) instead of their stderr, which is the console."""
    path = Path(out_dir) / LOG_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    old = os.environ.get(ENV)
    os.environ[ENV] = str(path.resolve())
    try:
        yield path
    finally:
        if old is None:
            os.environ.pop(ENV, None)
        else:
            os.environ[ENV] = old


def worker_logs() -> None:
    """In a worker process: log lines to the run's log file when the run named one."""
    path = os.environ.get(ENV)
    if not path:
        return
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter(f"%(asctime)s %(levelname)s %(name)s [worker {os.getpid()}]: %(message)s"))
    logging.getLogger().addHandler(handler)


class Progress:
    """Files done of total, documents and failed files. On a terminal a progress bar; otherwise (`lines`) a
    plain line on stderr every `every` seconds and at the end; `none` says nothing."""

    def __init__(self, total: int, mode: str = "none", every: float = 5.0, stream=None):
        self.total, self.mode, self.every = total, mode, every
        self.stream = stream or sys.stderr
        self.done = self.documents = self.copies = self.failed = 0
        self.with_documents = self.only_copies = 0  # files that gave documents; files that gave only copies
        self._last = time.monotonic()
        self._bar = None
        if mode == "bar":
            from rich.progress import Progress as Bar

            self._bar = Bar(transient=True)
            self._task = self._bar.add_task("extracting", total=total)
            self._bar.start()

    def file_done(self, stored) -> None:
        """One file stored: `stored` is what `Store.put_file` returns (documents stored under the file, copies of
        documents other files provide), or a number of documents; a file that gave neither failed."""
        documents, copies = stored if isinstance(stored, tuple) else (stored, 0)
        self.done += 1
        self.documents += documents
        self.copies += copies
        self.failed += documents == 0 and copies == 0
        self.with_documents += documents > 0
        self.only_copies += documents == 0 and copies > 0
        if self._bar is not None:
            self._bar.update(self._task, completed=self.done)
        elif self.mode == "lines" and time.monotonic() - self._last >= self.every:
            self._line()

    def _line(self) -> None:
        self._last = time.monotonic()
        print(f"progress: {self.done}/{self.total} files, {self.documents} documents, {self.failed} failed",
              file=self.stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
        elif self.mode == "lines":
            self._line()
