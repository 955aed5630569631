"""Text dumps -> blocks: blank lines, wrapped paragraphs, labels on one line."""
from __future__ import annotations

from newsparse.text_blocks import split

WRAPPED = """Heading of a wrapped story

The first paragraph of this story was wrapped by a tool at seventy
columns, so that its sentences continue on the next line without any
blank line between them. A reader sees one paragraph here.

A second paragraph follows after a blank line and is also wrapped at
the same width by the same tool, ending with a short last line.

Reporter Name
"""


def test_blank_lines_separate_blocks() -> None:
    blocks = split("One line.\n\nAnother line.\nA third line.\n")
    assert [b.text for b in blocks] == ["One line.", "Another line.", "A third line."]
    assert [b.blank_before for b in blocks] == [True, True, False]


def test_hard_wrapped_paragraphs_are_joined() -> None:
    texts = [b.text for b in split(WRAPPED)]
    assert texts[0] == "Heading of a wrapped story"
    assert texts[1].startswith("The first paragraph") and texts[1].endswith("one paragraph here.")
    assert texts[2].startswith("A second paragraph") and texts[2].endswith("short last line.")
    assert texts[3] == "Reporter Name"


def test_unwrapped_long_lines_stay_apart() -> None:
    long_line = "This is a long paragraph line of a dump that was never wrapped by any tool. " * 3
    blocks = split(f"{long_line}\n{long_line}\n")
    assert len(blocks) == 2


def test_label_under_a_full_width_line_is_not_joined() -> None:
    text = WRAPPED.replace("Reporter Name\n", "Caption line of an image that is rather long and fills the width\nAI-generated image\n")
    texts = [b.text for b in split(text, is_label=lambda line: line == "AI-generated image")]
    assert texts[-1] == "AI-generated image"


def test_tab_separated_labels_become_separate_blocks() -> None:
    blocks = split("By Jane Doe\tMarch 3, 2025\nA sentence of the article body follows here.\n")
    assert [b.text for b in blocks[:2]] == ["By Jane Doe", "March 3, 2025"]


def test_nbsp_only_lines_count_as_blank() -> None:
    blocks = split("First.\n\u00a0\nSecond.\n")
    assert [b.blank_before for b in blocks] == [True, True]


def test_titles_over_summaries_do_not_make_an_unwrapped_dump_wrapped() -> None:
    """A dump whose paragraphs are one long line each, with a few 60-column titles right
    above their summaries (and a caption above its credit): the titles are not a wrap width."""
    paragraph = "A paragraph of this dump sits on one long line, as the browser copied it, " * 3
    text = (
        f"{paragraph}\n\n{paragraph}\n\n{paragraph}\n\n"
        "A lifeguard tower stands empty on a wide sandy beach near Varna.\nPhoto: Agency\n\n"
        "Sunny Beach hotels report more bookings from Poland and Romania\n"
        "Hoteliers say visitors from neighbouring countries are filling rooms left empty this year.\n\n"
        "Sea water on the Bulgarian coast warmer than usual for June\n"
        "Meteorologists measured 24 degrees off Varna this week, about three degrees above normal.\n"
    )
    texts = [b.text for b in split(text)]
    assert "Sunny Beach hotels report more bookings from Poland and Romania" in texts
    assert "Sea water on the Bulgarian coast warmer than usual for June" in texts


def test_list_items_ending_in_semicolons_stay_apart_in_a_wrapped_dump() -> None:
    items = (
        "The obligation will apply from April. Owners can meet it in several\nways:\n\n"
        "installing panels on at least 50 percent of the usable roof area;\n"
        "renting the roof to an energy cooperative that installs the panels;\n"
        "joining a shared system on a neighbouring building.\n\n"
    )
    texts = [b.text for b in split(WRAPPED + "\n" + items + WRAPPED)]
    assert "installing panels on at least 50 percent of the usable roof area;" in texts
    assert "renting the roof to an energy cooperative that installs the panels;" in texts
    assert "joining a shared system on a neighbouring building." in texts


def test_a_dumps_bullets_are_marks_not_words() -> None:
    blocks = split("Menu\n\n  * Actualités\n  * Isère\n- Saisonstart am 14. Juni\n• Tageskarte 4 Euro\n– Bonjour, dit-il.\n")
    assert [b.text for b in blocks] == ["Menu", "Actualités", "Isère", "Saisonstart am 14. Juni", "Tageskarte 4 Euro", "– Bonjour, dit-il."]


def test_a_lynx_trailer_with_hidden_links_is_read_at_once() -> None:
    dump = "[1]Home [2]News [3]Sport\n\nThe text of the story.\n\nReferences\n\n   1. http://a.example/\n   2. http://b.example/\n\n   Hidden links:\n   3. http://c.example/\n"
    blocks = split(dump)
    assert blocks[-1].text.startswith("[1] [2] [3] References") and blocks[-1].kind is not None


def test_a_dash_after_a_list_and_a_line_of_prose_is_the_texts() -> None:
    texts = [b.text for b in split("Key points:\n- fares rise\nThe text goes on after the list without a blank line\n- dash at the start of prose\n")]
    assert texts[-1] == "- dash at the start of prose"
