"""The article's header: headline, standfirst, byline and publication date, read from
the blocks above the first paragraph (and the <head> metadata).

One pass, :func:`header`, in steps: the headline (``title``), the date (``dates``), the
byline (``bylines``), the lines closing the text (``closing``), then what is left of
the header (``lines``). ``rows`` holds what datelines and bylines share."""
from __future__ import annotations

import datetime as dt

from ..block import Label
from ..langid import dominant_script
from ..meta import local_date
from ..page import Page
from .bylines import header_authors, unlabelled_bylines
from .closing import closing_bio, closing_credits, publisher_boilerplate
from .dates import published_date
from .lines import header_lines, repeats_description
from .title import find_title, headline_at_start

__all__ = ["header", "repeats_description"]


def header(page: Page) -> None:
    """Headline, byline and date from the blocks before the first paragraph."""
    start = headline_at_start(page, _header_end(page))
    zone = [i for i in range(start) if page.blocks[i].section is None]
    page.text_script = _text_script(page)
    page.title = _headline(page, zone)
    if page.format == "html":
        # the article's own header: inside its container, or between headline and text
        zone = [
            i
            for i in zone
            if (page.main_container is not None and page.main_container in page.blocks[i].ancestors)
            or (page.title is not None and i > page.title)
        ]
    below = [
        i
        for i in range(start, min(start + MAX_BYLINE_BELOW_START, len(page.blocks)))
        if page.blocks[i].section is None
    ]
    page.published = _publication_date(page, zone, below)
    page.authors = _byline(page, zone, below)
    unlabelled_bylines(page)
    closing_bio(page)
    publisher_boilerplate(page)
    header_lines(page, zone, start)


def _text_script(page: Page) -> str | None:
    """The script the main text (as labelled so far) is written in."""
    parts: list[str] = []
    size = 0
    for block in page.blocks:
        if block.label is Label.MAIN and size < TEXT_SCRIPT_SAMPLE:
            parts.append(block.text)
            size += len(block.text) + 1
    main = " ".join(parts)[:TEXT_SCRIPT_SAMPLE]
    return dominant_script(main) if main else None


def _headline(page: Page, zone: list[int]) -> int | None:
    """The headline's block, labelled TITLE; None for a page without one."""
    title = find_title(page, zone)
    if title is not None and not page.blocks[title].heading and not _has_text(page):
        # "<p>Bonjour tout le monde</p>" and nothing else: a line with no text under it is
        # the text itself, not a headline over nothing
        page.blocks[title].label = Label.MAIN
        return None
    if title is not None:
        page.blocks[title].label = Label.TITLE
    return title


def _publication_date(page: Page, zone: list[int], below: list[int]) -> dt.date | None:
    """The head's date (the publisher's local day when it was given in UTC), else the
    header's, else a dateline under the standfirst the text starts with."""
    published = page.head.published or published_date(page, zone)
    if page.head.published_utc is not None:  # a UTC timestamp: the dateline has the publisher's own date
        published = local_date(page.head, published_date(page, zone))
    if published is None:
        # ("Standfirst." / "By NAME" / "Published: 4 November 2025")
        published = published_date(page, below)
    return published


def _byline(page: Page, zone: list[int], below: list[int]) -> list[str]:
    """The head's authors, else the header's byline, else a labelled byline under the
    standfirst ("Por NAME, Site"), else the credits closing a wire story."""
    authors = list(page.head.authors) or header_authors(page, zone)
    if not authors:
        authors = header_authors(page, [i for i in below if page.blocks[i].hit == "byline_prefix"])
    if not authors:
        authors = header_authors(page, closing_credits(page))
    return authors


# The text's script is read from its first characters (the script shows at once).
TEXT_SCRIPT_SAMPLE = 1000
# A byline or dateline may sit this many blocks below the text's first block (under a
# standfirst): the header's rows (byline, dateline, update time, reading time) come in any
# order, so a byline may be the fourth row under a standfirst ("Standfirst" / date / update
# / "Ein Beitrag von NAME"); a row further down is deep in the text.
MAX_BYLINE_BELOW_START = 5


def _has_text(page: Page) -> bool:
    return any(block.label is Label.MAIN for block in page.blocks)


def _header_end(page: Page) -> int:
    """Index of the first main paragraph (the end of the header zone)."""
    return page.main_start if page.main_start is not None else len(page.blocks)
