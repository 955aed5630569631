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
from dataclasses import dataclass, field
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
_YMD = re.compile(r"(?<!\d)(\d{4})\s*[./年-]\s*(\d{1,2})\s*[./月-]\s*(\d{1,2})(?!\d)")
_DMY = re.compile(r"(?<!\d)(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})(?!\d)")
# a run of 3+ letters (a month name) next to the digits; CJK month forms are numeric
_MONTH_WORD = re.compile(r"[^\W\d_]{3,}")
_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")


@dataclass(frozen=True, slots=True)
class HeadMeta:
    """What the document head says about the article."""

    title: str | None = None
    og_title: str | None = None
    published: dt.date | None = None
    authors: tuple[str, ...] = ()
    language: str | None = None
    jsonld_body: str | None = None
    urls: dict[str, str] = field(default_factory=dict)


def read_head(root: etree._Element) -> HeadMeta:
    """Title, og:title, publication date and authors from <head> and JSON-LD."""
    title = None
    og_title = None
    published: dt.date | None = None
    authors: list[str] = []
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
        elif key in _PUBLISHED_META and published is None:
            published = parse_date(content)
        elif key in _AUTHOR_META and not content.startswith("http"):
            authors.extend(_split_names(content))
    body = None
    for data in _jsonld(root):
        article = _find_article(data)
        if article is None:
            continue
        if published is None:
            published = parse_date(str(article.get("datePublished") or article.get("dateCreated") or ""))
        if not authors:
            authors.extend(_names(article.get("author")))
        if body is None and isinstance(article.get("articleBody"), str):
            body = article["articleBody"]
    html_lang = root.get("lang") if isinstance(root.tag, str) else None
    return HeadMeta(
        title=title,
        og_title=og_title,
        published=published,
        authors=tuple(dict.fromkeys(a for a in authors if a)),
        language=(html_lang or "").split("-")[0].lower() or None,
        jsonld_body=body,
    )


def parse_date(text: str, *, textual: bool = False, languages: tuple[str, ...] = ()) -> dt.date | None:
    """The date written in ``text`` (ISO, numeric, or with ``textual=True`` month names), or None.

    ``languages`` (ISO 639-1 codes) narrows the month names dateparser tries: without
    it dateparser tries every locale it knows, which costs ~300 ms a call.
    """
    if not text:
        return None
    match = _ISO.search(text) or _YMD.search(text)
    if match:
        return _make(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _DMY.search(text)
    if match:
        day, month = int(match.group(1)), int(match.group(2))
        if month > 12 >= day:  # 12/31/2025: US order
            day, month = month, day
        return _make(int(match.group(3)), month, day)
    if textual and _YEAR.search(text) and _MONTH_WORD.search(text):
        return _textual_date(" ".join(text.split())[:80], languages)
    return None


def looks_dated(text: str) -> bool:
    """Does ``text`` hold a year next to a word that may be a month? (no parsing)"""
    return _YEAR.search(text) is not None and _MONTH_WORD.search(text) is not None


def _make(year: int, month: int, day: int) -> dt.date | None:
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
    try:
        value = dateparser.parse(
            text,
            languages=list(languages) or None,
            settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]},
        )
    except Exception:  # dateparser raises assorted errors on odd text; a date is optional
        return None
    return value.date() if value is not None and 1990 <= value.year <= 2100 else None


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
