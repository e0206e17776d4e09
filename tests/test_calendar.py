"""Calendar files: every .ics the build writes is parsed back with icalendar, expanded with recurring-ical-events,
and compared session by session with the content it came from."""

from __future__ import annotations

import os
import subprocess
from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from bs4 import BeautifulSoup
from dateutil import rrule
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SUBPATH_SITEURL, TODAY, VALID_PROGRAM, moment, run_pelican

from katalog.calendar import EventText, Revision, calendar, program_events, span
from katalog.listings import FACETS, facet_values
from katalog.revisions import program_revisions
from katalog.schedule import RepeatRule, number_sessions

LANGUAGES = {"id": "", "en": "en/", "jv": "jv/"}
EVER = (date(1990, 1, 1), date(2210, 1, 1))
ZONE_NAMES = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


def read(path: Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(path.read_bytes())


def expanded(cal: icalendar.Calendar) -> list:
    return recurring_ical_events.of(cal).between(*EVER)


def occurrences(cal) -> set[tuple[datetime, datetime, bool]]:
    """Each session the calendar holds: start and end in UTC, and whether it is cancelled."""
    found = set()
    for event in expanded(cal):
        found.add((event.decoded("dtstart").astimezone(timezone.utc), event.decoded("dtend").astimezone(timezone.utc),
                   str(event.get("status")) == "CANCELLED"))
    return found


def sessions_of(programs) -> set[tuple[datetime, datetime, bool]]:
    return {(s.start.astimezone(timezone.utc), s.end.astimezone(timezone.utc), s.cancelled or p.status == "cancelled")
            for p in programs for s in p.sessions}


def site_files(site: Path):
    return sorted(site.rglob("*.ics"))


def test_every_program_calendar_matches_its_sessions_in_every_language(published_site, sample_programs):
    assert sample_programs
    for prefix in LANGUAGES.values():
        for program in sample_programs:
            path = published_site / f"{prefix}program/{program.slug}/{program.slug}.ics"
            cal = read(path)
            assert occurrences(cal) == sessions_of([program]), path
            assert len(expanded(cal)) == len(program.sessions), path
            for event in expanded(cal):
                assert event.decoded("dtstart").date() not in program.skipped


def test_repeat_rules_and_skipped_dates_are_written_as_rrule_and_exdate(published_site, sample_programs):
    repeating = [p for p in sample_programs if p.repeat]
    assert any(p.skipped for p in repeating) and any(p.repeat.week for p in repeating)
    for program in repeating:
        cal = read(published_site / f"program/{program.slug}/{program.slug}.ics")
        series = [e for e in cal.walk("VEVENT") if "RRULE" in e]
        assert len(series) == 1, program.key
        exdates = series[0].get("EXDATE")
        written = [] if exdates is None else [d.dt for group in (exdates if isinstance(exdates, list) else [exdates])
                                              for d in group.dts]
        assert sorted(d.date() for d in written) == sorted(program.skipped), program.key
        for moment in written:  # EXDATE has the same type and zone as DTSTART
            assert isinstance(moment, datetime) and moment.time() == program.first.start.time().replace(tzinfo=None)
            assert str(moment.tzinfo) == program.timezone


def test_listed_sessions_are_separate_events_named_by_their_day(published_site, sample_programs):
    listed = [p for p in sample_programs if not p.repeat and len(p.sessions) > 1]
    assert listed and any(p.moved for p in listed)
    for program in listed:
        cal = read(published_site / f"program/{program.slug}/{program.slug}.ics")
        events = cal.walk("VEVENT")
        # by the day each was announced for: a moved session keeps its UID and its event moves
        assert [str(e["UID"]).split("@")[0] for e in events] == [f"{program.key}-{s.moved_from or s.start:%Y%m%d}"
                                                                  for s in program.sessions]
        assert [e.decoded("DTSTART") for e in events] == [s.start for s in program.sessions]
        assert all("RRULE" not in e for e in events)


def test_a_session_keeps_its_uid_when_another_is_removed_or_added_on_its_day(sample_programs):
    """Positional UIDs would renumber the rest: a subscribed calendar would show sessions moving."""
    from katalog.calendar import session_parts

    program = next(p for p in sample_programs if not p.repeat and len(p.sessions) > 2)
    whole = dict(zip(program.sessions, session_parts(program.sessions)))
    without_first = dict(zip(program.sessions[1:], session_parts(program.sessions[1:])))
    assert all(whole[s] == part for s, part in without_first.items())
    second = replace(program.sessions[0], start=program.sessions[0].start + timedelta(hours=4),
                     end=program.sessions[0].end + timedelta(hours=4))
    both = session_parts((program.sessions[0], second))
    assert both == [f"{program.sessions[0].start:%Y%m%dT%H%M}", f"{second.start:%Y%m%dT%H%M}"]


def test_cancelled_programs_and_sessions_are_marked_cancelled(published_site, sample_programs):
    cancelled_programs = [p for p in sample_programs if p.status == "cancelled"]
    cancelled_sessions = [p for p in sample_programs if any(s.cancelled for s in p.sessions)]
    assert cancelled_programs and cancelled_sessions
    for program in cancelled_programs:
        cal = read(published_site / f"program/{program.slug}/{program.slug}.ics")
        assert {str(e["STATUS"]) for e in expanded(cal)} == {"CANCELLED"}
        assert all(str(e["SUMMARY"]).startswith("Dibatalkan:") for e in cal.walk("VEVENT"))
    for program in cancelled_sessions:
        for lang, prefix in LANGUAGES.items():
            cal = read(published_site / f"{prefix}program/{program.slug}/{program.slug}.ics")
            overrides = [e for e in cal.walk("VEVENT") if "RECURRENCE-ID" in e]
            assert [e.decoded("RECURRENCE-ID") for e in overrides] == [s.start for s in program.sessions if s.cancelled]
            assert all(str(e["STATUS"]) == "CANCELLED" for e in overrides)
            assert occurrences(cal) == sessions_of([program])


def test_every_time_has_its_zone_and_a_matching_vtimezone(published_site):
    files = site_files(published_site)
    assert len(files) > 100
    for path in files:
        cal = read(path)
        zones = {str(tz["TZID"]): tz for tz in cal.walk("VTIMEZONE")}
        for event in cal.walk("VEVENT"):
            for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
                if name in event:
                    tzid = event[name].params.get("TZID")
                    assert tzid in zones, (path, name)
                    names = {str(part["TZNAME"]) for part in zones[tzid].walk() if "TZNAME" in part}
                    assert names == {ZONE_NAMES[tzid]}, (path, tzid, names)
            assert event.decoded("DTSTAMP").tzinfo is not None
            rule = event.get("RRULE")
            if rule and rule.get("UNTIL"):
                until = rule["UNTIL"][0] if isinstance(rule["UNTIL"], list) else rule["UNTIL"]
                assert until.utcoffset() == timedelta(0), path  # UNTIL in UTC when DTSTART has a zone


def test_facet_and_whole_catalog_calendars_hold_exactly_their_programs(published_site, sample_programs, sample_catalog):
    paths = sample_catalog.settings["KATALOG_PATHS"]
    whole = read(published_site / f"{paths['calendar']}.ics")
    assert occurrences(whole) == sessions_of(sample_programs)
    checked = 0
    for facet in FACETS:
        for value in facet_values(facet, sample_programs, sample_catalog.vocabularies, moment(TODAY),
                                  program_of=lambda p: p):
            path = published_site / f"en/{paths[facet.name]}/{value.code}/{value.code}.ics"
            if not value.items:
                assert not path.exists()
                continue
            assert occurrences(read(path)) == sessions_of(value.items), path
            checked += 1
    assert checked > 20


def test_uids_are_the_same_in_every_language_and_unique_per_event(published_site, sample_programs):
    per_language = {}
    for lang, prefix in LANGUAGES.items():
        cal = read(published_site / f"{prefix}kalender.ics")
        uids = [(str(e["UID"]), e.get("RECURRENCE-ID") and e.decoded("RECURRENCE-ID")) for e in cal.walk("VEVENT")]
        assert len(uids) == len(set(uids)), lang
        per_language[lang] = set(uids)
    assert per_language["id"] == per_language["en"] == per_language["jv"]
    assert all(uid.endswith("@example.github.io") for uid, _ in per_language["id"])


def test_text_is_in_the_page_language_with_place_access_and_registration(published_site, sample_programs, sample_catalog):
    program = next(p for p in sample_programs if p.key == "kelas-komputer-lansia")
    location = sample_catalog.vocabularies["locations"][program.location]
    words = {"id": ("Tempat:", "Cara mendaftar:", "Aksesibilitas:"), "en": ("Place:", "How to register:", "Accessibility:"),
             "jv": None}
    for lang, prefix in LANGUAGES.items():
        cal = read(published_site / f"{prefix}program/{program.slug}/{program.slug}.ics")
        event = cal.walk("VEVENT")[0]
        for name in ("SUMMARY", "DESCRIPTION", "LOCATION"):
            assert event[name].params["LANGUAGE"] == lang, (lang, name)
        description = str(event["DESCRIPTION"])
        assert location.label.get_text(lang, ("id",)) in description and location.details["address"] in description
        assert program.registration.whatsapp.display in description
        assert f"{SUBPATH_SITEURL}/{prefix}program/{program.slug}/" == str(event["URL"])
        assert str(event["URL"]) in description
        if words[lang]:
            assert all(word in description for word in words[lang]), description
        for feature in program.accessibility.features:
            label = sample_catalog.vocabularies["accessibility"][feature].label.get_text(lang, ("id",))
            assert label in description, (lang, label)
        assert "<" not in description and "&amp;" not in description and "&#" not in description
    titles = {lang: str(read(published_site / f"{prefix}program/{program.slug}/{program.slug}.ics")
                        .walk("VEVENT")[0]["SUMMARY"]) for lang, prefix in LANGUAGES.items()}
    assert titles["id"] == program.title and titles["en"] != titles["id"]


def test_program_pages_link_the_calendar_file_and_google_calendar(published_site, sample_programs):
    subpath = urlsplit(SUBPATH_SITEURL).path
    for program in sample_programs:
        for lang, prefix in LANGUAGES.items():
            page = BeautifulSoup((published_site / f"{prefix}program/{program.slug}/index.html").read_text(), "html.parser")
            links = page.select(".calendar-links a")
            if program.state(moment(TODAY)) not in ("open", "full"):
                assert not links
                continue
            ics, google = links
            path = urlsplit(ics["href"]).path
            assert path.startswith(subpath + "/") and (published_site / path[len(subpath) + 1:]).is_file()
            query = parse_qs(urlsplit(google["href"]).query)
            assert query["ctz"] == [program.timezone] and query["action"] == ["TEMPLATE"]
            start, end = query["dates"][0].split("/")
            upcoming = [s for s in program.sessions if s.end.date() >= date.fromisoformat(TODAY) and not s.cancelled]
            stamp = upcoming[0].start.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
            assert start == stamp
            if "recur" in query:
                rule = rrule.rrulestr(query["recur"][0].removeprefix("RRULE:"),
                                      dtstart=upcoming[0].start)
                assert len(list(rule)) == len(program.sessions) and not program.skipped


@pytest.fixture(scope="module")
def wit_site(tmp_path_factory):
    """A catalog in Eastern Indonesia (WIT) with listed sessions, a cancelled session and a skipped first date,
    in a Git repository, built twice."""
    from conftest import ContentFolder

    root = tmp_path_factory.mktemp("wit")
    content = ContentFolder(root / "content")
    listed = VALID_PROGRAM.replace("""  start: 2026-12-02 09:00
  end: "11:00"
  repeat: {every: week, count: 4}
  except: [2026-12-09]""", """  timezone: Asia/Jayapura
  cancelled: [2026-12-09]
  sessions:
    - {start: 2026-12-02 09:00, end: "11:00", topic: Mengenal papan ketik}
    - {start: 2026-12-09 09:00, end: "11:00", topic: Menulis surat}
    - {start: 2026-12-20 13:00, end: "2026-12-21 10:00", topic: Berkemah menulis}""")
    content.program("kelas-wit", listed)
    skipped_first = VALID_PROGRAM.replace("except: [2026-12-09]", "except: [2026-12-02]\n  timezone: Asia/Jayapura")
    content.program("kelas-lewat-awal", skipped_first)
    environment = {"GIT_AUTHOR_NAME": "Pustakawan", "GIT_AUTHOR_EMAIL": "p@example.id", "GIT_COMMITTER_NAME": "Pustakawan",
                   "GIT_COMMITTER_EMAIL": "p@example.id", "GIT_AUTHOR_DATE": "2026-11-20T08:00:00+07:00",
                   "GIT_COMMITTER_DATE": "2026-11-20T08:00:00+07:00", "HOME": str(root), "PATH": os.environ["PATH"]}
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "Program baru"]):
        subprocess.run(["git", *command], cwd=root, env=environment, check=True)
    outputs = []
    for run in range(2):
        output = root / f"output{run}"
        result = run_pelican(content.root, output, env={"SITEURL": ""})
        assert result.returncode == 0, result.stderr
        outputs.append(output)
    return root, content, outputs


