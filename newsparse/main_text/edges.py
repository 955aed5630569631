"""Lines at the text's edges that are no text: closing datelines, contact and profile
lines, ornaments, adverts, a closing appeal, the headline repeated."""
from __future__ import annotations

import re

from ..block import Block, Label
from ..features import MAIL_ADDRESS, ends_sentence, is_bracketed_mark, is_date_line, is_marked_label, is_paragraph
from ..lexicon import normalize
from ..meta import mentions_clock_time
from ..model import NoiseKind
from ..page import Page
from .container import WORD_CHAR, headline_forms


def headline_repeats(page: Page) -> None:
    """A heading inside the text that repeats the page's headline (the recipe card's name,
    a print or gallery box) is no text: the article's text never holds its headline."""
    titles = headline_forms(page)
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


def closing_datelines(page: Page) -> None:
    """The time stamp after the text's last paragraph, repeated at the foot of the text
    (wire and agency layouts), is no line of the text."""
    main = [b for b in page.blocks if b.label is Label.MAIN]
    last_prose = max((b.index for b in main if is_paragraph(b) and not is_date_line(b, MAX_CLOSING_DATELINE_WORDS)), default=None)
    if last_prose is None:
        return
    for block in main:
        if block.index <= last_prose or block.tag in CELL_TAGS or block.heading:
            continue
        if (
            is_date_line(block, MAX_CLOSING_DATELINE_WORDS)
            and mentions_clock_time(block.text)
            and len(_LETTERS.findall(block.text)) <= MAX_CLOSING_STAMP_WORDS
        ):
            block.drop(NoiseKind.BYLINE_UI, f"time stamp closing the text ({block.path})")


# A contact block closing a press release holds an e-mail address alone on its line, or
# after a one-word label ("E:", "Email:", "E-mail :", "Courriel :").
_MAIL_LINE = re.compile(rf"\s*(?:[^\W\d_][\w-]{{0,9}}\s?[:：]\s*)?{MAIL_ADDRESS}\s*")
# The lines beside it in its element (the contact's name, title, company) are short.
MAX_CONTACT_LINE_WORDS = 6
# A contact's own line may hold name, title and institute ("Prof. Dr. Anna Richter,
# Institut für Ökologie"): a little longer, still no sentence.
MAX_CONTACT_NAME_WORDS = 8


def contact_lines(page: Page) -> None:
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
        if block.ancestors and block.tag not in CELL_TAGS and (block.label is Label.MAIN or block.link_chars):
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
            and (label.heading or label.text.rstrip().endswith((":", "：")) or is_marked_label(label.text))
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


def author_profiles(page: Page) -> None:
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


def ornaments(page: Page) -> None:
    """Lines of the text that are no text: an ornament with no word character ("◆",
    "* * *"; a "___" rule is kept, as the Zyte truth keeps it), and a short label ending
    in a colon that closes the text and so introduces nothing ("WATCH ALSO:" over a
    player). (Pull quotes are kept: the Zyte truth keeps them too.)"""
    main = [b for b in page.blocks if b.label is Label.MAIN]
    for block in main:
        if block.tag not in CELL_TAGS and WORD_CHAR.search(block.text) is None:
            block.drop(NoiseKind.OTHER, f"ornament line ({block.path})")
        elif block.tag not in CELL_TAGS and is_bracketed_mark(block):
            # a broadcast script's speaker and segment marks ("[앵커]", "[리포트]", "[Reporter]")
            block.drop(NoiseKind.OTHER, f"a bracketed mark alone on its line ({block.path})")
    rest = [b for b in main if b.label is Label.MAIN]
    if len(rest) > 1:
        last = rest[-1]
        if last.tag not in CELL_TAGS and last.words <= MAX_DANGLING_LABEL_WORDS and last.text.rstrip().endswith((":", "：")):
            last.drop(NoiseKind.OTHER, f"label closing the text, introducing nothing ({last.path})")


# A record table closing the text (a town hall's "Autor: / Data publikacji: / Liczba
# odsłon:"): at least this many "Label:" cells, labels of a few words, values of a few.
MIN_RECORD_FIELDS = 2
MAX_RECORD_LABEL_WORDS = 4
MAX_RECORD_VALUE_WORDS = 6


