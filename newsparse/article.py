"""The article: its images, its main text, and its header (headline, byline, date).

HTML: the main text sits in the element that directly holds the most prose (scored
like readability: a paragraph's length counts fully for its parent, half for its
grandparent), widened to an ancestor when siblings hold prose too. Text dumps: the
main text runs from the first paragraph to the first section heading.
The header is what comes before the first paragraph.
"""
from __future__ import annotations

import datetime as dt
import re

from .block import Block, Label, cjk_count
from .features import is_name_like, is_paragraph, is_title_like
from .langid import detect
from .meta import looks_dated, parse_date
from .model import NoiseKind
from .page import ImageRecord, Page

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
# A dump line above a photo credit is its caption only if caption-sized.
MAX_DUMP_CAPTION_WORDS = 40
# Outside <figure>, an image's parent holds its caption only if it is this small
# (otherwise the parent is the article body and the next block a paragraph).
MAX_CAPTION_HOLDER_CHARS = 400
# dateparser costs milliseconds a call: read at most this many datelines per page.
MAX_DATELINE_TRIES = 3
# "Publié le 02/07/2025 à 06h00, mis à jour le 03/07/2025 à 09h15": a labelled
# dateline may run longer than a bare one.
MAX_PUBLISHED_LINE_WORDS = 18
# Without <h1>, the headline is looked for among this many blocks above the text,
# and preferred when its words and the <title>'s overlap with this F1.
TITLE_SEARCH_BLOCKS = 12
MIN_TITLE_OVERLAP = 0.5
_WORDS = re.compile(r"[^\W_]+")
# A dek sharing this share of its words with og:description is that description.
DESCRIPTION_OVERLAP = 0.7
# A dateline is short: a line with a date and at most this many words.
MAX_DATELINE_WORDS = 10
# captions are the images' text, never the article's
_CAPTION_LANDMARKS = frozenset({"caption", "figcaption"})
_SIDE_LANDMARKS = frozenset({"aside", "nav", "footer", "related", "comments", "header"})
_TIME = re.compile(r"\b\d{1,2}[:h]\d{2}\b|\b\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?|\b\d{1,2}[-./]\d{1,2}[-./]\d{4}\b")
# A name ends where a separator or a digit starts (": · 2 April 2025").
_NAME_END = re.compile(r"\s[·|•—–-]\s|[·|•／/（(]|\d")
_JOINERS = re.compile(r"^[\s·|•,–—-]+|[\s·|•,–—-]+$")


# ---------------------------------------------------------------------------- images


def images(page: Page) -> None:
    """Images with a description: <img alt> / figure captions, or a dump line followed by
    an AI-image label. Captions lose their photo credits to noise."""
    if page.format == "html":
        for i, block in enumerate(page.blocks):
            if block.tag == "img":
                _html_image(page, i)
    else:
        blocks = page.blocks
        for i in range(len(blocks) - 1):
            label, line = blocks[i + 1], blocks[i]
            if label.blank_before or line.label is not Label.UNKNOWN:
                continue
            # a caption line right above its AI label or its photo credit ("Foto: X")
            if label.hit == "ai_image_label":
                line.label = Label.IMAGE
                page.images.append(ImageRecord(block=i, alt=line.text, ai_generated=True))
            elif label.hit == "photo_credit_prefix" and line.words <= MAX_DUMP_CAPTION_WORDS:
                line.label = Label.IMAGE
                page.images.append(ImageRecord(block=i, alt=line.text, ai_generated=False))


def _html_image(page: Page, i: int) -> None:
    blocks = page.blocks
    img = blocks[i]
    holder = _figure(page, img)
    ai = False
    captions: list[str] = []
    for j in range(i + 1, min(len(blocks), i + 4)):
        other = blocks[j]
        if holder is None or holder not in other.ancestors or other.tag == "img":
            break
        if other.hit == "ai_image_label":
            ai = True
            continue
        if other.label is not Label.UNKNOWN:
            continue
        caption = _split_credit(page, j)
        if caption:
            captions.append(caption)
        other.label = Label.CAPTION
    caption_text = " ".join(captions) or None
    alt = img.text or caption_text
    if img.label is Label.NOISE and "ad" in img.landmarks:
        return
    if not alt:
        img.drop(NoiseKind.OTHER, "image without description")  # no text: nothing to keep
        return
    img.label = Label.IMAGE
    page.images.append(
        ImageRecord(block=i, alt=alt, caption=caption_text if img.text else None, ai_generated=ai)
    )


