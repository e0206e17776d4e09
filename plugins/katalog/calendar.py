"""Programs as iCalendar events (RFC 5545), written with the icalendar library.

One program gives:
- a one-off program: one event;
- a program repeating by a rule: one event with RRULE, its skipped dates as EXDATE, and each cancelled session as
  an override (RECURRENCE-ID) with STATUS:CANCELLED, each moved session as an override at its announced start
  (RECURRENCE-ID) with its new DTSTART and DTEND;
- a program with a list of sessions: one event per session, its UID from the day it was announced for.

UIDs come from the program's folder (its key), so they are the same in every language and in every build; the
calendar's clients match an event across downloads by it. SEQUENCE and DTSTAMP come from the program's revision
(plugins/katalog/revisions.py), never from the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache
from urllib.parse import urlencode, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import rrule
from icalendar import Calendar, Event, Timezone

from .model import Program
from .schedule import RepeatRule, Session

PRODID = "-//Katalog Program Inklusif//Katalog//ID"
FREQUENCY_NAMES = {rrule.DAILY: "DAILY", rrule.WEEKLY: "WEEKLY", rrule.MONTHLY: "MONTHLY"}
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
GOOGLE_CALENDAR = "https://calendar.google.com/calendar/render"


@dataclass(frozen=True)
class Revision:
    """Which version of a program an event shows: SEQUENCE counts its published changes, DTSTAMP is when the last
    one was made (UTC); `first` is when the program was first published (its folder's first commit), for feeds."""

    sequence: int
    stamp: datetime
    first: datetime | None = None

    @property
    def published(self) -> datetime:
        return self.first or self.stamp


@dataclass(frozen=True)
class EventText:
    """The words of a program's events in one language."""

    lang: str
    summary: str  # the program's title, with "Dibatalkan:" before it when cancelled
    description: str
    location: str
    url: str | None  # the program page's address, when the site has one (SITEURL)
    session_summaries: tuple[str, ...] = ()  # per listed session: "Title (sesi 2 dari 5): topic"
    cancelled_summary: str = ""  # the title of a single cancelled session
    state: str = "open"  # the program's state (Program.state), read, never worked out here
    session_states: tuple[str, ...] = ()  # each session's (Program.session_state), in the program's order


def uid_domain(ks: dict, main_siteurl: str) -> str:
    """The part after @ in every event's UID: KATALOG_CALENDAR_DOMAIN, else the published site's host name."""
    return ks["KATALOG_CALENDAR_DOMAIN"] or urlsplit(main_siteurl or "").hostname or "localhost"


def uid(key: str, domain: str, part: str | None = None) -> str:
    return f"{key}{'' if part is None else f'-{part}'}@{domain}"


def session_parts(sessions) -> list[str]:
    """Each listed session's own part of its UID, from its day (20261210), with its start time as well when
    another session is on the same day (20261210T1300): so a session keeps its UID when others are added,
    removed or renumbered, and a subscribed calendar sees no session move."""
    announced = [session.announced for session in sessions]  # a moved session keeps its UID
    days = [start.strftime("%Y%m%d") for start in announced]
    return [day if days.count(day) == 1 else start.strftime("%Y%m%dT%H%M") for day, start in zip(days, announced)]


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc)


def recurrence(rule: RepeatRule, first: Session) -> dict:
    """The repeat rule as RRULE parts, producing the same starts as RepeatRule.occurrences."""
    parts: dict = {"FREQ": FREQUENCY_NAMES[rule.frequency]}
    if rule.interval != 1:
        parts["INTERVAL"] = rule.interval
    if rule.count is not None:
        parts["COUNT"] = rule.count
    if rule.until is not None:
        # UNTIL is in UTC when DTSTART has a zone: the end of the last day, where the program is held.
        parts["UNTIL"] = _utc(datetime.combine(rule.until, time(23, 59), first.start.tzinfo))
    weekdays = rule.weekdays or ((first.start.weekday(),) if rule.week else ())
    if weekdays:
        prefix = str(rule.week) if rule.week else ""
        parts["BYDAY"] = [prefix + DAY_CODES[day] for day in weekdays]
    return parts


