"""Sections around the article: headings claim the blocks after them ("Related articles",
"What people say", "Comments", "Most read"), then each section is cut into its parts.

In HTML a section is the element that holds its heading (``<aside><h2>Related</h2>…``);
when the heading sits loose among other content, or in a text dump, the section runs
to the next heading or to the cookie banner / footer.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .block import Block, Label, ends_sentence_mark, is_cjk
from .features import CLOCK_ONLY, MAX_HEADING_WORDS, ends_sentence, is_date_line, is_name_like, is_paragraph, is_title_like, letter_count
from .langid import detect
from .meta import ascii_digits
from .model import NoiseKind
from .page import Page, RelatedRecord, SectionKind, SectionSpan

HEADING_KINDS: dict[str, SectionKind] = {
    "related_heading": "related",
    "people_say_heading": "people_say",
    "comments_heading": "comments",
    "trending_heading": "trending",
}
# class/id hints that make an element a section even without a known heading
HINT_KINDS: dict[str, SectionKind] = {"related": "related", "comments": "comments"}
# Noise kinds that end a section in reading order (the banner or footer after it).
TERMINATORS = (NoiseKind.COOKIE_BANNER, NoiseKind.FOOTER)
# A section container holding more than this share of the page text is a wrapper.
MAX_SECTION_SHARE = 0.5
_COUNTED = re.compile(r"[(（\[]\s*\d+\s*[)）\]]|\s\d+$")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
# A section holding more than this share of the page's prose is the article itself
# under a label ("Breaking news"), not a list beside it.
MAX_SECTION_PROSE = 0.5
# A paragraph this long after a loose heading is the article resuming, not a blurb.
MIN_RESUMED_PROSE_WORDS = 40
# Section headings are short (features.MAX_HEADING_WORDS), and not links (a linked
# "Comments" is a menu entry).
MAX_HEADING_LINK_DENSITY = 0.5
_STATEMENT_END = (".", "。", "!", "！", "।", "۔", "»", '"', "”")
# Related titles are headlines: at most this many words.
MAX_RELATED_TITLE_WORDS = 25
# Portals print the provider under a card ("Le Courrier de Seine", "北海道みなと新聞 11/2(日)",
# "熊猫迷日报 3天前"): a name of at most this many words (CJK: characters) after the summary,
# maybe followed by the card's date or relative time.
MAX_SOURCE_WORDS = 4
MAX_SOURCE_CJK = 10
_SHORT_DATE = re.compile(r"\s*(?:\d{1,4}[/.\-]\d{1,2}(?:[/.\-]\d{1,4})?\.?(?:\s*[(（][^)）]{1,3}[)）])?(?:\s+\d{1,2}:\d{2})?)\s*$")


def find(page: Page) -> None:
    """Open a section at each section heading and give it its member blocks."""
    prose = _prose_prefix(page)
    headings = [
        i
        for i, b in enumerate(page.blocks)
        if b.hit in HEADING_KINDS and _opens_section(b) and not _in_toolbar(page, i, prose)
    ]
    heading_set = set(headings)
    claimed: set[int] = set()
    total_prose = max(1, sum(len(b.text) for b in page.blocks if _prose(b)))
    for i in headings:
        kind = HEADING_KINDS[page.blocks[i].hit or ""]
        if kind == "people_say" and _COUNTED.search(page.blocks[i].text):
            kind = "comments"  # "Réactions (4)": a counted list of reader reactions is a thread
        members, container = _scope(page, i, heading_set, prose)
        members = [m for m in members if m not in claimed]
        if sum(len(page.blocks[m].text) for m in members if _prose(page.blocks[m])) > MAX_SECTION_PROSE * total_prose:
            continue  # it holds most of the page's prose: the heading is a label over the article
        claimed.update(members)
        claimed.add(i)
        _add(page, SectionSpan(heading=i, kind=kind, members=members, container=container))
    if page.format == "html":
        _hinted_sections(page, claimed)


def _prose(block: Block) -> bool:
    """Article-like prose not yet known as noise."""
    return block.label is Label.UNKNOWN and block.link_density < 0.3 and is_paragraph(block) and block.words >= 20


def _opens_section(block: Block) -> bool:
    """A heading opens a section unless it is a menu entry (a link, or inside navigation)."""
    if block.words > MAX_HEADING_WORDS or block.link_density > MAX_HEADING_LINK_DENSITY:
        return False
    return not block.landmarks & {"nav", "footer", "form", "button"}


def _in_toolbar(page: Page, i: int, prose: list[int]) -> bool:
    """A heading word right after a share button of its own row ("Teilen⇥Merken⇥Kommentare",
    "Share | Save | Comments"): the toolbar's link to the comments, no heading. So is a
    comment count that is no heading element, above most of the page's prose ("12
    comentarios" beside the byline): the comments come after the text."""
    block = page.blocks[i]
    if block.hit == "comments_heading" and not block.heading and any(ch.isdigit() for ch in block.text):
        if _before_prose(prose, i):
            return True
    if i == 0:
        return False
    before = page.blocks[i - 1]
    if block.hit != "comments_heading" or before.hit != "share":
        return False  # (a related list may well start right under a share line)
    if page.format == "text":
        return before.ancestors == block.ancestors and not block.blank_before  # (one line group)
    return before.ancestors[:-1] == block.ancestors[:-1]  # (one parent element)


