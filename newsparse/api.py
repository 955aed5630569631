"""The public entry points: ``parse()`` chains the stages; ``parse_many()`` runs it on many pages.

decode (inputs) -> blocks (html_blocks | text_blocks) -> classify (passes) -> assemble.
"""
from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Iterator
from typing import Literal, overload

from lxml import etree

from . import assemble, classify, html_blocks, inputs, lexicon, text_blocks, text_markup
from .errors import EmptyInput, NotAnIterableOfPages, ParseError
from .meta import read_head
from .model import Document
from .options import Options
from .page import Page

Source = str | bytes | os.PathLike[str] | object


def parse(
    source: Source,
    url: str | None = None,
    format: Literal["auto", "html", "text"] = "auto",
    *,
    options: Options | None = None,
) -> Document:
    """Split one page into its article, related blurbs, reactions, images and noise.

    ``source`` is HTML or a text dump as ``str``, ``bytes`` (any encoding), a path
    (``pathlib.Path``), or a ``bs4.BeautifulSoup`` object. Raises a
    :class:`newsparse.ParseError` subclass when the input is no page.

    >>> doc = parse("<h1>Title</h1><p>One full sentence of article text is here.</p>")
    >>> doc.main.title
    'Title'
    """
    options = options or Options()
    raw = inputs.read(source, url=url, format=format, encoding=options.encoding, max_bytes=options.max_input_bytes)
    page = classified(raw, options)
    return assemble.build(page, raw)


def classified(raw: inputs.Raw, options: Options | None = None) -> Page:
    """The decoded page cut into blocks, each labelled by the classifier passes: the
    state ``parse()`` assembles into a Document (and ``bench/explain.py`` prints)."""
    options = options or Options()
    words = lexicon.load()
    if raw.format == "html":
        root = _html_tree(raw.text)
        blocks, nodes = html_blocks.split(root)
        head = read_head(root)
    else:
        blocks, nodes, head = text_blocks.split(raw.text, _label_test(words)), {}, text_markup.dump_head(raw.text)
    if not blocks:
        raise EmptyInput("the page has no visible text (only markup, scripts or styles)")
    page = Page(blocks=blocks, nodes=nodes, format=raw.format, lexicon=words, head=head)
    return classify.run(page, disabled=options.disabled_passes)


@overload
def parse_many(
    sources: Iterable[Source],
    workers: int | None = None,
    *,
    errors: Literal["raise", "skip"] = "raise",
    options: Options | None = None,
) -> Iterator[Document]: ...


@overload
def parse_many(
    sources: Iterable[Source],
    workers: int | None = None,
    *,
    errors: Literal["yield"],
    options: Options | None = None,
) -> Iterator[Document | ParseError]: ...


def parse_many(
    sources: Iterable[Source],
    workers: int | None = None,
    *,
    errors: Literal["raise", "skip", "yield"] = "raise",
    options: Options | None = None,
) -> Iterator[Document] | Iterator[Document | ParseError]:
    """Parse many pages, in order. ``workers`` > 1 uses that many processes.

    ``errors``: ``"raise"`` stops at the first bad page; ``"skip"`` leaves bad pages out;
    ``"yield"`` yields the ``ParseError`` in the bad page's place. The arguments are
    checked at once (not at the first page): one page instead of a list raises
    :class:`newsparse.errors.NotAnIterableOfPages`, a bad ``workers`` or ``errors`` ValueError.
    """
    _check_many(sources, workers, errors)
    return _parse_many(sources, workers, errors, options)


def _check_many(sources: object, workers: object, errors: object) -> None:
    """Refuse, before any parsing, one page given where many are expected, and bad options."""
    if _is_one_page(sources):
        raise NotAnIterableOfPages(
            f"parse_many() takes an iterable of pages, not one page ({type(sources).__name__}): "
            "wrap it in a list, parse_many([page]), or call parse(page)"
        )
    if not isinstance(sources, Iterable):
        raise NotAnIterableOfPages(
            f"parse_many() takes an iterable of pages (a list, a generator...), not {type(sources).__name__}"
        )
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 1):
        raise ValueError(
            f"workers must be a number of processes, 1 or more (or None for no extra process), not {workers!r}"
        )
    if errors not in ("raise", "skip", "yield"):
        raise ValueError(f"errors must be 'raise', 'skip' or 'yield', not {errors!r}")


def _is_one_page(sources: object) -> bool:
    # a str, bytes or BeautifulSoup object is iterable too: it would be parsed one
    # character (or one tag) at a time
    one_page = (str, bytes, bytearray, memoryview, os.PathLike)
    return isinstance(sources, one_page) or type(sources).__module__.startswith("bs4")


