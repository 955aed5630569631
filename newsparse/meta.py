"""Page metadata: publication date and authors from the HTML head (meta tags, JSON-LD),
and the date parser shared with visible datelines.

Dates keep the page's own local date: ``2025-07-08T01:30:00+08:00`` is 2025-07-08,
whatever the reader's time zone. Numeric forms are parsed here by pattern; textual
forms ("3 февраля 2025", "28 août 2025") go to dateparser, imported only then.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lxml import etree

# Meta keys (property, name or itemprop, lower-cased) that carry the publication date.
_PUBLISHED_META = frozenset({
    "article:published_time",
    "article:published",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published-date",
    "publication_date",
    "sailthru.date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.date",
    "parsely-pub-date",
    "cxenseparse:recs:publishtime",
})
_AUTHOR_META = frozenset({"author", "article:author", "dc.creator", "parsely-author", "sailthru.author"})
_DESCRIPTION_META = frozenset({"og:description", "description", "twitter:description"})
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# 2025.08.28 / 2025/8/28 (no spaces: "2025 - 10.15" is a year and a time) and the CJK
# forms 2025年8月28日 / 2025년 8월 28일
_YMD = re.compile(
    r"(?<!\d)(\d{4})(?:[./-](\d{1,2})[./-]|\s*[年년]\s*(\d{1,2})\s*[月월]\s*)(\d{1,2})(?!\d)"
)
# 15.11.2025 / 15/11/2025, and the spaced Czech/Slovak/Hungarian form "12. 1. 2025"
_DMY = re.compile(r"(?<!\d)(\d{1,2})(?:[./-]|\.\s)(\d{1,2})(?:[./-]|\.\s)(\d{4})(?!\d)")
# a run of 3+ letters (a month name) next to the digits; CJK month forms are numeric
_MONTH_WORD = re.compile(r"[^\W\d_][^\s\d]{2,}")  # vowel signs (Devanagari) are no \w letters
# The zero of each decimal-digit block news pages write dates in (Arabic-Indic, Persian,
# N'Ko, Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam,
# Sinhala, Thai, Lao, Tibetan, Myanmar, Khmer, Mongolian): its ten digits read as ASCII digits.
_DIGIT_ZEROS = (0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
                0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810)
_DIGITS = {zero + n: ord("0") + n for zero in _DIGIT_ZEROS for n in range(10)}
# the year may be a Buddhist Era year (Thai "12 มี.ค. 2568"): see _make
_DAY_NAME_YEAR = re.compile(
    r"(?<!\d)(\d{1,2})\s+([^\W\d_][^\s\d]*(?:\s[^\W\d_][^\s\d]*)?)\s+((?:19|20|25)\d\d)(?!\d)"
)
# year first, with ordinal dots and maybe a word for "year" between ("2025. gada 9. septembrī")
_YEAR_DAY_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)\.\s+(?:[^\W\d_]+\s+)?(\d{1,2})\.\s+([^\W\d_]+)")
_JALALI = re.compile(r"(?<!\d)(\d{1,2})\s+([^\W\d_]+(?:\s[^\W\d_]+)?)\s+(1[34]\d\d)(?!\d)")
_DMY_SHORT = re.compile(r"(?<!\d)(\d{1,2})[./-](\d{1,2})[./-](\d{2})(?![\d./-])")
_CLOCK_TIME = re.compile(r"\b\d{1,2}\s*(?:h|:)\s*\d{2}(?:\s*(?:am|pm|AM|PM|ч\.?))?\b")
_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")


@dataclass(frozen=True, slots=True)
class HeadMeta:
    """What the document head says about the article."""

    title: str | None = None
    og_title: str | None = None
    description: str | None = None
    """og:description or meta description: the page's own summary of the article."""
    published: dt.date | None = None
    published_utc: dt.datetime | None = None
    """The timestamp ``published`` was read from, when it is written in UTC ("…T23:45:00Z",
    "+00:00"): its date may be the day before or after the publisher's own (see local_date)."""
    authors: tuple[str, ...] = ()
    language: str | None = None
    article_body: str | None = None
    """JSON-LD ``articleBody``: the article's text as the site declares it."""
    headline: str | None = None
    """JSON-LD ``headline``: the article's headline as the site declares it."""


