"""Parse pages on a Dask cluster, with the same records as ``newsparse batch``.

Install with ``pip install 'newsparse[dask]'`` (dask, distributed, pandas)::

    import json
    from distributed import Client, LocalCluster
    from newsparse.contrib.dask import bag_from_paths, parse_bag, to_dataframe

    with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, Client(cluster):
        records = bag_from_paths(["crawl/", "more/*.warc.gz", "dump.jsonl"])
        records.map(json.dumps).to_textfiles("out/part-*.jsonl")   # like `newsparse batch`
        frame = to_dataframe(records)                               # a Dask DataFrame

Records (plain dicts, JSON-ready):

* a page that parsed: ``{"id": ..., **doc.to_dict()}``, exactly the line ``newsparse
  batch`` writes to its output;
* a page that failed: ``{"id": ..., "error": "why"}``, exactly the line it writes to
  its errors file. :func:`is_error` tells the two apart.

Ids are those of the command line: the file path, the JSONL ``id`` field (else
``path:line``), the WARC record id and URL. For a bag of pages without ids (strings,
bytes, dicts with no ``id``), the id is ``"<partition>:<index in partition>"``.

Differences from the command line: the per-page ``timeout`` only works where the task
runs in a process's main thread, which is not the case on Dask workers (tasks run in
worker threads), so it defaults to 0 (none); and a WARC or JSONL file is one partition
(read as a stream by the worker that parses it), so parallelism comes from having
several files. The paths must be readable by the workers (a shared file system).
"""
from __future__ import annotations

import os
import pathlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .. import batch

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag
    import dask.dataframe

INSTALL_HINT = "pip install 'newsparse[dask]'"

#: The flat columns of :func:`to_dataframe`, in order, with their pandas dtypes.
COLUMNS: dict[str, str] = {
    "id": "string",
    "error": "string",
    "url": "string",
    "title": "string",
    "text": "string",
    "language": "string",
    "published": "string",
    "authors": "string",
    "ui_language": "string",
    "n_paragraphs": "int64",
    "n_related": "int64",
    "n_images": "int64",
    "n_ai_images": "int64",
    "n_noise": "int64",
    "what_people_say": "string",
    "format": "string",
    "encoding": "string",
}


def _bag_module() -> Any:
    try:
        import dask.bag
    except ImportError as error:
        raise ImportError(f"newsparse.contrib.dask needs dask, distributed and pandas: {INSTALL_HINT}") from error
    return dask.bag


def is_error(record: dict[str, Any]) -> bool:
    """True for a failed page's record (``{"id", "error"}``)."""
    return "error" in record


def bag_from_paths(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    pattern: str = "*",
    files_per_partition: int = 64,
    timeout: float = 0.0,
    output_format: str = "json",
    fields: batch.Fields = batch.Fields(),
) -> dask.bag.Bag:
    """A bag of records from files, folders, globs, JSONL and WARC files (as ``newsparse batch``).

    The inputs are listed here (folders walked, globs expanded); the pages are read and
    parsed on the workers. Each WARC or JSONL file is one partition; single-page files
    are grouped ``files_per_partition`` to a partition. The bag's order is the input order.
    """
    db = _bag_module()
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    groups: list[list[str]] = []
    pages: list[str] = []
    for path in batch.expand([os.fspath(p) for p in paths], pattern):
        if isinstance(path, batch.Unread):  # read again on a worker: there it becomes an error record
            pages.append(path.name)
        elif batch.container(path):
            if pages:
                groups.append(pages)
                pages = []
            groups.append([str(path)])
        else:
            pages.append(str(path))
            if len(pages) >= max(1, files_per_partition):
                groups.append(pages)
                pages = []
    if pages or not groups:
        groups.append(pages)
    bag: dask.bag.Bag = db.from_sequence(groups, npartitions=len(groups)).map_partitions(
        _parse_paths, timeout=timeout, output_format=output_format, fields=fields
    )
    return bag


