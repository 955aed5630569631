"""HTML -> blocks: inline text glued, block elements split, images, landmarks."""
from __future__ import annotations

import lxml.html

from newsparse.html_blocks import split


def blocks_of(html: str):  # type: ignore[no-untyped-def]
    parser = lxml.html.HTMLParser(huge_tree=True)
    return split(lxml.html.document_fromstring(html, parser=parser))[0]


def test_drop_cap_is_glued_to_its_word() -> None:
    blocks = blocks_of('<div><div class="p"><span class="dc">L</span>es vendanges ont commencé.</div></div>')
    assert [b.text for b in blocks] == ["Les vendanges ont commencé."]


def test_block_elements_and_br_split_text() -> None:
    blocks = blocks_of("<body><p>One <b>bold</b> word.</p><div>Two<br>Three</div></body>")
    assert [b.text for b in blocks] == ["One bold word.", "Two", "Three"]


def test_scripts_styles_and_comments_are_not_text() -> None:
    blocks = blocks_of("<body><script>var a = 1;</script><style>p{}</style><!-- hidden --><p>Visible.</p></body>")
    assert [b.text for b in blocks] == ["Visible."]


def test_images_links_times_and_landmarks() -> None:
    html = (
        '<body><nav><a href="/">Home</a></nav><article><figure><img src="a.jpg" alt="A harbour">'
        '<figcaption>Caption</figcaption></figure><p>Text <a href="#">link</a> '
        '<time datetime="2025-01-02">2 Jan</time></p></article></body>'
    )
    blocks = blocks_of(html)
    nav, image, caption, paragraph = blocks
    assert "nav" in nav.landmarks and nav.link_density == 1.0
    assert image.tag == "img" and image.text == "A harbour" and image.src == "a.jpg"
    assert "figure" in caption.landmarks
    assert paragraph.time == "2025-01-02" and 0 < paragraph.link_density < 1


def test_deep_nesting_does_not_overflow() -> None:
    html = "<div>" * 2000 + "deep text" + "</div>" * 2000
    assert [b.text for b in blocks_of(html)] == ["deep text"]


def test_hatom_abbr_is_a_time_but_other_abbr_titles_are_not() -> None:
    html = (
        '<body><p class="meta">Posted <abbr class="published" title="2025-03-01T10:05:00+01:00">Saturday</abbr></p>'
        '<p>The <abbr title="World Health Organization">WHO</abbr> said so.</p></body>'
    )
    posted, sentence = blocks_of(html)
    assert posted.time == "2025-03-01T10:05:00+01:00"
    assert sentence.time is None


def test_hatom_abbr_dates_a_page_without_date_metadata() -> None:
    import newsparse

    body = " ".join(["The harbour works went on through the night, the port authority said."] * 3)
    html = (
        "<html><head><title>Harbour works</title></head><body><article><h1>Harbour works go on</h1>"
        '<p class="byline">By Ann Lee, <abbr class="published" title="2025-03-01T10:05:00+01:00">Saturday morning</abbr></p>'
        f"<p>{body}</p><p>{body}</p></article></body></html>"
    )
    assert str(newsparse.parse(html).main.published) == "2025-03-01"


def test_number_and_cjk_items_side_by_side_are_read_apart() -> None:
    html = (
        '<body><div class="info"><span>发布时间：2025-04-22 16:30</span><span>本报记者 赵雪</span></div>'
        '<div class="cmt"><span>2小时前</span><span>赞 28</span><span>回复</span></div></body>'
    )
    meta, comment = blocks_of(html)
    assert meta.text == "发布时间：2025-04-22 16:30 本报记者 赵雪"
    assert comment.text.endswith("赞 28 回复")


def test_numbers_of_side_by_side_items_are_read_apart() -> None:
    html = (
        '<body><div class="meta"><span>Le 3 avril 2026</span><span>5 min de lecture</span></div>'
        '<div class="likes"><a href="#">55</a><a href="#">3</a></div>'
        "<p>10<sup>3</sup> litres, 1<b>2</b>0 m.</p></body>"
    )
    meta, likes, prose = blocks_of(html)
    assert meta.text == "Le 3 avril 2026 5 min de lecture"
    assert likes.text == "55 3"
    assert prose.text == "103 litres, 120 m."  # inside a word or a superscript, digits stay glued


def test_a_latin_item_after_a_cjk_item_is_read_apart() -> None:
    # a Korean byline "NAME 기자" and the reporter's address in the next span
    root = lxml.html.fromstring(
        "<html><body><div><span>Lee Seo-yeon 기자</span><span>lsy@daily.example</span></div>"
        "<p><span>使用</span>Python开发</p></body></html>"
    )
    texts = [b.text for b in split(root)[0]]
    assert texts == ["Lee Seo-yeon 기자 lsy@daily.example", "使用Python开发"]


def test_ruby_readings_are_no_words_of_the_text() -> None:
    root = lxml.html.fromstring(
        "<html><body><p><ruby>長野県<rt>ながのけん</rt></ruby>の<ruby>町<rp>(</rp><rt>まち</rt><rp>)</rp></ruby>です。</p></body></html>"
    )
    assert [b.text for b in split(root)[0]] == ["長野県の町です。"]


def test_a_cjk_item_after_a_latin_item_is_read_apart() -> None:
    root = lxml.html.fromstring(
        "<html><body><div><span>박지원 기자 jwpark@paper.example</span><span>기사입력 2025-11-20</span></div></body></html>"
    )
    assert [b.text for b in split(root)[0]] == ["박지원 기자 jwpark@paper.example 기사입력 2025-11-20"]
