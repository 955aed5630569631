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

The pieces: inputs are read by :mod:`newsparse.batch_inputs`, pages parsed by
:mod:`newsparse.batch`, lines written by :mod:`newsparse.batch_output`; this module is
the command line around them (options, progress, summary, ``--resume``).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
import threading
import time
from collections.abc import Iterator

from .batch import done_ids, error_record, run
from .batch_inputs import count_pages, iter_items
from .batch_items import Counts, Fields, Item
from .batch_output import Lines, destinations, unwritable
from .serialize import FORMATS


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


def _say(message: str) -> None:
    sys.stderr.write(f"newsparse batch: {message}\n")


def main(argv: list[str]) -> int:
    """``newsparse batch``: returns the exit code."""
    parser = _arguments()
    args = parser.parse_args(argv)
    output, errors_path = destinations(args, parser)
    for path in (output, errors_path):
        problem = unwritable(path)
        if problem is not None:
            _say(f"cannot write {path}: {problem}")
            return 2
    # --resume: every page already in OUTPUT or in the errors file is done (each page
    # lands in exactly one of the two); the rest is appended to them
    failed_before = done_ids(errors_path) if args.resume and errors_path else set()
    skip = done_ids(output) | failed_before if args.resume and output else set()
    if errors_path is not None and not args.resume:
        errors_path.unlink(missing_ok=True)  # an earlier run's failures are not this run's
    out = Lines(output, sys.stdout, append=args.resume)
    try:
        out.open()
    except OSError as error:
        _say(f"cannot write {output}: {error.strerror or error}")
        return 2
    errors = Lines(errors_path, sys.stderr, append=args.resume)
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
    out: Lines,
    errors: Lines,
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
