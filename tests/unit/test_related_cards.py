"""Related cards in HTML: what belongs to a card's blurb and what is its chrome."""
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