def _add(page: Page, span: SectionSpan) -> None:
    index = len(page.sections)
    page.sections.append(span)
    for m in span.members:
        page.blocks[m].section = index
    if span.heading is not None:
        page.blocks[span.heading].section = index


def _scope(page: Page, i: int, headings: set[int], prose: list[int]) -> tuple[list[int], int | None]:
    """A heading's blocks: the rest of its (small) container in HTML, up to the next heading;
    in a text dump, or a heading loose in a big container, up to the next heading."""
    if page.format == "html":
        container = _container(page, i)
        if container is not None:
            return _run_until(page, i, headings, within=container), container
        # loose in the article's own container ("Read also" between paragraphs):
        # the list ends where article prose resumes
        return _run_until(page, i, headings, within=None, stop_at_prose=True), None
    return _run_until(page, i, headings, within=None, after_article=_after_prose(prose, i)), None


def _prose_prefix(page: Page) -> list[int]:
    """Characters of prose in the blocks before each index (and in all of them, last): what
    comes before or after a heading, read once per page rather than once per heading."""
    prefix = [0]
    for block in page.blocks:
        prefix.append(prefix[-1] + (len(block.text) if _prose(block) else 0))
    return prefix


def _prose_around(prose: list[int], i: int) -> tuple[int, int]:
    """Characters of prose before block ``i`` and after it."""
    return prose[i], prose[-1] - prose[i + 1]


def _before_prose(prose: list[int], i: int) -> bool:
    """Does most of the page's prose come after block ``i``?"""
    before, after = _prose_around(prose, i)
    return after > before


def _after_prose(prose: list[int], i: int) -> bool:
    """Does most of the page's prose come before block ``i``? Then the article is behind
    it, and a headline + byline inside the section is a card ("Title / blurb / By X,
    date"), not the article opening below a list."""
    before, after = _prose_around(prose, i)
    return before > after


def _container(page: Page, i: int) -> int | None:
    """The smallest element around heading ``i`` that holds other blocks, if it is small.
    That may be the heading's own element: a label set as loose text in its box
    (``<div class="related"><span>Read more</span><ul>…</ul></div>`` makes one block of
    the <span>'s text whose element is the box); an <h2> holds only its own text."""
    block = page.blocks[i]
    total = max(1, sum(len(b.text) for b in page.blocks))
    for node_id in reversed(block.ancestors):
        chars = page.subtree_chars.get(node_id, 0)
        if chars > len(block.text):
            return node_id if chars <= MAX_SECTION_SHARE * total else None
    return None


def _run_until(
    page: Page, i: int, headings: set[int], within: int | None, stop_at_prose: bool = False,
    after_article: bool = False,
) -> list[int]:
    members: list[int] = []
    ranked = 0  # items of a numbered list so far ("1 …", "2 …", "3 …")
    for j in range(i + 1, len(page.blocks)):
        block = page.blocks[j]
        if j in headings or block.kind in TERMINATORS:
            break
        if stop_at_prose and block.words >= MIN_RESUMED_PROSE_WORDS and _prose(block):
            break
        if page.format == "text" and not after_article and _opens_article(page, j):
            break
        if page.format == "text":
            if _rank(block.text) == ranked + 1:
                ranked += 1
            elif ranked >= MIN_RANKED_ITEMS and ranked == len(members):
                break  # a ranking ("1 …", "2 …", "3 …") ends where its numbering stops
        if within is not None and within not in block.ancestors:
            break
        members.append(j)
    return members


