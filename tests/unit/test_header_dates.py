"""Publication dates and bylines in less common places of the header: under the
standfirst, inside "Posted by NAME on DATE", in a long byline row, after another
labelled field; and a headline that ends in a closing quote."""
from __future__ import annotations

import datetime as dt

import newsparse

EN_BODY = [
    f"Paragraph {i} of the story says what the council decided about the bus network this week, in a full sentence."
    for i in range(5)
]


def _dump(*header: str, body: list[str] = EN_BODY) -> newsparse.Document:
    """A text dump: the ``header`` lines (each its own block) over the body paragraphs."""
    return newsparse.parse("\n\n".join([*header, *body]) + "\n", format="text")


# --- 1. a dateline under the standfirst ---------------------------------------------------------


def test_a_dateline_under_the_standfirst_is_the_publication_date() -> None:
    doc = _dump(
        "News | Sport | Business",
        "West Yorkshire takes buses back under public control from next spring",
        "Fares will be capped and routes set by the mayor under the biggest change to local buses in decades.",
        "By Hannah Mercer\nPublished: 4 November 2025\nLast updated: 5 November 2025, 08:30",
    )
    assert doc.main.title == "West Yorkshire takes buses back under public control from next spring"
    assert doc.main.published == dt.date(2025, 11, 4)
    assert doc.main.authors == ["Hannah Mercer"]


def test_a_byline_four_rows_under_the_standfirst_is_read() -> None:
    doc = _dump(
        "Nachrichten | Sport | Wetter",
        "Freiburg makes solar panels mandatory on all renovated roofs",
        "From next year, homeowners who replace a roof will have to fit solar panels on at least half of it.",
        "12. Oktober 2025, 08:15 Uhr\nStand: 13. Oktober 2025, 10:40 Uhr\nLesezeit: 3 Minuten\nEin Beitrag von Lukas Brandt",
    )
    assert doc.main.published == dt.date(2025, 10, 12)
    assert doc.main.authors == ["Lukas Brandt"]


# --- 2. "Posted by NAME on Nov. 2, 2025 at 7:14 a.m." --------------------------------------------


def test_a_date_inside_a_longer_line_is_read_from_its_month_word() -> None:
    from newsparse.meta import parse_date

    line = "Posted by Dana Whitfield on Nov. 2, 2025 at 7:14 a.m."
    assert parse_date(line, textual=True, languages=("en",)) == dt.date(2025, 11, 2)
    # a language dateparser does not know among the guesses does not spoil the others
    assert parse_date("4 November 2025", textual=True, languages=("en", "pcm")) == dt.date(2025, 11, 4)


def test_posted_by_name_on_date_gives_the_name_and_the_date() -> None:
    doc = _dump(
        "Local | Business | Outdoors",
        "Passenger ferry to return to the Willamette after 60 years",
        "Posted by Dana Whitfield on Nov. 2, 2025 at 7:14 a.m.",
    )
    assert doc.main.published == dt.date(2025, 11, 2)
    assert doc.main.authors == ["Dana Whitfield"]


def test_a_name_is_cut_before_the_joining_word_of_its_date() -> None:
    import re

    from newsparse.features import name_before_date

    digit = re.compile(r"\d")
    assert name_before_date("Dana Whitfield on Nov. 2, 2025", digit) == "Dana Whitfield"
    assert name_before_date("Ana Ruiz el 21 de octubre de 2025", digit) == "Ana Ruiz"
    assert name_before_date("Theresa May 2 hours ago", digit) == "Theresa May"  # a surname, not a month


def _page_with_row(lang: str, title: str, row: str, body: list[str]) -> newsparse.Document:
    """An HTML article: its headline, one header row (byline, date, source...), its paragraphs."""
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    html = (
        f"<html lang='{lang}'><body><article><h1>{title}</h1>"
        f"<div class='meta'>{row}</div>{paragraphs}</article></body></html>"
    )
    return newsparse.parse(html)


# --- 3. a long byline row ---------------------------------------------------------------------------

