"""Property tests: any input gives a Document or a ParseError, fast and deterministically,
and a text dump loses no line.

Two hypothesis profiles: ``newsparse-ci`` (the default: about 200 examples per test) and
``newsparse-long`` (``NEWSPARSE_FUZZ=long``: 10,000 examples per test), e.g.::

    NEWSPARSE_FUZZ=long .venv/bin/python -m pytest -q tests/test_properties.py
"""
from __future__ import annotations

import os
import re
import textwrap
from collections import Counter
from datetime import timedelta
from importlib import resources

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import newsparse
from newsparse import text_markup
from news_pages import STORIES

settings.register_profile(
    "newsparse-ci",
    max_examples=200,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "newsparse-long",
    max_examples=10_000,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = "newsparse-long" if os.environ.get("NEWSPARSE_FUZZ") == "long" else "newsparse-ci"
FUZZ = settings(settings.get_profile(PROFILE))


def _lexicon_phrases() -> list[str]:
    """Every phrase of every lexicon: they steer pages into every classifier path."""
    root = resources.files("newsparse") / "data" / "lexicons"
    phrases: set[str] = set()
    for folder in root.iterdir():
        if not folder.is_dir():
            continue
        for kind in folder.iterdir():
            if kind.name.endswith(".txt"):
                for line in kind.read_text("utf-8").splitlines():
                    if line.strip() and not line.startswith("#"):
                        phrases.add(line.strip())
    return sorted(phrases)


PHRASES = _lexicon_phrases()
STORY_SENTENCES = sorted({s for story in STORIES.values() for p in story.paragraphs for s in re.split(r"(?<=[.。!?])\s*", p) if s})
STORY_WORDS = sorted({w for s in STORY_SENTENCES for w in s.split()})
CLASS_WORDS = ["nav", "menu", "footer", "related", "comments", "cookie", "consent", "share", "ad", "article", "content", "body", "caption", "byline", "author", "date", "tags", "sidebar", "promo"]
TAGS = ["div", "p", "span", "a", "b", "i", "h1", "h2", "h3", "ul", "li", "ol", "nav", "header", "footer", "aside", "article", "section", "main", "figure", "figcaption", "table", "tr", "td", "blockquote", "time", "form", "button", "em", "strong", "br", "x-widget"]

# lone surrogates, controls, combining marks, RTL marks, emoji: the whole code space
any_char = st.one_of(
    st.characters(),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
    st.characters(max_codepoint=0x9F),
    st.sampled_from(["\u200b", "\u200e", "\u200f", "\u202e", "\ufeff", "\u00a0", "\u2028", "\u0301", "\U0001f600", "\r", "\t"]),
)
word = st.one_of(
    st.sampled_from(STORY_WORDS),
    st.sampled_from(PHRASES),
    st.text(any_char, min_size=1, max_size=10),
    st.from_regex(r"\A(\d{1,2} (January|May|December) 20\d\d|20\d\d-\d\d-\d\d|\d{1,2}:\d\d|By [A-Z][a-z]+ [A-Z][a-z]+)\Z"),
)
line = st.one_of(
    st.lists(word, min_size=1, max_size=20).map(" ".join),
    st.sampled_from(STORY_SENTENCES),
    st.sampled_from(PHRASES),
    st.lists(st.sampled_from(PHRASES + STORY_WORDS), min_size=2, max_size=4).map("\t".join),
    st.lists(st.sampled_from(PHRASES), min_size=2, max_size=4).map("    ".join),
)


@st.composite
def text_dumps(draw: st.DrawFn) -> str:
    """A plain-text dump: lines and blank lines, sometimes hard-wrapped, any line ending."""
    blocks: list[str] = []
    for _ in range(draw(st.integers(0, 30))):
        kind = draw(st.integers(0, 9))
        if kind == 0:
            blocks.append("")
        elif kind == 1:  # a hard-wrapped paragraph
            text = " ".join(draw(st.lists(st.sampled_from(STORY_SENTENCES), min_size=2, max_size=6)))
            blocks.append(textwrap.fill(text, draw(st.integers(50, 90))))
        else:
            blocks.append(draw(line))
    ending = draw(st.sampled_from(["\n", "\r\n", "\r", "\n\n"]))
    return ending.join(blocks)


@st.composite
def html_pages(draw: st.DrawFn, depth: int = 0) -> str:
    """Markup from tags, attributes, text and hostile pieces, well-formed or not."""
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 8 if depth < 4 else 2))):
        kind = draw(st.integers(0, 12))
        if kind <= 3 and depth < 6:
            tag = draw(st.sampled_from(TAGS))
            attrs = ""
            if draw(st.booleans()):
                attrs = f' class="{draw(st.sampled_from(CLASS_WORDS))}"'
            if draw(st.integers(0, 5)) == 0:
                attrs += f' lang="{draw(st.sampled_from(["en", "ar", "ja", "xx", ""]))}"'
            close = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", "", "</div>"]))
            parts.append(f"<{tag}{attrs}>{draw(html_pages(depth + 1))}{close}")
        elif kind <= 7:
            parts.append(draw(line))
        elif kind == 8:
            alt = draw(st.one_of(st.sampled_from(PHRASES), line))
            parts.append(f'<img src="/i.jpg" alt="{alt}">')
        else:
            parts.append(
                draw(
                    st.sampled_from(
                        [
                            "<!-- a comment -->", "<!--", "-->", "<![CDATA[ cdata ]]>", "<script>var a = '<p>x</p>';</script>",
                            "<style>p { color: red }</style>", "</", "<", ">", "&amp;", "&#0;", "&#xD800;", "&#1114112;",
                            "&unknown;", "<?xml version='1.0' encoding='koi8-r'?>", "<!DOCTYPE html>", "<meta charset='shift_jis'>",
                            '<time datetime="2025-02-30">', "<br>", "<p>", "</p>", "</body>", "<html>", "<noscript>", "\x00",
                        ]
                    )
                )
            )
    return "".join(parts)


