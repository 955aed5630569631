"""newsparse.contrib.dask on a real distributed.LocalCluster (2 worker processes): the
same records as `newsparse batch` on the same inputs. Skipped without dask; CI installs
it through the `test` extra."""
from __future__ import annotations

import json
import pathlib
import re
import subprocess
import sys
from collections.abc import Iterator

import pytest

distributed = pytest.importorskip("distributed")
pytest.importorskip("dask.bag")
pytest.importorskip("pandas")

import dask.bag as db  # noqa: E402

from newsparse.batch import main  # noqa: E402
from newsparse.contrib.dask import COLUMNS, bag_from_paths, flatten, is_error, parse_bag, to_dataframe  # noqa: E402

from test_batch import ROOT, page, read_lines, write_warc  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, memory_limit="1GiB"
    ) as cluster, distributed.Client(cluster) as client:
        yield client


@pytest.fixture
def inputs(tmp_path: pathlib.Path) -> list[str]:
    folder = tmp_path / "pages"
    folder.mkdir()
    for number in range(10):
        (folder / f"{number:02d}.html").write_text(page(number, paragraphs=1 + number % 4), "utf-8")
    (folder / "05-empty.html").write_bytes(b"")
    (folder / "07-binary.bin").write_bytes(b"%PDF-1.4\n" + bytes(range(256)))
    dump = tmp_path / "pages.jsonl"
    dump.write_text(
        "\n".join(
            [
                json.dumps({"id": "j1", "url": "https://news.example/j1", "html": page(20)}),
                json.dumps({"text": "A dump headline\n\n" + "One full sentence of the dump. " * 6}),
                "{broken",
            ]
        )
        + "\n",
        "utf-8",
    )
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, gzipped=True)
    return [str(folder), str(dump), str(warc)]


def cli_records(inputs: list[str], tmp_path: pathlib.Path) -> tuple[list[dict], list[dict]]:
    """What the command line writes: a fresh process, like the cluster's workers."""
    out = tmp_path / "cli.jsonl"
    command = [sys.executable, "-m", "newsparse", "batch", *inputs, "-o", str(out), "--workers", "2", "-q"]
    assert subprocess.run(command, cwd=ROOT, timeout=120).returncode == 1
    return read_lines(out), read_lines(tmp_path / "cli.errors.jsonl")


def test_bag_from_paths_on_a_local_cluster_matches_the_cli(
    client: object, inputs: list[str], tmp_path: pathlib.Path
) -> None:
    good, errors = cli_records(inputs, tmp_path)
    bag = bag_from_paths(inputs, files_per_partition=4)
    assert bag.npartitions == 5  # 12 files in 3 groups, the JSONL, the WARC
    records = bag.compute()
    by_id = lambda record: record["id"]  # noqa: E731
    assert sorted((r for r in records if not is_error(r)), key=by_id) == sorted(good, key=by_id)
    assert sorted((r for r in records if is_error(r)), key=by_id) == sorted(errors, key=by_id)
    # and in the same order as the command line
    assert [r for r in records if not is_error(r)] == good
    assert len(good) == 10 + 2 + 3 and len(errors) == 2 + 1 + 1


def test_parse_bag_of_strings_bytes_and_dicts_matches_the_cli(client: object, tmp_path: pathlib.Path) -> None:
    elements: list[object] = [
        {"id": f"d{n}", "url": f"https://news.example/{n}", "html": page(n)} for n in range(6)
    ]
    elements += [page(10), page(11).encode("utf-16"), b"", {"id": "nothing"}]
    dump = tmp_path / "same.jsonl"
    dump.write_text("".join(json.dumps(e) + "\n" for e in elements[:6]), "utf-8")
    good, _ = read_cli_ok(dump, tmp_path)
    records = parse_bag(db.from_sequence(elements, npartitions=3)).compute()
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)) == 10
    assert ids[:6] == [f"d{n}" for n in range(6)] and ids[9] == "nothing"
    assert all(re.fullmatch(r"[0-2]:[0-3]", page_id) for page_id in ids[6:9])  # partition:index
    assert records[:6] == good
    assert not is_error(records[6]) and not is_error(records[7])
    assert is_error(records[8]) and "empty" in records[8]["error"]
    assert records[9] == {"id": "nothing", "error": records[9]["error"]} and "neither" in records[9]["error"]


def read_cli_ok(dump: pathlib.Path, tmp_path: pathlib.Path) -> tuple[list[dict], list[dict]]:
    out = tmp_path / "ok.jsonl"
    assert main([str(dump), "-o", str(out), "--quiet", "--workers", "1"]) == 0
    return read_lines(out), []


def test_to_dataframe_flattens_records(client: object, inputs: list[str], tmp_path: pathlib.Path) -> None:
    good, errors = cli_records(inputs, tmp_path)
    frame = to_dataframe(bag_from_paths(inputs)).compute()
    assert list(frame.columns) == list(COLUMNS)
    assert len(frame) == len(good) + len(errors)
    assert frame["error"].notna().sum() == len(errors)
    row = frame.set_index("id").loc["j1"]
    record = next(r for r in good if r["id"] == "j1")
    assert row["text"] == record["main"]["text"]
    assert row["url"] == "https://news.example/j1"
    assert row["n_related"] == len(record["related"])
    assert row["n_noise"] == len(record["noise"])
    assert flatten({"id": "x", "error": "bad"})["error"] == "bad"
