"""The main text.

HTML: the main text sits in the element that directly holds the most prose (scored
like readability: a paragraph's length counts fully for its parent, half for its
grandparent), widened to an ancestor when siblings hold prose too; teaser cards,
captions and sections stay out. Text dumps: the text runs from the first paragraph
outside any section to the next section heading.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable

from .block import Block, Label, cjk_count
from .features import MAIL_ADDRESS, ends_sentence, is_date_line, is_name_like, is_paragraph, is_title_like, is_widget_row
from .header import repeats_description
from .lexicon import Lexicon, normalize
from .meta import mentions_clock_time
from .model import NoiseKind
from .page import Page

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
# Inside the article, short blocks mostly made of links are related-link lists.
MAX_MAIN_LINK_DENSITY = 0.6
# A line of at most this many words that states a date is a dateline, not the text's start.
MAX_OPENING_DATELINE_WORDS = 12
# captions are the images' text, never the article's
_CAPTION_LANDMARKS = frozenset({"caption", "figcaption"})
_SIDE_LANDMARKS = frozenset({"aside", "box", "nav", "footer", "related", "comments", "header"})


def main(page: Page) -> None:
    """Label the main text; remember where the header zone ends."""
    if page.format == "html":
        members = _html_members(page)
    else:
        # a dump's text runs from its first paragraph outside any section to the next
        # section heading (lists may come before the article as well as after it)
        members = [i for i, b in enumerate(page.blocks) if _free(b)]
    # the text opens with a paragraph of running prose: a list above it (key points,
    # a list of teasers) belongs to the header, unless the whole text is a list
    start = next((i for i in members if _opens_text(page.blocks[i]) and not _dek(page, page.blocks[i])), None)
    if start is None:
        start = next((i for i in members if is_paragraph(page.blocks[i])), None)
    if start is None:
        start = next((i for i in members if not is_title_like(page.blocks[i])), None)
    if start is None:
        return
    if page.format == "text":
        end = min((s.heading for s in page.sections if s.heading is not None and s.heading > start), default=len(page.blocks))
        members = [i for i in members if i < end]
    page.main_start = start
    for i in members:
        if i < start:
            if not page.blocks[i].heading and _dek(page, page.blocks[i]):
                # (settled here: the header pass would take a paragraph above the text for a lead)
                page.blocks[i].drop(NoiseKind.OTHER, f"standfirst repeating the page's description ({page.blocks[i].path})")
            continue
        block = page.blocks[i]
        if block.link_density > MAX_MAIN_LINK_DENSITY and not is_paragraph(block):
            block.drop(NoiseKind.NAVIGATION, f"link list inside the article ({block.path})")
        else:
            block.label = Label.MAIN
    _restore_intertitles(page, start)
    _opening_datelines(page, start)
    _advert_lines(page)
    if page.format == "html":
        _trailing_appeal(page)
        _signup_boxes(page)
        _box_labels(page)
        _media_lines(page)
        _closing_link_boxes(page)
    _contact_lines(page)
    _closing_datelines(page)
    _headline_repeats(page)
    _profiles(page)  # after the contact lines: the profiles then close the text
    _ornaments(page)  # after the media lines: a player closing the text is gone by then


# "Headline - Site" / "Headline | Site": the <title>'s headline part ends at a separator.
_TITLE_SEPARATOR = re.compile(r"\s[|｜\-–—·•]\s")


def _headline_forms(page: Page) -> set[str]:
    """The headline as <head> declares it (og:title, <title>, its part before " | Site")."""
    titles = {normalize(t) for t in (page.head.og_title, page.head.title) if t}
    if page.head.title:
        titles.add(normalize(_TITLE_SEPARATOR.split(page.head.title)[0]))
    titles.discard("")
    return titles


def _headline_repeats(page: Page) -> None:
    """A heading inside the text that repeats the page's headline (the recipe card's name,
    a print or gallery box) is no text: the article's text never holds its headline."""
    titles = _headline_forms(page)
    if not titles:
        return
    start = page.main_start if page.main_start is not None else 0
    for block in page.blocks[start + 1 :]:
        if block.label is Label.MAIN and block.heading and normalize(block.text) in titles:
            block.drop(NoiseKind.OTHER, f"the headline repeated inside the text ({block.path})")


