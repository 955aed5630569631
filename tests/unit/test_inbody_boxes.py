"""Boxes set into the article's text are no part of it: a collapsed ``<details>`` box (a
guide, a video's transcript), an element named a fact box or a poll, a sign-up card named
only in its component attribute, and a box's short label beside its dropped lines. A page
whose text is all one such box keeps it."""
from __future__ import annotations

import newsparse
from newsparse.html_blocks import split
from lxml import html


def _paragraphs(first: int, last: int) -> str:
    return "".join(
        f"<p>Paragraph {n} of the article says something about the harbour and what the council decided.</p>"
        for n in range(first, last + 1)
    )


def _page(box: str) -> str:
    """An article of eight paragraphs with ``box`` between its fourth and fifth."""
    return (
        "<html><body><article><h1>Harbour plans delayed</h1><div class='body'>"
        + _paragraphs(1, 4)
        + box
        + _paragraphs(5, 8)
        + "</div></article></body></html>"
    )


def test_details_box_inside_the_text_is_dropped():
    guide = (
        "<aside><details><summary><span>Quick guide</span><h4>What is a tidal lagoon?</h4></summary>"
        "<div><p>A tidal lagoon is a breakwater enclosing an area of sea, with turbines set into its wall.</p></div>"
        "<footer><div>Was this helpful?</div></footer></details></aside>"
    )
    doc = newsparse.parse(_page(guide))
    assert "tidal lagoon" not in doc.main.text
    assert "Was this helpful" not in doc.main.text
    assert "Quick guide" not in doc.main.text
    assert doc.main.paragraphs[4].startswith("Paragraph 5")


def test_a_transcripts_video_title_goes_with_it():
    video = (
        "<div class='video-block'><div><button>Play</button><h3>Summary: the harbour vote in two minutes</h3></div>"
        "<details><summary>Read the transcript of this video</summary><div>"
        "<p>Speaker: We waited for years and now we have to wait again, which nobody here expected.</p>"
        "</div></details></div>"
    )
    doc = newsparse.parse(_page(video))
    assert "transcript" not in doc.main.text
    assert "Summary: the harbour vote" not in doc.main.text
    assert "Paragraph 8" in doc.main.text


def test_fact_box_named_in_a_component_attribute_is_dropped():
    factbox = (
        "<section data-area='text_embed>factbox'><div><h3>Ammonia as a carrier</h3>"
        "<p>Hydrogen is hard to ship over long distances, so it is shipped as ammonia and split again in port.</p>"
        "</div></section>"
    )
    doc = newsparse.parse(_page(factbox))
    assert "Ammonia as a carrier" not in doc.main.text
    assert "shipped as ammonia" not in doc.main.text


def test_poll_inside_the_text_is_dropped():
    poll = (
        "<div class='art_embed poll'><div class='poll__question'>Do you support the delay of the clean air zone?</div>"
        "<ul class='poll__answers'><li><button>Yes</button></li><li><button>No</button></li></ul>"
        "<p class='poll__votes'>4 812 votes cast</p></div>"
    )
    doc = newsparse.parse(_page(poll))
    assert "clean air zone" not in doc.main.text
    assert "votes cast" not in doc.main.text


def test_a_page_that_is_all_one_box_keeps_its_text():
    # (a fact box holding most of the prose is the text's own element, not a box set into it)
    page = (
        "<html><body><article><h1>Harbour plans delayed</h1><div class='body'>"
        + _paragraphs(1, 1)
        + "<div class='factbox'>"
        + _paragraphs(2, 8)
        + "</div></div></article></body></html>"
    )
    doc = newsparse.parse(page)
    assert "Paragraph 6" in doc.main.text


def test_component_attribute_words_are_hints():
    root = html.fromstring("<div><div data-component='newsletter-signup-card'><p>Sign up</p></div></div>")
    blocks, _ = split(root)
    assert "subscription" in blocks[0].landmarks


def test_sign_up_cards_label_is_dropped():
    card = (
        "<figure><div><div data-component='newsletter-signup-card'><p>Sign up to Down to Earth</p>"
        "<p>The planet's most important stories, every week in your inbox.</p>"
        "<button>Sign up</button></div><p>after newsletter promotion</p></div></figure>"
    )
    doc = newsparse.parse(_page(card))
    assert "after newsletter promotion" not in doc.main.text
    assert "Down to Earth" not in doc.main.text


