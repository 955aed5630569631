"""Stage 4, classify: label every block, by a chain of small passes over one ``Page``.

Context-free rules first (lexicon hits, landmarks), then context passes (cookie
banners, sections claimed by their headings, the main text, its header, images,
related items, reactions), then a last pass that gives every block left a noise kind.
``PASSES`` lists them by name; ``run(..., disabled=("contrast",))`` switches one off.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from . import header, images, main_text, sections
from .header.rows import MAX_SEGMENTED_LINE_WORDS
from .block import Block, Label
from .features import (
    CLOCK_ONLY,
    MAIL_ADDRESS,
    MAX_PREFIX_WORDS,
    PRIORITY_EXACT,
    ends_sentence,
    is_breadcrumb,
    is_counter,
    is_name_like,
    is_paragraph,
    mark_hits,
    name_before_date,
    opens_with_connector,
)
from .langid import dominant_script, scripts_mix
from .meta import looks_dated
from .model import NoiseKind
from .page import Page

# Noise kind and reason for blocks whose lexicon hit alone decides they are noise.
# (A photo-credit *phrase* inside a line is cut out of captions by the image pass;
# alone it decides nothing: "Reuters reported..." is prose.)
HIT_NOISE: dict[str, tuple[NoiseKind, str]] = {
    "ai_image_label": (NoiseKind.AI_LABEL, "AI-generated image label"),
    "ai_text_label": (NoiseKind.AI_LABEL, "AI-generated text label"),
    "cookie_heading": (NoiseKind.COOKIE_BANNER, "cookie banner heading"),
    "related_heading": (NoiseKind.SECTION_HEADING, "related-articles heading"),
    "people_say_heading": (NoiseKind.SECTION_HEADING, "reactions heading"),
    "comments_heading": (NoiseKind.SECTION_HEADING, "comments heading"),
    "trending_heading": (NoiseKind.SECTION_HEADING, "trending/most-read heading"),
    "advertisement": (NoiseKind.ADVERTISEMENT, "advertisement label"),
    "share": (NoiseKind.SHARE, "share button"),
    "subscription": (NoiseKind.SUBSCRIPTION, "subscription prompt"),
    "comment_ui": (NoiseKind.COMMENT_UI, "comment widget control"),
    "comment_placeholder": (NoiseKind.COMMENT_UI, "empty comment box prompt"),
    "relative_time": (NoiseKind.BYLINE_UI, "relative time"),
    "navigation": (NoiseKind.NAVIGATION, "navigation word"),
    "read_also_prefix": (NoiseKind.NAVIGATION, "inline cross-link"),
    "tags_prefix": (NoiseKind.NAVIGATION, "topic tags"),
    "subscription_phrase": (NoiseKind.SUBSCRIPTION, "subscription or newsletter pitch"),
    "editor_prefix": (NoiseKind.BYLINE_UI, "editor line"),
    "updated_prefix": (NoiseKind.BYLINE_UI, "update time"),
    "published_prefix": (NoiseKind.BYLINE_UI, "publication dateline"),
    "byline_prefix": (NoiseKind.BYLINE_UI, "byline"),
    "byline_suffix": (NoiseKind.BYLINE_UI, "byline"),
    "photo_credit_prefix": (NoiseKind.IMAGE_CREDIT, "photo credit"),
    "footer_phrase": (NoiseKind.FOOTER, "site footer"),
}
# Landmark hints that make a block noise wherever it sits (unless the landmark holds
# most of the page's text, which means it wraps the page rather than marks chrome).
LANDMARK_NOISE: dict[str, tuple[NoiseKind, str]] = {
    "nav": (NoiseKind.NAVIGATION, "inside navigation"),
    "cookie": (NoiseKind.COOKIE_BANNER, "inside a consent dialog"),
    "dialog": (NoiseKind.OTHER, "inside a dialog"),
    "form": (NoiseKind.OTHER, "form control"),
    "button": (NoiseKind.OTHER, "button"),
    "select": (NoiseKind.OTHER, "form control"),
    "ad": (NoiseKind.ADVERTISEMENT, "inside an advertisement"),
    "share": (NoiseKind.SHARE, "inside a share bar"),
    "subscription": (NoiseKind.SUBSCRIPTION, "inside a subscription box"),
    "hidden": (NoiseKind.OTHER, "hidden element"),
    "gallery": (NoiseKind.OTHER, "inside a photo gallery"),
}
# Page-level header/footer only; an <article>'s own <header> holds its headline.
PAGE_LANDMARK_NOISE: dict[str, tuple[NoiseKind, str]] = {
    "footer": (NoiseKind.FOOTER, "inside the page footer"),
    "header": (NoiseKind.NAVIGATION, "inside the page header"),
}
# A landmark wrapping more than this share of the page's text is a layout wrapper.
MAX_LANDMARK_SHARE = 0.5
# A subscription element holding at least this many paragraphs of at least this many
# words is gated article text, not a pitch (pitches run one or two short sentences).
MIN_GATED_PARAGRAPHS = 3
MIN_GATED_PARAGRAPH_WORDS = 40
# Blocks closer than this to a consent button or cookie heading belong to the banner.
COOKIE_REACH = 3
# Lines of at most this many words, seen twice or more, are repeated UI labels.
MAX_REPEATED_LABEL_WORDS = 8
# Content blocks this short in another script than the article are page chrome.
MAX_CONTRAST_WORDS = 12

Pass = Callable[[Page], None]


def hits(page: Page) -> None:
    """Context-free: lexicon hits, breadcrumbs."""
    mark_hits(page.blocks, page.lexicon)
    # ("Open Settings > Privacy > Location" in a how-to's text is no breadcrumb: arrows
    # alone make one above the first paragraph, or over linked parts)
    first_prose = next((b.index for b in page.blocks if is_paragraph(b)), len(page.blocks))
    for block in page.blocks:
        if block.hit not in _EXACT_HITS and block.words <= MAX_AI_NOTE_WORDS and block.tag != "img" and not block.heading:
            _ai_note(page, block)  # (an exact label outranks prefix and contains hits: PRIORITY_EXACT)
        if block.hit in _NEEDS_CONFIRMING and not _confirmed(page, block):
            block.hit = block.hit_language = None
        if block.hit is None and MAX_PREFIX_WORDS < block.words <= MAX_BYLINE_ROW_WORDS and block.tag != "img":
            _byline_row(page, block)
        if block.hit is None and block.words <= MAX_MAILED_BYLINE_WORDS and "@" in block.text:
            _mailed_byline(page, block)
        if block.hit is None and block.words <= MAX_CREDIT_LINE_WORDS and block.tag != "img":
            _credit_line(page, block)
        if block.hit is None and block.tag != "img":
            arrows = block.index < first_prose or block.link_density >= MIN_CRUMB_LINK_DENSITY
            if is_breadcrumb(block.text, page.lexicon, arrows=arrows):
                block.hit = "navigation"


_EXACT_HITS = frozenset(PRIORITY_EXACT)
# A breadcrumb's parts are links: most of its text.
MIN_CRUMB_LINK_DENSITY = 0.5
# "Summary generated by AI based on posts on social media": an AI label with its sources
# is a short note; a line of more words opening with a label phrase is prose about AI.
MAX_AI_NOTE_WORDS = 15


def _ai_note(page: Page, block: Block) -> None:
    """An AI text label opening the line, then a connector to its sources in the label's
    language (``data/ai_label_connectors.txt``): the whole line is that label."""
    found = page.lexicon.opening("ai_text_label", block.text)
    if found is not None and opens_with_connector(found[1], found[0].language):
        block.hit, block.hit_language = found[0].kind, found[0].language


# Prefix cues that also open ordinary sentences ("Par ailleurs…", "记者从…获悉",
# "Published reports say…"): they count only when a name or a date follows.
_NEEDS_CONFIRMING = frozenset({"byline_prefix", "byline_suffix", "published_prefix", "updated_prefix"})
# "NAME 기자 x@y.kr": a reporter line with the e-mail after the suffix is a few words long.
MAX_MAILED_BYLINE_WORDS = 6
_TRAILING_MAIL = re.compile(rf"\s*{MAIL_ADDRESS}\s*$")


def _mailed_byline(page: Page, block: Block) -> None:
    """A byline-suffix line followed by the reporter's e-mail ("이서연 기자 x@y.kr"):
    the suffix ends the line once the e-mail is cut off; the name is checked as usual."""
    rest = _TRAILING_MAIL.sub("", block.text)
    if rest == block.text or not rest:
        return
    hit = page.lexicon.match("byline_suffix", rest)
    if hit is not None:
        block.hit, block.hit_language = hit.kind, hit.language
        if not _confirmed(page, block, rest):
            block.hit = block.hit_language = None


# A byline row joining the name, the date and a reading time or a place ("Escrito por NAME
# · 21 de octubre de 2025 · Lectura: 4 min") runs longer than a bare byline: up to as many
# words as the longest row the header pass reads in parts.
MAX_BYLINE_ROW_WORDS = MAX_SEGMENTED_LINE_WORDS
# Its fields are set apart by a spaced bar, dot, bullet or dash, or a bar or bullet alone.
_ROW_SEPARATOR = re.compile(r"\s[|·•｜—–]\s|[|｜•]")


def _byline_row(page: Page, block: Block) -> None:
    """A byline prefix opening a row of separated fields, confirmed when the first field
    after the label is a name and another field follows (a sentence that opens like a
    byline has no such separators)."""
    hit = page.lexicon.match("byline_prefix", block.text)
    rest = page.lexicon.strip_prefix("byline_prefix", block.text) if hit is not None else None
    if hit is None or not rest:
        return
    parts = [part.strip() for part in _ROW_SEPARATOR.split(rest)]
    if len(parts) >= 2 and all(parts) and is_name_like(parts[0]):
        block.hit, block.hit_language = hit.kind, hit.language


# A wire story's closing credits "(Reporting by A; Editing by B and C)" name a few people.
MAX_CREDIT_LINE_WORDS = 30
# "(c) Agencia EFE": the copyright sign typed as "(c)", on a short line of its own.
MAX_TYPED_COPYRIGHT_WORDS = 5
_TYPED_COPYRIGHT = re.compile(r"\([cC]\)\s")
# Editors' initials closing a wire story: "/ben/mis/jha", "EFE agm/ram/pss".
_INITIALS = re.compile(r"(?:\w+\s+)?/?[a-z]{2,4}(?:/[a-z]{2,4})+/?")


_OPENING_BRACKETS = ("(", "（")
_CLOSING_BRACKETS = (")", "）")


def _credit_line(page: Page, block: Block) -> None:
    """Lines that close wire stories and carry no lexicon word of their own: the credits
    in brackets (a byline prefix inside them, confirmed by a name), a typed "(c)"
    copyright line and the editors' initials."""
    text = block.text
    if text[:1] in _OPENING_BRACKETS and text[-1:] in _CLOSING_BRACKETS:  # "(…)" or full-width "（…）"
        inner = text[1:-1].strip()
        hit = page.lexicon.match("byline_prefix", inner)
        if hit is not None:
            block.hit, block.hit_language = hit.kind, hit.language
            if not _confirmed(page, block, inner):
                block.hit = block.hit_language = None
    elif block.words <= MAX_TYPED_COPYRIGHT_WORDS and _TYPED_COPYRIGHT.match(text):
        block.hit = "footer_phrase"
    elif block.words <= 2 and _INITIALS.fullmatch(text):
        block.hit = "editor_prefix"


