"""Stage 1, decode: any accepted source -> ``Raw`` (text, format, encoding, url).

Accepted sources: ``str`` (HTML or a text dump), ``bytes`` (any encoding),
``os.PathLike`` (a file), or a ``bs4.BeautifulSoup`` object (serialised back to
HTML once; BeautifulSoup itself is never needed). A ``str`` is never treated as a
path and nothing is ever fetched from the network.

Encoding priority for bytes (``Raw.encoding_step`` records which step chose):
BOM > caller's ``encoding=`` > ``<meta charset>`` / XML declaration > UTF-8 >
charset-normalizer's guess > UTF-8 with replacement characters. A declared charset
is checked for plausibility: when it does not decode the bytes, or decodes them to
mojibake while UTF-8 or another encoding reads them cleanly, that one wins (stale
``<meta>`` tags in copied templates are common). UTF-16 without a BOM is recognised
by its zero bytes. Windows-1258 text is NFC-normalised (it stores Vietnamese tone
marks as combining characters).
"""
from __future__ import annotations

import codecs
import os
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from .errors import BinaryInput, EmptyInput, InputTooLarge, NotAFile, UnsupportedInput

Format = Literal["html", "text"]


@dataclass(frozen=True, slots=True)
class Raw:
    """The decoded input, ready to be cut into blocks."""

    text: str
    format: Format
    encoding: str | None
    encoding_step: str
    url: str | None = None


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# magic numbers of common binary formats a scraper may save by mistake
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"BZh", "bzip2-compressed data (decompress it first)"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
    (b"\x00\x00\x01\x00", "an icon file"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
)
# Share of control bytes above which the input counts as binary (see _reject_binary).
_MAX_CONTROL_SHARE = 0.03
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)|<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_\-.]+)""",
    re.IGNORECASE,
)
_HTML_SNIFF = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:div|p|article|main|section|span|a|h[1-6]|meta|title|table|ul|script)[\s>/]",
    re.IGNORECASE,
)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")


def read(
    source: object,
    *,
    url: str | None = None,
    format: str = "auto",
    encoding: str | None = None,
    max_bytes: int = 50_000_000,
) -> Raw:
    """Turn any accepted ``source`` into a :class:`Raw`; raise a ``ParseError`` subclass if it is no page."""
    if format not in ("auto", "html", "text"):
        raise UnsupportedInput(f"format must be 'auto', 'html' or 'text', not {format!r}")
    text, used, step = _to_text(source, encoding=encoding, max_bytes=max_bytes)
    text = _clean(text)
    if not text.strip():
        raise EmptyInput("the page is empty (no text at all); check that the scraper saved the page body")
    chosen: Format = _sniff(text) if format == "auto" else format  # type: ignore[assignment]
    return Raw(text=text, format=chosen, encoding=used, encoding_step=step, url=url)


def _to_text(source: object, *, encoding: str | None, max_bytes: int) -> tuple[str, str | None, str]:
    if isinstance(source, str):
        _check_str_size(source, max_bytes)
        return source, None, "str"
    if isinstance(source, (bytes, bytearray, memoryview)):
        return decode(bytes(source), encoding=encoding, max_bytes=max_bytes)
    if isinstance(source, os.PathLike):
        return decode(_read_file(os.fspath(source), max_bytes), encoding=encoding, max_bytes=max_bytes)
    if type(source).__module__.startswith("bs4"):
        # a BeautifulSoup object: its HTML once, then our own (faster) parser
        html = str(source)
        _check_str_size(html, max_bytes)
        return html, None, "BeautifulSoup"
    raise UnsupportedInput(
        f"cannot parse a {type(source).__name__}; pass HTML or text as str, bytes, "
        "a pathlib.Path, or a BeautifulSoup object"
    )


def _check_str_size(text: str, max_bytes: int) -> None:
    """A str is held to the byte limit by its UTF-8 size, like the same page as bytes."""
    if len(text) > max_bytes:
        raise InputTooLarge(f"the page has {len(text):,} characters, over the limit of {max_bytes:,} bytes")
    if len(text) * 4 <= max_bytes or text.isascii():
        return
    # counted in slices: encoding a 50 MB page at once would double its memory
    step = 1 << 20
    size = sum(len(text[i : i + step].encode("utf-8", "surrogatepass")) for i in range(0, len(text), step))
    if size > max_bytes:
        raise InputTooLarge(f"the page is {size:,} bytes as UTF-8, over the limit of {max_bytes:,}")


def _read_file(path: str | bytes, max_bytes: int) -> bytes:
    name = os.fsdecode(path)
    if os.path.isdir(path):
        raise NotAFile(f"{name} is a directory; pass a file (or use `newsparse batch` for folders)")
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise InputTooLarge(f"{name} is {size:,} bytes, over the limit of {max_bytes:,}")
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise NotAFile(f"{name} does not exist") from None
    except IsADirectoryError:
        raise NotAFile(f"{name} is a directory; pass a file") from None
    except PermissionError:
        raise NotAFile(f"{name} cannot be read (permission denied)") from None
    except OSError as error:
        raise NotAFile(f"{name} cannot be read: {error.strerror or error}") from None


def decode(data: bytes, *, encoding: str | None = None, max_bytes: int = 50_000_000) -> tuple[str, str, str]:
    """Decode page bytes by the documented priority; return (text, encoding, step)."""
    text, name, step = _decode(data, encoding=encoding, max_bytes=max_bytes)
    if name == "cp1258":
        # windows-1258 keeps Vietnamese tone marks as combining characters: NFC gives the
        # precomposed text that the same page in UTF-8 (or any other encoding) has
        text = unicodedata.normalize("NFC", text)
    return text, name, step


def _decode(data: bytes, *, encoding: str | None, max_bytes: int) -> tuple[str, str, str]:
    if len(data) > max_bytes:
        raise InputTooLarge(f"the page is {len(data):,} bytes, over the limit of {max_bytes:,}")
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data, max_bytes)
    if not data.strip():
        raise EmptyInput("the page is empty (no bytes, or whitespace only)")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace").lstrip("\ufeff"), name.replace("-sig", ""), "bom"
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    _reject_binary(data)
    caller = _text_codec(encoding) if encoding else None  # also maps WHATWG labels ("windows-874")
    if encoding and caller:
        text = _try_decode(data, caller)
        if text is not None:
            return text, _canonical(encoding), "caller"
    declared = _declared_charset(data[:4096])
    if declared:
        declared = _browser_encoding(declared)
        text = _try_decode(data, declared)
        if text is not None:
            # a stale <meta charset> (copied template, re-saved file) decodes without error
            # but to mojibake: another reading that is clearly better wins
            return _better_than_declared(data, declared, text) or (text, _canonical(declared), "declared")
    try:
        text = data.decode("utf-8")
        return text, "utf-8", "utf-8"
    except UnicodeDecodeError:
        pass
    guessed = _guess(data)
    if guessed:
        text = _try_decode(data, guessed)
        if text is not None:
            return text, _canonical(guessed), "detected"
    return data.decode("utf-8", errors="replace"), "utf-8", "fallback"


def _utf16_without_bom(data: bytes) -> tuple[str, str, str] | None:
    """UTF-16 saved without a BOM: markup and spaces put a zero in every other byte."""
    head = data[:8192]
    pairs = len(head) // 2
    if pairs < 8 or len(data) % 2 or 0 not in head:
        return None
    even, odd = head[0 : 2 * pairs : 2].count(0), head[1 : 2 * pairs : 2].count(0)
    for zeros, others, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= pairs * 0.1 and others <= zeros / 5:
            text = _try_decode(data, name)
            if text is not None and not _C0.search(text, 0, 4096):
                return text, name, "utf-16"
    return None


_C0 = re.compile("[\x00-\x08\x0e-\x1f]")


_MARKUP = re.compile(rb"<[^<>]*>")
# How much better another reading must score than the declared one to replace it
# (charset-normalizer's scores: mess 0 = clean text; coherence 1 = letters follow a language).
_MESS_MARGIN = 0.02
_COHERENCE_MARGIN = 0.2


def _better_than_declared(data: bytes, declared: str, text: str) -> tuple[str, str, str] | None:
    """Another decoding when the declared charset gives mojibake; None to keep the declared one."""
    if text.isascii() or _canonical(declared) == "utf-8":
        return None
    try:
        # non-ASCII bytes that form valid UTF-8 are UTF-8: legacy text never does by chance
        return data.decode("utf-8"), "utf-8", "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported lazily: costs ~50 ms

    # score visible text only: markup is ASCII in every candidate and dilutes the scores
    sample = _MARKUP.sub(b" ", data[:200_000])
    best = from_bytes(sample, preemptive_behaviour=False).best()
    if best is None:
        return None
    theirs = str(best)
    mine = sample.decode(declared, errors="replace")
    if theirs == mine:
        return None
    (my_mess, my_coherence), (their_mess, their_coherence) = _scores(mine), _scores(theirs)
    clearer = their_mess + _MESS_MARGIN < my_mess
    more_coherent = their_mess <= my_mess and their_coherence >= my_coherence + _COHERENCE_MARGIN
    if not (clearer or more_coherent):
        return None
    guessed = str(best.encoding)
    decoded = _try_decode(data, guessed)
    return None if decoded is None else (decoded, _canonical(guessed), "detected")


def _scores(text: str) -> tuple[float, float]:
    """(mess, coherence) of a text sample, by charset-normalizer's measures."""
    from charset_normalizer.cd import coherence_ratio
    from charset_normalizer.md import mess_ratio

    sample = " ".join(text[:20_000].split())
    languages = coherence_ratio(sample)
    return mess_ratio(sample, 1.0), languages[0][1] if languages else 0.0


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    """Gzip-compressed pages (``.html.gz``, undecoded HTTP bodies) are decompressed, within the size limit."""
    import zlib

    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as error:
        raise BinaryInput(f"the input looks gzip-compressed but does not decompress ({error})") from None
    if len(out) > max_bytes:
        raise InputTooLarge(f"the page decompresses to over {max_bytes:,} bytes")
    return out


