"""One truth for every session: the sample built on several days, and every output that names a program or a session
(home, agenda, program pages and their schedules, listings, posters, agenda sheets, calendars, JSON-LD, feeds, open
data, search records) checked against the model's state at the build's moment: a cancelled session or program never
reads as open, a skipped date is never listed, a session over is never offered, and the counts agree."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, timedelta

import icalendar
import pytest
import recurring_ical_events
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from conftest import CONTENT, ROOT, get_settings, moment, run_pelican
from katalog.formatting import day_full
from test_structured_data import google_event_problems

# Before the first session of most programs (the sample's own day); a moment with a session over earlier that day
# (Pelatihan Pembaca Layar, 09.00 to 12.00) and a cancelled one in the coming week (Klinik Karier, 10 December);
# the day after that cancelled session, during courses; and after every program has ended.
MOMENTS = ("2026-11-23", "2026-12-07T12:30", "2026-12-11", "2027-02-15")
LANGUAGES = {"id": "", "en": "en/", "jv": "jv/"}
# Each state's one name, as the theme says it (macros.html status_text); translated from the catalogs.
STATE_WORDS = {"open": "Pendaftaran dibuka", "full": "Kuota penuh", "cancelled": "Dibatalkan", "over": "Sudah lewat"}
PREFIXES = {"cancelled": "Dibatalkan:", "full": "Kuota penuh:"}
# What a moved session says after its time, up to the day it was announced for (macros.html moved_note).
MOVED = {"moved": "dipindah dari %(when)s"}
JOINABLE = ("open", "full")


def build_moment(value: str):
    """KATALOG_TODAY as the build reads it: a day is its first minute, a time is in the sample's zone."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime.fromisoformat(value).replace(tzinfo=ZoneInfo("Asia/Jakarta")) if "T" in value else moment(value)