def read_head(root: etree._Element) -> HeadMeta:
    """Title, og:title, publication date and authors from <head>, JSON-LD and microdata."""
    title = None
    og_title = None
    meta_published: dt.date | None = None
    meta_stamp = ""
    description: str | None = None
    authors: list[str] = []
    html_lang = root.get("lang") if isinstance(root.tag, str) else None
    language = language_code(html_lang)
    for element in root.iter("title"):
        title = " ".join((element.text or "").split()) or None
        break
    for element in root.iter("meta"):
        keys = _meta_keys(element)
        content = element.get("content") or ""
        if not keys or not content:
            continue
        if "og:title" in keys and og_title is None:
            og_title = " ".join(content.split())
        elif keys & _DESCRIPTION_META and description is None:
            description = " ".join(content.split())
        elif keys & _PUBLISHED_META and meta_published is None:
            meta_published, meta_stamp = _stamp_date(content, language), content
        elif keys & _AUTHOR_META and not content.startswith("http"):
            authors.extend(_split_names(content, language))
    linked = _linked_data(root, language)
    published, stamp = linked.published, linked.stamp
    if not authors:
        authors.extend(linked.authors)
    # JSON-LD first: meta tags are often written in UTC, which can shift the page's local date
    if published is None:
        published, stamp = meta_published, meta_stamp
    if published is None or not authors:
        micro_stamp, micro_authors = _microdata(root, language)
        if published is None and micro_stamp:
            published, stamp = _stamp_date(micro_stamp, language), micro_stamp
        if not authors:
            authors.extend(micro_authors)
    return HeadMeta(
        title=title,
        og_title=og_title,
        description=description,
        published=published,
        published_utc=utc_timestamp(stamp) if published else None,
        authors=tuple(dict.fromkeys(a for a in authors if a)),
        language=language,
        article_body=linked.article_body,
        headline=linked.headline,
    )


def _meta_keys(element: etree._Element) -> set[str]:
    """The keys a <meta> declares, lower-cased: its property, its name and each word of its
    itemprop ("datePublished dateCreated"); an itemprop only inside the article's item (or
    outside any item), not a teaser's or a comment's."""
    keys = {key.lower() for key in (element.get("property"), element.get("name")) if key}
    itemprop = element.get("itemprop")
    if itemprop and _in_article_item(element):
        keys.update(token.lower() for token in itemprop.split())
    return keys


def _stamp_date(stamp: str, language: str | None) -> dt.date | None:
    """The date of a declared timestamp: ISO or numeric, else written out in English or the
    page's language ("Tue Nov 19 2019 03:05:46 GMT+0000", "01:38:07 PM IST Nov 20, 2019")."""
    found = parse_date(stamp)
    if found is None and looks_dated(stamp):
        found = parse_date(stamp, textual=True, languages=tuple(dict.fromkeys(("en", language or "en"))))
    return found


@dataclass(frozen=True, slots=True)
class _LinkedData:
    """What the JSON-LD says about the article."""

    published: dt.date | None = None
    stamp: str = ""
    authors: tuple[str, ...] = ()
    article_body: str | None = None
    headline: str | None = None


def _linked_data(root: etree._Element, language: str | None) -> _LinkedData:
    """Date, authors, body and headline of the first JSON-LD article; the date of a WebPage
    item when no article gives one (WordPress SEO plugins describe the page, not an article).
    Authors given by reference ({"@id": ...}) are looked up among the page's other items."""
    items = [item for data in _jsonld(root) for item in _items(data)]
    by_id = {item["@id"]: item for item in items if isinstance(item.get("@id"), str)}
    articles = [item for item in items if _typed(item, _ARTICLE_TYPES)]
    pages = [item for item in items if _typed(item, _PAGE_TYPES)]
    published, stamp = None, ""
    for item in articles + pages:
        stamp = str(item.get("datePublished") or item.get("dateCreated") or "")
        published = _stamp_date(stamp, language) if stamp else None
        if published is not None:
            break
    authors: list[str] = []
    for article in articles:
        authors = _names(article.get("author") or article.get("creator"), by_id, language)
        if authors:
            break
    bodies = [a.get("articleBody") for a in articles]
    headlines = [a.get("headline") for a in articles]
    return _LinkedData(
        published=published,
        stamp=stamp if published else "",
        authors=tuple(authors),
        article_body=next((b for b in bodies if isinstance(b, str) and b.strip()), None),
        headline=next((" ".join(html.unescape(h).split()) for h in headlines if isinstance(h, str) and h.strip()), None),
    )


