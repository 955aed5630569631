"""Boxes inside the text that are no text: link boxes, media players and post stamps,
sign-up boxes and their labels."""
from __future__ import annotations

import functools
import re
from collections.abc import Callable

from ..block import Block, Label
from ..features import ends_sentence, is_name_like, is_paragraph
from ..lexicon import Lexicon
from ..model import NoiseKind
from ..page import Page
from .edges import CELL_TAGS


# A link box's own lines (its heading, "Try the links below:") are short.
MAX_LINK_BOX_LINE_WORDS = 20
# ... at most a heading and an intro: more unlinked lines (a list of results with a
# "Full table" link) are a part of the text.
MAX_LINK_BOX_LINES = 2
# ... and the box is small: a heading, an intro line and a list of a few links.
MAX_LINK_BOX_BLOCKS = 12
MAX_LINK_BOX_CHARS = 1200


def closing_link_boxes(page: Page) -> None:
    """HTML: a small element after the text's last paragraph whose links were dropped as
    a link list ("Voucher codes / For the latest discounts, try the links below: / …",
    "More on this story"): its heading and intro line introduce the links, not text."""
    blocks = page.blocks
    main = [b.index for b in blocks if b.label is Label.MAIN]
    last_prose = max((i for i in main if is_paragraph(blocks[i])), default=None)
    if last_prose is None:
        return
    def box_sized(node: int, first: int, last: int) -> bool:
        return (
            first > last_prose
            and last - first + 1 <= MAX_LINK_BOX_BLOCKS
            and page.subtree_chars.get(node, 0) <= MAX_LINK_BOX_CHARS
        )

    done: set[int] = set()
    for i in main:
        if i <= last_prose or i in done:
            continue
        span = _widest_around(page, blocks[i], box_sized)
        if span is None:
            continue
        inside = range(span[0], span[1] + 1)
        done.update(inside)
        links = [blocks[j] for j in inside if blocks[j].kind is NoiseKind.NAVIGATION and blocks[j].link_chars]
        lines = [blocks[j] for j in inside if blocks[j].label is Label.MAIN]
        if not lines or len(lines) > MAX_LINK_BOX_LINES or len(links) < len(lines):
            continue  # a box introduces a list of links; more lines of its own are a part of the text
        if not lines[0].heading or lines[-1].index > links[0].index:
            continue  # a box opens with its heading, and its links come last (a list entry
            # with a title and a shop link under it is no box)
        if any(line.words > MAX_LINK_BOX_LINE_WORDS or ends_sentence(line.text) for line in lines):
            continue
        for line in lines:
            line.drop(NoiseKind.NAVIGATION, f"heading or intro of a link box after the text ({line.path})")


# A clock reading alone on a line ("02:41", "1:05:12") is a video's or a podcast's duration.
_DURATION = re.compile(r"\d{1,2}(?::\d{2}){1,2}")
# "10h45" alone on a line: a live blog's timestamp (the "h" form is a time of day, never a length).
_CLOCK = re.compile(r"\d{1,2}h\d{2}")
# A live post's meta line: a clock time ("1:05 PM", "12.48 GMT") and the poster's name.
_POST_TIME = re.compile(r"\s*\d{1,2}[:.]\d{2}\s*(?:[aApP]\.?[mM]\.?)?\s*(?:[A-Z]{2,4}\b)?")


def _post_stamp(text: str, lexicon: Lexicon) -> bool:
    """A line that opens with a time of day followed by a name only ("1:05 PM Jo Bell"),
    or a name (maybe with a town or a role: "Dennis, Westerville", "Laura Kim Expert")
    followed by the time: a live post's or a reader question's time and author, not a
    line of its text. (A bare time is kept: AP's "The Latest" stories head each update
    with one, and the Zyte truth keeps it.)"""
    found = _POST_TIME.match(text)
    if found is not None and found.end() < len(text):
        rest = text[found.end() :].strip(" ·|•—–-")
        # "14:40 GMT Posted by Tom Ellery": the author's name after a byline label
        rest = lexicon.strip_prefix("byline_prefix", rest) or rest
        return bool(rest) and is_name_like(rest)
    found = _TRAILING_POST_TIME.search(text)
    if found is None or found.start() == 0:
        return False
    rest = text[: found.start()].strip(" ·|•—–-,")
    parts = [part.strip() for part in rest.split(",")]
    return len(rest.split()) <= MAX_STAMP_NAME_WORDS and all(part and is_name_like(part) for part in parts)


# "Dennis, Westerville 12:04 p.m.": a name and a town or role, at most this many words.
MAX_STAMP_NAME_WORDS = 5
_TRAILING_POST_TIME = re.compile(r"(?<![\d:])\d{1,2}[:.]\d{2}\s*(?:[aApP]\.?[mM]\.?)?\s*(?:[A-Z]{2,4}\b)?\s*$")

# A media embed's title shown twice (on the player, under it) sits in an element of at
# most this many blocks; from this many words on, a repeated line is worth a look.
MAX_MEDIA_BLOCKS = 4
MIN_MEDIA_TITLE_WORDS = 3
MAX_MEDIA_TITLE_WORDS = 20