_NAME_CUT = re.compile(r"\s[·|•—–-]\s|[·|•,;／/（(]|\d")


def _confirmed(page: Page, block: Block, text: str | None = None) -> bool:
    text = block.text if text is None else text
    if block.hit in ("published_prefix", "updated_prefix"):
        return any(ch.isdigit() for ch in text) or looks_dated(text)
    if block.hit == "byline_prefix":
        rest = page.lexicon.strip_prefix("byline_prefix", text)
    else:
        rest = page.lexicon.strip_suffix("byline_suffix", text)
    if not rest:
        return False
    first = name_before_date(rest, _NAME_CUT)  # "NAME on Nov. 2, 2025 at 7:14 a.m.": NAME
    first = page.lexicon.word_pattern("name_joiner").split(first, 1)[0].strip()  # "A and B": A
    return is_name_like(first) or first.isupper()


def labels(page: Page) -> None:
    """Context-free: a lexicon hit that alone makes a block noise."""
    for block in page.blocks:
        if block.hit == "footer_phrase" and block.landmarks & {"figure", "figcaption", "caption"}:
            continue  # "© AFP" under a photo is a credit: the image pass cuts it out
        if block.hit in _CELL_VALUE_HITS and block.tag in ("td", "th") and not block.link_chars:
            continue  # a table's unlinked cell ("Line", "Home") is a value, not a button or menu entry
        if block.hit in HIT_NOISE and block.label is Label.UNKNOWN:
            kind, reason = HIT_NOISE[block.hit]
            # (a phrase of several languages names them all: "Реклама" is Bulgarian and Russian)
            languages = page.lexicon.languages_of(block.hit, block.text) or (block.hit_language or "pattern",)
            block.drop(kind, f"{reason} ({'/'.join(languages)} lexicon: {block.hit})")
    if page.format == "text":
        _dump_signup_pitches(page)
        _dump_signup_boxes(page)


