"""The pages of a batch (:class:`Item`), read out of the files that hold many: JSON
Lines (one page per line) and WARC/ARC archives (one HTML response per record).

Both are streamed, never held in memory whole, and ``.gz`` is transparent. A line or
record that cannot be read becomes an Item with an ``error`` (a bad page never stops
the batch); WARC records that are no HTML page are skipped and counted in
:class:`Counts`. :func:`item_from_record` also reads the JSON objects of a Dask bag
(:mod:`newsparse.contrib.dask`).
"""
from __future__ import annotations

import dataclasses
import gzip
import io
import json
import os
import pathlib
import zlib
from collections.abc import Iterator
from typing import IO, Any

from .options import Options


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


def _open(path: pathlib.Path) -> IO[bytes]:
    handle = open(path, "rb")
    if handle.read(2) == b"\x1f\x8b":
        handle.seek(0)
        return gzip.GzipFile(fileobj=handle)  # type: ignore[return-value]
    handle.seek(0)
    return handle


def jsonl_items(path: pathlib.Path, fields: Fields) -> Iterator[Item]:
    """The pages of a JSON Lines file (maybe gzipped), one record a line; a line that is no
    JSON or lacks the page field becomes an error item, so that it is reported, not lost."""
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


def warc_items(path: pathlib.Path, counts: Counts) -> Iterator[Item]:
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
