"""Batch cleaning: many pages in (files, folders, JSON Lines, WARC), JSON Lines out.

    newsparse batch INPUT... -o OUT.jsonl [--workers N] [--timeout S] [--resume]

* Inputs are streamed: a WARC or JSONL file is never held in memory whole, and at
  most ``workers * 4`` pages are in flight. ``.gz`` is transparent everywhere.
* Output order is input order; every output line carries the page's ``id`` (file
  path, JSONL id or ``path:line``, WARC record id) and is written whole, with one
  ``write`` and a flush, so a kill leaves only whole lines (a torn last line is cut
  off by ``--resume``).
* A bad page never stops the batch: it gets one line ``{"id", "error"}`` in the
  errors file (default ``OUT.errors.jsonl``). A page running longer than
  ``--timeout`` seconds becomes such an error too, and so does a page on which a
  worker process dies. WARC records that are no HTML response, or whose HTTP status
  is not 2xx (redirects, 404s), are skipped (counted in the summary); a truncated or
  broken record is an error.
* ``--resume`` keeps both files, cuts a torn last line off them, skips every page
  whose id is already in either one and appends the rest: each page ends up exactly
  once in OUT or in the errors file. To retry failed pages, delete the errors file
  (or their lines in it) and resume again.
* Exit code: 0 all pages parsed; 1 some pages failed (see the errors file; with
  ``--resume``, also pages that failed in an earlier run); 2 the command line was wrong.

The pieces (``iter_items``, ``item_from_record``, ``result``, ``work``, ``run``) are
reused by :mod:`newsparse.contrib.dask`.
"""
from __future__ import annotations

import argparse
import collections
import dataclasses
import fnmatch
import functools
import gzip
import io
import json
import math
import multiprocessing
import os
import pathlib
import signal
import sys
import threading
import time
import zlib
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import IO, Any, TypeVar

from . import api
from .api import parse
from .errors import ParseError
from .options import Options
from .serialize import FORMATS, render

# Pages in flight per worker: enough to keep every process busy, few enough that a
# huge WARC never piles up in memory.
IN_FLIGHT_PER_WORKER = 4

T = TypeVar("T")
R = TypeVar("R")


@dataclasses.dataclass(frozen=True, slots=True)
class Item:
    """One page to parse: where it came from and its content (or the path to read it from)."""

    id: str
    source: bytes | str | pathlib.Path
    url: str | None = None
    format: str = "auto"
    encoding: str | None = None
    error: str | None = None
    """Set when the page could not even be read from its container (broken JSONL line...)."""


@dataclasses.dataclass(slots=True)
class Counts:
    """What a batch did, for the summary line."""

    parsed: int = 0
    failed: int = 0
    skipped: int = 0
    """WARC records that are no HTML response (requests, metadata, images...)."""
    not_ok: int = 0
    """WARC responses with an HTTP status other than 2xx (redirects, 404s...), skipped too."""
    resumed: int = 0
    duplicates: int = 0
    """Pages written under an id already written in this run."""


@dataclasses.dataclass(frozen=True, slots=True)
class Fields:
    """JSONL field names."""

    html: str = "html"
    text: str = "text"
    url: str = "url"
    id: str = "id"


# ---------------------------------------------------------------------------- inputs


@dataclasses.dataclass(frozen=True, slots=True)
class Unread:
    """An input that gives no page: a missing path, a folder that cannot be read, or a
    folder or glob in which no file matches."""

    name: str
    reason: str


def iter_items(
    inputs: list[str],
    counts: Counts,
    pattern: str = "*",
    fields: Fields = Fields(),
    exclude: frozenset[str] = frozenset(),
    report: Callable[[str], None] | None = None,
) -> Iterator[Item]:
    """Every page of the inputs, in order: files, folders (recursive), globs, JSONL, WARC.

    ``exclude``: absolute paths never read from a folder or glob (the batch's own
    output and errors files, when they sit among the inputs). An input that gives no
    page is an error item, also passed to ``report`` (the command line prints it)."""
    for path in expand(inputs, pattern, exclude):
        if isinstance(path, Unread):
            if report is not None:
                report(f"{path.name}: {path.reason}")
            yield Item(id=path.name, source=b"", error=path.reason)
            continue
        kind = container(path)
        if kind == "warc":
            yield from _warc_items(path, counts)
        elif kind == "jsonl":
            yield from _jsonl_items(path, fields)
        else:
            yield Item(id=str(path), source=path)


