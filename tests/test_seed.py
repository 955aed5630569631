"""The seed page (Arabic chrome around an English article), parsed end to end."""
from __future__ import annotations

import pathlib
import re

import pytest

import newsparse

SEED = pathlib.Path(__file__).parent / "fixtures" / "coupang-breach-page.txt"
ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")


@pytest.fixture(scope="module")
def doc() -> newsparse.Document:
    return newsparse.parse(SEED)


def test_title_and_language(doc: newsparse.Document) -> None:
    assert doc.main.title == "Presidential office holds emergency meeting on Coupang data breach"
    assert doc.main.language == "en"
    assert doc.ui_language == "ar"


def test_six_main_paragraphs(doc: newsparse.Document) -> None:
    paragraphs = doc.main.paragraphs
    assert len(paragraphs) == 6
    assert paragraphs[0].startswith("South Korea's presidential office is set to hold")
    assert paragraphs[-1].endswith("Japan, and China.")
    assert doc.main.text == "\n\n".join(paragraphs)


def test_what_people_say(doc: newsparse.Document) -> None:
    assert doc.what_people_say is not None
    assert doc.what_people_say.heading == "ما يقوله الناس"
    assert doc.what_people_say.text.startswith("X discussions criticize")
    assert doc.what_people_say.language == "en"


def test_seven_related_items(doc: newsparse.Document) -> None:
    related = doc.related
    assert len(related) == 7
    assert related[0].title == "Coupang faces investigations over massive data breach"
    assert related[0].summary.startswith("South Korea's largest e-commerce firm")
    assert all(item.title is None for item in related[1:])
    starts = [
        "South Korea's National Assembly launched",
        "The South Korean government announced on December 18",
        "South Korea's Fair Trade Commission chief",
        "South Korean police have started",
        "Coupang founder Kim Bom-suk skipped",
        "South Korea's Trade Minister Yeo Han-koo",
    ]
    for item, start in zip(related[1:], starts):
        assert item.summary.startswith(start)
        assert item.language == "en"


def test_two_ai_images(doc: newsparse.Document) -> None:
    assert len(doc.images) == 2
    assert all(image.ai_generated for image in doc.images)
    assert doc.images[0].alt is not None and doc.images[0].alt.startswith("Tense presidential emergency meeting")
    assert doc.images[1].alt is not None and doc.images[1].alt.startswith("Dramatic illustration")


def test_arabic_chrome_is_noise(doc: newsparse.Document) -> None:
    kept = [doc.main.title or "", doc.main.text, doc.what_people_say.text if doc.what_people_say else ""]
    kept += [f"{r.title or ''} {r.summary}" for r in doc.related]
    assert not any(ARABIC.search(text) for text in kept)
    kinds = {n.kind for n in doc.noise}
    assert {"cookie_banner", "ai_label", "section_heading"} <= kinds
    noise_text = " ".join(n.text for n in doc.noise)
    for label in ("رفض", "مقالات ذات صلة", "صورة مولدة بواسطة الذكاء الاصطناعي", "يستخدم هذا الموقع"):
        assert label in noise_text
    assert all(n.reason for n in doc.noise)


def test_nothing_lost(doc: newsparse.Document) -> None:
    """Every non-blank line of the seed ends up in exactly one part."""
    parts = [doc.main.title or "", *doc.main.paragraphs, *(n.text for n in doc.noise)]
    parts += [p for r in doc.related for p in (r.title or "", r.summary)]
    parts += [i.alt or "" for i in doc.images]
    parts += [doc.what_people_say.text] if doc.what_people_say else []
    joined = "\n".join(parts)
    for line in SEED.read_text("utf-8").splitlines():
        line = " ".join(line.split())
        if line:
            assert line in joined, line