def _figure(page: Page, img: Block) -> int | None:
    """The element holding an image and its caption: its <figure>, else a small parent."""
    for node_id in reversed(img.ancestors):
        if page.nodes[node_id].tag == "figure":
            return node_id
    if len(img.ancestors) < 2:
        return None
    parent = img.ancestors[-2]
    return parent if page.subtree_chars.get(parent, 0) <= MAX_CAPTION_HOLDER_CHARS else None


def _split_credit(page: Page, j: int) -> str:
    """The caption without its photo credit; the credit goes to noise."""
    block = page.blocks[j]
    if block.hit in ("photo_credit_prefix", "photo_credit_phrase") and page.lexicon.match(
        "photo_credit_prefix", block.text
    ):
        block.drop(NoiseKind.IMAGE_CREDIT, "photo credit")
        return ""
    found = page.lexicon.find("photo_credit_prefix", block.text) or page.lexicon.find(
        "photo_credit_phrase", block.text
    )
    if found is None:
        return block.text
    start, end = found
    if page.lexicon.match("photo_credit_prefix", block.text[start:]):
        end = len(block.text)  # "Foto: Pablo Ruiz": the credit runs to the end
    credit = block.text[start:end].strip()
    caption = (block.text[:start] + " " + block.text[end:]).strip()
    if not caption:
        block.drop(NoiseKind.IMAGE_CREDIT, "photo credit")
        return ""
    page.extra_noise.append((j, credit, NoiseKind.IMAGE_CREDIT, "photo credit in a caption"))
    return " ".join(caption.split())


# ---------------------------------------------------------------------------- main text


def main(page: Page) -> None:
    """Label the main text; remember where the header zone ends."""
    if page.format == "html":
        members = _html_members(page)
    else:
        # a dump's text runs from its first paragraph outside any section to the next
        # section heading (lists may come before the article as well as after it)
        members = [i for i, b in enumerate(page.blocks) if _free(b)]
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
            continue
        block = page.blocks[i]
        if block.link_density > MAX_MAIN_LINK_DENSITY and not is_paragraph(block):
            block.drop(NoiseKind.NAVIGATION, f"link list inside the article ({block.path})")
        else:
            block.label = Label.MAIN
    _restore_intertitles(page, start)


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
    best = max(scores, key=lambda node: (scores[node], -node))
    best = _widen(page, best, prose)
    page.main_container = best
    return [i for i, b in enumerate(blocks) if best in b.ancestors and _free(b) and i not in teasers]


def _teaser_blocks(page: Page) -> set[int]:
    """Prose blocks of teaser cards: a small element that also holds a linked headline
    (or a heading). Their summaries are no article prose."""
    teasers: set[int] = set()
    blocks = page.blocks
    for block in blocks:
        if not is_paragraph(block):
            continue
        for node in list(reversed(block.ancestors[:-1]))[:TEASER_DEPTH]:
            first, last = page.subtree_span[node]
            if last - first + 1 > MAX_TEASER_BLOCKS or page.subtree_chars.get(node, 0) > MAX_TEASER_CHARS:
                break
            # a card: a headline (heading or link) above at most two short summary paragraphs
            headline_above = any(blocks[j].heading or blocks[j].link_density > 0.5 for j in range(first, block.index))
            summaries = sum(1 for j in range(first, last + 1) if is_paragraph(blocks[j]))
            if headline_above and summaries <= 2 and block.words <= MAX_TEASER_WORDS:
                teasers.add(block.index)
                break
    return teasers


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


# ---------------------------------------------------------------------------- header


