"""HTML: which blocks the article's element holds, less the boxes, teasers and sidebars
set inside it."""
from __future__ import annotations

import re

from ..block import Block, Label, cjk_count
from ..features import is_date_line, is_paragraph
from ..header import repeats_description
from ..lexicon import normalize
from ..meta import mentions_clock_time
from ..model import NoiseKind
from ..page import Page


# Paragraph blocks with more of their text in links than this are link lists.
MAX_PARAGRAPH_LINK_DENSITY = 0.35
# Widen the main container to its parent when the parent's other children hold at
# least this share of the container's prose (articles split over sibling <div>s).
SIBLING_PROSE_SHARE = 0.25
# A teaser card (image, headline link, date, summary, "Read more") holds few blocks
# and little text, within a few levels above its summary.
MAX_TEASER_BLOCKS = 6
MAX_TEASER_CHARS = 800
MAX_TEASER_WORDS = 60
TEASER_DEPTH = 4
# captions are the images' text, never the article's
_CAPTION_LANDMARKS = frozenset({"caption", "figcaption"})
_SIDE_LANDMARKS = frozenset({"aside", "box", "nav", "footer", "related", "comments", "header"})

# "Headline - Site" / "Headline | Site": the <title>'s headline part ends at a separator.
_TITLE_SEPARATOR = re.compile(r"\s[|｜\-–—·•]\s")


def headline_forms(page: Page) -> set[str]:
    """The headline as <head> declares it (og:title, <title>, its part before " | Site")."""
    titles = {normalize(t) for t in (page.head.og_title, page.head.title) if t}
    if page.head.title:
        titles.add(normalize(_TITLE_SEPARATOR.split(page.head.title)[0]))
    titles.discard("")
    return titles


WORD_CHAR = re.compile(r"\w")


def is_dek(page: Page, block: Block) -> bool:
    """A subheading that repeats the page's declared description: the dek under the
    headline (Medium's subtitle <h2>), which the text follows rather than opens with. (A
    <p> repeating it may be the text's own first paragraph, copied into the description,
    unless the byline stands between it and the text.)"""
    if not repeats_description(page, block):
        return False
    if block.heading:
        return True
    # a paragraph repeating it is the standfirst when the byline or dateline comes next,
    # before any other paragraph: the text's own first paragraph comes after the byline
    for after in page.blocks[block.index + 1 :]:
        if after.label is Label.NOISE and after.kind is NoiseKind.BYLINE_UI:
            return True
        if after.label is not Label.NOISE and is_paragraph(after):
            return False
    return False


def is_free(block: Block) -> bool:
    """Not yet labelled, in no section, and not an image or a caption."""
    return (
        block.label is Label.UNKNOWN
        and block.section is None
        and block.tag != "img"
        and not block.landmarks & _CAPTION_LANDMARKS
    )


def html_members(page: Page) -> list[int]:
    blocks = page.blocks
    scores: dict[int, float] = {}
    teasers = _teaser_blocks(page)
    prose = [
        b
        for b in blocks
        if is_free(b) and is_paragraph(b) and b.link_density <= MAX_PARAGRAPH_LINK_DENSITY and b.index not in teasers
    ]
    for block in prose:
        weight = _weight(block)
        if len(block.ancestors) >= 2:
            scores[block.ancestors[-2]] = scores.get(block.ancestors[-2], 0.0) + weight
        if len(block.ancestors) >= 3:
            scores[block.ancestors[-3]] = scores.get(block.ancestors[-3], 0.0) + weight / 2
    if not scores:
        free = [i for i, b in enumerate(blocks) if is_free(b)]
        return free
    core = max(scores, key=lambda node: (scores[node], -node))
    best = _widen(page, core, prose)
    page.main_container = best
    members = [
        i for i, b in enumerate(blocks) if best in b.ancestors and is_free(b) and i not in teasers and not _picture_line(page, b)
    ]
    sidebars = _sidebars(page, [blocks[i] for i in members], best, _body_span(page, prose, core))
    members = [i for i in members if not sidebars.intersection(blocks[i].ancestors)]
    boxes = _inset_boxes(page, members, best, prose)
    members = [i for i in members if not boxes.intersection(blocks[i].ancestors)]
    closing = _closing_author_boxes(page, members, best, prose)
    members = [i for i in members if not closing.intersection(blocks[i].ancestors)]
    leading = _leading_boxes(page, best, core, prose)
    return [i for i in members if not leading.intersection(blocks[i].ancestors)]


