"""Rules found with corpus10 (portal, TV/radio and lynx/w3m pages), tested on small inputs."""
from __future__ import annotations

import newsparse
from newsparse import text_blocks
from newsparse.block import Block, Label
from newsparse.features import is_date_line


def test_lynx_link_numbers_are_tool_output() -> None:
    dump = "[1]Home [2]Weather [3]Local News\n\n   Title of the story here\n\n   [4]Read the report\n"
    blocks = text_blocks.split(dump)
    texts = [b.text for b in blocks if b.label is Label.UNKNOWN]
    assert texts == ["Home", "Weather", "Local News", "Title of the story here", "Read the report"]
    assert blocks[-1].label is Label.NOISE and "[4]" in blocks[-1].text


def test_lynx_reference_list_is_noise_not_text() -> None:
    dump = "[1]Home [2]News\n\nBody sentence one is here.\n[3]Share\n\nReferences\n\n   1. https://a.test/\n   2. https://b.test/\n"
    blocks = text_blocks.split(dump)
    assert all("https" not in b.text for b in blocks if b.label is Label.UNKNOWN)
    assert "References" in blocks[-1].text and blocks[-1].label is Label.NOISE


def test_brackets_without_lynx_markers_stay() -> None:
    blocks = text_blocks.split("See note [1]and more.\nA second line here.\n")
    assert blocks[0].text == "See note [1]and more."


def test_headline_with_a_year_is_no_dateline() -> None:
    assert not is_date_line(Block(index=0, text="Hamburg port to automate second container terminal by 2028"), 10)
    assert is_date_line(Block(index=0, text="Erstellt am 14.10.2025, 16:40"), 10)


def test_related_card_provider_lines_are_dropped() -> None:
    html = """<html><body><h1>Main headline of the article here</h1>
    <p>First paragraph of the article, long enough to be prose for the parser to keep.</p>
    <p>Second paragraph of the article, also long enough to be prose for the parser.</p>
    <div class="more"><h2>More Stories</h2>
    <div><h3>Another story about the same topic</h3><p>A summary sentence of the other story that runs on a bit.</p><div>Market Wire</div></div>
    <div><h3>A third story about the same topic</h3><p>Another summary sentence of the third story that runs on.</p><div>Food Desk</div></div>
    </div></body></html>"""
    doc = newsparse.parse(html)
    assert [r.summary for r in doc.related] == [
        "A summary sentence of the other story that runs on a bit.",
        "Another summary sentence of the third story that runs on.",
    ]
    assert {"Market Wire", "Food Desk"} <= {n.text for n in doc.noise}


def test_cjk_caption_under_its_ai_label_without_full_stop() -> None:
    dump = (
        "京都市バス、観光客向けの急行を増便\n\n"
        "画像は生成AIによるイメージです\n紅葉の寺の前で市バスを待つ長い行列\n\n"
        "京都市交通局は21日、観光地を結ぶ急行バスを11月から1日40便増やすと発表した。紅葉シーズンの混雑で、住民がバスに乗れない状態が続いている。\n\n"
        "急行バスは京都駅と清水寺、銀閣寺などを結び、運賃は通常の路線バスより高い500円に設定する。\n"
    )
    doc = newsparse.parse(dump, format="text")
    assert [(i.alt, i.ai_generated) for i in doc.images] == [("紅葉の寺の前で市バスを待つ長い行列", True)]


def test_bare_counter_line_in_a_dump_is_noise() -> None:
    dump = (
        "Headline of the page goes here\n\n"
        "The first paragraph of the story is long enough to count as prose for sure.\n\n"
        "The second paragraph of the story is also long enough to count as prose.\n\n"
        "Like  128\n"
    )
    doc = newsparse.parse(dump, format="text")
    assert "128" not in doc.main.text


def test_long_line_with_a_month_and_year_is_still_dated() -> None:
    assert is_date_line(Block(index=0, text="You can view our June 2018 open thread here."), 10)
