"""What the listing pages hold: facets and their values, catalog order, the agenda, pagination."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .data import Vocabulary
from .model import ONLINE, Program
from .schedule import Session


@dataclass(frozen=True)
class Facet:
    """A way to browse the catalog: by category, audience, accessibility feature, language, partner or location."""

    name: str
    vocabulary: str
    every_entry: bool = False  # partners and locations get a page even before they have programs

    def values_of(self, program: Program, vocabularies) -> tuple[str, ...]:
        if self.name == "category":
            return (program.category,)
        if self.name == "audience":
            return program.audiences
        if self.name == "language":
            return program.languages
        if self.name == "partner":
            return program.partners
        if self.name == "location":
            # A hybrid program can be joined online too: it is also listed with the online programs.
            return (program.location, ONLINE) if program.mode == "hybrid" else (program.location,)
        return effective_features(program, vocabularies)


FACETS = (
    Facet("category", "categories"),
    Facet("audience", "audiences"),
    Facet("accessibility", "accessibility"),
    Facet("language", "languages"),
    Facet("partner", "partners", every_entry=True),
    Facet("location", "locations", every_entry=True),
)


def effective_features(program: Program, vocabularies) -> tuple[str, ...]:
    """The program's own accessibility features and those of its place, in vocabulary order."""
    own = set(program.accessibility.features)
    if not program.online and program.location in vocabularies["locations"]:
        own |= {str(f) for f in vocabularies["locations"][program.location].details.get("accessibility") or ()}
    order = list(vocabularies["accessibility"].entries)
    return tuple(sorted(own, key=lambda code: order.index(code) if code in order else len(order)))


@dataclass
class FacetValue:
    facet: str
    code: str
    items: list = field(default_factory=list)


def next_start(program: Program, now: datetime) -> datetime:
    upcoming = program.upcoming(now)
    return (upcoming[0] if upcoming else program.last).start


def catalog_order(items, now: datetime, program_of=lambda item: item.program) -> list:
    """Upcoming programs first, soonest first; then programs that are over, most recent first."""
    def key(item):
        program = program_of(item)
        over = program.state(now) in ("past", "cancelled")
        moment = next_start(program, now).timestamp()
        return (over, -moment if over else moment, program.title)
    return sorted(items, key=key)


def _grouped(facet: Facet, items, vocabularies, program_of) -> list[tuple[str, list]]:
    """Every value of a facet with the items that have it, in the vocabulary's order (online after the places); a
    value without items only for facets that list every entry."""
    vocabulary: Vocabulary = vocabularies[facet.vocabulary]
    found: dict[str, list] = {}
    for item in items:
        for code in facet.values_of(program_of(item), vocabularies):
            found.setdefault(code, []).append(item)
    order = list(vocabulary.entries) + [ONLINE]
    codes = [c for c in order if c in found or (facet.every_entry and c in vocabulary)]
    codes += sorted(c for c in found if c not in codes)
    return [(code, found.get(code, [])) for code in codes]


def facet_values(facet: Facet, items, vocabularies, now: datetime, program_of=lambda item: item.program):
    """Every value of a facet with the programs that have it, in the vocabulary's order."""
    return [FacetValue(facet.name, code, catalog_order(found, now, program_of))
            for code, found in _grouped(facet, items, vocabularies, program_of)]


@dataclass
class AgendaEntry:
    session: Session
    item: object

    @property
    def day(self) -> date:
        return self.session.start.date()


def agenda(items, now: datetime, program_of=lambda item: item.program) -> list[AgendaEntry]:
    """Every session that has not ended yet (Program.still_listed), in the order they happen."""
    entries = [AgendaEntry(session, item) for item in items for session in program_of(item).still_listed(now)]
    return sorted(entries, key=lambda e: (e.session.start.timestamp(), program_of(e.item).title))


def by_day(entries: list[AgendaEntry]) -> list[tuple[date, list[AgendaEntry]]]:
    """Entries grouped under the local day they happen on, keeping their order."""
    groups: dict[date, list[AgendaEntry]] = {}
    for entry in entries:
        groups.setdefault(entry.day, []).append(entry)
    return sorted(groups.items())


@dataclass
class PageOfList:
    """One page of a paginated listing."""

    number: int
    count: int
    items: list
    url: str
    save_as: str
    urls: list  # the url of every page, first to last

    @property
    def previous_url(self):
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next_url(self):
        return self.urls[self.number] if self.number < self.count else None


def paginate(items: list, size: int, base: str, page_word: str) -> list[PageOfList]:
    """Splits a listing into pages: base/ for the first, base/<page_word>/2/ for the next. A listing up to half a
    page longer than a page stays one page, and a last page is never less than half full."""
    if len(items) <= size + size // 2:
        size = max(len(items), 1)
    chunks = [items[i:i + size] for i in range(0, len(items), size)] or [[]]
    if len(chunks) > 1 and len(chunks[-1]) < size // 2:
        chunks[-2:] = [chunks[-2] + chunks[-1]]
    urls = [base if n == 1 else f"{base}{page_word}/{n}/" for n in range(1, len(chunks) + 1)]
    return [PageOfList(n, len(chunks), chunk, urls[n - 1], urls[n - 1] + "index.html", urls)
            for n, chunk in enumerate(chunks, start=1)]


