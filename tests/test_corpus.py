"""Held-out style pages (tests/fixtures/corpus, 14 languages, HTML and text dumps) parsed
end to end against their ground truth, with tolerances: a page of the same kind as
the dev corpus must come out right in its main parts."""
from __future__ import annotations

import json
import pathlib
import re
import unicodedata
from collections import Counter

import pytest

import newsparse

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
PAGES = sorted(
    p for folder in ("corpus", "corpus2", "corpus3", "corpus4", "corpus5", "corpus6", "corpus7", "corpus8", "corpus9", "corpus10", "corpus11", "corpus12", "corpus13", "corpus14", "corpus15", "corpus16", "corpus17", "corpus18", "corpus19", "corpus20", "corpus21", "corpus22", "corpus23", "corpus24") for p in (FIXTURES / folder).iterdir() if p.suffix in (".html", ".txt")
)
_TOKEN = re.compile(r"[^\W_]", re.UNICODE)


def tokens(text: str) -> Counter[str]:
    """Word tokens; every CJK/kana/Hangul/Thai character counts as one."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    out: list[str] = []
    for word in re.findall(r"\w+", text):
        if any(ord(ch) > 0x2E80 or 0x0E00 <= ord(ch) <= 0x0E7F for ch in word):
            out.extend(word)
        else:
            out.append(word)
    return Counter(out)


def f1(gold: str, predicted: str) -> float:
    a, b = tokens(gold), tokens(predicted)
    overlap = sum((a & b).values())
    if not a and not b:
        return 1.0
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(b.values()), overlap / sum(a.values())
    return 2 * precision * recall / (precision + recall)


def squash(text: str | None) -> str:
    return " ".join((text or "").split())


# Known gaps, kept visible (strict: a fix turns them into failures to be removed here).
KNOWN_GAPS = {
    "c2-01-pt-pt-aveiro-ferry-strike": "a newsletter box titled 'Newsletter <name>' stays in the text",
    "c2-10-he-en-eilat-coral-nursery": "an AI label listed for both images and texts turns related summaries into images",
    "c3-15-fr-fr-beauce-maple-season": "an upper-case credit line without a colon ('PHOTO NAME, ARCHIVES') is not a credit",
    "e7-06-ko-ko-haeundae-night-swimming": "in a mobile-app dump a photo credit line of its own ('/해운대구 제공') under the caption stays in the text (the title under status-bar and icon lines is now found)",
    "e7-11-vi-vi-hanoi-metro-underground": "in a text dump a caption line with its credit inline ('... Cát Linh. Ảnh: Ngọc Thành') stays in the text (title and date above the headline are now found); the dump caption split is images.py's",
    "e10-19-en-en-cheese-listeria-recall": "in a portal dump, 'Story continues' between paragraphs stays in the text although it is a navigation hit (main_text); an unlabelled alt line in a dump is read as a paragraph; the provider name above the date becomes an author",
    "c15-12-es-es-mortgage-rates": "a 'Claves' key-points box (<aside> with <h4> + <li>) between the standfirst and the text stays in the text (a div.keypoints box in held07 is text by its truth: the two conventions differ)",
    "c17-08-ja-ja-alps-hut-booking": "a closing byline in brackets at the end of the last <p> is left in the text",
    "c17-14-ru-ru-ekb-night-trams": "an agency dateline ('ЕКАТЕРИНБУРГ, 12 мая — Уральский вестник.') opens paragraph 1; the subtitle under the <h1> is dropped",
    "c17-18-zh-zh-chengdu-quiet-carriage": "a '原标题：' line and a caption with its credit become paragraphs; names in a combined source/author row are not read",
    "c17-19-en-en-nova-scotia-lobster": "a caption and its credit become paragraphs; commenter names stay in the comment text; a share card's headline becomes a related item",
    "c16-04-ko-en-birth-rate-rebound": "a toolbar label between the <h2> headline and the text ('SNS 보내기', as many Latin as Hangul letters) is kept as a paragraph",
    "c16-06-fr-fr-perche-barn-owls": "in an all-table layout the sidebar, reactions and related list below the article join the main text",
    "c16-08-ja-ja-toyama-shiroebi-catch": "【関連記事】 title-only links become related items; comment sort controls stay in the comment text",
    "c16-19-en-en-iberia-negative-power-prices": "a wire dateline, a newsletter pitch, the credits and an editorial-standards line stay in the text; footer boilerplate becomes a related item",
    "c18-05-de-en-saas-glacier-reader-print": "a browser printout: page counters ('1 von 2') and the repeated print header stay in the text; the AI-labelled alt line stays a paragraph",
    "c18-06-es-es-rotterdam-roofs-translated": "an inline 'Más información' box of two links in one line becomes a related item",
    "c18-06-es-es-vega-water-tariff-poll": "a poll widget (question, answers) stays in the text; the standfirst is dropped",
    "c18-07-ru-ru-kotlas-bridge-gov-portal": "the portal's name becomes the title; attachment links and the press-office sign-off stay in the text",
    "c18-08-pt-en-hydro-surcharge-explainer": "a 'Perguntas e respostas' box heading stays in the text",
    "c19-09-zh-zh-riverside-path": "an editor's picks list (headline + date per line) becomes related items",
    "c19-10-en-en-hebrides-ferry-strike": "related topic tags become related items; a tab-indented caption under 'Image caption,' is lost to noise",
    "c20-17-zh-zh-chengdu-night-market": "comment rows of spans around a <p> ('锦江边的猫' … '赞(48)' '回复') keep their names and buttons in what_people_say",
    "c21-04-nl-en-geothermal-glasshouse": "a Markdown dump: the publisher blurb after a '* * *' rule becomes a fourth related item",
    "c21-14-es-es-feria-ganado-blogger": "a Blogger dump: the blog's description becomes the title; sidebar widgets after the comments join what_people_say",
    "c22-02-de-de-tram-extension": "a Markdown newsletter box headed by a quoted name ('Newsletter „Wesselburg am Morgen“') with an e-mail field stays in the text",
    "c22-03-fr-en-glacier-tunnel": "a language notice under the headline ('Cet article est disponible en anglais uniquement.') and a newsletter pitch stay in the text",
    "c22-04-es-es-water-cuts": "a sponsored card's fine print ('Oferta válida hasta agotar existencias.') becomes a related summary",
    "c22-15-es-pt-crossborder-bus": "a language notice above the text ('Esta noticia se publica en portugués.') stays in it",
    "c22-16-ja-en-snow-festival": "a byline with the desk in brackets ('Kenji Morimoto（報道部）') and the clipper's title line stay in the text",
    "c23-05-fr-fr-lyon-pistes-cyclables": "WordPress: Jetpack related items keep their date and category in the summary; the comments heading '3 réflexions sur « … »' is read as comment text",
    "c23-06-fr-fr-greve-ferries-bretagne": "an audio player's time ('00:00 / 04:12') and its voice-synthesis note stay in the text",
    "c23-10-de-en-berlin-rent-register": "an AI-translation note ('Dieser Artikel wurde mithilfe von KI … übersetzt') stays in the text",
    "c23-18-zh-zh-taipei-night-market-payment": "in-body 延伸閱讀 links become related items; comments are dropped; a caption ending '圖／AI生成示意圖' is taken whole for an AI label",
    "c24-06-fr-fr-grenoble-cours-oasis": "the listen/reading-time widget line becomes the title; a topic tag becomes an author",
    "c24-07-ja-ja-setouchi-ferry": "【関連記事】 headline links and 'ポストする' become related items",
    "c24-10-de-en-alpine-ski-village": "'Datum' / 'Autor' label-value lines after the text stay in it; tags become related items; the AI reactions become a related item",
    "c24-11-es-es-valencia-acequias": "the byline row names no author it can read (NAME + place + dates), so the author's bio box under the text stays in it",
    "c24-13-ru-ru-kazan-river-tram": "a rubric and a dateline above the headline: the site name becomes the title; the caption after its credit line is lost",
    "c24-18-zh-zh-taichung-metro-extension": "'你可能也想看' cards join the main text; in-body 延伸閱讀 links become the related items",
    "c24-20-en-en-island-wind-turbines": "a ticker under a LIVE label (a navigation word, not a ticker label) gives the title; the caption and credit stay as paragraphs",
    "c23-19-en-en-vermont-maple-season": "a contact tagline closing the text ('Hannah Brooks … @hbrooks_vt.') stays in it",
}
# Known gaps of test_nothing_is_lost (strict, like KNOWN_GAPS).
LOST_GAPS: dict[str, str] = {
    "c21-04-nl-en-geothermal-glasshouse": "the truth lists the picture's address '(/media/…jpg)' as a visible string; newsparse reads Markdown as rendered",
    "c21-14-es-es-feria-ganado-blogger": "a Blogger dump: share buttons glued into one line ('Enviar por correo electrónico…') are lost",
    "c22-02-de-de-tram-extension": "the truth keeps Jina Reader's 'Image 1:' numbering in alt texts; newsparse drops it as tool output",
    "c22-08-ru-ru-library-cinema": "the truth keeps Jina Reader's 'Image 1:' numbering in alt texts; newsparse drops it as tool output",
    "c22-15-es-pt-crossborder-bus": "the truth keeps Jina Reader's 'Image 1:' numbering in alt texts; newsparse drops it as tool output",
}


def _with_gaps(pages: list[pathlib.Path], gaps: dict[str, str] = KNOWN_GAPS) -> list[object]:
    return [
        pytest.param(p, id=p.stem, marks=pytest.mark.xfail(reason=gaps[p.stem], strict=True))
        if p.stem in gaps
        else pytest.param(p, id=p.stem)
        for p in pages
    ]


@pytest.mark.parametrize("page", _with_gaps(PAGES))
def test_page_against_its_truth(page: pathlib.Path) -> None:
    truth = json.loads(page.with_suffix(".json").read_text("utf-8"))
    doc = newsparse.parse(page)
    assert squash(doc.main.title) == squash(truth["main"]["title"])
    assert doc.main.language == truth["main"]["language"]
    assert f1(" ".join(truth["main"]["paragraphs"]), doc.main.text) >= 0.9
    assert abs(len(doc.related) - len(truth["related"])) <= 1
    if truth["what_people_say"] is None:
        assert doc.what_people_say is None
    else:
        assert doc.what_people_say is not None
        assert f1(truth["what_people_say"]["text"], doc.what_people_say.text) >= 0.8
    kept = " ".join([doc.main.title or "", doc.main.text, *(r.summary for r in doc.related)])
    leaked = [n for n in truth["noise"] if len(n) > 3 and squash(n) in squash(kept)]
    kept_truth = " ".join([truth["main"]["title"] or "", *truth["main"]["paragraphs"]])
    kept_truth += " ".join(r["summary"] for r in truth["related"])
    assert [n for n in leaked if squash(n) not in squash(kept_truth)] == []


@pytest.mark.parametrize("page", _with_gaps(PAGES, LOST_GAPS))
def test_nothing_is_lost(page: pathlib.Path) -> None:
    """Every visible string of the truth lands in some part of the result."""
    truth = json.loads(page.with_suffix(".json").read_text("utf-8"))
    doc = newsparse.parse(page)
    everything = squash(
        " ".join(
            [
                doc.main.title or "",
                *doc.main.paragraphs,
                *(f"{r.title or ''} {r.summary}" for r in doc.related),
                doc.what_people_say.text if doc.what_people_say else "",
                doc.what_people_say.heading or "" if doc.what_people_say else "",
                *(f"{i.alt or ''} {i.caption or ''}" for i in doc.images),
                *(n.text for n in doc.noise),
            ]
        )
    )
    strings = [truth["main"]["title"] or "", *truth["main"]["paragraphs"], *truth["noise"]]
    strings += [r["summary"] for r in truth["related"]] + [i["alt"] for i in truth["images"]]
    missing = [s for s in strings if s and not set(tokens(s)) <= set(tokens(everything))]
    assert missing == []