def container(path: pathlib.Path) -> str | None:
    """``"warc"`` or ``"jsonl"`` for a file of many pages (by its name, ``.gz`` or not);
    None for a file that is one page."""
    name = path.name.lower()
    stem = name[:-3] if name.endswith(".gz") else name
    if stem.endswith((".warc", ".arc")):
        return "warc"
    if stem.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    return None


def expand(
    inputs: list[str], pattern: str, exclude: frozenset[str] = frozenset()
) -> Iterator[pathlib.Path | Unread]:
    """The files the inputs name, in order: folders walked (sorted, recursive, files
    matching ``pattern``), globs expanded. An input that names no file (missing, an
    unreadable folder, nothing matching) is an :class:`Unread`, never silently dropped."""
    for given in inputs:
        path = pathlib.Path(given)
        if path.is_dir():
            found = yield from _walk(path, pattern, exclude)
            if not found:
                yield Unread(given, f"no file in this folder matches --glob {pattern!r}")
        elif any(ch in given for ch in "*?[") and not path.exists():
            matches = _glob(given, exclude)
            yield from matches
            if not matches:
                yield Unread(given, "no file matches this pattern")
        elif not path.exists():
            yield Unread(given, f"{given} does not exist")
        else:
            yield path


def _walk(folder: pathlib.Path, pattern: str, exclude: frozenset[str]) -> Generator[pathlib.Path | Unread, None, bool]:
    """The files of a folder tree, then True if there was any; a subfolder that cannot
    be listed (permissions) is an Unread in its place."""
    found = False
    failures: list[OSError] = []  # os.walk reports a folder it cannot list here, then goes on
    for root, dirs, files in os.walk(folder, onerror=failures.append):
        found = (yield from _unreadable(failures)) or found
        dirs.sort()
        for file in sorted(files):
            if fnmatch.fnmatch(file, pattern) and os.path.abspath(os.path.join(root, file)) not in exclude:
                found = True
                yield pathlib.Path(root) / file
    return (yield from _unreadable(failures)) or found


def _unreadable(failures: list[OSError]) -> Generator[Unread, None, bool]:
    """An Unread for each folder os.walk could not list (then forgotten); True if any."""
    for failure in failures:
        name = os.fsdecode(failure.filename) if failure.filename is not None else "?"
        yield Unread(name, f"cannot read the folder {name}: {failure.strerror or failure}")
    any_failed = bool(failures)
    failures.clear()
    return any_failed


def _glob(given: str, exclude: frozenset[str]) -> list[pathlib.Path]:
    anchor = pathlib.Path(given).anchor or "."
    relative = given[len(anchor) :] if given.startswith(anchor) and anchor != "." else given
    return sorted(
        p for p in pathlib.Path(anchor).glob(relative) if p.is_file() and os.path.abspath(p) not in exclude
    )


def _open(path: pathlib.Path) -> IO[bytes]:
    handle = open(path, "rb")
    if handle.read(2) == b"\x1f\x8b":
        handle.seek(0)
        return gzip.GzipFile(fileobj=handle)  # type: ignore[return-value]
    handle.seek(0)
    return handle


def _jsonl_items(path: pathlib.Path, fields: Fields) -> Iterator[Item]:
    try:
        handle = _open(path)
    except OSError as error:
        yield Item(id=str(path), source=b"", error=f"cannot read {path}: {error.strerror or error}")
        return
    number = 0
    with handle:
        # utf-8-sig: a byte order mark (Windows editors write one) would break line 1
        lines = io.TextIOWrapper(handle, encoding="utf-8-sig", errors="replace")
        while True:
            try:
                raw = next(lines, None)
            except (OSError, EOFError, zlib.error) as error:  # a truncated or corrupt .jsonl.gz
                yield Item(id=f"{path}:{number + 1}", source=b"", error=f"cannot read {path} past line {number} ({error})")
                return
            if raw is None:
                return
            number += 1
            if not raw.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(raw)
            except json.JSONDecodeError as error:
                yield Item(id=where, source=b"", error=f"line {number} is not JSON ({error.msg})")
                continue
            yield item_from_record(record, where, fields, f"line {number}")