def _reject_binary(data: bytes) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInput(f"the input is {what}, not a web page or text dump")
    head = data[:8192]
    # Text (in any 8-bit or multibyte encoding) has almost no C0 control bytes besides
    # tab/newline/CR/FF; binary data has about 10% of them. A few stray NULs in a page
    # are hostile HTML, not binary, so the bar is a share, not one byte.
    controls = sum(1 for b in head if b < 9 or 13 < b < 32 and b != 27)
    if controls > len(head) * _MAX_CONTROL_SHARE + 4:
        raise BinaryInput("the input looks like binary data (many control bytes), not a web page or text dump")


def _declared_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    if not match:
        return None
    name = _text_codec((match.group(1) or match.group(2) or b"").decode("ascii", "ignore"))
    if name is None:
        return None
    # a page that declares utf-16 but reached us as 8-bit bytes cannot be utf-16
    return None if codecs.lookup(name).name.startswith(("utf-16", "utf-32")) else name


# Python codecs no page is written in: they rewrite text (unicode_escape turns "\\x41" into
# "A"), fail on every byte ("undefined"), or are banned from the web (utf-7)
_NOT_PAGE_CODECS = frozenset({"undefined", "unicode-escape", "raw-unicode-escape", "charmap", "idna", "punycode", "utf-7"})