def header(page: Page) -> None:
    """Headline, byline and date from the blocks before the first paragraph."""
    start = _header_end(page)
    zone = [i for i in range(start) if page.blocks[i].section is None]
    page.title = _title(page, zone)
    if page.title is not None:
        page.blocks[page.title].label = Label.TITLE
    if page.format == "html":
        # the article's own header: inside its container, or between headline and text
        zone = [
            i
            for i in zone
            if (page.main_container is not None and page.main_container in page.blocks[i].ancestors)
            or (page.title is not None and i > page.title)
        ]
    if page.head.published is None:
        page.date_languages = _date_languages(page)
    page.published = page.head.published or _published(page, zone)
    page.authors = list(page.head.authors) or _authors(page, zone)
    _unlabelled_bylines(page)
    for i in zone:
        block = page.blocks[i]
        if block.label is not Label.UNKNOWN:
            continue
        if page.title is not None and i > page.title and _is_lead(page, block):
            block.label = Label.MAIN  # a standfirst or a first intertitle ("Key points")
            continue
        if _is_dateline(page, block) or is_name_like(_strip_dates(block.text)):
            block.drop(NoiseKind.BYLINE_UI, "byline or dateline above the article")
        elif block.tag != "img":
            block.drop(NoiseKind.OTHER, "header line above the article (kicker, label)")


def _is_lead(page: Page, block: Block) -> bool:
    """Between headline and text: a standfirst (a sentence), rather than a byline, date
    or button. A line that repeats the page's declared description
    (og:description) is that summary shown as a dek, not part of the body."""
    if block.tag == "img" or is_name_like(_strip_dates(block.text)):
        return False
    if page.head.description and _overlap(block.text, page.head.description) >= DESCRIPTION_OVERLAP:
        return False
    return is_paragraph(block) and not block.heading  # an <h2> under the <h1> is a dek


def _unlabelled_bylines(page: Page) -> None:
    """A bare name inside the text is a byline when it sits beside a byline or dateline,
    or closes the article ("Minh Anh" under the last paragraph)."""
    blocks = page.blocks
    main = [i for i, b in enumerate(blocks) if b.label is Label.MAIN]
    if len(main) < 3:
        return
    for position, i in enumerate(main):
        block = blocks[i]
        if block.words > 4 or not is_name_like(block.text):
            continue
        neighbours = [blocks[j] for j in (i - 1, i + 1) if 0 <= j < len(blocks)]
        beside_byline = any(n.kind is NoiseKind.BYLINE_UI for n in neighbours)
        if beside_byline or position == len(main) - 1:
            block.drop(NoiseKind.BYLINE_UI, "author name without a label")
            if block.text not in page.authors:
                page.authors.append(block.text)


def _header_end(page: Page) -> int:
    """Index of the first main paragraph (the end of the header zone)."""
    return page.main_start if page.main_start is not None else len(page.blocks)


def _date_languages(page: Page) -> tuple[str, ...]:
    """Languages to read month names in: the page's declared one and the article's."""
    sample = " ".join(b.text for b in page.blocks if b.label is Label.MAIN)[:600]
    chrome = " ".join(b.text for b in page.blocks if b.label is Label.NOISE)[:600]
    found = [page.head.language, detect(sample), detect(chrome)]
    return tuple(dict.fromkeys(code for code in found if code))


def _title(page: Page, zone: list[int]) -> int | None:
    blocks = page.blocks
    if page.format == "html":
        h1 = [i for i, b in enumerate(blocks) if b.heading == 1 and b.section is None and b.label is not Label.TITLE]
        h1 = [i for i in h1 if blocks[i].label is Label.UNKNOWN or blocks[i].kind is NoiseKind.NAVIGATION]
        before = [i for i in h1 if i in zone]
        if before:
            return before[-1]
        if h1:
            return h1[0]
        # no <h1>: a headline-like line just above the text, preferably the one the
        # <title> repeats (a site name in the logo also matches the <title>: F1, not recall)
        near = [i for i in zone[-TITLE_SEARCH_BLOCKS:] if _headline_candidate(page, blocks[i])]
        named = _title_like_head(page, near)
        if named is not None:
            return named
        return near[-1] if near else None
    for i in zone:
        if _headline_candidate(page, blocks[i]):
            return i
    return None


