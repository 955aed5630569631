"""Out-of-sample main-text check: hand-made news pages in the layouts of real sites
(tests/fixtures/realpages: WordPress with comments and widgets, German/French/Spanish/
Portuguese/Italian/Russian/Japanese/Chinese/Arabic/Korean news sites, a live blog, an
AMP page, a JSON-LD-only body, tables and lists, a listicle, a photo gallery, key points
with an embedded tweet). Each NAME.json holds the article body as the Zyte benchmark
shapes it (headline, standfirst and captions left out).

tests/fixtures/realpages2 is a second set, written independently of the code (WordPress/
Jetpack, Arc XP, Ghost, Substack, Drupal, BBC, Guardian, Times of India, Spiegel, Le
Monde, El País, NHK, Xinhua, Al Jazeera, Folha, Hürriyet, Detik, VnExpress and RIA
layouts) and scored before any fix was made for it (see ACC_REPORT3.md).

tests/fixtures/realpages3 is a third such set (Le Figaro, Süddeutsche, El Mundo, Corriere,
Público live blog, Kommersant, Yahoo!ニュース, Sina, Naver/Yonhap, Youm7, Milliyet AMP,
Kompas, Tuổi Trẻ, Onet, NOS, Aftonbladet, Hindustan Times and CBC layouts: ad slots
splitting the body, "read also" boxes, video players, galleries, a table, bylines and
dates above the headline, a logo <h1> beside the headline's), see ACC_REPORT4.md.

tests/fixtures/realpages4 is a fourth such set, scored before any fix was made for it:
regional papers on Gannett-like CMSs, a TV station's page (video player chrome, a
transcript), a magazine long-read (drop cap, pull quote, sidebar, footnotes), Reuters-,
EFE- and ANSA-like wire pages (credit lines, editors' initials, "(c)" lines), a
financial page with ticker widgets, an obituary, a press release, a match report with
line-ups, science news with a references list, opinion columns with author bios, and
pages in French, German, Spanish, Portuguese, Russian, Arabic, Japanese, Chinese,
Korean, Italian, Turkish and Polish.

tests/fixtures/realpages5 is a fifth such set, written without reading the code and scored
before any fix was made for it: a WordPress live blog (Automattic's liveblog markup, posts
with permalink times), a Japanese photo story with a captioned gallery, a Korean Arc XP list
article, a Chinese TRS-CMS page whose body is one <div> per paragraph, an Arabic Next.js
page whose body is only in JSON-LD, a Russian Drupal page with inline "Читайте также"
links and comments, a Hindi AMP page, a Ukrainian WordPress page with a newsletter box, a
Persian agency page ("انتهای پیام", comments), a Hebrew Brightspot page with a OneTrust
banner, a Dutch Ghost post (bookmark and callout cards), an Italian Medium post with English
chrome, a Portuguese Substack post, an Indonesian page with ads and "Baca juga" links, a
Vietnamese page with a price table and a Turkish page with a cookie banner and a related grid.

tests/fixtures/realpages6 is a sixth such set, chosen for the layouts extractors find
hardest and scored before any fix was made for it (newsparse 0.950, trafilatura 0.873): a
three-paragraph story among long teaser summaries, a "10 best" list with affiliate links
and a voucher box, an old table layout, a press release with "About" profiles and a media
contact, an interview with bold speaker names, numbered how-to steps, a body split over
<section>s between ad slots ("Continue reading below"), an infinite-scroll page with the
next article preloaded, an opinion column with a long author bio, a syndicated wire story
with its source line, long prose-like comments, a match report with a quarter-scores
table beside results and standings tables, an <article> wrapping the sidebar, a live Q&A
chat, an Arabic press review of linked sources and a Korean Q&A interview.

tests/fixtures/realpages7 is a seventh such set, in the markup of big publishers' templates
and scored before any fix was made for it (newsparse 0.976, trafilatura 0.937): Next.js
and styled-components pages with generated class names, <picture>/<source> sets, lazy
images with <noscript> fallbacks, inline <svg> icons and __NEXT_DATA__ blobs, a paywall
teaser, "Advertisement"/"Anzeige"/"Publicidad" slots and "Related:"/"Lesen Sie auch"/"Lire
aussi"/"Leggi anche" one-liners between paragraphs, embedded tweets and a Telegram post,
a sticky video player, footnotes, author bio cards, tag lists and "Most popular" rails; a
company engineering blog (a table and code), a government press release, a university
news page with a media contact, a recipe blog with a long story above its recipe card and a
product review with a verdict box and price widgets; English, German, French, Spanish,
Italian, Portuguese, Japanese, Russian and Korean.

tests/fixtures/realpages8 is an eighth such set, of page kinds not covered before and
scored before any fix was made for it (newsparse 0.973, trafilatura 0.946): a Reach-like
regional page with many inline "READ MORE:" links, wire copy on a Yahoo-like portal ("Story
continues", provider logo), a Gannett-like local story, a German tech page with code
blocks and a spec table, a Spanish match report with a score widget, line-ups and a
minute-by-minute list, a financial page with inline ticker chips, an index widget and a
stock table, a Lee-like obituary with a guest book, a French weather story with a forecast
widget, a Polish fact-check with a rating box and sources, a translated article with its
translation notes, a health article with a medical disclaimer and references, an explainer
with an infobox, contents, footnote markers and "See also", a podcast page with a
transcript and a Japanese photo essay with long captions.

tests/fixtures/realpages9 is a ninth set, scored before any fix (newsparse 0.919, trafilatura
0.957; 0.980 against 0.954 without its furigana page, whose <rt> readings newsparse then kept):
WordPress with Gutenberg blocks, a Drupal paper with a paywall box, a Next.js page in chunks,
a second <article> teasing the next story, a Q&A with contents, an Italian long read with pull
quotes and a gallery, a match report with a stats table, a Hindi recipe, Dutch election
tables, a <br><br> table-layout page, a Russian live blog, a Turkish column with a bio box,
a Ghost essay with footnotes, an Arabic page with a tweet embed, easy-Japanese news with
<ruby> on every word and an Indonesian mobile page with "Baca juga" lines.

tests/fixtures/realpages10 is a tenth set, modelled on big publishers' templates (Guardian,
BBC, NYT, Washington Post, Le Monde, Spiegel, El País, Corriere, NOS, Gazeta, Times of India,
Nikkei, Sina, Naver, Kompas, Hürriyet), scored before any fix: newsparse 0.954, trafilatura 0.910.

tests/fixtures/realpages11 is an eleventh set, of ordinary mid-size outlets' templates (Arc,
Reach, WordPress news themes, Drupal, regional portals in 16 languages), scored before any fix:
newsparse 0.998, trafilatura 0.972.

tests/fixtures/realpages12 is a twelfth set of hard layouts (bodies split over containers,
<br> text, tables, AMP, paginated articles, <section> paragraphs, reverse-order live blogs,
next-article previews), scored before any fix: newsparse 0.980, trafilatura 0.895.

Each page must reach a main-text token F1 floor. Known gaps are strict xfails: when a
fix closes one, the xfail turns into a failure and must be promoted to a plain check.
"""
from __future__ import annotations

