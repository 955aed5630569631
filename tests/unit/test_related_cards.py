"""Related cards in HTML: what belongs to a card's blurb and what is its chrome (and a comments
heading over something that is no comment)."""
from __future__ import annotations

import newsparse

BODY = "".join(
    f"<p>Paragraph {i} of the story says what the growers' federation decided about exports this year, in a full sentence.</p>"
    for i in range(5)
)


def _page(cards: str) -> str:
    return (
        "<html lang='en'><body><article><h1>Coffee exports reach a record in October</h1>"
        f"{BODY}</article><section><h2>Related news</h2>{cards}</section></body></html>"
    )


def test_a_kicker_over_a_card_headline_is_no_part_of_its_summary() -> None:
    card = (
        "<div class='item'><span class='kicker'>Agribusiness</span><h3>Growers plant more robusta as prices rise</h3>"
        "<p>Farmers in the south are planting new fields of the hardier variety, which copes better with heat.</p></div>"
    )
    doc = newsparse.parse(_page(card + card.replace("Agribusiness", "Markets").replace("robusta", "arabica")))
    assert [r.title for r in doc.related] == [
        "Growers plant more robusta as prices rise",
        "Growers plant more arabica as prices rise",
    ]
    assert all(r.summary.startswith("Farmers in the south") for r in doc.related)
    kickers = [n for n in doc.noise if n.text in ("Agribusiness", "Markets")]
    assert len(kickers) == 2  # dropped, not lost


def test_a_card_without_a_kicker_keeps_its_whole_summary() -> None:
    card = (
        "<div class='item'><h3>Growers plant more robusta as prices rise</h3>"
        "<p>Farmers in the south are planting new fields.</p><p>Exports rose by a fifth.</p></div>"
    )
    doc = newsparse.parse(_page(card + card.replace("robusta", "arabica")))
    assert doc.related[0].summary == "Farmers in the south are planting new fields. Exports rose by a fifth."


def test_a_card_gives_its_link_and_its_date() -> None:
    cards = "".join(
        f"<a href='/news/{slug}'><div class='card'><h3>{title}</h3><p>{summary}</p>"
        f"<time datetime='2025-10-0{n}T08:00:00Z'>{n} Oct</time></div></a>"
        for n, (slug, title, summary) in enumerate(
            [
                ("robusta", "Growers plant more robusta as prices rise", "Farmers are planting new fields of the hardier variety."),
                ("arabica", "Arabica growers face a dry season", "Rainfall was a third below normal in the highlands."),
            ],
            start=1,
        )
    )
    doc = newsparse.parse(_page(cards), url="https://news.example/economy/coffee-record")
    assert [r.url for r in doc.related] == ["https://news.example/news/robusta", "https://news.example/news/arabica"]
    assert [str(r.published) for r in doc.related] == ["2025-10-01", "2025-10-02"]
    # without the page's address, the link is given as written
    assert newsparse.parse(_page(cards)).related[0].url == "/news/robusta"


def test_a_card_without_a_link_has_no_url() -> None:
    card = "<div class='item'><h3>Growers plant more robusta as prices rise</h3><p>Farmers are planting new fields.</p></div>"
    doc = newsparse.parse(_page(card + card.replace("robusta", "arabica")))
    assert [r.url for r in doc.related] == [None, None]


def test_an_a_to_z_index_under_a_comments_heading_is_no_comment() -> None:
    letters = "".join(f"<li><a href='/tag/{c}'>{c}</a></li>" for c in "abcdefghij")
    page = (
        "<html lang='en'><body><article><h1>Coffee exports reach a record in October</h1>"
        f"{BODY}</article><div class='comments'><p>Comments</p><ul>{letters}</ul></div></body></html>"
    )
    doc = newsparse.parse(page)
    assert doc.what_people_say is None
    assert set("abcdefghij") <= {n.text for n in doc.noise}


def _dump_with_related(*lines: str) -> newsparse.Document:
    body = "\n\n".join(
        f"Paragraph {i} of the story says what the transport authority decided about the shuttles this week."
        for i in range(5)
    )
    related = "\n\n".join(lines)
    return newsparse.parse(f"Shuttles start carrying passengers\n\n{body}\n\nMehr zum Thema\n\n{related}\n", format="text")


