"""A place's opening hours (`hours` in content/data/locations.yaml): read once here, in the forms a librarian
writes them, and said again in each language by the templates (macro `opening_hours`) with katalog.formatting.

    hours:
      senin sampai jumat: 08.00 sampai 15.00
      sabtu: 08.00 sampai 12.00
      minggu: tutup

A day or a run of days ("senin-jumat", "Senin sampai Jumat", "senin, rabu, jumat", "setiap hari"; Indonesian,
Javanese and English names and the two-letter codes), and for it one or more ranges of time ("08.00 sampai 15.00",
"08.00-15.00", "8:00 to 15:00", "08.00 sampai 12.00, 13.00 sampai 15.00") or "tutup". The time is the place's own
zone; a zone word written after the time must be that zone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

from .i18n import N_
from .schedule import INDONESIAN_ZONES, WEEKDAYS, ZONE_WORDS, parse_time

# The example and the description of the forms that the error message gives.
EXAMPLE = "hours: {senin sampai jumat: 08.00 sampai 15.00, sabtu: 08.00 sampai 12.00, minggu: tutup}"
FORMS = N_("hari atau rentang hari (senin, senin sampai jumat, setiap hari), lalu jam buka sampai jam tutup "
         "(08.00 sampai 15.00), atau tutup")

EVERY_DAY = {"setiap hari", "tiap hari", "saben dina", "every day", "daily", "senin sampai minggu"}
CLOSED = {"tutup", "libur", "closed", "tutup/libur", "prei", "tutup (libur)", "false"}
# Words between two days or two times: "sampai", "s.d.", "hingga", "nganti", "to", "until", a dash.
_BETWEEN = re.compile(r"\s*(?:[-‐‑‒–—−]|\bsampai\b|\bhingga\b|\bs\.?\s?d\.?(?!\w)|\bs/d\b|\bnganti\b|\bto\b|\buntil\b"
                      r"|\btill\b)\s*", re.IGNORECASE)
NOT_A_MAPPING = N_("jam buka ditulis per hari, satu baris untuk setiap hari atau rentang hari")
NOT_DAYS = N_("nama hari tidak dikenal")
NOT_TIMES = N_("jam buka dan jam tutup tidak terbaca, atau jam tutup tidak setelah jam buka, atau zonanya bukan zona tempat ini")
TWICE = N_("hari yang sama sudah ditulis di baris lain")
_MERIDIEM = re.compile(r"\s+(am|pm|a\.m\.|p\.m\.)", re.IGNORECASE)  # "8:00 am" as the clock reads "8:00am"
_PARTS = re.compile(r"\s*(?:,|;|\bdan\b|\band\b|\blan\b|&)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Opening:
    """The days (0 = Monday) that share the same hours, and those hours: pairs of start and end, none if closed."""

    days: tuple[int, ...]
    times: tuple[tuple[time, time], ...]


@dataclass(frozen=True)
class HoursError:
    line: int
    field: str  # the key under hours, or "" for hours itself
    value: str
    detail: str  # what could not be read: one of the texts below, translated where it is shown


def read_hours(raw, timezone: str | None) -> tuple[tuple[Opening, ...], list[HoursError]]:
    """The openings in week order (Monday first), and every part that could not be read."""
    errors: list[HoursError] = []
    line = getattr(raw, "line", 0)
    if not isinstance(raw, dict) or not raw:
        errors.append(HoursError(line, "", str(raw or ""), NOT_A_MAPPING))
        return (), errors
    openings, seen = [], set()
    for key, value in raw.items():
        key_line = raw.line_of(key) if hasattr(raw, "line_of") else line
        days = read_days(str(key))
        if days is None:
            errors.append(HoursError(key_line, str(key), str(key), NOT_DAYS))
            continue
        times = read_times(value, timezone)
        if times is None:
            errors.append(HoursError(getattr(value, "line", key_line), str(key), str(value or ""), NOT_TIMES))
            continue
        if seen & set(days):
            errors.append(HoursError(key_line, str(key), str(key), TWICE))
            continue
        seen.update(days)
        openings.append(Opening(days, times))
    # One opening per set of days that share hours, ordered by the first day.
    by_times: dict[tuple, list[int]] = {}
    for opening in openings:
        by_times.setdefault(opening.times, []).extend(opening.days)
    merged = [Opening(tuple(sorted(days)), times) for times, days in by_times.items()]
    return tuple(sorted(merged, key=lambda opening: opening.days[0])), errors


def read_days(text: str) -> tuple[int, ...] | None:
    """senin → (0,); senin sampai jumat → (0, 1, 2, 3, 4); senin, rabu → (0, 2); setiap hari → every day."""
    words = " ".join(text.casefold().split())
    if words in EVERY_DAY:
        return tuple(range(7))
    days: list[int] = []
    for part in _PARTS.split(words):
        ends = [end.strip().rstrip(".") for end in _BETWEEN.split(part)]
        numbers = [WEEKDAYS.get(end) for end in ends]
        if None in numbers or len(numbers) > 2:
            return None
        first, last = numbers[0], numbers[-1]
        days += [(first + step) % 7 for step in range((last - first) % 7 + 1)]
    return tuple(dict.fromkeys(days)) or None


def read_times(value, timezone: str | None) -> tuple[tuple[time, time], ...] | None:
    """08.00 sampai 15.00 → ((08:00, 15:00),); two ranges with a comma; tutup → () (closed)."""
    words = " ".join(str(value or "").split())
    if words.casefold() in CLOSED:
        return ()
    zone = INDONESIAN_ZONES.get(timezone or "", "")
    ranges = []
    for part in _PARTS.split(words):
        tokens = part.split()
        if tokens and tokens[-1].casefold() in ZONE_WORDS:
            if tokens[-1].upper() != zone:
                return None
            part = " ".join(tokens[:-1])
        ends = _BETWEEN.split(part.strip())
        if len(ends) != 2:
            return None
        start, end = (parse_time(_MERIDIEM.sub(r"\1", end)) for end in ends)
        if start is None or end is None or end <= start:
            return None
        ranges.append((start, end))
    return tuple(ranges) or None


def runs(days: tuple[int, ...]) -> list[tuple[int, int]]:
    """Days in runs of neighbours: (0, 1, 2, 3, 4, 6) → [(0, 4), (6, 6)], so that they are said "Senin sampai
    Jumat, Minggu". A run of two is said as two days."""
    found: list[list[int]] = []
    for day in sorted(days):
        if found and day == found[-1][1] + 1:
            found[-1][1] = day
        else:
            found.append([day, day])
    spans = []
    for first, last in found:
        spans += [(first, first), (last, last)] if last == first + 1 else [(first, last)]
    return spans