# A ranking in a dump is a numbered run of at least this many lines.
MIN_RANKED_ITEMS = 2
_RANK = re.compile(r"(\d{1,2})[.)]?\s")


def _rank(text: str) -> int:
    """The number opening a ranked line ("1 新米の…", "2. Rail strike…"), else 0."""
    found = _RANK.match(text)
    return int(found.group(1)) if found else 0


def _opens_article(page: Page, j: int) -> bool:
    """A headline followed by a byline or dateline: the article starts here, so a list
    placed above it (most read, related) ends."""
    block = page.blocks[j]
    if block.hit is not None or not is_title_like(block):
        return False
    for k in range(j + 1, min(len(page.blocks), j + 4)):
        following = page.blocks[k]
        if following.hit in ("byline_prefix", "byline_suffix", "published_prefix"):
            return True
        dated = is_date_line(following)
        if dated and _prose_run(page, k + 1) >= 2:
            return True  # a bare date: an article only if several paragraphs follow
        if not dated and following.hit is None and is_title_like(following) and not is_paragraph(following):
            if k == j + 1 and following.words > block.words:
                continue  # a longer line right under a headline: its standfirst
            return False  # another headline comes first: that one opens the article
    return False


def _prose_run(page: Page, k: int) -> int:
    """Consecutive paragraphs from ``k`` on, skipping images, labels and credits."""
    run = 0
    for block in page.blocks[k : k + 8]:
        if block.hit is not None or block.label is not Label.UNKNOWN:
            if run:
                break
            continue
        if not is_paragraph(block):
            break
        run += 1
    return run


def _hinted_sections(page: Page, claimed: set[int]) -> None:
    """Elements named "related…"/"comments…" are sections even without a known heading."""
    total = max(1, sum(len(b.text) for b in page.blocks))
    seen: set[int] = set()
    named = {node_id for node_id, node in page.nodes.items() if not node.hints.isdisjoint(HINT_KINDS)}
    for j, block in enumerate(page.blocks):
        if j in claimed or block.section is not None or named.isdisjoint(block.ancestors):
            continue
        for node_id in block.ancestors:
            hints = page.nodes[node_id].hints
            kind = next((HINT_KINDS[h] for h in hints if h in HINT_KINDS), None)
            if kind is None or node_id in seen:
                continue
            if page.subtree_chars.get(node_id, 0) > MAX_SECTION_SHARE * total:
                continue
            seen.add(node_id)
            first, last = page.subtree_span.get(node_id, (j, j))  # a subtree's blocks are contiguous
            members = [k for k in range(first, last + 1) if node_id in page.blocks[k].ancestors and k not in claimed]
            claimed.update(members)
            heading = None
            if members and page.blocks[members[0]].heading and page.blocks[members[0]].words <= MAX_HEADING_WORDS:
                heading = members.pop(0)  # its own <h2>, in words the lexicon does not know
                page.blocks[heading].drop(NoiseKind.SECTION_HEADING, f"heading of a {kind} section")
            _add(page, SectionSpan(heading=heading, kind=kind, members=members, container=node_id))
            break


# ---------------------------------------------------------------------------- related


def related(page: Page) -> None:
    """Cut each related section into blurbs (title + summary); trending lists are navigation."""
    for span in page.sections:
        if span.kind == "trending":
            for m in span.members:
                if page.blocks[m].label is Label.UNKNOWN:
                    page.blocks[m].drop(NoiseKind.NAVIGATION, "trending/most-read list")
            continue
        if span.kind != "related":
            continue
        if _cross_links(page, span):
            for m in span.members:
                if page.blocks[m].label is Label.UNKNOWN:
                    page.blocks[m].drop(NoiseKind.NAVIGATION, "cross-link inside the text")
            continue
        for item in _headlines_with_blurbs(page, _items(page, span)):
            _related_item(page, item)