def _text(event: Event, name: str, value: str, lang: str) -> None:
    if value:
        event.add(name, value, parameters={"LANGUAGE": lang})


def _event(program: Program, text: EventText, revision: Revision, key_uid: str, session: Session, summary: str,
           cancelled: bool) -> Event:
    event = Event()
    event.add("uid", key_uid)
    event.add("dtstamp", _utc(revision.stamp))
    event.add("sequence", revision.sequence)
    event.add("dtstart", session.start)
    event.add("dtend", session.end)
    _text(event, "summary", summary, text.lang)
    _text(event, "description", text.description, text.lang)
    _text(event, "location", text.location, text.lang)
    if text.url:
        event.add("url", text.url)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    event.add("class", "PUBLIC")
    return event


def program_events(program: Program, text: EventText, revision: Revision, domain: str) -> list[Event]:
    """The events of one program in one language, cancelled where the model's state (in `text`) says so."""
    cancelled = text.state == "cancelled"

    def off(index: int) -> bool:
        return cancelled or text.session_states[index] == "cancelled"

    if program.repeat is None or len(program.sessions) == 1 and not program.skipped:
        if len(program.sessions) == 1:
            session = program.sessions[0]
            return [_event(program, text, revision, uid(program.key, domain), session,
                           text.cancelled_summary if off(0) and not cancelled else text.summary, off(0))]
        return [_event(program, text, revision, uid(program.key, domain, part), session,
                       text.session_summaries[index] if index < len(text.session_summaries) else text.summary,
                       off(index))
                for index, (session, part) in enumerate(zip(program.sessions, session_parts(program.sessions)))]
    first = program.sessions[0]
    planned_first = rule_start(program)
    series = _event(program, text, revision, uid(program.key, domain),
                    Session(planned_first, planned_first + (first.end - first.start)), text.summary, cancelled)
    series.add("rrule", recurrence(program.repeat, Session(planned_first, planned_first)))
    if program.skipped:
        at = planned_first.timetz()
        series.add("exdate", [datetime.combine(day, time(at.hour, at.minute), planned_first.tzinfo)
                              for day in program.skipped])
    events = [series]
    if not cancelled:
        for index, session in enumerate(program.sessions):
            if off(index) or session.moved_from:
                override = _event(program, text, revision, uid(program.key, domain), session,
                                  (text.cancelled_summary or text.summary) if off(index) else text.summary, off(index))
                override.add("recurrence-id", session.announced)
                events.append(override)
    return events


def rule_start(program: Program) -> datetime:
    """The rule's first start: the first session as announced, or the skipped date before it when the rule's first
    day is skipped (DTSTART must be the rule's first occurrence for RRULE and EXDATE to mean what the content says)."""
    first = min(session.announced for session in program.sessions)
    earlier = [day for day in program.skipped if day < first.date()]
    if earlier:
        return datetime.combine(min(earlier), time(first.hour, first.minute), first.tzinfo)
    return first


def span(programs) -> tuple[date, date]:
    """The first and last day any of the programs' sessions (or skipped dates, or announced days of moved sessions)
    fall on."""
    days = [day for p in programs for day in (p.sessions[0].start.date(), p.sessions[-1].end.date(), *p.skipped,
                                              *(s.moved_from.date() for s in p.sessions if s.moved_from))]
    return (min(days), max(days)) if days else (date(2000, 1, 1), date(2000, 1, 2))


@dataclass(frozen=True)
class Written:
    """Events written once as iCalendar text, with the zones they name: a program's events go into its own calendar,
    every facet value's and the whole catalog's, and are written only once for all of them."""

    text: bytes
    zones: frozenset[str]


def written(events: list[Event]) -> Written:
    holder = Calendar()
    for event in events:
        holder.add_component(event)
    return Written(b"".join(event.to_ical() for event in events), frozenset(holder.get_missing_tzids()))