def _microdata(root: etree._Element, language: str | None) -> tuple[str, list[str]]:
    """The publication timestamp and authors the article's microdata marks in the body
    (<time itemprop="datePublished" datetime=…>, <span itemprop="author">…<span
    itemprop="name">NAME</span>); authors only from the first article item naming any
    (a teaser's item names its own)."""
    stamp = ""
    authors: list[str] = []
    author_item: etree._Element | None = None
    for element in root.iterfind(".//*[@itemprop]"):  # (found by lxml, not a Python walk)
        itemprop = element.get("itemprop")
        if not itemprop or element.tag == "meta":
            continue  # (<meta> tags were read with the head's)
        tokens = {token.lower() for token in itemprop.split()}
        if not tokens & {"datepublished", "author"} or not _in_article_item(element):
            continue
        if "datepublished" in tokens and not stamp:
            stamp = element.get("datetime") or element.get("content") or _text(element)
        if "author" in tokens:
            item = _item_of(element)
            if author_item is None or item is author_item:
                author_item = item
                authors.extend(_split_names(_microdata_name(element), language))
    return " ".join(stamp.split()), authors


def _microdata_name(element: etree._Element) -> str:
    """The name of an itemprop="author" element: its itemprop="name" inside, else its own
    content or text ("By NAME", cleaned by the caller)."""
    for inner in element.iter():
        if inner is not element and isinstance(inner.tag, str) and "name" in (inner.get("itemprop") or "").split():
            return inner.get("content") or _text(inner)
    return element.get("content") or _text(element)


def _text(element: etree._Element) -> str:
    return "".join(str(piece) for piece in element.itertext())


def _item_of(element: etree._Element) -> etree._Element | None:
    """The nearest enclosing element with ``itemscope`` (not the element itself), or None."""
    for ancestor in element.iterancestors():
        if ancestor.get("itemscope") is not None:
            return ancestor
    return None


def _in_article_item(element: etree._Element) -> bool:
    """Is the element's item an article (or is it in no item at all)?"""
    item = _item_of(element)
    if item is None:
        return True
    kind = (item.get("itemtype") or "").rstrip("/").rsplit("/", 1)[-1].lower()
    return kind in _ARTICLE_TYPES


# The time zones in use run from UTC-12 to UTC+14: a UTC timestamp's local date lies
# within these hours of it.
MAX_ZONE_BEHIND_UTC = dt.timedelta(hours=12)
MAX_ZONE_AHEAD_OF_UTC = dt.timedelta(hours=14)


def utc_timestamp(text: str) -> dt.datetime | None:
    """``text`` as a datetime when it is an ISO timestamp written in UTC ("Z", "+00:00",
    "+0000"); None for a date alone, a local time, or another offset."""
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return value if value.utcoffset() == dt.timedelta(0) else None


def local_date(head: HeadMeta, visible: dt.date | None) -> dt.date | None:
    """The publication date in the publisher's own calendar: the head's, unless the head
    wrote a UTC timestamp ("2025-05-12T23:45:00+00:00") and the page's visible dateline
    ("Publié le 13 mai 2025 à 01h45") states another date that the same instant has in
    some time zone: then the visible one. Any other visible date is another event's."""
    stamp = head.published_utc
    if stamp is None or visible is None or visible == head.published:
        return head.published
    earliest = (stamp - MAX_ZONE_BEHIND_UTC).date()
    latest = (stamp + MAX_ZONE_AHEAD_OF_UTC).date()
    return visible if earliest <= visible <= latest else head.published


