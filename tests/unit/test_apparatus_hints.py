"""A list of sources or references closing the text (class "references"/"sources") is no
article text; the same list inside the text's element would hold no prose anyway. A
translation notice closing a translated article is a footer line."""
from __future__ import annotations

import newsparse

def _page(after: str, paragraphs: int = 15) -> str:
    # (the list must be a small share of the page: a class name on an element holding
    # most of the page's text marks a wrapper, not a part)
    text = "".join(
        f"<p>Paragraph {n} of the article says something about the study and what it found in the field.</p>"
        for n in range(1, paragraphs + 1)
    )
    return (
        "<html><body><article><h1>A study of things</h1><div class='article-body'>"
        + text
        + "</div>"
        + after
        + "</article></body></html>"
    )


def test_references_list_after_the_text_is_dropped():
    item = (
        "<li>Smith J, Doe A, Roe B, et al. Oral supplementation of the mineral for poor sleep in older "
        "adults: a systematic review and meta-analysis of randomized trials. BMC Complement Med Ther. "
        "2021;21(1):125.</li>"
    )
    refs = "<section class='references'><h2>Sources</h2><ol>" + item * 3 + "</ol></section>"
    doc = newsparse.parse(_page(refs))
    assert "Smith J" not in doc.main.text
    assert doc.main.paragraphs[-1].startswith("Paragraph 15")


def test_translation_notice_after_the_text_is_dropped():
    note = (
        "<p><em>Translation of an original article published in French on lemonde.fr; the publisher "
        "may only be liable for the French version.</em></p>"
    )
    doc = newsparse.parse(_page(note, paragraphs=5))
    assert "Translation of an original" not in doc.main.text
    assert any("Translation of an original" in n.text for n in doc.noise)
