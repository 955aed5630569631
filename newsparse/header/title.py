"""The headline: which block above the text is the article's title."""
from __future__ import annotations

import re
from collections import Counter

from ..block import Block, Label, cjk_count, ends_sentence_mark
from ..features import bracketed_credit, is_date_line, is_name_like, is_title_like, is_widget_row, letter_count
from ..langid import dominant_script, scripts_mix
from ..meta import looks_dated, mentions_clock_time, parse_date
from ..model import NoiseKind
from ..page import Page
from .rows import MAX_DATELINE_WORDS


# Without <h1>, the headline is looked for among this many blocks above the text,
# and preferred when its words and the <title>'s overlap with this F1.
TITLE_SEARCH_BLOCKS = 12
MIN_TITLE_OVERLAP = 0.5
TITLE_SEPARATOR = re.compile(r"\s[|｜\-–—:·•]\s|\s::\s")
WORDS = re.compile(r"[^\W_]+")


def headline_at_start(page: Page, start: int) -> int:
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


def find_title(page: Page, zone: list[int]) -> int | None:
    blocks = page.blocks
    if page.format == "html":
        h1 = [i for i, b in enumerate(blocks) if b.heading == 1 and b.section is None and b.label is not Label.TITLE]
        h1 = [i for i in h1 if blocks[i].label is Label.UNKNOWN or blocks[i].kind is NoiseKind.NAVIGATION]
        site = site_names(page)
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
    # a Markdown dump's "# Headline" is its <h1> (the one nearest the text), taken as an
    # HTML page's is: a headline may state a year ("Linie 4 fährt ab 2027 …")
    site = site_names(page)
    marked = [
        i
        for i in zone
        if blocks[i].heading == 1 and blocks[i].label is Label.UNKNOWN and blocks[i].text.casefold() not in site
    ]
    if marked:
        return marked[-1]
    for position, i in enumerate(zone):
        if not _headline_candidate(page, blocks[i]) or _menu_line(blocks[i].text):
            continue
        after = zone[position + 1] if position + 1 < len(zone) else None
        if after is not None and (_menu_line(blocks[after].text) or blocks[after].kind is NoiseKind.NAVIGATION):
            continue  # the masthead: the site's name above its section menu (one line, or one item a line)
        found = _past_source_name(page, zone[position + 1 : position + 1 + SOURCE_LOOKAHEAD], i)
        found = _past_tab_title(page, zone, found)
        return found if _over_header_row(page, zone, found) else _over_dateline(page, zone, found)
    return None


def _past_tab_title(page: Page, zone: list[int], i: int) -> int:
    """A dump that opens with the browser tab's title ("Headline | Site"): the page's own
    headline further down, the line that starts with the tab's headline part, whole words."""
    parts = [p.strip() for p in _TAB_SEPARATOR.split(page.blocks[i].text)]
    if page.format != "text" or len(parts) != 2 or len(parts[1].split()) > MAX_SOURCE_NAME_WORDS:
        return i  # (the site's name: a few words after the bar)
    head = parts[0]
    if len(head.split()) < MIN_HEADLINE_WORDS:
        return i
    for j in zone[zone.index(i) + 1 :]:
        line = page.blocks[j]
        rest = line.text[len(head) : len(head) + 1]
        if line.label is Label.UNKNOWN and line.text.startswith(head) and (not rest or not rest.isalnum()):
            return j
    return i


# A browser tab's title sets the site's name apart with a bar or a dash between spaces.
_TAB_SEPARATOR = re.compile(r"\s[|｜\-–—]\s")


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
    if page.format == "text" and _under_ticker_label(page, block.index):
        return False  # "Срочно" / "<another story's headline>": the ticker's item
    if bracketed_credit(block.text, page.lexicon):
        return False  # "Farmers sort tangerines in Seogwipo. (사진=제주일보 DB)": a photo's caption
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


def _under_ticker_label(page: Page, i: int) -> bool:
    """Dumps: the line right under a ticker's label alone on its line ("BREAKING", "عاجل",
    "Срочно": a trending heading of a word or two) is that ticker's story. (A section's
    kicker in capitals, "WORLD" or "SPORT", sits over the headline itself: not asked here.)"""
    if i == 0 or page.blocks[i].blank_before:
        return False
    label = page.blocks[i - 1]
    return label.hit == "trending_heading" and label.words <= MAX_TICKER_LABEL_WORDS


# A ticker's label alone on its line is a word or two ("BREAKING NEWS", "عاجل").
MAX_TICKER_LABEL_WORDS = 2


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
        score = max((_f1(overlap(text, name), overlap(name, text)) for name in names), default=0.0)
        if score > best_score:
            best, best_score = i, score
    return best


def site_names(page: Page) -> set[str]:
    """"Headline | Site name": the parts of the <title> beside its headline (casefolded)."""
    if not page.head.title:
        return set()
    parts = [p.strip().casefold() for p in TITLE_SEPARATOR.split(page.head.title) if p.strip()]
    return set(parts) - {max(parts, key=len)} if len(parts) > 1 else set()


def _without_site_name(title: str) -> str:
    """"Headline | Site name": the longest part between title separators (the headline)."""
    parts = [p.strip() for p in TITLE_SEPARATOR.split(title) if p.strip()]
    return max(parts, key=len) if parts else title


def _f1(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b else 0.0


def overlap(text: str, name: str) -> float:
    """Share of the words of ``text`` found in ``name`` (CJK: characters)."""
    words = WORDS.findall(text.casefold()) or list(text)
    target = set(WORDS.findall(name.casefold())) or set(name)
    return sum(1 for w in words if w in target) / max(1, len(words))