# Tags whose primary subtag is not the code the lexicons and the corpus use: Norwegian
# Bokmål and Nynorsk are "no" (their lexicon folder); retired ISO 639 codes still seen in
# <html lang> (iw, in, ji) are today's he, id, yi.
_LANGUAGE_ALIASES = {"nb": "no", "nn": "no", "iw": "he", "in": "id", "ji": "yi"}


def language_code(tag: str | None) -> str | None:
    """ISO 639-1 code of a language tag (``<html lang="nb-NO">`` -> "no", "pt_BR" -> "pt")."""
    primary = re.split(r"[-_]", (tag or "").strip(), maxsplit=1)[0].lower()
    if not primary:
        return None
    return _LANGUAGE_ALIASES.get(primary, primary)


def parse_date(
    text: str, *, textual: bool = False, languages: tuple[str, ...] = (), short_year: bool = False
) -> dt.date | None:
    """The date written in ``text`` (ISO, numeric, or with ``textual=True`` month names), or None.

    ``languages`` (ISO 639-1 codes) narrows the month names dateparser tries: without
    it dateparser tries every locale it knows, which costs ~300 ms a call.
    """
    if not text:
        return None
    text = unicodedata.normalize("NFKC", text).translate(_DIGITS)  # full-width and Arabic-Indic digits
    text = without_lunar_date(text)  # "14 جمادى الآخرة 1447 هـ - 7 ديسمبر 2025م": the Gregorian half
    jalali = _jalali_date(text)
    if jalali is not None:
        return jalali
    named = _named_month_date(text)
    if named is not None:
        return named
    match = _ISO.search(text)
    if match:
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    for match in _YMD.finditer(text):
        year, month, day = int(match.group(1)), int(match.group(2) or match.group(3)), int(match.group(4))
        if 1300 <= year <= 1500:  # ۱۴۰۴/۰۶/۲۵: a Solar Hijri date written in numbers ...
            if year in _SOLAR_HIJRI_YEARS:
                return jalali_to_gregorian(year, month, day)
            continue  # ... unless its year is past the solar years news pages carry: a lunar
            # year ("1447/06/14 الموافق 2025/12/05": the Gregorian date follows)
        return _make(year, month, day)
    era = _era_date(text)
    if era is not None:
        return era
    match = _DMY.search(text)
    if match:
        day, month = int(match.group(1)), int(match.group(2))
        if month > 12 >= day:  # 12/31/2025: US order
            day, month = month, day
        return _make(int(match.group(3)), month, day)
    if short_year:  # "פורסם: 02.12.25": a labelled dateline may write the year in two digits
        match = _DMY_SHORT.search(text)
        if match:
            return _make(2000 + int(match.group(3)), int(match.group(2)), int(match.group(1)))
    if textual and _YEAR.search(text) and _MONTH_WORD.search(text):
        return _textual_date(" ".join(text.split())[:80], languages)
    return None


def ascii_digits(text: str) -> str:
    """``text`` with Arabic-Indic and Persian digits as ASCII digits."""
    return text.translate(_DIGITS)


def looks_dated(text: str) -> bool:
    """Does ``text`` hold a year next to a word that may be a month? (no parsing)"""
    text = text.translate(_DIGITS)
    return _YEAR.search(text) is not None and _MONTH_WORD.search(text) is not None


_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")


@lru_cache(maxsize=1)
def _month_words() -> frozenset[str]:
    """Gregorian month names (and abbreviations) of the languages the lexicons cover, from
    dateparser's locale data plus ``data/calendars/months.txt``, casefolded."""
    return frozenset({name.casefold() for name in _month_names("months.txt")} | _locale_words(_MONTH_KEYS))


_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@lru_cache(maxsize=1)
def _weekday_words() -> frozenset[str]:
    """Weekday names (and abbreviations) of the languages the lexicons cover, from
    dateparser's locale data, casefolded."""
    return _locale_words(_WEEKDAY_KEYS)