# A box set into the text (a fact box, a poll, a collapsed guide or transcript) holds much
# less prose than the text it sits in: at most this share of it (a page that is all one
# <details> or one "factbox" element is its text).
MAX_INSET_BOX_SHARE = 0.3
# Its wrapper may hold a label of the box's beside it (a video's title over the video's
# transcript, a kicker): at most this many lines, none of them a paragraph of prose.
MAX_INSET_LABEL_LINES = 2


def _inset_boxes(page: Page, members: list[int], container: int, prose: list[Block]) -> set[int]:
    """HTML: boxes set into the text after its first paragraph (a ``<details>`` element,
    shown collapsed: a guide, a transcript; an element named a fact box or a poll) and
    their wrappers: their blocks are dropped, as no part of the text."""
    blocks = page.blocks
    # (the container's, not the core's: a text split over sibling elements has its core
    # in one of them, maybe after the box)
    text = [b for b in prose if container in b.ancestors and not b.landmarks & _SIDE_LANDMARKS]
    if not text:
        return set()
    first_prose = text[0].index
    text_weight = sum(_weight(b) for b in text)
    found: set[int] = set()
    seen: set[int] = set()
    for i in members:
        ancestors = blocks[i].ancestors
        for node in ancestors[ancestors.index(container) + 1 :]:
            if node in found:
                break
            if node in seen:
                continue
            seen.add(node)
            if not _is_inset_box(page, node) or page.subtree_span[node][0] <= first_prose:
                continue
            if sum(_weight(b) for b in prose if node in b.ancestors) <= MAX_INSET_BOX_SHARE * text_weight:
                box = _box_wrapper(page, node, container)
                found.add(box)
                first, last = page.subtree_span[box]
                for j in range(first, last + 1):
                    if blocks[j].label is Label.UNKNOWN:
                        blocks[j].drop(NoiseKind.OTHER, f"a box set into the text ({blocks[j].path})")
            break
    return found


def _is_inset_box(page: Page, node: int) -> bool:
    """A <details> element, or one named as a box (fact box, poll): a box set into the text."""
    element = page.nodes[node]
    return element.tag == "details" or "box" in element.hints


def _box_wrapper(page: Page, box: int, container: int) -> int:
    """The widest element around ``box`` (below the container) that adds at most
    MAX_INSET_LABEL_LINES lines of text and no paragraph of prose to it."""
    blocks = page.blocks
    first, last = page.subtree_span[box]
    parent = page.nodes[box].parent
    while parent >= 0 and parent != container:
        start, end = page.subtree_span[parent]
        added = [
            blocks[j]
            for j in (*range(start, first), *range(last + 1, end + 1))
            if blocks[j].label is Label.UNKNOWN and blocks[j].tag != "img" and blocks[j].text
        ]
        if len(added) > MAX_INSET_LABEL_LINES or any(is_paragraph(b) for b in added):
            break
        box, first, last = parent, start, end
        parent = page.nodes[parent].parent
    return box


# A box above the text (a review's verdict with its pros and cons, "Key points", a table
# of contents) holds much less prose than the text below it: at most this share.
MAX_LEADING_BOX_SHARE = 0.3
# ... and is made of several headed parts ("Verdict", "Pros", "Cons"): a single heading
# over a list is a lead list ("Key points"), which the project's contract counts as text.
MIN_LEADING_BOX_HEADINGS = 2


def _leading_boxes(page: Page, container: int, core: int, prose: list[Block]) -> set[int]:
    """HTML: the children of the article's element (the container, or the core's parent
    when the core is the container) that end before the core's first paragraph, open with
    a heading of their own and hold several headed parts, with no paragraph of the text
    above them, are boxes above the text (a verdict with its pros and cons, a scorecard),
    not its start or its lead: their blocks are dropped. (A text split over sibling
    elements between ad slots opens with a paragraph before any of its headed parts; the
    article's own header opens with the headline and is left to the header pass.)"""
    scope = container if container != core else page.nodes[core].parent
    if scope < 0:
        return set()
    blocks = page.blocks
    first_prose, _ = _body_span(page, prose, core)
    core_weight = sum(_weight(b) for b in prose if core in b.ancestors)
    children: dict[int, list[int]] = {}
    for block in blocks[:first_prose]:
        ancestors = block.ancestors
        if block.label is not Label.UNKNOWN or scope not in ancestors or core in ancestors:
            continue
        below = ancestors[ancestors.index(scope) + 1 :]
        if below:
            children.setdefault(below[0], []).append(block.index)
    found: set[int] = set()
    headlines = headline_forms(page)
    for child, inside in children.items():
        box_first, box_last = page.subtree_span[child]
        if box_last >= first_prose:
            continue
        if any(box_first > b.index and scope in b.ancestors and not is_dek(page, b) for b in prose):
            continue  # the text has begun above it: a part of a text split over sibling elements
        opening = next((blocks[i] for i in inside if WORD_CHAR.search(blocks[i].text)), None)
        if opening is None or not opening.heading or opening.heading == 1:
            continue
        if sum(1 for i in inside if blocks[i].heading) < MIN_LEADING_BOX_HEADINGS:
            continue  # one headed list ("Key points") is a lead list, which the contract keeps
        if all(blocks[i].heading for i in inside if WORD_CHAR.search(blocks[i].text)):
            continue  # headings only: the article's header (an <h2> headline over an <h3> dek)
        if any(normalize(blocks[i].text) in headlines for i in inside):
            continue  # it holds the headline: the article's own header
        weight = sum(_weight(b) for b in prose if child in b.ancestors)
        if weight > MAX_LEADING_BOX_SHARE * core_weight:
            continue
        found.add(child)
        for i in inside:
            blocks[i].drop(NoiseKind.OTHER, f"a box above the text ({blocks[i].path})")
    return found


