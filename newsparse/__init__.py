"""newsparse: split a scraped news page into its article, related blurbs, reactions,
images and the noise around them, in any language.

>>> import newsparse
>>> doc = newsparse.parse(open("page.html", "rb").read())   # doctest: +SKIP
>>> doc.main.title, doc.main.language, len(doc.related)      # doctest: +SKIP
"""
from .api import parse, parse_many
from .errors import (
    BinaryInput,
    EmptyInput,
    InputTooLarge,
    NotAFile,
    ParseError,
    UndecodableInput,
    UnsupportedInput,
)
from .model import Document, Image, Main, Noise, NoiseKind, Related, Section, Source
from .options import Options

__version__ = "0.1.0"

__all__ = [
    "parse",
    "parse_many",
    "Options",
    "Document",
    "Main",
    "Related",
    "Section",
    "Image",
    "Noise",
    "NoiseKind",
    "Source",
    "ParseError",
    "EmptyInput",
    "BinaryInput",
    "UndecodableInput",
    "InputTooLarge",
    "NotAFile",
    "UnsupportedInput",
    "__version__",
]
