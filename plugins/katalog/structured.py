"""schema.org structured data (JSON-LD) for program pages and the home page, from the checked content.

Every program is an Event: one repeating by a rule with an eventSchedule (Schedule), one with a list of sessions (or
with a session moved) with each session as a subEvent (its own status; a moved one EventRescheduled, with its
previousStartDate). A program the content calls a course (course: true) is a Course as well.
States come from the model, through the view. Empty values are left out, never written empty."""

from __future__ import annotations

from datetime import timedelta

from .calendar import rule_start
from .model import Program
from .schedule import Session

SCHEMA = "https://schema.org/"
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
FREQUENCY = {3: "D", 2: "W", 1: "M"}  # dateutil's DAILY, WEEKLY, MONTHLY as ISO 8601 duration designators
AVAILABILITY = {"open": "InStock", "full": "SoldOut"}  # a program's or session's state: whether a place is left
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
    """The repeat rule as schema.org says one: repeatCount is how many times the program meets (skipped dates and
    cancelled sessions left out, and listed in exceptDate); byMonthWeek only for the 1st to 4th week (schema.org's
    range is 1 to 5 and has no "last": such a program lists its sessions as subEvents instead)."""
    rule = program.repeat
    days = rule.weekdays or (first.start.weekday(),)
    schedule = {"@type": "Schedule", "startDate": rule_start(program).date().isoformat(),
                "endDate": program.last.end.date().isoformat(),
                "startTime": first.start.strftime("%H:%M:%S"), "endTime": first.end.strftime("%H:%M:%S"),
                "repeatFrequency": f"P{rule.interval}{FREQUENCY[rule.frequency]}",
                "repeatCount": len(program.sessions) - len(program.called_off),
                "scheduleTimezone": program.timezone,
                "exceptDate": sorted([day.isoformat() for day in program.skipped]
                                     + [s.day.isoformat() for s in program.called_off])}
    if rule.frequency != 3 or rule.weekdays:
        schedule["byDay"] = [SCHEMA + DAY_NAMES[day] for day in days]
    if rule.week and rule.week > 0:
        schedule["byMonthWeek"] = rule.week
    return schedule


def says_every_session(program: Program) -> bool:
    """Whether the program's sessions are listed one by one (subEvent): a list of sessions, a rule that
    schema.org's Schedule cannot say (the last weekday of the month), or a rule with a session moved off it."""
    return len(program.sessions) > 1 and (program.repeat is None or (program.repeat.week or 0) < 0
                                          or bool(program.moved))


def _offer(program: Program, page: str, state: str) -> dict:
    """What it costs, 0 for a free program, and whether a place is left: InStock while open, SoldOut when full,
    no availability once it cannot be joined (cancelled or over)."""
    return {"@type": "Offer", "price": program.cost, "priceCurrency": "IDR", "url": page,
            "availability": SCHEMA + AVAILABILITY[state] if state in AVAILABILITY else None,
            "category": "Paid" if program.cost else "Free", "description": program.cost_note}


def _status(state: str, moved: bool = False) -> str:
    """A cancelled event is EventCancelled whether or not it was moved first; one moved and held, EventRescheduled."""
    if state == "cancelled":
        return SCHEMA + "EventCancelled"
    return SCHEMA + ("EventRescheduled" if moved else "EventScheduled")


def program(program: Program, view, *, title: str, summary: str, page: str, site: str, image: str | None) -> dict:
    """The program as an Event: its dates, place and status, with its sessions as subEvents when they are listed one
    by one. Every state is the model's (view.state, view.session_state)."""
    state = view.state(program)
    organizer = {"@id": f"{site}/#library"}
    partners = [{"@type": "Organization", "name": view.label("partners", code),
                 "url": f"{site}/{view.facet_url('partner', code)}"} for code in program.partners]
    place = {"eventAttendanceMode": SCHEMA + ATTENDANCE[program.mode], "location": _place(view, program, page)}
    event = {
        "@type": "Event", "@id": f"{page}#program", "name": title, "description": summary, "url": page,
        "inLanguage": list(program.languages), "image": image, "organizer": organizer, "performer": partners,
        "contributor": partners,
        "audience": [{"@type": "Audience", "audienceType": view.label("audiences", code)} for code in program.audiences],
        "isAccessibleForFree": program.cost == 0, "offers": _offer(program, page, state),
        "maximumAttendeeCapacity": program.capacity, **place,
        "startDate": program.first.start.isoformat(), "endDate": program.last.end.isoformat(),
    }
    # A program of one session that was moved is itself rescheduled, and says when it was announced for.
    alone = program.moved_from(program.first) if len(program.sessions) == 1 else None
    event["eventStatus"] = _status(state, bool(alone))
    if alone:
        event["previousStartDate"] = alone.isoformat()
    if program.repeat is not None and not says_every_session(program):
        event["eventSchedule"] = _schedule(program, program.first)
    if says_every_session(program):
        listed = program.sessions if program.repeat is None else program.still_listed(view.now)
        event["subEvent"] = [_session(program, view, s, title, summary, page, image, organizer, place) for s in listed]
    return pruned(event)


def _session(program: Program, view, session: Session, title: str, summary: str, page: str, image, organizer,
             place) -> dict:
    """One session as an Event of its own, with its own status and availability."""
    own = view.session_state(program, session)
    name = f"{title} ({session.number}/{session.total})" + (f": {session.topic}" if session.topic else "")
    moved = program.moved_from(session)
    return {"@type": "Event", "@id": f"{page}#session-{session.announced:%Y%m%dT%H%M}",
            "name": name, "description": summary, "url": page, "image": image, "organizer": organizer,
            "startDate": session.start.isoformat(), "endDate": session.end.isoformat(),
            "eventStatus": _status(own, bool(moved)), "previousStartDate": moved.isoformat() if moved else None,
            "offers": _offer(program, page, own), **place}


def course(program: Program, view, *, title: str, summary: str, page: str, site: str) -> dict | None:
    """A program the content calls a course (course: true) is a Course as well, taught in one CourseInstance: the
    program's Event, by its @id, with the facts a course result needs."""
    if not program.course:
        return None
    state = view.state(program)
    hours = sum((s.end - s.start for s in program.sessions if view.session_state(program, s) != "cancelled"),
                start=timedelta()).total_seconds() / 3600
    instance = {"@type": "CourseInstance", "@id": f"{page}#course-instance",
                "courseMode": "Online" if program.online else ("Blended" if program.mode == "hybrid" else "Onsite"),
                "courseWorkload": f"PT{hours:g}H" if hours == int(hours) else f"PT{int(hours)}H{round(hours % 1 * 60)}M",
                "startDate": program.first.start.isoformat(), "endDate": program.last.end.isoformat(),
                "eventStatus": _status(state), "location": _place(view, program, page),
                "inLanguage": list(program.languages)}
    if program.repeat is not None and not says_every_session(program):
        instance["courseSchedule"] = _schedule(program, program.first)
    return pruned({"@type": "Course", "@id": f"{page}#course", "name": title, "description": summary, "url": page,
                   "inLanguage": list(program.languages), "provider": {"@id": f"{site}/#library"},
                   "isAccessibleForFree": program.cost == 0, "offers": _offer(program, page, state),
                   "hasCourseInstance": [instance], "subjectOf": {"@id": f"{page}#program"}})


def breadcrumbs(items: list[tuple[str, str]]) -> dict:
    return {"@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": n, "name": name, "item": url} for n, (name, url) in enumerate(items, 1)]}


def graph(*nodes) -> dict:
    return {"@context": "https://schema.org", "@graph": [pruned(node) for node in nodes if node]}
