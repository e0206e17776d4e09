"""Dates, times, durations and money in the reader's language, with Babel (no system locale needed)."""

from __future__ import annotations

from datetime import datetime, timedelta

from babel.core import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, format_timedelta, get_timezone_name
from babel.numbers import format_currency

# Where CLDR has no data for a language, dates use the next language that has.
LOCALE_FALLBACK = ("id", "en")
# Indonesians write zones as WIB, WITA, WIT; CLDR has those abbreviations only in Indonesian data.
ZONE_ABBREVIATION_LOCALE = "id"


def babel_locale(lang: str) -> str:
    for candidate in (lang, *LOCALE_FALLBACK):
        try:
            Locale.parse(candidate.replace("-", "_"))
            return candidate.replace("-", "_")
        except (UnknownLocaleError, ValueError):
            continue
    return "en"


def _clock_pattern(lang: str) -> str:
    # Indonesian and Javanese write 09.00; others follow their CLDR short pattern.
    return "HH.mm" if babel_locale(lang).split("_")[0] in ("id", "jv", "su", "ms") else "HH:mm"


def zone_abbreviation(moment: datetime) -> str:
    name = get_timezone_name(moment, "short", locale=ZONE_ABBREVIATION_LOCALE)
    if name and not name.startswith(("+", "-", "GMT", "UTC")):
        return name
    offset = moment.utcoffset() or timedelta(0)
    hours, rest = divmod(int(offset.total_seconds()) // 60, 60)
    return f"UTC{hours:+d}" + (f":{rest:02d}" if rest else "")


def zone_name(moment: datetime, lang: str) -> str:
    return get_timezone_name(moment, "long", locale=babel_locale(lang))


def day_full(moment, lang: str) -> str:
    return format_date(moment, "full", locale=babel_locale(lang))


def day_long(day, lang: str) -> str:
    """24 November 2026: a day without its weekday, for dates in running text."""
    return format_date(day, "long", locale=babel_locale(lang))


def clock(moment: datetime, lang: str, with_zone: bool = True) -> str:
    text = format_time(moment, _clock_pattern(lang), locale=babel_locale(lang))
    return f"{text} {zone_abbreviation(moment)}" if with_zone else text


def time_range(start: datetime, end: datetime, lang: str) -> str:
    """09.00–11.00 WIB, or with the end's day when it ends on another day."""
    if end.date() == start.date():
        return f"{clock(start, lang, False)}–{clock(end, lang)}"
    return f"{clock(start, lang)} – {day_full(end, lang)} {clock(end, lang)}"


def duration(start: datetime, end: datetime, lang: str) -> str:
    """2 jam 30 menit: whole hours and the remaining minutes, each in the language's own words."""
    minutes = int((end - start).total_seconds() // 60)
    hours, rest = divmod(minutes, 60)
    locale = babel_locale(lang)
    parts = []
    if hours:
        parts.append(format_timedelta(timedelta(hours=hours), threshold=10_000, granularity="hour", locale=locale))
    if rest or not hours:
        parts.append(format_timedelta(timedelta(minutes=rest), threshold=10_000, granularity="minute", locale=locale))
    return " ".join(parts)


def money(amount: int, lang: str) -> str:
    return format_currency(amount, "IDR", format="¤#,##0", locale=babel_locale(lang), currency_digits=False)
