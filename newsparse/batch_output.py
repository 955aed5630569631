"""Where ``newsparse batch`` writes: the output and errors files (or stdout and
stderr), checked before any page is parsed, and the JSON Lines writer that puts each
line on disk whole.
"""
from __future__ import annotations

import argparse
import gzip
import io
import os
import pathlib
from typing import IO


class Lines:
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


def destinations(
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


def unwritable(path: pathlib.Path | None) -> str | None:
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
