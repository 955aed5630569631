"""Stage 2 for HTML: an lxml tree -> [Block] in reading order, plus the element table.

A block is the text a block-level element holds directly (inline children such as
``<a>``, ``<span>`` or a drop-cap ``<span>L</span>es`` are glued in, without extra
spaces). ``<br>`` ends a block. Each image with a description becomes an "img"
block. The walk is iterative (``iterwalk``), so deep nesting cannot overflow the
Python stack. The tree is read once and never modified.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from lxml import etree

from .block import Block, is_cjk

BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html li main "
    "menu nav noframes ol p pre section summary table tbody td tfoot th thead tr ul caption "
    "button option select textarea legend iframe video audio".split()
)
# elements whose content is never visible text, or (<rt>, <rp>) a reading aid set above it:
# furigana over "長野県" are no words of the text
SKIP_TAGS = frozenset("head script style noscript template svg math object embed canvas map param rt rp".split())
LANDMARK_TAGS = frozenset(
    "nav header footer aside form article main figure figcaption section li blockquote table "
    "button dialog select ol ul".split()
)
_ROLES = {
    "navigation": "nav",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "aside",
    "main": "main",
    "article": "article",
    "dialog": "dialog",
    "alertdialog": "dialog",
    "tooltip": "hidden",  # shown on hover only: a hover card's text is no part of the line it sits in
}
_NO_HINTS: frozenset[str] = frozenset()
_TAG_HINTS = {tag: frozenset({tag}) for tag in LANDMARK_TAGS}
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_CENTERED = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


@dataclass(slots=True)
class Node:
    """One element of the tree, as later stages need it (read-only by convention:
    not frozen, because a frozen dataclass costs 3x more to build, once per element)."""

    tag: str
    parent: int
    depth: int
    hints: frozenset[str]


@dataclass(slots=True)
class _Open:
    node_id: int
    tag: str
    is_block: bool
    landmarks: frozenset[str]
    lang: str | None
    path: tuple[str, ...]
    """The last three block-level steps (``div.body``), for readable reasons."""
    owner: _Open | None
    """The nearest block-level entry above this one (None at the top; never self, so that
    entries form no reference cycle for the garbage collector to chase)."""
    heading: int
    """Level of the nearest enclosing <h1>-<h6>, 0 if none."""


def split(root: etree._Element) -> tuple[list[Block], dict[int, Node]]:
    """Walk the document once; return its blocks in reading order and its element table."""
    blocks: list[Block] = []
    nodes: dict[int, Node] = {}
    stack: list[_Open] = []
    ids: list[int] = []  # node ids of ``stack``, for the blocks' ancestor tuples
    buffer: list[str] = []
    link_chars = 0
    link_depth = 0
    time_value: str | None = None
    href_value: str | None = None  # the first link starting inside the current block
    open_links: list[str | None] = []  # targets of the links around the walk's position
    inline_closed = False  # an inline element just ended with no text after it
    lead_open = -1  # node id of a bold element that opened the current block
    lead_text = ""  # its text, once closed
    skip_depth = 0
    hint_table = class_hints()

    def flush() -> None:
        nonlocal link_chars, time_value, href_value, lead_text, lead_open
        if not buffer:
            link_chars = 0
            time_value = href_value = None
            lead_text, lead_open = "", -1
            return
        text = " ".join("".join(buffer).split())
        buffer.clear()
        if text:
            top = stack[-1] if stack else None
            owner = _owner(top)
            blocks.append(
                Block(
                    index=len(blocks),
                    text=text,
                    tag=owner.tag if owner else "body",
                    path=">".join(owner.path) if owner else "body",
                    ancestors=tuple(ids),
                    landmarks=top.landmarks if top else frozenset(),
                    heading=top.heading if top else 0,
                    link_chars=min(link_chars, len(text)),
                    time=time_value,
                    href=href_value or (open_links[-1] if open_links else None),
                    lang=top.lang if top else None,
                    blank_before=False,
                    lead=lead_text if lead_text and lead_text != text and text.startswith(lead_text) else "",
                )
            )
        link_chars = 0
        time_value = href_value = None
        lead_text, lead_open = "", -1

    def add_text(text: str | None) -> None:
        nonlocal link_chars, inline_closed
        if text:
            inline_closed = False
            buffer.append(text)
            if link_depth:
                link_chars += len(text.strip())

    hint_cache: dict[_HintKey, frozenset[str]] = {}
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag
        if tag.__class__ is not str:  # an entity or other non-element node
            tag = ""
        elif "}" in tag:  # namespaced (XHTML served as XML)
            tag = tag.rsplit("}", 1)[-1].lower()
        if event == "start":
            if skip_depth or tag in SKIP_TAGS or not tag or (tag == "a" and _note_marker(element)):
                skip_depth += 1
                walker.skip_subtree()  # nothing inside is visible: not even walked
                continue
            is_block = tag in BLOCK_TAGS
            attrs = element.keys()
            css = element.get("class") if attrs else None
            hints = _hints(element, attrs, css, tag, is_block, hint_table, hint_cache) if attrs else _TAG_HINTS.get(tag, _NO_HINTS)
            if not is_block and "hidden" in hints and stack:
                # a hidden run inside a line (a tooltip, a hover card): never shown in it,
                # so cut out of the line into a block of its own (the landmark pass drops it)
                _hidden_block(element, tag, hints, stack, ids, nodes, blocks)
                skip_depth += 1
                walker.skip_subtree()
                continue
            if not is_block and "part" in hints and _owner_tag(stack) not in _PROSE_TAGS:
                is_block = True  # <span class="summary"> in a card: a line of its own (not inside a <p>)
            elif not is_block and tag == "span" and stack and stack[-1].tag == "a" and _card_part(element, stack):
                is_block = True  # <a><span>title</span><span>summary</span></a>: a card's lines
            if is_block or tag == "br":
                flush()
            parent = stack[-1] if stack else None
            node_id = len(nodes)
            nodes[node_id] = Node(tag, parent.node_id if parent else -1, len(stack), hints)
            if parent is None:
                path = _path((), tag, css) if is_block else (tag,)
                opened = _Open(node_id, tag, is_block, hints, element.get("lang"), path, None, _level(tag))
            else:
                lang = element.get("lang") if attrs and "lang" in attrs else None
                opened = _Open(
                    node_id,
                    tag,
                    is_block,
                    parent.landmarks | hints if hints else parent.landmarks,
                    lang or parent.lang,
                    _path(parent.path, tag, css) if is_block else parent.path,
                    parent if parent.is_block else parent.owner,
                    _level(tag) or parent.heading,
                )
            stack.append(opened)
            ids.append(node_id)
            if tag in ("b", "strong") and not "".join(buffer).strip():
                lead_open = node_id  # bold text opening a block: often a name ("<b>Nam</b> says...")
            if buffer and buffer[-1][-1:].isalnum() and _starts_new_item(element, tag, buffer[-1][-1], inline_closed):
                buffer.append(" ")
            if tag == "a":
                link_depth += 1
                open_links.append(element.get("href"))
                if href_value is None:
                    href_value = open_links[-1]
            elif tag == "time" and time_value is None and element.get("datetime"):
                time_value = element.get("datetime")  # the first one: published comes before updated
            elif tag == "abbr" and time_value is None and _ISO_STAMP.match(element.get("title") or ""):
                # the hAtom microformat (<abbr class="published" title="2025-03-01T10:00">),
                # still written by WordPress themes and live-blog plugins: a <time> by another name
                time_value = element.get("title")
            elif tag == "img":
                _image_block(element, stack, ids, blocks)
            add_text(element.text)
        else:  # end
            if skip_depth:
                skip_depth -= 1
                if skip_depth == 0:  # the end of a skipped element: its tail is visible again
                    add_text(element.tail)
                continue
            if stack and stack[-1].is_block or tag == "br":
                flush()
            if tag == "a":
                link_depth = max(0, link_depth - 1)
                if open_links:
                    open_links.pop()
            inline_closed = tag not in BLOCK_TAGS and not element.tail
            if stack and stack[-1].node_id == lead_open:
                lead_text = " ".join("".join(buffer).split())
                lead_open = -1
            if stack:
                stack.pop()
                ids.pop()
            add_text(element.tail)
    flush()
    return blocks, nodes


_ISO_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?")

# In-page note links: a superscript reference number ("¹", "[2]") and the arrow back
# from the note to the text ("↩"): markers a reader's eye skips, not words of the text.
_NOTE_NUMBER = re.compile(r"\[?\d{1,3}\]?")
_BACK_ARROW = re.compile(r"[↩↑⤴⇧^\s]+")


def _note_marker(element: etree._Element) -> bool:
    href = element.get("href")
    if not href or not href.startswith("#"):
        return False
    text = "".join(str(part) for part in element.itertext()).strip()
    if _BACK_ARROW.fullmatch(text):
        return True
    parent = element.getparent()
    return parent is not None and parent.tag == "sup" and _NOTE_NUMBER.fullmatch(text) is not None


def _starts_new_item(element: etree._Element, tag: str, before: str, after_element: bool) -> bool:
    """Does this inline element start a new item rather than continue a word?

    ``<a>Home</a><a>News</a>``, ``<time>07.05 GMT</time><span>Last modified``,
    ``user<span>3 hours ago</span>``: items side by side, to be read apart. A drop cap
    ``<span>L</span>es`` continues its word (lower case after it), as does ``H<sub>2</sub>O``.
    """
    first = (element.text or "").lstrip()[:1]
    if first.isdigit():
        # "user<span>3 hours ago", and "<span>3 avril 2026</span><span>5 min de lecture": a
        # number after a closed item's number is the next item ("20265" would lose both)
        return (before.isalpha() or (before.isdigit() and after_element)) and tag not in ("sub", "sup")
    if not after_element:
        return False
    if before.isdigit() and is_cjk(first):
        # "<span>16:30</span><span>本报记者</span>", "<span>赞 28</span><span>回复</span>": a
        # number ending one item, CJK opening the next (in prose "3月" is one text node)
        return True
    if (first.isascii() and first.isalnum() and is_cjk(before)) or (before.isascii() and is_cjk(first)):
        # "<span>NAME 기자</span><span>lsy@…</span>", "<span>…@paper.co.kr</span><span>기사입력 …":
        # a byline's address beside a CJK label, one item on each side
        return True
    caseless = first.isalpha() and first.lower() == first.upper() and not is_cjk(first)
    return tag == "a" or first.isupper() or caseless


def _card_part(element: etree._Element, stack: list[_Open]) -> bool:
    """A <span> side by side with another inside a link that stands alone (not in a line
    of prose): a card's headline and summary, each a line of its own. A link whose spans
    have text between them ("<a><span>New</span> York</a>") is one phrase."""
    if _owner_tag(stack) in _PROSE_TAGS:
        return False
    link = element.getparent()
    if link is None or (link.text or "").strip():
        return False
    children = [child for child in link if child.tag.__class__ is str]
    if len(children) < 2 or any(child.tag != "span" or (child.tail or "").strip() for child in children):
        return False
    filled = [child for child in children if "".join(str(text) for text in child.itertext()).strip()]
    return len(filled) >= 2


_PROSE_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "blockquote", "dd", "td"})


def _owner(top: _Open | None) -> _Open | None:
    """The entry whose element holds the text at ``top``: the nearest block-level one."""
    if top is None or top.is_block:
        return top
    return top.owner or top


def _owner_tag(stack: list[_Open]) -> str:
    owner = _owner(stack[-1]) if stack else None
    return owner.tag if owner else ""


_LEVELS = {f"h{n}": n for n in range(1, 7)}


def _level(tag: str) -> int:
    """1-6 for <h1>-<h6>, else 0."""
    return _LEVELS.get(tag, 0)


def _hidden_block(
    element: etree._Element,
    tag: str,
    hints: frozenset[str],
    stack: list[_Open],
    ids: list[int],
    nodes: dict[int, Node],
    blocks: list[Block],
) -> None:
    text = " ".join("".join(str(t) for t in element.itertext()).split())
    if not text:
        return
    parent = stack[-1]
    node_id = len(nodes)
    nodes[node_id] = Node(tag, parent.node_id, len(stack), hints)
    blocks.append(
        Block(
            index=len(blocks),
            text=text,
            tag=tag,
            path=">".join(parent.path) + ">" + tag,
            ancestors=(*ids, node_id),
            landmarks=parent.landmarks | hints,
            lang=parent.lang,
            blank_before=False,
        )
    )


def _image_block(element: etree._Element, stack: list[_Open], ids: list[int], blocks: list[Block]) -> None:
    alt = " ".join((element.get("alt") or "").split())
    owner = stack[-1]
    blocks.append(
        Block(
            index=len(blocks),
            text=alt,
            tag="img",
            path=">".join(owner.path) + ">img",
            ancestors=tuple(ids),
            landmarks=owner.landmarks,
            src=_image_source(element),
            lang=owner.lang,
            blank_before=False,
        )
    )


# (tag, class, id hints, role, style, hidden attribute, component names): what decides
# an element's hints, as the cache's key
_HintKey = tuple[str, str | None, frozenset[str], str | None, str | None, bool, str | None]
# Attributes that name a component the way a class does, in the words of the site's own
# code ("newsletter-signup-card", "text_embed>factbox", "inline-interactive"): React and
# analytics markup name boxes there when its classes are hashed ("dcr-1bpozxv").
COMPONENT_ATTRIBUTES = ("data-component", "data-testid", "data-area")
_COMPONENT_SET = frozenset(COMPONENT_ATTRIBUTES)  # (one C-level test per element, on the hot path)


def _image_source(element: etree._Element) -> str | None:
    """The picture's address: ``src``, unless that is a lazy-loading placeholder (a
    ``data:`` URI) and the real address waits in ``data-src`` and the like."""
    src: str | None = element.get("src")
    if src and not src.startswith("data:"):
        return src
    lazy: str | None = element.get("data-src") or element.get("data-lazy-src") or element.get("data-original")
    return lazy or src


def _hints(
    element: etree._Element,
    attrs: list[str],
    css: str | None,
    tag: str,
    is_block: bool,
    table: dict[str, str],
    cache: dict[_HintKey, frozenset[str]],
) -> frozenset[str]:
    """Landmark names for an element with attributes (``attrs``: their names): its tag,
    ARIA role and class/id hint words, and a block-level element's component names."""
    # (each lxml attribute read costs; id, role, style and hidden are asked for by name)
    style = element.get("style") if "style" in attrs else None
    role = element.get("role") if "role" in attrs else None
    ident = element.get("id") if "id" in attrs else None
    # ids are mostly unique ("post-4711"): read apart from the class, whose combinations repeat
    id_words = _name_hints(ident, table) if ident else _NO_HINTS
    # (boxes are block-level: inline elements, the most numerous, are not asked)
    component = _component(element, attrs) if is_block and not _COMPONENT_SET.isdisjoint(attrs) else None
    key = (tag, css, id_words, role, style, "hidden" in attrs, component)
    found = cache.get(key)  # (sites repeat the same few class/id combinations)
    if found is None:
        role = (key[3] or "").lower()
        words = set(_name_hints(css, table)) | id_words if css else set(id_words)
        if component:
            words |= _name_hints(component, table)
        if tag in LANDMARK_TAGS:
            words.add(tag)
        if role in _ROLES:
            words.add(_ROLES[role])
        # only the hidden attribute and an inline display:none hide for sure ("hidden-xs"
        # classes and aria-hidden are responsive/decorative and often wrap real content)
        if key[5] or (style is not None and _DISPLAY_NONE.search(style) is not None):
            words.add("hidden")
        if style is not None and _CENTERED.search(style) is not None:
            words.add("center")  # a centred line (under a centred picture: its caption)
        found = cache[key] = frozenset(words)
    return found