import json
import pathlib
import re
from collections import Counter

import pytest

import newsparse

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "realpages"
FIXTURES2 = pathlib.Path(__file__).parent / "fixtures" / "realpages2"
FIXTURES3 = pathlib.Path(__file__).parent / "fixtures" / "realpages3"
FIXTURES4 = pathlib.Path(__file__).parent / "fixtures" / "realpages4"
FIXTURES5 = pathlib.Path(__file__).parent / "fixtures" / "realpages5"
FIXTURES6 = pathlib.Path(__file__).parent / "fixtures" / "realpages6"
FIXTURES7 = pathlib.Path(__file__).parent / "fixtures" / "realpages7"
FIXTURES8 = pathlib.Path(__file__).parent / "fixtures" / "realpages8"
FIXTURES9 = pathlib.Path(__file__).parent / "fixtures" / "realpages9"
FIXTURES10 = pathlib.Path(__file__).parent / "fixtures" / "realpages10"
FIXTURES11 = pathlib.Path(__file__).parent / "fixtures" / "realpages11"
FIXTURES12 = pathlib.Path(__file__).parent / "fixtures" / "realpages12"
FIXTURES13 = pathlib.Path(__file__).parent / "fixtures" / "realpages13"
FIXTURES14 = pathlib.Path(__file__).parent / "fixtures" / "realpages14"
FIXTURES15 = pathlib.Path(__file__).parent / "fixtures" / "realpages15"
PAGES = (
    sorted(FIXTURES.glob("*.html"))
    + sorted(FIXTURES2.glob("*.html"))
    + sorted(FIXTURES3.glob("*.html"))
    + sorted(FIXTURES4.glob("*.html"))
    + sorted(FIXTURES5.glob("*.html"))
    + sorted(FIXTURES6.glob("*.html"))
    + sorted(FIXTURES7.glob("*.html"))
    + sorted(FIXTURES8.glob("*.html"))
    + sorted(FIXTURES9.glob("*.html"))
    + sorted(FIXTURES10.glob("*.html"))
    + sorted(FIXTURES11.glob("*.html"))
    + sorted(FIXTURES12.glob("*.html"))
    + sorted(FIXTURES13.glob("*.html"))
    + sorted(FIXTURES14.glob("*.html"))
    + sorted(FIXTURES15.glob("*.html"))
)
_WORD = re.compile(r"\w+")