def _text_codec(label: str) -> str | None:
    """The Python codec for a charset label, or None when it names no page encoding."""
    name = label.strip().lower()
    name = _UNKNOWN_TO_PYTHON.get(name, name)
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_CODECS:
        return None  # base64, rot13, zlib... and the codecs above
    return name


def _try_decode(data: bytes, name: str) -> str | None:
    try:
        return data.decode(name)
    except (UnicodeError, LookupError):  # UnicodeError: some codecs raise its base class
        return None


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported lazily: costs ~50 ms

    best = from_bytes(data[:200_000]).best()
    return None if best is None else str(best.encoding)


def _canonical(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name.lower()


# Labels pages use that Python's codecs do not know by that name.
_UNKNOWN_TO_PYTHON = {"windows-874": "cp874", "x-sjis": "shift_jis", "x-euc-jp": "euc_jp", "x-mac-roman": "mac_roman"}
# Labels that browsers (the WHATWG Encoding Standard) read as a superset encoding:
# pages declaring "iso-8859-1" are written in windows-1252 in practice, and so on.
_BROWSER_ALIASES = {
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "euc_kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "big5": "big5hkscs",
}


def _browser_encoding(name: str) -> str:
    return _BROWSER_ALIASES.get(_canonical(name), name)


def _clean(text: str) -> str:
    """Normalise line endings and drop characters no page should carry (NUL, lone surrogates)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.lstrip("\ufeff")
    if "\x00" in text:
        text = text.replace("\x00", "")
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        # lone surrogates (str input only) become U+FFFD, as a decoder would make them, not "?"
        text = _SURROGATE.sub("\ufffd", text)
        data = text.encode("utf-8")
    # other C0/C1 control characters are invisible, yet would end up inside words and the JSON.
    # (Looked for in the UTF-8 bytes: deleting bytes and a literal-led regex run at memory
    # speed, a character-class scan of the str costs ~0.35 ms on a news page.)
    if len(data.translate(None, _C0_BYTES)) != len(data) or _C1_BYTES.search(data) is not None:
        text = _CONTROLS.sub("", text)
    return text


_CONTROLS = re.compile("[\x01-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")
_C0_BYTES = bytes([*range(0x01, 0x09), *range(0x0E, 0x20), 0x7F])
_C1_BYTES = re.compile(rb"\xc2[\x80-\x84\x86-\x9f]")  # U+0080-U+009F in UTF-8
_SURROGATE = re.compile("[\ud800-\udfff]")


def _sniff(text: str) -> Format:
    """HTML when the start looks like markup or tags are dense; a text dump otherwise.
    Markdown with a few raw tags in it (pandoc keeps ``<div>`` wrappers) is a dump: its
    Markdown links and headings outnumber its tags, and it has no document element."""
    head = text[:4096]
    tags = len(_TAG.findall(head))
    if _DOCUMENT.search(head) is None and _markdown_with_wrappers(head, tags):
        return "text"
    if head.lstrip()[:1] == "<" and _HTML_SNIFF.search(head):
        return "html"
    return "html" if tags >= 5 and _HTML_SNIFF.search(head) else "text"


def _markdown_with_wrappers(head: str, tags: int) -> bool:
    """Markdown marks outnumber the tags, or every tag stands on a line of its own (the
    ``<div>`` wrappers pandoc keeps): HTML sets its text inside its tags."""
    marks = len(_MARKDOWN_MARKS.findall(_CODE_BLOCKS.sub("", head)))  # (not a shell's "# " in <pre>)
    if marks < MIN_MARKDOWN_MARKS:
        return False
    if marks >= tags:
        return True
    tagged = [line for line in head.splitlines() if "<" in line and _TAG.search(line)]
    return all(_TAGS_ONLY.fullmatch(line) for line in tagged)


_CODE_BLOCKS = re.compile(r"<(pre|code)\b.*?</\1>", re.IGNORECASE | re.DOTALL)
# A start with this many Markdown links or headings may be Markdown with some HTML in it.
MIN_MARKDOWN_MARKS = 3
_TAGS_ONLY = re.compile(r"\s*(?:</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>\s*)+")
_DOCUMENT = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
# Markdown links ("[News](/news)"), pictures and ATX headings ("## Why it matters").
_MARKDOWN_MARKS = re.compile(r"\]\([^()\s]+\)|^ {0,3}#{1,6} \S", re.MULTILINE)
