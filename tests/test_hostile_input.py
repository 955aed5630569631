"""Malformed, hostile, huge and non-page input: newsparse returns a Document or raises a
one-line ParseError, loses no visible text, expands no entity and fetches nothing.

The 50 MB and million-element pages are marked ``large`` (deselect with ``-m "not large"``);
they run in CI and take a few seconds together.
"""
from __future__ import annotations

import gzip
import pathlib
import random
import socket
import subprocess
import sys
import time

import pytest

import newsparse
from newsparse.cli import main

ARTICLE = pathlib.Path(__file__).parent / "fixtures" / "pages" / "riverside-library.html"
PARAGRAPH = "The deep paragraph says something worth keeping."
LIMIT = newsparse.Options().max_input_bytes


def every_text(doc: newsparse.Document) -> str:
    """All the text of every part, to check that nothing was silently dropped."""
    parts = [doc.main.title or "", *doc.main.paragraphs]
    parts += [f"{r.title or ''} {r.summary}" for r in doc.related]
    parts += [doc.what_people_say.text if doc.what_people_say else ""]
    parts += [f"{i.alt or ''} {i.caption or ''}" for i in doc.images]
    parts += [n.text for n in doc.noise]
    return " ".join(" ".join(parts).split())


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Any attempt to resolve or connect fails the test (and is recorded)."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise AssertionError(f"newsparse tried to use the network: {args!r}")

    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


# ---- malformed HTML ------------------------------------------------------------------


def test_unclosed_and_misnested_tags_keep_their_text() -> None:
    page = (
        "<html><body><div class='story'><h1>Unclosed <b>bold <i>headline</h1>"
        "<p>First paragraph is never closed <a href='/x'>with a link"
        "<p>Second paragraph <b>bold <i>both</b> italic</i> plain text"
        "<table><tr><td>cell text<p>paragraph in a cell</td></tr></table></b></i></span></div></div>"
        "<ul><li>item one<li>item two</ul></section><p>Closing words after stray end tags."
    )
    text = every_text(newsparse.parse(page))
    for piece in ("Unclosed bold headline", "First paragraph is never closed with a link", "both italic plain text",
                  "cell text", "paragraph in a cell", "item one", "item two", "Closing words after stray end tags."):
        assert piece in text


@pytest.mark.parametrize("tag", ["div", "span", "li", "table", "x-widget", "svg", "noscript"])
def test_100000_levels_of_nesting(tag: str) -> None:
    """libxml2 stops at 2048 levels and would cut the rest off; the page is flattened instead."""
    depth = 100_000
    page = f"<html><body>{f'<{tag}>' * depth}<p>{PARAGRAPH}</p>{f'</{tag}>' * depth}<p>After the deep part, a closing sentence.</p></body></html>"
    text = every_text(newsparse.parse(page))
    assert PARAGRAPH in text and "After the deep part, a closing sentence." in text


def test_300000_unclosed_levels() -> None:
    page = "<html><body>" + ("<div><x-a><span>" * 1000 + "word ") * 100 + f"<p>{PARAGRAPH}"
    text = every_text(newsparse.parse(page))
    assert PARAGRAPH in text and text.count("word") == 100


# ---- size --------------------------------------------------------------------------------