def _locale_words(keys: tuple[str, ...]) -> frozenset[str]:
    """The words dateparser's locale data lists under ``keys`` ("january", "monday"…) for
    every language the lexicons cover, casefolded."""
    from importlib import resources

    try:
        from dateparser.languages import default_loader
    except ImportError:  # pragma: no cover - a declared dependency
        return frozenset()
    names: set[str] = set()
    for folder in (resources.files("newsparse") / "data" / "lexicons").iterdir():
        try:
            info = default_loader.get_locale(folder.name).info
        except Exception:  # a language dateparser does not know
            continue
        for key in keys:
            names.update(str(name).casefold() for name in info.get(key, []))
    return frozenset(names)


def is_calendar_word(word: str) -> bool:
    """Is ``word`` a month or weekday name ("November", "Nov.", "Monday,", "lundi")? Such a
    word next to a byline's date is part of the date, never of the name."""
    folded = word.strip(",.;:()").casefold()
    return folded in _month_words() or folded in _weekday_words()


def mentions_clock_time(text: str) -> bool:
    """Does ``text`` state a time of day ("18:32", "5 h 00", "18h12", "10:42 am")?"""
    return _CLOCK_TIME.search(text.translate(_DIGITS)) is not None


def mentions_month(text: str) -> bool:
    """Does ``text`` name a Gregorian month ("June 2018", "janeiro de 2018")?"""
    words = _MONTH_WORD.findall(text.translate(_DIGITS))
    months = _month_words()
    return any(w.casefold().rstrip(".") in months for w in words)


def _jalali_date(text: str) -> dt.date | None:
    """A Solar Hijri date ("۲۳ مهر ۱۴۰۴", Iran and Afghanistan) in the Gregorian calendar."""
    months = _jalali_months()
    match = _JALALI.search(text)
    if match is None or not months:
        return None
    day, month_name, year = int(match.group(1)), match.group(2), int(match.group(3))
    month = months.get(month_name)
    if month is None or not 1 <= day <= 31:
        return None
    return jalali_to_gregorian(year, month, day)


def _era_date(text: str) -> dt.date | None:
    """令和7年5月20日 -> 2025-05-20, 民國114年9月2日 -> 2025-09-02 (era start years from
    ``data/calendars/eras.txt``); and a numeric date whose year is an era year
    ("民國114/09/02", "114.9.2（民國）"), read only when the era is named."""
    if not any(name in text for name in _month_names("eras.txt")):  # (a few names: cheap)
        # "114年4月18日" with no era named: a three-digit year written with 年/月/日 is
        # Taiwan's Minguo count (no news page dates anything in the years 100-199 AD)
        if "年" not in text:
            return None
        found = _MINGUO_WRITTEN.search(text)
        if found is None:
            return None
        minguo = _month_names("eras.txt")["民國"]
        return _make(minguo + int(found.group(1)) - 1, int(found.group(2)), int(found.group(3)))
    written, numeric, _ = _era_patterns()
    match = written.search(text)
    if match is not None:
        year = 1 if match.group(2) == "元" else int(match.group(2))
        return _make(_month_names("eras.txt")[match.group(1)] + year - 1, int(match.group(3)), int(match.group(4)))
    match = numeric.search(text)
    if match is None:
        return None
    era = _written_era(text)
    if era is None:
        return None
    return _make(era + int(match.group(1)) - 1, int(match.group(2)), int(match.group(3)))


