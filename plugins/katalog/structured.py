"""schema.org structured data (JSON-LD) for program pages and the home page, from the checked content.

A program with one session is an Event; one repeating by a rule an Event with an eventSchedule (Schedule); one with
a list of sessions a Course whose sessions are CourseInstances. Empty values are left out, never written empty."""

from __future__ import annotations

from .calendar import rule_start
from .model import Program
from .schedule import Session

SCHEMA = "https://schema.org/"
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
FREQUENCY = {3: "D", 2: "W", 1: "M"}  # dateutil's DAILY, WEEKLY, MONTHLY as ISO 8601 duration designators
ATTENDANCE = {"offline": "OfflineEventAttendanceMode", "online": "OnlineEventAttendanceMode",
              "hybrid": "MixedEventAttendanceMode"}


def pruned(value):
    """The value without empty strings, None, empty lists and empty objects, at any depth."""
    if isinstance(value, dict):
        kept = {k: pruned(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        kept = [pruned(v) for v in value]
        return [v for v in kept if v not in (None, "", [], {})]
    return value


def library(view, site: str, name: str) -> dict:
    """The library that organises the programs, with its branches (locations marked branch: true)."""
    help = view.help()
    branches = []
    for code, entry in view.vocabularies["locations"].entries.items():
        if str(entry.details.get("branch")).strip().lower() == "true":
            branches.append({"@type": "Library", "name": view.label("locations", code),
                             "address": _address(view, code), "url": f"{site}/{view.facet_url('location', code)}"})
    address = view.site.address if view.site else ""
    return {"@type": "Library", "@id": f"{site}/#library", "name": name, "url": f"{site}/",
            "address": {"@type": "PostalAddress", "streetAddress": address, "addressCountry": "ID"} if address else None,
            "email": help["email"], "telephone": help["phone"].number if help["phone"] else None, "branch": branches}


def _address(view, code: str) -> dict:
    return {"@type": "PostalAddress", "streetAddress": view.detail("locations", code, "address"), "addressCountry": "ID"}


def _place(view, program: Program, page: str) -> list[dict]:
    places = []
    if program.mode in ("online", "hybrid"):
        places.append({"@type": "VirtualLocation", "url": page})
    if not program.online:
        places.append({"@type": "Place", "name": view.label("locations", program.location),
                       "address": _address(view, program.location),
                       "amenityFeature": [{"@type": "LocationFeatureSpecification",
                                           "name": view.label("accessibility", code), "value": True}
                                          for code in view.features(program)]})
    return places


def _schedule(program: Program, first: Session) -> dict:
    rule = program.repeat
    days = rule.weekdays or (first.start.weekday(),)
    schedule = {"@type": "Schedule", "startDate": rule_start(program).date().isoformat(),
                "endDate": program.last.end.date().isoformat(),
                "startTime": first.start.strftime("%H:%M:%S"), "endTime": first.end.strftime("%H:%M:%S"),
                "repeatFrequency": f"P{rule.interval}{FREQUENCY[rule.frequency]}",
                "repeatCount": len(program.sessions) + len(program.skipped),
                "scheduleTimezone": program.timezone,
                "exceptDate": [day.isoformat() for day in program.skipped]
                + [s.day.isoformat() for s in program.sessions if s.cancelled]}
    if rule.frequency != 3 or rule.weekdays:
        schedule["byDay"] = [SCHEMA + DAY_NAMES[day] for day in days]
    if rule.week:
        schedule["byMonthWeek"] = rule.week
    return schedule


def program(program: Program, view, *, title: str, summary: str, page: str, site: str, image: str | None) -> dict:
    """The program as an Event or a Course."""
    state = view.state(program)
    status = SCHEMA + ("EventCancelled" if program.status == "cancelled" else "EventScheduled")
    organizer = {"@id": f"{site}/#library"}
    partners = [{"@type": "Organization", "name": view.label("partners", code),
                 "url": f"{site}/{view.facet_url('partner', code)}"} for code in program.partners]
    offers = None
    if program.cost:
        offers = {"@type": "Offer", "price": program.cost, "priceCurrency": "IDR", "url": page,
                  "availability": SCHEMA + ("SoldOut" if state == "full" else "InStock"),
                  "description": program.cost_note}
    common = {
        "name": title, "description": summary, "url": page, "inLanguage": list(program.languages),
        "image": image, "organizer": organizer, "contributor": partners,
        "audience": [{"@type": "Audience", "audienceType": view.label("audiences", code)} for code in program.audiences],
        "isAccessibleForFree": program.cost == 0, "offers": offers,
        "maximumAttendeeCapacity": program.capacity,
    }
    event_facts = {"eventStatus": status, "eventAttendanceMode": SCHEMA + ATTENDANCE[program.mode],
                   "location": _place(view, program, page)}
    if program.repeat is None and len(program.sessions) > 1:
        instances = [{"@type": "CourseInstance", "name": f"{title} ({s.number}/{s.total})" + (f": {s.topic}" if s.topic else ""),
                      "startDate": s.start.isoformat(), "endDate": s.end.isoformat(),
                      "courseMode": "online" if program.online else ("blended" if program.mode == "hybrid" else "onsite"),
                      **event_facts,
                      "eventStatus": SCHEMA + ("EventCancelled" if s.cancelled or program.status == "cancelled"
                                               else "EventScheduled")}
                     for s in program.sessions]
        course = {"@type": "Course", "@id": f"{page}#program", "provider": organizer, "hasCourseInstance": instances,
                  **common}
        course.pop("organizer")
        course.pop("maximumAttendeeCapacity")
        return pruned(course)
    event = {"@type": "Event", "@id": f"{page}#program", **common, **event_facts,
             "startDate": program.first.start.isoformat(), "endDate": program.last.end.isoformat()}
    if program.repeat is not None:
        event["eventSchedule"] = _schedule(program, program.first)
    return pruned(event)


def breadcrumbs(items: list[tuple[str, str]]) -> dict:
    return {"@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": n, "name": name, "item": url} for n, (name, url) in enumerate(items, 1)]}


def graph(*nodes) -> dict:
    return {"@context": "https://schema.org", "@graph": [pruned(node) for node in nodes]}