def _parse_many(
    sources: Iterable[Source], workers: int | None, errors: str, options: Options | None
) -> Iterator[Document | ParseError]:
    if workers is None or workers == 1:
        results: Iterable[Document | ParseError] = (_parse_safely(s, options) for s in sources)
        yield from _handle(results, errors)
        return
    # batch's bounded, ordered process pool: a long (or endless) iterable of sources is
    # never read ahead by more than a few pages per worker
    from .batch import ordered_map

    worker = functools.partial(_parse_safely, options=options)
    yield from _handle(ordered_map(worker, sources, workers, _worker_died), errors)


def _worker_died(source: Source) -> ParseError:
    return ParseError("the worker process died while parsing this page (a crash, or out of memory)")


def _parse_safely(source: Source, options: Options | None) -> Document | ParseError:
    try:
        return parse(source, options=options)
    except ParseError as error:
        return error


def _handle(results: Iterable[Document | ParseError], errors: str) -> Iterator[Document | ParseError]:
    for result in results:
        if isinstance(result, ParseError):
            if errors == "raise":
                raise result
            if errors == "skip":
                continue
        yield result


def _html_tree(text: str) -> etree._Element:
    """Parse HTML with lxml (never fetching anything), from UTF-8 bytes so that an XML
    declaration in a str cannot trip the parser."""
    root = _lxml_parse(text)
    if root is None:
        # nested deeper than libxml2 goes (2048 levels): it would cut the rest of the
        # page off silently. Flatten the containers instead; every word stays.
        root = _lxml_parse(_CONTAINER_TAG.sub(_flatten, text))
    if root is None:
        # still too deep: the nesting is made of other elements (custom elements, svg,
        # unknown tags); flatten every element but those that hide text or carry data
        root = _lxml_parse(_ANY_TAG.sub(_flatten_any, text))
    if root is None:
        raise EmptyInput("the HTML is nested too deeply to read, even flattened")
    return root


def _lxml_parse(text: str) -> etree._Element | None:
    """The parsed tree, or None when libxml2 hit its depth limit (and dropped content)."""
    # comments and processing instructions are dropped at parse time: iterwalk does not
    # visit them, so their tails (visible text, e.g. after React's <!-- -->) would be lost
    # plain etree elements, not lxml.html's HtmlElement: no per-element class lookup
    # (no id table: nothing looks elements up by id)
    parser = etree.HTMLParser(
        encoding="utf-8", no_network=True, huge_tree=True, remove_comments=True, remove_pis=True, collect_ids=False
    )
    try:
        root = etree.fromstring(text.encode("utf-8", errors="replace"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise EmptyInput(f"the HTML has no content lxml can read ({error})") from None
    if root is None:
        raise EmptyInput("the HTML has no content lxml can read (no elements)")
    if any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in parser.error_log):
        return None
    return root


_CONTAINER_TAG = re.compile(
    r"<(/?)(div|span|section|article|aside|main|header|footer|nav|font|center|b|i|u|em|strong|small|big|"
    r"table|tbody|thead|tfoot|tr|td|th|ul|ol|li|dl|dt|dd|blockquote|form|fieldset|label|a|p|q|sup|sub|"
    r"h[1-6]|figure|figcaption|details|summary|abbr|cite|code|pre|mark|s|strike|tt|var|kbd|samp|ins|del)\b[^<>]*>",
    re.IGNORECASE,
)
_INLINE = frozenset("span font b i u em strong small big a q sup sub abbr cite code mark s strike tt var kbd samp ins del".split())


def _flatten(match: re.Match[str]) -> str:
    return "" if match.group(2).lower() in _INLINE else "<br>"


_ANY_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:._-]*)[^<>]*>")
# kept when flattening everything: raw text that must stay hidden or whole (script, textarea...), or data (img)
_UNFLATTENED = frozenset("html head body title meta link base script style textarea img br".split())


def _flatten_any(match: re.Match[str]) -> str:
    tag = match.group(2).lower()
    if tag in _UNFLATTENED:
        return match.group(0)
    return "" if tag in _INLINE else "<br>"


def _label_test(words: lexicon.Lexicon):  # type: ignore[no-untyped-def]
    def is_label(line: str) -> bool:
        return len(line) < 60 and any(words.match(kind, line) for kind in ("ai_image_label", "ai_text_label", "relative_time"))

    return is_label
