"""The one error tree newsparse raises for bad input.

::

    ParseError                 base class: catch this one
     ├── EmptyInput            nothing but whitespace (or zero bytes)
     ├── BinaryInput           a PDF, image, archive or other non-text bytes
     ├── UndecodableInput      bytes that no text encoding explains
     ├── InputTooLarge         bigger than Options.max_input_bytes
     ├── NotAFile              a path that is missing or is a directory
     └── UnsupportedInput      a value of a type newsparse cannot read
          └── NotAnIterableOfPages   parse_many() given one page (also a TypeError)

Every message says what was wrong and what to do, in one line.
"""
from __future__ import annotations


class ParseError(ValueError):
    """Raised when a page cannot be parsed; the message says why, in one line."""

    def __str__(self) -> str:
        # one line even when the message quotes a file name or a dependency's error with newlines
        return " ".join(super().__str__().split())


class EmptyInput(ParseError):
    """The input holds no text at all (empty, or whitespace only)."""


class BinaryInput(ParseError):
    """The input is binary data (PDF, image, archive...), not a web page."""


class UndecodableInput(ParseError):
    """The input bytes could not be decoded as text."""


class InputTooLarge(ParseError):
    """The input is larger than the configured limit."""


class NotAFile(ParseError):
    """A path was given that does not exist or is not a regular file."""


class UnsupportedInput(ParseError):
    """The source is of a type newsparse does not accept."""


class NotAnIterableOfPages(UnsupportedInput, TypeError):
    """``parse_many()`` was given one page (a str, bytes, path...) instead of an iterable
    of pages; a str would otherwise be parsed one character at a time."""


__all__ = [
    "ParseError",
    "EmptyInput",
    "BinaryInput",
    "UndecodableInput",
    "InputTooLarge",
    "NotAFile",
    "UnsupportedInput",
    "NotAnIterableOfPages",
]