def _headlines_with_blurbs(page: Page, items: list[list[int]]) -> list[list[int]]:
    """A headline alone in its element, then a blurb alone in the next (``<dt>``/``<dd>``,
    a table row for the title and one for the summary): one item split over two
    elements, joined. (A blurb after a whole item stays an item of its own.)"""
    if page.format != "html" or len(items) < 2:
        return items
    joined: list[list[int]] = []
    for item in items:
        if joined and _lone_headline(page, joined[-1]) and (_lone_blurb(page, item) or _dates_only(page, item)):
            joined[-1] = joined[-1] + item  # (a date row may sit between the two)
        else:
            joined.append(item)
    return joined


# A card's meta row: its time, then its section or source ("Há 1 dia — Em Energia", "2 h ·
# Política"), a few words in all.
MAX_META_ROW_WORDS = 8
_META_SEPARATOR = re.compile(r"\s[—–·|]\s")


def _dated_meta_row(page: Page, block: Block) -> bool:
    """A card's row that opens with a relative time, then names its section or source."""
    if block.words > MAX_META_ROW_WORDS or _META_SEPARATOR.search(block.text) is None:
        return False
    first = _META_SEPARATOR.split(block.text, maxsplit=1)[0]
    return page.lexicon.first(("relative_time",), first) is not None


def _dates_only(page: Page, item: list[int]) -> bool:
    """An item of date lines and nothing else ("2025-11-15", "18 Feb 2025")."""
    free = _free_blocks(page, item)
    return bool(free) and all(_bare_date(b) for b in free)


# A date line alone has few letters: a month name at most ("18 Feb 2025", "3월 5일").
MAX_BARE_DATE_LETTERS = 10


def _bare_date(block: Block) -> bool:
    return letter_count(block.text) <= MAX_BARE_DATE_LETTERS and _card_date(block)


def _free_blocks(page: Page, item: list[int]) -> list[Block]:
    return [page.blocks[m] for m in item if page.blocks[m].label is Label.UNKNOWN]


def _lone_headline(page: Page, item: list[int]) -> bool:
    """One headline and nothing else (a date line aside) in the item."""
    words = [b for b in _free_blocks(page, item) if not _bare_date(b)]
    if len(words) != 1:
        return False
    # (a heading, a link, or a definition list's term: what a headline is set in)
    shaped = words[0].heading > 0 or words[0].tag == "dt" or words[0].link_density >= MIN_CROSS_LINK_DENSITY
    return shaped and _is_headline(words[0])


def _lone_blurb(page: Page, item: list[int]) -> bool:
    free = _free_blocks(page, item)
    return bool(free) and all(not b.heading and not b.link_chars and is_paragraph(b) and not _is_headline(b) for b in free)


# An inline "read also" box between paragraphs holds a headline link or a few.
MAX_CROSS_LINKS = 4


def _cross_links(page: Page, span: SectionSpan) -> bool:
    """A box of bare headline links inside the text, which goes on right below it ("Читать
    также" / one link, between two paragraphs): cross-links, not blurbs of related articles
    (those have summaries, or close the text)."""
    if span.heading is None or not span.members or span.heading == 0:
        return False
    blocks = page.blocks
    free = [blocks[m] for m in span.members if blocks[m].label is Label.UNKNOWN]
    # (a headline may end in a closing quote: only a full stop makes a summary sentence)
    if not free or len(free) > MAX_CROSS_LINKS or any(is_paragraph(b) and ends_sentence_mark(b.text) for b in free):
        return False
    if page.format == "html" and any(b.link_density < MIN_CROSS_LINK_DENSITY for b in free):
        return False
    after = free[-1].index + 1
    before = blocks[span.heading - 1]
    return after < len(blocks) and before.label is Label.MAIN and blocks[after].label is Label.MAIN and is_paragraph(blocks[after])


# A cross-link line is a link through and through.
MIN_CROSS_LINK_DENSITY = 0.8


def _items(page: Page, span: SectionSpan) -> list[list[int]]:
    """Group a section's blocks into items: by repeated element (HTML) or by sequence."""
    content = [m for m in span.members if page.blocks[m].tag != "img"]
    if page.format == "html" and span.container is not None:
        return _items_by_element(page, span.container, content)
    return _items_by_sequence(page, content)


