"""Language identification: codes as the lexicon folders and the contract name them."""
from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(
    "text",
    [
        "hello world",  # the model says "fuv" (Fulfulde) for some very short English
        "سلام عليكم شنو كتدير دابا، واش نتا مزيان؟",  # Moroccan Arabic: "ary"
        "我哋今日去咗飲茶，啲點心好好食。",  # Cantonese: "yue" (caught as CJK before the model)
        "More from Sportsnet",
        "a b c d e f g h i j k l m n o p q r s t u v w x y z",  # "zxx": no language at all
    ],
)
def test_every_language_code_has_two_letters(text: str) -> None:
    code = detect(text)
    assert code is None or (len(code) == 2 and code.isalpha() and code.islower())


def test_a_regional_arabic_is_arabic_and_letters_without_words_are_no_language() -> None:
    assert detect("سلام عليكم شنو كتدير دابا، واش نتا مزيان؟") == "ar"
    assert detect("a b c d e f g h i j k l m n o p q r s t u v w x y z") is None
