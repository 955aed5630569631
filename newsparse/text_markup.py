"""Markdown in a text dump: whether a dump is Markdown, and what one of its lines shows.

Pages converted for search indexes and LLM pipelines (html2text, markdownify, Jina
Reader, Firecrawl, pandoc) come as Markdown: ``# `` headings, ``[text](url)`` links,
``![alt](src)`` images, ``**bold**``, bullets, ``* * *`` rules. The markup is the tool's,
not the page's words: a line is read here into what a reader of the rendered page sees
(its text, its heading level, its links, its picture), for ``text_blocks`` to cut.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .features import ends_sentence
from .meta import HeadMeta, parse_date, utc_timestamp

# ATX headings ("## Why growers teamed up", optional closing hashes).
_ATX = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
# Setext underlines ("Title" / "=====", "Subtitle" / "-----").
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
# Thematic breaks: three or more *, - or _ (spaces between allowed): markup, no words.
_RULE = re.compile(r"^ {0,3}([*_-])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
# A table's header separator row ("|---|:---:|").
_TABLE_RULE = re.compile(r"^ *\|?(?: *:?-{2,}:? *\|)+ *:?-*:? *\|? *$")
# List markers ("  * ", "- ", "+ ") and block quotes ("> "). A number opening a line
# ("3. ", "3) ") marks a list item only in a run of numbered lines: "11. Februar 2025"
# alone is a German dateline.
_BULLET = re.compile(r"^[ \t]*[*+-][ \t]+")
_NUMBERED = re.compile(r"^[ \t]*(\d{1,3})[.)][ \t]+")
_BLOCKQUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
# Images, linked images and links; a title in quotes may follow the address.
# (possessive spaces: a run of blanks is read once, not retried at every split point)
_ADDRESS = r"\([ \t]*+<?([^()\s>]*+(?:\([^()\s]*\)[^()\s>]*+)*+)>?(?:[ \t]++(?:\"[^\"\n]*\"|'[^'\n]*'))?[ \t]*+\)"
_IMAGE = re.compile(r"!\[((?:[^\[\]\\]|\\.)*)\]" + _ADDRESS)
_LINKED_IMAGE = re.compile(r"\[\s*(!\[(?:[^\[\]\\]|\\.)*\]" + _ADDRESS + r")\s*\]" + _ADDRESS)
# A link whose words open with a picture: a teaser card (Firecrawl, Jina).
_IMAGE_LED_LINK = re.compile(r"\[\s*(!\[(?:[^\[\]\\]|\\.)*\]" + _ADDRESS + r")((?:[^\[\]\\]|\\.)*)\]" + _ADDRESS)
_LINK = re.compile(r"(?<!!)\[((?:[^\[\]\\]|\\.)+)\]" + _ADDRESS)
_REFERENCE_LINK = re.compile(r"(?<!!)\[((?:[^\[\]\\]|\\.)+)\]\[[^\]]*\]")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+")
# Jina Reader numbers the pictures in their alt text ("Image 3: Firefighters at…"): its count.
_JINA_IMAGE_NUMBER = re.compile(r"^\s*Image \d+(?::\s*|\s*$)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
# Emphasis: **strong**, __strong__, *em*, _em_ (an underscore only at word edges:
# snake_case and URLs keep theirs), ~~struck~~, `code`. (A span holds no marker of its
# own kind, so that a line of stray markers is read in one pass, not one per marker.)
_STRONG = re.compile(r"\*\*(?=\S)((?:[^*]|\*(?!\*))+?)(?<=\S)\*\*|__(?=\S)((?:[^_]|_(?!_))+?)(?<=\S)__")
_STAR_EM = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![*\w])")
_UNDERSCORE_EM = re.compile(r"(?<![\w_])_(?=[^\s_])([^_]+?)(?<=[^\s_])_(?![\w_])")
_STRUCK = re.compile(r"~~(?=\S)([^~]+?)(?<=\S)~~")
_CODE = re.compile(r"`([^`]+)`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")

# A dump is Markdown when it holds this many links and images together ...
MIN_MARKDOWN_LINKS = 3
# ... or a heading line and at least one other kind of Markdown markup (plain dumps
# have "#" in hashtags, not "# " opening a line next to links or **bold**).
MIN_MARKDOWN_SIGNS = 2
_SIGNS = {
    "heading": re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE),
    "image": _IMAGE,
    "link": _LINK,
    "strong": re.compile(r"\*\*(?=\S)[^*\n]+?(?<=\S)\*\*|__(?=\S)[^_\n]+?(?<=\S)__"),
    "rule": re.compile(_RULE.pattern, re.MULTILINE),
}


def is_markdown(text: str) -> bool:
    """Is this dump Markdown (links and images, or headings beside other markup)?"""
    if len(_LINK.findall(text)) + len(_IMAGE.findall(text)) >= MIN_MARKDOWN_LINKS:
        return True
    if _SIGNS["heading"].search(text) is None:
        return False
    return sum(1 for sign in _SIGNS.values() if sign.search(text)) >= MIN_MARKDOWN_SIGNS


@dataclass(frozen=True, slots=True)
class Piece:
    """What a Markdown line shows: a run of text, or a picture."""

    text: str
    heading: int = 0
    image: bool = False
    src: str | None = None
    link_chars: int = 0
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a Markdown dump, read."""

    pieces: tuple[Piece, ...]
    """What the line shows (none: a rule, a fence, a table's separator row)."""
    breaks: bool = False
    """A rule: the line parts blocks like a blank line does."""