# In a text dump a newsletter box is a few lines with no blank line between them: its
# pitch ("Get our Highlands briefing every Friday"), a line of at most this many words,
# sits right above its button ("Subscribe"). A pitch is a call, not a sentence of the text:
# no full stop, unless a subscription heading sits right above it as well.
MAX_DUMP_PITCH_WORDS = 12


def _dump_signup_pitches(page: Page) -> None:
    """Text dumps: the short line right above a subscription button, in the same
    group of lines, is that box's pitch."""
    blocks = page.blocks
    for i in range(1, len(blocks)):
        button = blocks[i]
        pitch = blocks[i - 1]
        if button.hit != "subscription" or button.blank_before or pitch.ancestors != button.ancestors:
            continue
        if pitch.label is not Label.UNKNOWN or pitch.hit is not None or pitch.words > MAX_DUMP_PITCH_WORDS:
            continue
        above = blocks[i - 2] if i >= 2 and not pitch.blank_before else None
        headed = above is not None and above.hit == "subscription" and above.ancestors == pitch.ancestors
        if headed or not ends_sentence(pitch.text):
            pitch.drop(NoiseKind.SUBSCRIPTION, "pitch right above a subscription button (text dump)")


# A Markdown dump's sign-up box: a heading ("### Sign up to Morning Briefing"), at most
# this many lines of pitch, then its button ("Sign up"); the box's lines are short.
MAX_SIGNUP_BOX_LINES = 2
MAX_SIGNUP_HEADING_WORDS = 8
MAX_SIGNUP_PITCH_WORDS = 25