def test_cross_links_label_is_dropped():
    catcher = (
        "<section class='catcher'><span>Lire aussi l’enquête |</span>"
        "<a href='/planete/article/2024/07/02/la-montagne.html'><p>La montagne à l’épreuve du réchauffement</p></a>"
        "<span class='catcher__label'>Article réservé à nos abonnés</span></section>"
    )
    page = (
        "<html lang='fr'><body><article><h1>Les glaciers reculent</h1><div class='body'>"
        + "".join(
            f"<p>Le paragraphe {n} de l’article raconte ce que les gardiens du refuge ont observé cet été.</p>"
            for n in range(1, 5)
        )
        + catcher
        + "".join(
            f"<p>Le paragraphe {n} de l’article raconte ce que les gardiens du refuge ont observé cet été.</p>"
            for n in range(5, 9)
        )
        + "</div></article></body></html>"
    )
    doc = newsparse.parse(page)
    assert "réservé à nos abonnés" not in doc.main.text
    assert "paragraphe 8" in doc.main.text


def test_a_short_line_between_paragraphs_stays():
    # (no box noise beside it: an intertitle-like line of the text)
    doc = newsparse.parse(_page("<div><p>And then the council met</p></div>"))
    assert "And then the council met" in doc.main.text


def test_a_live_posts_time_and_labelled_author_line_is_no_text() -> None:
    posts = "".join(
        f"<div class='post'><div class='meta'><time datetime='2025-01-09T1{i}:40'>1{i}:40 GMT</time> "
        f"<span>Posted by Tom Ellery</span></div><h3>Update {i}</h3>"
        f"<p>Water levels rose again overnight along the river, and the council opened two more rest centres for families, update {i}.</p></div>"
        for i in range(4)
    )
    doc = newsparse.parse(f"<html lang='en'><body><article><h1>Floods: live updates</h1>{posts}</article></body></html>")
    assert not any("Posted by" in p for p in doc.main.paragraphs)


def test_an_advert_slot_named_in_another_language_is_dropped() -> None:
    slot = (
        "<div class='publi'><span>Publicidad</span><a>Instala aire acondicionado en casa desde 19,90 €/mes</a>"
        "<span>ClimaHogar — Presupuesto sin compromiso</span></div>"
    )
    doc = newsparse.parse(_page(slot))
    assert "ClimaHogar" not in doc.main.text
    assert len(doc.main.paragraphs) == 8
    assert any("ClimaHogar" in n.text and n.kind == "advertisement" for n in doc.noise)


def _dump(advert: str) -> str:
    paragraphs = [
        f"Paragraph {n} of the article says something about the harbour and what the council decided." for n in range(1, 7)
    ]
    return "Harbour plans delayed\n\n" + "\n\n".join(paragraphs[:3] + [advert] + paragraphs[3:]) + "\n"


def test_a_dumps_advert_run_goes_whole_with_its_sentences() -> None:
    for advert in (
        "Anzeige\nSensoren für raue Umgebungen – jetzt kostenlose Muster anfordern!",
        "Реклама\nИпотека от 5,9% на новостройки. Подробности на сайте застройщика.\nerid: 2VtzqwXJ4mB",
    ):
        doc = newsparse.parse(_dump(advert), format="text")
        assert [p[:11] for p in doc.main.paragraphs] == [f"Paragraph {n}" for n in range(1, 7)], advert
        copy = advert.splitlines()[1]
        assert any(n.text == copy and n.kind == "advertisement" for n in doc.noise)


def test_a_paragraph_run_under_an_advert_label_stays_text() -> None:
    # the label glued to a run of the text's own long paragraphs: no advert's box
    long = " ".join(["The council said the harbour works would resume in spring, once the funding was agreed."] * 3)
    doc = newsparse.parse(_dump(f"Advertisement\n{long}"), format="text")
    assert long in doc.main.paragraphs


