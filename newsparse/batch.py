"""Batch running: pages to parse (:class:`~newsparse.batch_items.Item`) → output lines,
in input order.

* :func:`result` and :func:`work` parse one item (its own ``--timeout``, its errors
  turned into an error record); :func:`run` parses many, with ``workers`` processes.
* :func:`ordered_map` is the bounded, ordered process pool beneath (also behind
  ``parse_many(workers=N)``): at most ``workers * 4`` pages in flight, and a worker
  that dies costs only the page it was parsing.
* :func:`done_ids` reads the ids already in an output file, for ``--resume``.

The command line is :mod:`newsparse.batch_cli`; the inputs are read by
:mod:`newsparse.batch_inputs` and :mod:`newsparse.batch_items`, whose names are
re-exported here. The pieces (``iter_items``, ``item_from_record``, ``result``,
``work``, ``run``) are reused by :mod:`newsparse.contrib.dask`.
"""
from __future__ import annotations

import collections
import functools
import json
import multiprocessing
import os
import pathlib
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from . import api
from .api import parse
from .batch_inputs import Unread, container, count_pages, expand, iter_items
from .batch_items import Counts, Fields, Item, item_from_record
from .errors import ParseError
from .options import Options
from .serialize import render

__all__ = [
    "IN_FLIGHT_PER_WORKER",
    "WORKER_DIED",
    "Counts",
    "Fields",
    "Item",
    "Unread",
    "container",
    "count_pages",
    "done_ids",
    "error_record",
    "expand",
    "item_from_record",
    "iter_items",
    "main",
    "ordered_map",
    "result",
    "run",
    "warm_up",
    "work",
]

# Pages in flight per worker: enough to keep every process busy, few enough that a
# huge WARC never piles up in memory.
IN_FLIGHT_PER_WORKER = 4

T = TypeVar("T")
R = TypeVar("R")


def result(item: Item, output_format: str = "json", timeout: float = 0.0) -> tuple[dict[str, Any] | None, str | None]:
    """Parse one item: (its output record, None) or (None, why it failed).

    The record is ``{"id": ..., **doc.to_dict()}`` for ``output_format="json"``, else
    ``{"id": ..., "text": <rendering>}``. ``timeout`` (seconds, 0 for none) is enforced
    only in a process's main thread (SIGALRM)."""
    if item.error:
        return None, item.error
    warm_up()  # before the clock starts: a page's timeout is its own parsing time
    try:
        with _time_limit(timeout):
            doc = parse(item.source, url=item.url, format=item.format, options=Options(encoding=item.encoding))  # type: ignore[arg-type]
    except ParseError as error:
        return None, str(error)
    except _Timeout:
        return None, f"took longer than {timeout:g} s (raise --timeout to allow more)"
    except Exception as error:  # a bug must not end the batch: report it like a bad page
        return None, f"internal error ({type(error).__name__}: {error}); please report it"
    if output_format == "json":
        return {"id": item.id, **doc.to_dict()}, None
    return {"id": item.id, "text": render(doc, output_format)}, None


# Latin words enough for the language model, so that it is loaded too
_WARM_UP_PAGE = "<h1>Warm-up</h1><p>One short sentence of English text that loads every resource of the parser.</p>"


@functools.lru_cache(maxsize=1)
def warm_up() -> None:
    """Load, once per process, what ``parse()`` loads on its first page (the lexicons
    and the language model, about 0.7 s), so that no page's ``--timeout`` counts it."""
    try:
        api.parse(_WARM_UP_PAGE)  # api.parse, not this module's name: tests patch that one
    except ParseError:  # cannot happen with this page; a failed warm-up costs only time
        pass


def error_record(page_id: str, error: str) -> dict[str, str]:
    """A failed page's line in the errors file (and its record in ``newsparse.contrib.dask``)."""
    return {"id": page_id, "error": error}


def work(item: Item, output_format: str, timeout: float) -> tuple[str, str | None, str | None]:
    """Parse one item: (id, output line, error). Runs in a worker process, so that the
    JSON encoding is done there too."""
    record, error = result(item, output_format, timeout)
    if record is None:
        return item.id, None, error
    return item.id, json.dumps(record, ensure_ascii=False), None


class _Timeout(Exception):
    pass


