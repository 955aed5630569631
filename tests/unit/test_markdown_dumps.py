"""Markdown dumps (html2text, markdownify, Jina Reader, Firecrawl, web clippers) read as the
rendered page: headings, links, pictures and emphasis without their markup; a converter's
header is tool output whose date and title the page's head would give."""
from __future__ import annotations

import datetime as dt

import pytest

import newsparse
from newsparse import text_blocks, text_markup

PARAGRAPHS = [
    "A cooperative of five tomato growers has switched its glasshouses to heat from a shared geothermal well this winter.",
    "The well, drilled to a depth of 2.4 kilometres near the village, pumps up water at about 85 degrees Celsius.",
    "A single geothermal doublet costs between 20 and 30 million euros, more than most family businesses can finance.",
    "Two years ago the growers' gas bill was higher than their wage bill, the chairman of the cooperative said.",
]


def _page(header: str = "") -> str:
    return (
        f"{header}[Kassenvak](https://kassenvak.example/)\n\n"
        "  * [Nieuws](/nieuws)\n  * [Teelt](/teelt)\n  * [Techniek](/techniek)\n\n"
        "# Westland growers cut gas use with a shared geothermal well\n\n"
        "Door [Sanne de Vries](/auteur/sanne) | 11 februari 2025\n\n"
        "![Tomato plants under LED lights in a glasshouse.](/media/kas.jpg)\n\n"
        "_Beeld gegenereerd met AI_\n\n"
        f"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}\n\n## Why growers teamed up\n\n"
        f"**{PARAGRAPHS[2]}**\n\n{PARAGRAPHS[3]}\n\n* * *\n\n"
        "## Gerelateerde artikelen\n\n"
        "### [LED lighting pays back faster than expected](/led)\n\n"
        "Growers who replaced sodium lamps with LEDs report energy savings of up to 40 percent.\n\n"
        "### [Heat network for Lansingerland delayed](/heat)\n\n"
        "Permit objections from residents have pushed back the start of drilling for the network.\n"
    )


def test_a_markdown_page_reads_as_rendered() -> None:
    doc = newsparse.parse(_page(), format="text")
    assert doc.main.title == "Westland growers cut gas use with a shared geothermal well"
    assert doc.main.paragraphs == [PARAGRAPHS[0], PARAGRAPHS[1], "Why growers teamed up", PARAGRAPHS[2], PARAGRAPHS[3]]
    assert [(i.alt, i.ai_generated) for i in doc.images] == [("Tomato plants under LED lights in a glasshouse.", True)]
    assert [r.title for r in doc.related] == ["LED lighting pays back faster than expected", "Heat network for Lansingerland delayed"]
    assert doc.main.authors == ["Sanne de Vries"]
    everything = doc.to_json()
    assert "](" not in everything and "**" not in everything


def test_jina_readers_header_gives_the_date_and_is_no_text() -> None:
    header = (
        "Title: Westland growers cut gas use with a shared geothermal well | Kassenvak\n"
        "URL Source: https://kassenvak.example/westland-geothermal\n"
        "Published Time: 2025-02-10T23:15:00Z\n"
        "Markdown Content:\n"
    )
    page = _page(header).replace("Door [Sanne de Vries](/auteur/sanne) | 11 februari 2025", "Door Sanne de Vries")
    doc = newsparse.parse(page, format="text")
    assert doc.main.published == dt.date(2025, 2, 10)
    assert doc.main.paragraphs[0] == PARAGRAPHS[0]
    assert any(n.text.startswith("Title: Westland") for n in doc.noise)


def test_yaml_front_matter_is_the_clippers_record() -> None:
    header = "---\ntitle: \"Westland growers cut gas use\"\nsource: https://kassenvak.example/x\nauthor:\n  - Sanne de Vries\npublished: 2025-02-11\n---\n"
    lines, fields = text_markup.converter_header(header.split("\n"))
    assert lines == 7
    assert fields == {"title": "Westland growers cut gas use", "url": "https://kassenvak.example/x", "author": "Sanne de Vries", "published": "2025-02-11"}
    doc = newsparse.parse(_page(header), format="text")
    assert doc.main.published == dt.date(2025, 2, 11)