def _page_of(size: int) -> str:
    """The fixture article padded to exactly ``size`` UTF-8 bytes with an inline script,
    a stylesheet and a data: image, as bloated real pages are (string multiplication: fast)."""
    article = ARTICLE.read_text("utf-8")
    head, tail = article.split("</body>")
    shell = head + "<script>window.__STATE__=[];</script><style></style><img alt='' src='data:image/png;base64,'>" + "</body>" + tail
    room = size - len(shell.encode("utf-8"))
    third = room // 3
    state = '{"id":1,"t":"x"},' * (third // 17)
    style = ".c{color:red}" * (third // 13)
    image = "QUJD" * ((room - len(state) - len(style)) // 4)
    padding = room - len(state) - len(style) - len(image)
    return (
        head + f"<script>window.__STATE__=[{state}];</script><style>{style}</style>"
        f"<img alt='' src='data:image/png;base64,{image}'>" + " " * padding + "</body>" + tail
    )


@pytest.mark.large
def test_a_50_mb_page_just_under_the_limit(tmp_path: pathlib.Path) -> None:
    page = _page_of(LIMIT)
    data = page.encode("utf-8")
    assert len(data) == LIMIT
    expected = newsparse.parse(ARTICLE).main
    started = time.perf_counter()
    assert newsparse.parse(page).main == expected
    assert newsparse.parse(data).main == expected
    path = tmp_path / "big.html"
    path.write_bytes(data)
    assert newsparse.parse(path).main == expected
    assert time.perf_counter() - started < 60


@pytest.mark.large
def test_a_page_over_the_limit_is_refused_clearly(tmp_path: pathlib.Path) -> None:
    page = _page_of(LIMIT) + "x"
    path = tmp_path / "big.html"
    path.write_text(page, "utf-8")
    for source in (page, page.encode("utf-8"), path):
        with pytest.raises(newsparse.InputTooLarge) as info:
            newsparse.parse(source)
        message = str(info.value)
        assert "\n" not in message and "50,000,000" in message and "50,000,001" in message


def test_the_limit_is_configurable() -> None:
    page = ARTICLE.read_bytes()
    small = newsparse.Options(max_input_bytes=len(page))
    assert newsparse.parse(page, options=small).main.title
    with pytest.raises(newsparse.InputTooLarge):
        newsparse.parse(page + b" ", options=newsparse.Options(max_input_bytes=len(page)))
    with pytest.raises(newsparse.InputTooLarge):
        newsparse.parse(ARTICLE, options=newsparse.Options(max_input_bytes=100))


def test_a_gzip_bomb_is_refused() -> None:
    bomb = gzip.compress(b"<p>" + b"a" * 2_000_000 + b"</p>", compresslevel=9)
    assert len(bomb) < 10_000
    with pytest.raises(newsparse.InputTooLarge):
        newsparse.parse(bomb, options=newsparse.Options(max_input_bytes=1_000_000))


@pytest.mark.large
def test_a_page_of_a_million_tiny_elements() -> None:
    page = "<html><body><h1>A page of a million tiny elements</h1><p>" + "<span>w</span> " * 1_000_000 + "</p></body></html>"
    started = time.perf_counter()
    doc = newsparse.parse(page)
    assert time.perf_counter() - started < 60
    assert every_text(doc).count("w") == 1_000_000


# ---- characters --------------------------------------------------------------------------


def test_nul_bytes_are_dropped_not_fatal() -> None:
    page = "<html><body><h1>Nul\x00 bytes in a headline</h1><p>A para\x00graph with NUL bytes\x00 inside it, still readable.</p></body></html>"
    for source in (page, page.encode("utf-8")):
        doc = newsparse.parse(source)
        text = every_text(doc)
        assert "Nul bytes in a headline" in text and "A paragraph with NUL bytes inside it, still readable." in text
        assert "\x00" not in doc.to_json()


def test_lone_surrogates_in_str_input_become_replacement_characters() -> None:
    doc = newsparse.parse("<p>A lone \ud800 high and a lone \udfff low surrogate in one sentence of text.</p>")
    assert "A lone \ufffd high and a lone \ufffd low surrogate in one sentence of text." in every_text(doc)
    doc.to_json().encode("utf-8")  # serialisable


def test_control_characters_are_dropped() -> None:
    controls = "".join(map(chr, [*range(1, 9), *range(14, 32), 127, *range(0x80, 0x85), *range(0x86, 0xA0)]))
    doc = newsparse.parse(f"<p>Visible{controls} words around invisible control characters.</p>")
    assert "Visible words around invisible control characters." in every_text(doc)
    assert not any(ch in doc.to_json() for ch in controls)


@pytest.mark.parametrize("ending", ["\r\n", "\r", "\n", "mixed"])
def test_line_endings(ending: str) -> None:
    lines = ["Bridge opens after two years of works", "", "The new footbridge opened on Saturday morning.", "",
             "Thousands crossed it in the first weekend, the council said.", "", "Accept cookies"]
    if ending == "mixed":
        text = "".join(line + ("\r\n", "\r", "\n")[i % 3] for i, line in enumerate(lines))
    else:
        text = ending.join(lines)
    reference = newsparse.parse("\n".join(lines))
    assert newsparse.parse(text) == reference
    assert newsparse.parse(text.encode("utf-8")) == newsparse.parse("\n".join(lines).encode("utf-8"))
    html = "<html><body>" + text.replace("\n", "\n<p>").replace("\r", "\r<p>") + "</body></html>"
    assert "\r" not in newsparse.parse(html).to_json()


def test_script_style_comments_and_cdata_are_not_text() -> None:
    page = (
        "<html><head><style>p::after { content: 'STYLE-TEXT' }</style><script>var s = '<p>SCRIPT-TEXT</p>';</script></head>"
        "<body><h1>Visible headline of the page</h1><!-- COMMENT-TEXT <p>fake</p> -->"
        "<p>Visible<!-- inline comment --> paragraph text that follows.</p><![CDATA[ CDATA-TEXT ]]>"
        "<script type='application/ld+json'>{\"headline\": \"JSONLD-TEXT\"}</script><template><p>TEMPLATE-TEXT</p></template>"
        "<p>Last paragraph, after all the hidden things.</p></body></html>"
    )
    doc = newsparse.parse(page)
    out = doc.to_json()
    for hidden in ("STYLE-TEXT", "SCRIPT-TEXT", "COMMENT-TEXT", "CDATA-TEXT", "JSONLD-TEXT", "TEMPLATE-TEXT", "fake"):
        assert hidden not in out
    text = every_text(doc)
    assert "Visible paragraph text that follows." in text and "Last paragraph, after all the hidden things." in text


# ---- XML attacks and the network ------------------------------------------------------------

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<html xmlns="http://www.w3.org/1999/xhtml"><body><h1>A headline above the laughs</h1><p>&lol9;</p>
<p>A normal paragraph follows the entity reference.</p></body></html>"""


@pytest.mark.parametrize("as_bytes", [False, True])
def test_billion_laughs_is_not_expanded(as_bytes: bool) -> None:
    started = time.perf_counter()
    doc = newsparse.parse(LAUGHS.encode("utf-8") if as_bytes else LAUGHS)
    assert time.perf_counter() - started < 5
    out = doc.to_json()
    assert len(out) < 5_000 and "lollol" not in out
    assert "A normal paragraph follows the entity reference." in every_text(doc)


@pytest.mark.parametrize("as_bytes", [False, True])
def test_external_entities_are_never_read_or_fetched(tmp_path: pathlib.Path, no_network: list[object], as_bytes: bool) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-FILE-CONTENT", "utf-8")
    page = f"""<?xml version="1.0"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://127.0.0.1:9/xhtml1-strict.dtd" [
  <!ENTITY secret SYSTEM "file://{secret}">
  <!ENTITY passwd SYSTEM "file:///etc/passwd">
  <!ENTITY remote SYSTEM "http://127.0.0.1:9/remote.txt">
  <!ENTITY % dtd SYSTEM "http://127.0.0.1:9/evil.dtd"> %dtd;
]>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:xi="http://www.w3.org/2001/XInclude">
<head><link rel="stylesheet" href="http://127.0.0.1:9/style.css"/><script src="http://127.0.0.1:9/app.js"></script></head>
<body><h1>Headline next to external entities</h1>
<p>Secret: &secret; Passwd: &passwd; Remote: &remote;</p>
<xi:include href="file://{secret}" parse="text"/>
<iframe src="file://{secret}"></iframe><img src="http://127.0.0.1:9/pixel.gif" alt="A tracking pixel"/>
<p>The article text goes on after the entities.</p></body></html>"""
    doc = newsparse.parse(page.encode("utf-8") if as_bytes else page)
    out = doc.to_json()
    assert "TOP-SECRET-FILE-CONTENT" not in out
    assert "root:" not in out
    assert "The article text goes on after the entities." in every_text(doc)
    assert no_network == []


def test_parsing_never_touches_the_network(no_network: list[object]) -> None:
    page = (
        '<!DOCTYPE html SYSTEM "http://127.0.0.1:9/html.dtd"><html><head><base href="http://127.0.0.1:9/">'
        '<link rel="preload" href="http://127.0.0.1:9/a"><meta http-equiv="refresh" content="0; url=http://127.0.0.1:9/">'
        "</head><body><h1>No fetching at all</h1><img src='http://127.0.0.1:9/i.jpg' alt='An image'>"
        "<p>Paragraph with <a href='http://127.0.0.1:9/'>a link</a> in a sentence of the article.</p>"
        "<object data='http://127.0.0.1:9/o'></object><video src='http://127.0.0.1:9/v'></video></body></html>"
    )
    newsparse.parse(page)
    newsparse.parse(page.encode("utf-8"))
    newsparse.parse(page, url="http://127.0.0.1:9/page")
    assert no_network == []


# ---- not a page at all --------------------------------------------------------------------

NOT_PAGES = {
    "empty.html": b"",
    "whitespace.txt": b" \n\t\r\n   \x0c ",
    "bom-only.html": b"\xef\xbb\xbf \n",
    "document.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)) * 8,
    "image.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)) * 8,
    "archive.zip": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 8,
    "random.bin": random.Random(20251129).randbytes(65_536),
}


@pytest.mark.parametrize("name", sorted(NOT_PAGES))
def test_not_a_page_gives_a_one_line_parse_error(name: str, tmp_path: pathlib.Path) -> None:
    data = NOT_PAGES[name]
    path = tmp_path / name
    path.write_bytes(data)
    for source in (data, path):
        with pytest.raises(newsparse.ParseError) as info:
            newsparse.parse(source)
        assert type(info.value) is not newsparse.ParseError  # always a specific subclass
        message = str(info.value)
        assert message.strip() and "\n" not in message


@pytest.mark.parametrize("source", ["", "   \n\t  ", "\ufeff", "\x00\x00", "<html><body><script>x()</script></body></html>"])
def test_empty_str_input(source: str) -> None:
    with pytest.raises(newsparse.EmptyInput):
        newsparse.parse(source)


def test_directory_and_missing_file(tmp_path: pathlib.Path) -> None:
    for path, words in ((tmp_path, "is a directory"), (tmp_path / "missing.html", "does not exist"),
                        (tmp_path / "odd\nname.html", "does not exist")):
        with pytest.raises(newsparse.NotAFile) as info:
            newsparse.parse(path)
        assert words in str(info.value) and "\n" not in str(info.value)


def test_cli_reports_each_bad_input_in_one_line(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name, data in NOT_PAGES.items():
        (tmp_path / name).write_bytes(data)
    names = [*(str(tmp_path / n) for n in sorted(NOT_PAGES)), str(tmp_path), str(tmp_path / "missing.html")]
    for name in names:
        assert main([name]) == 1
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.startswith(f"newsparse: {name}: ") and captured.err.count("\n") == 1


def test_python_dash_m_exits_1_without_a_traceback(tmp_path: pathlib.Path) -> None:
    for name, data in NOT_PAGES.items():
        (tmp_path / name).write_bytes(data)
    names = [*(str(tmp_path / n) for n in sorted(NOT_PAGES)), str(tmp_path), str(tmp_path / "missing.html")]
    result = subprocess.run([sys.executable, "-m", "newsparse", *names], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stdout == ""
    errors = result.stderr.splitlines()
    assert len(errors) == len(names) and "Traceback" not in result.stderr
    assert all(line.startswith("newsparse: ") for line in errors)
