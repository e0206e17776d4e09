"""What the listing pages hold: facets and their values, catalog order, the agenda, pagination."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

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


def facet_values(facet: Facet, items, vocabularies, now: datetime, program_of=lambda item: item.program):
    """Every value of a facet with the programs that have it, in the vocabulary's order."""
    vocabulary: Vocabulary = vocabularies[facet.vocabulary]
    found: dict[str, list] = {}
    for item in items:
        for code in facet.values_of(program_of(item), vocabularies):
            found.setdefault(code, []).append(item)
    order = list(vocabulary.entries) + [ONLINE]
    codes = [c for c in order if c in found or (facet.every_entry and c in vocabulary)]
    codes += sorted(c for c in found if c not in codes)
    return [FacetValue(facet.name, code, catalog_order(found.get(code, []), now, program_of)) for code in codes]


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