@pytest.mark.parametrize(
    "line, text",
    [
        ("**Bold** and _italic_ and *em* and `code`", "Bold and italic and em and code"),
        ("snake_case_name stays, and so does 5 * 3 * 2", "snake_case_name stays, and so does 5 * 3 * 2"),
        ("See [the report](https://x.example/a_(b)) and <https://x.example>", "See the report and https://x.example"),
        (r"1998\. A year \*not\* forgotten \- said \[someone\]", "1998. A year *not* forgotten - said [someone]"),
        ("> A quoted line", "A quoted line"),
        ("  * [Nieuws](/nieuws)", "Nieuws"),
    ],
)
def test_inline_markup_reads_as_its_characters(line: str, text: str) -> None:
    pieces = text_markup.read_line(line).pieces
    assert [p.text for p in pieces] == [text]


def test_links_are_counted_and_the_first_address_kept() -> None:
    piece = text_markup.read_line("Read [one](/a) or [two](/b) now").pieces[0]
    assert piece.link_chars == len("one") + len("two") and piece.href == "/a"


def test_a_numbered_line_is_a_list_item_only_in_a_run() -> None:
    lines = text_markup.read_lines(["11. Februar 2025", "", "Text."])
    assert lines[0].pieces[0].text == "11. Februar 2025"  # a dateline, not item 11
    lines = text_markup.read_lines(["1. First step", "2. Second step"])
    assert [line.pieces[0].text for line in lines] == ["First step", "Second step"]


def test_setext_headings_and_rules() -> None:
    lines = text_markup.read_lines(["Title", "=====", "", "Sub", "---", "", "* * *", "", "Text."])
    assert (lines[0].pieces[0].text, lines[0].pieces[0].heading) == ("Title", 1)
    assert lines[1].pieces == () and not lines[1].breaks
    assert (lines[3].pieces[0].text, lines[3].pieces[0].heading) == ("Sub", 2)
    assert lines[6].breaks


def test_a_plain_dump_is_no_markdown() -> None:
    plain = "Headline of the day\n\nBy Jane Doe\n\n#hashtag and a - dash and 3 * 4.\n\n" + "\n\n".join(PARAGRAPHS)
    assert not text_markup.is_markdown(plain)
    assert [b.text for b in text_blocks.split(plain)][2] == "#hashtag and a - dash and 3 * 4."


def test_a_picture_without_alt_text_is_noise_not_lost() -> None:
    doc = newsparse.parse(_page().replace("![Tomato plants under LED lights in a glasshouse.]", "![]"), format="text")
    assert doc.images == []
    assert doc.main.paragraphs[0] == PARAGRAPHS[0]


def test_a_paragraph_wrapped_by_the_converter_is_one_block_and_keeps_its_links() -> None:
    # html2text wraps at 78 columns, inside a link's words and at a hyphen of its address
    wrapped = (
        "Read [Ferry fares to rise by 6% from\nApril](https://news.example/ferry-\nfares) for more, and the\n"
        "timetable for the weekend."
    )
    lines = text_markup.read_lines(wrapped.split("\n"))
    assert [p.text for p in lines[0].pieces] == ["Read Ferry fares to rise by 6% from April for more, and the timetable for the weekend."]
    assert lines[0].pieces[0].href == "https://news.example/ferry-fares"
    assert all(line.pieces == () for line in lines[1:])
    heading = text_markup.read_lines(["#### [Dates festival draws crowds](https://www.alwaha-", "news.com/n/87002)"])
    assert (heading[0].pieces[0].text, heading[0].pieces[0].heading) == ("Dates festival draws crowds", 4)