_MINGUO_WRITTEN = re.compile(r"(?<!\d)(1\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def _written_era(text: str) -> int | None:
    """The first Gregorian year of the era ``text`` names (民國 -> 1912), if it names one."""
    found = _era_patterns()[2].search(text)
    return _month_names("eras.txt")[found.group(0)] if found else None


@lru_cache(maxsize=1)
def _era_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The era date as written ("民國114年9月2日", "令和元年5月1日"), a numeric date with an
    era's year (1-3 digits: never a Gregorian year), and an era name alone."""
    names = "|".join(re.escape(n) for n in sorted(_month_names("eras.txt"), key=len, reverse=True))
    written = re.compile(rf"({names})\s*(\d{{1,3}}|元)\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})(?!\d)")
    numeric = re.compile(r"(?<![\d./-])(\d{1,3})[./-](\d{1,2})[./-](\d{1,2})(?![\d./-])")
    return written, numeric, re.compile(names)


def without_lunar_date(text: str) -> str:
    """``text`` without its lunar Hijri date ("الأحد 14 جمادى الآخرة 1447 هـ - 7 ديسمبر 2025م"
    -> "الأحد - 7 ديسمبر 2025م"): Arab datelines print both calendars, and the lunar year
    (1447) must be read as neither a Gregorian nor a Solar Hijri year. Unchanged when it
    has none; its Arabic-Indic or Persian digits are read as ASCII ones when it has one."""
    if text.isascii() or _ARABIC_LETTER.search(text) is None:  # cheap: most lines are no Arabic
        return text
    digits = text.translate(_DIGITS)
    cut = _lunar_pattern().sub(" ", digits)
    return text if cut == digits else " ".join(cut.split())


_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


@lru_cache(maxsize=1)
def _lunar_pattern() -> re.Pattern[str]:
    """A lunar Hijri date: day, month name (``data/calendars/hijri.txt``), year, maybe a
    marker ("14 جمادى الآخرة 1447 هـ"); or a year, numeric or not, that a marker
    (``data/calendars/hijri_markers.txt``) calls lunar ("1447/06/14 هـ", "1447هـ")."""
    months = "|".join(_alternatives(_month_names("hijri.txt")))
    markers = "|".join(_alternatives(_lines("hijri_markers.txt")))
    marker = rf"(?:{markers})(?![^\W\d_])"
    return re.compile(
        rf"(?<!\d)\d{{1,2}}\s*(?:{months})\s*,?،?\s*1[345]\d\d(?!\d)(?:\s*{marker})?"
        rf"|(?<![\d/.-])(?:\d{{1,4}}[/.-]\d{{1,2}}[/.-])?1[345]\d\d(?:[/.-]\d{{1,2}}[/.-]\d{{1,2}})?\s*{marker}"
    )


def _alternatives(words: Iterable[str]) -> list[str]:
    """Regex alternatives for ``words``, longest first; a space also matches a ZWNJ or none
    ("ربيع الآخر", "ربیع‌الثانی")."""
    return [re.escape(w).replace("\\ ", "[\\s\\u200c]*") for w in sorted(words, key=len, reverse=True)]


def _named_month_date(text: str) -> dt.date | None:
    """"18 جانفي 2025": day, a month name from ``data/calendars/months.txt``, year (or
    year first with ordinal dots, "2025. gada 9. septembrī")."""
    months = _month_names("months.txt")
    for match in _DAY_NAME_YEAR.finditer(text):
        month = months.get(match.group(2))
        if month is not None:
            return _make(int(match.group(3)), month, int(match.group(1)))
    for match in _YEAR_DAY_NAME.finditer(text):
        month = months.get(match.group(3))
        if month is not None:
            return _make(int(match.group(1)), month, int(match.group(2)))
    return None


def jalali_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """Solar Hijri -> Gregorian, counted from a known Nowruz (1 Farvardin 1404 =
    2025-03-21) with the 33-year leap cycle; exact for the years news pages carry."""
    if not 1300 <= year <= 1500:
        return None
    start = dt.date(2025, 3, 21)
    for y in range(min(year, 1404), max(year, 1404)):
        length = 366 if _jalali_leap(y) else 365
        start += dt.timedelta(days=length if year > 1404 else -length)
    offset = 31 * (month - 1) if month <= 7 else 186 + 30 * (month - 7)
    return _make_date(start + dt.timedelta(days=offset + day - 1))


def _jalali_leap(year: int) -> bool:
    return (year * 8 + 29) % 33 < 8


def _make_date(value: dt.date) -> dt.date | None:
    return value if 1990 <= value.year <= 2100 else None


def _jalali_months() -> dict[str, int]:
    """Month names of the Solar Hijri calendar, from ``data/calendars/jalali.txt``."""
    return _month_names("jalali.txt")


@lru_cache(maxsize=8)
def _lines(file: str) -> tuple[str, ...]:
    """The lines of a ``data/calendars`` word list, one item a line ("#" comments)."""
    from importlib import resources

    text = (resources.files("newsparse") / "data" / "calendars" / file).read_text("utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#"))


