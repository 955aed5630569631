"""Language identification: codes as the lexicon folders and the contract name them."""
from __future__ import annotations

from newsparse.langid import detect

NYNORSK = (
    "Eg har budd i Bergen i mange år, og eg likar byen godt. Det regnar ofte, men folket er "
    "venlege og kvardagen er roleg. Kommunen skal byggje ny skule neste år."
)
BOKMAL = (
    "Jeg har bodd i Oslo i mange år, og jeg liker byen godt. Det regner ofte, men folk er "
    "vennlige og hverdagen er rolig. Kommunen skal bygge ny skole neste år."
)


def test_both_written_norwegians_are_no() -> None:
    assert detect(NYNORSK) == "no"
    assert detect(BOKMAL) == "no"


def test_too_little_text_is_no_guess() -> None:
    assert detect("OK") is None


def test_chrome_of_a_close_standard_is_told_apart_by_its_lexicon_hits() -> None:
    # Serbian chrome in Latin script around an English article (a text dump: no lang
    # attribute): the identifier reads the menus as Croatian, the matched phrases are Serbian
    from pathlib import Path

    import newsparse

    page = Path(__file__).parents[1] / "fixtures" / "corpus12" / "c12-08-sr-en-novi-sad-bridge-closure.txt"
    doc = newsparse.parse(page.read_text("utf-8"))
    assert doc.ui_language == "sr"
    assert doc.main.language == "en"
