"""The state the classification passes share: the blocks, the element table, and what
the passes found (title, dates, sections, images, related items)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from .block import Block
from .html_blocks import Node
from .lexicon import Lexicon
from .meta import HeadMeta

SectionKind = Literal["related", "people_say", "comments", "trending"]


@dataclass(slots=True)
class SectionSpan:
    """A section of the page: its heading block (if any), its kind, and its member blocks."""

    heading: int | None
    kind: SectionKind
    members: list[int] = field(default_factory=list)
    container: int | None = None
    """HTML: the element that holds the section."""


@dataclass(slots=True)
class ImageRecord:
    """An image: the block of its description, its caption blocks, and the AI flag."""

    block: int
    caption: str | None = None
    alt: str | None = None
    ai_generated: bool = False


@dataclass(slots=True)
class RelatedRecord:
    """One related blurb: block indices of its title and summary."""

    title: int | None
    summary: list[int]
    date: int | None = None
    """The block that dates the item (its date line, or a block holding a <time>)."""


@dataclass(slots=True)
class Page:
    """Everything the passes read and write, in one typed place."""

    blocks: list[Block]
    nodes: dict[int, Node]
    format: Literal["html", "text"]
    lexicon: Lexicon
    head: HeadMeta
    title: int | None = None
    published: dt.date | None = None
    authors: list[str] = field(default_factory=list)
    sections: list[SectionSpan] = field(default_factory=list)
    images: list[ImageRecord] = field(default_factory=list)
    related: list[RelatedRecord] = field(default_factory=list)
    people_say: list[SectionSpan] = field(default_factory=list)
    """The people-say / comments sections whose blocks were kept as ``what_people_say``."""
    main_container: int | None = None
    """HTML: the element holding the main text."""
    main_start: int | None = None
    """Index of the first main paragraph; blocks before it form the header zone."""
    date_languages: tuple[str, ...] = ()
    """Languages whose month names datelines are read in."""
    text_script: str | None = None
    """The script most of the main text is written in (set by the header pass)."""
    extra_noise: list[tuple[int, str, str, str]] = field(default_factory=list)
    """Noise carved out of a kept block: (block index, text, kind, reason)."""
    subtree_chars: dict[int, int] = field(default_factory=dict)
    """HTML: characters of text under each element."""
    subtree_span: dict[int, tuple[int, int]] = field(default_factory=dict)
    """HTML: first and last block index under each element."""