def item_from_record(record: object, where: str, fields: Fields = Fields(), what: str = "the record") -> Item:
    """The page in one JSON object (a JSONL line, a Dask bag element): HTML or a text dump,
    with an optional id and URL. ``where`` is the id used when the object has none."""
    if not isinstance(record, dict):
        return Item(id=where, source=b"", error=f"{what} is not a JSON object")
    page_id = str(record.get(fields.id) or where)
    url = record.get(fields.url) if isinstance(record.get(fields.url), str) else None
    if isinstance(record.get(fields.html), (str, bytes)):
        return Item(id=page_id, source=record[fields.html], url=url, format="html")
    if isinstance(record.get(fields.text), str):
        return Item(id=page_id, source=record[fields.text], url=url, format="text")
    return Item(
        id=page_id,
        source=b"",
        url=url,
        error=f"{what} has neither a {fields.html!r} nor a {fields.text!r} string field",
    )


def _warc_items(path: pathlib.Path, counts: Counts) -> Iterator[Item]:
    """The HTML responses of a WARC, one record at a time (the file is never read whole)."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield Item(
            id=str(path),
            source=b"",
            error="reading WARC files needs warcio: pip install 'newsparse[warc]'",
        )
        return
    try:
        handle = open(path, "rb")
        size = os.fstat(handle.fileno()).st_size
    except OSError as error:
        yield Item(id=str(path), source=b"", error=f"cannot read {path}: {error.strerror or error}")
        return
    with handle:
        records = ArchiveIterator(handle)
        while True:
            try:
                record = next(records)
            except StopIteration:
                # warcio ends quietly when the last record's header is cut off: bytes left
                # over after the last whole record mean a truncated archive
                if records.offset < size:
                    yield Item(
                        id=f"{path}@{records.offset}",
                        source=b"",
                        error=f"truncated WARC record at byte {records.offset} of {size}",
                    )
                return
            except Exception as error:  # warcio raises several types on a broken archive
                where = f"{path}@{records.offset}"
                yield Item(id=where, source=b"", error=f"broken WARC record ({type(error).__name__}: {error})")
                return
            item = _warc_item(record, counts, f"{path}@{records.offset}")
            if item is not None:
                yield item


def _warc_item(record: Any, counts: Counts, where: str, max_bytes: int = Options().max_input_bytes) -> Item | None:
    """The page in one WARC (or ARC) record; None for a record that holds no HTML page
    (skipped). ``where`` (``path@offset``) stands in for a missing record id."""
    headers = record.rec_headers
    arc = record.format == "arc"
    uri = headers.get_header("uri" if arc else "WARC-Target-URI")
    page_id = f"{headers.get_header('WARC-Record-ID') or where} {uri}"
    length = headers.get_header("length" if arc else "Content-Length") or ""
    if not length.strip().isdigit():  # the header block was cut off
        return Item(id=page_id, source=b"", url=uri, error="truncated WARC record (its header has no Content-Length)")
    content_type = (record.http_headers.get_header("Content-Type") or "").lower() if record.http_headers else ""
    skipped = _not_a_page(record, content_type)
    body = b""
    if skipped is None:
        try:
            # at most one byte over the size limit: a huge record is refused, not loaded
            body = record.content_stream().read(max_bytes + 1)
        except Exception as error:  # a corrupt payload (bad chunking or compression)
            return Item(id=page_id, source=b"", url=uri, error=f"unreadable WARC payload ({type(error).__name__}: {error})")
        if len(body) > max_bytes:
            return Item(id=page_id, source=b"", url=uri, error=f"the WARC payload is over the limit of {max_bytes:,} bytes")
    while record.raw_stream.read(65536):  # the rest of the record (warcio would read it too)
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:  # the file ended inside this record
        return Item(id=page_id, source=b"", url=uri, error="truncated WARC record (the file ends inside it)")
    if skipped is not None:  # not a page: skipped, once it is known to be whole
        if skipped == "status":
            counts.not_ok += 1
        else:
            counts.skipped += 1
        return None
    charset = content_type.split("charset=", 1)[1].split(";")[0].strip(" \"'") if "charset=" in content_type else None
    return Item(id=page_id, source=body, url=uri, format="html", encoding=charset or None)


def _not_a_page(record: Any, content_type: str) -> str | None:
    """Why a record is skipped: ``"status"`` for an HTTP redirect or error (its body, if
    any, is a server's stock page, not the article), ``"type"`` for anything else but an
    HTML response; None for a page."""
    if record.rec_type != "response" or record.http_headers is None:
        return "type"
    status = str(record.http_headers.get_statuscode() or "").strip()
    if status.isdigit() and not status.startswith("2"):
        return "status"
    if content_type and "html" not in content_type:
        return "type"
    return None


# ---------------------------------------------------------------------------- work


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


# ---------------------------------------------------------------------------- output


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


def count_pages(inputs: list[str], pattern: str, exclude: frozenset[str] = frozenset()) -> int | None:
    """How many items the inputs give, when they are all single-page files (folders,
    globs, file lists); None when a WARC or JSONL file is among them (counting its
    pages would mean reading it twice)."""
    total = 0
    for path in expand(inputs, pattern, exclude):
        if isinstance(path, pathlib.Path) and container(path):
            return None
        total += 1
    return total


class _Progress:
    """A one-line progress display on stderr (only when stderr is a terminal), with the
    total and an ETA once a background thread has counted the pages."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.start = time.monotonic()
        self.last = 0.0
        self.total: int | None = None

    def count(self, inputs: list[str], pattern: str, exclude: frozenset[str]) -> None:
        """Count the pages beside the batch: a big folder's walk must not delay the first page."""
        if self.enabled:
            thread = threading.Thread(target=self._count, args=(inputs, pattern, exclude), daemon=True)
            thread.start()

    def _count(self, inputs: list[str], pattern: str, exclude: frozenset[str]) -> None:
        self.total = count_pages(inputs, pattern, exclude)

    def update(self, counts: Counts, force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not force and now - self.last < 0.2):
            return
        self.last = now
        sys.stderr.write(self.line(counts, now - self.start))
        sys.stderr.flush()

    def line(self, counts: Counts, elapsed: float) -> str:
        rate = (counts.parsed + counts.failed) / max(1e-9, elapsed)
        text = f"{counts.parsed} parsed, {counts.failed} failed, {rate:.1f} pages/s"
        if self.total is None:
            return f"\r{text} "
        done = counts.parsed + counts.failed + counts.resumed
        left = max(0, self.total - done)
        eta = f", ETA {_duration(left / rate)}" if rate > 0 else ""
        return f"\r{done}/{self.total} pages: {text}{eta} "


def _duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"


# More processes than this only add memory (each worker holds about 150 MB of
# lexicons and language model) and contention: the work is CPU-bound.
MAX_WORKERS_PER_CPU = 4


def _workers(value: str) -> int:
    """``--workers``: a whole number from 1 to MAX_WORKERS_PER_CPU x the CPU count."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    cpus = os.cpu_count() or 1
    if number < 1:
        raise argparse.ArgumentTypeError(f"{number} is too few: at least 1 process is needed")
    if number > MAX_WORKERS_PER_CPU * cpus:
        raise argparse.ArgumentTypeError(
            f"{number} is too many for {cpus} CPUs: at most {MAX_WORKERS_PER_CPU * cpus} "
            f"({MAX_WORKERS_PER_CPU} per CPU; each worker holds about 150 MB)"
        )
    return number


def _timeout(value: str) -> float:
    """``--timeout``: seconds above 0 (a page is always given some time)."""
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if not math.isfinite(seconds) or seconds <= 0:
        raise argparse.ArgumentTypeError(f"{value} is not a number of seconds above 0")
    return seconds


def _arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsparse batch",
        description="Parse many pages into one JSON Lines file, in input order.",
        epilog=(
            "inputs: files, folders (recursive), globs, .jsonl[.gz] (one page per line), "
            ".warc[.gz] (HTML responses). Exit code 0: all parsed; 1: some pages failed "
            "(listed in the errors file); 2: bad command line; 130: interrupted."
        ),
    )
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="a page file, a folder, a glob, a .jsonl[.gz] or a .warc[.gz] file"
    )
    parser.add_argument(
        "-o", "--output", required=True, help="the JSON Lines file to write (gzip if it ends in .gz; - for stdout)"
    )
    parser.add_argument(
        "--errors",
        help="where failed pages go (default: OUTPUT with .errors.jsonl; stderr with -o -; - for stderr)",
    )
    parser.add_argument(
        "--workers", type=_workers, default=os.cpu_count() or 1, help="processes (default: CPU count)"
    )
    parser.add_argument(
        "--timeout", type=_timeout, default=30.0, help="seconds per page before it fails (default 30)"
    )
    parser.add_argument("--format", "-f", choices=FORMATS, default="json", help="per-page output (default json)")
    parser.add_argument("--glob", default="*", help="file-name pattern inside folders (default: every file)")
    parser.add_argument(
        "--resume",
        action="store_true",
        help="skip pages whose id is already in OUTPUT or the errors file, and append the rest",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress and no summary")
    parser.add_argument("--html-field", default="html", help="JSONL field holding HTML (default html)")
    parser.add_argument("--text-field", default="text", help="JSONL field holding a text dump (default text)")
    parser.add_argument("--url-field", default="url", help="JSONL field holding the URL (default url)")
    parser.add_argument("--id-field", default="id", help="JSONL field holding the id (default id)")
    return parser


# ---------------------------------------------------------------------------- command line


class _Lines:
    """A JSON Lines destination: a file (gzip when its name ends in .gz), or a standard
    stream when ``path`` is None. Opened by ``open()`` or at the first line, so that a
    batch with no failure (or one interrupted before any) leaves no empty errors file."""

    def __init__(self, path: pathlib.Path | None, stream: IO[str], append: bool) -> None:
        self.path, self.stream, self.append = path, stream, append
        self.handle: IO[str] | None = None

    def open(self) -> IO[str]:
        if self.handle is None:
            self.handle = self.stream if self.path is None else _open_text(self.path, self.append)
        return self.handle

    def write(self, line: str) -> None:
        handle = self.open()
        handle.write(line + "\n")
        if self.path is None or not self.path.name.endswith(".gz"):
            handle.flush()  # whole lines on disk (for --resume); a gzip stream is flushed at the end

    def close(self) -> None:
        if self.handle is not None and self.path is not None:
            self.handle.close()


def _open_text(path: pathlib.Path, append: bool) -> IO[str]:
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = "a" if append else "w"
    if path.name.endswith(".gz"):
        return io.TextIOWrapper(gzip.GzipFile(path, mode + "b"), encoding="utf-8")
    return open(path, mode, encoding="utf-8")


def _destinations(
    args: argparse.Namespace, parser: argparse.ArgumentParser
) -> tuple[pathlib.Path | None, pathlib.Path | None]:
    """The output and errors files (None: stdout, stderr); a nonsensical pair is a usage error."""
    output = None if args.output == "-" else pathlib.Path(args.output)
    errors: pathlib.Path | None = None  # stderr: with --errors -, and by default with -o -
    if args.errors not in (None, "-"):
        errors = pathlib.Path(args.errors)
    elif args.errors is None and output is not None:
        errors = output.with_name(_stem(output.name) + ".errors.jsonl")
    if output is not None and errors is not None and _same_file(output, errors):
        parser.error(f"--errors {errors} is the output file itself: failed pages would be mixed into it")
    if args.resume and (output is None or output.name.endswith(".gz")):
        parser.error("--resume appends to a plain output file (not stdout, not .gz); compress it afterwards")
    return output, errors


def _stem(name: str) -> str:
    """``out`` for ``out.jsonl`` and ``out.jsonl.gz``."""
    name = name[:-3] if name.endswith(".gz") else name
    return name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name


def _same_file(one: pathlib.Path, other: pathlib.Path) -> bool:
    if os.path.abspath(one) == os.path.abspath(other):
        return True
    try:
        return one.samefile(other)  # through symlinks and hard links
    except OSError:
        return False


def _unwritable(path: pathlib.Path | None) -> str | None:
    """Why the file ``path`` cannot be written, or None (checked before any page is parsed)."""
    if path is None:
        return None
    if path.is_dir():
        return "it is a folder; give a file name"
    folder = path.parent
    while not folder.exists() and folder != folder.parent:  # missing folders are created
        folder = folder.parent
    if not folder.is_dir():
        return f"{folder} is not a folder"
    if not os.access(path if path.exists() else folder, os.W_OK):
        return "permission denied"
    return None


def _say(message: str) -> None:
    sys.stderr.write(f"newsparse batch: {message}\n")


def main(argv: list[str]) -> int:
    """``newsparse batch``: returns the exit code."""
    parser = _arguments()
    args = parser.parse_args(argv)
    output, errors_path = _destinations(args, parser)
    for path in (output, errors_path):
        problem = _unwritable(path)
        if problem is not None:
            _say(f"cannot write {path}: {problem}")
            return 2
    # --resume: every page already in OUTPUT or in the errors file is done (each page
    # lands in exactly one of the two); the rest is appended to them
    failed_before = done_ids(errors_path) if args.resume and errors_path else set()
    skip = done_ids(output) | failed_before if args.resume and output else set()
    if errors_path is not None and not args.resume:
        errors_path.unlink(missing_ok=True)  # an earlier run's failures are not this run's
    out = _Lines(output, sys.stdout, append=args.resume)
    try:
        out.open()
    except OSError as error:
        _say(f"cannot write {output}: {error.strerror or error}")
        return 2
    errors = _Lines(errors_path, sys.stderr, append=args.resume)
    counts = Counts()
    fields = Fields(args.html_field, args.text_field, args.url_field, args.id_field)
    own = frozenset(os.path.abspath(path) for path in (output, errors_path) if path is not None)
    items = iter_items(args.inputs, counts, args.glob, fields, exclude=own, report=_say)
    if skip:
        items = _skip_done(items, skip, counts)
    progress = _Progress(sys.stderr.isatty() and not args.quiet and errors_path is not None)
    progress.count(args.inputs, args.glob, own)
    try:
        _write(run(items, args.workers, args.format, args.timeout), out, errors, counts, progress)
    except KeyboardInterrupt:
        _say(f"interrupted after {counts.parsed + counts.failed} pages; run the same command with --resume to go on")
        return 130
    finally:
        out.close()
        errors.close()
    if not args.quiet:
        sys.stderr.write(_summary(counts, len(failed_before), time.monotonic() - progress.start, progress.enabled))
    return 1 if counts.failed or failed_before else 0


def _write(
    results: Iterator[tuple[str, str | None, str | None]],
    out: _Lines,
    errors: _Lines,
    counts: Counts,
    progress: _Progress,
) -> None:
    seen: set[int] = set()  # hashes of the ids written: a few dozen bytes per page, not the ids
    for page_id, line, error in results:
        _note_duplicate(page_id, seen, counts)
        if line is not None:
            out.write(line)
            counts.parsed += 1
        else:
            errors.write(json.dumps(error_record(page_id, error or "unknown error"), ensure_ascii=False))
            counts.failed += 1
        progress.update(counts)
    progress.update(counts, force=True)


# Duplicate ids warned about one by one; more are only counted in the summary.
MAX_DUPLICATE_WARNINGS = 10


def _note_duplicate(page_id: str, seen: set[int], counts: Counts) -> None:
    """Warn when an id is written twice: --resume (and any join on the id) cannot tell the two apart."""
    key = hash(page_id)
    if key not in seen:
        seen.add(key)
        return
    counts.duplicates += 1
    if counts.duplicates <= MAX_DUPLICATE_WARNINGS:
        _say(f"warning: the id {page_id!r} is written a second time (the inputs hold it twice)")


def _summary(counts: Counts, failed_before: int, elapsed: float, over_progress: bool) -> str:
    before = f" ({failed_before} failed before)" if failed_before else ""
    not_ok = f", {counts.not_ok} skipped (HTTP status not 2xx)" if counts.not_ok else ""
    duplicates = f", {counts.duplicates} duplicate ids" if counts.duplicates else ""
    return (
        f"{chr(13) if over_progress else ''}newsparse batch: {counts.parsed} parsed, {counts.failed} failed, "
        f"{counts.skipped} skipped (non-HTML records){not_ok}, {counts.resumed} already done{before}{duplicates}, "
        f"{elapsed:.1f} s ({counts.parsed / max(elapsed, 1e-9):.1f} pages/s)\n"
    )


def _skip_done(items: Iterator[Item], done: set[str], counts: Counts) -> Iterator[Item]:
    for item in items:
        if item.id in done:
            counts.resumed += 1
            continue
        yield item
