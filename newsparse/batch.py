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
  ``--timeout`` seconds becomes such an error too.
* Exit code: 0 all pages parsed; 1 some pages failed (see the errors file);
  2 the command line was wrong.
"""
from __future__ import annotations

import argparse
import collections
import dataclasses
import fnmatch
import gzip
import io
import json
import os
import pathlib
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import IO, Any

from .api import parse
from .errors import ParseError
from .options import Options
from .serialize import FORMATS, render

# Pages in flight per worker: enough to keep every process busy, few enough that a
# huge WARC never piles up in memory.
IN_FLIGHT_PER_WORKER = 4


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


def iter_items(inputs: list[str], counts: Counts, pattern: str = "*", fields: Fields = Fields()) -> Iterator[Item]:
    """Every page of the inputs, in order: files, folders (recursive), globs, JSONL, WARC."""
    for path in _expand(inputs, pattern):
        name = path.name.lower()
        stem = name[:-3] if name.endswith(".gz") else name
        if stem.endswith((".warc", ".arc")):
            yield from _warc_items(path, counts)
        elif stem.endswith((".jsonl", ".ndjson")):
            yield from _jsonl_items(path, fields)
        else:
            yield Item(id=str(path), source=path)


def _expand(inputs: list[str], pattern: str) -> Iterator[pathlib.Path]:
    for given in inputs:
        path = pathlib.Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for file in sorted(files):
                    if fnmatch.fnmatch(file, pattern):
                        yield pathlib.Path(root) / file
        elif any(ch in given for ch in "*?[") and not path.exists():
            anchor = pathlib.Path(given).anchor or "."
            relative = given[len(anchor) :] if given.startswith(anchor) and anchor != "." else given
            yield from sorted(p for p in pathlib.Path(anchor).glob(relative) if p.is_file())
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
    with handle:
        for number, raw in enumerate(io.TextIOWrapper(handle, encoding="utf-8", errors="replace"), 1):
            if not raw.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(raw)
            except ValueError as error:
                yield Item(id=where, source=b"", error=f"line {number} is not JSON ({error.msg})")
                continue
            if not isinstance(record, dict):
                yield Item(id=where, source=b"", error=f"line {number} is not a JSON object")
                continue
            page_id = str(record.get(fields.id) or where)
            url = record.get(fields.url) if isinstance(record.get(fields.url), str) else None
            if isinstance(record.get(fields.html), str):
                yield Item(id=page_id, source=record[fields.html], url=url, format="html")
            elif isinstance(record.get(fields.text), str):
                yield Item(id=page_id, source=record[fields.text], url=url, format="text")
            else:
                yield Item(
                    id=page_id,
                    source=b"",
                    error=f"line {number} has neither a {fields.html!r} nor a {fields.text!r} string field",
                )


def _warc_items(path: pathlib.Path, counts: Counts) -> Iterator[Item]:
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
    except OSError as error:
        yield Item(id=str(path), source=b"", error=f"cannot read {path}: {error.strerror or error}")
        return
    with handle:
        records = ArchiveIterator(handle)
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except Exception as error:  # warcio raises several types on a broken archive
                where = f"{path}@{handle.tell()}"
                yield Item(id=where, source=b"", error=f"broken WARC record ({type(error).__name__}: {error})")
                return
            item = _warc_item(record, counts)
            if item is not None:
                yield item


def _warc_item(record: Any, counts: Counts) -> Item | None:
    headers = record.rec_headers
    record_id = headers.get_header("WARC-Record-ID") or "?"
    uri = headers.get_header("WARC-Target-URI")
    if record.rec_type != "response" or record.http_headers is None:
        counts.skipped += 1
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if content_type and "html" not in content_type:
        counts.skipped += 1
        return None
    charset = content_type.split("charset=", 1)[1].split(";")[0].strip(" \"'") if "charset=" in content_type else None
    try:
        body = record.content_stream().read()
    except Exception as error:  # a truncated or corrupt payload
        return Item(id=f"{record_id} {uri}", source=b"", url=uri, error=f"unreadable WARC payload ({error})")
    return Item(id=f"{record_id} {uri}", source=body, url=uri, format="html", encoding=charset or None)


# ---------------------------------------------------------------------------- work


def work(item: Item, output_format: str, timeout: float) -> tuple[str, str | None, str | None]:
    """Parse one item: (id, output line, error line). Runs in a worker process."""
    if item.error:
        return item.id, None, item.error
    try:
        with _time_limit(timeout):
            doc = parse(item.source, url=item.url, format=item.format, options=Options(encoding=item.encoding))  # type: ignore[arg-type]
    except ParseError as error:
        return item.id, None, str(error)
    except _Timeout:
        return item.id, None, f"took longer than {timeout:g} s (raise --timeout to allow more)"
    except Exception as error:  # a bug must not end the batch: report it like a bad page
        return item.id, None, f"internal error ({type(error).__name__}: {error}); please report it"
    if output_format == "json":
        record: dict[str, Any] = {"id": item.id, **doc.to_dict()}
    else:
        record = {"id": item.id, "text": render(doc, output_format)}
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
    """Parse items with ``workers`` processes, yielding results in input order."""
    if workers <= 1:
        for item in items:
            yield work(item, output_format, timeout)
        return
    window: collections.deque[Future[tuple[str, str | None, str | None]]] = collections.deque()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for item in items:
            window.append(pool.submit(work, item, output_format, timeout))
            if len(window) >= workers * IN_FLIGHT_PER_WORKER:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


# ---------------------------------------------------------------------------- output


def done_ids(path: pathlib.Path) -> set[str]:
    """Ids already in an output file; a torn last line (a kill mid-write) is cut off."""
    if not path.exists():
        return set()
    data = path.read_bytes()
    end = data.rfind(b"\n") + 1
    if end < len(data):
        with open(path, "r+b") as handle:
            handle.truncate(end)
    ids = set()
    for line in data[:end].splitlines():
        try:
            ids.add(str(json.loads(line)["id"]))
        except (ValueError, KeyError, TypeError):
            continue
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
    parser.add_argument("inputs", nargs="+", metavar="INPUT")
    parser.add_argument("-o", "--output", required=True, help="the JSON Lines file to write")
    parser.add_argument("--errors", help="where failed pages go (default: OUTPUT with .errors.jsonl)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes (default: CPU count)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per page before it fails (default 30)")
    parser.add_argument("--format", "-f", choices=FORMATS, default="json", help="per-page output (default json)")
    parser.add_argument("--glob", default="*", help="file-name pattern inside folders (default: every file)")
    parser.add_argument("--resume", action="store_true", help="skip ids already in OUTPUT and append the rest")
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
    skip = done_ids(output) if args.resume else set()
    fields = Fields(args.html_field, args.text_field, args.url_field, args.id_field)
    items = iter_items(args.inputs, counts, args.glob, fields)
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
                err.write(json.dumps({"id": page_id, "error": error}, ensure_ascii=False) + "\n")
                err.flush()
                counts.failed += 1
            progress.update(counts)
    progress.update(counts, force=True)
    if not args.quiet:
        elapsed = time.monotonic() - progress.start
        sys.stderr.write(
            f"{chr(13) if progress.enabled else ''}newsparse batch: {counts.parsed} parsed, {counts.failed} failed, "
            f"{counts.skipped} skipped (non-HTML records), {counts.resumed} already done, "
            f"{elapsed:.1f} s ({counts.parsed / max(elapsed, 1e-9):.1f} pages/s)\n"
        )
    if counts.failed == 0 and errors_path.exists() and errors_path.stat().st_size == 0:
        errors_path.unlink()
    return 1 if counts.failed else 0


def _skip_done(items: Iterator[Item], done: set[str], counts: Counts) -> Iterator[Item]:
    for item in items:
        if item.id in done:
            counts.resumed += 1
            continue
        yield item