def record_table(page: Page) -> None:
    """Table cells after the text's last paragraph that pair "Label:" with a short value
    (author, dates, views): the page's record, not article text."""
    blocks = page.blocks
    main = [b for b in blocks if b.label is Label.MAIN]
    last_prose = max((b.index for b in main if is_paragraph(b)), default=None)
    if last_prose is None:
        return
    cells = [b for b in main if b.index > last_prose]
    if not cells or any(b.tag not in ("td", "th") for b in cells):
        return
    labels = [b for b in cells if b.text.rstrip().endswith((":", "："))]
    values = [b for b in cells if b not in labels]
    if len(labels) < MIN_RECORD_FIELDS or len(values) > len(labels):
        return
    if any(b.words > MAX_RECORD_LABEL_WORDS for b in labels) or any(b.words > MAX_RECORD_VALUE_WORDS for b in values):
        return
    for block in cells:
        block.drop(NoiseKind.BYLINE_UI, f"the page's record table under the text ({block.path})")


# A topic-tag list closing the text: its label alone on a line ("Tópicos", "Tags",
# "Schlagwörter": a tags label without its colon), then at most this many tags, one a
# line, each at most this many words and no sentence, to the text's end.
MAX_CLOSING_TAGS = 12
MAX_TAG_WORDS = 4


def closing_tags(page: Page) -> None:
    """A tag list under the text's last paragraph (a reader-mode export, a dump) set one
    tag a line under its label: navigation, not text."""
    main = [b for b in page.blocks if b.label is Label.MAIN]
    if len(main) < 2:
        return
    # the label is text so far, or already noise when written with its colon
    for label in page.blocks[main[1].index : main[-1].index]:
        if label.label is not Label.MAIN and label.hit != "tags_prefix":
            continue
        tags = [b for b in main if b.index > label.index]
        if not tags or len(tags) > MAX_CLOSING_TAGS or label.words > MAX_TAG_WORDS:
            continue
        if any(tag.words > MAX_TAG_WORDS or ends_sentence(tag.text) for tag in tags):
            continue
        if _tags_label(page, label.text):
            for block in (label, *tags):
                if block.label is Label.MAIN:
                    block.drop(NoiseKind.NAVIGATION, f"topic tags closing the text ({block.path})")
            return


def _tags_label(page: Page, text: str) -> bool:
    """Is ``text`` a tags label ("Tags:", "Tópicos:"), written with or without its colon?"""
    label = text.strip().rstrip(":：").strip()
    found = page.lexicon.match("tags_prefix", label + ":")
    return found is not None and normalize(found.phrase).rstrip(":：").strip() == normalize(label)


# The line an advertisement label announces is a slogan: no sentence, one line of at most
# this many words ("Switch your energy supplier in five minutes and save up to 200 pounds a
# year" runs 15; a paragraph of the text ends its sentence).
MAX_ADVERT_WORDS = 20


def advert_lines(page: Page) -> None:
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
    if page.format == "text":
        _advert_runs(page)


# A dump's advert set apart by blank lines: its label, then at most this many short lines
# (the copy, a sponsor's name, a legal marker such as "erid: …").
MAX_ADVERT_RUN_LINES = 3


def _advert_runs(page: Page) -> None:
    """Text dumps: a run of lines that an advertisement label opens, with a blank line
    above and below it, is the advert's box, sentences and all ("Anzeige" / "Sensoren für
    raue Umgebungen – jetzt Muster anfordern!"; "Реклама" / copy / "erid: …")."""
    blocks = page.blocks
    for i, block in enumerate(blocks):
        if block.hit != "advertisement" or not block.blank_before:
            continue
        end = next((j for j in range(i + 1, len(blocks)) if blocks[j].blank_before), len(blocks))
        run = blocks[i + 1 : end]
        if not run or len(run) > MAX_ADVERT_RUN_LINES or any(b.words > MAX_ADVERT_WORDS or b.heading for b in run):
            continue
        for line in run:
            if line.label is Label.MAIN:
                line.drop(NoiseKind.ADVERTISEMENT, "in the run of lines an advertisement label opens")


# table cells and list items repeat values ("Yes", "2-1") by nature
CELL_TAGS = frozenset({"td", "th", "li", "dd", "dt"})

# A reader appeal after the text ("Support us", "Subscribe") is a small element: a
# heading, a pitch of one to three paragraphs and its button, a few hundred characters.
MAX_PITCH_BLOCKS = 6
MAX_PITCH_CHARS = 1500


def trailing_appeal(page: Page) -> None:
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
