"""Headline choice in pages without an <h1>: ticker lines, byline rows, toolbars and
source names are no headline."""
from __future__ import annotations

import pytest

import newsparse

BODY = [
    f"Paragraph {i} of the story says what happened on the reef this week, in a full sentence." for i in range(5)
]


def _dump_title(lines_above: str) -> str | None:
    """The title of a text dump: ``lines_above`` (blank-line separated) over the body."""
    body = "\n\n".join(BODY)
    return newsparse.parse(f"{lines_above}\n\n{body}\n", format="text").main.title


def _html_title(head: str, before_body: str = "") -> str | None:
    """The title of an HTML page without <h1>: ``before_body`` over the body paragraphs."""
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY)
    return newsparse.parse(f"<html>{head}<body>{before_body}<div class='body'>{paragraphs}</div></body></html>").main.title


@pytest.mark.parametrize(
    ("lines_above", "title"),
    [
        # a ticker line is no headline
        ("News | Sport | Travel\n\nBREAKING Bruce Highway closed near Gympie after truck rollover", None),
        # a headline starting like a ticker word stays a headline
        ("News | Sport | Travel\n\nBreaking the deadlock over the reef levy", "Breaking the deadlock over the reef levy"),
        # a ticker label set off by a bar opens no headline
        (
            "الصفحة الرئيسية | الخليج | سياحة\n\nمباشر | أسعار النفط ترتفع في التعاملات المبكرة\n\n"
            "Oman reopens an ancient trail to hikers",
            "Oman reopens an ancient trail to hikers",
        ),
        # a channel line over its counter gives way to the headline below
        (
            "Northern Herald\n\n48,200 subscribers\n\nSubscribe\n\nKyoto adds express buses for tourists as residents complain",
            "Kyoto adds express buses for tourists as residents complain",
        ),
        # a short headline keeps its dek below it
        ("Reef levy rises\n\nOperators will pay more for each visitor from July", "Reef levy rises"),
    ],
)
def test_dump_headline(lines_above: str, title: str | None) -> None:
    assert _dump_title(lines_above) == title


def test_a_byline_row_with_date_and_time_is_no_headline() -> None:
    before = (
        "<div class='title'>Reef levy rises for the first time in a decade</div>"
        "<div class='meta'>Marie Tremblay Collaboration spéciale 22 avril 2025 à 5 h 00</div>"
    )
    assert _html_title("", before) == "Reef levy rises for the first time in a decade"


def test_without_h1_a_heading_element_beats_a_toolbar_line() -> None:
    before = (
        "<div class='head'><h2 class='headline'>Queensland raises the reef levy for the first time in a decade</h2>"
        "<div class='tools'>Read aloud Larger type Smaller type</div></div>"
    )
    title = _html_title("<head><title>Reef levy : Portal News</title></head>", before)
    assert title == "Queensland raises the reef levy for the first time in a decade"


def test_ticker_and_scoreboard_lines_are_no_headline() -> None:
    from newsparse import parse

    body = (
        "Gulf Horizon Airways has ordered 40 widebody aircraft worth about 14 billion dollars, the largest order in its history.\n\n"
        "The order includes 25 firm purchases and 15 options, with deliveries scheduled between 2029 and 2034.\n\n"
        "Chief executive Omar Al Suwaidi said passenger numbers rose 11 percent in the first nine months of the year.\n"
    )
    ticker = "تاسي 11,842 ▲ 0.6%\n\nGulf Horizon Airways orders 40 widebody jets\n\nبقلم: سارة الحمادي\n\n" + body
    assert parse(ticker).main.title == "Gulf Horizon Airways orders 40 widebody jets"
    board = "【試合終了】 ホークス 4－3 ライオンズ\n\nホークス、延長12回にサヨナラ勝ち\n\n2025/08/17 22:31\n\n" + (
        "ホークスは17日、本拠地でライオンズと対戦し、延長12回に4－3でサヨナラ勝ちした。\n\n"
        "試合は3－3のまま延長戦に突入した。両チームの救援陣が踏ん張り、11回まで追加点を許さなかった。\n"
    )
    assert parse(board).main.title == "ホークス、延長12回にサヨナラ勝ち"
    # the same shape without a match status is a headline
    headline = "Hawks edge Lions 4-3 in the 12th\n\nBy Ann Lee\n\n" + body
    assert parse(headline).main.title == "Hawks edge Lions 4-3 in the 12th"