def test_eastern_indonesia_listed_and_cancelled_sessions(wit_site):
    _, content, (output, _) = wit_site
    catalog = content.load()
    assert not catalog.problems, catalog.problems
    for program in (p for p in catalog.programs if p.lang == "id"):
        for prefix in LANGUAGES.values():
            cal = read(output / f"{prefix}program/{program.slug}/{program.slug}.ics")
            assert occurrences(cal) == sessions_of([program])
            assert {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")} == {"Asia/Jayapura"}
    listed = read(output / "program/kelas-wit/kelas-wit.ics").walk("VEVENT")
    assert [str(e["STATUS"]) for e in listed] == ["CONFIRMED", "CANCELLED", "CONFIRMED"]
    assert str(listed[1]["SUMMARY"]) == "Dibatalkan: Kelas Uji Coba (sesi 2 dari 3): Menulis surat"
    assert listed[2].decoded("DTEND") - listed[2].decoded("DTSTART") == timedelta(hours=21)
    series = read(output / "program/kelas-lewat-awal/kelas-lewat-awal.ics").walk("VEVENT")[0]
    # The rule starts on its own first day, which is skipped: COUNT and EXDATE then mean what the content says.
    assert series.decoded("DTSTART") == datetime(2026, 12, 2, 9, 0, tzinfo=ZoneInfo("Asia/Jayapura"))


def test_builds_of_one_commit_write_the_same_calendars(wit_site):
    _, _, (first, second) = wit_site
    files = sorted(p.relative_to(first) for p in first.rglob("*.ics"))
    assert len(files) > 10
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_sequence_and_stamp_follow_the_content_history(wit_site):
    root, content, (output, _) = wit_site
    event = read(output / "program/kelas-wit/kelas-wit.ics").walk("VEVENT")[0]
    assert int(event["SEQUENCE"]) == 0
    assert event.decoded("DTSTAMP") == datetime(2026, 11, 20, 1, 0, tzinfo=timezone.utc)
    program_dir = content.root / "programs"
    environment = {"GIT_AUTHOR_NAME": "P", "GIT_AUTHOR_EMAIL": "p@example.id", "GIT_COMMITTER_NAME": "P",
                   "GIT_COMMITTER_EMAIL": "p@example.id", "GIT_AUTHOR_DATE": "2026-11-21T09:30:00+07:00",
                   "GIT_COMMITTER_DATE": "2026-11-21T09:30:00+07:00", "HOME": str(root), "PATH": os.environ["PATH"]}
    path = program_dir / "kelas-wit" / "id.md"
    path.write_text(path.read_text().replace("Ibu Uji", "Ibu Uji Coba"))
    subprocess.run(["git", "commit", "-q", "-am", "Narahubung baru"], cwd=root, env=environment, check=True)
    today = date.fromisoformat(TODAY)
    revisions = program_revisions(program_dir, {"kelas-wit", "kelas-lewat-awal"}, today, "Asia/Jakarta")
    first = datetime(2026, 11, 20, 1, 0, tzinfo=timezone.utc)
    assert revisions["kelas-wit"] == Revision(1, datetime(2026, 11, 21, 2, 30, tzinfo=timezone.utc), first)
    assert revisions["kelas-wit"].published == first  # what a feed says was first published
    assert revisions["kelas-lewat-awal"].sequence == 0
    path.write_text(path.read_text().replace("Ibu Uji Coba", "Ibu Uji"))  # changed, not yet committed
    (program_dir / "baru").mkdir()
    (program_dir / "baru" / "id.md").write_text(VALID_PROGRAM)
    revisions = program_revisions(program_dir, {"kelas-wit", "baru"}, today, "Asia/Jakarta")
    start_of_today = datetime(2026, 11, 22, 17, 0, tzinfo=timezone.utc)
    assert revisions["kelas-wit"] == Revision(2, start_of_today, first)
    assert revisions["baru"] == Revision(0, start_of_today, start_of_today)


def test_outside_git_revisions_come_from_source_date_epoch(tmp_path, monkeypatch):
    (tmp_path / "programs" / "a").mkdir(parents=True)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")
    revisions = program_revisions(tmp_path / "programs", {"a"}, date(2026, 11, 23), "Asia/Jakarta")
    assert revisions == {"a": Revision(0, datetime.fromtimestamp(1795000000, timezone.utc))}


RULES = st.builds(
    lambda frequency, interval, count, weeks, weekdays, start, skip: (frequency, interval, count, weeks, weekdays, start, skip),
    st.sampled_from([rrule.DAILY, rrule.WEEKLY, rrule.MONTHLY]), st.integers(1, 3), st.integers(1, 12),
    st.sampled_from([None, 1, 2, 3, 4, -1]), st.lists(st.integers(0, 6), max_size=3, unique=True),
    st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31)).map(lambda d: d.replace(second=0, microsecond=0)),
    st.lists(st.integers(0, 11), max_size=3, unique=True),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(RULES, st.sampled_from(sorted(ZONE_NAMES)), st.booleans())
