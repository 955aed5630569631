"""Images with a description: <img alt> and figure captions (photo credits cut out to
noise), or, in a text dump, a line right above its AI-image label or its photo credit."""
from __future__ import annotations

import re

from .block import Block, Label, ends_sentence_mark
from .features import bracketed_credit, is_paragraph
from .model import NoiseKind
from .page import ImageRecord, Page

# A dump line above a photo credit is its caption only if caption-sized.
MAX_DUMP_CAPTION_WORDS = 40
# Outside <figure>, an image's parent holds its caption only if it is this small
# (otherwise the parent is the article body and the next block a paragraph).
MAX_CAPTION_HOLDER_CHARS = 400
# When the picture's own parent holds nothing else, its caption may sit at most this
# many levels further up (a wrapper <div> around the <img>).
CAPTION_CLIMB = 2
# ... and holds at most this many lines beside the picture (a caption and its credit).
MAX_CLIMBED_CAPTION_LINES = 2
# ... none of them mostly a link (a teaser card's picture and its linked headline).
MAX_CLIMBED_CAPTION_LINK_DENSITY = 0.5


def images(page: Page) -> None:
    """Images with a description: <img alt> / figure captions, or a dump line followed by
    an AI-image label. Captions lose their photo credits to noise."""
    if page.format == "html":
        for i, block in enumerate(page.blocks):
            if block.tag == "img":
                _html_image(page, i)
    else:
        blocks = page.blocks
        for i, block in enumerate(blocks):
            if block.tag == "img":
                _dump_picture(page, i)  # a Markdown dump's "![alt](src)"
        for i in range(len(blocks) - 1):
            label, line = blocks[i + 1], blocks[i]
            if label.blank_before or line.label is not Label.UNKNOWN or line.tag == "img":
                continue
            # a caption line right above its AI label or its photo credit ("Foto: X")
            if label.hit == "ai_image_label":
                line.label = Label.IMAGE
                page.images.append(ImageRecord(block=i, alt=line.text, ai_generated=True))
            elif label.hit in ("photo_credit_prefix", "photo_credit_phrase") and line.words <= MAX_DUMP_CAPTION_WORDS:
                # "Foto: X", or a note such as "（写真は一部加工しています）" under the caption
                line.label = Label.IMAGE
                page.images.append(ImageRecord(block=i, alt=line.text, ai_generated=False))
            elif label.hit is None and _slash_credit(label.text) and line.words <= MAX_DUMP_CAPTION_WORDS:
                # "Kevin Marsh/Millbrook Courier" under a caption sentence: photographer/outlet
                if ends_sentence_mark(line.text) and line.hit is None:
                    line.label = Label.IMAGE
                    page.images.append(ImageRecord(block=i, alt=line.text, ai_generated=False))
                    label.drop(NoiseKind.IMAGE_CREDIT, "photo credit (photographer/outlet)")
        _label_above(page)
        _lynx_pictures(page)
        _credited_captions(page)


# A Markdown picture's labels sit on the lines right under it (a blank line between them
# or not): its caption, its AI label, its photo credit, at most this many lines down.
MAX_PICTURE_LABEL_LINES = 2


def _dump_picture(page: Page, i: int) -> None:
    """A picture of a Markdown dump. Its caption is the text glued to it in one paragraph
    (html2text writes "![alt](src)Caption"), or, for a picture without alt text, the
    caption-sized line under it; an AI label or a credit under either flags or credits it.
    Its description is its alt text, else its caption."""
    blocks = page.blocks
    img = blocks[i]
    below = i + 1
    caption: str | None = None
    if below < len(blocks) and _dump_caption(page, img, blocks[below]):
        caption = _split_credit(page, below) or None
        if blocks[below].label is Label.UNKNOWN:
            blocks[below].label = Label.CAPTION
        below += 1
    ai = False
    for other in blocks[below : below + MAX_PICTURE_LABEL_LINES]:
        if other.tag == "img":
            break
        if other.hit == "ai_image_label" or _ai_credit_line(page, other):
            ai = True
        elif other.hit not in ("photo_credit_prefix", "photo_credit_phrase"):
            break
    alt = img.text or caption
    if not alt:
        img.drop(NoiseKind.OTHER, "image without description")
        return
    img.label = Label.IMAGE
    page.images.append(ImageRecord(block=i, alt=alt, caption=caption, ai_generated=ai))


