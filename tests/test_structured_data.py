"""JSON-LD on program pages and the home page, read back with extruct as a search engine would, and checked against
the content: dates with offsets, the repeat schedule, status, place, price, languages, organiser, breadcrumbs."""

from __future__ import annotations

from datetime import date, datetime

import extruct
import pytest
from dateutil import rrule

from conftest import SUBPATH_SITEURL, TODAY, moment

LANGUAGES = {"id": "", "en": "en/", "jv": "jv/"}
SCHEMA = "https://schema.org/"
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
FREQUENCIES = {"D": rrule.DAILY, "W": rrule.WEEKLY, "M": rrule.MONTHLY}


def graph_of(path, url):
    data = extruct.extract(path.read_text(encoding="utf-8"), base_url=url, syntaxes=["json-ld"])["json-ld"]
    assert len(data) == 1, data
    return data[0]["@graph"]


def empty_values(value, where="$"):
    if value in (None, "", [], {}):
        yield where
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from empty_values(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from empty_values(item, f"{where}[{index}]")


def aware(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    assert moment.tzinfo is not None, text
    return moment


# Google's Event rules (developers.google.com/search/docs/appearance/structured-data/event): what an Event must
# have, and what it should have where the program has it.
EVENT_REQUIRED = ("name", "startDate", "location")
EVENT_RECOMMENDED = ("description", "endDate", "eventAttendanceMode", "eventStatus", "offers", "organizer")
OFFER_RECOMMENDED = ("price", "priceCurrency", "url")
# Google's Course info rules: a course and its instance.
COURSE_REQUIRED = ("name", "description", "provider", "offers", "hasCourseInstance")
INSTANCE_REQUIRED = ("courseMode",)


def google_event_problems(event: dict, nodes_by_id: dict, state: str, moved_from: datetime | None = None) -> list[str]:
    """What Google's Event rules find missing or wrong in one Event node, given the program's or session's state
    and, for a session moved from the day it was announced for, that start (Google: a rescheduled event says
    EventRescheduled, its new dates, and its previousStartDate)."""
    problems = [f"missing {name}" for name in EVENT_REQUIRED + EVENT_RECOMMENDED if name not in event]
    for name in ("startDate", "endDate"):
        if name in event and datetime.fromisoformat(event[name]).tzinfo is None:
            problems.append(f"{name} without a time zone offset")
    for place in event.get("location", []):
        if place["@type"] == "Place" and not (place.get("address") or {}).get("streetAddress"):
            problems.append("Place without an address")
        if place["@type"] == "VirtualLocation" and not place.get("url"):
            problems.append("VirtualLocation without url")
    offers = event.get("offers") or {}
    problems += [f"offers without {name}" for name in OFFER_RECOMMENDED if name not in offers]
    wanted = {"open": "InStock", "full": "SoldOut"}.get(state)
    if offers.get("availability") != (SCHEMA + wanted if wanted else None):
        problems.append(f"availability {offers.get('availability')} for a program or session that is {state}")
    organizer = event.get("organizer") or {}
    organizer = nodes_by_id.get(organizer.get("@id"), organizer)
    if not (organizer.get("name") and organizer.get("url")):
        problems.append("organizer without name and url")
    moved = moved_from is not None and state != "cancelled"
    status = SCHEMA + ("EventCancelled" if state == "cancelled" else "EventRescheduled" if moved else "EventScheduled")
    if event.get("eventStatus") != status:
        problems.append(f"eventStatus {event.get('eventStatus')} for {state}")
    previous = event.get("previousStartDate")
    if (datetime.fromisoformat(previous) if previous else None) != (moved_from if moved else None):
        problems.append(f"previousStartDate {previous} for a session announced for {moved_from}")
    return problems


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_program_page_describes_its_program_as_an_event(published_site, sample_programs, lang):
    from katalog.structured import says_every_session

    prefix = LANGUAGES[lang]
    now = moment(TODAY)
    seen = {"course": 0, "subEvent": 0, "eventSchedule": 0}
    for program in sample_programs:
        url = f"{SUBPATH_SITEURL}/{prefix}program/{program.slug}/"
        graph = graph_of(published_site / f"{prefix}program/{program.slug}/index.html", url)
        assert not list(empty_values(graph)), list(empty_values(graph))
        nodes = {node["@type"]: node for node in graph}
        by_id = {node["@id"]: node for node in graph if "@id" in node}
        item = nodes["Event"]
        state = program.state(now)
        alone = program.first.moved_from if len(program.sessions) == 1 else None
        assert google_event_problems(item, by_id, {"past": "over"}.get(state, state), alone) == [], program.slug
        assert item["@id"] == url + "#program" and item["url"] == url and item["name"] and item["description"]
        assert item["inLanguage"] == list(program.languages)
        assert item["isAccessibleForFree"] == (program.cost == 0)
        assert item["offers"]["price"] == program.cost and item["offers"]["priceCurrency"] == "IDR"
        assert [a["audienceType"] for a in item["audience"]] and len(item["audience"]) == len(program.audiences)
        assert len(item.get("contributor", [])) == len(program.partners) == len(item.get("performer", []))
        library = nodes["Library"]
        assert item["organizer"]["@id"] == library["@id"]
        crumbs = nodes["BreadcrumbList"]["itemListElement"]
        assert [c["position"] for c in crumbs] == [1, 2, 3] and crumbs[-1]["item"] == url
        assert aware(item["startDate"]) == program.first.start and aware(item["endDate"]) == program.last.end
        mode = {"offline": "Offline", "online": "Online", "hybrid": "Mixed"}[program.mode]
        assert item["eventAttendanceMode"] == f"{SCHEMA}{mode}EventAttendanceMode"
        check_location(item, program)
        if says_every_session(program):
            seen["subEvent"] += 1
            listed = program.sessions if program.repeat is None else program.still_listed(now)
            sessions = item["subEvent"]
            assert [(aware(e["startDate"]), aware(e["endDate"])) for e in sessions] == [(s.start, s.end) for s in listed]
            for event, session in zip(sessions, listed):
                own = program.session_state(session, now)
                assert google_event_problems(event, by_id, own, session.moved_from) == [], (program.slug, session.start)
                check_location(event, program)
            assert "eventSchedule" not in item
        else:
            assert "subEvent" not in item
            if program.repeat:
                seen["eventSchedule"] += 1
                check_schedule(item["eventSchedule"], program)
            else:
                assert "eventSchedule" not in item
        course = nodes.get("Course")
        assert bool(course) == program.course, program.slug
        if course:
            seen["course"] += 1
            assert all(course.get(name) for name in COURSE_REQUIRED), course
            assert course["provider"]["@id"] == library["@id"] and course["subjectOf"]["@id"] == item["@id"]
            [instance] = course["hasCourseInstance"]
            assert all(instance.get(name) for name in INSTANCE_REQUIRED)
            assert instance.get("courseSchedule") or instance.get("courseWorkload")
    assert all(seen.values()), seen


def check_location(item, program):
    places = {place["@type"]: place for place in item["location"]}
    assert ("VirtualLocation" in places) == (program.mode in ("online", "hybrid"))
    assert ("Place" in places) == (not program.online)
    if "Place" in places:
        place = places["Place"]
        assert place["name"] and place["address"]["streetAddress"] and place["address"]["addressCountry"] == "ID"
        assert all(f["value"] is True and f["name"] for f in place.get("amenityFeature", []))


def check_schedule(schedule, program):
    """The Schedule, expanded as schema.org defines it, gives exactly the sessions that are held: repeatCount of
    them, the dates in exceptDate left out; byMonthWeek within 1 to 5."""
    amount, unit = int(schedule["repeatFrequency"][1:-1]), schedule["repeatFrequency"][-1]
    start = datetime.combine(date.fromisoformat(schedule["startDate"]),
                             datetime.strptime(schedule["startTime"], "%H:%M:%S").time())
    until = datetime.combine(date.fromisoformat(schedule["endDate"]), datetime.max.time())
    days = [DAYS.index(day.removeprefix(SCHEMA)) for day in schedule.get("byDay", [])]
    week = schedule.get("byMonthWeek")
    assert week is None or 1 <= week <= 5, week
    byweekday = [rrule.weekday(d)(week) if week else d for d in days] or None
    starts = list(rrule.rrule(FREQUENCIES[unit], dtstart=start, interval=amount, until=until, byweekday=byweekday))
    excepted = set(schedule.get("exceptDate", []))
    held = [s for s in starts if s.date().isoformat() not in excepted]
    assert held == [s.start.replace(tzinfo=None) for s in program.sessions if not s.cancelled], program.key
    assert schedule["repeatCount"] == len(held), program.key
    assert schedule["scheduleTimezone"] == program.timezone
    assert schedule["startTime"] == program.first.start.strftime("%H:%M:%S")


def test_home_page_names_the_library_and_its_branches(published_site, sample_catalog):
    branches = [code for code, entry in sample_catalog.vocabularies["locations"].entries.items()
                if str(entry.details.get("branch")).lower() == "true"]
    assert len(branches) == 2
    for lang, prefix in LANGUAGES.items():
        graph = graph_of(published_site / f"{prefix}index.html", f"{SUBPATH_SITEURL}/{prefix}")
        (library,) = graph
        assert library["@type"] == "Library" and library["name"] == sample_catalog.site.text("name", lang, ("id",))
        assert library["address"]["streetAddress"] == sample_catalog.site.address
        assert [b["url"].rstrip("/").rsplit("/", 1)[1] for b in library["branch"]] == branches
        assert not list(empty_values(library))