def _dump_signup_boxes(page: Page) -> None:
    """Text dumps with headings (Markdown): a subscription button's heading a line or two
    above it, and the pitch between them, are the box's."""
    blocks = page.blocks
    for i, button in enumerate(blocks):
        if button.hit != "subscription" or button.heading:
            continue
        for j in range(i - 1, max(-1, i - 2 - MAX_SIGNUP_BOX_LINES), -1):
            head = blocks[j]
            if head.heading:
                pitch = blocks[j + 1 : i]
                # (the box names what it sells: a subscription word in its heading or pitch;
                # an article's last section above a sign-up link does not)
                signed = any(
                    page.lexicon.contains("subscription", b.text) or page.lexicon.match("subscription_phrase", b.text)
                    for b in (head, *pitch)
                )
                if signed and head.words <= MAX_SIGNUP_HEADING_WORDS and head.label is Label.UNKNOWN and all(
                    b.label is Label.UNKNOWN and b.words <= MAX_SIGNUP_PITCH_WORDS and b.tag != "img" for b in pitch
                ):
                    for line in (head, *pitch):
                        line.drop(NoiseKind.SUBSCRIPTION, "heading and pitch of a sign-up box (text dump)")
                break
            if head.words > MAX_SIGNUP_PITCH_WORDS or head.label is not Label.UNKNOWN:
                break


# UI-word hits that a table cell may hold as a value (a column named "Line" or "Share").
_CELL_VALUE_HITS = frozenset({"share", "navigation"})


def landmarks(page: Page) -> None:
    """HTML: blocks inside navigation, consent dialogs, ads, forms, the page header/footer."""
    if page.format != "html":
        return
    total = max(1, sum(len(b.text) for b in page.blocks))
    gated: dict[int, bool] = {}
    wide = _page_wide_hints(page, total)
    hints = {hint: found for hint, found in LANDMARK_NOISE.items() if hint not in wide}
    for block in page.blocks:
        if block.label is not Label.UNKNOWN or not block.landmarks:
            continue
        for hint, (kind, reason) in hints.items():
            if hint == "subscription" and hint in block.landmarks and _gated_article(page, block, gated):
                continue
            if hint == "gallery" and block.heading == 1:
                continue  # a slideshow page's header holds the page's headline
            if hint in block.landmarks and _small_landmark(page, block, hint, total):
                block.drop(kind, f"{reason} ({block.path})")
                break
        else:
            if "article" in block.landmarks or block.heading == 1:
                continue
            for hint, (kind, reason) in PAGE_LANDMARK_NOISE.items():
                if hint in block.landmarks and _small_landmark(page, block, hint, total):
                    block.drop(kind, f"{reason} ({block.path})")
                    break