def _headline_candidate(page: Page, block: Block) -> bool:
    if block.label is not Label.UNKNOWN or block.tag == "img" or block.time:
        return False
    return is_title_like(block) and not is_name_like(block.text) and not _is_dateline(page, block)


def _title_like_head(page: Page, candidates: list[int]) -> int | None:
    """The candidate that the <title>/og:title repeats best (word F1)."""
    names = [t for t in (page.head.og_title, page.head.title) if t]
    best, best_score = None, MIN_TITLE_OVERLAP
    for i in candidates:
        text = page.blocks[i].text
        score = max((_f1(_overlap(text, name), _overlap(name, text)) for name in names), default=0.0)
        if score > best_score:
            best, best_score = i, score
    return best


def _f1(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b else 0.0


def _overlap(text: str, name: str) -> float:
    """Share of the words of ``text`` found in ``name`` (CJK: characters)."""
    words = _WORDS.findall(text.casefold()) or list(text)
    target = set(_WORDS.findall(name.casefold())) or set(name)
    return sum(1 for w in words if w in target) / max(1, len(words))


def _is_dateline(page: Page, block: Block) -> bool:
    """A short line that states a date (numeric, or a year beside a month word).
    Cheap on purpose: only the publication date itself is read with dateparser."""
    if block.words > MAX_DATELINE_WORDS:
        return False
    return parse_date(block.text) is not None or looks_dated(block.text)


def _published(page: Page, zone: list[int]) -> dt.date | None:
    """The first <time datetime> of the header, else the first dateline it states."""
    candidates = [
        page.blocks[i]
        for i in zone
        if page.blocks[i].hit not in ("updated_prefix", "relative_time", "editor_prefix")
    ]
    for block in candidates:
        found = parse_date(block.time) if block.time else None
        if found:
            return found
    tries = 0
    for block in candidates:
        if block.hit == "published_prefix":
            if block.words > MAX_PUBLISHED_LINE_WORDS:
                continue
        elif not _is_dateline(page, block):
            continue
        text = page.lexicon.strip_prefix("published_prefix", block.text) or block.text
        labelled = block.hit == "published_prefix"
        found = parse_date(text, textual=True, languages=page.date_languages, short_year=labelled)
        if found:
            return found
        tries += 1
        if tries >= MAX_DATELINE_TRIES:
            break
    return None


def _authors(page: Page, zone: list[int]) -> list[str]:
    names: list[str] = []
    lexicon = page.lexicon
    for position, i in enumerate(zone):
        block = page.blocks[i]
        if block.hit in ("editor_prefix", "updated_prefix", "relative_time"):
            continue
        text = _strip_dates(block.text)
        name = lexicon.strip_prefix("byline_prefix", text)
        if name is None:
            name = lexicon.strip_suffix("byline_suffix", text)
        if name is None and (block.time or _is_dateline(page, block)) and text and is_name_like(text):
            name = text
        if name is None and block.label is Label.UNKNOWN and is_name_like(text) and _next_to_dateline(page, zone, position):
            name = text
        if name:
            name = _NAME_END.split(name, 1)[0].strip(" ,;·|•")
            names.extend(n for n in re.split(r"\s*(?:,|;|&|、| and | und | et | y | e )\s*", name) if n)
            if block.label is Label.UNKNOWN:
                block.drop(NoiseKind.BYLINE_UI, "byline")
    return list(dict.fromkeys(n for n in names if is_name_like(n)))


def _next_to_dateline(page: Page, zone: list[int], position: int) -> bool:
    for other in (position - 1, position + 1):
        if 0 <= other < len(zone):
            block = page.blocks[zone[other]]
            if _is_dateline(page, block) or block.hit in ("published_prefix", "byline_prefix"):
                return True
    return False


def _strip_dates(text: str) -> str:
    return _JOINERS.sub("", _TIME.sub(" ", text)).strip()