def _items_by_element(page: Page, container: int, members: list[int]) -> list[list[int]]:
    """Descend from the container while one child holds all members; its children are the items."""
    depth = page.nodes[container].depth + 1
    while True:
        groups: dict[int, list[int]] = {}
        for m in members:
            ancestors = page.blocks[m].ancestors
            key = ancestors[depth] if len(ancestors) > depth else -1 - m
            groups.setdefault(key, []).append(m)
        kept = [g for g in groups.values() if any(page.blocks[m].label is Label.UNKNOWN for m in g)]
        if len(kept) == 1 and any(len(page.blocks[m].ancestors) > depth + 1 for m in kept[0]):
            depth += 1
            continue
        return [g for g in groups.values()]


def _items_by_sequence(page: Page, members: list[int]) -> list[list[int]]:
    """Text-like order: an AI label or a new title closes the item; each paragraph is one item."""
    items: list[list[int]] = []
    current: list[int] = []
    has_summary = False
    for m in members:
        block = page.blocks[m]
        if block.label is Label.UNKNOWN and _card_date(block):
            block.drop(NoiseKind.BYLINE_UI, "date of a related item")
        if block.label is Label.NOISE:
            ad_card = bool(current) and page.blocks[current[0]].kind is NoiseKind.ADVERTISEMENT and len(current) > 1
            if block.kind is NoiseKind.AI_LABEL and (has_summary or ad_card):
                # the label separates items; it also ends a sponsored card ("Sponsored /
                # its headline"), which has no summary of its own to wait for
                items.append(current)
                current, has_summary = [], False
            elif block.kind is NoiseKind.ADVERTISEMENT:
                items.append(current)
                current, has_summary = [m], False
            else:
                current.append(m)
            continue
        if block.label is not Label.UNKNOWN:
            continue
        if is_paragraph(block) and not _is_headline(block):
            if has_summary or _ad_line_above(page, current, block):
                items.append(current)
                current = []
            current.append(m)
            has_summary = True
        elif has_summary and _source_line(page, block):
            # the provider under the blurb ("Market Wire"), not the next blurb's headline
            block.drop(NoiseKind.BYLINE_UI, "source of a related item")
            current.append(m)
        else:  # a headline: starts a new item
            if current and (has_summary or any(page.blocks[c].label is Label.UNKNOWN for c in current)):
                items.append(current)
                current = []
            current.append(m)
            has_summary = False
    if current:
        items.append(current)
    return items


def _ad_line_above(page: Page, current: list[int], blurb: Block) -> bool:
    """Is ``current`` an advertisement label over the advert's own line, in another language
    than ``blurb`` or a blank line above it? Then the card ends with its slogan ("Anzeige" /
    "Jetzt wechseln und sparen") and the blurb below is the next item; a blurb in the
    advert's language, right under its slogan, is the advert's own text."""
    blocks = page.blocks
    if not current or blocks[current[0]].kind is not NoiseKind.ADVERTISEMENT:
        return False
    line = next((blocks[c] for c in current[1:] if blocks[c].label is Label.UNKNOWN and not is_paragraph(blocks[c])), None)
    if line is None:
        return False
    # (a blank line after the slogan ends the card too: the blurb below starts the next item)
    return (page.format == "text" and blurb.blank_before) or detect(line.text) != detect(blurb.text)


# "3 декабря", "12 Feb", "5. ledna", "3 декабря, 18:40": a day and a month word, no year
_DAY_MONTH = re.compile(r"\d{1,2}\.?\s+[^\W\d_]{3,}\.?(?:,?\s+\d{1,2}[:.]\d{2})?")
# "2月3日 17時10分", "2月3日 17:10", "3월 2일 09:15": a CJK month and day, maybe a time
_CJK_MONTH_DAY = re.compile(r"\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일](?:\s*\d{1,2}\s*(?:[時时시]\s*\d{1,2}\s*[分분]?|[:：]\d{2}))?")

# "11/03 18:30", "03.11. 18:30": a numeric day and month with a clock time, no year; or
# with the day of the week in brackets, as Japanese portals print it ("9/10(水)", "9/10(水) 7:02")
_NUMERIC_MONTH_DAY = re.compile(r"\d{1,2}[/.]\d{1,2}(?:\.?\s+\d{1,2}:\d{2}|\s?[(（]\w[)）](?:\s*\d{1,2}:\d{2})?)")