@lru_cache(maxsize=8)
def _month_names(file: str) -> dict[str, int]:
    """name -> month number, from a ``data/calendars`` file of "number: name, name" lines."""
    from importlib import resources

    text = (resources.files("newsparse") / "data" / "calendars" / file).read_text("utf-8")
    months: dict[str, int] = {}
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            number, _, names = line.partition(":")
            for name in names.split(","):
                months[name.strip()] = int(number)
    return months


# Solar Hijri years read from a numeric date: from 1368 (1989/90, the earliest date kept) to
# 1420 (2041/42). A larger 13xx-14xx year is a lunar Hijri one (1447 AH = 2025/26), not a
# Solar Hijri year decades ahead.
_SOLAR_HIJRI_YEARS = range(1368, 1421)

# Buddhist Era years (Thailand, Laos, Cambodia): BE = CE + 543, so 2568 is 2025; no
# Gregorian date on a news page has such a year
_BUDDHIST_ERA = range(2500, 2644)


def _make(year: int, month: int, day: int) -> dt.date | None:
    if year in _BUDDHIST_ERA:
        year -= 543
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    return value if 1990 <= year <= 2100 else None


@lru_cache(maxsize=2048)
def _textual_date(text: str, languages: tuple[str, ...]) -> dt.date | None:
    """Dates with month names, in any language dateparser knows (imported only here).
    Cached: a pure function of its arguments, and dateparser is slow."""
    try:
        import dateparser  # lazy: importing costs ~0.3 s
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    # dateparser refuses a whole call for one language it does not know (a language guess
    # such as "pcm" for a few chrome words): ask it in the languages it knows
    known = [code for code in languages if _dateparser_knows(code)]
    if languages and not known:
        return None
    # as written; without its clock time ("à 5 h 00"); cut after the year ("… 2025 - ١٠:٣٠ ص");
    # the date alone, from its month word before the year ("Posted by NAME on Nov. 2, 2025")
    year = _YEAR.search(text)
    candidates = [text, _CLOCK_TIME.sub(" ", text), text[: year.end()] if year else "", *_month_spans(text)]
    for candidate in dict.fromkeys(c.strip() for c in candidates if c.strip()):
        try:
            value = dateparser.parse(
                candidate,
                languages=known or None,
                settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]},
            )
        except Exception:  # dateparser raises assorted errors on odd text; a date is optional
            continue
        if value is not None and 1990 <= value.year <= 2100:
            found: dt.date = value.date()
            return found
    return None


@lru_cache(maxsize=256)
def _dateparser_knows(code: str) -> bool:
    """Does dateparser have month names for the language ``code``?"""
    try:
        from dateparser.languages import default_loader

        default_loader.get_locale(code)
    except Exception:  # ValueError for an unknown locale; ImportError without dateparser
        return False
    return True


# The words of a date before its year ("Nov. 2, 2025", "21 de octubre de 2025"): a month
# word at most this many words before the year (a day, "de", a comma may come between) ...
MAX_MONTH_TO_YEAR_WORDS = 3
_TOKEN = re.compile(r"\S+")


def _month_spans(text: str) -> list[str]:
    """The date cut out of a longer line, from the month word before the first year
    ("Nov. 2, 2025") and from the number just before that month word ("21 de octubre de
    2025", "12. Oktober 2025"): what surrounds a date (a byline, "Posted by ... on") makes
    dateparser read nothing."""
    year = _YEAR.search(text)
    if year is None:
        return []
    tokens = list(_TOKEN.finditer(text[: year.start()]))[-(MAX_MONTH_TO_YEAR_WORDS + 1) :]
    months = _month_words()
    for position in range(len(tokens) - 1, -1, -1):
        word = tokens[position].group(0).strip(",.").casefold()
        if word not in months:
            continue
        spans = [text[tokens[position].start() : year.end()]]
        # ... and a day number at most two words before the month word ("21 de octubre")
        for before in range(position - 1, max(-1, position - 3), -1):
            if any(ch.isdigit() for ch in tokens[before].group(0)):
                spans.append(text[tokens[before].start() : year.end()])
                break
        return spans
    return []


