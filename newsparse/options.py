"""Options: the few switches a caller may set, each with why it has its default."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Options:
    """Settings for :func:`newsparse.parse`; the defaults suit scraped news pages."""

    max_input_bytes: int = 50_000_000
    """Larger inputs raise ``InputTooLarge``: 50 MB is far above any real article page
    (the Zyte benchmark's largest is under 2 MB) and keeps one bad file from eating memory."""
    disabled_passes: tuple[str, ...] = ()
    """Classifier passes to skip by name (see ``newsparse.classify.PASSES``); for debugging."""
    encoding: str | None = None
    """The caller's encoding for bytes input, tried after a BOM and before ``<meta charset>``."""