@dataclass
class MonthOfAgenda(PageOfList):
    """One month of the agenda: its sessions, and the months before and after it for links that name them."""

    months: list = None  # the first day of every month, first to last

    @property
    def month(self) -> date:
        return self.months[self.number - 1]

    @property
    def previous_month(self):
        return self.months[self.number - 2] if self.number > 1 else None

    @property
    def next_month(self):
        return self.months[self.number] if self.number < self.count else None


def by_month(entries: list[AgendaEntry], base: str) -> list[MonthOfAgenda]:
    """The agenda a month a page, each month at base/YYYY-MM/ (an address that keeps showing that month while it
    lasts), and first the agenda's own address, base/, showing the first month with sessions."""
    groups: dict[date, list[AgendaEntry]] = {}
    for entry in entries:
        groups.setdefault(entry.day.replace(day=1), []).append(entry)
    months = sorted(groups)
    if not months:
        return [MonthOfAgenda(1, 1, [], base, base + "index.html", [base], [None])]
    urls = [f"{base}{month:%Y-%m}/" for month in months]
    entry = MonthOfAgenda(1, len(months), groups[months[0]], base, base + "index.html", [base, *urls[1:]], months)
    return [entry, *(MonthOfAgenda(n, len(months), groups[month], urls[n - 1], urls[n - 1] + "index.html", urls, months)
                     for n, month in enumerate(months, start=1))]


@dataclass
class WeekOfAgenda:
    """One week of the agenda, Monday to Sunday: its sessions, its address and the weeks beside it. `name` is "this"
    or "next" for the pages that always show the current or the coming week (agenda/minggu-ini/, .../minggu-depan/);
    None for a week's own dated address (agenda/minggu/2026-11-23/), which keeps showing that week while it lasts."""

    first: date
    items: list
    url: str
    save_as: str
    name: str | None = None
    previous: "WeekOfAgenda | None" = None
    next: "WeekOfAgenda | None" = None

    @property
    def last(self) -> date:
        return self.first + timedelta(days=6)


def week_start(day: date) -> date:
    """The Monday of the week a day is in (ISO 8601 weeks, as Indonesian calendars print them)."""
    return day - timedelta(days=day.weekday())


def by_week(entries: list[AgendaEntry], today: date, base: str, paths: dict, weeks_ahead: int) -> list[WeekOfAgenda]:
    """The agenda a week a page, from this week to the last week with a session but at most `weeks_ahead` weeks
    (further on, the month pages), each at base/<week>/YYYY-MM-DD/ (its Monday), empty weeks included so that "next
    week" is always the next one; then this week and the next again at the addresses that always show them,
    base/<this_week>/ and base/<next_week>/."""
    groups: dict[date, list[AgendaEntry]] = {}
    for entry in entries:
        groups.setdefault(week_start(entry.day), []).append(entry)
    first = week_start(today)
    last = min(max([first + timedelta(days=7), *groups]), first + timedelta(days=7 * (max(weeks_ahead, 2) - 1)))
    weeks = []
    monday = first
    while monday <= last:
        url = f"{base}{paths['week']}/{monday.isoformat()}/"
        weeks.append(WeekOfAgenda(monday, groups.get(monday, []), url, url + "index.html"))
        monday += timedelta(days=7)
    for before, after in zip(weeks, weeks[1:]):
        before.next, after.previous = after, before
    named = []
    for week, name in ((weeks[0], "this"), (weeks[1], "next")):
        url = f"{base}{paths[f'{name}_week']}/"
        named.append(WeekOfAgenda(week.first, week.items, url, url + "index.html", name, week.previous, week.next))
    return weeks + named


@dataclass
class PlaceOfAgenda:
    """The agenda of one place (a location's code, or online): every session to come there."""

    code: str
    items: list
    url: str
    save_as: str


def place_agenda_url(paths: dict, code: str | None = None) -> str:
    """agenda/lokasi/<code>/: a place's agenda; without a code, the page that lists them."""
    return f"{paths['agenda']}/{paths['location']}/" + (f"{code}/" if code else "")


def by_place(entries: list[AgendaEntry], vocabularies, paths: dict,
             program_of=lambda item: item.program) -> list[PlaceOfAgenda]:
    """One agenda per location, in the locations' order, every location even without sessions (a shared link to a
    place keeps working), and online when a program can be joined online; a hybrid program's sessions are in both
    (the location facet's own values)."""
    facet = next(f for f in FACETS if f.name == "location")
    pages = []
    for code, found in _grouped(facet, entries, vocabularies, lambda entry: program_of(entry.item)):
        url = place_agenda_url(paths, code)
        pages.append(PlaceOfAgenda(code, found, url, url + "index.html"))
    return pages