# Pages reach this token F1 (most reach 0.97 or more; the floor leaves room for a line).
MIN_F1 = 0.9
# The extractor's text and the truth, as bags of words: precision and recall floors
# below which a page has lost (or gained) a whole paragraph or more.
MIN_PRECISION = 0.85
MIN_RECALL = 0.95

# Known gaps, with why they stay open (strict: a fix must promote the page).
KNOWN_GAPS: dict[str, str] = {
    "15-en-keypoints-tweet": (
        "the 'Key Points' box above the first paragraph is kept: the project's contract counts a "
        "lead list as part of the article, while the Zyte-shaped truth leaves it out"
    ),
    "03-en-ghost-engineering": (
        "the standfirst under the headline is kept: the project's contract (shared/corpus/README.md) "
        "counts a lead or standfirst as article text, while the Zyte-shaped truth leaves it out"
    ),
    "14-pl-onet-seealso": (
        "the lead paragraph (div#lead) under the headline is kept: the project's contract counts a "
        "lead or standfirst as article text, while the Zyte-shaped truth leaves it out"
    ),
    "05-fr-obituary-afp": (
        "the standfirst under the headline (p.subheadline) is kept: the project's contract counts a "
        "lead or standfirst as article text, while the Zyte-shaped truth leaves it out"
    ),
    "16-pl-opinion-bio": (
        "the lead under the headline (div.art__lead) is kept: the project's contract counts a lead "
        "or standfirst as article text, while the Zyte-shaped truth leaves it out"
    ),
    "11-ja-press-release": (
        "the company profile table ('■ 会社概要') and the press contact ('■ 本件に関するお問い合わせ先') "
        "under the release are kept: their headings name neither the site nor the company, and no "
        "lexicon kind marks a closing company-profile or media-contact heading yet"
    ),
    "14-ar-aljazeera-tweet": (
        "the embedded tweet in the body is kept (the truth leaves it out, although the Zyte "
        "benchmark's own truth keeps embedded tweets on 9 of its pages) and the closing source "
        "line 'المصدر : الجزيرة + وكالات' has no class or lexicon phrase that marks it"
    ),
    "03-en-nyt-orchard-frost": (
        "an inline chart's labels and source and a correction note inside the body are kept"
    ),
    "10-pl-gazeta-smog-krakow": (
        "the lead (div.art_lead) and a poll embed's question and vote count are kept"
    ),
    "02-de-elementor-fernwaerme": (
        "the last text widget, below a related-posts widget inside the article, is lost with the related posts"
    ),
    "04-en-pressrelease-battery-recycling": (
        "the release's 'About Norvance' boilerplate is dropped as a company profile (the project's "
        "contract), while this Zyte-style truth counts it as body text"
    ),
    "13-pl-stawki-frachtowe": (
        "a sponsored partner box ('Partner materiału') and the table's source line are kept"
    ),
    "14-ar-paywall-tahliya": (
        "the teaser's last paragraph, faded and cut off mid-sentence above the paywall box, is dropped with the box"
    ),
}


def _tokens(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text or ""))


def _scores(gold: str, predicted: str) -> tuple[float, float, float]:
    """Token precision, recall and F1 (bags of \\w+ words, case kept)."""
    a, b = _tokens(gold), _tokens(predicted)
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0, 0.0, 0.0
    precision = overlap / sum(b.values())
    recall = overlap / sum(a.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def test_fixtures_present():
    assert len(list(FIXTURES.glob("*.html"))) >= 12
    assert len(list(FIXTURES2.glob("*.html"))) >= 16
    assert len(list(FIXTURES3.glob("*.html"))) >= 18
    assert len(list(FIXTURES4.glob("*.html"))) >= 16
    assert len(list(FIXTURES5.glob("*.html"))) >= 16
    assert len(list(FIXTURES6.glob("*.html"))) >= 16
    assert len(list(FIXTURES7.glob("*.html"))) >= 16
    assert len(list(FIXTURES8.glob("*.html"))) >= 14
    assert len(list(FIXTURES9.glob("*.html"))) >= 16
    assert len(list(FIXTURES10.glob("*.html"))) >= 16
    assert len(list(FIXTURES11.glob("*.html"))) >= 16
    assert len(list(FIXTURES12.glob("*.html"))) >= 16
    assert len(list(FIXTURES13.glob("*.html"))) >= 16
    assert len(list(FIXTURES14.glob("*.html"))) >= 16
    assert len(list(FIXTURES15.glob("*.html"))) >= 16
    for page in PAGES:
        truth = json.loads(page.with_suffix(".json").read_text("utf-8"))
        assert set(truth) == {"url", "articleBody"} and truth["articleBody"].strip()


def test_scores_helper_catches_a_wrong_text():
    gold = "one two three four five six seven eight nine ten"
    assert _scores(gold, gold)[2] == 1.0
    assert _scores(gold, "one two three")[1] < 0.5  # recall falls when text is missing
    assert _scores(gold, gold + " menu home news sport login")[0] < 0.7  # precision falls with chrome


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[p.stem])) if p.stem in KNOWN_GAPS else p
        for p in PAGES
    ],
    ids=[f"{p.parent.name}/{p.stem}" for p in PAGES],
)
def test_main_text_floor(path: pathlib.Path):
    truth = json.loads(path.with_suffix(".json").read_text("utf-8"))
    doc = newsparse.parse(path.read_text("utf-8"), url=truth["url"])
    precision, recall, f1 = _scores(truth["articleBody"], doc.main.text)
    assert f1 >= MIN_F1, f"F1 {f1:.3f} (P {precision:.3f} R {recall:.3f})"
    assert precision >= MIN_PRECISION, f"precision {precision:.3f}: chrome in the text"
    assert recall >= MIN_RECALL, f"recall {recall:.3f}: article text lost"
    # a page that keeps a paragraph of chrome must make up for it with a near-perfect rest
    assert precision >= 0.9 or f1 >= 0.95, f"P {precision:.3f} F1 {f1:.3f}"