_NOTHING = Line(pieces=())
_BREAK = Line(pieces=(), breaks=True)


def read_lines(raw_lines: list[str]) -> list[Line]:
    """Each line read, as CommonMark renders it: a paragraph's lines are one text (a link
    may run over a wrapped line), given at its first line, the rest reading as nothing;
    a line ending in a hard break ("  ", "\\") ends a piece of its own, as ``<br>`` does.
    A setext heading's underline reads as nothing."""
    raw_lines = _unwrapped_addresses(raw_lines)
    lines: list[Line] = [_NOTHING] * len(raw_lines)
    kinds = [_kind(raw_lines, i) for i in range(len(raw_lines))]
    i = 0
    while i < len(raw_lines):
        kind = kinds[i]
        if kind in ("blank", "rule"):
            lines[i] = _BREAK if kind == "rule" else _NOTHING
            i += 1
            continue
        if kind not in _JOINABLE:
            if kind not in ("underline", "markup"):
                lines[i] = read_line(raw_lines[i], numbered=kind == "numbered")
            i += 1
            continue
        members = [raw_lines[i]]
        j = i + 1
        while j < len(raw_lines) and (kinds[j] in _CONTINUATIONS.get(kind, ("text",)) or raw_lines[j] == _JOINED):
            if raw_lines[j] != _JOINED:  # (a joined line's text went to the line above)
                members.append(raw_lines[j])
            j += 1
        text = _joined(members)
        underline = j < len(raw_lines) and kinds[j] == "underline" and kind == "text"
        if underline and len(text.split()) <= MAX_SETEXT_WORDS:
            level = 1 if raw_lines[j].strip()[0] == "=" else 2
            lines[i] = Line(pieces=tuple(_text_pieces(text, level)))
            i = j + 1
            continue
        lines[i] = read_line(text, numbered=kind == "numbered")
        if underline and _RULE.match(raw_lines[j]):
            lines[j] = _BREAK  # a long paragraph over "---": a rule under it, as dumps write them
            j += 1
        i = j
    return lines


# A setext heading is a heading's length; a longer paragraph over "---" is a paragraph
# over a rule, as dumps write them.
MAX_SETEXT_WORDS = 15


def _joined(members: list[str]) -> str:
    """A paragraph's lines as one text: a soft break reads as a space, a hard break (two
    spaces or a backslash ending the line; Firecrawl writes two) as a new line. A paragraph
    whose every wrapped line ends in two spaces, mid-sentence, is padding, not breaks."""
    lines: list[str] = []
    hard: list[bool] = []
    spaced: list[bool] = []  # (broken by two spaces: what a tool's padding looks like)
    for k, raw in enumerate(members):
        line = raw if k == 0 else _BLOCKQUOTE.sub("", raw, count=1)
        broken = line.endswith("  ")
        spaced.append(broken)
        line = line.strip() if k else line.rstrip()
        if line.endswith("\\"):
            broken = True
            line = (line[:-2] if line.endswith("\\\\") else line[:-1]).rstrip()
        lines.append(line)
        hard.append(broken)
    padded = len(lines) >= MIN_PADDED_LINES and all(spaced[:-1]) and not any(_ends_sentence(x) for x in lines[:-1])
    parts: list[str] = []
    for line, broken in zip(lines, hard):
        parts.append(line)
        parts.append("\n" if broken and not padded else " ")
    return "".join(parts[:-1])


