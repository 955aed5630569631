"""What is left of the header once headline, date and byline are read: a standfirst
and the text's first lines stay text; buttons, bylines, datelines and kickers go."""
from __future__ import annotations

from ..block import Block, Label
from ..features import is_bracketed_mark, is_counter, is_date_line, is_name_like, is_paragraph, is_title_like
from ..model import NoiseKind
from ..page import Page
from .rows import MAX_DATELINE_WORDS, strip_dates
from .title import overlap


# A dek sharing this share of its words with og:description is that description.
DESCRIPTION_OVERLAP = 0.7


def header_lines(page: Page, zone: list[int], start: int) -> None:
    """Label what is left of the header: a standfirst or the text's first lines stay text;
    consent buttons, bylines, datelines and kickers go to noise."""
    for position, i in enumerate(zone):
        block = page.blocks[i]
        if block.label is not Label.UNKNOWN:
            continue
        if page.title is not None and i > page.title and (_is_lead(page, block) or _is_body_line(page, block)):
            block.label = Label.MAIN  # a standfirst, a first intertitle ("Key points"), a first list
            continue
        if _dump_dek(page, zone, position):
            block.label = Label.MAIN  # the subtitle right under a dump's headline
            continue
        if _opens_a_part(page, block, start):
            block.label = Label.MAIN  # the first live post's or text part's own heading
            continue
        if block.hit == "consent_button":
            block.drop(NoiseKind.COOKIE_BANNER, "consent button above the article")
        elif is_date_line(block, MAX_DATELINE_WORDS) or is_name_like(strip_dates(block.text)):
            block.drop(NoiseKind.BYLINE_UI, "byline or dateline above the article")
        elif block.tag != "img":
            block.drop(NoiseKind.OTHER, "header line above the article (kicker, label)")


def _dump_dek(page: Page, zone: list[int], position: int) -> bool:
    """Text dumps: the line right under the headline that is longer than it, with no end
    mark, no lexicon label, no date and no name ("Агрохолдинги урежут посевы" / "Производители
    переключаются на горох и лён из-за экспортной пошлины"): the subtitle, a standfirst.
    (``position``: the line's place in the header ``zone``.)"""
    if page.format != "text" or page.title is None or position == 0 or zone[position - 1] != page.title:
        return False
    block, headline = page.blocks[zone[position]], page.blocks[page.title]
    if block.hit is not None or block.words <= headline.words or not is_title_like(block):
        return False
    return not is_date_line(block, MAX_DATELINE_WORDS) and not is_name_like(strip_dates(block.text))


def _is_lead(page: Page, block: Block) -> bool:
    """Between headline and text: a standfirst (a sentence), rather than a byline, date
    or button. A line that repeats the page's declared description
    (og:description) is that summary shown as a dek, not part of the body."""
    if block.tag == "img" or is_name_like(strip_dates(block.text)) or is_date_line(block, MAX_DATELINE_WORDS):
        return False  # a picture, a byline, a dateline
    if block.landmarks & {"caption", "figcaption"}:
        return False  # a picture's caption above the text (its <img> may be an <amp-img>)
    if repeats_description(page, block):
        return False
    return is_paragraph(block) and not block.heading  # an <h2> under the <h1> is a dek


def repeats_description(page: Page, block: Block) -> bool:
    """Does the line repeat the page's declared description (og:description or meta
    description), the summary a dek shows?"""
    return bool(page.head.description) and overlap(block.text, page.head.description or "") >= DESCRIPTION_OVERLAP


def _is_body_line(page: Page, block: Block) -> bool:
    """A short line of the text itself above its first paragraph (a list, a schedule, a
    place name): a text element of the article's container, between headline and text,
    that is neither a link, a date, a name, a lexicon label, a byline, date or caption
    element, nor a picture's caption."""
    if block.tag not in _BODY_TAGS or block.hit is not None or block.landmarks & _META_LANDMARKS:
        return False
    if page.main_container is None or page.main_container not in block.ancestors:
        return False
    previous = page.blocks[block.index - 1] if block.index else None
    if previous is not None and previous.tag == "img" and block.ancestors[-1] in previous.ancestors:
        return False  # the text beside a picture in one element: its caption or credit
    if block.link_density > MAX_BODY_LINE_LINK_DENSITY or is_date_line(block, MAX_DATELINE_WORDS):
        return False
    if is_counter(block.text):
        return False  # a like, clap or view count of the share bar ("1.2K", "23")
    if is_bracketed_mark(block):
        return False  # a broadcast script's first speaker mark ("[앵커]")
    return not is_name_like(strip_dates(block.text))


def _opens_a_part(page: Page, block: Block, start: int) -> bool:
    """A subheading in the same element as the text's first paragraph, nested inside
    the article's container (a live blog's first post: time, heading, text): the part's
    heading, not a header line. (A dek beside the container's paragraphs sits in the
    container itself, or above it.)"""
    if page.format != "html" or not 2 <= block.heading <= 6 or block.hit is not None or block.link_chars:
        return False
    container = page.main_container
    if container is None or len(block.ancestors) < 2 or start >= len(page.blocks):
        return False
    ancestors = block.ancestors
    if container not in ancestors[:-2]:
        return False  # the heading's element must lie below the container
    parent = ancestors[ancestors.index(container) + 1]  # the container's child holding the heading
    return parent in page.blocks[start].ancestors


# Elements that hold the text's own lines; byline, date, caption and share elements don't.
_BODY_TAGS = frozenset({"p", "li", "td", "dd", "blockquote"})
_META_LANDMARKS = frozenset({"author", "part", "caption", "figcaption", "share"})
# A line of the text is mostly not a link (a "More info" link list is).
MAX_BODY_LINE_LINK_DENSITY = 0.5
