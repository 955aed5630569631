"""`newsparse batch`: WARC, folders and JSONL in; one line per good page, one error line
per bad one, the documented exit codes; a SIGKILLed batch resumed without loss or doubles.

Every input is generated in tmp_path."""
from __future__ import annotations

import gzip
import io
import json
import multiprocessing
import os
import pathlib
import signal
import subprocess
import sys
import time

import pytest

from newsparse import batch, batch_cli
from newsparse.batch import main

ROOT = pathlib.Path(__file__).resolve().parents[1]


# ------------------------------------------------------------------ generated inputs


def page(number: int, paragraphs: int = 4) -> str:
    """A small, distinct news page."""
    body = "".join(
        f"<p>Paragraph {k} of story {number}: the council said on Tuesday that the works will go on "
        f"until the spring, and residents were told to expect delays on the bridge.</p>"
        for k in range(paragraphs)
    )
    return (
        f"<html><head><title>Story {number}</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Headline of story number {number}</h1>{body}</article>"
        f"<footer>Copyright 2025 The Daily Example</footer></body></html>"
    )


def write_warc(path: pathlib.Path, *, gzipped: bool, truncate: bool = True) -> list[str]:
    """A WARC with three HTML responses, a request, an image response and (if
    ``truncate``) a last HTML response cut off in its payload. Returns the HTML URIs."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    uris = []
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gzipped)

        def response(uri: str, body: bytes, content_type: str) -> None:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(record)

        for number in range(3):
            uri = f"https://news.example/story/{number}"
            request = writer.create_warc_record(
                uri, "request", payload=io.BytesIO(f"GET /story/{number} HTTP/1.1\r\n\r\n".encode())
            )
            writer.write_record(request)
            response(uri, page(number).encode(), "text/html; charset=utf-8")
            uris.append(uri)
        response("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
        last = handle.tell()
        if truncate:
            response("https://news.example/story/cut", page(99, paragraphs=40).encode(), "text/html")
    if truncate:
        data = path.read_bytes()
        path.write_bytes(data[: last + (len(data) - last) * 2 // 3])  # inside the last record's payload
    return uris


def read_lines(path: pathlib.Path) -> list[dict]:
    if not path.exists():
        return []
    text = path.read_text("utf-8")
    assert text == "" or text.endswith("\n"), "a torn last line"
    return [json.loads(line) for line in text.splitlines()]


def run_batch(*args: str | pathlib.Path) -> int:
    return main([str(arg) for arg in args] + ["--quiet"])


# ------------------------------------------------------------------ inputs and outputs


@pytest.mark.parametrize("gzipped", [False, True], ids=["warc", "warc.gz"])
def test_warc_good_pages_skipped_records_and_a_truncated_one(tmp_path: pathlib.Path, gzipped: bool) -> None:
    warc = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    uris = write_warc(warc, gzipped=gzipped)
    out = tmp_path / "out.jsonl"
    assert run_batch(warc, "-o", out, "--workers", "1") == 1
    good = read_lines(out)
    assert [record["id"].split(" ")[-1] for record in good] == uris  # input order, no image, no request
    assert all(record["id"].startswith("<urn:uuid:") for record in good)
    assert [f"story {n}:" in record["main"]["text"] for n, record in enumerate(good)] == [True] * 3
    assert [record["source"]["url"] for record in good] == uris
    errors = read_lines(tmp_path / "out.errors.jsonl")
    assert len(errors) == 1
    assert set(errors[0]) == {"id", "error"}
    assert "truncated" in errors[0]["error"] or "broken" in errors[0]["error"]


def test_a_whole_warc_exits_0_and_leaves_no_errors_file(tmp_path: pathlib.Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, gzipped=True, truncate=False)
    out = tmp_path / "out.jsonl"
    assert run_batch(warc, "-o", out) == 0
    assert len(read_lines(out)) == 3
    assert not (tmp_path / "out.errors.jsonl").exists()


def test_every_truncation_of_a_warc_gives_one_error_and_never_a_crash(tmp_path: pathlib.Path) -> None:
    whole = tmp_path / "whole.warc"
    write_warc(whole, gzipped=False, truncate=False)
    data = whole.read_bytes()
    last = data.rfind(b"WARC/1.0\r\n")  # the image record
    for cut in range(last + 5, len(data) - 4, 97):
        (tmp_path / "cut.warc").write_bytes(data[:cut])
        items = list(batch.iter_items([str(tmp_path / "cut.warc")], batch.Counts()))
        assert [item.error is None for item in items] == [True, True, True, False], cut


def test_arc_files_are_read_too(tmp_path: pathlib.Path) -> None:
    def record(uri: str, body: bytes, content_type: str) -> bytes:
        http = f"HTTP/1.0 200 OK\r\nContent-Type: {content_type}\r\n\r\n".encode() + body
        return f"{uri} 192.0.2.1 20250101000000 {content_type} {len(http)}\n".encode() + http + b"\n"

    version = b"1 0 Example\nURL IP-address Archive-date Content-type Archive-length\n"
    arc = tmp_path / "old.arc"
    arc.write_bytes(
        f"filedesc://old.arc 0.0.0.0 20250101000000 text/plain {len(version)}\n".encode()
        + version
        + b"\n"
        + record("https://news.example/a", page(1).encode(), "text/html")
        + record("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n", "image/png")
        + record("https://news.example/b", page(2).encode(), "text/html")
    )
    out = tmp_path / "out.jsonl"
    assert run_batch(arc, "-o", out) == 0
    good = read_lines(out)
    assert [record["source"]["url"] for record in good] == ["https://news.example/a", "https://news.example/b"]
    assert len({record["id"] for record in good}) == 2  # ARC records have no id: path@offset stands in


def test_folder_with_a_binary_and_an_empty_file(tmp_path: pathlib.Path) -> None:
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.html").write_text(page(1), "utf-8")
    (folder / "b.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(300))
    (folder / "c.html").write_bytes(b"")
    (folder / "d.html.gz").write_bytes(gzip.compress(page(2).encode()))
    (folder / "sub" / "e.txt").write_text("Headline of a text dump\n\n" + "A full sentence of the text dump. " * 5, "utf-8")
    out = tmp_path / "out.jsonl"
    assert run_batch(folder, "-o", out, "--workers", "1") == 1
    assert [record["id"] for record in read_lines(out)] == [
        str(folder / "a.html"),
        str(folder / "d.html.gz"),
        str(folder / "sub" / "e.txt"),
    ]
    errors = read_lines(tmp_path / "out.errors.jsonl")
    assert [error["id"] for error in errors] == [str(folder / "b.png"), str(folder / "c.html")]
    assert "PNG" in errors[0]["error"] and "empty" in errors[1]["error"]


def test_jsonl_pages_and_bad_lines(tmp_path: pathlib.Path) -> None:
    lines = [
        json.dumps({"id": "first", "url": "https://news.example/1", "html": page(1)}),
        "",
        json.dumps({"text": "Headline of a dump\n\n" + "One full sentence of text. " * 6}),
        "{not json",
        json.dumps({"id": "no-content", "title": "x"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "empty", "html": "   "}),
    ]
    dump = tmp_path / "pages.jsonl"
    dump.write_text("\n".join(lines) + "\n", "utf-8")
    out = tmp_path / "out.jsonl"
    assert run_batch(dump, "-o", out) == 1
    good = read_lines(out)
    assert [record["id"] for record in good] == ["first", f"{dump}:3"]
    assert good[0]["source"]["url"] == "https://news.example/1"
    assert good[1]["source"]["format"] == "text"
    errors = read_lines(tmp_path / "out.errors.jsonl")
    assert [error["id"] for error in errors] == [f"{dump}:4", "no-content", f"{dump}:6", "empty"]
    assert "not JSON" in errors[0]["error"] and "neither" in errors[1]["error"]


def test_custom_jsonl_fields_and_gzip(tmp_path: pathlib.Path) -> None:
    dump = tmp_path / "pages.jsonl.gz"
    dump.write_bytes(gzip.compress((json.dumps({"key": "k1", "body": page(5)}) + "\n").encode()))
    out = tmp_path / "out.jsonl"
    assert run_batch(dump, "-o", out, "--html-field", "body", "--id-field", "key") == 0
    assert [record["id"] for record in read_lines(out)] == ["k1"]


def test_a_truncated_jsonl_gz_is_an_error_line_not_a_crash(tmp_path: pathlib.Path) -> None:
    data = gzip.compress("".join(json.dumps({"html": page(n)}) + "\n" for n in range(20)).encode())
    dump = tmp_path / "pages.jsonl.gz"
    dump.write_bytes(data[: len(data) // 2])
    out = tmp_path / "out.jsonl"
    assert run_batch(dump, "-o", out) == 1
    assert len(read_lines(out)) >= 1
    errors = read_lines(tmp_path / "out.errors.jsonl")
    assert len(errors) == 1 and "cannot read" in errors[0]["error"]


def test_mixed_inputs_keep_input_order_and_glob(tmp_path: pathlib.Path) -> None:
    warc = tmp_path / "crawl.warc"
    write_warc(warc, gzipped=False, truncate=False)
    dump = tmp_path / "pages.jsonl"
    dump.write_text(json.dumps({"id": "j", "html": page(7)}) + "\n", "utf-8")
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in ("x.html", "y.html", "z.txt"):
        (folder / name).write_text(page(len(name)), "utf-8")
    out = tmp_path / "out.jsonl"
    assert run_batch(dump, f"{folder}/*.html", warc, "-o", out, "--workers", "2") == 0
    ids = [record["id"] for record in read_lines(out)]
    assert ids[:3] == ["j", str(folder / "x.html"), str(folder / "y.html")]
    assert len(ids) == 6


def test_two_workers_write_the_same_lines_as_one(tmp_path: pathlib.Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for number in range(40):
        (folder / f"{number:03d}.html").write_text(page(number, paragraphs=1 + number % 7), "utf-8")
    (folder / "050.html").write_bytes(b"")
    assert run_batch(folder, "-o", tmp_path / "one.jsonl", "--workers", "1") == 1
    assert run_batch(folder, "-o", tmp_path / "two.jsonl", "--workers", "2") == 1
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    assert (tmp_path / "one.errors.jsonl").read_bytes() == (tmp_path / "two.errors.jsonl").read_bytes()


def test_output_inside_the_input_folder_is_not_read_back(tmp_path: pathlib.Path) -> None:
    (tmp_path / "a.html").write_text(page(1), "utf-8")
    (tmp_path / "b.html").write_bytes(b"")
    assert run_batch(tmp_path, "-o", tmp_path / "out.jsonl") == 1
    assert [record["id"] for record in read_lines(tmp_path / "out.jsonl")] == [str(tmp_path / "a.html")]
    assert len(read_lines(tmp_path / "out.errors.jsonl")) == 1


def test_errors_option_text_format_and_missing_input(tmp_path: pathlib.Path) -> None:
    (tmp_path / "a.html").write_text(page(1), "utf-8")
    out, errors = tmp_path / "o" / "out.jsonl", tmp_path / "bad.jsonl"
    code = run_batch(tmp_path / "a.html", tmp_path / "missing.html", "-o", out, "--errors", errors, "-f", "text")
    assert code == 1
    [record] = read_lines(out)
    assert set(record) == {"id", "text"} and "Paragraph 0 of story 1:" in record["text"]
    [error] = read_lines(errors)
    assert error["id"] == str(tmp_path / "missing.html") and "does not exist" in error["error"]


def test_usage_errors_exit_2(tmp_path: pathlib.Path) -> None:
    for argv in ([], [str(tmp_path)], [str(tmp_path), "-o", "x.jsonl", "--workers", "two"]):
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 2


def test_timeout_becomes_an_error_line(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(*args: object, **kwargs: object) -> None:
        time.sleep(5)

    monkeypatch.setattr(batch, "parse", slow)
    (tmp_path / "a.html").write_text(page(1), "utf-8")
    started = time.monotonic()
    assert run_batch(tmp_path / "a.html", "-o", tmp_path / "out.jsonl", "--timeout", "0.2", "--workers", "1") == 1
    assert time.monotonic() - started < 3
    [error] = read_lines(tmp_path / "out.errors.jsonl")
    assert "longer than 0.2 s" in error["error"]


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="the crash is patched in through fork")
def test_a_page_that_kills_its_worker_fails_alone(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = batch.parse

    def crashing(source: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if isinstance(source, pathlib.Path) and source.name == "crash.html":
            os.kill(os.getpid(), signal.SIGKILL)
        return real(source, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "parse", crashing)
    for number in range(12):
        (tmp_path / f"p{number:02d}.html").write_text(page(number), "utf-8")
    (tmp_path / "crash.html").write_text(page(50), "utf-8")
    out = tmp_path / "out.jsonl"
    assert run_batch(tmp_path, "-o", out, "--workers", "2") == 1
    assert len(read_lines(out)) == 12
    [error] = read_lines(tmp_path / "out.errors.jsonl")
    assert error["id"] == str(tmp_path / "crash.html") and "died" in error["error"]


# ------------------------------------------------------------------ resume


def test_resume_cuts_a_torn_line_and_skips_done_and_failed_pages(tmp_path: pathlib.Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for number in range(6):
        (folder / f"{number}.html").write_text(page(number), "utf-8")
    (folder / "9.html").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    assert run_batch(folder, "-o", out) == 1
    full = out.read_text("utf-8").splitlines(keepends=True)
    errors_before = (tmp_path / "out.errors.jsonl").read_text("utf-8")
    # as if killed while writing the fourth line
    out.write_text("".join(full[:3]) + full[3][:40], "utf-8")
    assert run_batch(folder, "-o", out, "--resume") == 1  # the empty page failed in the first run
    assert out.read_text("utf-8").splitlines(keepends=True) == full
    assert (tmp_path / "out.errors.jsonl").read_text("utf-8") == errors_before  # not retried, not doubled
    # nothing left to do: still exit 1, nothing written
    assert run_batch(folder, "-o", out, "--resume") == 1
    assert out.read_text("utf-8").splitlines(keepends=True) == full
    # deleting the errors file retries the failed pages
    (tmp_path / "out.errors.jsonl").unlink()
    assert run_batch(folder, "-o", out, "--resume") == 1
    assert (tmp_path / "out.errors.jsonl").read_text("utf-8") == errors_before


def test_done_ids_reads_ids_and_ignores_junk(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "out.jsonl"
    assert batch.done_ids(path) == set()
    path.write_bytes(b'{"id": "a"}\nnot json\n{"no": "id"}\n{"id": 7}\n{"id": "tor')
    assert batch.done_ids(path) == {"a", "7"}
    assert path.read_bytes().endswith(b'{"id": 7}\n')


def test_sigkill_half_way_then_resume_gives_every_page_exactly_once(tmp_path: pathlib.Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    total = 300
    for number in range(total):
        (folder / f"{number:04d}.html").write_text(page(number, paragraphs=12), "utf-8")
    (folder / "0150-empty.html").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "newsparse", "batch", str(folder), "-o", str(out), "--workers", "1", "-q"]
    process = subprocess.Popen(command, cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if out.exists() and out.read_bytes().count(b"\n") >= 20:
                break
            assert process.poll() is None, "the batch ended before it could be killed"
            time.sleep(0.01)
        assert process.poll() is None, "the batch ended before it could be killed"
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    written = out.read_bytes().count(b"\n")
    assert 20 <= written < total, written  # the kill landed half way

    resumed = subprocess.run(command + ["--resume"], cwd=ROOT, timeout=120)
    assert resumed.returncode == 1  # the empty page
    ids = [record["id"] for record in read_lines(out)]  # whole lines only
    expected = sorted(str(path) for path in folder.iterdir() if path.stat().st_size)
    assert ids == expected  # every page exactly once, in input order
    errors = read_lines(tmp_path / "out.errors.jsonl")
    assert [error["id"] for error in errors] == [str(folder / "0150-empty.html")]


# ------------------------------------------------------------------ the Dask module without dask


def test_dask_module_without_dask_says_how_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path) -> None:
    import newsparse.contrib.dask as contrib

    for name in [name for name in sys.modules if name == "dask" or name.startswith("dask.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(ImportError, match=r"pip install 'newsparse\[dask\]'"):
        contrib.bag_from_paths([str(tmp_path)])
    with pytest.raises(ImportError, match=r"pip install 'newsparse\[dask\]'"):
        contrib.parse_bag(object())  # type: ignore[arg-type]


# ------------------------------------------------------------------ parse_many shares the bounded pool


def test_parse_many_with_workers_reads_ahead_only_a_few_pages() -> None:
    import itertools

    import newsparse

    read = 0

    def endless():  # type: ignore[no-untyped-def]
        nonlocal read
        for number in itertools.count():
            read += 1
            yield b"" if number == 3 else page(number, paragraphs=1)

    results = newsparse.parse_many(endless(), workers=2, errors="yield")
    first = list(itertools.islice(results, 12))
    results.close()  # type: ignore[attr-defined]
    assert isinstance(first[3], newsparse.ParseError)
    assert all(isinstance(doc, newsparse.Document) for n, doc in enumerate(first) if n != 3)
    assert read <= 12 + 2 * batch.IN_FLIGHT_PER_WORKER


# ------------------------------------------------------------------ review fixes


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="the slow start is patched in through fork")
@pytest.mark.parametrize("workers", ["1", "2"])
def test_timeout_does_not_count_the_start_up_of_a_worker(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, workers: str
) -> None:
    import newsparse.lexicon

    real = newsparse.lexicon.load
    started: list[bool] = []  # per process: a forked worker starts with its own copy

    def slow_first_load():  # type: ignore[no-untyped-def]
        if not started:  # a slow start-up (cold disk, big lexicons), far over --timeout
            started.append(True)
            time.sleep(2)
        return real()

    monkeypatch.setattr(newsparse.lexicon, "load", slow_first_load)
    batch.warm_up.cache_clear()
    for number in range(4):
        (tmp_path / f"{number}.html").write_text(page(number), "utf-8")
    out = tmp_path / "out.jsonl"
    try:
        assert run_batch(tmp_path, "-o", out, "--timeout", "1", "--workers", workers) == 0
    finally:
        batch.warm_up.cache_clear()
    assert len(read_lines(out)) == 4


def test_output_that_cannot_be_written_is_a_one_line_usage_error(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.html").write_text(page(1), "utf-8")
    (tmp_path / "file.txt").write_text("x", "utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    for output in (folder, tmp_path / "file.txt" / "out.jsonl"):
        assert run_batch(tmp_path / "a.html", "-o", output) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"newsparse batch: cannot write {output}: ") and len(err.splitlines()) == 1
    assert run_batch(tmp_path / "a.html", "-o", tmp_path / "ok.jsonl", "--errors", folder) == 2
    assert "it is a folder" in capsys.readouterr().err
    assert not (tmp_path / "ok.jsonl").exists()  # refused before anything was written


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_output_without_write_permission_is_a_usage_error(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.html").write_text(page(1), "utf-8")
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    assert run_batch(tmp_path / "a.html", "-o", locked / "out.jsonl") == 2
    assert "permission denied" in capsys.readouterr().err


def test_ctrl_c_leaves_no_empty_errors_file(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = batch.parse

    def interrupted_at_b(source: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if isinstance(source, pathlib.Path) and source.name == "b.html":
            raise KeyboardInterrupt
        return real(source, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "parse", interrupted_at_b)
    for name in ("a.html", "b.html"):
        (tmp_path / name).write_text(page(1), "utf-8")
    out = tmp_path / "out.jsonl"
    assert main([str(tmp_path), "-o", str(out), "--workers", "1"]) == 130
    assert "interrupted after 1 pages" in capsys.readouterr().err
    assert len(read_lines(out)) == 1
    assert not (tmp_path / "out.errors.jsonl").exists()


def test_ctrl_c_during_a_parallel_batch_prints_no_traceback(tmp_path: pathlib.Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for number in range(300):
        (folder / f"{number:04d}.html").write_text(page(number, paragraphs=12), "utf-8")
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "newsparse", "batch", str(folder), "-o", str(out), "--workers", "2", "-q"]
    # its own process group: Ctrl-C signals the batch and its workers alike
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (out.exists() and out.read_bytes().count(b"\n") >= 10):
            assert process.poll() is None, "the batch ended before it could be interrupted"
            time.sleep(0.01)
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130
    assert b"Traceback" not in stderr and b"interrupted" in stderr
    assert not (tmp_path / "out.errors.jsonl").exists()
    read_lines(out)  # whole lines only


def test_errors_file_equal_to_the_output_is_refused(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.html").write_text(page(1), "utf-8")
    out = tmp_path / "out.jsonl"
    for errors in (out, tmp_path / "." / "out.jsonl"):
        with pytest.raises(SystemExit) as info:
            main([str(tmp_path / "a.html"), "-o", str(out), "--errors", str(errors)])
        assert info.value.code == 2
        assert "is the output file itself" in capsys.readouterr().err
    assert not out.exists()


def test_a_folder_that_cannot_be_read_is_a_failure_not_skipped(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "pages"
    locked = folder / "b-locked"
    locked.mkdir(parents=True)
    (folder / "a.html").write_text(page(1), "utf-8")
    (locked / "x.html").write_text(page(2), "utf-8")
    (folder / "c.html").write_text(page(3), "utf-8")
    real = os.scandir

    def scandir(path: object = "."):  # type: ignore[no-untyped-def]
        if os.fspath(path) == str(locked):  # what a folder without read permission does (also as root)
            raise PermissionError(13, "Permission denied", str(locked))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    out = tmp_path / "out.jsonl"
    assert run_batch(folder, "-o", out) == 1
    assert [record["id"] for record in read_lines(out)] == [str(folder / "a.html"), str(folder / "c.html")]
    [error] = read_lines(tmp_path / "out.errors.jsonl")
    assert error == {"id": str(locked), "error": f"cannot read the folder {locked}: Permission denied"}
    assert f"newsparse batch: {locked}: cannot read the folder" in capsys.readouterr().err
    # the top folder itself
    assert run_batch(locked, "-o", out) == 1
    assert read_lines(out) == [] and [e["id"] for e in read_lines(tmp_path / "out.errors.jsonl")] == [str(locked)]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_a_folder_without_read_permission_is_a_failure(tmp_path: pathlib.Path) -> None:
    locked = tmp_path / "pages" / "locked"
    locked.mkdir(parents=True)
    (locked / "x.html").write_text(page(2), "utf-8")
    locked.chmod(0o000)
    try:
        assert run_batch(tmp_path / "pages", "-o", tmp_path / "out.jsonl") == 1
    finally:
        locked.chmod(0o700)
    assert [e["id"] for e in read_lines(tmp_path / "out.errors.jsonl")] == [str(locked)]


def test_a_glob_or_folder_matching_no_page_fails_with_a_message(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.txt").write_text("x", "utf-8")
    out = tmp_path / "out.jsonl"
    for inputs, message in (
        ([f"{tmp_path}/*.html"], "no file matches this pattern"),
        ([str(tmp_path / "empty")], "no file in this folder matches --glob '*'"),
        ([str(tmp_path / "pages"), "--glob", "*.html"], "no file in this folder matches --glob '*.html'"),
    ):
        assert run_batch(*inputs, "-o", out) == 1
        assert capsys.readouterr().err == f"newsparse batch: {inputs[0]}: {message}\n"
        assert read_lines(tmp_path / "out.errors.jsonl") == [{"id": inputs[0], "error": message}]


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--workers", "0", "argument --workers: 0 is too few"),
        ("--workers", "-1", "argument --workers: -1 is too few"),
        ("--workers", "100000", f"at most {4 * (os.cpu_count() or 1)} (4 per CPU"),
        ("--timeout", "0", "argument --timeout: 0 is not a number of seconds above 0"),
        ("--timeout", "-5", "argument --timeout: -5 is not a number of seconds above 0"),
        ("--timeout", "nan", "argument --timeout: nan is not a number of seconds above 0"),
    ],
)
def test_nonsensical_workers_and_timeout_are_usage_errors(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str], option: str, value: str, message: str
) -> None:
    (tmp_path / "a.html").write_text(page(1), "utf-8")
    with pytest.raises(SystemExit) as info:
        main([str(tmp_path / "a.html"), "-o", str(tmp_path / "out.jsonl"), option, value])
    assert info.value.code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out.jsonl").exists()


def test_gz_output_is_gzip(tmp_path: pathlib.Path) -> None:
    (tmp_path / "a.html").write_text(page(1), "utf-8")
    (tmp_path / "b.html").write_bytes(b"")
    out = tmp_path / "out.jsonl.gz"
    assert run_batch(tmp_path / "a.html", tmp_path / "b.html", "-o", out) == 1
    [record] = [json.loads(line) for line in gzip.decompress(out.read_bytes()).decode("utf-8").splitlines()]
    assert record["id"] == str(tmp_path / "a.html")
    assert [e["id"] for e in read_lines(tmp_path / "out.errors.jsonl")] == [str(tmp_path / "b.html")]
    with pytest.raises(SystemExit):  # a torn gzip stream cannot be appended to
        run_batch(tmp_path / "a.html", "-o", out, "--resume")


def test_dash_output_writes_to_stdout_and_failures_to_stderr(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.html").write_text(page(1), "utf-8")
    (tmp_path / "b.html").write_bytes(b"")
    assert run_batch(tmp_path / "a.html", tmp_path / "b.html", "-o", "-") == 1
    captured = capsys.readouterr()
    [record] = [json.loads(line) for line in captured.out.splitlines()]
    assert record["id"] == str(tmp_path / "a.html") and "Paragraph 0 of story 1:" in record["main"]["text"]
    [error] = [json.loads(line) for line in captured.err.splitlines()]
    assert error["id"] == str(tmp_path / "b.html") and "empty" in error["error"]
    assert not (tmp_path / "-").exists()


def test_warc_redirects_and_http_errors_are_skipped_not_parsed(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    warc = tmp_path / "crawl.warc.gz"
    with open(warc, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for uri, status, body in (
            ("https://news.example/old", "301 Moved Permanently", b""),
            ("https://news.example/gone", "404 Not Found", page(404).encode()),  # an HTML error page
            ("https://news.example/story", "200 OK", page(1).encode()),
            ("https://news.example/down", "503 Service Unavailable", page(503).encode()),
        ):
            headers = StatusAndHeaders(status, [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            )
    out = tmp_path / "out.jsonl"
    assert main([str(warc), "-o", str(out)]) == 0
    assert [record["source"]["url"] for record in read_lines(out)] == ["https://news.example/story"]
    assert not (tmp_path / "out.errors.jsonl").exists()
    assert "0 skipped (non-HTML records), 3 skipped (HTTP status not 2xx)" in capsys.readouterr().err


@pytest.mark.parametrize("gzipped", [False, True], ids=["jsonl", "jsonl.gz"])
def test_jsonl_with_a_byte_order_mark(tmp_path: pathlib.Path, gzipped: bool) -> None:
    lines = [json.dumps({"id": "first", "html": page(1)}), json.dumps({"id": "second", "html": page(2)})]
    data = ("\ufeff" + "\n".join(lines) + "\n").encode()
    dump = tmp_path / ("pages.jsonl.gz" if gzipped else "pages.jsonl")
    dump.write_bytes(gzip.compress(data) if gzipped else data)
    out = tmp_path / "out.jsonl"
    assert run_batch(dump, "-o", out) == 0
    assert [record["id"] for record in read_lines(out)] == ["first", "second"]


def test_an_id_written_twice_is_warned_about(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    dump = tmp_path / "pages.jsonl"
    lines = [{"id": "same", "html": page(1)}, {"id": "other", "html": page(2)}, {"id": "same", "html": ""}]
    dump.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    out = tmp_path / "out.jsonl"
    assert main([str(dump), "-o", str(out)]) == 1  # the second "same" is empty: written to the errors file
    err = capsys.readouterr().err
    assert "newsparse batch: warning: the id 'same' is written a second time" in err
    assert "1 duplicate ids" in err


def test_progress_shows_the_total_and_an_eta_when_the_pages_are_files(tmp_path: pathlib.Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for number in range(8):
        (folder / f"{number}.html").write_text(page(number), "utf-8")
    dump = tmp_path / "pages.jsonl"
    dump.write_text(json.dumps({"html": page(1)}) + "\n", "utf-8")
    assert batch.count_pages([str(folder), str(tmp_path / "missing.html")], "*") == 9  # the missing one fails
    assert batch.count_pages([str(folder), str(dump)], "*") is None  # lines of a JSONL are not counted
    progress = batch_cli._Progress(True)
    counts = batch.Counts(parsed=3, failed=1)
    assert progress.line(counts, 2.0) == "\r3 parsed, 1 failed, 2.0 pages/s "
    progress.total = 9
    assert progress.line(counts, 2.0) == "\r4/9 pages: 3 parsed, 1 failed, 2.0 pages/s, ETA 2s "
    progress.total = 1204
    assert progress.line(counts, 2.0).endswith("ETA 10m00s ")
