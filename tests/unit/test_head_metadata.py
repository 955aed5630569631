"""Head metadata (meta.read_head): multi-valued itemprop keys, more date keys, JSON-LD
that json.loads refuses by default, textual and WebPage dates, authors given by
reference or as microdata in the body, and declared author fields cleaned of their
byline label, credentials and social handles (fixes found on the Zyte benchmark pages)."""
from __future__ import annotations

import datetime as dt

import newsparse
from newsparse.api import _html_tree
from newsparse.meta import HeadMeta, read_head

BODY = "".join(
    f"<p>Paragraph {i} of the story says what the council decided about the bus network this week.</p>"
    for i in range(5)
)


def _head(head: str, body: str = "", lang: str = "en") -> HeadMeta:
    return read_head(_html_tree(f'<html lang="{lang}"><head>{head}</head><body>{body}{BODY}</body></html>'))


def _jsonld(text: str) -> str:
    return f'<script type="application/ld+json">{text}</script>'


# --- dates ------------------------------------------------------------------------------------------


def test_an_itemprop_with_two_names_is_read_for_each() -> None:
    head = _head(
        '<meta itemprop="datePublished dateCreated" content="2019-11-19T11:00:09.000Z">'
        '<meta itemprop="dateModified" content="2019-11-20T08:00:00.000Z">'
    )
    assert head.published == dt.date(2019, 11, 19)


def test_article_published_meta_is_a_publication_date() -> None:
    head = _head('<meta property="article:published" content="2019-11-19">')
    assert head.published == dt.date(2019, 11, 19)


def test_a_teasers_itemprop_date_is_not_the_articles() -> None:
    teaser = (
        '<div itemscope itemtype="https://schema.org/Comment">'
        '<meta itemprop="datePublished" content="2021-03-02"><p>Nice piece.</p></div>'
    )
    assert _head("", teaser).published is None


def test_jsonld_with_raw_line_breaks_in_strings_is_read() -> None:
    text = '{"@type": "NewsArticle", "description": "Line one.\nLine two.", "author": "Nishant Kumar",' \
           ' "datePublished": "2019-11-20T13:38:07+05:30"}'
    head = _head(_jsonld(text))
    assert head.published == dt.date(2019, 11, 20)
    assert head.authors == ("Nishant Kumar",)


def test_jsonld_with_javascript_quote_escapes_is_read() -> None:
    text = r'{"@type": "Article", "description": "the showroom\'s light", "datePublished": "2018-04-18"}'
    assert _head(_jsonld(text)).published == dt.date(2018, 4, 18)


def test_a_jsonld_date_written_out_is_read() -> None:
    text = '{"@type": "NewsArticle", "datePublished": "01:38:07 PM IST Nov 20, 2019"}'
    assert _head(_jsonld(text)).published == dt.date(2019, 11, 20)


def test_a_webpage_items_date_when_no_article_item_gives_one() -> None:
    graph = (
        '{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebSite", "@id": "https://example.org/#website", "name": "Example"},'
        '{"@type": "WebPage", "@id": "https://example.org/a/#webpage", "datePublished": "2018-04-18T14:39:09+02:00",'
        ' "dateModified": "2019-04-10T09:00:00+02:00"}]}'
    )
    assert _head(_jsonld(graph)).published == dt.date(2018, 4, 18)


def test_the_jsonld_date_beats_a_modified_date_in_the_byline() -> None:
    graph = (
        '{"@graph": [{"@type": "WebPage", "@id": "https://example.org/a/#webpage", "datePublished": "2018-04-18"}]}'
    )
    page = (
        f'<html lang="en"><head><title>Light installation</title>{_jsonld(graph)}</head><body><article>'
        "<h1>Light installation for the design week</h1><p>By Federica Lusiardi | April 10, 2019</p>"
        f"{BODY}</article></body></html>"
    )
    assert newsparse.parse(page).main.published == dt.date(2018, 4, 18)


def test_a_time_element_marked_date_published_in_the_article_item() -> None:
    body = (
        '<article itemscope itemtype="http://schema.org/NewsArticle"><h1 itemprop="headline">Title</h1>'
        '<time itemprop="datePublished" datetime="2019-11-14T08:00:00Z">Nov 14</time></article>'
    )
    assert _head("", body).published == dt.date(2019, 11, 14)


# --- authors ----------------------------------------------------------------------------------------


def test_a_jsonld_author_given_by_reference_is_looked_up() -> None:
    graph = (
        '{"@context": "https://schema.org", "@graph": ['
        '{"@type": "Article", "@id": "https://example.org/a/#article", "datePublished": "2019-11-18",'
        ' "author": {"@id": "https://example.org/#/schema/person/1f2e"}},'
        '{"@type": ["Person"], "@id": "https://example.org/#/schema/person/1f2e", "name": "Carlos Nadalim"}]}'
    )
    assert _head(_jsonld(graph)).authors == ("Carlos Nadalim",)