def test_a_site_name_over_a_one_item_a_line_menu_is_no_headline() -> None:
    from newsparse import parse

    dump = (
        "Kingsford FM On Air: The Drive Home with Kate\nNews  Travel  Weather  Competitions\n\n"
        "Riverside bridge to close for eight months for repairs\n\nBy Tom Ellis\n\n"
        "The Riverside Bridge in Kingsford will close to all traffic from January for eight months while engineers replace its supports.\n\n"
        "About 18,000 vehicles cross the 140-year-old bridge each day, and drivers will be diverted over the Mill Lane bridge.\n"
    )
    assert parse(dump).main.title == "Riverside bridge to close for eight months for repairs"


def test_a_widget_heading_over_its_forecast_row_gives_way_to_the_headline_over_its_date() -> None:
    widget = "Weather | News | Local\n\nFive-day forecast\nThu −9° snow Fri −12° cloudy Sat −15° clear\n\n"
    header = "Heaviest snowfall of the winter to hit the city on Thursday\n\n12.02.2026 | 07:45\nBy Natalia Berg"
    assert _dump_title(widget + header) == "Heaviest snowfall of the winter to hit the city on Thursday"
    # a headline naming two temperatures is still a headline
    assert _dump_title("From 38° in Paris to 41° in Madrid: Europe swelters\n\n12.07.2026 | 07:45") == (
        "From 38° in Paris to 41° in Madrid: Europe swelters"
    )


def test_a_scoreboard_line_over_an_image_block_does_not_open_the_text() -> None:
    # the bracket closing the match status ends the line like a sentence: it must still not
    # be taken for the text's first paragraph, or the headline below becomes a paragraph
    dump = (
        "كرة القدم | الدوري السعودي | انتقالات\nالهلال 2 - 1 الاتحاد (انتهت)\n\n"
        "A footballer in a blue kit raises his arms in front of a packed stadium at night.\n"
        "صورة تم إنشاؤها بالذكاء الاصطناعي\n\nRiyadh club signs Brazilian striker on four-year contract\n\n"
        "كتب: فهد العتيبي\nالساعة 09:40 مساءً\n\n" + "\n\n".join(BODY) + "\n"
    )
    doc = newsparse.parse(dump, format="text")
    assert doc.main.title == "Riyadh club signs Brazilian striker on four-year contract"
    assert doc.main.paragraphs == BODY
    assert doc.main.authors == ["فهد العتيبي"]


def test_without_h1_a_heading_the_title_repeats_is_found_behind_a_long_toolbar() -> None:
    rows = "".join(f"<div class='tool'>Tool row number {n}</div>" for n in range(14))
    before = f"<h2>Queensland raises the reef levy for the first time in a decade</h2>{rows}"
    title = _html_title("<head><title>Queensland raises the reef levy for the first time in a decade : Portal</title></head>", before)
    assert title == "Queensland raises the reef levy for the first time in a decade"


def test_a_toolbar_row_repeating_its_verb_is_no_headline() -> None:
    # (over the twelve words a line of lexicon labels may have)
    toolbar = "Compartir en Whatsapp Compartir en Facebook Compartir en Twitter Copiar enlace Ir a los comentarios"
    assert _dump_title(f"Noticias | Valencia | Ciudad\n\n{toolbar}") is None
    # a headline may say a word twice
    assert _dump_title("Reef levy rises, and rises again, for reef tour operators") == (
        "Reef levy rises, and rises again, for reef tour operators"
    )


def test_a_cjk_menu_row_with_a_latin_acronym_is_no_headline() -> None:
    lines = "主要　国内　国際　経済　エンタメ　スポーツ　IT　科学　ライフ　地域\n\n富山湾のシロエビ、水揚げ過去最少に\n\n2025/9/18(木) 7:02配信"
    body = "\n\n".join(
        f"富山湾の特産品として知られるシロエビの今季の水揚げ量が、記録が残る年以降で最も少なくなる見通しだ。段落{i}。" for i in range(5)
    )
    assert newsparse.parse(f"{lines}\n\n{body}\n", format="text").main.title == "富山湾のシロエビ、水揚げ過去最少に"