# An author box under the text (name, photo, a line of biography) is a few blocks.
MAX_AUTHOR_BOX_BLOCKS = 4


def _closing_author_boxes(page: Page, members: list[int], container: int, prose: list[Block]) -> set[int]:
    """Small author-named elements ("author", "byline" classes) inside the container and
    after its last paragraph of prose: the writer's box closing the article, not its text."""
    member_set = set(members)
    boxes: dict[int, bool] = {}
    last = -1
    for block in prose:
        if block.index not in member_set:
            continue
        box = _author_box(page, block, container, boxes)
        if box is None:
            last = block.index
    found = set()
    for i in members:
        if i > last:
            box = _author_box(page, page.blocks[i], container, boxes)
            if box is not None and page.subtree_span[box][0] > last:
                found.add(box)
    return found


def _author_box(page: Page, block: Block, container: int, cache: dict[int, bool]) -> int | None:
    ancestors = block.ancestors
    if container not in ancestors:
        return None
    for node in ancestors[ancestors.index(container) + 1 :]:
        small = cache.get(node)
        if small is None:
            first, last = page.subtree_span[node]
            small = cache[node] = "author" in page.nodes[node].hints and last - first + 1 <= MAX_AUTHOR_BOX_BLOCKS
        if small:
            return node
    return None


# A caption set as a centred line under a picture is a sentence or two.
MAX_PICTURE_LINE_CHARS = 200


def _picture_line(page: Page, block: Block) -> bool:
    """A short centred line right under a picture, before a text that is not centred
    (portals centre the picture and its caption in two <p>s of the text): the caption,
    not a paragraph. (Where every line is centred, centring says nothing.)"""
    blocks = page.blocks
    if block.index == 0 or block.index + 1 >= len(blocks) or blocks[block.index - 1].tag != "img":
        return False
    if len(block.text) > MAX_PICTURE_LINE_CHARS or "center" not in page.nodes[block.ancestors[-1]].hints:
        return False
    after = blocks[block.index + 1]
    return is_paragraph(after) and "center" not in page.nodes[after.ancestors[-1]].hints


def _body_span(page: Page, prose: list[Block], core: int) -> tuple[int, int]:
    """First and last prose block of the article's core (the element holding the most
    prose), leaving out prose in aside-named elements inside it."""
    inside = []
    for block in prose:
        ancestors = block.ancestors
        if core in ancestors:
            below = ancestors[ancestors.index(core) + 1 :]
            if not any("aside" in page.nodes[n].hints for n in below):
                inside.append(block.index)
    return (inside[0], inside[-1]) if inside else page.subtree_span[core]


def _sidebars(page: Page, members: list[Block], container: int, body: tuple[int, int]) -> set[int]:
    """Sidebars (``<aside>``, "sidebar"/"widget" class) nested in the main container,
    which was widened over a layout that holds the article and its rail side by side
    (or is one element holding both). An aside-named element around the article's
    prose is its own wrapper, and one between its first and last paragraph is an
    embed in the text (a tweet, a fact box): neither is a sidebar."""
    first, last = body
    found: set[int] = set()
    seen: set[int] = set()
    for block in members:
        if block.landmarks.isdisjoint(_NESTED_CHROME):
            continue
        ancestors = block.ancestors
        for node_id in ancestors[ancestors.index(container) + 1 :]:
            if node_id in seen:
                continue
            seen.add(node_id)
            hints = page.nodes[node_id].hints
            if "aside" in hints:
                start, end = page.subtree_span[node_id]
                if end < first or start > last:
                    found.add(node_id)
            elif "footer" in hints and page.subtree_span[node_id][0] > last:
                found.add(node_id)  # the article's own footer, after its text: tags, licensing, account prompts
    return found