def words(lang: str, table: dict[str, str]) -> dict[str, str]:
    if lang == "id":
        return table
    with open(ROOT / "theme" / "translations" / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
        catalog = read_po(handle, locale=lang)
    return {state: catalog[text].string for state, text in table.items()}


@pytest.fixture(scope="module", params=MOMENTS)
def built(request, tmp_path_factory):
    output = tmp_path_factory.mktemp("day") / "out"
    result = run_pelican(CONTENT, output, env={"KATALOG_TODAY": request.param})
    assert result.returncode == 0, result.stderr
    return build_moment(request.param), output


@pytest.fixture(scope="module")
def programs():
    from katalog.catalog import load_catalog

    catalog = load_catalog(CONTENT, get_settings())
    return {p.slug: p for p in catalog.programs if p.lang == "id"}


def page(output, path: str) -> BeautifulSoup:
    return BeautifulSoup((output / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def text(node) -> str:
    return " ".join(node.get_text(" ").split())


def slug_of(link) -> str:
    return link["href"].rstrip("/").split("/")[-1]


def test_the_build_moment_is_the_one_asked_for(built):
    now, output = built
    stamp = next(t for t in page(output, ".").find_all("time") if "Diperbarui" in t.parent.get_text())["datetime"]
    assert stamp == now.date().isoformat()


def says_moved(item, session, state: str, lang: str) -> bool:
    """Whether an entry says a session was moved exactly when it was and is still held: the words, and the day it
    was announced for in a <time>."""
    words_before = words(lang, MOVED)["moved"].split("%(when)s")[0].strip()
    announced = {t["datetime"] for t in item.find_all("time")}
    moved = session.moved_from is not None and state != "cancelled"
    return (words_before in text(item)) == moved and (not moved or session.moved_from.isoformat() in announced)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_week_and_agenda_say_each_session_s_own_state(built, programs, lang):
    """The home page's week, the month pages, the week pages and the places' agendas: each entry says the state of its
    own session; the months, and the places together, list every session still to come."""
    now, output = built
    said = words(lang, STATE_WORDS)
    prefix = LANGUAGES[lang]
    agenda = output / prefix / "agenda"
    views = {
        "home": [page(output, f"{prefix}".rstrip("/") or ".")],
        "months": [page(output, f"{prefix}agenda/{folder.name}") for folder in sorted(agenda.iterdir())
                   if re.fullmatch(r"\d{4}-\d{2}", folder.name)],
        "weeks": [page(output, f"{prefix}agenda/{folder.relative_to(agenda)}")
                  for folder in [agenda / "minggu-ini", agenda / "minggu-depan", *sorted((agenda / "minggu").iterdir())]],
        "places": [page(output, f"{prefix}agenda/lokasi/{folder.name}") for folder in sorted((agenda / "lokasi").iterdir())
                   if folder.is_dir()],
    }
    seen = {}
    for view, pages in views.items():
        listed = seen.setdefault(view, set())
        for soup in pages:
            for item in soup.select("ul.agenda-list > li"):
                program = programs[slug_of(item.a)]
                times = {t["datetime"] for t in item.find_all("time")}
                [session] = [s for s in program.sessions if s.start.isoformat() in times] or [None]
                assert session is not None, (now, lang, program.slug, times)
                assert not session.is_over(now), (now, lang, program.slug, session.start)  # a session over is not offered
                assert session.day not in program.skipped
                state = program.session_state(session, now)
                # An entry says its status only when it is not open.
                if state != "open":
                    assert said[state] in text(item), (now, lang, view, program.slug, session.start, state, text(item))
                for other in set(STATE_WORDS) - {state, "open"}:
                    assert said[other] not in text(item), (now, lang, view, program.slug, session.start, other)
                assert says_moved(item, session, state, lang), (now, lang, view, program.slug, session.start)
                listed.add((program.slug, session.start))
    assert seen["weeks"] >= seen["home"], (now, lang, seen["home"] - seen["weeks"])  # this week and the next hold 7 days
    listed = seen["months"]
    assert seen["places"] == listed, (now, lang, seen["places"] ^ listed)
    expected = {(p.slug, s.start) for p in programs.values() for s in p.still_listed(now)}
    assert listed == expected or not expected and not listed, (now, lang, expected ^ listed)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_program_page_says_its_state_its_sessions_and_counts(built, programs, lang):
    now, output = built
    said = words(lang, STATE_WORDS)
    for slug, program in programs.items():
        soup = page(output, f"{LANGUAGES[lang]}program/{slug}")
        state = program.state(now)
        status = text(soup.find(class_="program-status"))
        assert said.get(state, "") in status if state != "past" else said["open"] not in status, (now, slug, status)
        if state not in JOINABLE:
            assert said["open"] not in status and said["full"] not in status
        items = soup.find("ol", class_="sessions").find_all("li", recursive=False)
        assert len(items) == len(program.sessions), slug
        for item, session in zip(items, program.sessions):
            own = program.session_state(session, now)
            if state in ("cancelled", "past"):
                continue  # the page says it once, in its status and title
            assert says_moved(item, session, own, lang), (now, lang, slug, session.start)
            if len(program.sessions) > 1 or own in ("cancelled", "over"):
                for shown in ("cancelled", "over"):
                    assert (said[shown] in text(item)) == (own == shown), (now, lang, slug, session.start, own)
        record = soup.find(attrs={"data-pagefind-meta": "state"})
        assert record.get_text() == state  # the search record's state
        upcoming = soup.find(attrs={"data-pagefind-filter": "upcoming"}).get_text()
        assert upcoming == ("1" if state in JOINABLE else "0")
        when = soup.find(attrs={"data-pagefind-meta": "when"}).get_text()
        to_come = program.upcoming(now)
        shown = to_come[0] if to_come else program.last
        assert str(shown.start.day) in when, (now, slug, when)


def test_the_summary_counts_what_it_says_it_counts(built, programs):
    now, output = built
    for slug, program in programs.items():
        summary = text(page(output, f"program/{slug}").find("dl", class_="summary-list").div)
        off = program.called_off
        if len(program.sessions) > 1:
            assert (f"{len(off)} dibatalkan" in summary) == bool(off), (now, slug, summary)
            assert f"{len(program.sessions)} sesi" in summary, (now, slug, summary)  # a moved session still counts
        to_come_moved = program.moved_to_come(now)
        for session in to_come_moved[:1]:  # the next says when it was announced for; the schedule says the rest
            if session == program.upcoming(now)[0]:
                assert f"dipindah dari {day_full(session.moved_from, 'id')}" in summary, (now, slug, summary)
        assert "dipindah dari" not in summary or to_come_moved, (now, slug, summary)
        to_come = program.upcoming(now)
        if program.state(now) in JOINABLE and len(to_come) > 1:
            assert f"{len(to_come) - 1} sesi lain" in summary, (now, slug, summary)
        else:
            assert "sesi lain" not in summary, (now, slug, summary)
        ahead = program.cancelled_to_come(now)
        assert ("Dibatalkan: " in summary) == bool(ahead and to_come), (now, slug, summary)
        for session in ahead if to_come else ():
            assert f"{session.start.day} " in summary.split("Dibatalkan: ")[1]


def test_listings_cards_say_the_program_state(built, programs):
    now, output = built
    listing = output / "program"
    cards = []
    for index in [listing / "index.html", *sorted(listing.glob("halaman/*/index.html"))]:
        soup = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser")
        cards += soup.select("li.program-card")
    seen = set()
    for card in cards:
        program = programs[slug_of(card.a)]
        state = program.state(now)
        seen.add(program.slug)
        assert ({"cancelled": "Dibatalkan", "past": "Sudah selesai"}.get(state, STATE_WORDS.get(state))
                in text(card)), (now, program.slug, text(card))
        if state not in JOINABLE:
            assert STATE_WORDS["open"] not in text(card)
            assert "Sesi berikutnya" not in text(card)
    assert seen == set(programs)


def test_posters_and_agenda_sheets_say_the_state(built, programs):
    now, output = built
    for slug, program in programs.items():
        state = program.state(now)
        poster = output / "program" / slug / "cetak" / "index.html"
        assert poster.exists() == (state in JOINABLE), (now, slug)
        if not poster.exists():
            continue
        soup = BeautifulSoup(poster.read_text(encoding="utf-8"), "html.parser")
        assert text(soup.h1).startswith(PREFIXES[state]) if state in PREFIXES else not text(soup.h1).endswith(":")
        when = text(soup.find("dt", string="Kapan").find_next_sibling("dd"))
        to_come = program.upcoming(now)
        assert to_come and f"{to_come[0].start.day} " in when
        for session in program.cancelled_to_come(now):
            assert f"Dibatalkan: " in when and f"{session.start.day} " in when.split("Dibatalkan: ")[1], when
        for session in program.moved_to_come(now):
            announced, held = day_full(session.moved_from, "id"), day_full(session.start, "id")
            assert (f"{held}, pukul" in when and f"dipindah dari {announced}" in when
                    or f"Sesi {announced} dipindah ke {held}" in when), (now, slug, when)
        assert ("dipindah" in when) == bool(program.moved_to_come(now)), (now, slug, when)
    for sheet in sorted((output / "agenda").glob("*/cetak/index.html")):
        soup = BeautifulSoup(sheet.read_text(encoding="utf-8"), "html.parser")
        month = sheet.parent.parent.name
        for item in soup.select("article ul > li"):
            title = text(item.strong)
            program = next(p for p in programs.values() if title.endswith(p.title))
            state = program.state(now)
            assert title.startswith(PREFIXES[state]) if state in PREFIXES else title == program.title, (now, title)
            sessions = [s for s in program.still_listed(now) if f"{s.start:%Y-%m}" == month]
            assert sessions, (now, program.slug, month)  # a sheet lists what is still to come, nothing over
            for session in sessions:
                assert session.day not in program.skipped
                marked = re.search(rf"\b{session.start.day} \(dibatalkan\)", text(item)) is not None
                assert marked == (program.session_state(session, now) == "cancelled" and state != "cancelled"), \
                    (now, program.slug, session.start)
                moved = re.search(rf"\b{session.start.day} \(dipindah dari \w+ (\d+)\)", text(item))
                assert (moved and int(moved.group(1))) == (session.moved_from and session.moved_from.day), \
                    (now, program.slug, session.start)


def occurrences(path) -> dict:
    """Every occurrence a calendar application shows for an ICS file, by its start: (status, summary)."""
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    found = {}
    for event in recurring_ical_events.of(calendar).between(date(2026, 1, 1), date(2028, 1, 1)):
        found[event.decoded("DTSTART")] = (str(event.get("STATUS")), str(event.get("SUMMARY")))
    return found


def test_calendars_say_each_session_s_state(built, programs):
    now, output = built
    for slug, program in programs.items():
        shown = occurrences(output / "program" / slug / f"{slug}.ics")
        assert set(shown) == {s.start for s in program.sessions}, (slug, set(shown) ^ {s.start for s in program.sessions})
        for session in program.sessions:
            status, summary = shown[session.start]
            own = program.session_state(session, now)
            assert (status == "CANCELLED") == (own == "cancelled"), (now, slug, session.start, status)
            assert summary.startswith("Dibatalkan:") == (own == "cancelled"), (now, slug, summary)
            assert summary.startswith("Kuota penuh:") == (own == "full"), (now, slug, summary)
        calendar = icalendar.Calendar.from_ical((output / "program" / slug / f"{slug}.ics").read_bytes())
        if program.repeat is None and len(program.sessions) > 1:  # a moved session keeps the UID of its first day
            uids = {event.decoded("DTSTART"): str(event["UID"]) for event in calendar.walk("VEVENT")}
            for session in program.sessions:
                assert uids[session.start].startswith(f"{slug}-{(session.moved_from or session.start):%Y%m%d}")
        for event in calendar.walk("VEVENT"):  # no part of a description said twice
            description = str(event.get("DESCRIPTION"))
            lines = [line for line in description.splitlines() if line.strip()]
            assert len(lines) == len(set(lines)) and "Daring (online). Daring (online)" not in description, slug
    whole = occurrences(output / "kalender.ics")
    for program in programs.values():
        for session in program.sessions:
            own = program.session_state(session, now)
            assert (whole[session.start][0] == "CANCELLED") == (own == "cancelled") or \
                session.start in {s.start for p in programs.values() if p is not program for s in p.sessions}


def test_json_ld_events_say_each_state_by_google_s_rules(built, programs):
    now, output = built
    for slug, program in programs.items():
        soup = page(output, f"program/{slug}")
        graph = json.loads(soup.find("script", type="application/ld+json").string)["@graph"]
        by_id = {node["@id"]: node for node in graph if "@id" in node}
        event = next(node for node in graph if node["@type"] == "Event")
        state = program.state(now)
        alone = program.first.moved_from if len(program.sessions) == 1 else None
        assert google_event_problems(event, by_id, "over" if state == "past" else state, alone) == [], (now, slug)
        for sub in event.get("subEvent", []):
            [session] = [s for s in program.sessions if s.start.isoformat() == sub["startDate"]]
            state_of = program.session_state(session, now)
            assert google_event_problems(sub, by_id, state_of, session.moved_from) == [], (now, slug)
        assert (state in JOINABLE) == ("availability" in event["offers"])


def test_feeds_name_states_as_the_pages_do(built, programs):
    now, output = built
    feed = BeautifulSoup((output / "atom.xml").read_text(encoding="utf-8"), "xml")
    entries = feed.find_all("entry")
    listed = set()
    for entry in entries:
        slug = entry.find("link")["href"].rstrip("/").split("/")[-1]
        program = programs[slug]
        state = program.state(now)
        title = entry.find("title").get_text()
        assert state in ("open", "full", "cancelled"), (now, slug, state)
        assert title.startswith(PREFIXES[state]) if state in PREFIXES else title == program.title, (now, title)
        assert entry.find("published").get_text() <= entry.find("updated").get_text()
        listed.add(slug)
    wanted = {p.slug for p in programs.values() if p.state(now) in ("open", "full", "cancelled")}
    assert listed <= wanted and (listed or not wanted)


def test_open_data_says_each_state(built, programs):
    now, output = built
    data = json.loads((output / "data" / "programs.json").read_text(encoding="utf-8"))
    records = {record["slug"]: record for record in data["programs"]}
    rows = {row["slug"]: row for row in csv.DictReader(io.StringIO(
        (output / "data" / "programs.csv").read_text(encoding="utf-8-sig"), newline=""))}
    for slug, program in programs.items():
        record = records[slug]
        assert record["state"] == program.state(now) == rows[slug]["state"]
        assert [s["state"] for s in record["schedule"]["sessions"]] == \
            [program.session_state(s, now) for s in program.sessions]
        assert [s["moved_from"] for s in record["schedule"]["sessions"]] == \
            [s.moved_from and s.moved_from.isoformat() for s in program.sessions]
        assert not set(record["schedule"]["skipped"]) & {s["start"][:10] for s in record["schedule"]["sessions"]}
        assert int(rows[slug]["sessions_to_come"]) == len(program.upcoming(now))


def test_the_sample_moves_sessions_in_a_rule_and_in_a_list(programs):
    """So that every output above is tried with a moved session: one off a weekly rule, one in a list."""
    moved = [p for p in programs.values() if p.moved]
    assert {p.repeat is None for p in moved} == {True, False}


def test_a_skipped_date_is_never_a_session(programs):
    skipping = [p for p in programs.values() if p.skipped]
    assert skipping
    for program in skipping:
        assert not {s.day for s in program.sessions} & set(program.skipped)
        assert all(program.first.day <= day <= program.last.day + timedelta(days=31) for day in program.skipped)