def _dump_caption(page: Page, img: Block, line: Block) -> bool:
    """Is ``line``, right under a Markdown picture, its caption?"""
    if line.tag == "img" or line.heading or line.link_chars or line.hit is not None or line.label is not Label.UNKNOWN:
        return False
    if line.words > MAX_DUMP_CAPTION_WORDS:
        return False
    if not line.blank_before:
        return True  # glued to the picture in one paragraph
    # a picture without alt text: the line under it describes it when it stands alone
    # between blank lines (a teaser's picture has its headline and summary in one run) and
    # shows a caption's sign: a label or credit under it, a credit in it, or no full stop
    # (a lede under a bare picture is a sentence with none of these)
    after = page.blocks[line.index + 1] if line.index + 1 < len(page.blocks) else None
    if img.text or (after is not None and not after.blank_before):
        return False
    labelled = after is not None and (after.hit in _PICTURE_LABEL_HITS or _ai_credit_line(page, after))
    credited = bracketed_credit(line.text, page.lexicon) is not None or _trailing_credit(line.text) is not None
    return labelled or credited or not ends_sentence_mark(line.text)


_PICTURE_LABEL_HITS = frozenset({"ai_image_label", "photo_credit_prefix", "photo_credit_phrase"})


def _ai_credit_line(page: Page, block: Block) -> bool:
    """A credit line that names the picture AI-made ("Foto: KI-generiert")."""
    return block.hit in ("photo_credit_prefix", "photo_credit_phrase") and page.lexicon.contains("ai_image_label", block.text)


def _lynx_pictures(page: Page) -> None:
    """Text dumps: lynx shows a picture as its alt text in brackets ("[La boulangerie de la
    place]"); the caption under it repeats that text, then gives the credit."""
    blocks = page.blocks
    for i in range(len(blocks) - 1):
        picture, caption = blocks[i], blocks[i + 1]
        text = picture.text
        if picture.label is not Label.UNKNOWN or not (text.startswith("[") and text.endswith("]")) or caption.blank_before:
            continue
        alt = text[1:-1].strip()
        if len(alt) < MIN_LYNX_ALT_CHARS or not caption.text.startswith(alt) or caption.label is not Label.UNKNOWN:
            continue
        picture.label = Label.IMAGE
        page.images.append(ImageRecord(block=i, alt=alt, caption=_split_credit(page, i + 1) or None))
        if caption.label is Label.UNKNOWN:
            caption.label = Label.CAPTION


# (a bracketed alt text shorter than this is a mark or a button: "[x]", "[Menu]")
MIN_LYNX_ALT_CHARS = 12


def _credited_captions(page: Page) -> None:
    """Text dumps: a caption-sized line ending in a bracketed photo credit is a picture's
    caption (the picture itself is not in the dump); its credit goes to noise."""
    for i, line in enumerate(page.blocks):
        if line.label is not Label.UNKNOWN or line.tag == "img" or line.words > MAX_DUMP_CAPTION_WORDS:
            continue
        found = bracketed_credit(line.text, page.lexicon)  # "… (Fotoğraf: İHA)", "… (Photo: AFP)"
        if found is None:
            continue
        caption = line.text[: found.start()].strip()
        if not caption:
            continue
        line.label = Label.IMAGE
        page.images.append(ImageRecord(block=i, alt=caption, ai_generated=False))
        page.extra_noise.append((i, found.group(0).strip(), NoiseKind.IMAGE_CREDIT, "photo credit in a caption"))


# A photo credit of capitalised names on both sides of a slash: "Kevin Marsh/Millbrook
# Courier", "Jane Doe / AP", "Иван Петров/ТАСС" (prose has lower-case words, or no slash
# between two short runs of names): at most this many words a side.
MAX_CREDIT_SIDE_WORDS = 5


def _slash_credit(text: str) -> bool:
    sides = text.split("/")
    if len(sides) != 2:
        return False
    for side in sides:
        words = side.split()
        if not 0 < len(words) <= MAX_CREDIT_SIDE_WORDS or not all(w[:1].isupper() or w == "&" for w in words):
            return False
    return True


