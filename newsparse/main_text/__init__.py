"""The main text.

HTML: the main text sits in the element that directly holds the most prose (scored
like readability: a paragraph's length counts fully for its parent, half for its
grandparent), widened to an ancestor when siblings hold prose too; teaser cards,
captions and sections stay out. Text dumps: the text runs from the first paragraph
outside any section to the next section heading.

One pass, :func:`main`: the members (``container``), where the text opens, then the
lines and boxes inside it that are no text (``edges``: its first and last lines;
``boxes``: sign-up, media and link boxes within it).
"""
from __future__ import annotations

from ..block import Block, Label
from ..features import has_two_stamps, is_date_line, is_paragraph, is_title_like, is_widget_row
from ..model import NoiseKind
from ..page import Page
from .boxes import box_labels, closing_link_boxes, media_lines, signup_boxes
from .container import html_members, is_dek, is_free
from .edges import CELL_TAGS, advert_lines, author_profiles, closing_datelines, closing_tags, contact_lines, headline_repeats, ornaments, record_table, trailing_appeal


# Inside the article, short blocks mostly made of links are related-link lists.
MAX_MAIN_LINK_DENSITY = 0.6
# A line of at most this many words that states a date is a dateline, not the text's start.
MAX_OPENING_DATELINE_WORDS = 12


def main(page: Page) -> None:
    """Label the main text; remember where the header zone ends."""
    if page.format == "html":
        members = html_members(page)
    else:
        # a dump's text runs from its first paragraph outside any section to the next
        # section heading (lists may come before the article as well as after it)
        members = [i for i, b in enumerate(page.blocks) if is_free(b)]
    # the text opens with a paragraph of running prose: a list above it (key points,
    # a list of teasers) belongs to the header, unless the whole text is a list
    start = next((i for i in members if _opens_text(page.blocks[i]) and not is_dek(page, page.blocks[i])), None)
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
            if not page.blocks[i].heading and is_dek(page, page.blocks[i]):
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
    advert_lines(page)
    if page.format == "html":
        trailing_appeal(page)
        signup_boxes(page)
        box_labels(page)
        media_lines(page)
        closing_link_boxes(page)
    contact_lines(page)
    closing_datelines(page)
    headline_repeats(page)
    author_profiles(page)  # after the contact lines: the profiles then close the text
    closing_tags(page)
    record_table(page)
    ornaments(page)  # after the media lines: a player closing the text is gone by then


def _opens_text(block: Block) -> bool:
    """A paragraph the article can open with: prose that is not a list item, not mostly
    links (a tag list, a teaser), not a dateline ("5 กุมภาพันธ์ 2568 เวลา 10:15 น.") and not
    a widget's row ("الهلال 2 - 1 الاتحاد (انتهت)": a bracket closes it like a sentence)."""
    if not is_paragraph(block) or block.tag == "li" or block.link_density > MAX_MAIN_LINK_DENSITY:
        return False
    if is_widget_row(block.text):
        return False
    return not is_date_line(block, MAX_OPENING_DATELINE_WORDS)


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
        elif block.tag not in CELL_TAGS and not block.heading and _header_row(block):
            block.drop(NoiseKind.BYLINE_UI, f"dateline at the head of the text ({block.path})")


# A byline row with its dates ("NAME Valencia - 14 may 2025 - 06:00 CEST Actualizado: 14 may
# 2025 - 09:30") runs longer than a bare dateline: this many words at most.
MAX_STAMPED_ROW_WORDS = 20


def _header_row(block: Block) -> bool:
    """A dateline, or a row of two dates or times and no sentence (published and updated)."""
    if is_date_line(block, MAX_OPENING_DATELINE_WORDS):
        return True
    return block.words <= MAX_STAMPED_ROW_WORDS and has_two_stamps(block.text)


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