# Class-word hints a site may give to every element of a kind ("cmp-text" on every
# paragraph of an Adobe page, "ad-wrapper" around each block of a theme): a box hint over
# more than MAX_LANDMARK_SHARE of the page's text, summed over its elements, names no box.
# (Tag landmarks are what they say: a page may well be mostly <nav> and <form>; and
# hidden text stays hidden however much of it a page carries.)
_BOX_HINTS = frozenset({"cookie", "dialog", "ad", "share", "gallery"})


def _page_wide_hints(page: Page, total: int) -> set[str]:
    """The box hints over more than MAX_LANDMARK_SHARE of the page's text (one pass)."""
    covered: Counter[str] = Counter()
    for block in page.blocks:
        for hint in block.landmarks & _BOX_HINTS:
            covered[hint] += len(block.text)
    return {hint for hint, chars in covered.items() if chars > MAX_LANDMARK_SHARE * total}


def _gated_article(page: Page, block: Block, cache: dict[int, bool]) -> bool:
    """A "paywall"/"subscription" element holding several long paragraphs wraps the
    article text the paywall gates; a subscription pitch is a few short lines."""
    node_id = next((n for n in reversed(block.ancestors) if "subscription" in page.nodes[n].hints), None)
    if node_id is None:
        return False
    found = cache.get(node_id)
    if found is None:
        first, last = page.subtree_span[node_id]
        long_paragraphs = sum(1 for b in page.blocks[first : last + 1] if b.words >= MIN_GATED_PARAGRAPH_WORDS)
        found = cache[node_id] = long_paragraphs >= MIN_GATED_PARAGRAPHS
    return found


def _small_landmark(page: Page, block: Block, hint: str, total: int) -> bool:
    for node_id in reversed(block.ancestors):
        if hint in page.nodes[node_id].hints:
            return page.subtree_chars.get(node_id, 0) <= MAX_LANDMARK_SHARE * total
    return True  # the hint came from the block's own tag (button, select)


def repeated(page: Page) -> None:
    """A short line that recurs on the page is a UI label (image labels, "Reply"...).
    Not in an HTML text element: a value repeated down a table column, a feature
    listed under two products or a recurring intertitle is content; where such a line
    sits outside the article, later passes drop it anyway."""
    counts = Counter(b.text for b in page.blocks if b.tag != "img" and b.words <= MAX_REPEATED_LABEL_WORDS)
    for block in page.blocks:
        if block.label is Label.UNKNOWN and block.tag != "img" and counts.get(block.text, 0) >= 2:
            if not is_paragraph(block) and block.tag not in _TEXT_TAGS:
                block.drop(NoiseKind.OTHER, "repeated UI label")


_TEXT_TAGS = frozenset("p h1 h2 h3 h4 h5 h6 li td th dd dt".split())


def cookie(page: Page) -> None:
    """Cookie banners: a cookie heading or cookie sentence near consent buttons or a page edge."""
    blocks = page.blocks
    n = len(blocks)
    seeds = []
    for i, block in enumerate(blocks):
        if block.hit == "cookie_heading" or ("cookie" in block.landmarks and block.label is Label.NOISE):
            seeds.append(i)
        elif block.hit == "cookie_phrase":
            near = blocks[max(0, i - COOKIE_REACH) : i + COOKIE_REACH + 1]
            at_edge = i < COOKIE_REACH + 1 or i >= n - COOKIE_REACH - 1
            if at_edge or any(b.hit in ("consent_button", "cookie_heading") or b.tag == "button" for b in near):
                seeds.append(i)
    for i in seeds:
        _drop_banner(blocks[i])
        for step in (1, -1):
            j = i + step
            while 0 <= j < n and (_banner_part(blocks[j], blocks[i]) or _between_buttons(blocks, j, step, blocks[i])):
                _drop_banner(blocks[j])
                j += step


# A live page stamps every update: one lone time is no live page.
MIN_POST_STAMPS = 2
# A banner's button in a dump is a word or two ("Agree", "Manage options"), maybe a
# button word of another widget's lexicon ("موافق": "agree" under a comment, too).
MAX_DUMP_BUTTON_WORDS = 3
_BUTTON_HITS = frozenset({"comment_ui", "share"})


