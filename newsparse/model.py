"""The public result model: a parsed page and its parts.

All types are frozen dataclasses made of plain Python values, so a ``Document``
pickles (multiprocessing, Dask) and compares by value. ``to_dict()`` gives exactly
the JSON shape of SPEC.md; ``to_json()`` serialises it deterministically.
"""
from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

Published = _dt.date | _dt.datetime | None


class NoiseKind(StrEnum):
    """Why a piece of text was dropped; kept deliberately few."""

    COOKIE_BANNER = "cookie_banner"
    AI_LABEL = "ai_label"
    SECTION_HEADING = "section_heading"
    NAVIGATION = "navigation"
    SHARE = "share"
    ADVERTISEMENT = "advertisement"
    SUBSCRIPTION = "subscription"
    FOOTER = "footer"
    BYLINE_UI = "byline_ui"
    COMMENT_UI = "comment_ui"
    IMAGE_CREDIT = "image_credit"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Main:
    """The article itself."""

    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    language: str | None = None
    published: Published = None
    authors: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The paragraphs joined by a blank line."""
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class Related:
    """One "related articles" blurb."""

    summary: str
    title: str | None = None
    language: str | None = None
    url: str | None = None
    published: Published = None


@dataclass(frozen=True, slots=True)
class Section:
    """The "what people say" part: a reactions summary, or reader comments joined by newlines."""

    text: str
    heading: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Image:
    """An image kept as metadata."""

    alt: str | None = None
    caption: str | None = None
    src: str | None = None
    ai_generated: bool = False


@dataclass(frozen=True, slots=True)
class Noise:
    """A piece of dropped text, with what it was and why it was dropped."""

    text: str
    kind: NoiseKind = NoiseKind.OTHER
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Source:
    """How the input was read."""

    format: str = "text"
    url: str | None = None
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed page: the article, the parts around it, and the noise dropped."""

    main: Main = field(default_factory=Main)
    related: list[Related] = field(default_factory=list)
    what_people_say: Section | None = None
    images: list[Image] = field(default_factory=list)
    noise: list[Noise] = field(default_factory=list)
    ui_language: str | None = None
    source: Source = field(default_factory=Source)

    def to_dict(self) -> dict[str, Any]:
        """A plain, JSON-ready dict with exactly the names of SPEC.md."""
        main = self.main
        return {
            "ui_language": self.ui_language,
            "main": {
                "title": main.title,
                "text": main.text,
                "paragraphs": list(main.paragraphs),
                "language": main.language,
                "published": _date_str(main.published),
                "authors": list(main.authors),
            },
            "related": [
                {
                    "title": r.title,
                    "summary": r.summary,
                    "language": r.language,
                    "url": r.url,
                    "published": _date_str(r.published),
                }
                for r in self.related
            ],
            "what_people_say": None
            if self.what_people_say is None
            else {
                "heading": self.what_people_say.heading,
                "text": self.what_people_say.text,
                "language": self.what_people_say.language,
            },
            "images": [
                {"alt": i.alt, "caption": i.caption, "src": i.src, "ai_generated": i.ai_generated}
                for i in self.images
            ],
            "noise": [{"text": n.text, "kind": str(n.kind), "reason": n.reason} for n in self.noise],
            "source": {
                "format": self.source.format,
                "url": self.source.url,
                "encoding": self.source.encoding,
            },
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The ``to_dict()`` shape as JSON text; byte-identical for the same input."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def _date_str(value: Published) -> str | None:
    if value is None:
        return None
    return value.isoformat()


__all__ = ["Document", "Main", "Related", "Section", "Image", "Noise", "NoiseKind", "Source"]
