"""The public surface: names, JSON shape, pickling, determinism, input types, errors."""
from __future__ import annotations

import codecs
import datetime as dt
import json
import pathlib
import pickle
import subprocess
import sys

import pytest

import newsparse

SEED = pathlib.Path(__file__).parent / "fixtures" / "coupang-breach-page.txt"
HTML = pathlib.Path(__file__).parent / "fixtures" / "pages" / "riverside-library.html"


def test_exported_names() -> None:
    assert set(newsparse.__all__) == {
        "parse", "parse_many", "Options", "Document", "Main", "Related", "Section", "Image",
        "Noise", "NoiseKind", "Source", "ParseError", "EmptyInput", "BinaryInput",
        "UndecodableInput", "InputTooLarge", "NotAFile", "UnsupportedInput", "__version__",
    }
    for name in newsparse.__all__:
        assert hasattr(newsparse, name)


def test_to_dict_has_exactly_the_spec_keys() -> None:
    data = newsparse.parse(SEED).to_dict()
    assert set(data) == {"ui_language", "main", "related", "what_people_say", "images", "noise", "source"}
    assert set(data["main"]) == {"title", "text", "paragraphs", "language", "published", "authors"}
    assert set(data["related"][0]) == {"title", "summary", "language", "url", "published"}
    assert set(data["what_people_say"]) == {"heading", "text", "language"}
    assert set(data["images"][0]) == {"alt", "caption", "src", "ai_generated"}
    assert set(data["noise"][0]) == {"text", "kind", "reason"}
    assert set(data["source"]) == {"format", "url", "encoding"}
    assert data["source"]["format"] == "text"
    json.dumps(data)  # JSON-ready


def test_document_pickles_and_compares() -> None:
    doc = newsparse.parse(HTML)
    again = pickle.loads(pickle.dumps(doc))
    assert again == doc
    assert again.to_json() == doc.to_json()


def test_same_json_across_processes() -> None:
    code = "import newsparse,pathlib,sys; sys.stdout.write(newsparse.parse(pathlib.Path(sys.argv[1])).to_json())"
    outputs = [
        subprocess.run([sys.executable, "-c", code, str(page)], capture_output=True, check=True).stdout
        for page in (SEED, SEED, HTML, HTML)
    ]
    assert outputs[0] == outputs[1] and outputs[2] == outputs[3]
    assert outputs[0] == newsparse.parse(SEED).to_json().encode("utf-8")


def test_every_input_type_gives_the_same_document() -> None:
    text = HTML.read_text("utf-8")
    from_path = newsparse.parse(HTML)
    assert newsparse.parse(text).main == from_path.main
    assert newsparse.parse(text.encode("utf-8")).main == from_path.main
    bs4 = pytest.importorskip("bs4")
    assert newsparse.parse(bs4.BeautifulSoup(text, "html.parser")).main == from_path.main


@pytest.mark.parametrize(
    ("encoding", "read_as"),
    [("utf-16", "utf-16"), ("windows-1252", "windows-1252"), ("iso-8859-1", "windows-1252")],
)
def test_bytes_in_other_encodings(encoding: str, read_as: str) -> None:
    """iso-8859-1 is read as windows-1252, as browsers do (WHATWG Encoding Standard)."""
    text = HTML.read_text("utf-8").replace('charset="utf-8"', f'charset="{encoding}"')
    page = text.encode(encoding)
    doc = newsparse.parse(page)
    assert doc.main == newsparse.parse(HTML).main
    assert codecs.lookup(doc.source.encoding or "").name == codecs.lookup(read_as).name


def test_html_fixture_parts() -> None:
    doc = newsparse.parse(HTML, url="https://example.org/a")
    assert doc.main.title == "Riverside library reopens after two-year flood repair"
    assert len(doc.main.paragraphs) == 5
    assert doc.main.published == dt.date(2025, 4, 2)
    assert doc.main.authors == ["Maria Lindqvist"]
    assert doc.source.url == "https://example.org/a"
    assert [r.title for r in doc.related] == ["City budgets for new flood barriers", None]
    assert doc.what_people_say is not None and doc.what_people_say.text.count("\n") == 1
    assert doc.images and doc.images[0].ai_generated is False
    assert "Accept all" in {n.text for n in doc.noise}


