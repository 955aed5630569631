"""The same news page saved in many encodings parses to the same Document as its UTF-8 original.

Every page is an original short story (headline + four paragraphs, tests/news_pages.py) in
the encoding's language, saved with the right, no, or a wrong ``<meta charset>``. Compared:
``doc.to_dict()`` without ``source.encoding``.

A wrong declaration is recovered when it cannot decode the bytes (detection takes over), when
the bytes are valid UTF-8, or when the declared reading is clearly messier or less like a
language than the detected one. It is not recovered when both readings are plausible text in
the same script (Turkish windows-1254 declared windows-1252: "ş" reads as "þ"; French
windows-1252 declared windows-1256: only "É" differs) -- those cases are xfail below.
"""
from __future__ import annotations

import codecs
import functools

import pytest

import newsparse
from news_pages import CODEC, LEGACY, STORIES, encode, html_page, text_page

# Declarations a page may carry by mistake: the common defaults and every legacy encoding tested.
WRONG = (
    "utf-8", "windows-1252", "iso-8859-1", "koi8-r", "windows-1251", "shift_jis", "euc-jp", "gb2312",
    "big5", "euc-kr", "windows-1256", "iso-8859-6", "windows-1255", "windows-1254", "windows-874",
    "windows-1258", "utf-16",
)
# Mislabels whose declared reading is plausible text too: not recoverable by statistics.
UNRECOVERABLE = {
    ("fr", "windows-1252", "windows-1256"),
    ("tr", "windows-1254", "windows-1252"),
    ("tr", "windows-1254", "iso-8859-1"),
}


def _same(a: str, b: str) -> bool:
    def name(label: str) -> str:
        return codecs.lookup(CODEC.get(label, label)).name

    return name(a) == name(b) or {name(a), name(b)} <= {"euc_kr", "cp949"}


def _wrong_for(encoding: str) -> list[str]:
    return [w for w in WRONG if not _same(w, encoding)]


@functools.cache
def reference(key: str, kind: str = "html") -> dict[str, object]:
    page = html_page(key, "utf-8") if kind == "html" else text_page(key)
    return comparable(newsparse.parse(page.encode("utf-8")))


def comparable(doc: newsparse.Document) -> dict[str, object]:
    data = doc.to_dict()
    del data["source"]["encoding"]
    return data


LEGACY_CASES = [(key, enc) for key, encodings in LEGACY.items() for enc in encodings]


def test_references_are_real_articles() -> None:
    """The UTF-8 originals themselves parse to their headline and four paragraphs."""
    for key, story in STORIES.items():
        doc = newsparse.parse(html_page(key, "utf-8"))
        assert doc.main.title == story.title, key
        assert doc.main.paragraphs == list(story.paragraphs), key


@pytest.mark.parametrize(("key", "encoding"), LEGACY_CASES)
@pytest.mark.parametrize("meta", ["right", "missing"])
def test_legacy_encoding(key: str, encoding: str, meta: str) -> None:
    page = html_page(key, encoding if meta == "right" else None)
    doc = newsparse.parse(encode(page, encoding))
    assert comparable(doc) == reference(key)


@pytest.mark.parametrize(
    ("key", "encoding", "declared"),
    [
        pytest.param(
            key, enc, wrong,
            marks=[pytest.mark.xfail(strict=True, reason="both readings are plausible text")]
            if (key, enc, wrong) in UNRECOVERABLE
            else [],
        )
        for key, enc in LEGACY_CASES
        for wrong in _wrong_for(enc)
    ],
)
def test_legacy_encoding_with_a_wrong_meta_charset(key: str, encoding: str, declared: str) -> None:
    doc = newsparse.parse(encode(html_page(key, declared), encoding))
    assert comparable(doc) == reference(key)


@pytest.mark.parametrize(("key", "encoding"), LEGACY_CASES)
def test_legacy_text_dump(key: str, encoding: str) -> None:
    """A text dump has no <meta>: detection alone finds the encoding."""
    doc = newsparse.parse(encode(text_page(key), encoding))
    assert comparable(doc) == reference(key, "text")


@pytest.mark.parametrize(("key", "encoding"), LEGACY_CASES)
def test_caller_encoding_beats_a_wrong_meta(key: str, encoding: str) -> None:
    options = newsparse.Options(encoding=encoding)
    doc = newsparse.parse(encode(html_page(key, "utf-8" if encoding != "utf-8" else "koi8-r"), encoding), options=options)
    assert comparable(doc) == reference(key)


@pytest.mark.parametrize("key", sorted(STORIES))
@pytest.mark.parametrize(
    ("encoding", "declared"),
    [
        ("utf-8", "utf-8"),
        ("utf-8", None),
        *(("utf-8", wrong) for wrong in _wrong_for("utf-8")),
        ("utf-8-sig", "utf-8"),
        ("utf-8-sig", None),
        ("utf-8-sig", "windows-1252"),
        ("utf-8-sig", "shift_jis"),
        ("utf-16", "utf-16"),
        ("utf-16", None),
        ("utf-16", "windows-1252"),
        ("utf-16", "utf-8"),
        ("utf-16-le", None),  # no BOM: recognised by its zero bytes
        ("utf-16-be", None),
    ],
)
def test_unicode_encodings(key: str, encoding: str, declared: str | None) -> None:
    doc = newsparse.parse(html_page(key, declared).encode(encoding))
    assert comparable(doc) == reference(key)


@pytest.mark.parametrize("key", sorted(STORIES))
@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_unicode_text_dumps(key: str, encoding: str) -> None:
    doc = newsparse.parse(text_page(key).encode(encoding))
    assert comparable(doc) == reference(key, "text")


def test_the_chosen_encoding_is_reported() -> None:
    assert newsparse.parse(encode(html_page("ru", "utf-8"), "koi8-r")).source.encoding == "koi8-r"
    assert newsparse.parse(encode(html_page("he", "koi8-r"), "windows-1255")).source.encoding == "cp1255"
    assert newsparse.parse(html_page("ja", "shift_jis").encode("utf-8")).source.encoding == "utf-8"
    # windows-1258 keeps tone marks as combining characters; the text comes out precomposed (NFC)
    doc = newsparse.parse(encode(html_page("vi", "windows-1258"), "windows-1258"))
    assert doc.source.encoding == "cp1258" and doc.main.title == STORIES["vi"].title


def test_a_right_legacy_declaration_is_kept() -> None:
    """The plausibility check does not override correct declarations of related encodings."""
    page = "<html><head><meta charset='{}'></head><body><h1>Nowy most w Krakowie</h1><p>{}</p></body></html>"
    text = "Wczoraj w Krakowie otwarto nowy most dla pieszych nad Wisłą. Źródła w urzędzie miasta mówią, że budowa trwała dwa lata."
    for encoding in ("iso-8859-2", "windows-1250"):
        doc = newsparse.parse(page.format(encoding, text).encode(encoding))
        assert doc.main.paragraphs == [text]
        assert doc.source.encoding == codecs.lookup(encoding).name
