"""The internal currency: a ``Block`` is one piece of visible text (a line, a paragraph,
an image's alt text), with the structural facts later stages judge it by.

Every field is declared here; stages fill ``label``, ``kind``, ``reason`` and
``section`` and never add attributes (``slots=True`` makes a typo fail).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from .model import NoiseKind


class Label(StrEnum):
    """Where a block ends up."""

    UNKNOWN = "unknown"
    TITLE = "title"
    MAIN = "main"
    RELATED_TITLE = "related_title"
    RELATED_SUMMARY = "related_summary"
    WPS_HEADING = "wps_heading"
    WPS_TEXT = "wps_text"
    IMAGE = "image"  # alt text of an image (a text-dump line, or <img alt>)
    CAPTION = "caption"  # a caption of the previous image
    NOISE = "noise"


@dataclass(slots=True)
class Block:
    """One piece of visible text and its structural context."""

    index: int
    """Position in reading order."""
    text: str
    """The visible text, whitespace collapsed."""
    tag: str = "line"
    """HTML tag of the element that holds the text; "line" in a text dump; "img" for alt text."""
    path: str = ""
    """Readable ancestor path (``article>div.body>p``), for reasons and debugging."""
    ancestors: tuple[int, ...] = ()
    """Ids of the enclosing elements, outermost first (text dumps: the blank-line group)."""
    landmarks: frozenset[str] = frozenset()
    """Enclosing landmark tags and class hints (nav, header, footer, aside, article, form...)."""
    heading: int = 0
    """Heading level 1-6 for <h1>-<h6>; 0 otherwise."""
    link_chars: int = 0
    """Characters of the text that sit inside links."""
    src: str | None = None
    """Image source URL (image blocks only)."""
    time: str | None = None
    """The ``datetime`` attribute of a <time> element inside the block."""
    href: str | None = None
    """HTML: the target of the first link inside the block."""
    blank_before: bool = True
    """Text dumps: a blank line (or the start) precedes this line."""
    lang: str | None = None
    """The nearest ``lang`` attribute (HTML)."""
    lead: str = ""
    """HTML: bold text that opens the block ("<b>Nam</b> Giá vé..."), if any."""
    hit: str | None = None
    """The lexicon kind this block matched, if any."""
    hit_language: str | None = None
    """The language of the lexicon phrase that matched."""
    label: Label = Label.UNKNOWN
    kind: NoiseKind | None = None
    reason: str = ""
    section: int | None = None
    """Index in ``Page.sections`` of the section this block belongs to."""
    item: int | None = None
    """HTML: id of the repeated element (li, card) holding the block inside a section."""

    word_total: int = -1
    """Cache of :attr:`words` (texts do not change once cut)."""

    @property
    def words(self) -> int:
        """Number of words (CJK characters count as half a word each)."""
        if self.word_total < 0:
            self.word_total = word_count(self.text)
        return self.word_total

    @property
    def link_density(self) -> float:
        """Share of the text inside links."""
        return self.link_chars / max(1, len(self.text))

    def drop(self, kind: NoiseKind, reason: str) -> None:
        """Mark the block as noise of ``kind``, for ``reason``."""
        self.label = Label.NOISE
        self.kind = kind
        self.reason = reason


def is_cjk(ch: str) -> bool:
    """Is ``ch`` a CJK ideograph, kana, Hangul syllable or Thai letter (scripts without spaces)?
    (False for an empty string: callers pass ``text[:1]``.)"""
    if not ch:
        return False
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3040 <= cp <= 0x30FF
        or 0xAC00 <= cp <= 0xD7AF
        or 0x3400 <= cp <= 0x4DBF
        or 0x0E00 <= cp <= 0x0E7F
        or 0xF900 <= cp <= 0xFAFF
    )


_CJK = re.compile("[\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af\u3400-\u4dbf\u0e00-\u0e7f\uf900-\ufaff]")


# letters of the scripts without spaces, without Thai vowel and tone marks (they sit on
# a consonant: counting them would make Thai text look a third longer than it reads)
_SPACELESS_LETTER = re.compile(
    "[\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af\u3400-\u4dbf\u0e01-\u0e30\u0e32\u0e33\u0e3f-\u0e46\u0e4f-\u0e7f\uf900-\ufaff]"
)


def word_count(text: str) -> int:
    """Words, with runs of CJK counted at one word per two characters (a rough equivalence)."""
    if text.isascii() or _CJK.search(text) is None:
        return len(text.split())
    latin = sum(1 for token in text.split() if not _CJK.search(token))
    return latin + (len(_SPACELESS_LETTER.findall(text)) + 1) // 2


def ends_sentence_mark(text: str) -> bool:
    """Does ``text`` end with a full stop, question or exclamation mark (any script)?
    (Unlike ``features.ends_sentence``, a closing quote or bracket does not count.)"""
    return text.rstrip().endswith((".", "!", "?", "。", "！", "？", "؟", "।"))


def cjk_count(text: str) -> int:
    """Characters of scripts written without spaces (CJK, kana, Hangul, Thai)."""
    if text.isascii():
        return 0
    return len(_CJK.findall(text))
