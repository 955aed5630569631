"""Stage 5, assemble: labelled blocks + page metadata -> the public ``Document``.

Every block lands in exactly one part (``_check_coverage`` makes sure), so nothing
on the page is silently lost.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from urllib.parse import urljoin

from .block import Label, word_count
from .inputs import Raw
from .langid import detect
from .lexicon import BOX_MARKS
from .meta import mentions_month, parse_date
from .model import Document, Image, Main, Noise, NoiseKind, Related, Section, Source
from .page import Page, RelatedRecord

# The JSON-LD articleBody replaces the shown text only when it is an article (at
# least this many words) ...
MIN_DECLARED_BODY_WORDS = 60
# ... and the page shows less than this share of it (the body is drawn by JavaScript,
# or the page shows only its header): a page showing its text keeps what it shows.
MAX_SHOWN_SHARE = 0.35

# Kept parts: the labels whose text appears in main / related / what_people_say / images.
_KEPT = {Label.TITLE, Label.MAIN, Label.RELATED_TITLE, Label.RELATED_SUMMARY, Label.WPS_TEXT, Label.IMAGE, Label.CAPTION}


def build(page: Page, raw: Raw) -> Document:
    """The ``Document`` for a classified page."""
    _check_coverage(page)
    blocks = page.blocks
    paragraphs = [b.text for b in blocks if b.label is Label.MAIN]
    declared = _declared_body(page, paragraphs)
    replaced: list[Noise] = []
    if declared:  # the shown lines stay on record, as noise
        reason = "shown line replaced by the declared article body"
        replaced = [Noise(text=p, kind=NoiseKind.OTHER, reason=reason) for p in paragraphs]
        paragraphs = declared
    # a later pass (script contrast) may have dropped the headline to noise: it lands once
    title = blocks[page.title].text if page.title is not None and blocks[page.title].label is Label.TITLE else None
    if title is not None:
        title = title.lstrip(BOX_MARKS + " \u3000") or title  # "■札幌の住宅街で…": the mark sets the line off, no word of it
    main_text = " ".join(paragraphs) or (title or "")
    main = Main(
        title=title,
        paragraphs=paragraphs,
        language=detect(main_text),
        published=page.published,
        authors=list(page.authors),
    )
    related = []
    for record in page.related:
        # a later pass may have dropped part of a blurb to noise: each block lands once
        parts = [i for i in record.summary if blocks[i].label is Label.RELATED_SUMMARY]
        title_kept = record.title is not None and blocks[record.title].label is Label.RELATED_TITLE
        if not parts:
            if title_kept and record.title is not None:
                blocks[record.title].drop(NoiseKind.OTHER, "related title without a summary")
            continue
        summary = " ".join(blocks[i].text for i in parts)
        related_title = blocks[record.title].text if title_kept and record.title is not None else None
        related.append(
            Related(
                summary=summary,
                title=related_title,
                language=detect(f"{related_title or ''} {summary}"),
                url=_item_url(page, record, raw.url),
                published=_item_published(page, record, main.language),
            )
        )
    images = [
        Image(alt=r.alt, caption=r.caption, src=_absolute(blocks[r.block].src, raw.url), ai_generated=r.ai_generated)
        for r in page.images
    ]
    noise = _noise(page) + replaced
    return Document(
        main=main,
        related=related,
        what_people_say=_what_people_say(page),
        images=images,
        noise=noise,
        ui_language=_ui_language(page, noise, main.language),
        source=Source(format=raw.format, url=raw.url, encoding=raw.encoding),
    )


def _item_url(page: Page, record: RelatedRecord, base: str | None) -> str | None:
    """The link of a related item: its title's, else its summary's (absolute when the
    page's own address is known)."""
    for i in ([record.title] if record.title is not None else []) + record.summary:
        href = (page.blocks[i].href or "").strip()
        if href and not href.startswith(("#", "javascript:", "mailto:")):
            return _absolute(href, base)
    return None


def _absolute(address: str | None, base: str | None) -> str | None:
    """``address`` resolved against the page's own address, when that is known."""
    if not address or not base:
        return address
    try:
        return urljoin(base, address)
    except ValueError:  # (a malformed address, "http://[::1" : kept as the page wrote it)
        return address


def _item_published(page: Page, record: RelatedRecord, language: str | None) -> dt.date | None:
    """The date an item shows: its <time> (machine-readable), else its date line, with a
    month name read in the page's languages ("12 February 2025", "3 декабря 2025")."""
    if record.date is None:
        return None
    block = page.blocks[record.date]
    if block.time:
        return parse_date(block.time)
    found = parse_date(block.text)
    if found is None and mentions_month(block.text):
        languages = page.date_languages or tuple(c for c in (page.head.language, language) if c)
        found = parse_date(block.text, textual=True, languages=languages) if languages else None
    return found


def _declared_body(page: Page, shown: list[str]) -> list[str]:
    """The paragraphs of the article text the page declares in JSON-LD (``articleBody``),
    when the page itself shows little of it; else []."""
    body = page.head.article_body
    if not body:
        return []
    if "<" in body:  # some sites put the body's HTML there
        body = _TAG.sub("\n", body)
    paragraphs = [" ".join(line.split()) for line in html.unescape(body).splitlines()]
    paragraphs = [p for p in paragraphs if p]
    declared = sum(word_count(p) for p in paragraphs)
    if declared < MIN_DECLARED_BODY_WORDS or sum(word_count(p) for p in shown) >= MAX_SHOWN_SHARE * declared:
        return []
    return paragraphs


_TAG = re.compile(r"<[^<>]+>")


def _what_people_say(page: Page) -> Section | None:
    texts = [b.text for b in page.blocks if b.label is Label.WPS_TEXT]
    if not texts:
        return None
    text = "\n".join(texts)
    heading_index = next((s.heading for s in page.people_say if s.heading is not None), None)
    heading = page.blocks[heading_index].text if heading_index is not None else None
    return Section(text=text, heading=heading, language=detect(text))


def _noise(page: Page) -> list[Noise]:
    carved: dict[int, list[Noise]] = {}
    for index, text, kind, reason in page.extra_noise:
        carved.setdefault(index, []).append(Noise(text=text, kind=NoiseKind(kind), reason=reason))
    noise: list[Noise] = []
    for i, block in enumerate(page.blocks):
        if block.label is Label.NOISE and block.text:
            noise.append(Noise(text=block.text, kind=block.kind or NoiseKind.OTHER, reason=block.reason))
        noise.extend(carved.get(i, []))
    return noise


def _ui_language(page: Page, noise: list[Noise], content_language: str | None) -> str | None:
    if page.head.language:
        return page.head.language
    chrome = " ".join(n.text for n in noise if n.kind is not NoiseKind.BYLINE_UI)
    return _told_apart(page, detect(chrome) or content_language)


# Written standards so close that language identification mixes them up on short UI text
# (Serbian in Latin script read as Croatian, Danish as Norwegian, Malay as Indonesian).
_CONFUSABLE = (frozenset({"hr", "sr", "bs"}), frozenset({"no", "da"}), frozenset({"ms", "id"}))


def _told_apart(page: Page, guess: str | None) -> str | None:
    """Within a confusable group, the language whose lexicon phrases the page's chrome
    matched most often (each hit knows its language), when it outvotes the guess."""
    group = next((g for g in _CONFUSABLE if guess in g), None)
    if group is None or guess is None:
        return guess
    votes = {language: 0 for language in sorted(group)}
    for block in page.blocks:
        if block.label is Label.NOISE and block.hit_language in votes:
            votes[block.hit_language] += 1
    best = max(votes, key=votes.__getitem__)  # (ties: the first in sorted order)
    return best if votes[best] > votes[guess] else guess


def _check_coverage(page: Page) -> None:
    for block in page.blocks:
        if block.label is Label.UNKNOWN:
            raise AssertionError(f"block {block.index} was left unlabelled: {block.text[:60]!r}")
        if block.label not in _KEPT and block.label is not Label.NOISE:
            raise AssertionError(f"block {block.index} has no part: {block.label}")
