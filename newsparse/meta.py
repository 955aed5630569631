"""Page metadata: publication date and authors from the HTML head (meta tags, JSON-LD),
and the date parser shared with visible datelines.

Dates keep the page's own local date: ``2025-07-08T01:30:00+08:00`` is 2025-07-08,
whatever the reader's time zone. Numeric forms are parsed here by pattern; textual
forms ("3 февраля 2025", "28 août 2025") go to dateparser, imported only then.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lxml import etree

_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "sailthru.date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "parsely-pub-date",
    "cxenseparse:recs:publishtime",
)
_AUTHOR_META = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")
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


def read_head(root: etree._Element) -> HeadMeta:
    """Title, og:title, publication date and authors from <head> and JSON-LD."""
    title = None
    og_title = None
    published: dt.date | None = None
    meta_published: dt.date | None = None
    stamp, meta_stamp = "", ""
    description: str | None = None
    authors: list[str] = []
    article_body: str | None = None
    for element in root.iter("title"):
        title = " ".join((element.text or "").split()) or None
        break
    for element in root.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").lower()
        content = element.get("content") or ""
        if not key or not content:
            continue
        if key == "og:title" and og_title is None:
            og_title = " ".join(content.split())
        elif key in ("og:description", "description", "twitter:description") and description is None:
            description = " ".join(content.split())
        elif key in _PUBLISHED_META and meta_published is None:
            meta_published, meta_stamp = parse_date(content), content
        elif key in _AUTHOR_META and not content.startswith("http"):
            authors.extend(_split_names(content))
    for data in _jsonld(root):
        article = _find_article(data)
        if article is None:
            continue
        if published is None:
            stamp = str(article.get("datePublished") or article.get("dateCreated") or "")
            published = parse_date(stamp)
        if not authors:
            authors.extend(_names(article.get("author")))
        body = article.get("articleBody")
        if article_body is None and isinstance(body, str) and body.strip():
            article_body = body
    # JSON-LD first: meta tags are often written in UTC, which can shift the page's local date
    if published is None:
        published, stamp = meta_published, meta_stamp
    html_lang = root.get("lang") if isinstance(root.tag, str) else None
    return HeadMeta(
        title=title,
        og_title=og_title,
        description=description,
        published=published,
        published_utc=utc_timestamp(stamp) if published else None,
        authors=tuple(dict.fromkeys(a for a in authors if a)),
        language=language_code(html_lang),
        article_body=article_body,
    )


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
    match = _YMD.search(text)
    if match:
        year, month, day = int(match.group(1)), int(match.group(2) or match.group(3)), int(match.group(4))
        if 1300 <= year <= 1500:  # ۱۴۰۴/۰۶/۲۵: a Solar Hijri date written in numbers ...
            # ... unless its year is past the solar years news pages carry: a lunar year
            return jalali_to_gregorian(year, month, day) if year in _SOLAR_HIJRI_YEARS else None
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
    from importlib import resources

    names = {name.casefold() for name in _month_names("months.txt")}
    try:
        from dateparser.languages import default_loader
    except ImportError:  # pragma: no cover - a declared dependency
        return frozenset(names)
    root = resources.files("newsparse") / "data" / "lexicons"
    for folder in root.iterdir():
        try:
            info = default_loader.get_locale(folder.name).info
        except Exception:  # a language dateparser does not know
            continue
        for key in _MONTH_KEYS:
            names.update(str(name).casefold() for name in info.get(key, []))
    return frozenset(names)


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
    if _era_characters().isdisjoint(text):  # cheap: most lines name no era (a set test, no regex)
        return None
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


def _written_era(text: str) -> int | None:
    """The first Gregorian year of the era ``text`` names (民國 -> 1912), if it names one."""
    found = _era_patterns()[2].search(text)
    return _month_names("eras.txt")[found.group(0)] if found else None


@lru_cache(maxsize=1)
def _era_characters() -> frozenset[str]:
    """The characters of the era names: a line with none of them names no era."""
    return frozenset("".join(_month_names("eras.txt")))


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
        try:
            found.append(json.loads(element.text or ""))
        except ValueError:
            continue
    return found


_ARTICLE_TYPES = ("article", "newsarticle", "reportagenewsarticle", "blogposting", "analysisnewsarticle", "report")


def _find_article(data: Any) -> dict[str, Any] | None:
    if isinstance(data, list):
        for item in data:
            found = _find_article(item)
            if found is not None:
                return found
        return None
    if not isinstance(data, dict):
        return None
    kind = data.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    if any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
        return data
    graph = data.get("@graph")
    return _find_article(graph) if graph is not None else None


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return _split_names(value)
    if isinstance(value, dict):
        name = value.get("name")
        return _split_names(name) if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for item in value for n in _names(item)]
    return []


def _split_names(text: str) -> list[str]:
    text = " ".join(text.split())
    parts = re.split(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|、)\s*", text)
    return [p for p in parts if p and not p.startswith("http") and len(p) <= 80]