def test_declared_body_used_when_the_page_shows_none():
    """The JSON-LD page shows only its header: the declared articleBody is the text, and
    the shown standfirst it replaces is kept as noise (nothing silently lost)."""
    path = FIXTURES / "12-en-jsonld-body.html"
    doc = newsparse.parse(path.read_text("utf-8"))
    assert doc.main.paragraphs[0].startswith("The city of Wellington will begin charging")
    assert len(doc.main.paragraphs) == 6
    assert any("Councillors voted 9-7" in n.text for n in doc.noise)


def test_declared_body_ignored_when_the_page_shows_its_text():
    html = (
        "<html><head><script type='application/ld+json'>"
        + json.dumps({"@type": "NewsArticle", "articleBody": "Declared text only. " * 40})
        + "</script></head><body><h1>Council approves the new bus lanes</h1>"
        + "".join(f"<p>Shown paragraph number {n} of the article, with enough words to count as running prose.</p>" for n in range(12))
        + "</body></html>"
    )
    doc = newsparse.parse(html)
    assert "Declared text only" not in doc.main.text
    assert doc.main.text.startswith("Shown paragraph")


def _main(html: str) -> list[str]:
    return newsparse.parse(html).main.paragraphs


_PARAGRAPH = "<p>Paragraph {} of the report on the harbour works, with enough words in it to count as running prose of the article.</p>"


def _body(numbers) -> str:
    return "".join(_PARAGRAPH.format(n) for n in numbers)


def test_subheading_over_two_paragraphs_is_no_teaser_card():
    """A wrapper holding an unlinked subheading and two short paragraphs is a part of the
    text (teaser cards lead somewhere: their headline or a "Read more" is a link)."""
    short = "<div class='part'><h2>What happens next</h2><p>{}<br><br>{}</p></div>".format(
        "The council will vote on the plan in May, after a public consultation.",
        "Works could start in the autumn if the vote passes.",
    )
    html = f"<html><body><h1>Harbour works approved</h1><section>{_body(range(3))}{short}</section></body></html>"
    text = "\n".join(_main(html))
    assert "The council will vote" in text and "Works could start" in text


def test_reader_appeal_after_the_text_is_dropped():
    appeal = (
        "<div class='x9'><h2>Before you go</h2><p>Our journalism is free for everyone, funded by readers "
        "like you. A small monthly gift keeps it that way.</p><a href='/support'>Support us</a></div>"
    )
    html = f"<html><body><h1>Harbour works approved</h1><article><div>{_body(range(5))}</div>{appeal}</article></body></html>"
    paragraphs = _main(html)
    assert len(paragraphs) == 5 and not any("funded by readers" in p for p in paragraphs)


def test_tooltip_text_is_not_glued_into_its_line():
    line = (
        "<p>The plan was drawn up by the <a href='/port'>Port Authority</a><span role='tooltip'>A public "
        "body that runs the harbour.</span>, which will also pay for it.</p>"
    )
    html = f"<html><body><h1>Harbour works approved</h1><div>{_body(range(3))}{line}</div></body></html>"
    assert "The plan was drawn up by the Port Authority, which will also pay for it." in _main(html)


def test_centred_line_under_a_picture_is_its_caption():
    picture = "<p style='text-align:center'><img src='/a.jpg'></p><p style='text-align: center'>Workers on the quay on Monday. Photo: A. Lee</p>"
    html = f"<html><body><h1>Harbour works approved</h1><div>{_body(range(2))}{picture}{_body(range(2, 4))}</div></body></html>"
    paragraphs = _main(html)
    assert len(paragraphs) == 4 and not any("Workers on the quay" in p for p in paragraphs)


