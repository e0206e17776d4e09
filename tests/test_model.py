"""The content model: schedules, time zones, states, contacts and money, as the templates will show them."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from conftest import VALID_PROGRAM, moment, with_sessions
from katalog import formatting
from katalog.frontmatter import SourceError, read_document


def load_one(content, text=VALID_PROGRAM, **settings):
    content.program("kelas-uji", text)
    catalog = content.load(**settings)
    assert catalog.problems == [], [p.format("id") for p in catalog.problems]
    return catalog.programs[0]


def test_front_matter_keeps_the_librarians_text_and_lines():
    document = read_document(b"---\ntitle: Kelas\nphone: 0812 3301\nflag: no\ntime: 11:00\n---\nIsi\n")
    assert document.meta["phone"] == "0812 3301"  # not a number
    assert document.meta["flag"] == "no"  # not a boolean
    assert document.meta["time"] == "11:00"  # not sexagesimal 660
    assert document.meta.line_of("time") == 5
    assert document.body == "Isi\n"
    assert document.body_line == 7


def test_unclosed_front_matter_is_an_error():
    with pytest.raises(SourceError) as raised:
        read_document(b"---\ntitle: Kelas\n")
    assert raised.value.code == "unclosed_front_matter"


def test_weekly_rule_skips_the_holiday_and_keeps_the_location_time_zone(content):
    program = load_one(content)
    assert program.timezone == "Asia/Makassar"  # from cabang-gilimanuk
    assert [s.start.date() for s in program.sessions] == [date(2026, 12, 2), date(2026, 12, 16), date(2026, 12, 23)]
    assert program.skipped == (date(2026, 12, 9),)
    first = program.sessions[0]
    assert first.start == datetime(2026, 12, 2, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))
    assert (first.number, first.total) == (1, 3)
    assert first.end.hour == 11


def test_rule_on_named_days(content):
    text = VALID_PROGRAM.replace("{every: week, count: 4}", "{every: week, days: [senin, kamis], until: 2026-12-14}") \
        .replace("except: [2026-12-09]", "except: [2026-12-10]").replace("start: 2026-12-02", "start: 2026-12-03")
    program = load_one(content, text)
    assert [s.start.strftime("%a %d") for s in program.sessions] == ["Thu 03", "Mon 07", "Mon 14"]


def test_listed_sessions_are_numbered_in_time_order(content):
    text = with_sessions('{start: 2026-12-09 13:00, end: "15:00", topic: Kedua}',
                         '{start: 2026-12-02 13:00, end: "2026-12-02 15:30", topic: Pertama}')
    program = load_one(content, text)
    assert [(s.number, s.topic) for s in program.sessions] == [(1, "Pertama"), (2, "Kedua")]


def test_online_program_takes_the_site_time_zone_unless_it_names_one(content):
    text = VALID_PROGRAM.replace("location: cabang-gilimanuk", "location: online")
    content.site("timezone", "Asia/Jayapura")
    program = load_one(content, text)
    assert (program.mode, program.timezone) == ("online", "Asia/Jayapura")


def test_status_past_is_derived_from_the_configured_day(content):
    text = VALID_PROGRAM.replace("status: open", "status: full")
    program = load_one(content, text)
    assert program.state(moment(date(2026, 12, 1))) == "full"
    assert program.state(moment(date(2026, 12, 23))) == "full"  # the last session is that day
    assert program.state(moment(date(2026, 12, 24))) == "past"


def test_phone_numbers_become_international_for_links(content):
    program = load_one(content)
    assert program.registration.whatsapp.number == "+6281233014455"
    assert program.registration.whatsapp.display == "0812-3301-4455"
    assert program.contact.phone.number == "+62333421876"


@pytest.mark.parametrize("written, amount", [("gratis", 0), ("25000", 25000), ("Rp 25.000", 25000), ("free", 0)])
def test_cost(content, written, amount):
    assert load_one(content, VALID_PROGRAM.replace("cost: gratis", f"cost: {written}")).cost == amount


@pytest.mark.parametrize("lang, day, times", [
    ("id", "Rabu, 2 Desember 2026", ("09.00", "11.00", "WITA")),
    ("en", "Wednesday, 2 December 2026", ("09:00", "11:00", "WITA")),
    ("jv", "Rabu, 2 Desember 2026", ("09.00", "11.00", "WITA")),
])
def test_dates_and_times_say_their_zone_in_each_language(content, lang, day, times):
    """No zero-padded days, British order in English, each language's clock; the zone as Indonesians write it."""
    session = load_one(content).sessions[0]
    assert formatting.day_full(session.start, lang) == day
    assert (formatting.hour(session.start, lang), formatting.hour(session.end, lang),
            formatting.zone_abbreviation(session.start)) == times


def test_lists_are_joined_in_words():
    assert formatting.join_list(["a", "b", "c"], "id") == "a, b, dan c"
    assert formatting.join_list(["a", "b"], "en") == "a and b"
    assert formatting.join_list(["a", "b"], "jv") == "a lan b"
    # An item with its own "and" (or a comma) is kept whole: the items are joined with semicolons instead.
    assert formatting.join_list(["Pencari kerja", "Pelajar dan mahasiswa"], "id") == "Pencari kerja; Pelajar dan mahasiswa"
    assert formatting.join_list(["Job seekers", "Students and Pupils", "Parents"], "en") == (
        "Job seekers; Students and Pupils; Parents")
    assert formatting.join_list(["Wong tuwa", "Pelajar lan mahasiswa"], "jv") == "Wong tuwa; Pelajar lan mahasiswa"
    assert formatting.join_list(["Danau", "Pandan"], "id") == "Danau dan Pandan"