class _time_limit:
    """SIGALRM-based limit; a no-op where signals are unavailable (threads, Windows)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.active = (
            seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        )

    def __enter__(self) -> None:
        if self.active:
            self.previous = signal.signal(signal.SIGALRM, self._expire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc: object) -> None:
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)

    @staticmethod
    def _expire(signum: int, frame: object) -> None:
        raise _Timeout()


def run(
    items: Iterator[Item],
    workers: int,
    output_format: str = "json",
    timeout: float = 30.0,
) -> Iterator[tuple[str, str | None, str | None]]:
    """Parse items with ``workers`` processes, yielding ``work()``'s results in input order."""
    if workers <= 1:
        for item in items:
            yield work(item, output_format, timeout)
        return
    yield from ordered_map(
        functools.partial(work, output_format=output_format, timeout=timeout), items, workers, _crashed_item
    )


def _crashed_item(item: Item) -> tuple[str, str | None, str | None]:
    return item.id, None, WORKER_DIED


WORKER_DIED = "the worker process died while parsing this page (a crash, or out of memory)"


def ordered_map(
    function: Callable[[T], R], items: Iterable[T], workers: int, crashed: Callable[[T], R]
) -> Iterator[R]:
    """``function(item)`` for every item, computed in ``workers`` processes, yielded in input order.

    At most ``workers * IN_FLIGHT_PER_WORKER`` items are in flight, so a long input never
    piles up in memory. A worker process that dies (a crash in a C library, the kernel's
    OOM killer) costs only the item it was working on: the items in flight are retried
    one by one, and the one that kills its worker yields ``crashed(item)``."""
    # The parent only reads inputs and writes lines: it never parses, so it stays small
    # (about 40 MB); each worker loads what parse() needs (lexicons, language model)
    # before its first page (result() calls warm_up() outside the timeout). Loading that once in the parent before forking would not save
    # time (the workers load it side by side) and would count it in every process's RSS.
    limit = workers * IN_FLIGHT_PER_WORKER
    pending = iter(items)
    window: collections.deque[tuple[T, Future[R]]] = collections.deque()
    pool = _pool(workers)
    try:
        while True:
            while len(window) < limit:
                try:
                    item = next(pending)
                except StopIteration:
                    break
                window.append((item, pool.submit(function, item)))
            if not window:
                return
            try:
                done = window[0][1].result()
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                yield from _one_by_one(function, list(window), crashed)
                window.clear()
                pool = _pool(workers)
                continue
            window.popleft()
            yield done
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _one_by_one(
    function: Callable[[T], R], window: list[tuple[T, Future[R]]], crashed: Callable[[T], R]
) -> Iterator[R]:
    """The items that were in flight when a worker died, each (unless it was done) in a
    process of its own, so that only the item that kills a worker fails."""
    for item, future in window:
        if future.done() and not future.cancelled() and future.exception() is None:
            yield future.result()
            continue
        with _pool(1) as pool:
            try:
                yield pool.submit(function, item).result()
            except BrokenProcessPool:
                yield crashed(item)


def _pool(workers: int) -> ProcessPoolExecutor:
    # Workers die with the batch (Linux), so that a killed batch leaves none behind.
    # Only when the batch itself starts them ("fork", "spawn"), from the main thread
    # (the death signal follows the thread that started a worker, not the process).
    direct = multiprocessing.get_start_method() in ("fork", "spawn")
    main = threading.current_thread() is threading.main_thread()
    parent = os.getpid() if direct and main else 0
    return ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(parent,))


def _start_worker(parent: int) -> None:
    # Ctrl-C reaches every process of the terminal's group: the parent stops the pool
    # and says so; a worker's own KeyboardInterrupt would only print a traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:
    if parent and sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            return
        if os.getppid() != parent:  # the batch died before the line above
            os._exit(1)


def done_ids(path: pathlib.Path) -> set[str]:
    """Ids already in an output file, read line by line; a torn last line (a kill
    mid-write) is cut off the file."""
    ids: set[str] = set()
    try:
        handle = open(path, "r+b")
    except FileNotFoundError:
        return ids
    with handle:
        whole = 0  # bytes up to the end of the last whole line
        for line in handle:
            if not line.endswith(b"\n"):
                break
            whole += len(line)
            try:
                ids.add(str(json.loads(line)["id"]))
            except (ValueError, KeyError, TypeError):
                continue
        if whole < os.fstat(handle.fileno()).st_size:
            handle.truncate(whole)
    return ids


def main(argv: list[str]) -> int:
    """``newsparse batch``: returns the exit code (see :func:`newsparse.batch_cli.main`,
    loaded here only when called: the command line builds on this module)."""
    from .batch_cli import main as command

    return command(argv)
