"""Headline choice in pages without an <h1>: ticker lines and byline rows are no headline."""
from __future__ import annotations

import newsparse

BODY = "\n\n".join(
    f"Paragraph {i} of the story says what happened on the reef this week, in a full sentence."
    for i in range(5)
)


def test_a_ticker_line_is_no_headline() -> None:
    dump = f"News | Sport | Travel\n\nBREAKING Bruce Highway closed near Gympie after truck rollover\n\n{BODY}\n"
    assert newsparse.parse(dump, format="text").main.title is None


def test_a_headline_starting_like_a_ticker_word_stays_a_headline() -> None:
    dump = f"News | Sport | Travel\n\nBreaking the deadlock over the reef levy\n\n{BODY}\n"
    assert newsparse.parse(dump, format="text").main.title == "Breaking the deadlock over the reef levy"


def test_a_byline_row_with_date_and_time_is_no_headline() -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY.split("\n\n"))
    page = (
        "<html><body><div class='story'><div class='title'>Reef levy rises for the first time in a decade</div>"
        "<div class='meta'>Marie Tremblay Collaboration spéciale 22 avril 2025 à 5 h 00</div>"
        f"{paragraphs}</div></body></html>"
    )
    assert newsparse.parse(page).main.title == "Reef levy rises for the first time in a decade"


def test_a_barred_ticker_label_opens_no_headline() -> None:
    dump = (
        "الصفحة الرئيسية | الخليج | سياحة\n\nمباشر | أسعار النفط ترتفع في التعاملات المبكرة\n\n"
        f"Oman reopens an ancient trail to hikers\n\n{BODY}\n"
    )
    assert newsparse.parse(dump, format="text").main.title == "Oman reopens an ancient trail to hikers"


def test_without_h1_a_heading_element_beats_a_toolbar_line() -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY.split("\n\n"))
    page = (
        "<html><head><title>Reef levy : Portal News</title></head><body><div class='head'>"
        "<h2 class='headline'>Queensland raises the reef levy for the first time in a decade</h2>"
        "<div class='tools'>Read aloud Larger type Smaller type</div></div>"
        f"<div class='body'>{paragraphs}</div></body></html>"
    )
    assert newsparse.parse(page).main.title == "Queensland raises the reef levy for the first time in a decade"


def test_a_channel_line_over_its_counter_gives_way_to_the_headline_below() -> None:
    dump = (
        "Northern Herald\n\n48,200 subscribers\n\nSubscribe\n\n"
        f"Kyoto adds express buses for tourists as residents complain\n\n{BODY}\n"
    )
    assert newsparse.parse(dump, format="text").main.title == "Kyoto adds express buses for tourists as residents complain"


def test_a_short_headline_keeps_its_dek_below_it() -> None:
    dump = f"Reef levy rises\n\nOperators will pay more for each visitor from July\n\n{BODY}\n"
    assert newsparse.parse(dump, format="text").main.title == "Reef levy rises"