def test_any_repeat_rule_round_trips_through_rrule(sample_programs, drawn, zone_name, use_until):
    frequency, interval, count, week, weekdays, start, skip = drawn
    if week and frequency != rrule.MONTHLY:
        week = None
    if week:
        from katalog.schedule import week_of_month
        nth, last = week_of_month(start.date())
        if week == -1 and not last or week not in (-1, nth):
            week = -1 if last else nth
        weekdays = []
    elif weekdays and start.weekday() not in weekdays:
        weekdays = [start.weekday(), *weekdays]
    until = None
    if use_until:
        rule = RepeatRule(frequency, interval, count, None, tuple(weekdays), week)
        until = rule.occurrences(start, 200)[-1].date()
        count = None
    rule = RepeatRule(frequency, interval, count, until, tuple(weekdays), week)
    starts = rule.occurrences(start, 200)
    skipped = tuple(sorted({starts[i].date() for i in skip if i < len(starts) - 1}))
    kept = [s for s in starts if s.date() not in skipped]
    tz = ZoneInfo(zone_name)
    sessions = number_sessions([(s.replace(tzinfo=tz), (s + timedelta(minutes=90)).replace(tzinfo=tz), "") for s in kept])
    if 1 in skip and len(sessions) > 1:  # a cancelled session, as an override of the series
        sessions = tuple(replace(s, cancelled=s.number == 2) for s in sessions)
    program = replace(sample_programs[0], sessions=sessions, repeat=rule, skipped=skipped, timezone=zone_name,
                      status="open", key="uji")
    text = EventText("id", "Uji", "Deskripsi", "Tempat", None, cancelled_summary="Dibatalkan: Uji",
                     state=program.state(moment(TODAY)),
                     session_states=tuple(program.session_state(s, moment(TODAY)) for s in program.sessions))
    events = program_events(program, text, Revision(0, datetime(2026, 1, 1, tzinfo=timezone.utc)), "example.id")
    cal = icalendar.Calendar.from_ical(calendar(events, "Uji", "id", span([program])))
    assert occurrences(cal) == sessions_of([program])


def test_a_cancelled_session_is_marked_first_on_the_program_page_and_in_the_agenda(built_site, sample_programs):
    program = next(p for p in sample_programs if any(s.cancelled for s in p.sessions) and p.status != "cancelled")
    page = BeautifulSoup((built_site / f"program/{program.slug}/index.html").read_text(), "html.parser")
    rows = [li.get_text(" ", strip=True) for li in page.select("ol.sessions li")]
    assert len(rows) == len(program.sessions)
    for session, row in zip(program.sessions, rows):
        assert row.startswith("Dibatalkan:") == session.cancelled, row
    day = next(s for s in program.sessions if s.cancelled).day
    agenda = BeautifulSoup((built_site / f"agenda/{day:%Y-%m}/index.html").read_text(), "html.parser")
    section = agenda.find(id=f"day-{day.isoformat()}").find_next_sibling("ul")
    entry = next(li for li in section.select("li") if program.title in li.get_text())
    assert entry.a.get_text(" ", strip=True).startswith("Dibatalkan:")
    others = agenda.find(id=f"day-{program.first.day.isoformat()}").find_next_sibling("ul")
    first = next(li for li in others.select("li") if program.title in li.get_text())
    assert not first.a.get_text(" ", strip=True).startswith("Dibatalkan")
