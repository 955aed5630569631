"""Stage 2 for text dumps: plain text -> [Block], one block per (unwrapped) line.

A dump separates blocks by blank lines, or not at all; lines may carry tabs, trailing
spaces or NBSP only. Some dumps are hard-wrapped at a fixed width (about 70-80
columns): the lines of one paragraph are joined back here, so that later stages
see paragraphs, not lines.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from . import text_markup
from .block import Block
from .model import NoiseKind

# Wrapping tools fill lines almost to the width: a dump counts as hard-wrapped when
# most of its long lines end within this many columns below one width ...
_WRAP_BAND = 10
# ... and that width is at most this long (nobody wraps prose at 200 columns).
_MAX_WRAP_WIDTH = 100
# Short items on one line separated by a tab or 3+ spaces are separate labels.
_GAP = re.compile(r"\t+|\s{3,}")
_MAX_GAP_ITEM_WORDS = 6
# A menu or a UI row in a dump may set its entries apart by two spaces only ("Politik  Wirtschaft
# Sport  Kultur", "Reply  +14"): 2+ entries of a few words, none ending a sentence.
_MENU_GAP = re.compile(r"[ \u00a0]{2,}")
_MIN_MENU_ITEMS = 2
_MAX_MENU_ITEM_WORDS = 3
_SENTENCE_END = ".!?…»\"”。！？।؟۔"
# Tools wrap prose at 60-80 columns; a "width" under this is a few short lines by chance.
_MIN_WRAP_WIDTH = 55
# ``lynx -dump`` numbers every link: "[12]Home [13]World". A dump with this many such
# markers is a lynx dump; its markers are tool output, not page text, and each one opens
# a separate link (menu entries on one line are separate labels).
_LYNX_REF = re.compile(r"\[\d{1,4}\](?=\S)")
_MIN_LYNX_REFS = 3
# ... and it ends with the list of link targets: "References", then "  1. http://...".
# (each repeat ends at a newline and reads its blanks once: a list of thousands of links,
# or a "Visible links:" / "Hidden links:" line, costs one pass, not a backtracking search)
_LYNX_TRAILER = re.compile(
    r"\n[ \t]*References[ \t]*\n"
    r"(?:[ \t]*+(?:(?:Visible|Hidden) links:|\d+\.[ \t]+\S+)?[ \t]*+\n)*+"
    r"[ \t]*+(?:(?:Visible|Hidden) links:|\d+\.[ \t]+\S+)?[ \t]*+\Z"
)
# One-line list items end with a semicolon ("installing panels on ...;" / "renting the roof
# ...;" / "joining a shared system ..."): a wrapping tool breaks a line after a semicolon
# only by chance (one wrap point in a dozen, at one of prose's rarest marks), so a line
# ending in one closes its block.
_ITEM_END = (";", "；")
# A bullet opening a dump's line: "*", "-", "•" and other round or square marks, then a
# space. (Dashes that open dialogue, "–" and "—", stay: they are the text's.)
_BULLET = re.compile(r"^[ \t]*[-*•●▪◦·][ \t]+(?=\S)")
# ... and a round or square one opens an item wherever it stands (prose never starts a line
# with one, where a wrap may put a dash or an asterisk)
_ROUND_BULLET = re.compile(r"^[ \t]*[•●▪◦][ \t]+(?=\S)")
# Lines shorter than this never take part in wrap detection (labels, titles).
_MIN_WRAPPED_LINE = 40
# Share of the long lines that must sit in the band for the dump to count as wrapped.
_WRAPPED_SHARE = 0.6


def split(text: str, is_label: Callable[[str], bool] = lambda line: False) -> list[Block]:
    """Cut a text dump into line blocks, joining hard-wrapped paragraph lines.

    ``is_label`` tells a UI label ("AI-generated image") from prose, so that a label
    line right under a full-width line is not taken for its continuation. A Markdown
    dump is read as rendered (see ``text_markup``): headings, links and pictures.
    """
    lynx = len(_LYNX_REF.findall(text)) >= _MIN_LYNX_REFS
    tool_output: list[str] = []  # lynx's link numbers and link list: kept as noise, not text
    if lynx:
        trailer = _LYNX_TRAILER.search(text)
        if trailer:
            tool_output.extend(" ".join(line.split()) for line in trailer.group(0).split("\n") if line.strip())
            text = text[: trailer.start()] + "\n"
        tool_output[:0] = _LYNX_REF.findall(text)
    raw_lines = text.split("\n")
    header, _ = text_markup.converter_header(raw_lines)  # Jina Reader's fields, YAML front matter
    tool_header = " ".join(" ".join(line.split()) for line in raw_lines[:header] if line.strip())
    raw_lines = [""] * header + raw_lines[header:]
    cut = _Cutter()
    if tool_header:
        cut.tool_block(tool_header, NoiseKind.OTHER, "the converter's header (tool output: title, address, date)")
    if not lynx and text_markup.is_markdown(text):
        _cut_markdown(cut, raw_lines)
    else:
        _cut_plain(cut, raw_lines, lynx, is_label)
    cut.flush()
    if tool_output:
        cut.new_group()
        cut.tool_block(" ".join(tool_output), NoiseKind.NAVIGATION, "lynx link numbers and link list (tool output)")
    return cut.blocks


class _Cutter:
    """The blocks cut so far, and the pieces of the one being read (a paragraph's lines)."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.group = 0  # the run of lines between blank lines
        self.blank_before = True
        self.pending: list[text_markup.Piece] = []

    def add(self, parts: list[text_markup.Piece]) -> None:
        """A line's parts: each but the last a block of its own (labels side by side); the
        last may go on with the next line. A picture or a heading is a block of its own."""
        for part in parts[:-1]:
            self.pending.append(part)
            self.flush()
        self.pending.append(parts[-1])
        if parts[-1].image or parts[-1].heading:
            self.flush()

    def flush(self) -> None:
        pending, self.pending = self.pending, []
        if not pending or (not pending[0].image and not any(piece.text for piece in pending)):
            return  # nothing, or markup that shows nothing ("**", an empty link)
        first = pending[0]
        self.blocks.append(
            Block(
                index=len(self.blocks),
                text=" ".join(piece.text for piece in pending),
                tag="img" if first.image else "line",
                src=first.src,
                heading=first.heading,
                link_chars=sum(piece.link_chars for piece in pending),
                href=next((piece.href for piece in pending if piece.href), None),
                ancestors=(self.group,),
                blank_before=self.blank_before,
                path=f"line group {self.group}",
            )
        )
        self.blank_before = False

    def new_group(self) -> None:
        self.flush()
        self.group += 1
        self.blank_before = True

    def tool_block(self, text: str, kind: NoiseKind, reason: str) -> None:
        """A converter's output that is no page text, kept as noise."""
        self.flush()
        self.pending = [text_markup.Piece(text)]
        self.flush()
        self.blocks[-1].drop(kind, reason)


def _cut_markdown(cut: _Cutter, raw_lines: list[str]) -> None:
    """A Markdown dump: each paragraph, item and heading is a block (Markdown joins its
    own wrapped lines); a rule parts blocks as a blank line does."""
    for raw, line in zip(raw_lines, text_markup.read_lines(raw_lines)):
        if line.breaks or not raw.strip():
            cut.new_group()
        elif line.pieces:  # (none: a fence, a table's separator row, a paragraph's later lines)
            cut.flush()
            cut.add(list(line.pieces))


def _cut_plain(cut: _Cutter, raw_lines: list[str], lynx: bool, is_label: Callable[[str], bool]) -> None:
    """A plain dump: a line per block, hard-wrapped paragraph lines joined back."""
    lines = [" ".join(line.split()) for line in raw_lines]
    width = _wrap_width(lines)
    listed = False  # the line above was a list item (a bullet line, or its wrapped rest)
    for n, raw_line in enumerate(raw_lines):
        line = lines[n]
        if not line:
            cut.new_group()
            listed = False
            continue
        # a list item's bullet ("* Isère", "• Tageskarte 4 Euro") is the item's mark, not
        # its words; a dash or an asterisk only where a list may start: after a blank
        # line, a line ending in a colon or another item (a dash a wrap put at a line's
        # start, "…next year" / "- a plan that…", is the text's)
        opens_list = not n or not lines[n - 1] or listed or lines[n - 1].endswith((":", "："))
        bullet = _BULLET.match(raw_line) if opens_list else _ROUND_BULLET.match(raw_line)
        raw_line = raw_line[bullet.end() :] if bullet else raw_line
        parts = [text_markup.Piece(part) for part in (_lynx_links(raw_line) if lynx else _labels_on_one_line(raw_line))]
        joined = bool(cut.pending) and not bullet and bool(width) and _continues(cut.pending[-1].text, line, width) and not is_label(line)
        # (a list goes on with its next item, or with an item's wrapped rest: no other line)
        listed = bullet is not None or (listed and joined)
        if cut.pending and not joined:
            cut.flush()
        cut.add(parts)


def _lynx_links(raw_line: str) -> list[str]:
    """"[2]Watch Live [3]Weather": one part per numbered link when a line holds several
    links and nothing else, the markers dropped ("[9]County adds..." -> "County adds...")."""
    starts = [m.start() for m in _LYNX_REF.finditer(raw_line)]
    if len(starts) >= 2 and not raw_line[: starts[0]].strip():
        pieces = [raw_line[a:b] for a, b in zip(starts, starts[1:] + [len(raw_line)])]
        parts = [" ".join(_LYNX_REF.sub("", p).split()) for p in pieces]
        if all(p and len(p.split()) <= _MAX_GAP_ITEM_WORDS for p in parts):
            return parts
    line = _LYNX_REF.sub("", raw_line)
    return _labels_on_one_line(line) if line.strip() else [" ".join(raw_line.split())]


def _labels_on_one_line(raw_line: str) -> list[str]:
    """"By Jane Doe<TAB>March 3, 2025": short items set apart by tabs or wide gaps."""
    parts = [" ".join(p.split()) for p in _GAP.split(raw_line.strip())]
    parts = [p for p in parts if p]
    if len(parts) > 1 and all(len(p.split()) <= _MAX_GAP_ITEM_WORDS for p in parts):
        return parts
    items = [" ".join(p.split()) for p in _MENU_GAP.split(raw_line.strip())]
    items = [p for p in items if p]
    if len(items) >= _MIN_MENU_ITEMS and all(
        len(p.split()) <= _MAX_MENU_ITEM_WORDS and p[-1] not in _SENTENCE_END for p in items
    ):
        return items
    return [" ".join(raw_line.split())]


def _wrap_width(lines: list[str]) -> int:
    """The width a dump is hard-wrapped at, or 0 when it is not wrapped.

    Judged on the lines that another line follows directly: in a wrapped dump those are
    filled almost to the width (only a paragraph's last line ends short)."""
    inner = [
        len(line)
        for line, following in zip(lines, lines[1:])
        if len(line) >= _MIN_WRAPPED_LINE and following.strip()
    ]
    if len(inner) < 3:
        return 0
    best_width, best_count = 0, 0
    for width in sorted(set(n for n in inner if n <= _MAX_WRAP_WIDTH)):
        count = sum(1 for n in inner if width - _WRAP_BAND < n <= width)
        if count >= best_count:  # ties: the wider width (lines may fill it exactly)
            best_width, best_count = width, count
    wrapped = best_count >= _WRAPPED_SHARE * len(inner) and best_width >= _MIN_WRAP_WIDTH
    # A wrapping tool leaves no line longer than its width: when more lines run past the
    # width than sit in the band under it, the "band" is a few titles and captions above
    # their summaries by chance, in a dump whose paragraphs are one line each.
    over = sum(1 for line in lines if len(line) > best_width + 2)
    return best_width if wrapped and over < best_count else 0


def _continues(previous: str, line: str, width: int) -> bool:
    """Was ``line`` pushed to a new line by wrapping, rather than starting a new one?"""
    if not width - 2 * _WRAP_BAND <= len(previous) <= width + 2:
        return False  # the previous line ended early (or is no wrapped line at all)
    if previous.endswith(_ITEM_END):
        return False  # a list item ends with a semicolon, however long its line
    if line[:1].islower():
        return True
    if len(line) < width / 2 and line[-1:] not in _SENTENCE_END:
        return False  # a short capitalised line without a full stop: a label or a title
    # the next word would not have fitted on the previous line
    return len(previous) + 1 + len(line.split(" ", 1)[0]) > width