# A time stamp closing the text ("2025/06/12 14:00 송고", "12.06.2025, 14:00 Uhr") is a
# date and a clock time with at most this many words of letters beside them (a month
# name, "Uhr", "송고", "GMT"); a line naming someone ("— Senate (@NGRSenate) October 9,
# 2018") or a date range without a time ("29 November 2018 | 20 January 2019") is text.
MAX_CLOSING_STAMP_WORDS = 2
MAX_CLOSING_DATELINE_WORDS = 8
_LETTERS = re.compile(r"[^\W\d_]+")


def _closing_datelines(page: Page) -> None:
    """The time stamp after the text's last paragraph, repeated at the foot of the text
    (wire and agency layouts), is no line of the text."""
    main = [b for b in page.blocks if b.label is Label.MAIN]
    last_prose = max((b.index for b in main if is_paragraph(b) and not is_date_line(b, MAX_CLOSING_DATELINE_WORDS)), default=None)
    if last_prose is None:
        return
    for block in main:
        if block.index <= last_prose or block.tag in _CELL_TAGS or block.heading:
            continue
        if (
            is_date_line(block, MAX_CLOSING_DATELINE_WORDS)
            and mentions_clock_time(block.text)
            and len(_LETTERS.findall(block.text)) <= MAX_CLOSING_STAMP_WORDS
        ):
            block.drop(NoiseKind.BYLINE_UI, f"time stamp closing the text ({block.path})")


# A link box's own lines (its heading, "Try the links below:") are short.
MAX_LINK_BOX_LINE_WORDS = 20
# ... at most a heading and an intro: more unlinked lines (a list of results with a
# "Full table" link) are a part of the text.
MAX_LINK_BOX_LINES = 2
# ... and the box is small: a heading, an intro line and a list of a few links.
MAX_LINK_BOX_BLOCKS = 12
MAX_LINK_BOX_CHARS = 1200


def _closing_link_boxes(page: Page) -> None:
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


# A contact block closing a press release holds an e-mail address alone on its line, or
# after a one-word label ("E:", "Email:", "E-mail :", "Courriel :").
_MAIL_LINE = re.compile(rf"\s*(?:[^\W\d_][\w-]{{0,9}}\s?[:：]\s*)?{MAIL_ADDRESS}\s*")
# The lines beside it in its element (the contact's name, title, company) are short.
MAX_CONTACT_LINE_WORDS = 6
# A contact's own line may hold name, title and institute ("Prof. Dr. Anna Richter,
# Institut für Ökologie"): a little longer, still no sentence.
MAX_CONTACT_NAME_WORDS = 8


def _contact_lines(page: Page) -> None:
    """After the text's last paragraph, an element (in a text dump: a run of lines without
    a blank one) holding an e-mail address alone on a line ("Jenna Morales / Northwind
    Robotics / press@… / (614) 555-0148" under "Media contact:"): the press contact, its
    other short lines too."""
    blocks = page.blocks
    main = [b.index for b in blocks if b.label is Label.MAIN]
    last_prose = max((i for i in main if is_paragraph(blocks[i])), default=None)
    if last_prose is None:
        return
    groups: dict[int, list[Block]] = {}
    for block in blocks[last_prose + 1 :]:
        # (the address may already be noise: a linked "mailto:" line is a link list)
        if block.ancestors and block.tag not in _CELL_TAGS and (block.label is Label.MAIN or block.link_chars):
            groups.setdefault(block.ancestors[-1], []).append(block)
    for lines in groups.values():
        if not any(_MAIL_LINE.fullmatch(line.text) for line in lines):
            continue  # a phone number alone is no sign: event pages close with a box-office line
        for line in lines:
            if line.label is Label.MAIN and line.words <= MAX_CONTACT_NAME_WORDS and not ends_sentence(line.text):
                line.drop(NoiseKind.OTHER, f"contact details closing the text ({line.path})")
        # the box's own heading right above its lines ("Media contact", "Press contact:")
        label = blocks[lines[0].index - 1]
        if (
            label.label is Label.MAIN
            and (label.heading or label.text.rstrip().endswith((":", "：")))
            and label.words <= MAX_CONTACT_LINE_WORDS
            and len(label.ancestors) >= 2
            and label.ancestors[-2] in lines[0].ancestors  # (a block's own element is its last ancestor)
        ):
            label.drop(NoiseKind.OTHER, f"heading of the contact details closing the text ({label.path})")


