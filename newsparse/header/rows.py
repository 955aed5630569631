"""What datelines and bylines share: a row's segments, its dates stripped, the
languages to read month names in."""
from __future__ import annotations

import re

from ..block import Label
from ..langid import detect
from ..page import Page


# A dateline is short: a line with a date and at most this many words.
MAX_DATELINE_WORDS = 10
_TIME = re.compile(r"\b\d{1,2}[:h]\d{2}\b|\b\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?|\b\d{1,2}[-./]\d{1,2}[-./]\d{4}\b")
_JOINERS = re.compile(r"^[\s·|•,–—-]+|[\s·|•,–—-]+$")


def date_languages(page: Page) -> tuple[str, ...]:
    """Languages to read month names in: the page's declared one and the article's."""
    sample = " ".join(b.text for b in page.blocks if b.label is Label.MAIN)[:600]
    chrome = " ".join(b.text for b in page.blocks if b.label is Label.NOISE)[:600]
    found = [page.head.language, detect(sample), detect(chrome)]
    return tuple(dict.fromkeys(code for code in found if code))


# A header row joining byline, place, source and date ("NAME 기자 · 2025년 7월 21일",
# "Redacción: NAME | Bilbao | Domingo, 16 de marzo de 2025") is at most this many words
# (a longer line is a sentence that merely opens like a byline).
MAX_SEGMENTED_LINE_WORDS = 20
# Its parts are set apart by a bar, a dot, a bullet, a semicolon or a wide gap ...
_SEGMENT = re.compile(r"\s[|·•｜—–]\s|[|｜•;；]|\s{2,}")


def segments(text: str) -> list[str]:
    # (a part may keep a separator that was next to a cut-out number: "18h30 · Texto: …")
    parts = (part.strip(SEGMENT_EDGES) for part in _SEGMENT.split(text) if part)
    return [part for part in parts if part]


SEGMENT_EDGES = " ·•|｜—–"


def strip_dates(text: str) -> str:
    return _JOINERS.sub("", _TIME.sub(" ", text)).strip()
