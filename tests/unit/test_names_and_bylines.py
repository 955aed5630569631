"""Names with particles, header-only byline prefixes, language tags and dates in other
digits and orders (fixes found by the corpus11 / corpus12 rounds)."""
from __future__ import annotations

import datetime as dt

import pytest

import newsparse
from newsparse.features import is_name_like
from newsparse.meta import language_code, parse_date

BODY = [
    "The city council approved the plan on Tuesday after a long debate about its cost and timing.",
    "Work on the first section will start in the spring and take about two years to finish.",
    "Residents will be able to comment on the detailed designs at public meetings next month.",
    "The opposition said the budget was too small and asked for an independent review of it.",
    "A final decision on the second section is expected before the end of the year.",
]


# --- 1. lower-case name particles --------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["Sanne de Vries", "Pieter van der Merwe", "Maria da Silva", "Ahmed bin Salem", "Ahmed al-Sharif",
     "Ludwig von Mises", "Jan ter Horst"],
)
def test_names_with_particles_are_names(name: str) -> None:
    assert is_name_like(name)


@pytest.mark.parametrize(
    "text",
    ["de Vries", "Sanne de", "Brand in Gent", "Sanne de Vries and more", "Storm over the Harbour Tonight Again"],
)
def test_particles_do_not_make_any_line_a_name(text: str) -> None:
    assert not is_name_like(text)


def test_a_dutch_byline_with_a_particle_gives_the_author() -> None:
    page = "Nieuws\n\nGent test nachttrams in het weekend\n\nDoor Sanne de Vries\n\n" + "\n\n".join(BODY) + "\n"
    assert newsparse.parse(page, format="text").main.authors == ["Sanne de Vries"]


# --- 2. header-only byline prefixes --------------------------------------------------------


def _html(lang: str, title: str, header: str, body: list[str]) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    return f"<html lang='{lang}'><body><article><h1>{title}</h1><div>{header}</div>{paragraphs}</article></body></html>"


def test_a_header_only_prefix_is_a_byline_between_headline_and_text() -> None:
    doc = newsparse.parse(_html("ca", "L'Eixample estrena una superilla", "Per Jordi Puig Vidal", BODY))
    assert doc.main.authors == ["Jordi Puig Vidal"]
    assert "Per Jordi Puig Vidal" not in doc.main.text


def test_a_sentence_opening_with_a_header_only_prefix_stays_text() -> None:
    body = BODY[:2] + ["Per Joan Maragall la ciutat era un poema escrit amb pedra i llum."] + BODY[2:]
    doc = newsparse.parse(_html("ca", "L'Eixample estrena una superilla", "Redacció", body))
    assert "Per Joan Maragall la ciutat" in doc.main.text


def test_a_header_only_prefix_of_another_language_is_left_alone() -> None:
    # "Per" is a Swedish given name: on a Swedish page "Per Nilsson" is the whole name
    doc = newsparse.parse(_html("sv", "Staden bygger nya cykelbanor", "Per Nilsson", BODY))
    assert "Nilsson" not in doc.main.authors


# --- 3. Norwegian language tags -------------------------------------------------------------


@pytest.mark.parametrize(("tag", "code"), [("nb-NO", "no"), ("nn", "no"), ("no", "no"), ("pt_BR", "pt"), ("", None)])
def test_language_code(tag: str, code: str | None) -> None:
    assert language_code(tag) == code


def test_bokmal_chrome_is_reported_as_no() -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    doc = newsparse.parse(f"<html lang='nb-NO'><body><h1>Tromsø raises its tourist tax</h1>{paragraphs}</body></html>")
    assert doc.ui_language == "no"


# --- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("১৪ আগস্ট ২০২৫", dt.date(2025, 8, 14)),  # Bengali digits
        ("১৪.০৮.২০২৫", dt.date(2025, 8, 14)),
        ("१४/०८/२०२५", dt.date(2025, 8, 14)),  # Devanagari digits
        ("2025. gada 9. septembrī, 10:05", dt.date(2025, 9, 9)),  # Latvian: year first
    ],
)
def test_dates_in_other_digits_and_orders(text: str, date: dt.date) -> None:
    assert parse_date(text, textual=True, languages=("bn", "hi", "lv")) == date