def test_a_blurb_in_another_language_than_the_advert_above_it_is_the_next_item() -> None:
    doc = _dump_with_related(
        "Munich orders 40 electric buses\nMunich's transit authority has ordered 40 battery-electric buses this week.",
        "Anzeige\nJetzt wechseln und bis zu 400 € bei der Kfz-Versicherung sparen\n"
        "Berlin's first robot taxis will start test rides next spring in a closed area of the city.",
    )
    assert [r.summary for r in doc.related][-1].startswith("Berlin's first robot taxis")
    assert "Jetzt wechseln und bis zu 400 € bei der Kfz-Versicherung sparen" in {n.text for n in doc.noise}


def test_a_blurb_in_the_adverts_language_is_the_adverts_own_text() -> None:
    doc = _dump_with_related(
        "Munich orders 40 electric buses\nMunich's transit authority has ordered 40 battery-electric buses this week.",
        "Anzeige\nJetzt wechseln und sparen\nVergleichen Sie jetzt die Tarife und sichern Sie sich einen Bonus von bis zu 400 Euro.",
    )
    assert len(doc.related) == 1
    assert "Vergleichen Sie jetzt die Tarife und sichern Sie sich einen Bonus von bis zu 400 Euro." in {n.text for n in doc.noise}


def test_a_portals_month_day_with_its_weekday_dates_a_card() -> None:
    doc = _dump_with_related(
        "Munich orders 40 electric buses\n9/10(水)\nMunich's transit authority has ordered 40 battery-electric buses this week.",
    )
    assert [(r.title, r.summary) for r in doc.related] == [
        ("Munich orders 40 electric buses", "Munich's transit authority has ordered 40 battery-electric buses this week.")
    ]


def _inline_box(box: str) -> newsparse.Document:
    paragraphs = [
        f"<p>Paragraph {i} of the story says what the growers' federation decided about coffee exports this year, "
        "and why the farmers in the southern regions expect the prices to stay high until the next harvest.</p>"
        for i in range(5)
    ]
    body = "".join(paragraphs[:2]) + box + "".join(paragraphs[2:])
    return newsparse.parse(f"<html lang='en'><body><article><h1>Coffee exports reach a record</h1>{body}</article></body></html>")


def test_headline_links_between_paragraphs_are_cross_links_not_related_items() -> None:
    box = (
        "<div class='more-info'><h3>Related news</h3><ul><li><a href='/a'>Coffee prices reach a ten-year high</a></li>"
        "<li><a href='/b'>Growers protest against the “export tax”</a></li></ul></div>"
    )
    doc = _inline_box(box)
    assert doc.related == []
    assert len(doc.main.paragraphs) == 5
    assert {"Coffee prices reach a ten-year high", "Growers protest against the “export tax”"} <= {n.text for n in doc.noise}


def test_blurbs_with_summaries_between_paragraphs_stay_related_items() -> None:
    box = (
        "<div class='more'><h3>Related news</h3><div class='i'><h4>Coffee prices reach a ten-year high</h4>"
        "<p>Arabica futures rose for a fifth week as frost hit the southern growing regions.</p></div>"
        "<div class='i'><h4>Growers protest against the export tax</h4>"
        "<p>Farmers blocked two roads into the port city on Monday morning.</p></div></div>"
    )
    assert [r.title for r in _inline_box(box).related] == ["Coffee prices reach a ten-year high", "Growers protest against the export tax"]


def test_a_cards_date_line_with_a_month_name_dates_it() -> None:
    doc = _dump_with_related(
        "Munich orders 40 electric buses\n12 February 2025\nMunich's transit authority has ordered 40 battery-electric buses this week.",
    )
    assert [str(r.published) for r in doc.related] == ["2025-02-12"]


def test_a_blank_line_after_a_sponsored_cards_slogan_ends_the_card() -> None:
    doc = _dump_with_related(
        "Munich orders 40 electric buses\nMunich's transit authority has ordered 40 battery-electric buses this week.",
        "Anzeige\nHoliday cottages with sea views from 79 euros a night",
        "Devon County Council is funding a trial of volunteer beach wardens on three beaches this summer.",
    )
    assert [r.summary for r in doc.related][-1].startswith("Devon County Council")


