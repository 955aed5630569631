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