def test_publisher_boilerplate_under_the_text_is_dropped():
    about = "<h3>About Northfield University</h3><p>Founded in 1868, Northfield University is a private research university with 18,000 students.</p>"
    html = (
        "<html><head><title>Harbour works approved | Northfield University News</title></head><body>"
        f"<h1>Harbour works approved</h1><div>{_body(range(5))}{about}</div></body></html>"
    )
    paragraphs = _main(html)
    assert len(paragraphs) == 5 and not any("Founded in 1868" in p for p in paragraphs)
    # a closing heading that repeats the headline is no boilerplate, even where the
    # <title>'s site part is the longer one
    closing = "<h3>Harbour works approved: what next</h3><p>The first barges arrive in June.</p>"
    html = (
        "<html><head><title>Harbour works approved | Northfield University News Service</title></head><body>"
        f"<h1>Harbour works approved</h1><div>{_body(range(5))}{closing}</div></body></html>"
    )
    assert "The first barges arrive in June." in _main(html)


def test_video_embed_lines_inside_the_text_are_dropped():
    video = (
        "<div class='embed'><div class='player'><span class='video-title'>Divers inspect the old quay wall</span>"
        "<span>02:41</span></div><p>Divers inspect the old quay wall</p></div>"
    )
    html = f"<html><body><h1>Harbour works approved</h1><div>{_body(range(3))}{video}{_body(range(3, 5))}</div></body></html>"
    paragraphs = _main(html)
    assert len(paragraphs) == 5 and "02:41" not in paragraphs


def test_dek_in_the_article_header_follows_the_contract():
    """The project's contract counts a standfirst as article text (unlike Zyte-shaped
    truth); one that only repeats the page's og:description is a summary, not text."""
    dek = "The council backs a plan to rebuild the old quay, at a cost of 40 million."
    page = (
        "<html><head>{meta}</head><body><article><header><h1>Harbour works approved</h1><p>" + dek + "</p>"
        f"</header><div>{_body(range(4))}</div></article></body></html>"
    )
    kept = _main(page.format(meta=""))
    assert len(kept) == 5 and kept[0] == dek
    summary = _main(page.format(meta=f'<meta property="og:description" content="{dek}">'))
    assert len(summary) == 4 and summary[0].startswith("Paragraph 0")


def test_read_also_box_inside_a_stretch_of_text_is_no_teaser_card():
    """A small element holding a paragraph, a "read more" link box and another paragraph
    is a stretch of the text (a card's headline comes first, never after prose)."""
    box = (
        "<div class='x'><p>{}</p><div class='y'><span>Read more on this</span><a href='/t'>"
        "<span>Tram line</span><span>Works run until 2028</span></a></div><p>{}</p></div>"
    ).format(
        "The state pays 14 million euros towards the trial, with the city adding four million more.",
        "The plan was not welcomed by everyone on the committee, which wants the tram funded first.",
    )
    html = f"<html><body><h1>Driverless buses approved</h1><main><div>{_body(range(2))}</div>{box}</main></body></html>"
    text = "\n".join(_main(html))
    assert "The state pays" in text and "The plan was not welcomed" in text


def test_video_player_lines_inside_the_text_are_dropped():
    player = (
        "<div class='v'><div class='p'><video></video><span>Play video</span><h3>Crowded trains on the "
        "Utrecht line</h3><span>01:12</span></div></div>"
    )
    html = f"<html><body><h1>Harbour works approved</h1><div>{_body(range(3))}{player}{_body(range(3, 5))}</div></body></html>"
    paragraphs = _main(html)
    assert len(paragraphs) == 5 and not any("Crowded trains" in p or "Play video" in p for p in paragraphs)


def test_live_posts_keep_their_headings_and_lose_their_times():
    posts = "".join(
        f"<article class='post'><div class='meta'><time class='time'>{t}</time><a href='#p{n}'>Share</a></div>"
        f"<h3>Update number {n} on the storm</h3><div class='c'>{_PARAGRAPH.format(n)}</div></article>"
        for n, t in enumerate(["10h45", "09h30", "08h50"])
    )
    html = f"<html><body><h1>Storm live</h1><div class='posts'>{posts}</div></body></html>"
    paragraphs = _main(html)
    assert paragraphs[0] == "Update number 0 on the storm"
    assert len(paragraphs) == 6 and not any(p.endswith("h45") or p == "09h30" for p in paragraphs)


def test_a_table_cell_named_like_a_button_is_a_value():
    table = "<table><tr><th>Line</th><th>Weekday</th></tr><tr><td>Lakeshore West</td><td>88%</td></tr></table>"
    html = f"<html><body><h1>Ridership recovers</h1><div>{_body(range(2))}{table}{_body(range(2, 4))}</div></body></html>"
    assert "Line" in _main(html)


def test_reporter_line_with_an_email_after_the_suffix_is_a_byline():
    html = f"<html><body><h1>항만 공사 승인</h1><div>{_body(range(4))}<p>김민준 기자 mjkim@example.kr</p></div></body></html>"
    assert not any("mjkim" in p for p in _main(html))


