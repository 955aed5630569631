"""The article's header: headline, standfirst, byline and publication date, read from
the blocks above the first paragraph (and the <head> metadata)."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from .block import Block, Label, cjk_count, ends_sentence_mark, is_cjk
from .features import MAIL_ADDRESS, is_counter, is_date_line, is_name_like, is_paragraph, is_title_like, is_widget_row, letter_count, name_before_date
from .langid import detect, dominant_script, scripts_mix
from .meta import local_date, looks_dated, mentions_clock_time, mentions_month, parse_date, without_lunar_date
from .model import NoiseKind
from .page import Page

# dateparser costs milliseconds a call: read at most this many datelines per page.
MAX_DATELINE_TRIES = 3
# "Publié le 02/07/2025 à 06h00, mis à jour le 03/07/2025 à 09h15": a labelled
# dateline may run longer than a bare one.
MAX_PUBLISHED_LINE_WORDS = 18
# Without <h1>, the headline is looked for among this many blocks above the text,
# and preferred when its words and the <title>'s overlap with this F1.
TITLE_SEARCH_BLOCKS = 12
MIN_TITLE_OVERLAP = 0.5
_TITLE_SEPARATOR = re.compile(r"\s[|｜\-–—:·•]\s|\s::\s")
_WORDS = re.compile(r"[^\W_]+")
# A dek sharing this share of its words with og:description is that description.
DESCRIPTION_OVERLAP = 0.7
# A dateline is short: a line with a date and at most this many words.
MAX_DATELINE_WORDS = 10
_TIME = re.compile(r"\b\d{1,2}[:h]\d{2}\b|\b\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?|\b\d{1,2}[-./]\d{1,2}[-./]\d{4}\b")
# A name ends where a separator, a bracket or a digit starts (": · 2 April 2025",
# "作者：NAME 【字体：大 中 小】").
_NAME_LIST = re.compile(r"\s*[,;&、]\s*")
_NAME_END = re.compile(r"\s[·|•—–-]\s|[·|•／/（(【\[]|\d")
_JOINERS = re.compile(r"^[\s·|•,–—-]+|[\s·|•,–—-]+$")


def header(page: Page) -> None:
    """Headline, byline and date from the blocks before the first paragraph."""
    start = _headline_at_start(page, _header_end(page))
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
    _unlabelled_bylines(page)
    _closing_bio(page)
    _publisher_boilerplate(page)
    _header_lines(page, zone, start)


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
    title = _title(page, zone)
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
    published = page.head.published or _published(page, zone)
    if page.head.published_utc is not None:  # a UTC timestamp: the dateline has the publisher's own date
        published = local_date(page.head, _published(page, zone))
    if published is None:
        # ("Standfirst." / "By NAME" / "Published: 4 November 2025")
        published = _published(page, below)
    return published


def _byline(page: Page, zone: list[int], below: list[int]) -> list[str]:
    """The head's authors, else the header's byline, else a labelled byline under the
    standfirst ("Por NAME, Site"), else the credits closing a wire story."""
    authors = list(page.head.authors) or _authors(page, zone)
    if not authors:
        authors = _authors(page, [i for i in below if page.blocks[i].hit == "byline_prefix"])
    if not authors:
        authors = _authors(page, _closing_credits(page))
    return authors


def _header_lines(page: Page, zone: list[int], start: int) -> None:
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
        elif is_date_line(block, MAX_DATELINE_WORDS) or is_name_like(_strip_dates(block.text)):
            block.drop(NoiseKind.BYLINE_UI, "byline or dateline above the article")
        elif block.tag != "img":
            block.drop(NoiseKind.OTHER, "header line above the article (kicker, label)")


# The text's script is read from its first characters (the script shows at once).
TEXT_SCRIPT_SAMPLE = 1000
# A byline or dateline may sit this many blocks below the text's first block (under a
# standfirst): the header's rows (byline, dateline, update time, reading time) come in any
# order, so a byline may be the fourth row under a standfirst ("Standfirst" / date / update
# / "Ein Beitrag von NAME"); a row further down is deep in the text.
MAX_BYLINE_BELOW_START = 5
# A wire story's closing credits ("Reporting by NAME; Editing by NAME", "（記者・NAME）")
# sit right under its last paragraph: at most this many blocks below it.
MAX_CLOSING_CREDIT_GAP = 2


def _closing_credits(page: Page) -> list[int]:
    """The byline lines right under the text's last paragraph (read when the header
    names nobody): a wire story credits its reporters at its end."""
    main = [b.index for b in page.blocks if b.label is Label.MAIN]
    if not main:
        return []
    below = range(main[-1] + 1, min(main[-1] + 1 + MAX_CLOSING_CREDIT_GAP, len(page.blocks)))
    return [i for i in below if page.blocks[i].hit == "byline_prefix"]


def _has_text(page: Page) -> bool:
    return any(block.label is Label.MAIN for block in page.blocks)


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
    return not is_date_line(block, MAX_DATELINE_WORDS) and not is_name_like(_strip_dates(block.text))


def _is_lead(page: Page, block: Block) -> bool:
    """Between headline and text: a standfirst (a sentence), rather than a byline, date
    or button. A line that repeats the page's declared description
    (og:description) is that summary shown as a dek, not part of the body."""
    if block.tag == "img" or is_name_like(_strip_dates(block.text)) or is_date_line(block, MAX_DATELINE_WORDS):
        return False  # a picture, a byline, a dateline
    if block.landmarks & {"caption", "figcaption"}:
        return False  # a picture's caption above the text (its <img> may be an <amp-img>)
    if repeats_description(page, block):
        return False
    return is_paragraph(block) and not block.heading  # an <h2> under the <h1> is a dek


def repeats_description(page: Page, block: Block) -> bool:
    """Does the line repeat the page's declared description (og:description or meta
    description), the summary a dek shows?"""
    return bool(page.head.description) and _overlap(block.text, page.head.description or "") >= DESCRIPTION_OVERLAP


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
    return not is_name_like(_strip_dates(block.text))


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


def _unlabelled_bylines(page: Page) -> None:
    """A bare name inside the text is a byline when it sits beside a byline or dateline,
    or closes the article ("Minh Anh" under the last paragraph)."""
    blocks = page.blocks
    main = [i for i, b in enumerate(blocks) if b.label is Label.MAIN]
    if len(main) < 3:
        return
    # bottom up, so that a name above a dropped place line ("Pablo Serrano" over
    # "Valencia" over the dateline) finds its neighbour already dropped
    for position, i in reversed(list(enumerate(main))):
        block = blocks[i]
        inner = _unbracketed(block.text)
        bracketed = inner != block.text
        if bracketed and position == len(main) - 1:
            inner = _desk_and_name(inner)  # "（大阪経済部 中村優太）": the desk, then the writer
        listed = _names_only(block.text) if position == len(main) - 1 else []
        if listed:  # "Ольга Смирнова, Павел Рудаков" under the last paragraph: the writers
            block.drop(NoiseKind.BYLINE_UI, "author names without a label")
            page.authors.extend(n for n in listed if n not in page.authors)
            continue
        if (block.words > 4 and not bracketed) or not (is_name_like(inner) or is_name_like(block.text)):
            continue  # ("(rw/bsn)": editors' initials in brackets close the text like a name)
        if _heads_a_list(blocks, i) or block.hit is not None:
            continue  # "Claves" over its list, a lexicon's button ("Manage preferences"): no name
        neighbours = [blocks[j] for j in (i - 1, i + 1) if 0 <= j < len(blocks)]
        beside_byline = any(n.kind is NoiseKind.BYLINE_UI for n in neighbours)
        if beside_byline or position == len(main) - 1:
            block.drop(NoiseKind.BYLINE_UI, "author name without a label")
            # "(ANSA)." closing a wire story is the agency's credit, not a person to list;
            # "（高橋美咲）" closing a Japanese story is its writer (an acronym in brackets,
            # "(EFE)", stays an agency)
            person = is_name_like(inner) and inner[:1].isalnum() and not (bracketed and inner.isupper())
            if inner not in page.authors and person and (block.text[:1].isalnum() or bracketed):
                page.authors.append(inner)


def _names_only(text: str) -> list[str]:
    """The names of a line that lists two or more full names and nothing else ("Ольга
    Смирнова, Павел Рудаков"); a list of single words ("Hamburg, Bremen, Kiel") is places."""
    parts = [p.strip() for p in _NAME_LIST.split(text) if p.strip()]
    full = all(is_name_like(p) and (" " in p or is_cjk(p[:1])) for p in parts)
    return parts if len(parts) >= 2 and full else []


def _desk_and_name(text: str) -> str:
    """The name in a closing credit that names the desk first ("大阪経済部 中村優太"): its
    last part, when the credit is two parts and that part reads as a name."""
    parts = text.split()
    return parts[-1] if len(parts) == 2 and is_name_like(parts[-1]) else text


def _heads_a_list(blocks: list[Block], i: int) -> bool:
    """Is block ``i`` a heading whose element's parent also holds the list item right
    below it (a box: "<aside><h4>Claves</h4><ul><li>…")?"""
    block = blocks[i]
    if not block.heading or i + 1 >= len(blocks) or len(block.ancestors) < 2:
        return False
    below = blocks[i + 1]
    return below.tag == "li" and block.ancestors[-2] in below.ancestors


# A closing credit set in brackets, half- or full-width: "(EFE)", "（高橋美咲）".
_BRACKETED = re.compile(r"\s*[(（]\s*([^()（）]+?)\s*[)）]\s*")


def _unbracketed(text: str) -> str:
    """The text inside brackets that enclose the whole line, else the line itself."""
    found = _BRACKETED.fullmatch(text)
    return found.group(1) if found else text


# An author's biography ("Dana Ruiz covers local government... Reach her at...") is one of
# the last few blocks of the text, a paragraph of at most this many words, and opens with
# the name of the page's author; the text above it must be longer than what it closes.
MAX_BIO_POSITION = 3
MAX_BIO_WORDS = 80
# A name shown in an author box is a few words long; a heading over a bio ("About the
# author") a few more.
MAX_AUTHOR_NAME_WORDS = 5
MAX_BIO_HEADING_WORDS = 4


def _closing_bio(page: Page) -> None:
    """The writer's biography closing the text (columns, local papers): a paragraph among
    the last few that opens with the author's name, known from the metadata, a byline or
    an author box. It, its heading and what follows it (a disclaimer) are no article text."""
    blocks = page.blocks
    main = [i for i, b in enumerate(blocks) if b.label is Label.MAIN]
    if len(main) < 2 * MAX_BIO_POSITION:
        return
    names = {a.casefold() for a in page.authors if a}
    for block in blocks:
        if "author" not in block.landmarks and block.kind is not NoiseKind.BYLINE_UI:
            continue  # (the cheap test first: most blocks are neither)
        if block.label is Label.MAIN or block.words > MAX_AUTHOR_NAME_WORDS or any(ch.isdigit() for ch in block.text):
            continue
        names.add(block.text.casefold())
    # a person's name: two words at least (a one-word "author" may be a brand or a desk)
    names = {n.strip() for n in names if len(n.split()) >= 2}
    # an author-named element ("author-bio") among the last blocks, where the text's
    # first block has no such name around it (a wrapper named so holds the whole article)
    wrapped = "author" in blocks[main[0]].landmarks
    for position in range(len(main) - MAX_BIO_POSITION, len(main)):
        block = blocks[main[position]]
        folded = block.text.casefold()
        if block.words > MAX_BIO_WORDS or block.heading:
            continue
        if not any(folded.startswith(n + " ") for n in names) and (wrapped or "author" not in block.landmarks):
            continue
        first = position
        above = blocks[main[position - 1]]
        if above.heading and above.words <= MAX_BIO_HEADING_WORDS:
            first -= 1
        for i in main[first:]:
            blocks[i].drop(NoiseKind.BYLINE_UI, "the author's biography closing the text")
        return


# "About <publisher>" closing the text: a heading of the publisher's name and at most
# three words more ("About", "À propos de"), over at most this many closing blocks
# (a paragraph of boilerplate, a media contact line).
MAX_BOILERPLATE_EXTRA_WORDS = 3
MAX_BOILERPLATE_BLOCKS = 3


def _publisher_boilerplate(page: Page) -> None:
    """The publisher's "About us" paragraph under the text (press releases, university
    and company newsrooms): a closing heading naming the site (the <title>'s site part)
    and the few lines after it."""
    if page.title is not None and page.head.title:
        # the <title>'s parts other than the headline (which may be the shorter part)
        headline = page.blocks[page.title].text
        parts = {p.strip().casefold() for p in _TITLE_SEPARATOR.split(page.head.title) if p.strip()}
        names = {name for name in parts if _overlap(name, headline) < MIN_TITLE_OVERLAP}
    else:
        names = _site_names(page)
    if not names:
        return
    main = [i for i, b in enumerate(page.blocks) if b.label is Label.MAIN]
    if len(main) <= MAX_BOILERPLATE_BLOCKS + 2:
        return
    name_words = [set(_WORDS.findall(name)) for name in names]
    for position in range(len(main) - MAX_BOILERPLATE_BLOCKS - 1, len(main) - 1):
        block = page.blocks[main[position]]
        if not block.heading:
            continue
        words = _WORDS.findall(block.text.casefold())
        # the site's name, all of it but a word at most ("Acme University" of "Acme
        # University News"), and at least two words of it ("In New York" is no "About
        # The New York Times")
        shared = max(len(name & set(words)) for name in name_words)
        whole = any(len(name & set(words)) >= max(2, len(name) - 1) for name in name_words)
        if whole and len(words) - shared <= MAX_BOILERPLATE_EXTRA_WORDS:
            for i in main[position:]:
                page.blocks[i].drop(NoiseKind.OTHER, "the publisher's boilerplate under the text")
            return


def _headline_at_start(page: Page, start: int) -> int:
    """Text dumps: a text that seems to open with its headline. A line ending in a closing
    quote or bracket ("… по программе «рубль за метр»") looks like a finished sentence, but
    with no end mark of its own (. ! ? and their CJK, Arabic and Devanagari forms) and a
    dateline, a relative time or a labelled byline right under it, it is the headline: the
    text starts below."""
    blocks = page.blocks
    if page.format != "text" or start + 2 >= len(blocks):
        return start
    first, below = blocks[start], blocks[start + 1]
    if not is_title_like(first) or ends_sentence_mark(first.text.rstrip().rstrip(_CLOSING_MARKS)):
        return start
    if below.hit not in _HEADER_ROW_HITS and not is_date_line(below, MAX_DATELINE_WORDS):
        return start
    after = next((b.index for b in blocks[start + 2 :] if b.label is Label.MAIN), None)
    if after is None:
        return start
    first.label = Label.UNKNOWN  # (the header pass labels it)
    page.main_start = after
    return after


# Closing quotes and brackets: a line ending in one ends no sentence by itself.
_CLOSING_MARKS = "»”\"'’)）」』›"


def _header_end(page: Page) -> int:
    """Index of the first main paragraph (the end of the header zone)."""
    return page.main_start if page.main_start is not None else len(page.blocks)


def _date_languages(page: Page) -> tuple[str, ...]:
    """Languages to read month names in: the page's declared one and the article's."""
    sample = " ".join(b.text for b in page.blocks if b.label is Label.MAIN)[:600]
    chrome = " ".join(b.text for b in page.blocks if b.label is Label.NOISE)[:600]
    found = [page.head.language, detect(sample), detect(chrome)]
    return tuple(dict.fromkeys(code for code in found if code))


def _title(page: Page, zone: list[int]) -> int | None:
    blocks = page.blocks
    if page.format == "html":
        h1 = [i for i, b in enumerate(blocks) if b.heading == 1 and b.section is None and b.label is not Label.TITLE]
        h1 = [i for i in h1 if blocks[i].label is Label.UNKNOWN or blocks[i].kind is NoiseKind.NAVIGATION]
        site = _site_names(page)
        h1 = [i for i in h1 if blocks[i].text.casefold() not in site]  # the logo's <h1>
        before = [i for i in h1 if i in zone]
        if before:
            return before[-1]
        if h1:
            return h1[0]
        # no <h1>: a headline-like line just above the text, preferably the one the
        # <title> repeats (a site name in the logo also matches the <title>: F1, not recall)
        near = [i for i in zone[-TITLE_SEARCH_BLOCKS:] if _headline_candidate(page, blocks[i])]
        named = _title_like_head(page, near)
        if named is not None:
            return named
        # farther up, behind a long toolbar (a portal's date, font-size, listen and print
        # rows): a heading element that the <title> repeats
        headings = [i for i in zone[:-TITLE_SEARCH_BLOCKS] if blocks[i].heading and _headline_candidate(page, blocks[i])]
        named = _title_like_head(page, headings)
        if named is not None:
            return named
        # a heading element (a portal's <h2> headline) before a plain line (a toolbar)
        headed = [i for i in near if blocks[i].heading]
        if headed:
            return headed[-1]
        return _over_its_dek(page, zone, near) if near else None
    for position, i in enumerate(zone):
        if not _headline_candidate(page, blocks[i]) or _menu_line(blocks[i].text):
            continue
        after = zone[position + 1] if position + 1 < len(zone) else None
        if after is not None and (_menu_line(blocks[after].text) or blocks[after].kind is NoiseKind.NAVIGATION):
            continue  # the masthead: the site's name above its section menu (one line, or one item a line)
        found = _past_source_name(page, zone[position + 1 : position + 1 + SOURCE_LOOKAHEAD], i)
        return found if _over_header_row(page, zone, found) else _over_dateline(page, zone, found)
    return None


def _over_header_row(page: Page, zone: list[int], i: int) -> bool:
    """Does a dateline, a relative time or a labelled byline or date come right under
    block ``i`` in the zone (the rows under a headline)?"""
    position = zone.index(i)
    if position + 1 >= len(zone):
        return False
    below = page.blocks[zone[position + 1]]
    return below.hit in _HEADER_ROW_HITS or is_date_line(below, MAX_DATELINE_WORDS)


_HEADER_ROW_HITS = frozenset({"relative_time", "published_prefix", "updated_prefix", "byline_prefix"})


def _over_dateline(page: Page, zone: list[int], first: int) -> int:
    """Text dumps: ``first``, unless a later headline-sized line sits right over the header
    rows (a dateline, a byline) while ``first`` does not: a widget's heading ("Прогноз на
    5 дней" over its forecast row) or a teaser came first, the headline sits over its date."""
    rest = zone[zone.index(first) + 1 :]
    if not rest or _headline_candidate(page, page.blocks[rest[0]]):
        return first  # a dek, a byline row or a teaser's headline right under the first line
    for i in rest[1:]:
        block = page.blocks[i]
        if block.words >= MIN_HEADLINE_WORDS and _headline_candidate(page, block) and not _menu_line(block.text):
            if _over_header_row(page, zone, i):
                return i
    return first


def _over_its_dek(page: Page, zone: list[int], near: list[int]) -> int:
    """The last headline-like line, unless it is the longer line right under another one:
    then it is that headline's dek ("Rotterdam convierte sus azoteas…" over "La ciudad
    neerlandesa ha transformado 46 hectáreas…")."""
    last = near[-1]
    if len(near) >= 2:
        above = near[-2]
        adjacent = zone.index(last) - zone.index(above) == 1
        short, long = page.blocks[above].words, page.blocks[last].words
        # (a kicker over the headline is shorter still: "Qualité de l'eau" has three words)
        if adjacent and MIN_HEADLINE_WORDS <= short < long and long >= MIN_DEK_WORDS:
            return above
    return last


# A dek under a headline runs to a sentence or two.
MIN_DEK_WORDS = 15


# A source's or channel's name over its date or subscriber count is a few words; the
# headline a few lines below it is at least this many words, and twice as long.
MAX_SOURCE_NAME_WORDS = 3
# ... or, in a script without spaces, this many characters ("北陸新報ニュース" has 8)
MAX_SOURCE_NAME_CHARS = 10
MIN_HEADLINE_WORDS = 4
SOURCE_LOOKAHEAD = 4


def _short_name(block: Block) -> bool:
    """A few words, or a name written without spaces ("北陸新報ニュース") of a few characters."""
    if block.words <= MAX_SOURCE_NAME_WORDS:
        return True
    return " " not in block.text and cjk_count(block.text) >= len(block.text) // 2 and len(block.text) <= MAX_SOURCE_NAME_CHARS


def _past_source_name(page: Page, below: list[int], first: int) -> int:
    """``first``, unless it is a short name ("京都ローカルTV", "Северный вестник") over a
    date or a counter and a real headline follows within a few lines (app and portal dumps)."""
    blocks = page.blocks
    if not _short_name(blocks[first]):
        return first
    for step, i in enumerate(below):
        block = blocks[i]
        if _headline_candidate(page, block) and not _menu_line(block.text):
            # (right under the name it would be a dek: a date or a counter comes between)
            if step > 0 and block.words >= max(MIN_HEADLINE_WORDS, 2 * blocks[first].words):
                return i
            return first  # another short line: the first one stays the headline
    return first


# "Valencia · Sucesos · Deportes · Opinión": at least this many short items side by side
# make a menu line (a kicker "Valencia · Movilidad" has two).
MIN_MENU_ITEMS = 3
MAX_MENU_ITEM_WORDS = 3
_MENU_SEPARATOR = re.compile(r"\s[·|•/]\s|\s*｜\s*")  # (fullwidth bars need no spaces)


def _menu_line(text: str) -> bool:
    items = _MENU_SEPARATOR.split(text)
    return len(items) >= MIN_MENU_ITEMS and all(0 < len(item.split()) <= MAX_MENU_ITEM_WORDS for item in items)


# A headline has words: at least this many letters, a CJK character counting three (a
# status bar "📶 LTE 🔋 82%" or a row of icons has a few or none).
MIN_HEADLINE_LETTERS = 6


def _headline_candidate(page: Page, block: Block) -> bool:
    if block.label is not Label.UNKNOWN or block.tag == "img" or block.time:
        return False
    if letter_count(block.text) + 2 * cjk_count(block.text) < MIN_HEADLINE_LETTERS:
        return False
    if _stamped(block.text):
        return False  # "NAME, Special contributor, 22 April 2025 at 5:00": a byline row
    if _ticker(page, block.text):
        return False  # "BREAKING Bruce Highway closed...": another story's ticker line
    if is_widget_row(block.text):
        return False  # a market ticker, a scoreboard, a forecast row: a widget's figures, no headline
    if _repeats_a_word(block.text):
        return False  # "Share on WhatsApp Share on Facebook Share on X": a toolbar row
    if _FILE_NAME.search(block.text):
        return False  # "sodium_battery_release_0603.pdf (1.2MB)": an attachment's link
    if _section_path(block.text):
        return False  # "Scotland | Highlands & Islands": the section a story is filed under
    if page.text_script is not None:
        script = dominant_script(block.text)
        if script is not None and not scripts_mix(script, page.text_script):
            return False  # Arabic chrome over an English text: the headline is in the text's script
    return is_title_like(block) and not is_name_like(block.text) and not is_date_line(block, MAX_DATELINE_WORDS)


def _section_path(text: str) -> bool:
    """Short parts set apart by bars ("Scotland | Highlands & Islands", "Noticias | Valencia"):
    a section path or menu, never a headline, however few its parts."""
    parts = text.split(" | ")
    return len(parts) >= 2 and all(0 < len(part.split()) <= MAX_MENU_ITEM_WORDS for part in parts)


# A file name with a document or media extension: an attachment, never a headline.
_FILE_NAME = re.compile(r"\S\.(?:pdf|docx?|xlsx?|pptx?|odt|hwpx?|zip|rar|jpe?g|png|gif|mp[34]|txt|csv)\b", re.IGNORECASE)
# A toolbar row repeats its verb ("Compartir en …" three times); a headline hardly ever
# says one word of three letters or more this many times.
MAX_WORD_REPEATS = 2


def _repeats_a_word(text: str) -> bool:
    """Does one word of three letters or more come back more than twice in ``text``?"""
    words = Counter(w.casefold() for w in text.split() if len(w) >= 3)
    return bool(words) and max(words.values()) > MAX_WORD_REPEATS


def _ticker(page: Page, text: str) -> bool:
    """A news-ticker label opening the line: set off by a bar ("Live | …"), or ("BREAKING",
    "速報", "عاجل") written in capitals or in a script without case: "Breaking the deadlock"
    is a headline, "BREAKING …" a ticker."""
    barred = _BARRED_LABEL.match(text)
    if barred is not None and page.lexicon.first(("trending_heading", "navigation"), barred.group(1)):
        return True  # "مباشر | <a headline>", "Live | <a headline>": a ticker's label and its story
    found = page.lexicon.opening("trending_heading", text)
    if found is None:
        return False
    head = text.strip()[: len(found[0].phrase)]
    cased = [ch for ch in head if ch.lower() != ch.upper()]
    return not cased or all(ch.isupper() for ch in cased)


# a short label set off by a bar, then the rest of the line
_BARRED_LABEL = re.compile(r"^\s*(\S[^|｜]{0,24}?)\s*[|｜]\s*\S")


def _stamped(text: str) -> bool:
    """A full date and a clock time: a dateline or byline row, whatever else it says
    (a headline may name a date, hardly ever the minute it was posted)."""
    if not mentions_clock_time(text):
        return False
    # (with a clock time beside it, a two-digit year is a date too: "12.03.25, 14:07", a
    # browser's print header over the page it printed)
    return parse_date(text, short_year=True) is not None or looks_dated(text)


def _title_like_head(page: Page, candidates: list[int]) -> int | None:
    """The candidate that the <title>/og:title repeats best (word F1)."""
    names = [_without_site_name(t) for t in (page.head.og_title, page.head.title) if t]
    best, best_score = None, MIN_TITLE_OVERLAP
    for i in candidates:
        text = page.blocks[i].text
        score = max((_f1(_overlap(text, name), _overlap(name, text)) for name in names), default=0.0)
        if score > best_score:
            best, best_score = i, score
    return best


def _site_names(page: Page) -> set[str]:
    """"Headline | Site name": the parts of the <title> beside its headline (casefolded)."""
    if not page.head.title:
        return set()
    parts = [p.strip().casefold() for p in _TITLE_SEPARATOR.split(page.head.title) if p.strip()]
    return set(parts) - {max(parts, key=len)} if len(parts) > 1 else set()


def _without_site_name(title: str) -> str:
    """"Headline | Site name": the longest part between title separators (the headline)."""
    parts = [p.strip() for p in _TITLE_SEPARATOR.split(title) if p.strip()]
    return max(parts, key=len) if parts else title


def _f1(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b else 0.0


def _overlap(text: str, name: str) -> float:
    """Share of the words of ``text`` found in ``name`` (CJK: characters)."""
    words = _WORDS.findall(text.casefold()) or list(text)
    target = set(_WORDS.findall(name.casefold())) or set(name)
    return sum(1 for w in words if w in target) / max(1, len(words))


def _published(page: Page, zone: list[int]) -> dt.date | None:
    """The first <time datetime> of the header, else the first date a header row states
    (reading month names, the slow way, for at most ``MAX_DATELINE_TRIES`` rows)."""
    # a relative time ("1 day ago") shows its <time datetime>: that timestamp is the date
    for i in zone:
        block = page.blocks[i]
        if block.time and block.hit not in ("updated_prefix", "editor_prefix"):
            found = parse_date(block.time)
            if found:
                return found
    tries = 0
    for i in zone:
        block = page.blocks[i]
        if block.hit == "updated_prefix":
            # "Actualizado 20/02/2025 09:14 Publicado 19/02/2025 18:30": the update first
            field = _published_field(page, block)
            found = _field_date(page, field) if field is not None else None
            if found:
                return found
            continue
        if block.hit in ("relative_time", "editor_prefix"):
            continue
        found, tried = _row_date(page, block)
        if found:
            return found
        tries += tried
        if tries >= MAX_DATELINE_TRIES:
            break
    return None


def _row_date(page: Page, block: Block) -> tuple[dt.date | None, int]:
    """The publication date one header row states, and how many slow reads it took."""
    if (block.hit in _BYLINE_HITS or _segmented_row(block)) and block.words <= MAX_SEGMENTED_LINE_WORDS:
        # "Redacción: NAME | Bilbao | Domingo, 16 de marzo de 2025": the date in a byline
        # row; "15/01/2026 às 18h30 · Texto: NAME · Fotos: NAME": in a row of fields
        found, tried = _date_in_segments(page, block.text)
        if found or tried:
            return found, tried  # (its dated parts were read)
    if block.hit is None:
        field = _published_field(page, block)
        if field is not None:
            # "来源：杭州日报 发布时间：2025-10-21 10:05 作者：王晓燕": the labelled field's date
            return _field_date(page, field), 1
        if block.words <= MAX_SEGMENTED_LINE_WORDS and _LEADING_DATE.match(block.text):
            # "2025年04月18日 08:12 来源：江城日报 作者：NAME 【字号 大 中 小】": a row that opens
            # with a full numeric date, however long its other fields make it
            found = parse_date(block.text)
            if found:
                return found, 0
    return _dateline_date(page, block)


def _field_date(page: Page, field: tuple[str, str]) -> dt.date | None:
    """The date after a publication label (value, the label's language)."""
    value, language = field
    return parse_date(value) or _textual_field_date(page, value, language)


def _dateline_date(page: Page, block: Block) -> tuple[dt.date | None, int]:
    """The date of a dateline ("Publié le 3 juillet 2025 à 18h12"), read up to an update
    label; and 1 if it was read (0 if the row is no dateline)."""
    if block.hit == "published_prefix":
        if block.words > MAX_PUBLISHED_LINE_WORDS:
            return None, 0
    elif not is_date_line(_dateline_part(page, block), MAX_DATELINE_WORDS):
        return None, 0
    text = page.lexicon.strip_prefix("published_prefix", block.text) or block.text
    cut = page.lexicon.find("updated_prefix", text)
    if cut is not None:  # "Por NAME | Actualizado: 18 de marzo de 2025": no publication date
        text = text[: cut[0]].strip()
        if not any(ch.isdigit() for ch in text):
            return None, 0  # (nothing dated before the update label)
    if not page.date_languages:  # two language guesses: only for pages that need them
        page.date_languages = _date_languages(page)
    labelled = block.hit == "published_prefix"
    return parse_date(text, textual=True, languages=page.date_languages, short_year=labelled), 1


# A full numeric date, year first, opening a line ("2025-04-18", "2025.04.18", "2025年04月18日").
_LEADING_DATE = re.compile(r"\s*\d{4}\s?[-./年]\s?\d{1,2}\s?[-./月]\s?\d{1,2}")


def _dateline_part(page: Page, block: Block) -> Block:
    """The block, or the part of it that states the publication: its Gregorian half when
    it also prints a lunar Hijri date ("الأحد 14 جمادى الآخرة 1447 هـ - 7 ديسمبر 2025م"),
    the part before an update label ("14 ноября 2025 г., 18:40 · Обновлено 15 ноября…"):
    such a line is twice a dateline's length."""
    text = without_lunar_date(block.text)
    cut = page.lexicon.find("updated_prefix", text) if any(ch.isdigit() for ch in text) else None
    if cut is not None and cut[0] > 0:
        text = text[: cut[0]].strip(" ·|,-–—")
    return block if text == block.text else Block(index=block.index, text=text)


def _published_field(page: Page, block: Block) -> tuple[str, str] | None:
    """What follows a publication label inside a row of labelled fields, after another
    field ("来源：杭州日报 发布时间：2025-10-21 10:05 …", "Fonte: Agência X Publicado em:
    3/4/2025"), after the byline's bare name ("NAME Publié le 27 février 2025") or after the
    update time ("Actualizado 20/02/2025 09:14 Publicado 19/02/2025 18:30"): the row opens
    with something else, so no prefix hit marked it."""
    if block.words > MAX_SEGMENTED_LINE_WORDS or block.tag == "img":
        return None
    found = page.lexicon.find("published_prefix", block.text)
    if found is None or found[0] == 0:
        return None
    before = block.text[: found[0]]
    if (
        _FIELD_LABEL.search(before) is None
        and not is_name_like(before.strip(_SEGMENT_EDGES + ","))
        and page.lexicon.find("updated_prefix", before) is None
    ):
        return None  # (a label inside a sentence has no labelled field, name or update time before it)
    label = page.lexicon.match("published_prefix", block.text[found[0] :])
    value = page.lexicon.strip_prefix("published_prefix", block.text[found[0] :])
    return (value, label.language) if value and label is not None else None


# A field's label ends with a colon after a word ("来源：", "Fonte:"), not inside a clock time
# ("07:58 发布于：四川" is a date, then the place it was posted from).
_FIELD_LABEL = re.compile(r"[^\W\d_][:：]")


def _textual_field_date(page: Page, text: str, label_language: str) -> dt.date | None:
    """A date with a month name after a publication label, read in the page's languages
    and the label's ("Publié le 27 février 2025" under an English text)."""
    if not mentions_month(text):
        return None
    if not page.date_languages:
        page.date_languages = _date_languages(page)
    return parse_date(text, textual=True, languages=tuple(dict.fromkeys((*page.date_languages, label_language))))


_BYLINE_HITS = frozenset({"byline_prefix", "byline_suffix"})
# Rows that may hold a byline among other fields: unlabelled ones, bylines and datelines
# (a photo credit "Foto: Prefeitura de São Paulo" names no author).
_ROW_HITS = frozenset({None, "byline_prefix", "byline_suffix", "published_prefix"})
# A header row joining byline, place, source and date ("NAME 기자 · 2025년 7월 21일",
# "Redacción: NAME | Bilbao | Domingo, 16 de marzo de 2025") is at most this many words
# (a longer line is a sentence that merely opens like a byline).
MAX_SEGMENTED_LINE_WORDS = 20
# Its parts are set apart by a bar, a dot, a bullet, a semicolon or a wide gap ...
_SEGMENT = re.compile(r"\s[|·•｜—–]\s|[|｜•;；]|\s{2,}")
# ... and (for names) by a number: a date or a clock time ends the part before it.
_NUMBER_TOKEN = re.compile(r"\S*\d\S*")
# Labels that end a name inside a row ("NAME 특파원 입력 …", "Muhabir: NAME Yayın tarihi: …").
_LABEL_KINDS = ("published_prefix", "updated_prefix", "editor_prefix")


def _segments(text: str) -> list[str]:
    # (a part may keep a separator that was next to a cut-out number: "18h30 · Texto: …")
    parts = (part.strip(_SEGMENT_EDGES) for part in _SEGMENT.split(text) if part)
    return [part for part in parts if part]


_SEGMENT_EDGES = " ·•|｜—–"


def _segmented_row(block: Block) -> bool:
    """An unlabelled header row of several fields set apart by separators."""
    return block.hit is None and len(_segments(block.text)) >= MIN_ROW_FIELDS


# A row of fields has a date and at least one more (a byline, a credit, a reading time).
MIN_ROW_FIELDS = 2


def _date_in_segments(page: Page, text: str) -> tuple[dt.date | None, int]:
    """The publication date in a part of a byline row that names a month or holds a
    numeric date, and how many parts were read with month names (the slow way).
    What follows an update label ("Actualizado: …") is not the publication date."""
    tried = 0
    for part in _segments(text):
        cut = page.lexicon.find("updated_prefix", part)
        if cut is not None:
            part = part[: cut[0]].strip()  # "… 12. 1. 2025 8:30 Aktualizováno 12. 1. 2025"
        if not part:
            continue
        numeric = parse_date(part)
        if numeric is not None:
            return numeric, tried
        if not mentions_month(part):
            continue
        if not page.date_languages:
            page.date_languages = _date_languages(page)
        tried += 1
        languages = page.date_languages
        label = page.lexicon.match("published_prefix", part)
        if label is not None:  # "प्रकाशित: 18 सितंबर 2025": the label's language is the date's
            part = page.lexicon.strip_prefix("published_prefix", part) or part
            languages = tuple(dict.fromkeys((*languages, label.language)))
        found = parse_date(part, textual=True, languages=languages)
        if found or tried >= MAX_DATELINE_TRIES:
            return found, tried
    return None, tried


def _name_in_segments(page: Page, text: str) -> str | None:
    """A name in one part of a header row that also holds dates, places or sources:
    "Choi Yoon-seo 특파원 입력 2025.06.03 14:22", "Park Ji-hoon 기자 · 2025년 7월 21일",
    "2025年04月09日 08:15 来源：东海晨报 作者：王磊". Each part (cut at separators and
    numbers, and before a date or editor label) is read for a byline prefix opening it, or
    opening a labelled field inside it ("作者：王磊" after "来源：东海晨报"), or a byline
    suffix ending it ("NAME 특파원")."""
    lexicon = page.lexicon
    for part in _segments(_NUMBER_TOKEN.sub(" | ", text)):
        if _label_at(page, part) == 0:
            continue  # "Editing by NAME", "입력 …": an editor's or a date's part
        part = _before_labels(page, part)
        words = part.split()
        for start in range(len(words)):
            # a prefix inside the part only after a labelled field ("来源：东海晨报 作者：王磊"),
            # and only a label itself (with its colon, or in a spaceless script: "本报记者"):
            # elsewhere a word such as "de" or "Na" opens a place name ("Prefeitura de São Paulo")
            if start and not any(ch in ":：" for ch in " ".join(words[:start])):
                break
            sub = " ".join(words[start:])
            rest = lexicon.strip_prefix("byline_prefix", sub)
            if not rest or not is_name_like(_name_part(rest)):
                continue
            label = sub[: sub.rfind(rest)].strip()
            if start == 0 or label[-1:] in (":", "：") or is_cjk(label[:1]):
                return rest
        rest = lexicon.strip_suffix("byline_suffix", part)
        if rest and is_name_like(_name_part(rest)):
            return rest
    return None


def _label_at(page: Page, text: str) -> int | None:
    """Where the first date or editor label inside ``text`` starts, or None."""
    cuts = [found[0] for kind in _LABEL_KINDS if (found := page.lexicon.find(kind, text)) is not None]
    return min(cuts) if cuts else None


def _before_labels(page: Page, text: str) -> str:
    """``text`` up to a date or editor label inside it ("NAME 특파원 입력 …" -> "NAME 특파원")."""
    at = _label_at(page, text)
    return text[:at].strip() if at else text


def _name_before_label(page: Page, text: str) -> str | None:
    """A bare name opening a header row, right before its date label ("Élodie Cuenot Publié
    le jeudi 27 février 2025 Lecture : 3 min"): the label says where the name ends."""
    at = _label_at(page, text)
    name = text[:at].strip(_SEGMENT_EDGES + ",") if at else ""
    return name if name and is_name_like(name) else None


def _name_part(text: str) -> str:
    return _NAME_LIST.split(name_before_date(text, _NAME_END).strip(" ,;·|•"), 1)[0].strip()


def _authors(page: Page, zone: list[int]) -> list[str]:
    names: list[str] = []
    lexicon = page.lexicon
    for position, i in enumerate(zone):
        block = page.blocks[i]
        if block.hit in ("editor_prefix", "updated_prefix", "relative_time"):
            continue
        text = _strip_dates(_unbracketed(block.text))  # "（記者・NAME）" closing the text
        # a labelled name ends where a date or an editor label starts ("Muhabir: NAME Yayın
        # tarihi: …", "Reporting by NAME; Editing by NAME")
        labelled = _MAIL_ADDRESS.sub(" ", _before_labels(page, text)).strip()  # "NAME 기자 psy@…"
        name = lexicon.strip_prefix("byline_prefix", labelled)
        if name is None and page.title is not None and page.title < i:
            name = _header_byline(page, labelled)
        if name is None:
            name = lexicon.strip_suffix("byline_suffix", labelled)
            above = page.blocks[zone[position - 1]] if position else None
            if (
                name is not None
                and above is not None
                and zone[position - 1] != page.title
                and above.label is Label.UNKNOWN
                and above.hit is None
                and is_name_like(above.text)
            ):
                # "Fiona MacLeod" / "Highlands and Islands correspondent": the line is the
                # job title of the name above it, and the beat it names is nobody
                name = above.text
                above.drop(NoiseKind.BYLINE_UI, "byline")
        if name is None and (block.time or is_date_line(block, MAX_DATELINE_WORDS)) and text and is_name_like(text):
            # (one cased word left beside a date is its clock's word: "10:42 Uhr", "9 h")
            name = text if " " in text or not text.isascii() else None
        if name is None and block.label is Label.UNKNOWN and is_name_like(text) and _next_to_dateline(page, zone, position):
            # (a clock time's line, "الساعة 09:40 مساءً", is no name once its figures go)
            # (a field label over its count, "조회수" / "1,284", names nobody either)
            counted = i + 1 < len(page.blocks) and is_counter(page.blocks[i + 1].text)
            name = None if _heads_a_list(page.blocks, i) or mentions_clock_time(block.text) or counted else text
        if name is None and block.hit in _ROW_HITS and i != page.title and block.words <= MAX_SEGMENTED_LINE_WORDS:
            if not is_paragraph(block):
                name = _name_in_segments(page, block.text) or _name_before_label(page, block.text)
        if name:
            # a name part that is a date or editor label ("입력", "Publicado") names nobody
            at = _label_at(page, name)
            name = "" if at == 0 else name[:at] if at else name
            name = name_before_date(name, _NAME_END).strip(" ,;·|•")  # "NAME on Nov. 2, 2025"
            parts = _NAME_LIST.split(name)  # "A, B & C"
            names.extend(n.strip() for part in parts for n in lexicon.word_pattern("name_joiner").split(part) if n.strip())
            if block.label is Label.UNKNOWN:
                block.drop(NoiseKind.BYLINE_UI, "byline")
    return list(dict.fromkeys(n for n in names if is_name_like(n)))


# A reporter's e-mail address beside the name in a byline.
_MAIL_ADDRESS = re.compile(MAIL_ADDRESS)


def _header_byline(page: Page, text: str) -> str | None:
    """The name after a header-only byline prefix ("Na Amina Juma", "Per Jordi Puig"), a
    word that also opens ordinary sentences: only in the page's languages, and only when
    what follows is a name (the caller asks only between the headline and the text)."""
    folded = text.casefold()
    prefixes = header_byline_prefixes()
    if not any(folded.startswith(p.casefold() + " ") for ps in prefixes.values() for p in ps):
        return None  # (the common case: no need to guess the page's languages)
    if not page.date_languages:
        page.date_languages = _date_languages(page)
    for language in page.date_languages:
        for prefix in prefixes.get(language, ()):
            if folded.startswith(prefix.casefold() + " "):
                rest = text[len(prefix) :].strip()
                first = _NAME_LIST.split(_NAME_END.split(rest, 1)[0].strip(" ,;·|•"), 1)[0]
                if len(first.split()) >= 2 and is_name_like(first):
                    return rest
    return None


@lru_cache(maxsize=1)
def header_byline_prefixes() -> dict[str, tuple[str, ...]]:
    """language -> its header-only byline prefixes, longest first (``data/header_byline_prefix.txt``)."""
    text = (resources.files("newsparse") / "data" / "header_byline_prefix.txt").read_text("utf-8")
    found: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            language, _, prefixes = line.partition(":")
            words = [p.strip() for p in prefixes.split(",") if p.strip()]
            found[language.strip()] = tuple(sorted(words, key=len, reverse=True))
    return found


def _next_to_dateline(page: Page, zone: list[int], position: int) -> bool:
    for other in (position - 1, position + 1):
        if 0 <= other < len(zone):
            block = page.blocks[zone[other]]
            if is_date_line(block, MAX_DATELINE_WORDS) or block.hit in ("published_prefix", "byline_prefix"):
                return True
    return False


def _strip_dates(text: str) -> str:
    return _JOINERS.sub("", _TIME.sub(" ", text)).strip()
