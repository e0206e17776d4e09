"""Sessions of a program: one-off, repeating by a rule with skipped dates, or listed one by one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from babel import Locale, UnknownLocaleError
from babel.dates import get_day_names, get_month_names
from dateutil import rrule

from .choices import WEEKDAY_CHOICES

_DATE = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")
# Years a program can be held in; anything else is a typing mistake (and would overflow date arithmetic).
YEARS = range(1900, 2201)

# The repeat frequencies' codes (FREQUENCY_CHOICES) as dateutil's constants.
RULE_FREQUENCIES = {"day": rrule.DAILY, "week": rrule.WEEKLY, "month": rrule.MONTHLY}
# Day names in Indonesian and English and the iCalendar codes, to 0..6 (Monday first).
WEEKDAYS = {word: index for index, choice in enumerate(WEEKDAY_CHOICES) for word in (choice.code, *choice.words)}
# Which week of the month a monthly repeat falls in (repeat: {every: month, week: 1}): the first ... fourth, or last.
WEEKS = {"1": 1, "2": 2, "3": 3, "4": 4, "pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "first": 1,
         "second": 2, "third": 3, "fourth": 4, "last": -1, "terakhir": -1, "-1": -1}


# Languages whose month and day names a date may be written in; the names come from Babel's locale data (CLDR).
DATE_LANGUAGES = ("id", "en", "jv")
# Indonesia's zone abbreviations and their offsets from UTC in hours.
ZONE_WORDS = {"wib": 7, "wita": 8, "wit": 9}
# Indonesia's zones by their IANA names, with the word people write for each.
INDONESIAN_ZONES = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}
# Words that may stand before a time ("pukul 09.00", "jam 9.00", "at 9:00") or a date ("tanggal 7 Desember").
_LEAD_WORDS = {"pukul", "pkl", "pk", "jam", "at", "tanggal", "tgl", "hari", "on"}
_TOKEN = re.compile(r"[^\s,]+")
_CLOCK = re.compile(r"^([0-9]{1,2})[:.]([0-9]{2})(am|pm|a\.m\.|p\.m\.)?$")
_NUMERIC_DATE = re.compile(r"^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})$")


@lru_cache(maxsize=8)
def date_names(languages: tuple[str, ...] = DATE_LANGUAGES) -> tuple[dict[str, int], dict[str, int]]:
    """Month names (wide and abbreviated) to 1..12, and day names to 0..6 (Monday first), lower case."""
    months, days = {}, {}
    for lang in languages:
        try:
            locale = Locale.parse(lang)
        except (ValueError, UnknownLocaleError):
            continue
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                months.setdefault(name.casefold().rstrip("."), number)
        for number, name in get_day_names("wide", locale=locale).items():
            days.setdefault(name.casefold(), number)
    for name, number in WEEKDAYS.items():
        if len(name) > 2:
            days.setdefault(name, number)
    return months, days


@dataclass(frozen=True)
class Written:
    """A date or date and time as a person wrote it: what it means, or why it cannot be read."""

    value: datetime | date | None = None
    zone: str | None = None  # WIB, WITA or WIT, when written
    weekday: int | None = None  # the day name written with the date (0 = Monday), when written
    readings: tuple[date, ...] = ()  # a numeric date that reads two ways: both


def read_written(text: str, with_time: bool, languages: tuple[str, ...] = DATE_LANGUAGES) -> Written:
    """`2026-12-07 09:00`, `7 Desember 2026 09.00`, `Sabtu, 7 Des 2026 pukul 9.00 WIB`, `December 7, 2026 9:00 am`,
    `25/12/2026`; with_time says whether a time must follow the date (a time never stands alone here)."""
    months, days = date_names(tuple(languages))
    tokens = [t.casefold() for t in _TOKEN.findall(re.sub(r"([0-9])T([0-9])", r"\1 \2", str(text)))]
    zone = weekday = clock = None
    if tokens and tokens[-1] in ZONE_WORDS:
        zone = tokens.pop().upper()
    if tokens and tokens[-1] in ("am", "pm", "a.m.", "p.m.") and len(tokens) > 1:
        tokens[-2:] = [tokens[-2] + tokens[-1]]
    if tokens and _CLOCK.match(tokens[-1]) and (len(tokens) > 1 or not with_time):
        clock = _clock(tokens.pop())
        if clock is None:
            return Written()
    tokens = [t for t in tokens if t.rstrip(".") not in _LEAD_WORDS]
    if tokens and tokens[0] in days:
        weekday = days[tokens.pop(0)]
    day = _date_of(tokens, months)
    if isinstance(day, tuple):
        return Written(readings=day)
    if day is None or (clock is None) == with_time or (zone and not with_time):
        return Written()
    return Written(datetime.combine(day, clock) if with_time else day, zone, weekday)


# Repeat rules in words, for the common cases: "setiap Sabtu, 4 kali", "setiap minggu sampai 2027-01-30",
# "setiap hari Senin dan Rabu, 8 kali", "every 2 weeks until 30 January 2027".
_EVERY_WORDS = {"setiap", "tiap", "every", "saben"}
_UNIT_WORDS = {"hari": "day", "day": "day", "days": "day", "dinten": "day", "dina": "day",
               "minggu": "week", "pekan": "week", "week": "week", "weeks": "week", "minggon": "week",
               "bulan": "month", "month": "month", "months": "month", "sasi": "month", "wulan": "month"}
_AND_WORDS = {"dan", "and", "lan", "&"}
_DAY_LEAD_WORDS = ("hari", "dina", "dinten")  # "setiap hari Senin", "saben dina Setu", "setiap hari kerja"
TIMES_WORDS = {"kali", "times", "x", "kaping", "ping", "sesi", "sessions", "pertemuan"}  # "4 kali": a count
_UNTIL_WORDS = {"sampai", "hingga", "until", "nganti", "ngantos", "sd", "s/d"}


def repeat_in_words(text: str, languages: tuple[str, ...] = DATE_LANGUAGES) -> dict | None:
    """A repeat rule written as a phrase, as the fields of the structured form; None when it is not one of the
    common phrases (the structured form is then the way to write it)."""
    _, days = date_names(tuple(languages))
    tokens = [t.casefold() for t in _TOKEN.findall(str(text))]
    if not tokens or tokens.pop(0) not in _EVERY_WORDS:
        return None
    rule: dict = {}
    if tokens and tokens[0].isdigit():
        rule["interval"] = tokens.pop(0)
    elif tokens and tokens[0] == "other":  # "every other week"
        rule["interval"] = "2"
        tokens.pop(0)
    named = []
    # "setiap minggu" is every week ("hari Minggu", or Minggu among other days, is Sunday): from a start on a
    # Sunday both readings give the same sessions.
    week_word = tokens[:1] == ["minggu"] and tokens[1:2] != [] and tokens[1] not in _AND_WORDS
    if tokens[:1] and tokens[0] in _DAY_LEAD_WORDS and tokens[1:2] and tokens[1] in days:
        tokens.pop(0)  # "setiap hari Senin": the day name follows
    if tokens[:2] in ([word, "kerja"] for word in _DAY_LEAD_WORDS) or tokens[:1] in (["weekday"], ["weekdays"]):
        del tokens[:1 if tokens[0].startswith("weekday") else 2]
        named = [choice.code for choice in WEEKDAY_CHOICES[:5]]  # "setiap hari kerja": Monday to Friday
    if not week_word and not named and tokens and tokens[0] in days:  # "Senin, Rabu dan Jumat"
        named.append(WEEKDAY_CHOICES[days[tokens.pop(0)]].code)
        while tokens and (tokens[0] in days or (tokens[0] in _AND_WORDS and tokens[1:2] and tokens[1] in days)):
            if tokens[0] in _AND_WORDS:
                tokens.pop(0)
            named.append(WEEKDAY_CHOICES[days[tokens.pop(0)]].code)
    if named:
        rule["every"], rule["days"] = "week", named
    elif tokens and tokens[0] in _UNIT_WORDS:
        rule["every"] = _UNIT_WORDS[tokens.pop(0)]
    else:
        return None
    if tokens and tokens[0] in ("sekali", "once"):
        tokens.pop(0)
    if tokens and tokens[0] in ("sebanyak", "selama", "for"):
        lasting = tokens.pop(0) != "sebanyak"
        # "setiap Sabtu selama 4 minggu": as many sessions as weeks, when one session falls in each
        if (lasting and len(tokens) == 2 and tokens[0].isdigit() and _UNIT_WORDS.get(tokens[1]) == rule["every"]
                and len(named) <= 1 and rule.get("interval", "1") == "1"):
            tokens[1] = "kali"
    if len(tokens) == 2 and tokens[0].isdigit() and tokens[1] in TIMES_WORDS:
        rule["count"] = tokens[0]
    elif len(tokens) == 1 and re.fullmatch(r"[0-9]+x", tokens[0]):
        rule["count"] = tokens[0][:-1]
    elif tokens and tokens[0] in _UNTIL_WORDS and len(tokens) > 1:
        rule["until"] = " ".join(tokens[1:])
    else:
        return None
    return rule


def _clock(token: str) -> time | None:
    match = _CLOCK.match(token)
    hour, minute, half = int(match.group(1)), int(match.group(2)), (match.group(3) or "").replace(".", "")
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    try:
        return time(hour, minute)
    except ValueError:
        return None


def _date_of(tokens: list[str], months: dict[str, int]) -> date | tuple[date, ...] | None:
    """A date from what is left once the day name, the time and the zone are taken off."""
    numbers = None
    if len(tokens) == 1 and _DATE.fullmatch(tokens[0]):
        numbers = [int(part) for part in _DATE.fullmatch(tokens[0]).groups()]
    elif len(tokens) == 1 and _NUMERIC_DATE.fullmatch(tokens[0]):
        first, second, year = (int(part) for part in _NUMERIC_DATE.fullmatch(tokens[0]).groups())
        readings = tuple(dict.fromkeys(d for d in (_valid(year, second, first), _valid(year, first, second)) if d))
        return readings[0] if len(readings) == 1 else (readings or None)
    elif len(tokens) == 3:
        day, month, year = tokens
        if not day.isdigit() and month.isdigit():  # "December 7, 2026"
            day, month = month, day
        month = months.get(month.rstrip("."))
        if month and re.fullmatch(r"[0-9]{1,2}", day) and re.fullmatch(r"[0-9]{4}", year):
            numbers = [int(year), month, int(day)]
    return _valid(*numbers) if numbers else None


def _valid(year: int, month: int, day: int) -> date | None:
    if year not in YEARS:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def week_of_month(day: date) -> tuple[int, bool]:
    """Which of its weekday the day is in its month (1 = the first), and whether it is the last one."""
    following = day.toordinal() + 7
    return (day.day - 1) // 7 + 1, date.fromordinal(following).month != day.month


def parse_datetime(text: str) -> datetime | None:
    """A date and time in any form read_written reads, when it reads one way only."""
    return read_written(text, True).value


def zone_word(text: str) -> str | None:
    """WIB, WITA or WIT when the text ends with one (any letter case)."""
    tokens = _TOKEN.findall(str(text))
    return tokens[-1].upper() if tokens and tokens[-1].casefold() in ZONE_WORDS else None


def parse_time(text: str) -> time | None:
    """A time alone, as read_written reads the time after a date: "11.00", "pukul 11:00", "11.00 WITA"."""
    tokens = [t.casefold() for t in _TOKEN.findall(str(text))]
    if tokens and tokens[-1] in ZONE_WORDS:
        tokens.pop()
    tokens = [t for t in tokens if t.rstrip(".") not in _LEAD_WORDS]
    return _clock(tokens[0]) if len(tokens) == 1 and _CLOCK.match(tokens[0]) else None


def parse_date(text: str) -> date | None:
    """A date in any form read_written reads, when it reads one way only."""
    return read_written(text, False).value


# A start written with its end: "9 Januari 2027 pukul 09.00 - 11.30 WIB", "2026-12-02 09:00 sampai 11:00".
_RANGE = re.compile(r"(?P<start>.*?[0-9]{1,2}[:.][0-9]{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?:\s+(?:wib|wita|wit))?)\s*"
                    r"(?:-|–|—|s\.?\s?d\.?|s/d|sampai|hingga|until|to|nganti|ngantos)\s*"
                    r"(?P<end>(?:pukul\s+|jam\s+)?[0-9]{1,2}[:.][0-9]{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?)"
                    r"(?:\s+(?P<zone>wib|wita|wit))?", re.IGNORECASE)


def split_range(text: str) -> tuple[str, str] | None:
    """A start that holds its end time too, as the start and the end (a zone word after both belongs to both);
    None when the text is one moment."""
    match = _RANGE.fullmatch(" ".join(str(text).split()))
    if not match:
        return None
    zone_part = f" {match['zone']}" if match["zone"] else ""
    start = match["start"] if zone_word(match["start"]) else match["start"] + zone_part
    return start, match["end"] + zone_part


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
    moved_from: datetime | None = None  # the start it was announced with, when moved since (schedule.moved)

    @property
    def day(self) -> date:
        return self.start.date()

    @property
    def announced(self) -> datetime:
        """The start the schedule announced: where a moved session was, else its start."""
        return self.moved_from or self.start

    def is_over(self, now: datetime) -> bool:
        """Whether the session has ended at `now` (an aware moment): compared as instants, so a session in WIT is
        over an hour before one that ends at the same clock time in WIB."""
        return self.end <= now


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
