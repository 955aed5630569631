"""Header rows that join several fields on one line (byline, place, source, date), and
closing credits under the text: the date and the authors are read from their parts."""
from __future__ import annotations

import datetime as dt

import pytest

import newsparse

ES_BODY = [
    "El Bilbao Basket ganó el domingo al Valencia con un triple sobre la bocina que levantó a todo el pabellón.",
    "El base estadounidense anotó 24 puntos y fue el máximo anotador de un partido igualado de principio a fin.",
    "El entrenador dijo después que el equipo había trabajado esa jugada durante toda la semana en los entrenamientos.",
    "Con esta victoria el equipo vasco suma seis triunfos seguidos y se acerca a los puestos de la fase final.",
]
EN_BODY = [
    f"Paragraph {i} of the story says what happened to the ferry service this week, in a full sentence." for i in range(5)
]
JA_BODY = [
    "金沢市は駅前で観光客の荷物を預かる新しいサービスを始めた。市内の旅館と連携し、当日中にホテルまで届ける。",
    "市によると、開始から一週間で約八百件の利用があり、外国人観光客の割合が半分を超えた。",
    "担当者は「手ぶらで街歩きを楽しんでもらいたい」と話しており、今後は対象の宿泊施設を増やす方針だ。",
    "市は利用状況を見ながら料金の見直しも検討する。効果は来春に検証する。",
]


def _html(lang: str, title: str, header: str, body: list[str], after: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    return (
        f"<html lang='{lang}'><body><article><h1>{title}</h1><div class='meta'>{header}</div>"
        f"{paragraphs}{after}</article></body></html>"
    )


# --- the date inside a byline row -----------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "row", "body", "date"),
    [
        # a textual date in the last part of a labelled byline
        ("es", "Redacción: Adrián Gil | Bilbao | Domingo, 16 de marzo de 2025", ES_BODY, dt.date(2025, 3, 16)),
        # a numeric date after the name, the update time after it (the first date is the publication)
        (
            "cs",
            "Autor: Petr Novák 12. 1. 2025 8:30 Aktualizováno 13. 1. 2025 14:05",
            ES_BODY,
            dt.date(2025, 1, 12),
        ),
    ],
)
def test_the_date_in_a_byline_row_is_the_publication_date(lang: str, row: str, body: list[str], date: dt.date) -> None:
    doc = newsparse.parse(_html(lang, "El Bilbao gana sobre la bocina", row, body))
    assert doc.main.published == date


def test_an_update_part_of_a_byline_row_is_not_the_publication_date() -> None:
    row = "Por Lucía Ferrer | Actualizado: 18 de marzo de 2025"
    doc = newsparse.parse(_html("es", "El Bilbao gana sobre la bocina", row, ES_BODY))
    assert doc.main.published is None
    assert doc.main.authors == ["Lucía Ferrer"]


# --- authors from combined header rows --------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "row", "authors"),
    [
        ("ko", "Park Ji-hoon 기자 · 2025년 7월 21일 오후 3시 10분", ["Park Ji-hoon"]),
        ("ko", "Choi Yoon-seo 특파원 입력 2025.06.03 14:22 수정 2025.06.03 18:05", ["Choi Yoon-seo"]),
        ("zh", "2025年04月09日 08:15 来源：东海晨报 作者：王磊", ["王磊"]),
        ("tr", "Muhabir: Elif Karaca Yayın tarihi: 05.08.2025 - 09:12", ["Elif Karaca"]),
    ],
)
def test_the_author_in_a_combined_header_row(lang: str, row: str, authors: list[str]) -> None:
    doc = newsparse.parse(_html(lang, "Night market opens on the Busan waterfront", row, EN_BODY))
    assert doc.main.authors == authors


def test_a_place_name_in_a_photo_credit_is_no_author() -> None:
    # "de" opens bylines in some languages; inside a credit it is part of a place name
    header = "Beatriz Nogueira 30.04.2025 · 17:55</div><div>Foto: Divulgação/Prefeitura de São Paulo"
    doc = newsparse.parse(_html("pt", "São Paulo to add 300 km of protected bike lanes", header, EN_BODY))
    assert doc.main.authors == ["Beatriz Nogueira"]


def test_closing_wire_credits_give_the_reporter_not_the_editor() -> None:
    page = (
        "Ferry delays leave islanders stranded\n\n"
        + "\n\n".join(EN_BODY)
        + "\n\nReporting by Tom Hale; Editing by Anna Ruiz and Bob Lee\n\nRead next\n"
    )
    doc = newsparse.parse(page, format="text")
    assert doc.main.authors == ["Tom Hale"]
    assert "Reporting by" not in doc.main.text


# --- credits in full-width brackets -----------------------------------------------------------


@pytest.mark.parametrize(
    ("closing", "author"),
    [
        ("（記者・石川遼太）", "石川遼太"),  # a byline prefix inside full-width brackets
        ("（高橋美咲）", "高橋美咲"),  # a bare name in brackets closing the text
    ],
)
def test_a_closing_byline_in_full_width_brackets(closing: str, author: str) -> None:
    doc = newsparse.parse(_html("ja", "金沢駅で手ぶら観光サービス始まる", "2025年11月4日 6:00", JA_BODY, f"<p>{closing}</p>"))
    assert closing not in doc.main.text
    assert doc.main.authors == [author]


def test_an_agency_acronym_in_brackets_is_no_author() -> None:
    doc = newsparse.parse(_html("es", "El Bilbao gana sobre la bocina", "", ES_BODY, "<p>(EFE)</p>"))
    assert "(EFE)" not in doc.main.text
    assert doc.main.authors == []