def _component(element: etree._Element, attrs: list[str]) -> str | None:
    """The element's component names (COMPONENT_ATTRIBUTES' values, joined), if any."""
    names = [element.get(name) or "" for name in COMPONENT_ATTRIBUTES if name in attrs]
    return " ".join(names) if names else None


def _name_hints(names: str, table: dict[str, str]) -> frozenset[str]:
    """Hints named by the words of a class or id value."""
    # camelCase and PascalCase names are words too ("RelatedContent-title", "shareBar")
    words = names if names.islower() else _CAMEL.sub(" ", names).lower()  # (most are lower-case already)
    return frozenset(table[w] for w in _WORD_SPLIT.split(words) if w in table)


def _path(parent: tuple[str, ...], tag: str, css: str | None) -> tuple[str, ...]:
    classes = css.split(None, 1) if css else ()
    return (*parent[-2:], tag + ("." + classes[0] if classes else ""))


@lru_cache(maxsize=1)
def class_hints() -> dict[str, str]:
    """class/id word -> landmark hint, from ``data/class_hints.txt`` (``hint: word word ...``)."""
    text = (resources.files("newsparse") / "data" / "class_hints.txt").read_text("utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        hint, _, words = line.partition(":")
        for word in words.split():
            table[word.lower()] = hint.strip()
    return table
