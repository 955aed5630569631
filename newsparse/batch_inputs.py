"""Batch inputs → pages to parse (:class:`~newsparse.batch_items.Item`), in order:
files, folders (recursive), globs, and the pages inside JSONL and WARC files (read by
:mod:`newsparse.batch_items`).

An input that names no file (missing, an unreadable folder, nothing matching) is an
:class:`Unread`, reported as an error item, never silently dropped. :func:`count_pages`
counts the pages ahead of a run, for the progress display's total.
"""
from __future__ import annotations

import dataclasses
import fnmatch
import os
import pathlib
from collections.abc import Callable, Generator, Iterator

from .batch_items import Counts, Fields, Item, jsonl_items, warc_items


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
            yield from warc_items(path, counts)
        elif kind == "jsonl":
            yield from jsonl_items(path, fields)
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
