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


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_program_page_describes_its_program(published_site, sample_programs, lang):
    prefix = LANGUAGES[lang]
    today = moment(TODAY)
    kinds = set()
    for program in sample_programs:
        url = f"{SUBPATH_SITEURL}/{prefix}program/{program.slug}/"
        graph = graph_of(published_site / f"{prefix}program/{program.slug}/index.html", url)
        assert not list(empty_values(graph)), list(empty_values(graph))
        nodes = {node["@type"]: node for node in graph}
        item = nodes.get("Event") or nodes.get("Course")
        kinds.add(item["@type"])
        assert item["@id"] == url + "#program" and item["url"] == url and item["name"] and item["description"]
        assert item["inLanguage"] == list(program.languages)
        assert item["isAccessibleForFree"] == (program.cost == 0)
        if program.cost:
            assert item["offers"]["price"] == program.cost and item["offers"]["priceCurrency"] == "IDR"
            assert item["offers"]["availability"] == SCHEMA + ("SoldOut" if program.state(today) == "full" else "InStock")
        assert [a["audienceType"] for a in item["audience"]] and len(item["audience"]) == len(program.audiences)
        partners = item.get("contributor", [])
        assert len(partners) == len(program.partners)
        library = nodes["Library"]
        assert (item.get("organizer") or item.get("provider"))["@id"] == library["@id"]
        crumbs = nodes["BreadcrumbList"]["itemListElement"]
        assert [c["position"] for c in crumbs] == [1, 2, 3] and crumbs[-1]["item"] == url
        if item["@type"] == "Course":
            assert program.repeat is None and len(program.sessions) > 1
            instances = item["hasCourseInstance"]
            assert [(aware(i["startDate"]), aware(i["endDate"])) for i in instances] == \
                [(s.start, s.end) for s in program.sessions]
            for instance, session in zip(instances, program.sessions):
                cancelled = session.cancelled or program.status == "cancelled"
                assert instance["eventStatus"] == SCHEMA + ("EventCancelled" if cancelled else "EventScheduled")
                check_location(instance, program)
            continue
        assert aware(item["startDate"]) == program.first.start and aware(item["endDate"]) == program.last.end
        assert item["eventStatus"] == SCHEMA + ("EventCancelled" if program.status == "cancelled" else "EventScheduled")
        mode = {"offline": "Offline", "online": "Online", "hybrid": "Mixed"}[program.mode]
        assert item["eventAttendanceMode"] == f"{SCHEMA}{mode}EventAttendanceMode"
        check_location(item, program)
        if program.repeat:
            check_schedule(item["eventSchedule"], program)
        else:
            assert "eventSchedule" not in item
    assert kinds == {"Event", "Course"}


def check_location(item, program):
    places = {place["@type"]: place for place in item["location"]}
    assert ("VirtualLocation" in places) == (program.mode in ("online", "hybrid"))
    assert ("Place" in places) == (not program.online)
    if "Place" in places:
        place = places["Place"]
        assert place["name"] and place["address"]["streetAddress"] and place["address"]["addressCountry"] == "ID"
        assert all(f["value"] is True and f["name"] for f in place.get("amenityFeature", []))


def check_schedule(schedule, program):
    """The Schedule, expanded, gives exactly the sessions that are held."""
    amount, unit = int(schedule["repeatFrequency"][1:-1]), schedule["repeatFrequency"][-1]
    start = datetime.combine(date.fromisoformat(schedule["startDate"]),
                             datetime.strptime(schedule["startTime"], "%H:%M:%S").time())
    days = [DAYS.index(day.removeprefix(SCHEMA)) for day in schedule.get("byDay", [])]
    week = schedule.get("byMonthWeek")
    byweekday = [rrule.weekday(d)(week) if week else d for d in days] or None
    starts = list(rrule.rrule(FREQUENCIES[unit], dtstart=start, interval=amount, count=schedule["repeatCount"],
                              byweekday=byweekday))
    excepted = set(schedule.get("exceptDate", []))
    held = [s for s in starts if s.date().isoformat() not in excepted]
    assert held == [s.start.replace(tzinfo=None) for s in program.sessions if not s.cancelled], program.key
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