# "About Northwind Robotics": a label of at most this many words before the name
# ("About", "Über", "À propos de"), and at most this many profiles close a release.
MAX_PROFILE_LABEL_WORDS = 3
MAX_PROFILES = 3
# A release may close with a line or two after its profiles ("SOURCE Acme Corp", "###").
MAX_PROFILE_CLOSERS = 2
_NAME_WORD = re.compile(r"[^\W\d_][\w&.'’-]*")


def _profiles(page: Page) -> None:
    """Company profiles closing a press release ("About Northwind Robotics" over "Founded
    in 2020, Northwind Robotics designs…"): a short line of a few label words and a
    capitalised name that the text's first paragraph names, over one paragraph that names
    it again, in pairs that run to the end of the text. They describe the issuer, not the
    news. (Without a word list: the label is any 1-3 words; the pairing is the signal.)"""
    blocks = page.blocks
    main = [b for b in blocks if b.label is Label.MAIN]
    opening = next((b for b in main if is_paragraph(b)), None)
    if opening is None or len(main) < 2 * MAX_PROFILES:
        return
    first = len(main)
    end = len(main)
    # a short closing line after the profiles ("SOURCE Northwind Robotics", "###")
    while end > len(main) - MAX_PROFILE_CLOSERS and not is_paragraph(main[end - 1]) and main[end - 1].words <= MAX_CONTACT_LINE_WORDS:
        end -= 1
    position = end - 2
    names: set[str] = set()
    while position >= 0 and len(names) < MAX_PROFILES and main[position] is not opening:
        label, profile = main[position], main[position + 1]
        name = _profile_name(label, profile, opening)
        if name is None or name in names:
            break  # (two "profiles" of one name are the pros and cons of a topic, not issuers)
        first = position
        names.add(name)
        position -= 2
    pairs = len(names)
    if pairs == 0 or first < len(main) // 2:
        return
    for block in main[first:]:
        block.drop(NoiseKind.OTHER, f"company profile closing the text ({block.path})")


def _profile_name(label: Block, profile: Block, opening: Block) -> str | None:
    """The name a profile label announces, if ``label`` is one over ``profile``."""
    if label.link_chars or ends_sentence(label.text):
        return None
    if not is_paragraph(profile) or profile.heading:
        return None
    words = label.text.split()
    for cut in range(1, min(MAX_PROFILE_LABEL_WORDS, len(words) - 1) + 1):
        name_words = words[cut:]
        if not all(_NAME_WORD.fullmatch(w) and w[:1].isupper() for w in name_words):
            continue
        if len(name_words) == 1 and cut > 1:
            continue  # "Benefits of the Atkins diet": a one-word name follows a one-word label ("About Acme")
        name = " ".join(name_words)
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", opening.text) and name in profile.text:
            return name
    return None


# A label closing the text that introduces nothing after it ("WATCH ALSO:") is short.
MAX_DANGLING_LABEL_WORDS = 4
_WORD_CHAR = re.compile(r"\w")


def _ornaments(page: Page) -> None:
    """Lines of the text that are no text: an ornament with no word character ("◆",
    "* * *"; a "___" rule is kept, as the Zyte truth keeps it), and a short label ending
    in a colon that closes the text and so introduces nothing ("WATCH ALSO:" over a
    player). (Pull quotes are kept: the Zyte truth keeps them too.)"""
    main = [b for b in page.blocks if b.label is Label.MAIN]
    for block in main:
        if block.tag not in _CELL_TAGS and _WORD_CHAR.search(block.text) is None:
            block.drop(NoiseKind.OTHER, f"ornament line ({block.path})")
    rest = [b for b in main if b.label is Label.MAIN]
    if len(rest) > 1:
        last = rest[-1]
        if last.tag not in _CELL_TAGS and last.words <= MAX_DANGLING_LABEL_WORDS and last.text.rstrip().endswith((":", "：")):
            last.drop(NoiseKind.OTHER, f"label closing the text, introducing nothing ({last.path})")