# --- 3. a box heading beside the byline ----------------------------------------------------------


def test_a_box_heading_over_its_list_beside_the_dateline_is_no_author() -> None:
    # "<aside><h4>Claves</h4><ul>…" right under the dateline: one capitalised word beside a
    # byline row reads like a bare name, but it heads the list below it
    header = (
        "<div class='autor'>Por Andrés Ruiz</div><div class='fecha'>09/10/2025 06:00</div>"
        "<aside><h4>Claves</h4><ul><li>El 71 % de las hipotecas, a tipo fijo</li><li>El tipo medio baja</li></ul></aside>"
    )
    html = (
        "<html lang='es'><body><article><h1>Las hipotecas a tipo fijo ganan terreno</h1>"
        f"{header}{''.join(f'<p>{p}</p>' for p in BODY)}</article></body></html>"
    )
    assert newsparse.parse(html).main.authors == ["Andrés Ruiz"]


def test_a_lexicon_button_closing_the_text_is_no_author() -> None:
    # "Manage preferences" left over from a consent banner under the last paragraph: a script
    # without case makes any two words look like a name, but the lexicon knows the button
    page = "Nieuws\n\nGent test nachttrams in het weekend\n\n" + "\n\n".join(BODY) + "\n\nإدارة التفضيلات\n"
    assert newsparse.parse(page, format="text").main.authors == []


def test_a_byline_with_the_reporters_address_gives_the_name() -> None:
    header = "<span class='writer'>Park Seo-yeon 기자 psy@koreanow.example</span>"
    html = (
        "<html lang='ko'><body><article><h1>Ski resorts race to make snow</h1>"
        f"<div>{header}</div>{''.join(f'<p>{p}</p>' for p in BODY)}</article></body></html>"
    )
    assert newsparse.parse(html).main.authors == ["Park Seo-yeon"]


def test_a_closing_credit_naming_the_desk_gives_the_writer() -> None:
    body = "\n\n".join(f"関西の私鉄大手、阪和電鉄は5日、鉄道運賃を値上げすると発表した。段落{i}。" for i in range(4))
    page = f"阪和電鉄、来春に運賃値上げ\n\n2025年11月5日 18:30\n\n{body}\n\n（大阪経済部 中村優太）\n"
    doc = newsparse.parse(page, format="text")
    assert doc.main.authors == ["中村優太"]
    assert "（大阪経済部 中村優太）" not in doc.main.paragraphs


def test_a_list_of_names_closing_the_text_gives_the_writers() -> None:
    page = "Nieuws\n\nGent test nachttrams in het weekend\n\n" + "\n\n".join(BODY) + "\n\nOlga Smirnova, Pavel Rudakov\n"
    doc = newsparse.parse(page, format="text")
    assert doc.main.authors == ["Olga Smirnova", "Pavel Rudakov"]
    assert doc.main.paragraphs == BODY


def test_a_job_title_line_under_a_bare_name_gives_that_name() -> None:
    page = "Nieuws\n\nGent test nachttrams in het weekend\n\nFiona MacLeod\nHighlands and Islands correspondent\n\n" + "\n\n".join(BODY) + "\n"
    assert newsparse.parse(page, format="text").main.authors == ["Fiona MacLeod"]


def test_a_short_title_case_headline_over_a_job_title_stays_the_headline() -> None:
    body = "".join(f"<p>{p}</p>" for p in BODY)
    doc = newsparse.parse(f"<html><body><article><h1>Ferry Services Cancelled</h1><p>Transport correspondent</p>{body}</article></body></html>")
    assert doc.main.title == "Ferry Services Cancelled"
    assert doc.main.authors == []


def test_a_list_of_places_closing_the_text_is_no_list_of_writers() -> None:
    page = "Nieuws\n\nGent test nachttrams in het weekend\n\n" + "\n\n".join(BODY) + "\n\nHamburg, Bremen, Kiel\n"
    assert newsparse.parse(page, format="text").main.authors == []