def media_lines(page: Page) -> None:
    """Lines of a video or audio embed inside the text: a duration alone on its line,
    and the embed's title where the same small element shows it twice."""
    blocks = page.blocks
    for block in blocks:
        if block.label is not Label.MAIN or block.tag in CELL_TAGS:
            continue
        if _CLOCK.fullmatch(block.text):
            block.drop(NoiseKind.BYLINE_UI, f"timestamp alone on its line ({block.path})")
            continue
        if _DURATION.fullmatch(block.text):
            _media_embed(page, block)
            block.drop(NoiseKind.OTHER, f"media duration ({block.path})")
            continue
        if _post_stamp(block.text, page.lexicon):
            block.drop(NoiseKind.BYLINE_UI, f"a live post's time and author ({block.path})")
            continue
        if not MIN_MEDIA_TITLE_WORDS <= block.words <= MAX_MEDIA_TITLE_WORDS or block.heading:
            continue
        for node in reversed(block.ancestors):
            first, last = page.subtree_span[node]
            if last - first + 1 > MAX_MEDIA_BLOCKS:
                break
            # (a picture's alt text repeated as its caption is the caption pass's business)
            if any(blocks[j].text == block.text and blocks[j].tag != "img" for j in range(first, last + 1) if j != block.index):
                block.drop(NoiseKind.OTHER, f"media title shown twice ({block.path})")
                break


def _media_embed(page: Page, duration: Block) -> None:
    """The player a duration line belongs to: the widest element around it of at most
    MAX_MEDIA_BLOCKS blocks and no paragraph of prose (a live post with a time, a title
    and its text is no player). Its short lines are the player's title and buttons."""
    blocks = page.blocks

    def player_sized(node: int, first: int, last: int) -> bool:
        return last - first + 1 <= MAX_MEDIA_BLOCKS and not any(is_paragraph(blocks[j]) for j in range(first, last + 1))

    span = _widest_around(page, duration, player_sized)
    if span is None:
        return
    for j in range(span[0], span[1] + 1):
        line = blocks[j]
        if line.label is Label.MAIN and line.words <= MAX_MEDIA_TITLE_WORDS and line is not duration:
            line.drop(NoiseKind.OTHER, f"media player line ({line.path})")


# A sign-up box inside the text: its button and a line of pitch, a few blocks and a
# couple of hundred characters; the pitch line is one sentence at most.
MAX_SIGNUP_BLOCKS = 3
MAX_SIGNUP_CHARS = 300
MAX_SIGNUP_LINE_WORDS = 20


def signup_boxes(page: Page) -> None:
    """HTML: a newsletter sign-up box between paragraphs ("Get the Daily Briefing in your
    inbox." over an e-mail field and a "Sign up" button): the line beside a subscription
    control (a button or form already noise) in the same small element is its pitch."""
    blocks = page.blocks
    for block in blocks:
        # (the box's control: a button or form, or a subscription label of the lexicon, "Únete
        # a nuestro canal de WhatsApp", set as the box's own line)
        if block.kind is not NoiseKind.SUBSCRIPTION or not (block.landmarks & _CONTROL_LANDMARKS or block.hit == "subscription"):
            continue
        span = _widest_around(page, block, functools.partial(_signup_sized, page))
        if span is None:
            continue
        for j in range(span[0], span[1] + 1):
            line = blocks[j]
            if line.label is Label.MAIN and not line.heading and line.words <= MAX_SIGNUP_LINE_WORDS:
                line.drop(NoiseKind.SUBSCRIPTION, f"pitch of a sign-up box ({line.path})")


_CONTROL_LANDMARKS = frozenset({"button", "form"})

# A box's own label beside its dropped lines ("after newsletter promotion" under a sign-up
# card, "Article réservé à nos abonnés" under a "Lire aussi" link) is a few words.
MAX_BOX_LABEL_WORDS = 8
# Noise that makes an element set into the text a box: a sign-up card, a cross-link.
_BOX_KINDS = frozenset({NoiseKind.SUBSCRIPTION, NoiseKind.NAVIGATION})


def box_labels(page: Page) -> None:
    """HTML: a short line (no heading, no sentence) between the text's paragraphs whose
    smallest element holding more than it holds only noise, a sign-up card's or a
    cross-link's: the box's label ("after newsletter promotion"), not a line of the text."""
    blocks = page.blocks
    paragraphs = [b.index for b in blocks if b.label is Label.MAIN and is_paragraph(b)]
    if len(paragraphs) < 2:
        return
    for block in blocks[paragraphs[0] + 1 : paragraphs[-1]]:
        if block.label is not Label.MAIN or block.heading or block.words > MAX_BOX_LABEL_WORDS or ends_sentence(block.text):
            continue
        others = _beside(page, block)
        if others and all(b.label is Label.NOISE for b in others) and any(b.kind in _BOX_KINDS for b in others):
            block.drop(NoiseKind.OTHER, f"label of a box set into the text ({block.path})")


def _beside(page: Page, block: Block) -> list[Block]:
    """The other text blocks of the smallest element around ``block`` that holds more."""
    for node in reversed(block.ancestors):
        first, last = page.subtree_span[node]
        others = [b for b in page.blocks[first : last + 1] if b is not block and b.text and b.tag != "img"]
        if others:
            return others
    return []


def _signup_sized(page: Page, node: int, first: int, last: int) -> bool:
    return last - first + 1 <= MAX_SIGNUP_BLOCKS and page.subtree_chars.get(node, 0) <= MAX_SIGNUP_CHARS


def _widest_around(page: Page, block: Block, small: Callable[[int, int, int], bool]) -> tuple[int, int] | None:
    """(first, last) block index of the widest element around ``block`` that is still
    ``small`` (judged from its node id and block span), or None when even its own is not."""
    span = None
    for node in reversed(block.ancestors):
        first, last = page.subtree_span[node]
        if not small(node, first, last):
            break
        span = (first, last)
    return span