def _dek(page: Page, block: Block) -> bool:
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


def _opens_text(block: Block) -> bool:
    """A paragraph the article can open with: prose that is not a list item, not mostly
    links (a tag list, a teaser), not a dateline ("5 กุมภาพันธ์ 2568 เวลา 10:15 น.") and not
    a widget's row ("الهلال 2 - 1 الاتحاد (انتهت)": a bracket closes it like a sentence)."""
    if not is_paragraph(block) or block.tag == "li" or block.link_density > MAX_MAIN_LINK_DENSITY:
        return False
    if is_widget_row(block.text):
        return False
    return not is_date_line(block, MAX_OPENING_DATELINE_WORDS)


# The line an advertisement label announces is a slogan: no sentence, one line of at most
# this many words ("Switch your energy supplier in five minutes and save up to 200 pounds a
# year" runs 15; a paragraph of the text ends its sentence).
MAX_ADVERT_WORDS = 20


def _advert_lines(page: Page) -> None:
    """The line right under an advertisement label ("AD", "Sponsored", "Anzeige") that is
    no sentence is the advert's own line ("Summer deals 🏖 hotels up to 50% off"). Text
    dumps show no box around it, so the label is the only sign; in HTML the line must sit
    inside the label's own element (a slot's label above the next paragraph is no advert)."""
    blocks = page.blocks
    for i, block in enumerate(blocks[:-1]):
        if block.hit != "advertisement":
            continue
        line = blocks[i + 1]
        if line.label is not Label.MAIN or line.heading or line.words > MAX_ADVERT_WORDS or ends_sentence(line.text):
            continue
        if page.format == "html" and (not block.ancestors or block.ancestors[-1] not in line.ancestors[:-1]):
            continue
        if page.format == "text" and line.blank_before:
            continue  # a dump: the label and its advert share a run of lines
        line.drop(NoiseKind.ADVERTISEMENT, "the line an advertisement label announces")


def _opening_datelines(page: Page, start: int) -> None:
    """A dateline between the text's first line and its body ("12/08/2025 às 16h20 ·
    Atualizado há 2 horas" under a one-line subtitle taken as the text's start) is the
    header's, not the text's: short date lines before the second paragraph of prose."""
    paragraphs = 0
    for block in page.blocks[start:]:
        if block.label is not Label.MAIN:
            continue
        if _opens_text(block):
            paragraphs += 1
            if paragraphs >= 2:
                return
        elif block.tag not in _CELL_TAGS and not block.heading and is_date_line(block, MAX_OPENING_DATELINE_WORDS):
            block.drop(NoiseKind.BYLINE_UI, f"dateline at the head of the text ({block.path})")


def _restore_intertitles(page: Page, start: int) -> None:
    """A one-word intertitle ("Travel") that happens to be a menu word, between two
    paragraphs of the article and not a link, belongs to the article."""
    blocks = page.blocks
    for i in range(start + 1, len(blocks) - 1):
        block = blocks[i]
        if block.kind is not NoiseKind.NAVIGATION or block.hit != "navigation" or block.link_chars:
            continue
        if block.words > 4 or (page.format == "html" and not block.heading):
            continue
        if blocks[i - 1].label is Label.MAIN and blocks[i + 1].label is Label.MAIN:
            block.label, block.kind, block.reason = Label.MAIN, None, ""


def _free(block: Block) -> bool:
    """Not yet labelled, in no section, and not an image or a caption."""
    return (
        block.label is Label.UNKNOWN
        and block.section is None
        and block.tag != "img"
        and not block.landmarks & _CAPTION_LANDMARKS
    )