def _banner_part(block: Block, seed: Block) -> bool:
    if block.hit in ("consent_button", "cookie_phrase", "cookie_heading"):
        return True
    if seed.tag == "line":
        # a dump: a button word among the banner's lines ("موافق" read as another kind's word)
        return (
            block.ancestors == seed.ancestors
            and not block.blank_before
            and block.words <= MAX_DUMP_BUTTON_WORDS
            and block.hit in _BUTTON_HITS
            and block.label in (Label.UNKNOWN, Label.NOISE)
        )
    same_parent = bool(block.ancestors) and block.ancestors[:-1] == seed.ancestors[:-1]
    return same_parent and block.words <= 6 and block.label in (Label.UNKNOWN, Label.NOISE)


def _between_buttons(blocks: list[Block], j: int, step: int, seed: Block) -> bool:
    """A dump's short unknown line with a consent button right after it in the banner's run
    of lines ("Zustimmen oder werbefrei mit PUR lesen" / "Einstellungen verwalten"): a button."""
    k = j + step
    if seed.tag != "line" or not 0 <= k < len(blocks):
        return False
    block, after = blocks[j], blocks[k]
    return (
        after.hit == "consent_button"
        and block.ancestors == seed.ancestors == after.ancestors
        and block.words <= MAX_DUMP_BANNER_LINE_WORDS
        and not ends_sentence(block.text)
        and block.label in (Label.UNKNOWN, Label.NOISE)
    )


# A consent banner's button line in a dump is short ("Zustimmen oder werbefrei mit PUR lesen").
MAX_DUMP_BANNER_LINE_WORDS = 8


def _drop_banner(block: Block) -> None:
    block.drop(NoiseKind.COOKIE_BANNER, f"cookie/consent banner ({block.hit or 'near cookie text'})")


def contrast(page: Page) -> None:
    """Short kept blocks in another script than the article are chrome (Arabic labels
    around an English story), whatever words they use."""
    main = [b for b in page.blocks if b.label is Label.MAIN]
    script = dominant_script(" ".join(b.text for b in main)[:3000]) if main else None
    if script is None:
        return
    kept = (Label.MAIN, Label.TITLE, Label.RELATED_TITLE, Label.RELATED_SUMMARY, Label.WPS_TEXT)
    for block in page.blocks:
        if block.label is Label.RELATED_SUMMARY and is_paragraph(block):
            continue  # a blurb in another language is still a blurb (related lists mix languages)
        if block.label in kept and block.words <= MAX_CONTRAST_WORDS:
            other = dominant_script(block.text)
            if other is not None and not scripts_mix(script, other):
                block.drop(NoiseKind.OTHER, f"page chrome: {other} script beside {script} content")


def counters(page: Page) -> None:
    """A bare count kept in the text between two dropped lines is a button's count
    ("좋아요" / "24" / "훈훈해요" / "3": reaction buttons in table cells, which the
    script contrast dropped around their numbers). A 24-hour time alone on its line, when
    the text has several, is a live page's post stamp ("16:40" over each update); AP's
    "The Latest" heads its updates with "4:14 p.m.", which the Zyte truth keeps as text."""
    blocks = page.blocks
    stamps = [b for b in blocks if b.label is Label.MAIN and b.tag not in ("td", "th") and CLOCK_ONLY.fullmatch(b.text)]
    if len(stamps) >= MIN_POST_STAMPS:
        for block in stamps:
            block.drop(NoiseKind.BYLINE_UI, "time stamp of a live post")
    for i, block in enumerate(blocks):
        if block.label is not Label.MAIN:
            continue
        if not is_counter(block.text):
            continue
        before = blocks[i - 1] if i else None
        after = blocks[i + 1] if i + 1 < len(blocks) else None
        if (before is None or before.label is Label.NOISE) and (after is None or after.label is Label.NOISE):
            block.drop(NoiseKind.COMMENT_UI, "a count between dropped buttons")


def rest(page: Page) -> None:
    """Every block still unlabelled becomes noise, with the best kind its context gives."""
    for block in page.blocks:
        if block.label is not Label.UNKNOWN:
            continue
        if "nav" in block.landmarks or block.link_density > 0.6:
            block.drop(NoiseKind.NAVIGATION, f"link list outside the article ({block.path})")
        elif "footer" in block.landmarks:
            block.drop(NoiseKind.FOOTER, f"page footer ({block.path})")
        elif block.hit == "consent_button":
            block.drop(NoiseKind.OTHER, "button label")
        else:
            block.drop(NoiseKind.OTHER, f"outside the article and its sections ({block.path})")