def test_a_microdata_author_with_a_nested_name() -> None:
    body = (
        '<article itemscope itemtype="http://schema.org/NewsArticle"><h1 itemprop="headline">Title</h1>'
        '<p itemprop="author" itemscope itemtype="http://schema.org/Person">By '
        '<span itemprop="name">Jamelle Bouie</span></p>'
        '<div itemscope itemtype="http://schema.org/NewsArticle"><span itemprop="author">Ana Swanson</span></div>'
        '<div itemscope itemtype="http://schema.org/Comment"><span itemprop="author">reader42</span></div>'
        "</article>"
    )
    assert _head("", body).authors == ("Jamelle Bouie",)


def test_a_microdata_author_without_a_name_loses_its_byline_label() -> None:
    body = '<div itemprop="author">By Sandee LaMotte</div>'
    assert _head("", body).authors == ("Sandee LaMotte",)


def test_a_declared_author_loses_its_byline_label_and_credentials() -> None:
    head = _head('<meta name="author" content="By TOM KRISHER"><meta name="author" content="Ilana Muhlstein, MS, RDN">')
    assert head.authors == ("TOM KRISHER", "Ilana Muhlstein")


def test_a_social_handle_is_no_author() -> None:
    assert _head('<meta name="author" content="Bryan DeArdo, @BryanDeArdo">').authors == ("Bryan DeArdo",)


def test_a_byline_label_of_another_language_stays() -> None:
    # "Di" is an Italian byline label; an English page's "Di Vries Anna" is a name
    assert _head('<meta name="author" content="Di Vries Anna">').authors == ("Di Vries Anna",)
    assert _head('<meta name="author" content="Di Mario Rossi">', lang="it").authors == ("Mario Rossi",)


def test_the_byline_declared_in_the_head_replaces_a_section_word() -> None:
    page = (
        '<html lang="en"><head><title>Opinion | Republicans Are Following Trump</title></head><body>'
        '<article itemscope itemtype="http://schema.org/NewsArticle">'
        '<h1 itemprop="headline">Republicans Are Following Trump to Nowhere</h1>'
        '<p itemprop="author" itemscope itemtype="http://schema.org/Person">By <span itemprop="name">Jamelle Bouie</span>'
        "</p><p>Opinion Columnist</p>"
        f"{BODY}</article></body></html>"
    )
    assert newsparse.parse(page).main.authors == ["Jamelle Bouie"]


# --- headline -----------------------------------------------------------------------------------------


def test_the_jsonld_headline_is_kept_unescaped() -> None:
    text = '{"@type": "Article", "headline": "Michael Anastassiades&#8217; light installation"}'
    assert _head(_jsonld(text)).headline == "Michael Anastassiades’ light installation"


# --- calendar words (read by the byline's name cleaning) ------------------------------------------


def test_month_and_weekday_names_are_calendar_words_in_several_languages() -> None:
    from newsparse.meta import is_calendar_word

    assert all(is_calendar_word(w) for w in ("November", "Nov.", "Monday,", "lundi", "Montag", "miércoles"))
    assert not any(is_calendar_word(w) for w in ("Louis", "Jacobson", "Minh", "Opinion"))


# --- the header reading head and body together -----------------------------------------------------


def test_a_relative_time_gives_its_time_datetime() -> None:
    page = (
        '<html lang="en"><head><title>Flu shots for detained migrants</title></head><body><article>'
        "<h1>Doctors offer to give free flu shots to detained migrants</h1>"
        '<div><time datetime="2019-11-19T10:36:00.000Z">1 day ago</time></div>'
        f"{BODY}</article></body></html>"
    )
    assert newsparse.parse(page).main.published == dt.date(2019, 11, 19)


def test_weekday_and_month_words_before_a_bylines_date_are_no_names() -> None:
    page = (
        '<html lang="en"><head><title>The value of drugs at the border</title></head><body><article>'
        "<h1>What is the value of drugs that come to the U.S. border?</h1>"
        "<p>By Matthew Digby , Minh Do on Monday, November 18th, 2019 at 11:08 a.m.</p>"
        f"{BODY}</article></body></html>"
    )
    assert newsparse.parse(page).main.authors == ["Matthew Digby", "Minh Do"]


def test_the_declared_headline_is_no_title_when_none_is_shown() -> None:
    # the contract: the title is the visible headline, never og:title or the <title>
    page = (
        '<html lang="en"><head><title>Key moments - CBS News</title>'
        '<meta property="og:title" content="Key moments from the impeachment hearing testimony"></head>'
        f"<body><article>{BODY}</article></body></html>"
    )
    assert newsparse.parse(page).main.title is None


def test_a_slideshow_pages_headline_is_no_gallery_chrome() -> None:
    page = (
        '<html lang="en"><head><title>Best cities for jobs</title></head><body><article>'
        '<header class="article--header slideshow--header"><h1>The best cities for jobs in 2019</h1>'
        "<p>By Ann Lee</p></header>"
        f"{BODY}</article></body></html>"
    )
    assert newsparse.parse(page).main.title == "The best cities for jobs in 2019"
