"""The publication date read from the header's datelines and rows of fields."""
from __future__ import annotations

import datetime as dt
import re

from ..block import Block
from ..features import is_date_line, is_name_like
from ..meta import mentions_month, parse_date, without_lunar_date
from ..page import Page
from .rows import MAX_DATELINE_WORDS, MAX_SEGMENTED_LINE_WORDS, SEGMENT_EDGES, date_languages, segments


# dateparser costs milliseconds a call: read at most this many datelines per page.
MAX_DATELINE_TRIES = 3
# "Publié le 02/07/2025 à 06h00, mis à jour le 03/07/2025 à 09h15": a labelled
# dateline may run longer than a bare one.
MAX_PUBLISHED_LINE_WORDS = 18


def published_date(page: Page, zone: list[int]) -> dt.date | None:
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
        page.date_languages = date_languages(page)
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
        and not is_name_like(before.strip(SEGMENT_EDGES + ","))
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
        page.date_languages = date_languages(page)
    return parse_date(text, textual=True, languages=tuple(dict.fromkeys((*page.date_languages, label_language))))


_BYLINE_HITS = frozenset({"byline_prefix", "byline_suffix"})


def _segmented_row(block: Block) -> bool:
    """An unlabelled header row of several fields set apart by separators."""
    return block.hit is None and len(segments(block.text)) >= MIN_ROW_FIELDS


# A row of fields has a date and at least one more (a byline, a credit, a reading time).
MIN_ROW_FIELDS = 2


def _date_in_segments(page: Page, text: str) -> tuple[dt.date | None, int]:
    """The publication date in a part of a byline row that names a month or holds a
    numeric date, and how many parts were read with month names (the slow way).
    What follows an update label ("Actualizado: …") is not the publication date."""
    tried = 0
    for part in segments(text):
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
            page.date_languages = date_languages(page)
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