BLURBS = [
    ("Growers plant more robusta as prices rise", "Farmers in the south are planting new fields of the hardier variety."),
    ("Arabica growers face a dry season", "Rainfall was a third below normal in the highlands this year."),
]
LONE = "Port workers loaded a record tonnage of beans in the last week of October."


def test_a_definition_list_gives_each_term_its_description() -> None:
    cards = "<dl>" + "".join(f"<dt>{t}</dt><dd>{s}</dd>" for t, s in BLURBS) + f"<dd>{LONE}</dd></dl>"
    doc = newsparse.parse(_page(cards))
    assert [(r.title, r.summary) for r in doc.related] == [*BLURBS, (None, LONE)]


def test_a_headline_row_and_its_blurb_row_are_one_item() -> None:
    rows = "".join(f"<tr><td><a href='/n/{i}'><b>{t}</b></a></td></tr><tr><td>{s}</td></tr>" for i, (t, s) in enumerate(BLURBS))
    doc = newsparse.parse(_page(f"<table>{rows}<tr><td>{LONE}</td></tr></table>"))
    assert [(r.title, r.summary) for r in doc.related] == [*BLURBS, (None, LONE)]


def test_headline_links_side_by_side_stay_items_of_their_own() -> None:
    links = "".join(f"<div><a href='/n/{i}'>{t}</a></div>" for i, (t, _) in enumerate(BLURBS))
    doc = newsparse.parse(_page(links))
    assert [(r.title, r.summary) for r in doc.related] == [(None, t) for t, _ in BLURBS]


def test_a_related_posts_category_line_is_no_part_of_its_summary() -> None:
    cards = "".join(
        f"<div class='jp-relatedposts-post'><h4><a href='/n/{i}'>{t}</a></h4><p>{s}</p><p>5 February 2025</p><p>In \"{c}\"</p></div>"
        for i, ((t, s), c) in enumerate(zip(BLURBS, ("Markets", "Farming")))
    )
    doc = newsparse.parse(_page(cards))
    assert [(r.title, r.summary) for r in doc.related] == BLURBS
    assert {'In "Markets"', 'In "Farming"'} <= {n.text for n in doc.noise}


def test_a_headline_row_a_date_row_and_a_blurb_row_are_one_item() -> None:
    rows = "".join(
        f"<tr><td><a href='/n/{i}'>{t}</a></td></tr><tr><td>2025-11-1{i}</td></tr><tr><td>{s}</td></tr>"
        for i, (t, s) in enumerate(BLURBS)
    )
    doc = newsparse.parse(_page(f"<table>{rows}</table>"))
    assert [(r.title, r.summary) for r in doc.related] == BLURBS


def test_wordpress_comments_heading_quoting_the_post_title_is_no_comment() -> None:
    title = "Coffee exports reach a record in October as growers in the south plant new fields of robusta"
    comments = (
        f"<div id='comments' class='comments-area'><h2>3 thoughts on “{title}”</h2><ol>"
        + "".join(f"<li><p>Reader comment {n}: the growers deserve the better prices this year.</p></li>" for n in range(3))
        + "</ol></div>"
    )
    doc = newsparse.parse(_page("").replace("</section>", "</section>" + comments))
    assert "thoughts on" not in (doc.what_people_say.text if doc.what_people_say else "")
    assert any(n.text.startswith("3 thoughts on") and n.kind == "section_heading" for n in doc.noise)


def test_a_related_items_time_alone_is_its_date_not_its_summary() -> None:
    cards = "".join(f"<div class='item'><h3>{t}</h3><p>12:40</p><p>{s}</p></div>" for t, s in BLURBS)
    doc = newsparse.parse(_page(cards))
    assert [(r.title, r.summary) for r in doc.related] == BLURBS


def test_a_cards_time_and_section_row_is_its_date_not_its_summary() -> None:
    cards = "".join(f"<div class='item'><h3>{t}</h3><p>{s}</p><p>Há 2 horas — Em Mercados</p></div>" for t, s in BLURBS)
    doc = newsparse.parse(_page(cards))
    assert [(r.title, r.summary) for r in doc.related] == BLURBS