def _jsonld(root: etree._Element) -> list[Any]:
    found: list[Any] = []
    for element in root.iter("script"):
        if (element.get("type") or "").lower() != "application/ld+json":
            continue
        text = element.text or ""
        # strict=False: raw line breaks inside strings, which many CMSs emit
        for attempt in (text, text.replace("\\'", "'")):  # and JavaScript's \' escapes
            try:
                found.append(json.loads(attempt, strict=False))
                break
            except ValueError:
                continue
    return found


# schema.org types (lower-cased) of an article, and of a page that may carry its date
_ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "blogposting", "analysisnewsarticle", "report",
    "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting", "techarticle",
    "socialmediaposting", "scholarlyarticle",
})
_PAGE_TYPES = frozenset({"webpage", "itempage"})


def _items(data: Any) -> list[dict[str, Any]]:
    """The JSON-LD items of one script, lists and ``@graph`` flattened, in order."""
    if isinstance(data, list):
        return [item for entry in data for item in _items(entry)]
    if not isinstance(data, dict):
        return []
    graph = data.get("@graph")
    return [data, *(_items(graph) if graph is not None else [])]


def _typed(item: dict[str, Any], types: frozenset[str]) -> bool:
    """Is the JSON-LD item of one of ``types`` (lower-case; "@type" may be a list)?"""
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.lower() in types for k in kinds)


def _names(value: Any, by_id: dict[str, dict[str, Any]], language: str | None) -> list[str]:
    """Author names of a JSON-LD value: a string, a Person ({"name": ...}, or {"@id": ...}
    given elsewhere on the page), or a list of them."""
    if isinstance(value, str):
        return _split_names(value, language)
    if isinstance(value, dict):
        name = value.get("name")
        if name is None and isinstance(value.get("@id"), str):
            name = by_id.get(value["@id"], {}).get("name")
        if isinstance(name, list):
            return [n for item in name for n in _names(item, by_id, language)]
        return _split_names(name, language) if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for item in value for n in _names(item, by_id, language)]
    return []


# Longest credential, in letters, that may follow a name ("NAME, MS, RDN", "NAME, PhD").
MAX_CREDENTIAL_LETTERS = 5


def _split_names(text: str, language: str | None = None) -> list[str]:
    """The names in a declared author field: split at commas and "and"-words, without a
    byline label ("By NAME") and without credentials after a name ("NAME, MS, RDN")."""
    text = " ".join(html.unescape(text).split())
    parts = re.split(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|、)\s*", text)
    names: list[str] = []
    for part in parts:
        part = _without_byline_label(part, language)
        if not part or part.startswith(("http", "@")) or len(part) > 80:
            continue  # (a profile address or a social handle names nobody)
        if names and _is_credential(part):
            continue
        names.append(part)
    return names


def _is_credential(part: str) -> bool:
    """"MS", "RDN", "PhD", "MBA": one short word with two capitals or more."""
    return part.isalpha() and len(part) <= MAX_CREDENTIAL_LETTERS and sum(ch.isupper() for ch in part) >= 2


def _without_byline_label(name: str, language: str | None) -> str:
    """"By NAME" -> "NAME": a byline label of the page's language (of any language when the
    page declares none, or one without a lexicon) opening a declared author, when a name of
    two words or more follows ("Di Maio" keeps its "Di")."""
    from .lexicon import load  # (lexicon imports nothing from here; loaded once)

    lexicon = load()
    hit = lexicon.match("byline_prefix", name)
    if hit is None:
        return name
    labels = _byline_labels(language) if language else frozenset()
    if labels and hit.phrase.casefold() not in labels:
        return name
    rest = lexicon.strip_prefix("byline_prefix", name)
    return rest if rest and len(rest.split()) >= 2 else name


@lru_cache(maxsize=32)
def _byline_labels(language: str) -> frozenset[str]:
    """The byline labels of one language's lexicon, casefolded (empty without one)."""
    from importlib import resources

    from .lexicon import read_phrases

    file = resources.files("newsparse") / "data" / "lexicons" / language / "byline_prefix.txt"
    if not file.is_file():
        return frozenset()
    return frozenset(phrase.casefold() for phrase in read_phrases(file.read_text("utf-8")))