def test_hard_breaks_cut_a_card_into_its_lines() -> None:
    card = [
        "[![](https://news.example/img/freight.jpg)\\\\",
        "\\\\",
        "**Swiss freight operators brace for Alpine detours**\\\\",
        "\\\\",
        "Rail companies expect extra traffic while the tunnel remains closed.](https://news.example/detours)",
    ]
    pieces = text_markup.read_lines(card)[0].pieces
    assert pieces[0].image and pieces[0].src == "https://news.example/img/freight.jpg"
    assert [p.text for p in pieces[1:]] == [
        "Swiss freight operators brace for Alpine detours",
        "Rail companies expect extra traffic while the tunnel remains closed.",
    ]
    assert all(p.link_chars == len(p.text) for p in pieces[1:])


def test_a_pictures_caption_is_no_text() -> None:
    glued = _page().replace(
        "![Tomato plants under LED lights in a glasshouse.](/media/kas.jpg)\n\n_Beeld gegenereerd met AI_",
        "![](/media/kas.jpg)\n\nTomato plants under LED lights in a glasshouse. Foto: Jan Smit\n\n_Beeld gegenereerd met AI_",
    )
    doc = newsparse.parse(glued, format="text")
    assert [(i.alt, i.ai_generated) for i in doc.images] == [("Tomato plants under LED lights in a glasshouse.", True)]
    assert doc.main.paragraphs[0] == PARAGRAPHS[0]
    beside = _page().replace("(/media/kas.jpg)", "(/media/kas.jpg)Growers in the Westland, February 2025.")
    doc = newsparse.parse(beside, format="text")
    assert doc.images[0].caption == "Growers in the Westland, February 2025."
    assert "February 2025" not in doc.main.text


def test_markdown_with_raw_wrappers_is_a_dump_not_html() -> None:
    page = "<div class=\"header\">\n\n" + _page() + "\n</div>\n"
    doc = newsparse.parse(page)
    assert doc.source.format == "text"
    assert doc.main.title == "Westland growers cut gas use with a shared geothermal well"


def test_a_markdown_headline_may_state_a_year() -> None:
    doc = newsparse.parse(_page().replace("# Westland growers cut gas use", "# Westland growers cut gas use by 2027"), format="text")
    assert doc.main.title == "Westland growers cut gas use by 2027 with a shared geothermal well"


def test_a_sign_up_box_under_its_heading_is_no_text() -> None:
    box = "### Sign up to Morning Briefing\n\nOur free daily newsletter with the stories that matter.\n\n[Sign up](/newsletters)\n\n"
    doc = newsparse.parse(_page().replace("* * *\n\n", box), format="text")
    assert "Morning Briefing" not in doc.main.text and "free daily newsletter" not in doc.main.text
    assert doc.main.paragraphs[-1] == PARAGRAPHS[3]


def test_two_spaces_end_a_line_as_a_hard_break() -> None:
    assert [p.text for p in text_markup.read_lines(["Line one  ", "Line two", "still two"])[0].pieces] == ["Line one", "Line two still two"]


def test_a_long_paragraph_over_dashes_is_no_heading() -> None:
    long = " ".join(["word"] * 20)
    assert text_markup.read_lines([long, "---"])[0].pieces[0].heading == 0


def test_a_sign_up_link_under_the_last_section_keeps_the_section() -> None:
    page = _page().replace("* * *\n\n", "## What comes next\n\nThe growers will meet again in March to decide on a second well.\n\n[Subscribe](/subscribe)\n\n")
    doc = newsparse.parse(page, format="text")
    assert "What comes next" in doc.main.paragraphs


def test_a_paragraph_padded_with_two_spaces_on_every_line_is_one_paragraph() -> None:
    lines = ["The council voted on the plan  ", "for the coming year after a long  ", "debate on Monday."]
    assert [p.text for p in text_markup.read_lines(lines)[0].pieces] == ["The council voted on the plan for the coming year after a long debate on Monday."]