# A paragraph of this many lines, each ending in two spaces and none ending a sentence, was
# padded by its tool: its lines are wrapped prose, not lines of their own.
MIN_PADDED_LINES = 3


def _ends_sentence(line: str) -> bool:
    """A line that ends a sentence or opens a list (emphasis marks aside)."""
    line = line.rstrip("*_")
    return ends_sentence(line) or line.endswith((":", "："))


# A link's address still open at the end of a line, cut after a hyphen.
_OPEN_ADDRESS = re.compile(r"\]\([^()\s]*-$")
# A line joined to the one above it (it reads as nothing).
_JOINED = "\x00"


def _unwrapped_addresses(raw_lines: list[str]) -> list[str]:
    """html2text wraps a long address at a hyphen, in a heading too ("#### [Title](https://
    www.alwaha-" / "news.com/n/87002)"): the address's lines joined back, without a space."""
    if not any(_OPEN_ADDRESS.search(line.rstrip()) for line in raw_lines):
        return raw_lines
    joined = list(raw_lines)
    for i in range(len(joined) - 1):
        if _OPEN_ADDRESS.search(joined[i].rstrip()) and joined[i + 1].strip():
            joined[i + 1] = joined[i].rstrip() + joined[i + 1].strip()
            joined[i] = _JOINED
    # (the joined text goes to the last line of the run: put it back on the first)
    for i in range(len(joined) - 1, 0, -1):
        if joined[i - 1] == _JOINED and joined[i] != _JOINED:
            j = i - 1
            while j > 0 and joined[j - 1] == _JOINED:
                j -= 1
            joined[j], joined[i] = joined[i], _JOINED
    return joined
# What may follow a line of each kind in the same paragraph: wrapped text, and in a
# quote its next quoted line.
_JOINABLE = frozenset({"text", "bullet", "numbered", "quote"})
_CONTINUATIONS = {"quote": ("text", "quote")}
_HTML_LINE = re.compile(r"^\s*(?:</?[a-zA-Z][\w-]*(?:\s[^<>]*)?/?>\s*)+$")


def _kind(raw_lines: list[str], i: int) -> str:
    """What a line opens: blank, rule, heading, bullet, numbered, quote, table,
    underline (of a setext heading), markup (a fence, raw HTML, a link definition), text."""
    raw = raw_lines[i]
    if raw == _JOINED:
        return "markup"
    if not raw.strip():
        return "blank"
    if _SETEXT.match(raw) and i and raw_lines[i - 1].strip() and not _RULE.match(raw_lines[i - 1]) and not _ATX.match(raw_lines[i - 1]):
        return "underline"
    if _RULE.match(raw):
        return "rule"
    if _ATX.match(raw):
        return "heading"
    if _FENCE.match(raw) or _TABLE_RULE.match(raw) or _REFERENCE_DEFINITION.match(raw) or _HTML_LINE.match(raw):
        return "markup"
    if _BULLET.match(raw):
        return "bullet"
    if _in_numbered_run(raw_lines, i):
        return "numbered"
    if _BLOCKQUOTE.match(raw):
        return "quote"
    stripped = raw.strip()
    if stripped.startswith("|") and stripped.endswith("|"):
        return "table"
    return "text"


def _in_numbered_run(raw_lines: list[str], i: int) -> bool:
    """Does line ``i`` carry a list number that the previous or next numbered line
    continues ("1." then "2.", blank lines between allowed)?"""
    found = _NUMBERED.match(raw_lines[i])
    if found is None:
        return False
    number = int(found.group(1))
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(raw_lines) and not raw_lines[j].strip():
            j += step
        other = _NUMBERED.match(raw_lines[j]) if 0 <= j < len(raw_lines) else None
        if other is not None and int(other.group(1)) == number + step:
            return True
    return False