def test_wire_credits_initials_and_typed_copyright_close_no_text():
    closing = (
        "<p>(Reporting by Jane Smith; Editing by Tom Brown)</p><p>(c) Agencia EFE</p><p>EFE agm/ram</p>"
    )
    html = f"<html><body><h1>Harbour works approved</h1><div>{_body(range(4))}{closing}</div></body></html>"
    assert len(_main(html)) == 4


def test_closing_author_bio_is_dropped():
    html = (
        "<html><head><meta name='author' content='Dana Ruiz'></head><body><h1>Harbour works approved</h1>"
        f"<div>{_body(range(6))}<p><em>Dana Ruiz covers the port for the Herald. Reach her at dr@herald.example.</em></p></div></body></html>"
    )
    paragraphs = _main(html)
    assert len(paragraphs) == 6 and not any("Reach her" in p for p in paragraphs)


def test_signup_box_pitch_and_advert_line_inside_the_text_are_dropped():
    signup = "<div class='x'><div>Get the morning briefing in your inbox.</div><form><input type='email'><button>Sign up</button></form></div>"
    advert = "<div class='y'><span>Anzeige</span><p>Jetzt Depot eröffnen und ab 0 Euro handeln</p></div>"
    html = f"<html><body><h1>Harbour works approved</h1><div>{_body(range(2))}{signup}{_body(range(2, 4))}{advert}{_body(range(4, 6))}</div></body></html>"
    paragraphs = _main(html)
    assert len(paragraphs) == 6, paragraphs


def test_footnote_markers_ornaments_and_a_dangling_label_are_no_text():
    html = (
        "<html><body><h1>Harbour works approved</h1><div>"
        "<p>The quay was built in 1871.<sup><a href='#fn1'>1</a></sup> It has not been repaired since the war, the port says.</p>"
        f"{_body(range(4))}<p>◆</p><p>WATCH ALSO:</p><div class='v'><div class='p'><video></video><span>Play video</span><h3>Crowded trains on the "
        "Utrecht line</h3><span>01:12</span></div></div></div></body></html>"
    )
    paragraphs = _main(html)
    assert paragraphs[0] == "The quay was built in 1871. It has not been repaired since the war, the port says."
    assert len(paragraphs) == 5


def test_live_posts_with_bare_permalink_times_are_no_teaser_cards():
    """A live post (a permalink showing only its time, a heading, one or two paragraphs) is
    no teaser card: the time link leads to the post itself, not elsewhere."""
    posts = "".join(
        f"<article class='entry'><header><a href='#e{n}'><abbr title='x'>{t}</abbr></a><span>Jo Bell</span></header>"
        f"<div class='text'><h3>Update number {n} on the storm</h3>{_PARAGRAPH.format(n)}</div></article>"
        for n, t in enumerate(["2:41 PM", "1:05 PM", "11:20 AM", "7:15 AM"])
    )
    html = f"<html><body><h1>Storm live</h1><div class='feed'>{posts}</div></body></html>"
    text = "\n".join(_main(html))
    assert all(f"Paragraph {n} of the report" in text for n in range(4))
    assert "PM" not in text and "AM" not in text


def test_subtitle_repeating_the_description_and_a_clap_count_are_no_text():
    """A subtitle <h2> that repeats the page's meta description is the dek, and a counter
    ("1.2K") between it and the text is the share bar's, not a line of the text."""
    dek = "The council backs a plan to rebuild the old quay, at a cost of 40 million."
    html = (
        f"<html><head><meta name='description' content='{dek}'></head><body><article><section>"
        f"<h1>Harbour works approved</h1><h2>{dek}</h2><div><p>1.2K</p></div>"
        f"{_body(range(4))}</section></article></body></html>"
    )
    paragraphs = _main(html)
    assert len(paragraphs) == 4 and paragraphs[0].startswith("Paragraph 0"), paragraphs


def test_syndication_notice_closing_the_text_is_dropped():
    note = '<p><em>Artikel ini telah tayang di <a href="/x">Warta Regional</a> dengan judul "Bulog Siapkan Beras".</em></p>'
    html = f"<html><body><h1>Harga beras naik</h1><div>{_body(range(4))}{note}</div></body></html>"
    assert len(_main(html)) == 4


def test_agency_end_mark_is_no_author():
    """"انتهای پیام/" closing a Persian agency story is its end mark, not a bare author name."""
    paragraph = "<p>به گزارش خبرگزاری، مدیرکل هواشناسی استان گفت که بارش‌ها در حوضه دریاچه نسبت به میانگین بلندمدت کاهش یافته است و وضعیت نگران‌کننده است.</p>"
    html = f"<html><body><h1>کاهش بارش‌ها</h1><div>{paragraph * 4}<p>انتهای پیام/</p></div></body></html>"
    doc = newsparse.parse(html)
    assert doc.main.authors == [] and len(doc.main.paragraphs) == 4


