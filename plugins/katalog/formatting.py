"""Dates, times, durations and money in the reader's language, with Babel (no system locale needed).

Every function gives the same text for the same arguments, and a catalog's listings show the same few hundred
dates and times thousands of times: each text is made once per build (functools.lru_cache) and then reused."""

from __future__ import annotations

import functools
import re
from datetime import datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel.core import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, format_timedelta, get_timezone_name
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal

# Where CLDR has no data for a language, dates use the next language that has.
LOCALE_FALLBACK = ("id", "en")
# Indonesians write zones as WIB, WITA, WIT; CLDR has those abbreviations only in Indonesian data.
ZONE_ABBREVIATION_LOCALE = "id"
# The regional data a language's dates follow: English in British order and spelling (Saturday, 5 December 2026).
DATE_LOCALES = {"en": "en_GB"}
# The three zones of Indonesia: an online program gives its times in each.
INDONESIAN_ZONES = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")


def by_moment(function):
    """Caches a function of moments by the moment and its zone: two moments in different zones are equal in Python
    when they are the same instant, but are written differently (10.00 WIB, 11.00 WITA)."""
    cache = {}

    @functools.wraps(function)
    def cached(*args, **options):
        key = (*((arg, arg.tzinfo) if isinstance(arg, datetime) else arg for arg in args), *sorted(options.items()))
        if key not in cache:
            cache[key] = function(*args, **options)
        return cache[key]
    return cached


@lru_cache(maxsize=None)
def babel_locale(lang: str) -> str:
    for candidate in (DATE_LOCALES.get(lang, lang), lang, *LOCALE_FALLBACK):
        try:
            Locale.parse(candidate.replace("-", "_"))
            return candidate.replace("-", "_")
        except (UnknownLocaleError, ValueError):
            continue
    return "en"


@lru_cache(maxsize=None)
def _clock_pattern(lang: str) -> str:
    # Indonesian and Javanese write 09.00; others follow their CLDR short pattern.
    return "HH.mm" if babel_locale(lang).split("_")[0] in ("id", "jv", "su", "ms") else "HH:mm"


@by_moment
def zone_abbreviation(moment: datetime) -> str:
    name = get_timezone_name(moment, "short", locale=ZONE_ABBREVIATION_LOCALE)
    if name and not name.startswith(("+", "-", "GMT", "UTC")):
        return name
    offset = moment.utcoffset() or timedelta(0)
    hours, rest = divmod(int(offset.total_seconds()) // 60, 60)
    return f"UTC{hours:+d}" + (f":{rest:02d}" if rest else "")


@by_moment
def zone_name(moment: datetime, lang: str) -> str:
    return get_timezone_name(moment, "long", locale=babel_locale(lang))


@lru_cache(maxsize=None)
def _unpadded(locale: str, width: str) -> str:
    """The language's date pattern with the day of the month not padded: 5 Desember, not 05 Desember."""
    return re.sub(r"(?<!d)dd(?!d)", "d", Locale.parse(locale).date_formats[width].pattern)


@by_moment
def day_full(moment, lang: str) -> str:
    """Sabtu, 5 Desember 2026 / Saturday, 5 December 2026."""
    locale = babel_locale(lang)
    return format_date(moment, _unpadded(locale, "full"), locale=locale)


@by_moment
def day_long(day, lang: str) -> str:
    """24 November 2026: a day without its weekday, for dates in running text."""
    locale = babel_locale(lang)
    return format_date(day, _unpadded(locale, "long"), locale=locale)


@by_moment
def month_name(day, lang: str) -> str:
    """Desember 2026 / December 2026: a month as its own heading says it."""
    return format_date(day, "LLLL y", locale=babel_locale(lang))


@lru_cache(maxsize=None)
def day_span(first, last, lang: str) -> tuple[str, str]:
    """The two ends of a span of days as the language shortens them, months in full: ("23", "29 November 2026"),
    ("30 November", "6 Desember 2026"), ("28 Desember 2026", "3 Januari 2027"). The page puts its own word between
    them ("sampai", "to"), never a dash (read "23 29" by screen readers)."""
    locale = babel_locale(lang)
    greatest = "y" if first.year != last.year else "M" if first.month != last.month else "d"
    start, end = Locale.parse(locale).interval_formats["yMMMd"][greatest]
    full = (lambda pattern: re.sub(r"(?<!M)MMM(?!M)", "MMMM", pattern.rstrip("\u2009\u2013- ")))
    return _span_end(first, full(start), lang), _span_end(last, full(end), lang)


@lru_cache(maxsize=None)
def _span_end(day, pattern: str, lang: str) -> str:
    """One end of a span, each formatted once; a whole date is the day_long the pages already have."""
    locale = babel_locale(lang)
    return day_long(day, lang) if pattern == _unpadded(locale, "long") else format_date(day, pattern, locale=locale)


@by_moment
def weekday(moment, lang: str) -> str:
    """Sabtu / Saturday / Setu: the day's name in the language."""
    return format_date(moment, "EEEE", locale=babel_locale(lang))


def join_list(items, lang: str) -> str:
    """a, b dan c / a, b and c: items joined as the language joins them. When an item holds the language's own "and"
    ("Pelajar dan mahasiswa"), the items are joined with semicolons, so that each stays one item:
    "Pencari kerja; Pelajar dan mahasiswa", never "Pencari kerja dan Pelajar dan mahasiswa"."""
    items = [str(item) for item in items]
    if not items:
        return ""
    locale = babel_locale(lang)
    joiner = re.compile(rf"\b{re.escape(_conjunction(locale))}\b", re.IGNORECASE)
    if len(items) > 1 and any(joiner.search(item) for item in items):
        return "; ".join(items)
    return format_list(items, locale=locale)


@lru_cache(maxsize=None)
def _conjunction(locale) -> str:
    """The word a language joins the last two items of a list with: "dan", "and", "lan"."""
    return format_list(["\x00", "\x01"], locale=locale).strip("\x00\x01").strip()


@by_moment
def clock(moment: datetime, lang: str, with_zone: bool = True) -> str:
    text = format_time(moment, _clock_pattern(lang), locale=babel_locale(lang))
    return f"{text} {zone_abbreviation(moment)}" if with_zone else text


@by_moment
def hour(moment: datetime, lang: str) -> str:
    """09.00 (Indonesian, Javanese) or 09:00: the time of day without its zone."""
    return clock(moment, lang, with_zone=False)


@by_moment
def in_zones(moment: datetime, zones=INDONESIAN_ZONES) -> tuple[datetime, ...]:
    """The same moment in each of the other zones: for an online program, whose participants are anywhere."""
    own = moment.utcoffset()
    return tuple(moment.astimezone(ZoneInfo(name)) for name in zones
                 if moment.astimezone(ZoneInfo(name)).utcoffset() != own)


@by_moment
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


@lru_cache(maxsize=None)
def money(amount: int, lang: str) -> str:
    return format_currency(amount, "IDR", format="¤#,##0", locale=babel_locale(lang), currency_digits=False)


@lru_cache(maxsize=None)
def file_size(size: int, lang: str) -> str:
    """12 KB, 1,2 MB: a file's size as people say it, in the language's number format."""
    if size < 1000:
        return f"{format_decimal(max(size, 1), locale=babel_locale(lang))} B"
    if size < 1_000_000:
        return f"{format_decimal(round(size / 1000), locale=babel_locale(lang))} KB"
    return f"{format_decimal(round(size / 1_000_000, 1), locale=babel_locale(lang))} MB"