def read_line(raw: str, *, numbered: bool = False) -> Line:
    """The text, heading level, links and pictures of one Markdown line (``numbered``:
    the line is an item of a numbered list, its number a marker)."""
    if _RULE.match(raw):
        return _BREAK
    if _FENCE.match(raw) or _TABLE_RULE.match(raw) or _REFERENCE_DEFINITION.match(raw):
        return _NOTHING
    heading = _ATX.match(raw)
    if heading:
        return Line(pieces=tuple(_text_pieces(heading.group(2), len(heading.group(1)))))
    marker = _NUMBERED if numbered else _BULLET
    body = _BLOCKQUOTE.sub("", marker.sub("", raw, count=1), count=1)
    if body.lstrip().startswith("|") and body.rstrip().endswith("|"):
        cells = [cell for cell in body.strip().strip("|").split("|") if cell.strip()]
        return Line(pieces=tuple(piece for cell in cells for piece in _text_pieces(cell, 0)))
    pieces: list[Piece] = []
    rest = _LINKED_IMAGE.sub(lambda m: m.group(1), _IMAGE_LED_LINK.sub(_card, body))
    at = 0
    for image in _IMAGE.finditer(rest):
        before = rest[at : image.start()]
        if before.strip():
            pieces.extend(_text_pieces(before, 0))
        alt = _JINA_IMAGE_NUMBER.sub("", _plain(image.group(1)))
        pieces.append(Piece(text=" ".join(alt.split()), image=True, src=image.group(2) or None))
        at = image.end()
    after = rest[at:]
    if after.strip() or not pieces:
        pieces.extend(_text_pieces(after, 0))
    return Line(pieces=tuple(pieces))


def _card(link: re.Match[str]) -> str:
    """A card as one link ("[![](src)\\ **Headline** \\ Summary](url)"): its picture,
    then its words as a link of their own."""
    picture, words, address = link.group(1), link.group(3), link.group(4)
    return f"{picture}\n[{words}]({address})" if words.strip(" \n\\") else picture


def _text_pieces(markup: str, heading: int) -> list[Piece]:
    """A run of text, one piece per hard break in it: links read as their words (counted,
    the first one's address kept), emphasis and escapes as the characters they show."""
    addresses: list[str] = []

    def words(link: re.Match[str]) -> str:
        addresses.append(link.group(2))
        return _LINK_OPEN + link.group(1) + _LINK_CLOSE  # (the words counted once read)

    markup = _AUTOLINK.sub(lambda m: m.group(1), _INLINE_HTML.sub("", markup))
    text = _plain(_REFERENCE_LINK.sub(lambda m: m.group(1), _LINK.sub(words, markup)))
    pieces: list[Piece] = []
    opened = 0  # links opened in the pieces so far
    inside = False  # a link's words run on from the piece above (a card's link spans its lines)
    for part in text.split("\n"):
        href = next((a for a in addresses[opened : opened + part.count(_LINK_OPEN)] if a), None)
        opened += part.count(_LINK_OPEN)
        link_chars = 0
        for token in _SENTINELS.split(part):
            if token == _LINK_OPEN or token == _LINK_CLOSE:
                inside = token == _LINK_OPEN
            elif inside:
                link_chars += len(" ".join(token.split()))
        plain = " ".join(part.replace(_LINK_OPEN, "").replace(_LINK_CLOSE, "").split())
        if plain:
            pieces.append(Piece(text=plain, heading=heading, link_chars=min(link_chars, len(plain)), href=href))
    return pieces or [Piece(text="", heading=heading)]


# A link's words between two noncharacters while the line is read, to be counted.
_LINK_OPEN, _LINK_CLOSE = "\ufdee", "\ufdef"
_SENTINELS = re.compile("([\ufdee\ufdef])")
# Raw HTML left in the Markdown ("<span class=…>", "<br/>"): tags, no words.
_INLINE_HTML = re.compile(r"</?[a-zA-Z][\w-]*(?:\s[^<>]*)?/?>")


def _plain(markup: str) -> str:
    """Markdown inline markup read as the characters it shows."""
    # escaped characters ("\\*not\\*") are set aside first: they mark nothing
    text = _ESCAPE.sub(lambda m: _SET_ASIDE[m.group(1)], markup)
    text = _CODE.sub(lambda m: m.group(1), text)
    text = _STRONG.sub(lambda m: m.group(1) or m.group(2), text)
    text = _STRUCK.sub(lambda m: m.group(1), text)
    text = _STAR_EM.sub(lambda m: m.group(1), text)
    text = _UNDERSCORE_EM.sub(lambda m: m.group(1), text)
    return _SET_BACK.sub(lambda m: _TAKEN_BACK[m.group(0)], text)