def parse_or_error(source: object, **kwargs: object) -> newsparse.Document | newsparse.ParseError:
    """parse(), with its only allowed failure: a ParseError with a one-line message."""
    try:
        return newsparse.parse(source, **kwargs)  # type: ignore[arg-type]
    except newsparse.ParseError as error:
        message = str(error)
        assert message and "\n" not in message
        return error


def check_deterministic(source: object, **kwargs: object) -> None:
    first = parse_or_error(source, **kwargs)
    second = parse_or_error(source, **kwargs)
    if isinstance(first, newsparse.Document):
        assert isinstance(second, newsparse.Document)
        assert first.to_json() == second.to_json()
    else:
        assert type(first) is type(second) and str(first) == str(second)


@FUZZ
@given(st.text(any_char, max_size=2000))
def test_any_str(source: str) -> None:
    check_deterministic(source)


@FUZZ
@given(st.binary(max_size=4000))
def test_any_bytes(source: bytes) -> None:
    check_deterministic(source)


@FUZZ
@given(html_pages(), st.sampled_from(["auto", "html", "text"]))
def test_html_like(source: str, format: str) -> None:
    check_deterministic(source, format=format)


@FUZZ
@given(text_dumps(), st.sampled_from(["utf-8", "utf-16", "cp1252", "cp1251", "shift_jis", "gb18030", "big5", "euc-kr", "cp1256"]))
def test_encoded_bytes(text: str, encoding: str) -> None:
    check_deterministic(text.encode(encoding, errors="replace"))


# ---- no line of a text dump is lost, and none lands twice -------------------------------


def _clean(text: str) -> str:
    """What newsparse.inputs does to a str before cutting it (line endings, invisible controls)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = re.sub("[\x01-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]", "", text)
    return re.sub("[\ud800-\udfff]", "\ufffd", text).lstrip("\ufeff")


def output_tokens(doc: newsparse.Document) -> Counter[str]:
    """The words of every part; each piece of text is in exactly one of them."""
    texts = [doc.main.title or "", *doc.main.paragraphs]
    for related in doc.related:
        texts += [related.title or "", related.summary]
    if doc.what_people_say is not None:
        texts.append(doc.what_people_say.text)
    for image in doc.images:
        texts += [image.alt or "", image.caption or ""]
    texts += [noise.text for noise in doc.noise]
    return Counter(token for text in texts for token in text.split() if token not in BULLET_MARKS)


def dump_tokens(dump: str) -> Counter[str]:
    """The words of a plain dump's lines. A bullet alone ("* 12") may be read as a list
    item's mark, not a word: bullets count on neither side. (A Markdown dump is read as
    rendered: its markup is no word either, see test_markdown_dumps.)"""
    lines = _clean(dump).split("\n")
    if text_markup.is_markdown("\n".join(lines)):
        lines = [" ".join(piece.text for piece in line.pieces) for line in text_markup.read_lines(lines)]
    return Counter(token for line in lines for token in line.split() if token not in BULLET_MARKS)


BULLET_MARKS = frozenset("-*•●▪◦·")


@FUZZ
@given(text_dumps())
def test_text_dump_loses_no_line(dump: str) -> None:
    """Every word of every non-blank line is in some part (hard-wrapped lines are joined and
    tab-separated labels split, so lines are compared word by word)."""
    result = parse_or_error(dump, format="text")
    tokens = dump_tokens(dump)
    if isinstance(result, newsparse.ParseError):
        assert not tokens, f"{result!r} for a dump with text"
        return
    assert not tokens - output_tokens(result), "words of the input missing from every part"


# A title or related blurb that a later pass (script contrast) drops to noise must not stay
# in main/related too. The first example is the smallest case hypothesis found for that.
@FUZZ
@example(
    "Auf dem Bodensee fährt seit Montag die erste\nvollelektrische Autofähre zwischen Konstanz und\n"
    "Meersburg. תושבים רבים בירכו על ההחלטה, אך חלקם\nביקשו להוסיף תחנות גם בשכונות הדרומיות."
)
@given(text_dumps())
def test_text_dump_puts_each_line_in_exactly_one_part(dump: str) -> None:
    result = parse_or_error(dump, format="text")
    if isinstance(result, newsparse.Document):
        assert output_tokens(result) == dump_tokens(dump)