def _card_date(block: Block) -> bool:
    """The date line under a related card (with or without a year), or its time alone
    ("12:40": a news feed's item from today)."""
    if CLOCK_ONLY.fullmatch(block.text):
        return True
    if block.words <= 4 and _DAY_MONTH.fullmatch(ascii_digits(block.text.strip())):
        return True
    if len(block.text) <= 20 and _CJK_MONTH_DAY.fullmatch(ascii_digits(block.text.strip())):
        return True
    if len(block.text) <= 16 and _NUMERIC_MONTH_DAY.fullmatch(ascii_digits(block.text.strip())):
        return True
    return is_date_line(block, 6) and not ends_sentence(block.text)


# A bold headline opening a card's single run has at least this many words.
MIN_LEAD_TITLE_WORDS = 3


def _split_bold_title(page: Page, m: int) -> bool:
    """A card that is one run, "<a><strong>headline</strong><span>summary.</span></a>": the
    bold headline becomes its own title block (appended to the page), the rest the summary."""
    block = page.blocks[m]
    lead = block.lead
    if not lead or not block.text.startswith(lead):
        return False
    rest = block.text[len(lead) :].strip()
    title = Block(index=len(page.blocks), text=lead, tag=block.tag, path=block.path, ancestors=block.ancestors,
                  landmarks=block.landmarks, lang=block.lang, section=block.section, item=block.item)
    summary = Block(index=m, text=rest)
    if title.words < MIN_LEAD_TITLE_WORDS or not _is_headline(title) or not is_paragraph(summary):
        return False
    block.text = rest
    block.word_total = -1
    block.lead = ""
    page.blocks.append(title)
    return True


def _source_line(page: Page, block: Block) -> bool:
    """A publisher's name under a related card, with its date or relative time if any:
    a few capitalised words (or a short CJK run), no sentence mark."""
    text = block.text.strip()
    if block.heading or not text:
        return False
    words = text.split()
    for cut in range(len(words) - 1, 0, -1):  # "熊猫迷日报 3天前": drop the time at the end
        tail = " ".join(words[cut:])
        if page.lexicon.match("relative_time", tail) or _SHORT_DATE.fullmatch(ascii_digits(tail)) or is_date_line(Block(index=-1, text=tail), 4):
            words = words[:cut]
            break
    name = " ".join(words)
    if ends_sentence(name):
        return False
    cjk = sum(1 for ch in name if is_cjk(ch))
    if cjk:
        return cjk == len(name.replace(" ", "")) and 2 <= cjk <= MAX_SOURCE_CJK and len(words) == 1
    if any(ch.isdigit() for ch in name) or len(words) > MAX_SOURCE_WORDS:
        return False
    cased = [w for w in words if w[:1].lower() != w[:1].upper()]
    return bool(cased) and all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in cased)


# lower-case words inside a publication's name ("Le Courrier de Seine")
_NAME_PARTICLES = {"de", "du", "des", "la", "le", "of", "the", "and", "del", "da", "do", "dos", "di", "von", "der", "y", "e"}


# A preposition (data/category_prepositions.txt) and a quoted category name of a few
# words, alone on a line: 'In "Cronaca"', 'En «Sociedad»' (a quoted headline is longer).
MAX_CATEGORY_CHARS = 40


@lru_cache(maxsize=1)
def _quoted_category() -> re.Pattern[str]:
    text = (resources.files("newsparse") / "data" / "category_prepositions.txt").read_text("utf-8")
    words = [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]
    opening = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    name = rf"\s?[^\"”“»’'\s][^\"”“»’']{{0,{MAX_CATEGORY_CHARS}}}"
    return re.compile(rf"\s*(?:{opening})\s+[\"“„«‘‚']{name}[\"”“»’']\s*", re.IGNORECASE)


def _is_headline(block: Block) -> bool:
    """A blurb's title: headline-shaped; a question mark may end it ("…چقدر است؟")."""
    text = block.text.rstrip()
    return is_title_like(block) and block.words <= MAX_RELATED_TITLE_WORDS and not text.endswith(_STATEMENT_END)


