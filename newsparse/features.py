"""Stage 3, features: per-block measures the classifier reads, in isolation from neighbours.

``mark_hits`` records which lexicon kind a block matches (the first, by ``PRIORITY``);
the small predicates here (``is_paragraph``, ``is_title_like``, ``is_name_like``...)
describe a block's shape in any language.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .block import Block, is_cjk, word_count
from .lexicon import BOX_MARKS, KINDS, OPENING_QUOTES, Hit, Lexicon
from .meta import ascii_digits, is_calendar_word, looks_dated, mentions_month, parse_date

# Exact kinds, most specific first: a line that is both an AI label and a navigation
# word is an AI label.
PRIORITY_EXACT = (
    "ai_image_label",
    "ai_text_label",
    "cookie_heading",
    "related_heading",
    "people_say_heading",
    "comments_heading",
    "trending_heading",
    "advertisement",
    "share",
    "subscription",
    "comment_ui",
    "relative_time",
    "consent_button",
    "navigation",
)
PRIORITY_PREFIX = (
    "read_also_prefix",
    "tags_prefix",
    "editor_prefix",
    "updated_prefix",
    "published_prefix",
    "byline_prefix",
    "byline_suffix",
    "photo_credit_prefix",
)
PRIORITY_CONTAINS = (
    "cookie_phrase",
    "comment_placeholder",
    "subscription_phrase",
    "footer_phrase",
    "photo_credit_phrase",
)
# Word lists read by other stages, never a block's hit.
WORD_LIST_KINDS = ("name_joiner",)
assert set(PRIORITY_EXACT + PRIORITY_PREFIX + PRIORITY_CONTAINS + WORD_LIST_KINDS) == set(KINDS)

HEADING_KINDS = ("related_heading", "people_say_heading", "comments_heading", "trending_heading")
# A heading that only starts with a known phrase ("Most read in world news") is short.
MAX_HEADING_WORDS = 9
# Exact labels are UI strings: a block longer than this is prose, whatever it says.
MAX_LABEL_WORDS = 12
# ... except a heading quoting a title ("3 réflexions sur « <title> »"): as long as a title.
MAX_QUOTED_HEADING_WORDS = 30
_QUOTE_MARK = re.compile(f"[{OPENING_QUOTES}]")
# Bylines, datelines and credits are short; longer lines starting with "By" are prose.
MAX_PREFIX_WORDS = 14
# A dateline giving both the publication and the update time runs longer than a byline.
MAX_DATELINE_WORDS = 24
_STAMP = re.compile(r"(?<!\d)(?:(?:19|20)\d{2}|\d{1,2}\s?[:h]\s?\d{2})(?!\d)")
# An inline cross-link carries a whole headline after its "Read also:".
MAX_CROSS_LINK_WORDS = 30
# Cookie banners' sentences run long; beyond this a block is an article about cookies.
MAX_COOKIE_WORDS = 70
# Footer lines ("© 2025 X. All rights reserved.") are short.
MAX_FOOTER_WORDS = 25

# A counter alone on a line: digits with thousands separators, maybe a sign.
_BARE_COUNT = re.compile(r"\s*[+\-−]?\d{1,3}(?:[.,\s]\d{3})*\s*")
# A dateline that dateparser cannot read still has few words besides its numbers.
MAX_DATELINE_LETTER_WORDS = 6
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
# sentence-final marks of many scripts: Latin/Cyrillic, CJK, Devanagari danda,
# Arabic/Urdu, Armenian, Ethiopic, Myanmar; and closing quotes after them
_SENTENCE_END = tuple(".!?…。！？」』”\"'»)।॥؟۔։።။")
# a heading phrase, a colon, then a headline of 3+ words: an inline cross-link
_CROSS_LINK = re.compile(r"[:：]\s*\S+\s+\S+\s+\S+")
_THAI = re.compile(r"[\u0e00-\u0e7f ]+")
# A part of a Thai name (given or family name) is at most this many characters.
MAX_THAI_NAME_PART = 15
# (a character every separator has: a cheap scan before the full pattern, whose leading
# \s* the regex engine retries at every space of a paragraph)
_BREADCRUMB_MARK = re.compile(r"[>›»→＞/／|｜:•·]")
_BREADCRUMB = re.compile(r"\s*(?:>|›|»|→|＞|/|／|\||｜|::|•)\s*|\s+·\s+")
# A menu line of a spaceless script ("トップ　北海道　くらし　スポーツ"): parts this short
MAX_SPACED_MENU_PART = 6
# ... though one entry may be a longer name ("阪神タイガース") among the short ones
MAX_SPACED_MENU_LONG_PART = 8
# ... and at least this many of them (a headline has one space, maybe two)
MIN_SPACED_MENU_PARTS = 3
# ... where a Latin entry is an acronym ("IT", "TV") of at most this many letters
MAX_MENU_ACRONYM = 3


def mark_hits(blocks: list[Block], lexicon: Lexicon) -> None:
    """Record on each block the first lexicon kind it matches."""
    # (menus, share bars and card labels repeat a line several times on one page: each
    # distinct line is looked up once per page)
    seen: dict[tuple[str, bool, bool, str], Hit | None] = {}
    for block in blocks:
        if block.tag == "img" or not block.text:
            continue
        key = (block.text, block.heading > 0, block.tag == "line", block.lead)
        if key in seen:
            hit = seen[key]
        else:
            hit = seen[key] = _first_hit(block, lexicon)
        if hit is not None:
            block.hit = hit.kind
            block.hit_language = hit.language


def _first_hit(block: Block, lexicon: Lexicon) -> Hit | None:
    """The lexicon hit of one block, by its text, its heading level, its source and its
    bold lead (what :func:`mark_hits` memoises on)."""
    hit = None
    words = block.words
    if words <= MAX_LABEL_WORDS:
        hit = lexicon.first(PRIORITY_EXACT, block.text)
        if hit is None or hit.kind == "navigation":
            hit = _credited_ai_label(block.text, lexicon) or hit
        if hit is None and block.lead:
            hit = _labelled_heading(block, lexicon)
    if hit is None and MAX_LABEL_WORDS < words <= MAX_QUOTED_HEADING_WORDS and block.heading and _QUOTE_MARK.search(block.text):
        # WordPress's '12 thoughts on "<the post's whole title>"': long for a label
        hit = lexicon.first(("comments_heading",), block.text)
    if hit is None and words <= MAX_HEADING_WORDS and (block.heading or block.tag == "line"):
        # "Most read in world news", "Social media: what people are saying"
        if block.heading or is_title_like(block):
            hit = lexicon.within(HEADING_KINDS, block.text)
            if hit is not None and hit.kind == "related_heading" and _CROSS_LINK.search(block.text):
                # "You may also like: <a headline>" between paragraphs: a cross-link
                hit = Hit("read_also_prefix", hit.phrase, hit.language)
    if hit is None and words <= MAX_PREFIX_WORDS:
        hit = lexicon.first_of_group(PRIORITY_PREFIX, block.text)
    if hit is None and MAX_PREFIX_WORDS < words <= MAX_DATELINE_WORDS and has_two_stamps(block.text):
        # "Publié le 3 juillet 2025 à 18h12, modifié le 4 juillet 2025 à 08h00"
        hit = lexicon.first_of_group(("published_prefix", "updated_prefix"), block.text)
    if hit is None and words <= MAX_FOOTER_WORDS:
        hit = lexicon.labelled("advertisement", block.text)  # "PR　<an ad's headline>"
    if hit is None and words <= MAX_FOOTER_WORDS and not block.heading:
        hit = _ticker(block.text, lexicon)
    if hit is None and MAX_PREFIX_WORDS < words <= MAX_CROSS_LINK_WORDS:
        hit = lexicon.match("read_also_prefix", block.text)  # "Read also: <a long headline>"
    if hit is None and words <= MAX_FOOTER_WORDS:
        hit = lexicon.first_of_group(PRIORITY_CONTAINS, block.text)
    elif hit is None and words <= MAX_COOKIE_WORDS:
        hit = lexicon.match("cookie_phrase", block.text)
    if hit is None and block.tag == "line" and _BARE_COUNT.fullmatch(block.text):
        # a dump line "128" alone: a like, view or share counter split from its label (an
        # HTML number stands alone in table cells)
        hit = Hit("comment_ui", block.text, "")
    return hit


def _labelled_heading(block: Block, lexicon: Lexicon) -> Hit | None:
    """A bold section heading with its AI note beside it ("<strong>이 기사에 대한 반응</strong>
    <span>AI 요약</span>", "<b>What readers say</b> AI summary"): the heading."""
    heading = lexicon.first(HEADING_KINDS, block.lead)
    if heading is None:
        return None
    rest = block.text[len(block.lead) :].strip(" :|·-–—")
    return heading if rest and lexicon.first(("ai_text_label",), rest) is not None else None


def _credited_ai_label(text: str, lexicon: Lexicon) -> Hit | None:
    """An AI label in a picture's credit slot ("Foto: KI-generiert (Symbolbild)", "Photo:
    AI-generated", "示意圖／AI生成"): a short head, a colon or slash, then the label."""
    found = _CREDIT_SLOT.match(text)
    if found is None:
        return None  # (most lines have no such separator early on: done here)
    label = lexicon.first(("ai_image_label",), text[found.end() :].strip())
    return Hit("ai_image_label", label.phrase, label.language) if label is not None else None


# A credit slot's head: a word or three, then a colon or a slash ("Foto:", "Bild /", "示意圖／").
_CREDIT_SLOT = re.compile(r"[^\W\d_][^:：/／]{0,24}?\s?[:：/／]")


def _ticker(text: str, lexicon: Lexicon) -> Hit | None:
    """A news ticker, "速報　<a headline>", "Breaking | <a headline>": a link to another
    story, navigation (not a heading that opens a list)."""
    ticker = lexicon.labelled("trending_heading", text, named=False)
    if ticker is None:
        first, _, rest = text.partition(" ")
        if rest and not first.isascii() and all(is_cjk(ch) for ch in first):
            # the ideographic space after "速報" was collapsed to a plain one
            ticker = lexicon.match("trending_heading", first)
    if ticker is None or ticker.phrase == text.strip():
        return None
    return Hit("navigation", ticker.phrase, ticker.language)


def has_two_stamps(text: str) -> bool:
    """Two or more years or clock times, and no sentence end: a long dateline."""
    return len(_STAMP.findall(text)) >= 2 and not ends_sentence(text)


def is_breadcrumb(text: str, lexicon: Lexicon, *, arrows: bool = True) -> bool:
    """"Home > World > Asia": 2+ short parts split by arrows/bars, one a navigation word.
    With ``arrows``, three parts between arrows are a breadcrumb without one (the caller's
    call: linked parts in HTML, a dump's header lines)."""
    if _BREADCRUMB_MARK.search(text) is None or _BREADCRUMB.search(text) is None:
        return _is_spaced_menu(text, lexicon)
    parts = [p for p in _BREADCRUMB.split(text) if p]
    if len(parts) < 2 or any(word_count(p) > 5 for p in parts):
        return False
    if any(p.rstrip().endswith(_SENTENCE_END[:4]) for p in parts):
        return False
    if arrows and len(parts) >= MIN_ARROW_CRUMBS and _ARROWS.search(text) and not _ARROWS_IN_PROSE.search(text):
        return True  # "Isère > Trièves > Vie locale": arrows between three places or sections
    return any(lexicon.match("navigation", p) for p in parts)


# Three parts or more between arrows make a breadcrumb without a navigation word in it (a
# bar or slash also sets apart a byline's fields, an arrow does not).
MIN_ARROW_CRUMBS = 3
_ARROWS = re.compile(r"\s(?:>|›|→|＞)\s|＞")
# ... but not arrows between figures ("2 > 1"), a comparison rather than a path
_ARROWS_IN_PROSE = re.compile(r"\d\s*[>＞]\s*\d")


def _is_spaced_menu(text: str, lexicon: Lexicon) -> bool:
    """A CJK menu or breadcrumb split only by (ideographic) spaces: 3+ short runs of a
    spaceless script, one of them a navigation word ("トップ　北海道　くらし　スポーツ　動画")."""
    if not is_cjk(text[:1]):
        return False  # (every part must be CJK: a cheap test before splitting long prose)
    parts = text.split()
    if len(parts) < MIN_SPACED_MENU_PARTS or any(len(p) > MAX_SPACED_MENU_LONG_PART for p in parts):
        return False
    if sum(1 for p in parts if len(p) > MAX_SPACED_MENU_PART) > 1:
        return False
    if not all(all(is_cjk(ch) for ch in p) or _latin_menu_word(p) for p in parts):
        return False
    return any(lexicon.match("navigation", p) for p in parts)


def _latin_menu_word(part: str) -> bool:
    """A short Latin entry of a CJK menu ("IT", "AI", "TV"): an acronym of a few letters."""
    return len(part) <= MAX_MENU_ACRONYM and part.isascii() and part.isalnum()


# A market move ("تاسي 11,842 ▲ 0.6%", "DAX 18.210 ▼ 0,4 %"): an arrow before a figure.
_TICKER_MOVE = re.compile(r"[▲▼△▽]\s*[+\-−]?\d")
# A weather widget's row: three temperatures or more ("Чт −9° снег Пт −12° облачно Сб
# −15° ясно"; a headline may name two: "From 38° in Paris to 41° in Madrid").
_FORECAST = re.compile(r"\d\s?°(?:.*\d\s?°){2}")
# A scoreboard line and nothing else: a bracketed match status, two sides of 1-3 words
# around a score ("【試合終了】 ホークス 4－3 ライオンズ", "الهلال 2 - 1 الاتحاد (انتهت)"). Without
# the status the shape is a headline's too ("Hawks edge Lions 4-3 in the 12th").
_STATUS = r"[【\[(（][^】\])）]{1,12}[】\])）]"
_SIDES = r"\S+(?:\s\S+){0,2}\s+\d{1,3}\s*[-–—－:：]\s*\d{1,3}\s+\S+(?:\s\S+){0,2}?"
_SCOREBOARD = re.compile(rf"\s*(?:{_STATUS}\s*{_SIDES}|{_SIDES}\s*{_STATUS})\s*$")


# A counter alone on a line, maybe shortened with a thousand/million letter ("1.2K", "3M").
_COUNTER = re.compile(r"\s*\d+(?:[.,]\d+)?\s?[KkMm]?\s*")


def is_counter(text: str) -> bool:
    """A like, view or share count alone ("24", "1.2K")."""
    return _COUNTER.fullmatch(text) is not None


# A 24-hour clock time and nothing else ("16:40", "09:15", "18h30"; "3.50" may be a price).
CLOCK_ONLY = re.compile(r"\s*(?:[01]?\d|2[0-3])[:h][0-5]\d\s*")

# An e-mail address ("press@acme.example"): contact lines, bylines with the reporter's address.
MAIL_ADDRESS = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"

# A label set in brackets, the way CJK and Korean pages head a box or mark a transcript's
# speaker ("【お問い合わせ】", "[앵커]", "［関連］", "〔写真〕", "＜問い合わせ先＞"), or led
# by a box mark ("■お問い合わせ先", "◆会社概要").
_BRACKETED_LABEL = re.compile(r"\s*(?:【[^】]+】|\[[^\]]+\]|［[^］]+］|〔[^〕]+〕|＜[^＞]+＞)\s*")
_BOX_MARKED = re.compile(rf"\s*[{BOX_MARKS}]\s*\S")


def is_bracketed(text: str) -> bool:
    """Is the whole line one label in brackets ("【本件に関するお問い合わせ】", "[리포트]")?"""
    return _BRACKETED_LABEL.fullmatch(text) is not None


# A mark in brackets alone on a line is a word or three ("[앵커]", "[Sound bite]"); a longer
# bracketed line is an editor's note of the text ("[This story has been updated …]").
MAX_MARK_WORDS = 3


def is_bracketed_mark(block: Block) -> bool:
    """A broadcast script's speaker or segment mark alone on its line ("[앵커]", "[리포트]")."""
    return block.words <= MAX_MARK_WORDS and is_bracketed(block.text)


# A credit in brackets closing a caption ("… (Fotoğraf: İHA)", "…（사진=제주일보 DB）").
_BRACKETED_CREDIT = re.compile(r"[(（]\s*([^()（）]{1,40}?)\s*[)）]\s*$")


def bracketed_credit(text: str, lexicon: Lexicon) -> re.Match[str] | None:
    """The bracketed photo credit that closes ``text`` (a photo-credit label inside), if any."""
    found = _BRACKETED_CREDIT.search(text)
    if found is None or lexicon.match("photo_credit_prefix", found.group(1)) is None:
        return None
    return found


def is_marked_label(text: str) -> bool:
    """Is the line set off as a label: in brackets, or led by a box mark ("■ 会社概要")?"""
    return is_bracketed(text) or _BOX_MARKED.match(text) is not None


def letter_count(text: str) -> int:
    """Letters of ``text`` (any script; no digits, marks or punctuation)."""
    return sum(1 for ch in text if ch.isalpha())


# A weather widget's "now" row: a place, its temperature, a word or two of sky ("Ordu 9°C
# Parçalı Bulutlu", "Berlin 12° bewölkt"); a headline names a temperature after a verb.
_WEATHER_NOW = re.compile(r"\s*[^\W\d_][\w'’.-]*(?:\s[^\W\d_][\w'’.-]*)?\s+[+\-−]?\d{1,2}\s?°\s?[CF]?(?:\s|$)")
MAX_WEATHER_NOW_WORDS = 5


def is_widget_row(text: str) -> bool:
    """A widget's row of figures, no headline and no prose: a market move, a scoreboard
    with its match status, a weather forecast or the weather now."""
    if _TICKER_MOVE.search(text) or _SCOREBOARD.match(text) or _FORECAST.search(text):
        return True
    return "°" in text and len(text.split()) <= MAX_WEATHER_NOW_WORDS and _WEATHER_NOW.match(text) is not None


def ends_sentence(text: str) -> bool:
    """Does the text end like a sentence (full stop, question mark, closing quote)? A
    footnote's mark after the stop ("…century.[1]", "…century.²") does not change that."""
    text = text.rstrip()
    if text.endswith(_SENTENCE_END):
        return True
    return _FOOTNOTE_MARK.search(text) is not None and _FOOTNOTE_MARK.sub("", text).endswith(_SENTENCE_END)


# A footnote's mark closing a sentence: "[1]", "[12]", or superscript digits.
_FOOTNOTE_MARK = re.compile(r"(?:\[\d{1,3}\]|[¹²³⁰-⁹]+)+$")


def is_paragraph(block: Block) -> bool:
    """Prose: long enough and ending like a sentence, or simply long."""
    text = block.text
    words = block.words
    if block.tag == "img":
        return False
    if words >= 25:
        return True
    return words >= 6 and ends_sentence(text)


def is_title_like(block: Block) -> bool:
    """A headline: a few words, no full stop at the end (a question mark is fine)."""
    text = block.text.rstrip()
    words = block.words
    if not 2 <= words <= 30 or block.tag == "img":
        return False
    return not text.endswith((".", "。", ":", "：", ",", "，", ";"))


def is_date_line(block: Block, max_words: int = 10) -> bool:
    """A short line that states a date (numeric, or a year beside a month word). Cheap on
    purpose: only the publication date itself is read with dateparser."""
    if block.words > max_words:
        return False
    if parse_date(block.text) is not None:
        return True
    if _month_day(block.text):
        return True
    # unparsed: a year beside words; a dateline has few words besides its date ("Monday,
    # 3 March 2025"), a headline more ("Hamburg port to automate ... by 2028")
    if not looks_dated(block.text):
        return False
    return len(_LETTER_WORD.findall(block.text)) <= MAX_DATELINE_LETTER_WORDS or mentions_month(block.text)


# A date without its year, alone on its line, maybe in brackets: "（10月7日）", "10월 7일",
# "(7 October)", "12 октября", "Oct. 7" (a related item's or a live post's date).
_BRACKETS = "()（）[]【】"
_CJK_MONTH_DAY = re.compile(r"\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]")
_DAY_MONTH_WORD = re.compile(r"(\d{1,2})\.?\s+([^\W\d_][^\s\d]{2,})|([^\W\d_][^\s\d]{2,})\s+(\d{1,2})")


def _month_day(text: str) -> bool:
    """Is ``text`` a month and a day and nothing else (numeric in CJK form, or a day and
    a month name in either order), bracketed or not?"""
    inner = ascii_digits(text).strip().strip(_BRACKETS).strip()
    if len(inner) > 20 or not any(ch.isdigit() for ch in inner):
        return False
    if _CJK_MONTH_DAY.fullmatch(inner):
        return True
    found = _DAY_MONTH_WORD.fullmatch(inner.rstrip(".,"))
    return found is not None and mentions_month(found.group(2) or found.group(3))


def is_name_like(text: str) -> bool:
    """A bare person name: 1-4 words, capitalised (or CJK), no digits, no sentence mark."""
    text = text.strip()
    if not text or len(text) > 40 or any(ch.isdigit() for ch in text):
        return False
    if any(ch in ".!?:;,，。" for ch in text.rstrip(".")):
        return False
    words = text.split()
    cjk = sum(1 for ch in text if is_cjk(ch))
    if cjk and _THAI.fullmatch(text):
        # Thai names are spaced: a given name and a family name ("สมชาย ใจดี"), each a
        # single unspaced run (a one-run line is any label; so is a longer run)
        return len(words) in (2, 3) and all(len(w) <= MAX_THAI_NAME_PART for w in words)
    if cjk:  # CJK names are 2-4 characters, written without other letters or punctuation
        return cjk == len(text.replace(" ", "")) and 2 <= cjk <= 4
    if len(words) == 1 and len(words[0]) < 3:
        return False  # "Ср", "Mo": weekday abbreviations, not names
    # cased scripts want capitals; Arabic, Hebrew, Devanagari... have no case to check
    if 1 <= len(words) <= 4 and all(_capitalised(w) for w in words):
        return True
    return _with_particles(words)


def name_before_date(text: str, cut: re.Pattern[str]) -> str:
    """``text`` up to the first match of ``cut`` (a separator, or a digit); when a date
    cut it ("NAME on Nov. 2, 2025", "NAME el 21 de octubre", "NAME am 12. Oktober"), also
    without the month word before the number and the lower-case words that join the name
    to its date (a name ends with a capitalised word; scripts without case keep theirs)."""
    found = cut.search(text)
    if found is None:
        return text
    if not found.group(0)[:1].isdigit():
        return text[: found.start()]
    words = text[: found.start()].split()
    # "Nov.", "on November", "on Monday, November", "am Montag,": the weekday and month
    # words before the number, abbreviated or after a joining word ("Theresa May 2 hours
    # ago" keeps its "May")
    run = 0
    while run < len(words) - 1 and is_calendar_word(words[-1 - run]):
        run += 1
    if run and (words[-1].endswith(".") or words[-1 - run][:1].islower()):
        del words[-run:]
    while len(words) > 1 and words[-1][:1].islower():
        words.pop()
    return " ".join(words)


# A name with lower-case particles ("Pieter van der Merwe") has at most this many words,
# and at most four capitalised ones.
MAX_PARTICLE_NAME_WORDS = 6
MAX_NAME_WORDS = 4
# "al-Sharif", "d'Alema": a particle joined to a capitalised word
_JOINED_PARTICLE = re.compile(r"([^\W\d_]+)[-'’]([^\W\d_].*)")


def _capitalised(word: str) -> bool:
    """Starts with a capital, or is written in a script without case."""
    return word[:1].isupper() or word[:1].lower() == word[:1].upper()


def _with_particles(words: list[str]) -> bool:
    """"Sanne de Vries", "Pieter van der Merwe", "Ahmed al-Sharif": the first and last words
    capitalised, and every lower-case word a name particle (``data/name_particles.txt``)
    between them, or opening a capitalised word with a hyphen or apostrophe."""
    if not 2 <= len(words) <= MAX_PARTICLE_NAME_WORDS or not _capitalised(words[0]):
        return False
    particles = name_particles()
    lower = 0
    for position, word in enumerate(words[1:], 1):
        if _capitalised(word):
            continue
        joined = _JOINED_PARTICLE.fullmatch(word)
        if joined is not None and joined.group(1) in particles and _capitalised(joined.group(2)):
            continue  # "al-Sharif": a capitalised name behind its particle
        if position == len(words) - 1 or word not in particles:
            return False
        lower += 1
    return len(words) - lower <= MAX_NAME_WORDS


@lru_cache(maxsize=1)
def name_particles() -> frozenset[str]:
    """The lower-case name particles of every language in ``data/name_particles.txt``."""
    text = (resources.files("newsparse") / "data" / "name_particles.txt").read_text("utf-8")
    found: set[str] = set()
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            _, _, words = line.partition(":")
            found.update(word.strip() for word in words.split(",") if word.strip())
    return frozenset(found)


@lru_cache(maxsize=1)
def ai_label_connectors() -> dict[str, tuple[tuple[str, bool], ...]]:
    """language -> its connectors between an AI label and its sources, casefolded, each
    with whether it follows the source ("…をもとに") rather than opening the words after
    the label (``data/ai_label_connectors.txt``)."""
    text = (resources.files("newsparse") / "data" / "ai_label_connectors.txt").read_text("utf-8")
    found: dict[str, tuple[tuple[str, bool], ...]] = {}
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            language, _, words = line.partition(":")
            connectors = [w.strip() for w in words.split(",") if w.strip()]
            found[language.strip()] = tuple((w.lstrip("…").casefold(), w.startswith("…")) for w in connectors)
    return found


def opens_with_connector(rest: str, language: str) -> bool:
    """Do the words after an AI label (``rest``) join it to its sources in ``language``:
    "based on posts…", "a partir de publicaciones…", "基于新华社报道", "報道をもとに"?"""
    folded = " ".join(rest.casefold().split())
    for connector, after_source in ai_label_connectors().get(language, ()):
        if after_source:
            at = folded.find(connector)
            if at > 0:
                return True
        elif folded.startswith(connector):
            following = folded[len(connector) : len(connector) + 1]
            # a whole word ("from", not "fromage"); CJK connectors run into the next word
            if not following or not following.isalnum() or is_cjk(connector[-1]):
                return True
    return False