def test_read_more_box_between_answers_claims_only_its_links():
    """A "related" label set as loose text in its box (<div><span>More on this</span><ul>…)
    heads that box only: the interview's next question and answer are text again."""
    box = "<div class='z'><span>Mehr zum Thema</span><ul><li><a href='/a'>Heizungsgesetz: Was sich 2025 ändert</a></li><li><a href='/b'>Der Kostenrechner</a></li></ul></div>"
    html = (
        f"<html><body><h1>Harbour works approved</h1><section>{_body(range(4))}{box}"
        "<p><b>SPIEGEL:</b> Und wer zahlt am Ende?</p><p><b>Albers:</b> Am Ende alle, über den Bundeshaushalt.</p>"
        "</section></body></html>"
    )
    text = "\n".join(_main(html))
    assert "Und wer zahlt am Ende?" in text and "Am Ende alle" in text and "Kostenrechner" not in text


def test_short_entry_of_a_list_article_is_no_teaser_card():
    """An entry of a "10 best" list (heading, a paragraph with links, a shop link) whose
    same-shaped siblings hold long paragraphs is a part of the list, however short."""
    long = (
        "It refilled our phone twice and recharged in under two hours, with a cable built in, a clear screen "
        "and a weight that suits a pocket better than any rival we tried this year. On a sleeper train and a wet "
        "weekend in the hills it never let us down, and the small display shows the charge as a percentage, "
        "which is far more useful than the usual four dots."
    )
    entry = "<div class='product'><h3>{}</h3><p>{}</p><div class='buy'><a href='/shop'>{} from Argos</a></div></div>"
    html = (
        "<html><body><h1>10 best power banks</h1><div class='body'>"
        + _body(range(2))
        + entry.format("Anker Nano", long, "£29.99")
        + entry.format("Ugreen Nexode", long.replace("pocket", "backpack"), "£59.99")
        + entry.format("Belkin BoostCharge", "The <a href='/b'>Belkin</a> is plain and a little slow, but it delivered close to its rated capacity.", "£19.99")
        + "</div></body></html>"
    )
    assert any(p.startswith("The Belkin is plain") for p in _main(html))


def test_reader_question_meta_lines_are_no_text():
    posts = "".join(
        f"<div class='q'><div class='m'><span>{name}</span><time>{t}</time></div><p>{_PARAGRAPH.format(n)[3:-4]}</p></div>"
        for n, (name, t) in enumerate([("Dennis, Westerville", "12:04 p.m."), ("Laura Kim Expert", "12:07 p.m."), ("Maria G.", "12:11 p.m.")])
    )
    html = f"<html><body><h1>Ask the tax expert</h1><div class='chat'>{posts}</div></body></html>"
    paragraphs = _main(html)
    assert len(paragraphs) == 3 and not any("p.m." in p for p in paragraphs), paragraphs


def test_press_release_profiles_and_contact_close_no_text():
    opening = "<p>COLUMBUS, Ohio -- Northwind Robotics today announced a $48 million round led by Harbor Ventures, which will fund a new plant and more hiring.</p>"
    closing = (
        "<p><b>About Northwind Robotics</b><br>Founded in 2020, Northwind Robotics designs picking robots for warehouses and has 140 staff.</p>"
        "<p><b>About Harbor Ventures</b><br>Harbor Ventures is an early-stage venture capital firm based in Boston.</p>"
        "<p>Media Contact:<br>Jenna Morales<br>Northwind Robotics<br>press@northwind.example<br>(614) 555-0148</p>"
        "<p>SOURCE Northwind Robotics</p>"
    )
    html = f"<html><body><h1>Northwind raises $48 million</h1><div>{opening}{_body(range(4))}{closing}</div></body></html>"
    paragraphs = _main(html)
    assert len(paragraphs) == 5 and not any("Harbor Ventures is" in p or "press@" in p for p in paragraphs), paragraphs


def test_closing_subheadings_on_one_topic_are_no_profiles():
    """"Benefits of the Atkins diet" / "Drawbacks of the Atkins diet" close an article about
    the diet: a one-word name after a longer label, twice the same, is no company profile."""
    opening = "<p>The Atkins diet cuts carbohydrates sharply and lets people eat as much protein and fat as they like, its fans say.</p>"
    closing = (
        "<h2>Benefits of Atkins</h2><p>The diet is simple to follow, and many people lose weight quickly in the first weeks, which Atkins promised.</p>"
        "<h2>Drawbacks of Atkins</h2><p>The diet is not balanced, and Atkins followers may need vitamin supplements, doctors warn.</p>"
    )
    html = f"<html><body><h1>What is the Atkins diet?</h1><div>{opening}{_body(range(4))}{closing}</div></body></html>"
    assert len(_main(html)) == 9