def _html_members(page: Page) -> list[int]:
    blocks = page.blocks
    scores: dict[int, float] = {}
    teasers = _teaser_blocks(page)
    prose = [
        b
        for b in blocks
        if _free(b) and is_paragraph(b) and b.link_density <= MAX_PARAGRAPH_LINK_DENSITY and b.index not in teasers
    ]
    for block in prose:
        weight = _weight(block)
        if len(block.ancestors) >= 2:
            scores[block.ancestors[-2]] = scores.get(block.ancestors[-2], 0.0) + weight
        if len(block.ancestors) >= 3:
            scores[block.ancestors[-3]] = scores.get(block.ancestors[-3], 0.0) + weight / 2
    if not scores:
        free = [i for i, b in enumerate(blocks) if _free(b)]
        return free
    core = max(scores, key=lambda node: (scores[node], -node))
    best = _widen(page, core, prose)
    page.main_container = best
    members = [
        i for i, b in enumerate(blocks) if best in b.ancestors and _free(b) and i not in teasers and not _picture_line(page, b)
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
    headlines = _headline_forms(page)
    for child, inside in children.items():
        box_first, box_last = page.subtree_span[child]
        if box_last >= first_prose:
            continue
        if any(box_first > b.index and scope in b.ancestors and not _dek(page, b) for b in prose):
            continue  # the text has begun above it: a part of a text split over sibling elements
        opening = next((blocks[i] for i in inside if _WORD_CHAR.search(blocks[i].text)), None)
        if opening is None or not opening.heading or opening.heading == 1:
            continue
        if sum(1 for i in inside if blocks[i].heading) < MIN_LEADING_BOX_HEADINGS:
            continue  # one headed list ("Key points") is a lead list, which the contract keeps
        if all(blocks[i].heading for i in inside if _WORD_CHAR.search(blocks[i].text)):
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


def _media_lines(page: Page) -> None:
    """Lines of a video or audio embed inside the text: a duration alone on its line,
    and the embed's title where the same small element shows it twice."""
    blocks = page.blocks
    for block in blocks:
        if block.label is not Label.MAIN or block.tag in _CELL_TAGS:
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


# table cells and list items repeat values ("Yes", "2-1") by nature
_CELL_TAGS = frozenset({"td", "th", "li", "dd", "dt"})


# A reader appeal after the text ("Support us", "Subscribe") is a small element: a
# heading, a pitch of one to three paragraphs and its button, a few hundred characters.
MAX_PITCH_BLOCKS = 6
MAX_PITCH_CHARS = 1500


def _trailing_appeal(page: Page) -> None:
    """HTML: a small element closing the text whose prompt (a subscription button or
    pitch, already noise) asks for support or a sign-up is the appeal, its heading and
    paragraphs too. It must follow more of the article than it holds itself."""
    blocks = page.blocks
    main = [b.index for b in blocks if b.label is Label.MAIN]
    if not main:
        return
    for block in blocks[main[-1] + 1 :]:
        if block.kind is not NoiseKind.SUBSCRIPTION:
            continue
        node = None  # the widest small element around the prompt
        for n in reversed(block.ancestors):
            first, last = page.subtree_span[n]
            if last - first + 1 > MAX_PITCH_BLOCKS or page.subtree_chars.get(n, 0) > MAX_PITCH_CHARS:
                break
            node = n
        if node is None:
            continue
        first, last = page.subtree_span[node]
        inside = [i for i in main if first <= i <= last]
        before = sum(len(blocks[i].text) for i in main if i < first)
        if inside and before >= sum(len(blocks[i].text) for i in inside):
            for i in inside:
                blocks[i].drop(NoiseKind.SUBSCRIPTION, f"reader appeal closing the text ({blocks[i].path})")
            return


# A sign-up box inside the text: its button and a line of pitch, a few blocks and a
# couple of hundred characters; the pitch line is one sentence at most.
MAX_SIGNUP_BLOCKS = 3
MAX_SIGNUP_CHARS = 300
MAX_SIGNUP_LINE_WORDS = 20


def _signup_boxes(page: Page) -> None:
    """HTML: a newsletter sign-up box between paragraphs ("Get the Daily Briefing in your
    inbox." over an e-mail field and a "Sign up" button): the line beside a subscription
    control (a button or form already noise) in the same small element is its pitch."""
    blocks = page.blocks
    for block in blocks:
        if block.kind is not NoiseKind.SUBSCRIPTION or not block.landmarks & _CONTROL_LANDMARKS:
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


def _box_labels(page: Page) -> None:
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