def test_an_online_session_in_the_other_indonesian_zones():
    start = datetime(2026, 12, 1, 19, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    others = formatting.in_zones(start)
    assert [(formatting.zone_abbreviation(m), formatting.hour(m, "id")) for m in others] == [
        ("WITA", "20.00"), ("WIT", "21.00")]


def test_zone_abbreviations_for_all_indonesian_zones():
    moment = datetime(2026, 12, 2, 9, 0)
    abbreviations = [formatting.zone_abbreviation(moment.replace(tzinfo=ZoneInfo(name)))
                     for name in ("Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura")]
    assert abbreviations == ["WIB", "WIB", "WITA", "WIT"]
    assert formatting.zone_abbreviation(moment.replace(tzinfo=ZoneInfo("Asia/Kolkata"))) in ("UTC+5:30", "IST")


def test_money_in_rupiah():
    assert formatting.money(50000, "id") == "Rp50.000"
    assert formatting.money(50000, "en") == "IDR50,000"


def test_the_sample_catalog_is_valid(sample_catalog):
    assert sample_catalog.problems == []
    assert len(sample_catalog.programs) >= 24
    zones = {p.timezone for p in sample_catalog.programs}
    assert {"Asia/Jakarta", "Asia/Makassar"} <= zones
    states = {p.state(sample_catalog.settings["KATALOG_NOW"]) for p in sample_catalog.programs}
    assert {"open", "full", "cancelled", "past"} <= states
    assert any(p.online for p in sample_catalog.programs)
    assert any(p.mode == "hybrid" for p in sample_catalog.programs)
    assert sum("inl" in p.languages for p in sample_catalog.programs) >= 3
    assert any(p.skipped for p in sample_catalog.programs)
    assert any(p.sessions[0].topic for p in sample_catalog.programs)


def test_a_phrase_in_another_language_is_marked_with_lang():
    from markdown import Markdown

    from katalog.language_of_parts import LanguageOfParts

    html = Markdown(extensions=["extra", LanguageOfParts()]).convert(
        "Kami menyapa: [Sugeng rawuh]{jv}. Belajar [spreadsheet]{en-GB} dan [tautan](https://example.org).")
    assert '<span lang="jv">Sugeng rawuh</span>' in html
    assert '<span lang="en-GB">spreadsheet</span>' in html
    assert '<a href="https://example.org">tautan</a>' in html


def test_the_sample_marks_phrases_in_other_languages(built_site):
    page = (built_site / "program" / "bahasa-isyarat-dasar" / "index.html").read_text(encoding="utf-8")
    assert '<span lang="ban">Om Swastiastu</span>' in page


MONTHLY = VALID_PROGRAM.replace("start: 2026-12-02 09:00", "start: 2026-12-05 09:00").replace(
    "except: [2026-12-09]", "except: []")


@pytest.mark.parametrize("week, days", [
    ("1", ["2026-12-05", "2027-01-02", "2027-02-06", "2027-03-06"]),
    ("pertama", ["2026-12-05", "2027-01-02", "2027-02-06", "2027-03-06"]),
])
def test_a_monthly_repeat_on_the_nth_weekday(content, week, days):
    text = MONTHLY.replace("repeat: {every: week, count: 4}", f"repeat: {{every: month, week: {week}, count: 4}}")
    program = load_one(content, text)
    assert [s.start.date().isoformat() for s in program.sessions] == days
    assert {s.start.weekday() for s in program.sessions} == {5}


def test_a_monthly_repeat_on_the_last_weekday(content):
    text = MONTHLY.replace("start: 2026-12-05 09:00", "start: 2026-12-26 09:00").replace(
        "repeat: {every: week, count: 4}", "repeat: {every: month, week: terakhir, count: 3}")
    program = load_one(content, text)
    assert [s.start.date().isoformat() for s in program.sessions] == ["2026-12-26", "2027-01-30", "2027-02-27"]


def test_a_monthly_repeat_that_drifts_across_weekdays_is_a_warning(content):
    content.program("kelas-uji", MONTHLY.replace("repeat: {every: week, count: 4}", "repeat: {every: month, count: 4}"))
    catalog = content.load()
    assert catalog.problems == []
    [warning] = catalog.warnings
    assert warning.code == "monthly_drift" and warning.field == "schedule.repeat"
    message = warning.format("id")
    assert "sabtu, selasa, jumat, jumat" in message.lower() and "week: 1" in message  # 5 Dec, Jan, Feb, Mar


@pytest.mark.parametrize("repeat, words", [
    ("{every: month, week: 2, count: 3}", "bukan yang disebut week"),
    ("{every: week, week: 1, count: 3}", "week dipakai bersama every: month"),
    ("{every: month, week: lima, count: 3}", "week dipakai bersama every: month"),
])
def test_a_week_that_does_not_fit_is_an_error(content, repeat, words):
    content.program("kelas-uji", MONTHLY.replace("repeat: {every: week, count: 4}", f"repeat: {repeat}"))
    [problem] = content.load().problems
    assert problem.field == "schedule.repeat" and words in problem.format("id")


@pytest.mark.parametrize("count, sizes", [(12, [12]), (18, [18]), (19, [12, 7]), (28, [12, 16]), (30, [12, 12, 6])])
def test_short_listings_stay_one_page_and_no_last_page_is_nearly_empty(count, sizes):
    from katalog.listings import paginate

    pages = paginate(list(range(count)), 12, "program/", "halaman")
    assert [len(p.items) for p in pages] == sizes
    assert [p.url for p in pages][:2] == ["program/", "program/halaman/2/"][:len(sizes)]