# Elements nested in the article container that are its chrome when outside its text:
# side rails (aside, "sidebar", "widget") and the article's own footer.
_NESTED_CHROME = frozenset({"aside", "footer"})


def _teaser_blocks(page: Page) -> set[int]:
    """Prose blocks of teaser cards: a small element that also holds a linked headline
    (or a heading). Their summaries are no article prose."""
    teasers: set[int] = set()
    siblings: dict[int, list[int]] = {}  # parent -> children, built when first needed
    blocks = page.blocks
    for block in blocks:
        if not is_paragraph(block):
            continue
        for node in list(reversed(block.ancestors[:-1]))[:TEASER_DEPTH]:
            first, last = page.subtree_span[node]
            if last - first + 1 > MAX_TEASER_BLOCKS or page.subtree_chars.get(node, 0) > MAX_TEASER_CHARS:
                break
            # a card: a headline (heading or link) above at most two short summary paragraphs;
            # the headline opens the card (prose above it makes the element a stretch of the
            # text with a "read more" link box in it, not a card)
            headline_above = False
            for j in range(first, block.index):
                if blocks[j].heading or blocks[j].link_density > 0.5:
                    headline_above = True
                    break
                if is_paragraph(blocks[j]):
                    break
            summaries = sum(1 for j in range(first, last + 1) if is_paragraph(blocks[j]))
            # a card leads somewhere: one of its lines is mostly a link (the headline, "Read
            # more" link); a plain subheading over two paragraphs is a part of the article, and
            # a link already known as a control ("Share") or a post's time as its permalink
            # ("12.48 GMT") leads nowhere
            linked = any(
                blocks[j].link_density > 0.5 and blocks[j].label is not Label.NOISE and not _permalink_stamp(blocks[j])
                for j in range(first, last + 1)
            )
            if headline_above and linked and summaries <= 2 and block.words <= MAX_TEASER_WORDS:
                if not _list_entry(page, node, siblings):
                    teasers.add(block.index)
                break
    return teasers


def _list_entry(page: Page, node: int, siblings: dict[int, list[int]]) -> bool:
    """Is the card-shaped ``node`` one entry of a list article ("10 best power banks":
    a heading, a paragraph, a buy link, then the next entry)? Its same-shaped siblings
    (same parent, tag and class hints) hold a paragraph longer than any card's summary,
    where a teaser list's cards are all short. (Repeated structure, not wording.)"""
    if not siblings:
        for node_id, element in page.nodes.items():
            siblings.setdefault(element.parent, []).append(node_id)
    shape = page.nodes[node]
    for sibling in siblings.get(shape.parent, ()):
        if sibling == node or page.nodes[sibling].tag != shape.tag or page.nodes[sibling].hints != shape.hints:
            continue
        span = page.subtree_span.get(sibling)
        if span is None:
            continue
        for j in range(span[0], span[1] + 1):
            block = page.blocks[j]
            if block.words > MAX_TEASER_WORDS and is_paragraph(block) and block.link_density <= MAX_PARAGRAPH_LINK_DENSITY:
                return True
    return False


# A live post's permalink shows only its time or date ("2:41 PM", "12.48 GMT", "9 Jan 2025"):
# a few words; a teaser's headline link runs longer.
MAX_STAMP_LINK_WORDS = 4


def _permalink_stamp(block: Block) -> bool:
    """A link that is only a time stamp: a live post's permalink (in a ``<time>`` or a bare
    "2:41 PM"), which leads nowhere but to the post itself, unlike a teaser's headline."""
    if block.time:
        return True
    if block.words > MAX_STAMP_LINK_WORDS:
        return False
    return mentions_clock_time(block.text) or is_date_line(block, MAX_STAMP_LINK_WORDS)


def _weight(block: Block) -> float:
    # CJK packs a word into one or two characters: count them double
    return float(len(block.text) + cjk_count(block.text))


def _widen(page: Page, best: int, prose: list[Block]) -> int:
    """Climb from the best container while an ancestor adds a fair share of prose.

    Wrappers that add nothing are passed through; the climb stops at the first
    ancestor that adds a little prose but not enough (a sidebar, a teaser list).
    """
    main_prose = [b for b in prose if not b.landmarks & _SIDE_LANDMARKS]
    accepted = best
    inside = sum(_weight(b) for b in main_prose if best in b.ancestors)
    node = page.nodes[best].parent
    while node >= 0 and page.nodes[node].tag not in ("body", "html"):
        total = sum(_weight(b) for b in main_prose if node in b.ancestors)
        gain = total - inside
        if gain >= SIBLING_PROSE_SHARE * inside:
            accepted, inside = node, total
        elif gain > 0:
            break
        node = page.nodes[node].parent
    return accepted