def _label_above(page: Page) -> None:
    """"AI-generated image" ON TOP of its caption line: a label that opens a group, then one
    caption-sized line that closes it (the next line starts after a blank). A label that
    already serves the line above it is not reused."""
    blocks = page.blocks
    for i in range(len(blocks) - 1):
        label, line = blocks[i], blocks[i + 1]
        if label.hit != "ai_image_label" or line.blank_before or line.label is not Label.UNKNOWN:
            continue
        if i > 0 and not label.blank_before and blocks[i - 1].label is Label.IMAGE:
            continue  # the label closes the caption above it
        closes = i + 2 >= len(blocks) or blocks[i + 2].blank_before
        # a caption ends like a sentence, or (CJK captions often have no 。) the body
        # text follows it straight away, where a headline would be followed by its byline
        described = ends_sentence_mark(line.text) or (
            i + 2 < len(blocks) and is_paragraph(blocks[i + 2]) and blocks[i + 2].label is Label.UNKNOWN
        )
        if closes and line.hit is None and line.words <= MAX_DUMP_CAPTION_WORDS and described:
            line.label = Label.IMAGE
            page.images.append(ImageRecord(block=i + 1, alt=line.text, ai_generated=True))


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
        if other.heading:
            break  # a card's title under its picture: the card's, not a caption
        if other.hit == "ai_image_label":
            ai = True
            continue
        if page.lexicon.contains("ai_image_label", other.text):
            ai = True  # "Illustrative image created with AI" matched a credit phrase first
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
    if caption_text is None and _shown_before(page, img.src, alt):
        # the same picture and description again (responsive sizes, a carousel's clones)
        img.drop(NoiseKind.OTHER, "the same picture again")
        return
    img.label = Label.IMAGE
    page.images.append(
        ImageRecord(block=i, alt=alt, caption=caption_text if img.text else None, ai_generated=ai)
    )


def _shown_before(page: Page, src: str | None, alt: str) -> bool:
    """Is an image of this source and description already among the page's images?"""
    return bool(src) and any(r.alt == alt and page.blocks[r.block].src == src for r in page.images)


# A credit after a caption's last sentence: "© Name", "ⓒ Paper DB", "AGENCY / Name",
# "本报记者 张帆 摄" (Chinese "photographed by")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])\s*")
_COPYRIGHT_CREDIT = re.compile(r"^[©ⓒ]\s*\S.{0,40}$")
_AGENCY_CREDIT = re.compile(r"^[A-ZÀ-Ý][\w.'’-]*(?:\s[\w.'’-]+){0,2}\s/\s[A-ZÀ-Ý][\w.'’-]*(?:\s[\w.'’-]+){0,3}$")
_SHOT_BY = re.compile(r"^\S.{0,18}\s摄$")
# A credit is short: at most this many words.
MAX_TRAILING_CREDIT_WORDS = 7


def _trailing_credit(text: str) -> tuple[int, int] | None:
    """(start, end) of a photo credit closing a caption after its last sentence, if any."""
    cuts = [m.end() for m in _SENTENCE_BREAK.finditer(text) if m.end() < len(text)]
    if not cuts:
        return None
    start = cuts[-1]
    tail = text[start:].strip()
    if not tail or len(tail.split()) > MAX_TRAILING_CREDIT_WORDS or ends_sentence_mark(tail):
        return None
    if _COPYRIGHT_CREDIT.match(tail) or _AGENCY_CREDIT.match(tail) or _SHOT_BY.match(tail):
        return start, len(text)
    return None


_TEXT_HOLDERS = frozenset("p blockquote li ul ol dl dd td th table h1 h2 h3 h4 h5 h6".split())


def _figure(page: Page, img: Block) -> int | None:
    """The element holding an image and its caption: its <figure>, else a small parent.
    A frame holding only the picture (``<div class="media"><img></div><p>caption</p>``,
    or a <figure> without a <figcaption>) has its caption in the small element one or
    two levels up."""
    position = next((k for k in range(len(img.ancestors) - 1, -1, -1) if page.nodes[img.ancestors[k]].tag == "figure"), None)
    if position is None:
        if len(img.ancestors) < 2:
            return None
        position = len(img.ancestors) - 2
        if page.subtree_chars.get(img.ancestors[position], 0) > MAX_CAPTION_HOLDER_CHARS:
            return None
    holder = img.ancestors[position]
    for node_id in reversed(img.ancestors[max(0, position - CAPTION_CLIMB) : position]):
        first, last = page.subtree_span.get(holder, (img.index, img.index))
        if last > img.index:
            break  # the holder already holds text after the picture
        if page.subtree_chars.get(node_id, 0) > MAX_CAPTION_HOLDER_CHARS or page.nodes[node_id].tag in _TEXT_HOLDERS:
            break  # a quote or list item holding an avatar and its text is no picture frame
        first, last = page.subtree_span.get(node_id, (img.index, img.index))
        lines = [b for b in page.blocks[first : last + 1] if b.tag != "img"]
        if first < img.index and any(b.index < img.index for b in lines):
            break  # text above the picture: a card or a body part, not a picture frame
        if len(lines) > MAX_CLIMBED_CAPTION_LINES:
            break  # several lines under the picture: the text goes on, no caption alone
        if any(b.link_density > MAX_CLIMBED_CAPTION_LINK_DENSITY for b in lines):
            break  # a linked line beside a picture: a card's headline, not a caption
        holder = node_id
    return holder


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
        found = _trailing_credit(block.text)
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
