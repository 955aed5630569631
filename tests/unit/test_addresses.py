"""Addresses in the result: image sources and related links are absolute when the page's own
address is given, and kept as written when it is not (or when they cannot be resolved)."""
from __future__ import annotations

import newsparse

BODY = "".join(
    f"<p>Paragraph {i} of the story says what the harbour board decided about the ferries this week, "
    "and why the islanders expect the new timetable to change their winter.</p>"
    for i in range(5)
)


def _page(img_src: str) -> str:
    return (
        "<html lang='en'><body><article><h1>Island ferries get a new timetable</h1>"
        f"<figure><img src='{img_src}' alt='A ferry leaves the harbour at dawn'><figcaption>The morning ferry.</figcaption></figure>"
        f"{BODY}</article></body></html>"
    )


def test_an_image_source_is_resolved_against_the_pages_address() -> None:
    doc = newsparse.parse(_page("/img/ferry.jpg"), url="https://news.example/islands/ferries")
    assert [i.src for i in doc.images] == ["https://news.example/img/ferry.jpg"]


def test_without_the_pages_address_the_source_is_kept_as_written() -> None:
    assert [i.src for i in newsparse.parse(_page("/img/ferry.jpg")).images] == ["/img/ferry.jpg"]


def test_a_malformed_source_is_kept_as_written() -> None:
    doc = newsparse.parse(_page("http://[::1/ferry.jpg"), url="https://news.example/islands/ferries")
    assert [i.src for i in doc.images] == ["http://[::1/ferry.jpg"]


def test_a_lazy_loading_placeholder_gives_way_to_the_real_source() -> None:
    page = _page("data:image/svg+xml,%3Csvg%3E%3C/svg%3E").replace("<img ", "<img data-src='/img/ferry.jpg' ")
    assert [i.src for i in newsparse.parse(page).images] == ["/img/ferry.jpg"]


def test_the_same_picture_shown_twice_is_one_image() -> None:
    pictures = "".join("<img src='/img/ferry-470.jpg' alt='A ferry leaves the harbour at dawn'>" for _ in range(3))
    page = (
        "<html lang='en'><body><article><h1>Island ferries get a new timetable</h1>"
        f"<div class='sizes'>{pictures}</div>{BODY}</article></body></html>"
    )
    doc = newsparse.parse(page)
    assert [i.alt for i in doc.images] == ["A ferry leaves the harbour at dawn"]
    assert sum(1 for n in doc.noise if n.text == "A ferry leaves the harbour at dawn") == 2  # not lost