def test_a_dump_headline_is_in_the_texts_script() -> None:
    # Arabic chrome lines over an English text: the app banner and the source line are
    # title-like, but only the English line can be the headline
    lines = (
        "افتح الخبر في التطبيق لتجربة أسرع\nفتح\nعاجل | اقتصاد | رياضة | تقنية | منوعات\n"
        "Reef levy rises for the first time in a decade\nالمصدر: المرصد المغاربي للأعمال\n٣ مارس ٢٠٢٥ - ١١:٤٠ ص"
    )
    assert _dump_title(lines) == "Reef levy rises for the first time in a decade"


def test_a_longer_line_right_under_a_dump_headline_is_its_subtitle() -> None:
    doc = newsparse.parse(
        "Reef levy rises\n\nOperators will pay two dollars more for each visitor from the first of July\n\n23.01.2025, 00:05\n\n"
        + "\n\n".join(BODY) + "\n",
        format="text",
    )
    assert doc.main.title == "Reef levy rises"
    assert doc.main.paragraphs[0] == "Operators will pay two dollars more for each visitor from the first of July"


def test_an_outlet_name_without_spaces_over_its_time_gives_way_to_the_headline() -> None:
    lines = "北陸新報ニュース\n2時間前\n\n大野で「雪室そば」の出荷始まる　雪の冷気で熟成、甘み増す"
    body = "\n\n".join(f"福井県大野市の農業法人で、雪室で熟成させたそばの出荷が始まった。段落{i}です。" for i in range(5))
    doc = newsparse.parse(f"{lines}\n\n{body}\n", format="text")
    assert doc.main.title == "大野で「雪室そば」の出荷始まる 雪の冷気で熟成、甘み増す"


def test_a_browser_print_header_with_a_two_digit_year_is_no_headline() -> None:
    title = "Glacier collapse above Saas-Grund cuts off hamlet of Trift"
    lines = f"12.03.25, 14:07                         {title}\n\nalpenkurier.de\n\n{title}\n\nLena Aebischer"
    assert _dump_title(lines) == title


def test_without_h1_the_headline_over_its_dek_is_the_title_and_a_kicker_is_not() -> None:
    headline = "<div class='t'>Rotterdam turns its roofs into sponges that other cities could copy</div>"
    dek = (
        "<div class='d'>The Dutch city has turned 46 hectares of roofs into surfaces that hold water, "
        "make power or grow vegetables, and the model works but it does not come cheap</div>"
    )
    assert _html_title("", headline + dek) == "Rotterdam turns its roofs into sponges that other cities could copy"
    kicker = "<div class='k'>Water quality</div>"
    assert _html_title("", kicker + headline) == "Rotterdam turns its roofs into sponges that other cities could copy"


def test_an_attachment_link_is_no_headline_and_a_field_label_over_a_count_no_author() -> None:
    before = (
        "<table><tr><th>Reef levy rises for the first time in a decade</th></tr>"
        "<tr><td>등록일</td><td>2025.06.03</td><td>조회수</td><td>1,284</td></tr>"
        "<tr><td>첨부파일</td><td>reef_levy_release_0603.pdf (1.2MB)</td></tr></table>"
    )
    doc = newsparse.parse(f"<html><body>{before}<div class='body'>{''.join(f'<p>{p}</p>' for p in BODY)}</div></body></html>")
    assert doc.main.title == "Reef levy rises for the first time in a decade"
    assert doc.main.authors == []


def test_a_page_of_one_line_is_text_not_a_headline_over_nothing() -> None:
    assert newsparse.parse("<p>Bonjour tout le monde</p>").main.paragraphs == ["Bonjour tout le monde"]
    assert newsparse.parse("<p>Bonjour tout le monde</p>").main.title is None
    heading = newsparse.parse("<h1>Bonjour tout le monde</h1>")
    assert (heading.main.title, heading.main.paragraphs) == ("Bonjour tout le monde", [])


def test_a_section_path_of_two_parts_is_no_headline() -> None:
    lines = "Scotland | Highlands & Islands\n\u00a0\nHebrides ferry crews vote for strike action over new rosters\nFiona MacLeod"
    assert _dump_title(lines) == "Hebrides ferry crews vote for strike action over new rosters"
