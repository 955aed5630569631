"""The command line: single pages, several pages, formats, errors, python -m."""
from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pytest

from newsparse.cli import main

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
SEED = FIXTURES / "coupang-breach-page.txt"
HTML = FIXTURES / "pages" / "riverside-library.html"


def test_one_page_gives_one_json_object(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(HTML)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["main"]["title"] == "Riverside library reopens after two-year flood repair"


def test_several_pages_give_json_lines_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(HTML), str(SEED)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert [json.loads(line)["source"]["format"] for line in lines] == ["html", "text"]


def test_text_and_markdown_formats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(HTML), "--format", "text"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Riverside library reopens after two-year flood repair\n\nThe Riverside public library")
    assert main([str(HTML), "--format", "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert markdown.startswith("# Riverside library reopens")
    assert "## Related" in markdown


def test_bad_page_is_reported_in_one_line_and_the_rest_still_printed(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    assert main([str(empty), str(HTML), str(tmp_path / "missing.txt")]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 1
    errors = captured.err.strip().splitlines()
    assert len(errors) == 2
    assert "empty" in errors[0] and "does not exist" in errors[1]


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2


def test_python_dash_m_and_stdin() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsparse", "-", "--format", "text"],
        input=HTML.read_bytes(),
        capture_output=True,
        check=True,
    )
    assert result.stdout.decode("utf-8").startswith("Riverside library reopens")


def test_explain_lists_every_block_with_its_reason(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "cookie_banner" in out and "ai_label" in out and "main" in out
    assert len(out.splitlines()) > 20


def test_explain_as_json_gives_one_object_per_block(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED), "--explain", "--format", "json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [row["index"] for row in rows] == list(range(len(rows))) and len(rows) > 20
    assert {"main", "noise"} <= {row["label"] for row in rows}
    dropped = [row for row in rows if row["label"] == "noise"]
    assert all(row["kind"] and row["reason"] for row in dropped)


# ------------------------------------------------------------------ review fixes


def test_a_closed_stdout_pipe_ends_quietly() -> None:
    # 40 pages, about 300 kB: far more than a pipe buffer holds, so the writes hit the closed pipe
    process = subprocess.Popen(
        [sys.executable, "-m", "newsparse"] + [str(SEED), str(HTML)] * 20,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    assert len(process.stdout.read(10)) == 10  # as `| head -c 10` does
    process.stdout.close()
    stderr = process.stderr.read()
    process.wait(timeout=60)
    assert stderr == b""
    assert process.returncode == 141


def test_ctrl_c_on_one_page_says_interrupted(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import newsparse.cli

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(newsparse.cli, "parse", interrupted)
    assert main([str(HTML)]) == 130
    assert capsys.readouterr().err.strip() == "newsparse: interrupted"


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc", "dump.jsonl", "dump.ndjson.gz"])
def test_a_container_file_is_not_parsed_as_one_page(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    path = tmp_path / name
    path.write_text('{"html": "<p>One page of many.</p>"}\n', "utf-8")
    assert main([str(path), str(HTML)]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 1  # the HTML page still printed
    assert f"use `newsparse batch {path} -o out.jsonl`" in captured.err