@pytest.mark.parametrize(
    ("source", "error"),
    [
        (b"", newsparse.EmptyInput),
        ("   \n\t ", newsparse.EmptyInput),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", newsparse.BinaryInput),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", newsparse.BinaryInput),
        (b"PK\x03\x04\x14\x00\x00\x00", newsparse.BinaryInput),
        (bytes(range(256)) * 4, newsparse.BinaryInput),
        (12345, newsparse.UnsupportedInput),
        (pathlib.Path("/nonexistent/page.html"), newsparse.NotAFile),
        (pathlib.Path(__file__).parent, newsparse.NotAFile),
        ("<html><head><script>var x=1;</script></head><body></body></html>", newsparse.EmptyInput),
    ],
)
def test_bad_input_raises_a_clear_parse_error(source: object, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        newsparse.parse(source)
    assert isinstance(info.value, newsparse.ParseError)
    message = str(info.value)
    assert message and "\n" not in message


def test_parse_many_keeps_order_and_reports_errors() -> None:
    sources = [SEED, b"", HTML]
    results = list(newsparse.parse_many(sources, errors="yield"))
    assert isinstance(results[1], newsparse.EmptyInput)
    assert isinstance(results[0], newsparse.Document) and isinstance(results[2], newsparse.Document)
    assert [d.source.format for d in newsparse.parse_many(sources, errors="skip")] == ["text", "html"]
    with pytest.raises(newsparse.EmptyInput):
        list(newsparse.parse_many(sources))
    parallel = list(newsparse.parse_many(sources, workers=2, errors="yield"))
    assert [type(r) for r in parallel] == [type(r) for r in results]
    assert parallel[0] == results[0]


@pytest.mark.parametrize("depth", [3000, 100_000])
def test_deeply_nested_html_loses_no_text(depth: int) -> None:
    page = "<html><body>" + "<div>" * depth + "<p>The deep paragraph says something.</p>" + "</div>" * depth
    page += "<p>After the deep part comes a closing sentence.</p></body></html>"
    doc = newsparse.parse(page)
    everything = " ".join([doc.main.title or "", doc.main.text, *(n.text for n in doc.noise)])
    assert "The deep paragraph says something." in everything
    assert "After the deep part comes a closing sentence." in everything


def test_text_after_html_comments_is_kept() -> None:
    page = "<html><body><h1>A headline for the test</h1><p>A very<!-- --> recently <a href='x'>explained</a>, complex and<!-- c --> rare condition of the lungs.</p></body></html>"
    assert newsparse.parse(page).main.paragraphs == ["A very recently explained, complex and rare condition of the lungs."]


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Anna Berg and Erik Lund", ["Anna Berg", "Erik Lund"]),
        ("Av Anna Berg och Erik Lund", ["Anna Berg", "Erik Lund"]),
        ("Του Νίκου Παππά και Μαρίας Λάμπρου", ["Νίκου Παππά", "Μαρίας Λάμπρου"]),
        ("Von Jan Kurz, Eva Lang und Tim Roth", ["Jan Kurz", "Eva Lang", "Tim Roth"]),
    ],
)
def test_byline_with_several_authors_is_split_at_the_language_s_and(byline: str, names: list[str]) -> None:
    body = "".join(f"<p>{'Sentence number %d of the article body goes on here.' % i}</p>" for i in range(6))
    page = f"<html><body><article><h1>A headline for the story</h1><p>{byline}</p>{body}</article></body></html>"
    assert newsparse.parse(page).main.authors == names


@pytest.mark.parametrize("one_page", ["<p>abc</p>", b"<p>abc</p>", HTML], ids=["str", "bytes", "path"])
def test_parse_many_refuses_one_page_and_says_to_wrap_it(one_page: object) -> None:
    from newsparse.errors import NotAnIterableOfPages

    with pytest.raises(NotAnIterableOfPages, match=r"wrap it in a list") as info:
        newsparse.parse_many(one_page)  # type: ignore[arg-type]  # at the call, before any iteration
    assert isinstance(info.value, newsparse.ParseError) and isinstance(info.value, TypeError)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"workers": 0}, "workers must be a number of processes, 1 or more"),
        ({"workers": -3}, "workers must be a number of processes, 1 or more"),
        ({"errors": "ignore"}, "errors must be 'raise', 'skip' or 'yield', not 'ignore'"),
    ],
)
def test_parse_many_refuses_bad_options(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        newsparse.parse_many([HTML], **kwargs)  # type: ignore[call-overload]


def test_parse_many_result_type_follows_errors(tmp_path: pathlib.Path) -> None:
    script = tmp_path / "use_parse_many.py"
    script.write_text(
        "import newsparse\n"
        "reveal_type(newsparse.parse_many(['x']))\n"
        "reveal_type(newsparse.parse_many(['x'], errors='skip'))\n"
        "reveal_type(newsparse.parse_many(['x'], workers=2, errors='raise'))\n"
        "reveal_type(newsparse.parse_many(['x'], errors='yield'))\n",
        "utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--ignore-missing-imports", "--no-incremental", str(script)],
        capture_output=True,
        text=True,
        cwd=pathlib.Path(__file__).resolve().parents[1],
    )
    revealed = [line.split("Revealed type is ", 1)[1] for line in result.stdout.splitlines() if "Revealed type" in line]
    document = '"typing.Iterator[newsparse.model.Document]"'
    assert revealed[:3] == [document] * 3, result.stdout
    assert revealed[3] in (  # mypy versions spell the union either way
        '"typing.Iterator[newsparse.model.Document | newsparse.errors.ParseError]"',
        '"typing.Iterator[Union[newsparse.model.Document, newsparse.errors.ParseError]]"',
    ), result.stdout
    assert "error:" not in result.stdout
