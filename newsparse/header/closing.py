"""Lines closing the text that belong to no article: wire credits, the author's
biography, the publisher's boilerplate."""
from __future__ import annotations

from ..block import Label
from ..model import NoiseKind
from ..page import Page
from .title import MIN_TITLE_OVERLAP, TITLE_SEPARATOR, WORDS, overlap, site_names


# A wire story's closing credits ("Reporting by NAME; Editing by NAME", "（記者・NAME）")
# sit right under its last paragraph: at most this many blocks below it.
MAX_CLOSING_CREDIT_GAP = 2


def closing_credits(page: Page) -> list[int]:
    """The byline lines right under the text's last paragraph (read when the header
    names nobody): a wire story credits its reporters at its end."""
    main = [b.index for b in page.blocks if b.label is Label.MAIN]
    if not main:
        return []
    below = range(main[-1] + 1, min(main[-1] + 1 + MAX_CLOSING_CREDIT_GAP, len(page.blocks)))
    return [i for i in below if page.blocks[i].hit == "byline_prefix"]


# An author's biography ("Dana Ruiz covers local government... Reach her at...") is one of
# the last few blocks of the text, a paragraph of at most this many words, and opens with
# the name of the page's author; the text above it must be longer than what it closes.
MAX_BIO_POSITION = 3
MAX_BIO_WORDS = 80
# A name shown in an author box is a few words long; a heading over a bio ("About the
# author") a few more.
MAX_AUTHOR_NAME_WORDS = 5
MAX_BIO_HEADING_WORDS = 4


def closing_bio(page: Page) -> None:
    """The writer's biography closing the text (columns, local papers): a paragraph among
    the last few that opens with the author's name, known from the metadata, a byline or
    an author box. It, its heading and what follows it (a disclaimer) are no article text."""
    blocks = page.blocks
    main = [i for i, b in enumerate(blocks) if b.label is Label.MAIN]
    if len(main) < 2 * MAX_BIO_POSITION:
        return
    names = {a.casefold() for a in page.authors if a}
    for block in blocks:
        if "author" not in block.landmarks and block.kind is not NoiseKind.BYLINE_UI:
            continue  # (the cheap test first: most blocks are neither)
        if block.label is Label.MAIN or block.words > MAX_AUTHOR_NAME_WORDS or any(ch.isdigit() for ch in block.text):
            continue
        names.add(block.text.casefold())
    # a person's name: two words at least (a one-word "author" may be a brand or a desk)
    names = {n.strip() for n in names if len(n.split()) >= 2}
    # an author-named element ("author-bio") among the last blocks, where the text's
    # first block has no such name around it (a wrapper named so holds the whole article)
    wrapped = "author" in blocks[main[0]].landmarks
    for position in range(len(main) - MAX_BIO_POSITION, len(main)):
        block = blocks[main[position]]
        folded = block.text.casefold()
        if block.words > MAX_BIO_WORDS or block.heading:
            continue
        if not any(folded.startswith(n + " ") for n in names) and (wrapped or "author" not in block.landmarks):
            continue
        first = position
        above = blocks[main[position - 1]]
        if above.heading and above.words <= MAX_BIO_HEADING_WORDS:
            first -= 1
        for i in main[first:]:
            blocks[i].drop(NoiseKind.BYLINE_UI, "the author's biography closing the text")
        return


# "About <publisher>" closing the text: a heading of the publisher's name and at most
# three words more ("About", "À propos de"), over at most this many closing blocks
# (a paragraph of boilerplate, a media contact line).
MAX_BOILERPLATE_EXTRA_WORDS = 3
MAX_BOILERPLATE_BLOCKS = 3


def publisher_boilerplate(page: Page) -> None:
    """The publisher's "About us" paragraph under the text (press releases, university
    and company newsrooms): a closing heading naming the site (the <title>'s site part)
    and the few lines after it."""
    if page.title is not None and page.head.title:
        # the <title>'s parts other than the headline (which may be the shorter part)
        headline = page.blocks[page.title].text
        parts = {p.strip().casefold() for p in TITLE_SEPARATOR.split(page.head.title) if p.strip()}
        names = {name for name in parts if overlap(name, headline) < MIN_TITLE_OVERLAP}
    else:
        names = site_names(page)
    if not names:
        return
    main = [i for i, b in enumerate(page.blocks) if b.label is Label.MAIN]
    if len(main) <= MAX_BOILERPLATE_BLOCKS + 2:
        return
    name_words = [set(WORDS.findall(name)) for name in names]
    for position in range(len(main) - MAX_BOILERPLATE_BLOCKS - 1, len(main) - 1):
        block = page.blocks[main[position]]
        if not block.heading:
            continue
        words = WORDS.findall(block.text.casefold())
        # the site's name, all of it but a word at most ("Acme University" of "Acme
        # University News"), and at least two words of it ("In New York" is no "About
        # The New York Times")
        shared = max(len(name & set(words)) for name in name_words)
        whole = any(len(name & set(words)) >= max(2, len(name) - 1) for name in name_words)
        if whole and len(words) - shared <= MAX_BOILERPLATE_EXTRA_WORDS:
            for i in main[position:]:
                page.blocks[i].drop(NoiseKind.OTHER, "the publisher's boilerplate under the text")
            return