def _opens_with_ad_label(page: Page, block: Block) -> bool:
    """A card whose text runs on from a sponsored label ("Publicidad Seguros de hogar…",
    the label a <span> inline with the ad's headline)."""
    if block.label is not Label.UNKNOWN:
        return False
    found = page.lexicon.find("advertisement", block.text)
    if found is None or found[0] != 0 or found[1] >= len(block.text):
        return False
    rest = block.text[found[1] :]
    if not rest[:1].isspace():
        return False
    rest = rest.strip(" :|·-–—")
    return rest[:1].isupper() or not rest[:1].isalpha()


# A card's kicker (its rubric, "Agronegócio", "World | Energy") is a word or few above the headline.
MAX_KICKER_WORDS = 4


def _related_item(page: Page, item: list[int]) -> None:
    blocks = page.blocks
    if any(
        blocks[m].kind is NoiseKind.ADVERTISEMENT or "ad" in blocks[m].landmarks or _opens_with_ad_label(page, blocks[m])
        for m in item
    ):
        for m in item:
            if blocks[m].label is Label.UNKNOWN:
                blocks[m].drop(NoiseKind.ADVERTISEMENT, "sponsored card among related items")
        return
    free = [m for m in item if blocks[m].label is Label.UNKNOWN]
    if len(free) > 1:  # "18 Feb 2025" under a card: its date, whether text dump or HTML
        for m in free:
            if _card_date(blocks[m]) or _dated_meta_row(page, blocks[m]):
                blocks[m].drop(NoiseKind.BYLINE_UI, "date of a related item")
        free = [m for m in free if blocks[m].label is Label.UNKNOWN]
    for m in free:
        if len(free) > 1 and _quoted_category().fullmatch(blocks[m].text):
            # WordPress's related posts name each post's category: 'In "Cronaca"', 'Dans « Société »'
            blocks[m].drop(NoiseKind.OTHER, "category of a related item")
    free = [m for m in free if blocks[m].label is Label.UNKNOWN]
    if len(free) > 1:  # the provider printed under the summary, maybe with its date
        last = [m for m in free if is_paragraph(blocks[m]) and not _is_headline(blocks[m])]
        for m in free:
            if last and m > last[0] and (_source_line(page, blocks[m]) or (blocks[m].time and blocks[m].words <= 3)):
                blocks[m].drop(NoiseKind.BYLINE_UI, "source of a related item")
        free = [m for m in free if blocks[m].label is Label.UNKNOWN]
    if not free:
        return
    if len(free) == 1 and _split_bold_title(page, free[0]):
        free = [len(blocks) - 1, free[0]]
    title = None
    headed = [m for m in free if blocks[m].heading]
    if headed:
        title = headed[0]
    elif len(free) >= 2 and _is_headline(blocks[free[0]]):
        title = free[0]
    if title is not None:
        for m in free:
            if m < title and blocks[m].words <= MAX_KICKER_WORDS and not is_paragraph(blocks[m]):
                # "Agronegócio" over the card's headline: its rubric, no part of the blurb
                blocks[m].drop(NoiseKind.OTHER, "kicker of a related item")
        free = [m for m in free if blocks[m].label is Label.UNKNOWN]
    summary = [m for m in free if m != title]
    if not summary:
        # a bare headline: the blurb is its title text, kept as the summary
        summary, title = [title if title is not None else free[0]], None
    if title is not None:
        blocks[title].label = Label.RELATED_TITLE
    for m in summary:
        blocks[m].label = Label.RELATED_SUMMARY
    dated = next((m for m in item if blocks[m].time or (blocks[m].kind is NoiseKind.BYLINE_UI and _card_date(blocks[m]))), None)
    page.related.append(RelatedRecord(title=title, summary=summary, date=dated))


# ---------------------------------------------------------------------------- people say


def people_say(page: Page) -> None:
    """Reactions summaries keep their text; comment threads keep each comment's body."""
    for span in page.sections:
        if span.kind == "people_say" and _looks_like_thread(page, span):
            span.kind = "comments"  # under a reactions heading, but with reply buttons and times
        if span.kind == "people_say":
            kept = [m for m in span.members if page.blocks[m].label is Label.UNKNOWN and page.blocks[m].tag != "img"]
            for m in kept:
                page.blocks[m].label = Label.WPS_TEXT
            if kept:
                page.people_say.append(span)
        elif span.kind == "comments":
            kept = []
            for item in _items(page, span):
                kept.extend(_comment_body(page, item))
            if kept:
                page.people_say.append(span)