ES_BODY = [
    "El recuento, hecho con cámaras de fototrampeo y análisis de excrementos, confirma la expansión hacia el este.",
    "Los técnicos instalaron más de 300 cámaras durante dieciocho meses y recogieron cientos de muestras.",
    "Las organizaciones agrarias consideran que las cifras se quedan cortas y piden más controles en los concejos.",
    "El Gobierno regional pagó el año pasado 2,3 millones de euros en indemnizaciones por daños al ganado.",
]


def test_a_long_byline_row_with_a_reading_time_gives_the_date() -> None:
    row = "Escrito por Pablo Iglesias Fernández · 21 de octubre de 2025 · Lectura: 4 min"
    doc = _page_with_row("es", "El censo del lobo en Asturias detecta 42 manadas", row, ES_BODY)
    assert doc.main.published == dt.date(2025, 10, 21)
    assert doc.main.authors == ["Pablo Iglesias Fernández"]


def test_a_sentence_opening_like_a_byline_is_no_byline_row() -> None:
    doc = _dump(
        "El censo del lobo en Asturias detecta 42 manadas",
        "Escrito por los técnicos del Principado durante dieciocho meses de trabajo de campo en los montes del oriente.",
        body=ES_BODY,
    )
    assert doc.main.authors == []
    assert doc.main.paragraphs[0].startswith("Escrito por los técnicos")


# --- 4. a publication label after another labelled field -----------------------------------------

ZH_BODY = [
    "近日，记者从市民政局获悉，截至今年9月底，全市已建成社区老年食堂和助餐点2130个，实现所有街道全覆盖。",
    "在上城区一家社区食堂，中午11点不到，前来就餐的老人已经排起了队。一荤两素一汤，80岁以上老人只需花费8元。",
    "不少食堂引入了智能结算系统，老人刷脸或刷卡即可自动享受相应补贴。补贴标准按年龄分档。",
    "市民政局相关负责人表示，下一步将重点推动助餐服务向农村地区延伸，力争明年底前覆盖大部分村庄。",
]


def test_a_publication_label_after_a_source_field_gives_date_and_author() -> None:
    row = "来源：杭州日报 发布时间：2025-10-21 10:05 作者：王晓燕 【字体：大 中 小】 浏览次数：1862"
    doc = _page_with_row("zh", "我市社区老年食堂实现街道全覆盖", row, ZH_BODY)
    assert doc.main.published == dt.date(2025, 10, 21)
    assert doc.main.authors == ["王晓燕"]


# --- 5. a headline ending in a closing guillemet ----------------------------------------------------

RU_BODY = [
    "В Томске в следующем году отреставрируют ещё 20 деревянных домов, сообщили в мэрии города.",
    "С 2020 года по программе уже восстановлены 47 зданий, в том числе купеческие особняки в Заистоке.",
    "По оценке мэрии, восстановление одного дома обходится инвестору в среднем в 25–40 миллионов рублей.",
    "Однако градозащитники указывают, что в городе остаётся около 300 деревянных памятников в плохом состоянии.",
]


def test_a_headline_ending_in_a_closing_guillemet_over_a_relative_time() -> None:
    doc = _dump(
        "Главная / Город / Архитектура",
        "В Томске отреставрируют ещё 20 деревянных домов по программе «рубль за метр»",
        "вчера в 18:40",
        "Власти подвели итоги пяти лет программы, по которой инвесторы получают памятники в аренду.",
        body=RU_BODY,
    )
    assert doc.main.title == "В Томске отреставрируют ещё 20 деревянных домов по программе «рубль за метр»"
    assert doc.main.paragraphs[0].startswith("Власти подвели итоги")


def test_a_quoted_sentence_over_a_date_stays_text() -> None:
    """A line whose quote closes a sentence («… метр».») ends with a mark of its own."""
    doc = _dump(
        "Главная / Город / Архитектура",
        "Мэр назвал программу так: «Каждый дом — это кусочек истории нашего города.»",
        "12 октября 2025",
        body=RU_BODY,
    )
    assert doc.main.title != "Мэр назвал программу так: «Каждый дом — это кусочек истории нашего города.»"


# --- 6. a date without a year as a date line ---------------------------------------------------------