class _Until(tzinfo):
    """A zone that ends a while after the last day a calendar needs. icalendar builds a VTIMEZONE by walking the
    zone's offsets forward until they change or the calendar of years ends; for a zone without daylight saving
    that walk goes on to the year 9999 for every file. Ending the zone 70 days after the last day (more than the
    walk's longest step, 64 days) gives the same VTIMEZONE without the walk."""

    def __init__(self, zone: ZoneInfo, last: date):
        self.zone, self.end = zone, datetime.combine(last + timedelta(days=70), time())

    def _local(self, moment: datetime) -> datetime:
        if moment.replace(tzinfo=None) > self.end:
            raise OverflowError("past the calendar's last day")
        return moment.replace(tzinfo=self.zone)

    def utcoffset(self, moment):
        return self._local(moment).utcoffset()

    def dst(self, moment):
        return self._local(moment).dst()

    def tzname(self, moment):
        return self._local(moment).tzname()


@lru_cache(maxsize=4096)
def _timezone(tzid: str, first: date, last: date) -> Timezone | None:
    """The VTIMEZONE of a zone, valid from `first` to `last`; None for a zone the system does not know."""
    try:
        zone = ZoneInfo(tzid)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return Timezone.from_tzinfo(_Until(zone, last), tzid, first, last)


_END = b"END:VCALENDAR\r\n"


def calendar(events: list[Event | Written], name: str, lang: str, days: tuple[date, date]) -> bytes:
    """A whole calendar file: the events, and a VTIMEZONE for every zone they use, valid over `days`."""
    parts = [item if isinstance(item, Written) else written([item]) for item in events]
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    # The calendar's name as calendar programs show it when it is subscribed to (RFC 7986, and the older X-WR-).
    cal.add("name", name, parameters={"LANGUAGE": lang})
    cal.add("x-wr-calname", name)
    first, last = days[0] - timedelta(days=1), days[1] + timedelta(days=1)
    for tzid in sorted(frozenset().union(*(part.zones for part in parts))):
        zone = _timezone(tzid, first, last)
        if zone is not None:
            cal.add_component(zone)
    head = cal.to_ical()
    return head[: -len(_END)] + b"".join(part.text for part in parts) + _END


def google_calendar_url(program: Program, title: str, details: str, location: str, session: Session) -> str:
    """A link that opens Google Calendar's "new event" form filled in: one session, or the whole series when the
    program repeats by a rule without skipped or cancelled dates (the form has no place for exceptions)."""
    def stamp(moment: datetime) -> str:
        return _utc(moment).strftime("%Y%m%dT%H%M%SZ")

    query = {"action": "TEMPLATE", "text": title, "dates": f"{stamp(session.start)}/{stamp(session.end)}",
             "ctz": program.timezone, "details": details, "location": location}
    if google_adds_all(program, session):
        query["recur"] = "RRULE:" + rrule_text(program.repeat, session)
    return f"{GOOGLE_CALENDAR}?{urlencode(query)}"


def rrule_text(rule: RepeatRule, first: Session) -> str:
    """The repeat rule as an RRULE value: FREQ=WEEKLY;COUNT=6;BYDAY=TU."""
    rendered = []
    for name, value in recurrence(rule, first).items():
        if name == "UNTIL":
            value = value.strftime("%Y%m%dT%H%M%SZ")
        elif isinstance(value, list):
            value = ",".join(value)
        rendered.append(f"{name}={value}")
    return ";".join(rendered)


def google_adds_all(program: Program, session: Session) -> bool:
    """Whether the Google Calendar link for `session` adds the whole series: the program repeats by a rule
    without skipped, cancelled or moved dates, and the session is its first."""
    return bool(program.repeat and not program.skipped
                and not any(s.cancelled or s.moved_from for s in program.sessions)
                and len(program.sessions) > 1 and session is program.sessions[0])