def _looks_like_thread(page: Page, span: SectionSpan) -> bool:
    """Reader comments: several comment controls or relative times among the blocks."""
    marks = sum(1 for m in span.members if page.blocks[m].hit in ("comment_ui", "relative_time"))
    return marks >= 2


# A comment says something: at least this many letters ("ok", "好", "👍" alone are rare
# comments; "a", "b", "c" are an index's links).
MIN_COMMENT_LETTERS = 2


def _comment_body(page: Page, item: list[int]) -> list[int]:
    """The comment text of one comment: its longest block(s); names and times are UI."""
    blocks = page.blocks
    free = [m for m in item if blocks[m].label is Label.UNKNOWN]
    if not free:
        return []
    longest = max(len(blocks[m].text) for m in free)
    body = [
        m
        for m in free
        if not _comment_meta(page, m, free)
        and (len(free) == 1 or (_prose_like(blocks[m]) and (len(blocks[m].text) >= 0.5 * longest or _reply_like(blocks[m]))))
    ]
    if len(free) == 1 and body and (_lone_name(blocks[free[0]]) or _comment_meta(page, free[0], free)):
        body = []  # "Thu Trang" on its own: the next comment's author, cut off from its text
    if len(free) > 1 and not body:
        body = [max(free, key=lambda m: len(blocks[m].text))]
    # a lone letter or a count is no comment (an A-Z index under a comments heading)
    body = [m for m in body if letter_count(blocks[m].text) >= MIN_COMMENT_LETTERS]
    for m in free:
        if m in body:
            blocks[m].label = Label.WPS_TEXT
            _split_lead_name(page, m)
        else:
            blocks[m].drop(NoiseKind.COMMENT_UI, "comment metadata (author, time, votes)")
    return body


def _split_lead_name(page: Page, m: int) -> None:
    """"<b>Hoàng Nam</b> Giá vé...": the commenter's name opens the comment; it goes to noise."""
    block = page.blocks[m]
    if block.lead and is_name_like(block.lead) and block.text.startswith(block.lead):
        block.text = block.text[len(block.lead) :].strip()
        block.word_total = -1
        page.extra_noise.append((m, block.lead, NoiseKind.COMMENT_UI, "commenter name"))


def _comment_meta(page: Page, m: int, free: list[int]) -> bool:
    """The author/time line of a comment: carries a relative time, or opens the comment
    as a short line without a full stop."""
    block = page.blocks[m]
    if not any(ch.isalpha() for ch in block.text):
        return True  # "+14", "▲ 7": a vote count, no words to say
    # a meta line is short; the lexicon's "contains" is a plain substring search, so in a
    # long comment short relative-time words match inside others ("azi" in "stazione")
    if block.words <= 8 and page.lexicon.contains("relative_time", block.text):
        return True
    if block.words <= 8 and _CLOCK.search(ascii_digits(block.text)) and not ends_sentence(block.text):
        return True  # "Mahsa - 1404/08/20 - 11:20": a name and a timestamp
    return m == free[0] and len(free) > 1 and block.words <= 6 and not _ends_statement(block.text)


def _reply_like(block: Block) -> bool:
    """A short reply nested in its parent comment's item: a whole sentence, not a name."""
    return ends_sentence(block.text) and block.words >= 5 and not is_name_like(block.text)


def _lone_name(block: Block) -> bool:
    return block.words <= 4 and not _ends_statement(block.text) and is_name_like(block.text)


def _ends_statement(text: str) -> bool:
    """Does ``text`` end like a sentence, not like a name with an initial ("Lisa M.")?"""
    return ends_sentence(text) and _INITIAL_END.search(text) is None


_INITIAL_END = re.compile(r"(?:^|\s)[^\W\d_]\.\s*$")


def _prose_like(block: Block) -> bool:
    return ends_sentence(block.text) or block.words >= 5 or is_paragraph(block)