def test_link_box_after_the_text_loses_its_heading_and_intro():
    box = (
        "<div class='v'><h3>Voucher codes</h3><p>For the latest discounts on tech, try the links below:</p>"
        "<ul><li><a href='/a'>Currys discount codes</a></li><li><a href='/b'>Amazon discount codes</a></li></ul></div>"
    )
    html = f"<html><body><h1>10 best power banks</h1><div class='body'>{_body(range(5))}{box}</div></body></html>"
    assert len(_main(html)) == 5


def test_caption_beside_a_bare_figure_is_no_text():
    """A <figure> holding only the picture, its caption in a <p> beside it in a small box."""
    photo = "<div class='photo-group'><figure><img src='/a.jpg' alt='x'></figure><p class='txt'>The director in her office on Tuesday. 2025.3.5</p></div>"
    html = f"<html><body><h1>Harbour works approved</h1><div>{_body(range(2))}{photo}{_body(range(2, 4))}</div></body></html>"
    paragraphs = _main(html)
    assert len(paragraphs) == 4 and not any("director" in p for p in paragraphs)


def test_syndicated_source_line_closing_the_text_is_dropped():
    html = f"<html><body><h1>Desemprego cai</h1><div>{_body(range(4))}<p><em>*Com informações da Agência Brasil</em></p></div></body></html>"
    assert len(_main(html)) == 4


def test_labelled_mail_line_and_heading_of_a_closing_contact_box_are_no_text():
    """A media contact after the text: "E: name@…" is a mail line too, and the box's own
    heading goes with its lines."""
    box = "<div class='box'><h3>Media contact</h3><p>Rebecca Caygill<br>Tel: +44 20 7679 9726<br>E: <a href='mailto:r@uni.example'>r@uni.example</a></p></div>"
    html = f"<html><body><h1>Harbour works approved</h1><article>{_body(range(5))}{box}</article></body></html>"
    text = "\n".join(_main(html))
    assert "Paragraph 4" in text
    assert "Media contact" not in text and "Rebecca" not in text and "Tel:" not in text


def test_paragraph_dek_repeating_the_description_above_the_byline_is_no_text():
    dek = "The council backs the plan after a year of debate about the cost of the harbour works."
    html = (
        f"<html><head><meta name='description' content='{dek}'></head><body><article><header>"
        f"<h1>Harbour works approved</h1><p class='strapline'>{dek}</p><div class='meta'>By Jo Bell</div></header>"
        f"<div class='body'>{_body(range(5))}</div></article></body></html>"
    )
    paragraphs = _main(html)
    assert paragraphs[0].startswith("Paragraph 0") and dek not in paragraphs


def test_time_stamp_closing_the_text_is_dropped_but_a_date_range_is_kept():
    html = f"<html><body><h1>Harbour works approved</h1><article>{_body(range(5))}<p>2025/06/12 14:00 송고</p></article></body></html>"
    assert not any("송고" in p for p in _main(html))
    html = f"<html><body><h1>Harbour works approved</h1><article>{_body(range(5))}<p>29 November 2018 | 20 January 2019</p></article></body></html>"
    assert _main(html)[-1] == "29 November 2018 | 20 January 2019"


def test_heading_repeating_the_headline_inside_the_text_is_dropped():
    html = (
        "<html><head><title>Lemon Ricotta Pancakes - Food Blog</title></head><body><h1>Lemon Ricotta Pancakes</h1>"
        f"<article>{_body(range(5))}<div class='card'><h2>Lemon Ricotta Pancakes</h2><h3>Ingredients</h3>"
        "<ul><li>1 cup ricotta</li><li>2 eggs</li></ul></div></article></body></html>"
    )
    paragraphs = _main(html)
    assert "Lemon Ricotta Pancakes" not in paragraphs and "1 cup ricotta" in paragraphs


def test_box_of_headed_parts_above_the_text_is_dropped_but_a_key_points_list_is_kept():
    verdict = (
        "<div class='verdict'><h4>Our verdict</h4><p>A fun, tough and repairable laptop that students will love, held back by its screen.</p>"
        "<div><h4>Pros</h4><ul><li>Easy to repair</li></ul></div><div><h4>Cons</h4><ul><li>Dim screen</li></ul></div></div>"
    )
    html = f"<html><body><article><h1>Laptop review</h1>{verdict}<div class='body'>{_body(range(8))}</div></article></body></html>"
    paragraphs = _main(html)
    assert paragraphs[0].startswith("Paragraph 0") and "Pros" not in paragraphs
    points = "<div class='points'><h2>Key points</h2><ul><li>The council backs the plan.</li><li>Works start in May.</li></ul></div>"
    html = f"<html><body><article><h1>Harbour works approved</h1>{points}<div class='body'>{_body(range(8))}</div></article></body></html>"
    doc = newsparse.parse(html)  # (left to the header pass, which owns lead lists)
    assert not any(n.reason.startswith("a box above the text") for n in doc.noise)