def test_a_month_and_day_without_a_year_is_a_date_line() -> None:
    from newsparse.block import Block
    from newsparse.features import is_date_line

    for text in ("（10月7日）", "10月7日", "10월 7일", "(7 October)", "12 октября", "Oct. 7"):
        assert is_date_line(Block(index=0, text=text)), text
    for text in ("Chapter 7", "7 Things", "(EFE)", "Section 3"):
        assert not is_date_line(Block(index=0, text=text)), text


JA_BODY = [
    "新潟県内のコメの一等米比率が、記録的な猛暑の影響で過去最低の水準にとどまったことがわかった。",
    "県によると、九月末時点のコシヒカリの一等米比率は四割台で、例年の八割前後を大きく下回った。",
    "高温で米粒が白く濁る「白未熟粒」が多く発生したことが主な原因とみられる。",
    "一方、味への影響は小さいとされ、JAは価格を大きく下げずに販売する考えだ。",
]


def test_a_bracketed_month_day_between_a_related_title_and_its_summary() -> None:
    related = (
        "コメ価格、前年比1.4倍に 品薄感続く\n（10月7日）\n"
        "農林水産省によると、全国のスーパーで販売されたコメの平均価格は5キロあたり4千円台となり、前年の約1.4倍に上昇した。"
    )
    page = ["新潟のコメ、一等米比率が過去最低に 猛暑で品質低下", *JA_BODY, "あわせて読みたい", related]
    doc = newsparse.parse("\n\n".join(page) + "\n", format="text")
    assert [(r.title, r.summary[:6]) for r in doc.related] == [("コメ価格、前年比1.4倍に 品薄感続く", "農林水産省に")]


def test_a_clock_time_before_a_posted_from_label_is_no_labelled_field() -> None:
    row = "2025年08月02日 07:58 发布于：四川"
    paragraphs = "".join(f"<p>{p}</p>" for p in ZH_BODY)
    html = (
        "<html lang='zh'><body><div class='article'><h1>成都大熊猫基地暑期门票实行分时段预约</h1>"
        f"<div class='time'>{row}</div>{paragraphs}</div></body></html>"
    )
    assert newsparse.parse(html).main.published == dt.date(2025, 8, 2)


def test_a_dateline_sharing_its_line_with_the_update_time_gives_the_publication() -> None:
    doc = _dump(
        "Reef levy rises for the first time in a decade",
        "14 November 2025, 18:40 · Updated 15 November 2025, 10:05 with the minister's reply",
        "By Hannah Mercer",
    )
    assert doc.main.published == dt.date(2025, 11, 14)


def test_a_row_of_fields_gives_its_date_and_its_labelled_byline() -> None:
    doc = _dump(
        "Reef levy rises for the first time in a decade",
        "15/01/2026 às 18h30 · Texto: Rafael Nunes · Fotos: Lucas Prado/ECVS",
    )
    assert doc.main.published == dt.date(2026, 1, 15)
    assert doc.main.authors == ["Rafael Nunes"]


def test_the_clock_word_beside_a_date_is_no_name() -> None:
    doc = _dump("Reef levy rises for the first time in a decade", "Von Tobias Lindqvist", "07.11.2025 | 10:42 Uhr")
    assert doc.main.authors == ["Tobias Lindqvist"]
    assert doc.main.published == dt.date(2025, 11, 7)


def test_a_bare_name_opening_a_header_row_ends_at_its_date_label() -> None:
    doc = _dump("Reef levy rises for the first time in a decade", "Élodie Cuenot Publié le jeudi 27 février 2025 Lecture : 3 min")
    assert doc.main.authors == ["Élodie Cuenot"]
    assert doc.main.published == dt.date(2025, 2, 27)


def test_a_long_row_opening_with_a_full_numeric_date_gives_that_date() -> None:
    doc = _dump("Reef levy rises for the first time in a decade", "2025年04月18日 08:12 来源：江城日报 作者：林晓雯 【字号 大 中 小】")
    assert doc.main.published == dt.date(2025, 4, 18)


def test_a_row_giving_the_update_before_the_publication_gives_the_publication() -> None:
    doc = _dump("Reef levy rises for the first time in a decade", "Actualizado 20/02/2025 09:14 Publicado 19/02/2025 18:30")
    assert doc.main.published == dt.date(2025, 2, 19)
