"""The authors read from the header's byline, and bylines the lexicon has no label for."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..block import Block, Label, is_cjk
from ..features import MAIL_ADDRESS, is_counter, is_date_line, is_name_like, is_paragraph, name_before_date
from ..meta import mentions_clock_time
from ..model import NoiseKind
from ..page import Page
from .rows import MAX_DATELINE_WORDS, MAX_SEGMENTED_LINE_WORDS, SEGMENT_EDGES, date_languages, segments, strip_dates


# A name ends where a separator, a bracket or a digit starts (": · 2 April 2025",
# "作者：NAME 【字体：大 中 小】").
_NAME_LIST = re.compile(r"\s*[,;&、]\s*")
_NAME_END = re.compile(r"\s[·|•—–-]\s|[·|•／/（(【\[]|\d")


def unlabelled_bylines(page: Page) -> None:
    """A bare name inside the text is a byline when it sits beside a byline or dateline,
    or closes the article ("Minh Anh" under the last paragraph)."""
    blocks = page.blocks
    main = [i for i, b in enumerate(blocks) if b.label is Label.MAIN]
    if len(main) < 3:
        return
    # bottom up, so that a name above a dropped place line ("Pablo Serrano" over
    # "Valencia" over the dateline) finds its neighbour already dropped
    for position, i in reversed(list(enumerate(main))):
        block = blocks[i]
        inner = _unbracketed(block.text)
        bracketed = inner != block.text
        if bracketed and position == len(main) - 1:
            inner = _desk_and_name(inner)  # "（大阪経済部 中村優太）": the desk, then the writer
        listed = _names_only(block.text) if position == len(main) - 1 else []
        if listed:  # "Ольга Смирнова, Павел Рудаков" under the last paragraph: the writers
            block.drop(NoiseKind.BYLINE_UI, "author names without a label")
            page.authors.extend(n for n in listed if n not in page.authors)
            continue
        if (block.words > 4 and not bracketed) or not (is_name_like(inner) or is_name_like(block.text)):
            continue  # ("(rw/bsn)": editors' initials in brackets close the text like a name)
        if _heads_a_list(blocks, i) or block.hit is not None:
            continue  # "Claves" over its list, a lexicon's button ("Manage preferences"): no name
        neighbours = [blocks[j] for j in (i - 1, i + 1) if 0 <= j < len(blocks)]
        beside_byline = any(n.kind is NoiseKind.BYLINE_UI for n in neighbours)
        if beside_byline or position == len(main) - 1:
            block.drop(NoiseKind.BYLINE_UI, "author name without a label")
            # "(ANSA)." closing a wire story is the agency's credit, not a person to list;
            # "（高橋美咲）" closing a Japanese story is its writer (an acronym in brackets,
            # "(EFE)", stays an agency)
            person = is_name_like(inner) and inner[:1].isalnum() and not (bracketed and inner.isupper())
            if inner not in page.authors and person and (block.text[:1].isalnum() or bracketed):
                page.authors.append(inner)


def _names_only(text: str) -> list[str]:
    """The names of a line that lists two or more full names and nothing else ("Ольга
    Смирнова, Павел Рудаков"); a list of single words ("Hamburg, Bremen, Kiel") is places."""
    parts = [p.strip() for p in _NAME_LIST.split(text) if p.strip()]
    full = all(is_name_like(p) and (" " in p or is_cjk(p[:1])) for p in parts)
    return parts if len(parts) >= 2 and full else []


def _desk_and_name(text: str) -> str:
    """The name in a closing credit that names the desk first ("大阪経済部 中村優太"): its
    last part, when the credit is two parts and that part reads as a name."""
    parts = text.split()
    return parts[-1] if len(parts) == 2 and is_name_like(parts[-1]) else text


def _heads_a_list(blocks: list[Block], i: int) -> bool:
    """Is block ``i`` a heading whose element's parent also holds the list item right
    below it (a box: "<aside><h4>Claves</h4><ul><li>…")?"""
    block = blocks[i]
    if not block.heading or i + 1 >= len(blocks) or len(block.ancestors) < 2:
        return False
    below = blocks[i + 1]
    return below.tag == "li" and block.ancestors[-2] in below.ancestors


# A closing credit set in brackets, half- or full-width: "(EFE)", "（高橋美咲）".
_BRACKETED = re.compile(r"\s*[(（]\s*([^()（）]+?)\s*[)）]\s*")


def _unbracketed(text: str) -> str:
    """The text inside brackets that enclose the whole line, else the line itself."""
    found = _BRACKETED.fullmatch(text)
    return found.group(1) if found else text


# Rows that may hold a byline among other fields: unlabelled ones, bylines and datelines
# (a photo credit "Foto: Prefeitura de São Paulo" names no author).
_ROW_HITS = frozenset({None, "byline_prefix", "byline_suffix", "published_prefix"})
# ... and (for names) by a number: a date or a clock time ends the part before it.
_NUMBER_TOKEN = re.compile(r"\S*\d\S*")
# Labels that end a name inside a row ("NAME 특파원 입력 …", "Muhabir: NAME Yayın tarihi: …").
_LABEL_KINDS = ("published_prefix", "updated_prefix", "editor_prefix")


def _name_in_segments(page: Page, text: str) -> str | None:
    """A name in one part of a header row that also holds dates, places or sources:
    "Choi Yoon-seo 특파원 입력 2025.06.03 14:22", "Park Ji-hoon 기자 · 2025년 7월 21일",
    "2025年04月09日 08:15 来源：东海晨报 作者：王磊". Each part (cut at separators and
    numbers, and before a date or editor label) is read for a byline prefix opening it, or
    opening a labelled field inside it ("作者：王磊" after "来源：东海晨报"), or a byline
    suffix ending it ("NAME 특파원")."""
    lexicon = page.lexicon
    for part in segments(_NUMBER_TOKEN.sub(" | ", text)):
        if _label_at(page, part) == 0:
            continue  # "Editing by NAME", "입력 …": an editor's or a date's part
        part = _before_labels(page, part)
        words = part.split()
        for start in range(len(words)):
            # a prefix inside the part only after a labelled field ("来源：东海晨报 作者：王磊"),
            # and only a label itself (with its colon, or in a spaceless script: "本报记者"):
            # elsewhere a word such as "de" or "Na" opens a place name ("Prefeitura de São Paulo")
            if start and not any(ch in ":：" for ch in " ".join(words[:start])):
                break
            sub = " ".join(words[start:])
            rest = lexicon.strip_prefix("byline_prefix", sub)
            if not rest or not is_name_like(_name_part(rest)):
                continue
            label = sub[: sub.rfind(rest)].strip()
            if start == 0 or label[-1:] in (":", "：") or is_cjk(label[:1]):
                return rest
        rest = lexicon.strip_suffix("byline_suffix", part)
        if rest and is_name_like(_name_part(rest)):
            return rest
    return None


def _label_at(page: Page, text: str) -> int | None:
    """Where the first date or editor label inside ``text`` starts, or None."""
    cuts = [found[0] for kind in _LABEL_KINDS if (found := page.lexicon.find(kind, text)) is not None]
    return min(cuts) if cuts else None


def _before_labels(page: Page, text: str) -> str:
    """``text`` up to a date or editor label inside it ("NAME 특파원 입력 …" -> "NAME 특파원")."""
    at = _label_at(page, text)
    return text[:at].strip() if at else text


def _name_before_label(page: Page, text: str) -> str | None:
    """A bare name opening a header row, right before its date label ("Élodie Cuenot Publié
    le jeudi 27 février 2025 Lecture : 3 min"): the label says where the name ends."""
    at = _label_at(page, text)
    name = text[:at].strip(SEGMENT_EDGES + ",") if at else ""
    return name if name and is_name_like(name) else None


def _name_part(text: str) -> str:
    return _NAME_LIST.split(name_before_date(text, _NAME_END).strip(" ,;·|•"), 1)[0].strip()


def header_authors(page: Page, zone: list[int]) -> list[str]:
    names: list[str] = []
    lexicon = page.lexicon
    for position, i in enumerate(zone):
        block = page.blocks[i]
        if block.hit in ("editor_prefix", "updated_prefix", "relative_time"):
            continue
        text = strip_dates(_unbracketed(block.text))  # "（記者・NAME）" closing the text
        # a labelled name ends where a date or an editor label starts ("Muhabir: NAME Yayın
        # tarihi: …", "Reporting by NAME; Editing by NAME")
        labelled = _MAIL_ADDRESS.sub(" ", _before_labels(page, text)).strip()  # "NAME 기자 psy@…"
        name = lexicon.strip_prefix("byline_prefix", labelled)
        if name is None and page.title is not None and page.title < i:
            name = _header_byline(page, labelled)
        if name is None:
            name = lexicon.strip_suffix("byline_suffix", labelled)
            above = page.blocks[zone[position - 1]] if position else None
            if (
                name is not None
                and above is not None
                and zone[position - 1] != page.title
                and above.label is Label.UNKNOWN
                and above.hit is None
                and is_name_like(above.text)
            ):
                # "Fiona MacLeod" / "Highlands and Islands correspondent": the line is the
                # job title of the name above it, and the beat it names is nobody
                name = above.text
                above.drop(NoiseKind.BYLINE_UI, "byline")
        if name is None and (block.time or is_date_line(block, MAX_DATELINE_WORDS)) and text and is_name_like(text):
            # (one cased word left beside a date is its clock's word: "10:42 Uhr", "9 h")
            name = text if " " in text or not text.isascii() else None
        if name is None and block.label is Label.UNKNOWN and is_name_like(text) and _next_to_dateline(page, zone, position):
            # (a clock time's line, "الساعة 09:40 مساءً", is no name once its figures go)
            # (a field label over its count, "조회수" / "1,284", names nobody either)
            counted = i + 1 < len(page.blocks) and is_counter(page.blocks[i + 1].text)
            name = None if _heads_a_list(page.blocks, i) or mentions_clock_time(block.text) or counted else text
        if name is None and block.hit in _ROW_HITS and i != page.title and block.words <= MAX_SEGMENTED_LINE_WORDS:
            if not is_paragraph(block):
                name = _name_in_segments(page, block.text) or _name_before_label(page, block.text)
        if name:
            # a name part that is a date or editor label ("입력", "Publicado") names nobody
            at = _label_at(page, name)
            name = "" if at == 0 else name[:at] if at else name
            name = name_before_date(name, _NAME_END).strip(" ,;·|•")  # "NAME on Nov. 2, 2025"
            parts = _NAME_LIST.split(name)  # "A, B & C"
            if len(parts) > 1:
                # "NAME, Local Democracy Reporter": a part ending in a job title names nobody
                parts = [p for p in parts if lexicon.strip_suffix("byline_suffix", p.strip()) is None] or parts
            names.extend(n.strip() for part in parts for n in lexicon.word_pattern("name_joiner").split(part) if n.strip())
            if block.label is Label.UNKNOWN:
                block.drop(NoiseKind.BYLINE_UI, "byline")
    return list(dict.fromkeys(n for n in names if is_name_like(n)))


# A reporter's e-mail address beside the name in a byline.
_MAIL_ADDRESS = re.compile(MAIL_ADDRESS)


def _header_byline(page: Page, text: str) -> str | None:
    """The name after a header-only byline prefix ("Na Amina Juma", "Per Jordi Puig"), a
    word that also opens ordinary sentences: only in the page's languages, and only when
    what follows is a name (the caller asks only between the headline and the text)."""
    folded = text.casefold()
    prefixes = header_byline_prefixes()
    if not any(folded.startswith(p.casefold() + " ") for ps in prefixes.values() for p in ps):
        return None  # (the common case: no need to guess the page's languages)
    if not page.date_languages:
        page.date_languages = date_languages(page)
    for language in page.date_languages:
        for prefix in prefixes.get(language, ()):
            if folded.startswith(prefix.casefold() + " "):
                rest = text[len(prefix) :].strip()
                first = _NAME_LIST.split(_NAME_END.split(rest, 1)[0].strip(" ,;·|•"), 1)[0]
                if len(first.split()) >= 2 and is_name_like(first):
                    return rest
    return None


@lru_cache(maxsize=1)
def header_byline_prefixes() -> dict[str, tuple[str, ...]]:
    """language -> its header-only byline prefixes, longest first (``data/header_byline_prefix.txt``)."""
    text = (resources.files("newsparse") / "data" / "header_byline_prefix.txt").read_text("utf-8")
    found: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            language, _, prefixes = line.partition(":")
            words = [p.strip() for p in prefixes.split(",") if p.strip()]
            found[language.strip()] = tuple(sorted(words, key=len, reverse=True))
    return found


def _next_to_dateline(page: Page, zone: list[int], position: int) -> bool:
    for other in (position - 1, position + 1):
        if 0 <= other < len(zone):
            block = page.blocks[zone[other]]
            if is_date_line(block, MAX_DATELINE_WORDS) or block.hit in ("published_prefix", "byline_prefix"):
                return True
    return False