# Escaped punctuation waits as Unicode noncharacters (U+FDD0 on: never in any text)
# while emphasis is read.
_ESCAPABLE = "\\`*_{}[]()#+-.!|>~<"
_SET_ASIDE = {ch: chr(0xFDD0 + i) for i, ch in enumerate(_ESCAPABLE)}
_TAKEN_BACK = {v: k for k, v in _SET_ASIDE.items()}
_SET_BACK = re.compile("[" + "".join(_TAKEN_BACK) + "]")


# ---------------------------------------------------------------- a converter's header

# Jina Reader opens its output with fields ("Title: …", "URL Source: …", "Published Time:
# …"), ending at "Markdown Content:"; web clippers and static-site exports open with YAML
# front matter between two "---" lines. Both are the tool's record of the page, not the
# page's text: at most this many lines long.
MAX_HEADER_LINES = 40
_JINA_FIELD = re.compile(r"^(Title|URL Source|Published Time|Description|Warning|Markdown Content):[ \t]*(.*)$")
_YAML_FIELD = re.compile(r"^([A-Za-z][\w -]{0,30}):[ \t]*(.*)$")
_YAML_ITEM = re.compile(r"^[ \t]+(?:- )?\S|^- \S")
# The fields' names, as the tools write them, for what the head of an HTML page says.
_FIELD_NAMES = {
    "title": "title",
    "url source": "url",
    "source": "url",
    "url": "url",
    "published time": "published",
    "published": "published",
    "date": "published",
    "created": "published",
    "author": "author",
    "authors": "author",
    "description": "description",
}


def converter_header(raw_lines: list[str]) -> tuple[int, dict[str, str]]:
    """How many lines open the dump as a converter's header (0: none), and its fields
    ("title", "url", "published", "author", "description": the first value of each)."""
    first = next((i for i, line in enumerate(raw_lines[:MAX_HEADER_LINES]) if line.strip()), None)
    if first is None:
        return 0, {}
    fields: dict[str, str] = {}
    if raw_lines[first].strip() == "---":
        for i in range(first + 1, min(len(raw_lines), first + MAX_HEADER_LINES)):
            line = raw_lines[i].rstrip()
            if line.strip() == "---":
                return (i + 1, fields) if fields else (0, {})
            found = _YAML_FIELD.match(line)
            if found:
                _keep_field(fields, found.group(1), found.group(2))
            elif line.strip() and not _YAML_ITEM.match(line):
                return 0, {}  # no "key: value" lines: a rule, not front matter
            elif fields and fields.get("author") == "" and line.strip().startswith("- "):
                fields["author"] = _unquoted(line.strip()[2:])  # "author:\n  - Jane Doe"
        return 0, {}
    for i in range(first, min(len(raw_lines), first + MAX_HEADER_LINES)):
        line = raw_lines[i].strip()
        found = _JINA_FIELD.match(line)
        if found is None and line:
            return 0, {}
        if found is not None and found.group(1) == "Markdown Content":
            return (i + 1, fields) if fields else (0, {})
        if found is not None:
            _keep_field(fields, found.group(1), found.group(2))
    return 0, {}


def _keep_field(fields: dict[str, str], name: str, value: str) -> None:
    key = _FIELD_NAMES.get(name.strip().lower())
    if key is not None and key not in fields:
        fields[key] = _unquoted(value.strip())


def _unquoted(value: str) -> str:
    """A YAML value without its quotes or list brackets ("'Jane Doe'", "[Jane Doe]")."""
    value = value.strip()
    if value[:1] == "[" and value[-1:] == "]":
        value = value[1:-1].split(",")[0].strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return value


def dump_head(text: str) -> HeadMeta:
    """What a converter's header says about the page (its title, date and author), as
    the head of an HTML page would; empty for a dump without one."""
    # (the lines converter_header may look at: a header starts within MAX_HEADER_LINES
    # lines and runs at most as many)
    _, fields = converter_header(text.split("\n", 2 * MAX_HEADER_LINES)[: 2 * MAX_HEADER_LINES])
    if not fields:
        return HeadMeta()
    stamp = fields.get("published", "")
    author = fields.get("author", "")
    return HeadMeta(
        title=fields.get("title") or None,
        description=fields.get("description") or None,
        published=parse_date(stamp) if stamp else None,
        published_utc=utc_timestamp(stamp) if stamp else None,
        authors=(author,) if author else (),
    )
