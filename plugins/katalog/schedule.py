"""Sessions of a program: one-off, repeating by a rule with skipped dates, or listed one by one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from dateutil import rrule

_DATETIME = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})[ T]([0-9]{1,2})[:.]([0-9]{2})$")
_TIME = re.compile(r"^([0-9]{1,2})[:.]([0-9]{2})$")
_DATE = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")
# Years a program can be held in; anything else is a typing mistake (and would overflow date arithmetic).
YEARS = range(1900, 2201)

# Words a librarian may use for the repeat frequency, mapped to dateutil's constants.
FREQUENCIES = {
    "day": rrule.DAILY, "daily": rrule.DAILY, "hari": rrule.DAILY, "harian": rrule.DAILY,
    "week": rrule.WEEKLY, "weekly": rrule.WEEKLY, "minggu": rrule.WEEKLY, "mingguan": rrule.WEEKLY,
    "month": rrule.MONTHLY, "monthly": rrule.MONTHLY, "bulan": rrule.MONTHLY, "bulanan": rrule.MONTHLY,
}
# Day names in Indonesian, English and as iCalendar codes.
WEEKDAYS = {}
for index, names in enumerate([
    ("senin", "monday", "mo"), ("selasa", "tuesday", "tu"), ("rabu", "wednesday", "we"),
    ("kamis", "thursday", "th"), ("jumat", "friday", "fr"), ("sabtu", "saturday", "sa"),
    ("minggu", "sunday", "su"),
]):
    for name in names:
        WEEKDAYS[name] = index
WEEKDAYS["jum'at"] = 4
WEEKDAYS["ahad"] = 6
# Which week of the month a monthly repeat falls in (repeat: {every: month, week: 1}): the first ... fourth, or last.
WEEKS = {"1": 1, "2": 2, "3": 3, "4": 4, "pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "first": 1,
         "second": 2, "third": 3, "fourth": 4, "last": -1, "terakhir": -1, "-1": -1}


def week_of_month(day: date) -> tuple[int, bool]:
    """Which of its weekday the day is in its month (1 = the first), and whether it is the last one."""
    following = day.toordinal() + 7
    return (day.day - 1) // 7 + 1, date.fromordinal(following).month != day.month


def parse_datetime(text: str) -> datetime | None:
    match = _DATETIME.fullmatch(text.strip())
    if not match or int(match.group(1)) not in YEARS:
        return None
    try:
        return datetime(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def parse_time(text: str) -> time | None:
    match = _TIME.fullmatch(text.strip())
    if not match:
        return None
    try:
        return time(int(match.group(1)), int(match.group(2)))
    except ValueError:
        return None


def parse_date(text: str) -> date | None:
    match = _DATE.fullmatch(text.strip())
    if not match or int(match.group(1)) not in YEARS:
        return None
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def parse_end(text: str, start: datetime | None) -> datetime | None:
    """An end is a full date and time, or a time on the start's day."""
    full = parse_datetime(text)
    if full or start is None:
        return full
    clock = parse_time(text)
    return datetime.combine(start.date(), clock) if clock else None


def zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError, TypeError):  # not a zone name, or a path in disguise
        return None


def zone_names() -> list[str]:
    return sorted(available_timezones())


@dataclass(frozen=True)
class Session:
    """One meeting of a program, with aware start and end times."""

    start: datetime
    end: datetime
    number: int = 1
    total: int = 1
    topic: str = ""
    cancelled: bool = False  # called off after the schedule was announced: still shown, marked cancelled

    @property
    def day(self) -> date:
        return self.start.date()


@dataclass(frozen=True)
class RepeatRule:
    frequency: int
    interval: int = 1
    count: int | None = None
    until: date | None = None
    weekdays: tuple[int, ...] = ()
    week: int | None = None  # with a monthly repeat: the nth (1..4) or last (-1) of its weekdays in the month

    def occurrences(self, first: datetime, limit: int) -> list[datetime]:
        """Local start times the rule produces, at most `limit` + 1 (so that callers can see overflow)."""
        until = datetime.combine(self.until, time(23, 59)) if self.until else None
        weekdays = self.weekdays or ((first.weekday(),) if self.week else ())
        byweekday = [rrule.weekday(day)(self.week) if self.week else day for day in weekdays] or None
        rule = rrule.rrule(
            self.frequency, dtstart=first, interval=self.interval, count=self.count, until=until,
            byweekday=byweekday,
        )
        found = []
        for occurrence in rule:
            found.append(occurrence)
            if len(found) > limit:
                break
        return found


def number_sessions(drafts: list[tuple[datetime, datetime, str]]) -> tuple[Session, ...]:
    ordered = sorted(drafts, key=lambda item: item[0])
    total = len(ordered)
    return tuple(Session(start, end, number, total, topic)
                 for number, (start, end, topic) in enumerate(ordered, start=1))