def parse_bag(
    bag: dask.bag.Bag,
    *,
    timeout: float = 0.0,
    output_format: str = "json",
    fields: batch.Fields = batch.Fields(),
) -> dask.bag.Bag:
    """Parse a bag of pages into a bag of records, element for element.

    An element is a page's HTML or text dump (``str`` or ``bytes``), a ``pathlib.Path``
    to a page file, or a dict with ``html`` or ``text`` and optionally ``url`` and ``id``
    (the field names can be changed with ``fields``, as ``--html-field`` etc. do).
    """
    db = _bag_module()
    index = db.from_sequence(range(bag.npartitions), npartitions=bag.npartitions)
    records: dask.bag.Bag = bag.map_partitions(  # type: ignore[no-untyped-call]
        _parse_elements, index, timeout=timeout, output_format=output_format, fields=fields
    )
    return records


def to_dataframe(bag: dask.bag.Bag) -> dask.dataframe.DataFrame:
    """A Dask DataFrame with one row per record of :func:`bag_from_paths` or :func:`parse_bag`
    (``output_format="json"``), flattened to the columns of :data:`COLUMNS`.

    ``authors`` are joined with ``"; "``; ``published`` is the ISO date string; the
    ``n_*`` columns count paragraphs, related blurbs, images, AI-labelled images and
    noise pieces; ``error`` is set (and the rest empty) for a page that failed.
    """
    _bag_module()
    try:
        import pandas as pd
    except ImportError as error:
        raise ImportError(f"newsparse.contrib.dask.to_dataframe needs pandas: {INSTALL_HINT}") from error
    meta = pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in COLUMNS.items()})
    frame: dask.dataframe.DataFrame = bag.map(flatten).to_dataframe(meta=meta)  # type: ignore[no-untyped-call]
    return frame


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """One record as one flat row (the columns of :data:`COLUMNS`)."""
    if is_error(record):
        row: dict[str, Any] = {name: None for name in COLUMNS}
        row.update({name: 0 for name, dtype in COLUMNS.items() if dtype == "int64"})
        row.update(id=record["id"], error=record["error"])
        return row
    main = record.get("main") or {}
    source = record.get("source") or {}
    people = record.get("what_people_say")
    images = record.get("images") or []
    return {
        "id": record["id"],
        "error": None,
        "url": source.get("url"),
        "title": main.get("title"),
        "text": main.get("text", record.get("text")),
        "language": main.get("language"),
        "published": main.get("published"),
        "authors": "; ".join(main.get("authors") or []) or None,
        "ui_language": record.get("ui_language"),
        "n_paragraphs": len(main.get("paragraphs") or []),
        "n_related": len(record.get("related") or []),
        "n_images": len(images),
        "n_ai_images": sum(1 for image in images if image.get("ai_generated")),
        "n_noise": len(record.get("noise") or []),
        "what_people_say": people.get("text") if people else None,
        "format": source.get("format"),
        "encoding": source.get("encoding"),
    }


# ------------------------------------------------------------------ on the workers


def _record(item: batch.Item, timeout: float, output_format: str) -> dict[str, Any]:
    record, error = batch.result(item, output_format, timeout)
    return record if record is not None else batch.error_record(item.id, error or "unknown error")


def _parse_paths(
    groups: Iterable[list[str]], timeout: float, output_format: str, fields: batch.Fields
) -> list[dict[str, Any]]:
    records = []
    for group in groups:
        for item in batch.iter_items(group, batch.Counts(), "*", fields):
            records.append(_record(item, timeout, output_format))
    return records


def _parse_elements(
    elements: Iterable[object], index: Iterable[int], timeout: float, output_format: str, fields: batch.Fields
) -> list[dict[str, Any]]:
    partition = next(iter(index))
    records = []
    for number, element in enumerate(elements):
        records.append(_record(_item(element, f"{partition}:{number}", fields), timeout, output_format))
    return records


def _item(element: object, where: str, fields: batch.Fields) -> batch.Item:
    if isinstance(element, dict):
        return batch.item_from_record(element, where, fields, "the bag element")
    if isinstance(element, os.PathLike):
        return batch.Item(id=os.fspath(element), source=pathlib.Path(os.fspath(element)))
    if isinstance(element, (str, bytes)):
        return batch.Item(id=where, source=element)
    return batch.Item(
        id=where,
        source=b"",
        error=f"a bag element must be a str, bytes, pathlib.Path or dict, not {type(element).__name__}",
    )
