"""Publication dates in other calendars and digits: Arab datelines that print the lunar
Hijri date beside the Gregorian one, Arabic-Indic and Persian digits, Taiwan's Minguo
years; and a head timestamp written in UTC against the page's own dateline."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from lxml import html

import newsparse
from newsparse.meta import HeadMeta, local_date, parse_date, read_head, utc_timestamp, without_lunar_date

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


# --- 1. lunar Hijri + Gregorian datelines ----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("الأحد 14 جمادى الآخرة 1447 هـ - 7 ديسمبر 2025م", dt.date(2025, 12, 7)),
        ("الأربعاء 23 ربيع الآخر 1447 هـ - 15 أكتوبر 2025 م", dt.date(2025, 10, 15)),
        ("الخميس 12 رجب 1447هـ الموافق 1 يناير 2026م", dt.date(2026, 1, 1)),
        ("السبت 5 شوال 1446 الموافق 5 أبريل 2025", dt.date(2025, 4, 5)),  # no marker: the month says lunar
        ("الجمعة ٢٥ جمادى الأولى ١٤٤٧ هـ - ١٤ نوفمبر ٢٠٢٥ م", dt.date(2025, 11, 14)),
        ("1447/06/14 هـ الموافق 2025/12/05", dt.date(2025, 12, 5)),
        ("14/06/1447هـ - 05/12/2025م", dt.date(2025, 12, 5)),
        ("نشر في: 10 ذو القعدة 1446 هجري، 8 مايو 2025", dt.date(2025, 5, 8)),
    ],
)
def test_a_dual_dateline_is_read_in_its_gregorian_half(line: str, expected: dt.date) -> None:
    assert parse_date(line) == expected
    assert parse_date(line, textual=True, languages=("ar",)) == expected


def test_a_persian_dateline_keeps_its_solar_date_beside_the_lunar_one() -> None:
    # 22 Mehr 1404 = 2025-10-14; the lunar 20 Rabi' al-Thani 1447 beside it is set aside
    assert parse_date("سه‌شنبه ۲۲ مهر ۱۴۰۴ - ۲۰ ربیع‌الثانی ۱۴۴۷") == dt.date(2025, 10, 14)
    assert parse_date("۱۴۰۴/۰۶/۲۵") == dt.date(2025, 9, 16)  # a numeric Solar Hijri date still reads


@pytest.mark.parametrize(
    "line",
    [
        "الأحد 14 جمادى الآخرة 1447 هـ",  # a lunar date alone
        "1447/06/14 هـ",
        "14/06/1447هـ",
        "1447/06/14",  # a numeric year this far past today's Solar Hijri years is lunar
        "حصاد موسم 1447 هـ في مكة المكرمة",  # a headline naming the lunar year
        "استعدادات موسم حج 1447 تبدأ مبكرا",
        "ميزانية عام 1447 هـ تتجاوز التوقعات",
    ],
)
def test_a_lunar_year_is_never_a_gregorian_or_solar_year(line: str) -> None:
    assert parse_date(line) is None
    assert parse_date(line, textual=True, languages=("ar",)) is None


def test_without_lunar_date_cuts_only_the_lunar_part() -> None:
    assert without_lunar_date("الأحد 14 جمادى الآخرة 1447 هـ - 7 ديسمبر 2025م") == "الأحد - 7 ديسمبر 2025م"
    assert without_lunar_date("الثلاثاء 14 أكتوبر 2025 - 09:30 ص") == "الثلاثاء 14 أكتوبر 2025 - 09:30 ص"
    assert without_lunar_date("Published 14 October 2025") == "Published 14 October 2025"


# --- 2. Arabic-Indic and Persian digits ------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("الثلاثاء ١٤ أكتوبر ٢٠٢٥ - ٠٩:٣٠ ص", dt.date(2025, 10, 14)),
        ("١٤ أكتوبر ٢٠٢٥", dt.date(2025, 10, 14)),
        ("نشر بتاريخ ٣ ديسمبر ٢٠٢٥", dt.date(2025, 12, 3)),
        ("الأحد ٩ مارس ٢٠٢٥، ١٠:١٥ م", dt.date(2025, 3, 9)),
        ("٢٠٢٥/١٠/١٤ - ٠٩:٣٠", dt.date(2025, 10, 14)),
        ("۲۰۲۵-۱۰-۱۴", dt.date(2025, 10, 14)),  # Persian digits
        ("۱۴ سبتمبر ۲۰۲۵", dt.date(2025, 9, 14)),
    ],
)
def test_arabic_indic_and_persian_digits_read_without_dateparser(line: str, expected: dt.date) -> None:
    assert parse_date(line) == expected


def test_persian_digits_with_a_persian_month_name() -> None:
    assert parse_date("۲۲ اکتبر ۲۰۲۵", textual=True, languages=("fa",)) == dt.date(2025, 10, 22)


def test_arabic_indic_dateline_on_a_page() -> None:
    doc = newsparse.parse(
        "\n\n".join(
            [
                "الرئيسية › اقتصاد",
                "Oman opens a cold-storage hub at the port of Duqm",
                "بقلم Daniel Whitford\nالثلاثاء ١٤ أكتوبر ٢٠٢٥ - ٠٩:٣٠ ص",
                *[f"Paragraph {i} says what the port will store and ship, and for whom, in one sentence." for i in range(5)],
            ]
        ),
        format="text",
    )
    assert doc.main.published == dt.date(2025, 10, 14)


# --- 3. Taiwan's Minguo calendar -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("民國114年9月2日 星期二 下午3:20", dt.date(2025, 9, 2)),
        ("中華民國114年9月2日", dt.date(2025, 9, 2)),
        ("民国114年9月2日 星期二", dt.date(2025, 9, 2)),
        ("中华民国 114 年 12 月 31 日", dt.date(2025, 12, 31)),
        ("民國114/09/02 15:20", dt.date(2025, 9, 2)),
        ("發布日期：民國 114.9.2", dt.date(2025, 9, 2)),
        ("令和7年5月20日", dt.date(2025, 5, 20)),  # the Japanese eras still read
        ("令和元年5月1日", dt.date(2019, 5, 1)),
    ],
)
def test_an_era_year_is_read_in_its_era(line: str, expected: dt.date) -> None:
    assert parse_date(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "台中114年起營養午餐全面免費",  # a headline with a Minguo year, no era named
        "民國114年預算三讀通過",  # an era year, no month and day
        "114年度預算審查",
        "發布日期：114/09/02",  # numeric: only when 民國 is written
        "學生 114/09/02 名單",
    ],
)
def test_an_era_year_alone_is_no_date(line: str) -> None:
    assert parse_date(line) is None
    assert parse_date(line, textual=True, languages=("zh",)) is None


def test_minguo_dateline_on_the_taichung_page() -> None:
    doc = newsparse.parse(FIXTURES / "corpus17" / "c17-17-zh-zh-taichung-school-meals.txt")
    assert doc.main.published == dt.date(2025, 9, 2)


# --- 4. a UTC head timestamp against the visible dateline ------------------------------------------


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        ("2025-05-12T23:45:00+00:00", True),
        ("2025-05-12T23:45:00Z", True),
        ("2025-05-12T23:45:00.000Z", True),
        ("2025-05-12T23:45:00+0000", True),
        ("2025-05-12T23:45:00+02:00", False),  # the publisher's own offset: its date is local
        ("2025-05-12T23:45:00", False),  # no offset: nothing to shift
        ("2025-05-12", False),
        ("12 May 2025", False),
    ],
)
def test_utc_timestamp(text: str, utc: bool) -> None:
    assert (utc_timestamp(text) is not None) is utc


def _head(stamp: str) -> HeadMeta:
    return HeadMeta(published=parse_date(stamp), published_utc=utc_timestamp(stamp))


@pytest.mark.parametrize(
    ("stamp", "visible", "expected"),
    [
        ("2025-05-12T23:45:00+00:00", dt.date(2025, 5, 13), dt.date(2025, 5, 13)),  # Paris, 01:45
        ("2025-05-13T02:10:00Z", dt.date(2025, 5, 12), dt.date(2025, 5, 12)),  # New York, the evening before
        ("2025-05-12T08:00:00Z", dt.date(2025, 5, 13), dt.date(2025, 5, 12)),  # no zone is a day ahead at 08:00
        ("2025-05-12T23:45:00Z", dt.date(2025, 5, 6), dt.date(2025, 5, 12)),  # another event's date
        ("2025-05-12T23:45:00Z", None, dt.date(2025, 5, 12)),
        ("2025-05-12T23:45:00+02:00", dt.date(2025, 5, 13), dt.date(2025, 5, 12)),  # a local timestamp wins
    ],
)
def test_local_date(stamp: str, visible: dt.date | None, expected: dt.date) -> None:
    assert local_date(_head(stamp), visible) == expected


def test_read_head_keeps_the_utc_timestamp_of_the_date_it_chose() -> None:
    utc = read_head(html.fromstring(
        '<html><head><meta property="article:published_time" content="2025-05-12T23:45:00+00:00"></head></html>'
    ))
    assert utc.published == dt.date(2025, 5, 12)
    assert utc.published_utc == dt.datetime(2025, 5, 12, 23, 45, tzinfo=dt.timezone.utc)
    local = read_head(html.fromstring(
        '<html><head><meta property="article:published_time" content="2025-05-12T23:45:00+00:00">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-05-13T01:45:00+02:00"}'
        "</script></head></html>"
    ))
    assert local.published == dt.date(2025, 5, 13)  # JSON-LD first, written in local time
    assert local.published_utc is None


# --- whole pages: read by the header pass --------------------------------------------------------


def test_dual_dateline_on_the_ras_madrakah_page() -> None:
    doc = newsparse.parse(FIXTURES / "corpus16" / "c16-01-ar-en-ras-madrakah-cranes.txt")
    assert doc.main.published == dt.date(2025, 10, 15)


def test_dual_dateline_on_the_riyadh_page() -> None:
    doc = newsparse.parse(FIXTURES / "corpus15" / "c15-02-ar-en-riyadh-club-striker.txt")
    assert doc.main.published == dt.date(2025, 12, 7)


def test_utc_meta_timestamp_yields_to_the_lyon_dateline() -> None:
    doc = newsparse.parse(FIXTURES / "corpus17" / "c17-06-fr-fr-lyon-cantines.html")
    assert doc.main.published == dt.date(2025, 5, 13)


def test_a_lunar_numeric_date_gives_way_to_the_gregorian_one_after_it() -> None:
    assert parse_date("الأحد 1447/06/14 الموافق 2025/12/05") == dt.date(2025, 12, 5)


def test_a_three_digit_year_written_with_year_month_day_is_minguo() -> None:
    assert parse_date("記者林怡君／台北報導 114年4月18日 下午 3:20") == dt.date(2025, 4, 18)
    assert parse_date("114年度預算案今通過") is None  # a fiscal year, no day
    assert parse_date("2025年4月18日") == dt.date(2025, 4, 18)
