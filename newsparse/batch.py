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
  worker process dies. WARC records that are no HTML response are skipped (counted
  in the summary); a truncated or broken record is an error.
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
import multiprocessing
import os
import pathlib
import signal
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import IO, Any, TypeVar

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
    resumed: int = 0


@dataclasses.dataclass(frozen=True, slots=True)
class Fields:
    """JSONL field names."""

    html: str = "html"
    text: str = "text"
    url: str = "url"
    id: str = "id"


# ---------------------------------------------------------------------------- inputs


def iter_items(
    inputs: list[str],
    counts: Counts,
    pattern: str = "*",
    fields: Fields = Fields(),
    exclude: frozenset[str] = frozenset(),
) -> Iterator[Item]:
    """Every page of the inputs, in order: files, folders (recursive), globs, JSONL, WARC.

    ``exclude``: absolute paths never read from a folder or glob (the batch's own
    output and errors files, when they sit among the inputs)."""
    for path in expand(inputs, pattern, exclude):
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


def expand(inputs: list[str], pattern: str, exclude: frozenset[str] = frozenset()) -> Iterator[pathlib.Path]:
    """The files the inputs name, in order: folders walked (sorted, recursive, files
    matching ``pattern``), globs expanded; a missing file is kept (it fails when read)."""
    for given in inputs:
        path = pathlib.Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for file in sorted(files):
                    if fnmatch.fnmatch(file, pattern) and os.path.abspath(os.path.join(root, file)) not in exclude:
                        yield pathlib.Path(root) / file
        elif any(ch in given for ch in "*?[") and not path.exists():
            anchor = pathlib.Path(given).anchor or "."
            relative = given[len(anchor) :] if given.startswith(anchor) and anchor != "." else given
            yield from sorted(
                p for p in pathlib.Path(anchor).glob(relative) if p.is_file() and os.path.abspath(p) not in exclude
            )
        else:
            yield path  # a missing file becomes an error record when it is read


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
        lines = io.TextIOWrapper(handle, encoding="utf-8", errors="replace")
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
    body = b""
    if record.rec_type == "response" and record.http_headers is not None and (not content_type or "html" in content_type):
        try:
            # at most one byte over the size limit: a huge record is refused, not loaded
            body = record.content_stream().read(max_bytes + 1)
        except Exception as error:  # a corrupt payload (bad chunking or compression)
            return Item(id=page_id, source=b"", url=uri, error=f"unreadable WARC payload ({type(error).__name__}: {error})")
        if len(body) > max_bytes:
            return Item(id=page_id, source=b"", url=uri, error=f"the WARC payload is over the limit of {max_bytes:,} bytes")
    else:
        content_type = None  # not a page: skipped, once it is known to be whole
    while record.raw_stream.read(65536):  # the rest of the record (warcio would read it too)
        pass
    if getattr(record.raw_stream, "limit", 0) > 0:  # the file ended inside this record
        return Item(id=page_id, source=b"", url=uri, error="truncated WARC record (the file ends inside it)")
    if content_type is None:
        counts.skipped += 1
        return None
    charset = content_type.split("charset=", 1)[1].split(";")[0].strip(" \"'") if "charset=" in content_type else None
    return Item(id=page_id, source=body, url=uri, format="html", encoding=charset or None)


# ---------------------------------------------------------------------------- work


def result(item: Item, output_format: str = "json", timeout: float = 0.0) -> tuple[dict[str, Any] | None, str | None]:
    """Parse one item: (its output record, None) or (None, why it failed).

    The record is ``{"id": ..., **doc.to_dict()}`` for ``output_format="json"``, else
    ``{"id": ..., "text": <rendering>}``. ``timeout`` (seconds, 0 for none) is enforced
    only in a process's main thread (SIGALRM)."""
    if item.error:
        return None, item.error
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
    # (about 40 MB); each worker loads what parse() needs (lexicons, language model) on
    # its first page. Loading that once in the parent before forking would not save
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
    return ProcessPoolExecutor(max_workers=workers, initializer=_die_with_parent, initargs=(parent,))


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


class _Progress:
    """A one-line progress display on stderr (only when stderr is a terminal)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.start = time.monotonic()
        self.last = 0.0

    def update(self, counts: Counts, force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (not force and now - self.last < 0.2):
            return
        self.last = now
        rate = counts.parsed / max(1e-9, now - self.start)
        sys.stderr.write(f"\r{counts.parsed} parsed, {counts.failed} failed, {rate:.1f} pages/s ")
        sys.stderr.flush()


def _arguments() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsparse batch",
        description="Parse many pages into one JSON Lines file, in input order.",
        epilog=(
            "inputs: files, folders (recursive), globs, .jsonl[.gz] (one page per line), "
            ".warc[.gz] (HTML responses). Exit code 0: all parsed; 1: some pages failed "
            "(listed in the errors file); 2: bad command line."
        ),
    )
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="a page file, a folder, a glob, a .jsonl[.gz] or a .warc[.gz] file"
    )
    parser.add_argument("-o", "--output", required=True, help="the JSON Lines file to write")
    parser.add_argument("--errors", help="where failed pages go (default: OUTPUT with .errors.jsonl)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes (default: CPU count)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per page before it fails (default 30)")
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


def main(argv: list[str]) -> int:
    """``newsparse batch``: returns the exit code."""
    args = _arguments().parse_args(argv)
    output = pathlib.Path(args.output)
    errors_path = pathlib.Path(args.errors) if args.errors else output.with_name(output.stem + ".errors.jsonl")
    counts = Counts()
    # --resume: every page already in OUTPUT or in the errors file is done (each page
    # lands in exactly one of the two); the rest is appended to them
    failed_before = done_ids(errors_path) if args.resume else set()
    skip = done_ids(output) | failed_before if args.resume else set()
    fields = Fields(args.html_field, args.text_field, args.url_field, args.id_field)
    own = frozenset({os.path.abspath(output), os.path.abspath(errors_path)})
    items = iter_items(args.inputs, counts, args.glob, fields, exclude=own)
    if skip:
        items = _skip_done(items, skip, counts)
    progress = _Progress(sys.stderr.isatty() and not args.quiet)
    mode = "a" if args.resume else "w"
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, mode, encoding="utf-8") as out, open(errors_path, mode, encoding="utf-8") as err:
        for page_id, line, error in run(items, max(1, args.workers), args.format, args.timeout):
            if line is not None:
                out.write(line + "\n")
                out.flush()
                counts.parsed += 1
            else:
                err.write(json.dumps(error_record(page_id, error or "unknown error"), ensure_ascii=False) + "\n")
                err.flush()
                counts.failed += 1
            progress.update(counts)
    progress.update(counts, force=True)
    if not args.quiet:
        elapsed = time.monotonic() - progress.start
        sys.stderr.write(
            f"{chr(13) if progress.enabled else ''}newsparse batch: {counts.parsed} parsed, {counts.failed} failed, "
            f"{counts.skipped} skipped (non-HTML records), {counts.resumed} already done"
            f"{f' ({len(failed_before)} failed before)' if failed_before else ''}, "
            f"{elapsed:.1f} s ({counts.parsed / max(elapsed, 1e-9):.1f} pages/s)\n"
        )
    if counts.failed == 0 and errors_path.exists() and errors_path.stat().st_size == 0:
        errors_path.unlink()
    return 1 if counts.failed or failed_before else 0


def _skip_done(items: Iterator[Item], done: set[str], counts: Counts) -> Iterator[Item]:
    for item in items:
        if item.id in done:
            counts.resumed += 1
            continue
        yield item