PASSES: list[tuple[str, Pass]] = [
    ("hits", hits),
    ("labels", labels),
    ("landmarks", landmarks),
    ("cookie", cookie),
    ("repeated", repeated),
    ("sections", sections.find),
    ("images", images.images),
    ("main", main_text.main),
    ("header", header.header),
    ("related", sections.related),
    ("people_say", sections.people_say),
    ("contrast", contrast),
    ("counters", counters),
    ("rest", rest),
]


def run(page: Page, disabled: Iterable[str] = ()) -> Page:
    """Apply every pass in order (except the ``disabled`` ones) and return the page."""
    names = {name for name, _ in PASSES}
    unknown = set(disabled) - names
    if unknown:
        raise ValueError(f"unknown pass name(s) {sorted(unknown)}; known passes: {', '.join(sorted(names))}")
    if page.format == "html":
        page.subtree_chars, page.subtree_span = _subtree_stats(page.blocks)
        _effective_landmarks(page)
    for name, apply in PASSES:
        if name not in disabled:
            apply(page)
    return page


def _effective_landmarks(page: Page) -> None:
    """Class-name hints count only on elements that are not page wrappers: a
    ``<div class="has-inline-ads caption-enabled">`` around the whole article says
    nothing about its paragraphs. Tag landmarks (nav, article, figure...) always count."""
    total = max(1, sum(len(b.text) for b in page.blocks))
    limit = MAX_LANDMARK_SHARE * total
    # names[node]: the landmarks of the path from the root down to that node. A path
    # extends its parent's, so each element is looked at once, not once per block.
    names: dict[int, frozenset[str]] = {}
    for block in page.blocks:
        path = block.ancestors
        found = names.get(path[-1]) if path else frozenset()
        if found is None:
            known = len(path) - 1
            while known >= 0 and path[known] not in names:
                known -= 1
            found = names[path[known]] if known >= 0 else frozenset()
            for node_id in path[known + 1 :]:
                node = page.nodes[node_id]
                if node.hints:
                    if page.subtree_chars.get(node_id, 0) <= limit:
                        found = found | node.hints
                    elif node.tag in node.hints:
                        found = found | {node.tag}
                names[node_id] = found
        block.landmarks = found


def _subtree_stats(blocks: list[Block]) -> tuple[dict[int, int], dict[int, tuple[int, int]]]:
    """Characters under each element, and the (first, last) block indices it spans.

    Ancestor tuples are root-to-block paths, so two neighbours share a prefix and differ
    from the first node on (found by bisection). An element is opened where it first
    appears and closed where it leaves the path: each element is touched twice, not once
    per block under it."""
    chars: dict[int, int] = {}
    span: dict[int, tuple[int, int]] = {}
    opened: dict[int, tuple[int, int]] = {}  # node -> (first block, characters before it)
    before = 0  # characters of all blocks so far
    previous: tuple[int, ...] = ()

    def close(nodes: tuple[int, ...], last: int) -> None:
        for node in nodes:
            first, at = opened.pop(node)
            chars[node] = chars.get(node, 0) + before - at
            span[node] = (span[node][0] if node in span else first, last)

    for block in blocks:
        path = block.ancestors
        shared = _shared_prefix(previous, path)
        close(previous[shared:], block.index - 1)
        for node in path[shared:]:
            opened[node] = (block.index, before)
        before += len(block.text)
        previous = path
    close(previous, blocks[-1].index if blocks else -1)
    return chars, span


def _shared_prefix(a: tuple[int, ...], b: tuple[int, ...]) -> int:
    """Length of the common start of two root-to-node paths (once they part, they stay apart)."""
    low, high = 0, min(len(a), len(b))
    if high and a[high - 1] == b[high - 1]:
        return high  # one path runs on below the other (or they are equal)
    if high > 1 and a[high - 2] == b[high - 2]:
        return high - 1  # siblings: the most common case in reading order
    while low < high:
        middle = (low + high + 1) // 2
        if a[middle - 1] == b[middle - 1]:
            low = middle
        else:
            high = middle - 1
    return low