def test_a_broadcast_scripts_bracketed_marks_are_no_text() -> None:
    script = (
        "<html><body><article><h1>흑두루미 월동 개체 역대 최다</h1><div class='body'>"
        "<p>[앵커]</p><p>순천만에 겨울을 나러 온 흑두루미가 올해 역대 가장 많은 것으로 조사됐습니다.</p>"
        "<p>[리포트]</p><p>순천시는 이번 달 조사에서 흑두루미 만 2천여 마리가 관찰됐다고 밝혔습니다. 지난해보다 천 마리 넘게 늘었습니다.</p>"
        "<p>시는 먹이 주기와 전봇대 철거 등 서식지 관리를 계속하겠다고 설명했습니다. 탐조대 운영 시간도 늘립니다.</p>"
        "</div></article></body></html>"
    )
    doc = newsparse.parse(script)
    assert "[" not in doc.main.text and len(doc.main.paragraphs) == 3
    assert {n.text for n in doc.noise} >= {"[앵커]", "[리포트]"}


def test_a_bracketed_heading_over_closing_contact_lines_goes_with_them() -> None:
    paragraphs = "".join(
        f"<p>学生チームが開発した除雪ロボットの実証実験について、第{n}段落で市の担当者が説明しました。住民の評価も紹介しています。</p>"
        for n in range(1, 6)
    )
    page = (
        "<html><body><article><h1>学生の除雪ロボットが市長賞</h1><div class='body'>" + paragraphs
        + "<div class='contact'><p>【本件に関するお問い合わせ】</p>"
        "<p>北陸工芸大学 総務部広報課<br>TEL：076-123-4567<br>E-mail：koho@hokuriku.example.ac.jp</p></div>"
        "</div></article></body></html>"
    )
    doc = newsparse.parse(page)
    assert "お問い合わせ" not in doc.main.text and "TEL" not in doc.main.text
    assert len(doc.main.paragraphs) == 5


def test_a_call_to_action_card_inside_the_text_is_dropped() -> None:
    card = (
        "<div class='kg-card kg-cta-card'><p>Enjoying our reporting? Become a member and support local journalism.</p>"
        "<a class='kg-cta-button' href='#/portal/signup'>Support us</a></div>"
    )
    doc = newsparse.parse(_page(card))
    assert "member" not in doc.main.text and len(doc.main.paragraphs) == 8


def test_a_record_table_under_the_text_is_no_text() -> None:
    record = (
        "<table><tr><td>Author:</td><td>Anna Kowalczyk</td></tr><tr><td>Created:</td><td>29.05.2025</td></tr>"
        "<tr><td>Views:</td><td>1284</td></tr></table>"
    )
    doc = newsparse.parse(_page("").replace("</div></article>", record + "</div></article>"))
    assert "Kowalczyk" not in doc.main.text and doc.main.paragraphs[-1].startswith("Paragraph 8")


def test_a_data_table_closing_the_text_stays() -> None:
    table = "<table><tr><th>Line</th><th>Stops</th></tr><tr><td>4</td><td>12</td></tr><tr><td>11</td><td>9</td></tr></table>"
    doc = newsparse.parse(_page("").replace("</div></article>", table + "</div></article>"))
    assert "Stops" in doc.main.text


def test_component_classes_named_cmp_are_no_consent_platform() -> None:
    # Adobe's core components are "cmp-text", "cmp-image": no consent-management platform
    paragraphs = "".join(
        f"<div class='text'><div class='cmp-text'><p>Paragraph {n} of the release says what the company opened and why it matters to the region.</p></div></div>"
        for n in range(1, 6)
    )
    page = f"<html><body><div class='cmp-container'><h1>Norvance opens a refining line</h1>{paragraphs}</div><footer><a>Cookie settings</a></footer></body></html>"
    doc = newsparse.parse(page)
    assert len(doc.main.paragraphs) == 5


def test_a_box_word_on_every_paragraph_names_no_box() -> None:
    # a theme naming each paragraph's wrapper "dialog-…" or "share-…": most of the page
    # cannot be a dialog or a share bar
    for word in ("dialog", "share", "ad"):
        paragraphs = "".join(
            f"<div class='{word}-text'><p>Paragraph {n} of the interview says what the mayor answered about the harbour.</p></div>"
            for n in range(1, 7)
        )
        page = f"<html><body><h1>The mayor on the harbour plans</h1>{paragraphs}<div class='{word}-box'><a>X</a></div></body></html>"
        assert len(newsparse.parse(page).main.paragraphs) == 6, word
