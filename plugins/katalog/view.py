"""What templates ask of the catalog: labels in the page's language, facet addresses, derived states."""

from __future__ import annotations

from markupsafe import Markup

from .data import localized
from .i18n import language_name
from .listings import FACETS, catalog_order, effective_features, next_start, place_agenda_url, week_start
from .registration import channels as registration_channels
from .model import Program
from .search import EVERY_PROGRAM, is_upcoming, matching_words, program_values, root_words, values_in_use


class CatalogView:
    def __init__(self, catalog, lang: str):
        self.catalog = catalog
        self.vocabularies = catalog.vocabularies
        self.settings = catalog.settings
        self.lang = lang
        self.today = catalog.settings["KATALOG_TODAY"]  # the build's day, as pages show it
        self.now = catalog.settings["KATALOG_NOW"]  # the build's moment, that every state is worked out at
        self.paths = catalog.settings["KATALOG_PATHS"]
        self.facets = FACETS
        self.main_lang = catalog.settings["KATALOG_MAIN_LANG"]
        self._ranks = None  # search_rank's, computed once
        self._related: dict[tuple, dict] = {}  # related()'s index, by the list of articles and the states
        self._cards: dict[tuple[str, int], str] = {}  # each program's card in a listing, by address and heading level
        self.cards_made = 0
        self._counts: dict[tuple, int] = {}
        self._kept: dict = {}
        self._states: dict[int, tuple] = {}

    def _fallbacks(self):
        return tuple(self.settings["KATALOG_FALLBACKS"].get(self.lang, (self.main_lang,)))

    def facet_vocabulary(self, facet: str) -> str:
        return next(f.vocabulary for f in FACETS if f.name == facet)

    def entry(self, vocabulary: str, code: str):
        return self.vocabularies[vocabulary].entries.get(code)

    def label(self, vocabulary: str, code: str) -> str:
        entry = self.entry(vocabulary, code)
        return entry.label.get_text(self.lang, self._fallbacks()) if entry else code

    @property
    def site(self):
        """The library's own facts (content/data/site.yaml)."""
        return self.catalog.site

    @property
    def licence(self):
        """The licence of the catalog's content and open data (site.yaml's licence)."""
        from .site import LICENCES

        return self.catalog.site.licence_terms if self.catalog.site else LICENCES["cc-by-4.0"]

    def site_text(self, name: str) -> str:
        """One of the library's texts (name, short_name, catalog_name, tagline, help hours) in the page's language."""
        site = self.catalog.site
        if site is None:
            return ""
        if name == "hours":
            return site.help.hours.get_text(self.lang, self._fallbacks()) if site.help.hours else ""
        return site.text(name, self.lang, self._fallbacks())

    def help(self) -> dict:
        """The library's contact for the help block: phone numbers ready for links, the hours in the page's language."""
        help_ = self.catalog.site.help if self.catalog.site else None
        if help_ is None:
            return {"whatsapp": None, "phone": None, "email": None, "hours": ""}
        return {"whatsapp": help_.whatsapp, "phone": help_.phone, "email": help_.email, "hours": self.site_text("hours")}

    def own_name(self, lang: str) -> str:
        """A language's name in that language, for the language switcher."""
        entry = self.entry("languages", lang)
        if entry and entry.label.get(lang):
            return entry.label[lang]
        return language_name(lang)

    def description(self, vocabulary: str, code: str) -> str:
        entry = self.entry(vocabulary, code)
        return entry.description.get_text(self.lang, self._fallbacks()) if entry and entry.description else ""

    def detail(self, vocabulary: str, code: str, name: str) -> str:
        entry = self.entry(vocabulary, code)
        value = entry.details.get(name) if entry else None
        if isinstance(value, dict):
            return localized(value, self.main_lang).get_text(self.lang, self._fallbacks())
        return str(value) if value is not None else ""

    def zone_moment(self, code: str):
        """Noon today at a location, in its time zone: for showing the zone as WIB, WITA or WIT with its name."""
        from datetime import datetime, time
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            return datetime.combine(self.today, time(12), ZoneInfo(self.detail("locations", code, "timezone")))
        except (ZoneInfoNotFoundError, ValueError):
            return None

    def opening_hours(self, code: str) -> list[tuple[list[tuple], list[tuple]]]:
        """A place's opening hours (katalog.hours, read once when the data is checked) as moments the templates
        format with the filters every time uses: for each set of days that share hours, the days in runs (first
        and last day, as dates of one week that starts on a Monday) and the ranges (start and end in the place's
        zone). Closed days are left out: a day not named is closed."""
        from datetime import datetime, timedelta
        from zoneinfo import ZoneInfo

        from .hours import runs

        entry = self.entry("locations", code)
        openings = entry.details.get("_hours") if entry else None
        if not openings:
            return []
        monday = week_start(self.today)
        zone = ZoneInfo(self.detail("locations", code, "timezone"))
        found = []
        for opening in openings:
            if not opening.times:
                continue
            days = [(monday + timedelta(days=first), monday + timedelta(days=last)) for first, last in runs(opening.days)]
            times = [(datetime.combine(monday, start, zone), datetime.combine(monday, end, zone))
                     for start, end in opening.times]
            found.append((days, times))
        return found

    def location_features(self, code: str) -> list[str]:
        entry = self.entry("locations", code)
        return [str(f) for f in (entry.details.get("accessibility") or ())] if entry else []

    def facet_base(self, facet: str) -> str:
        return f"{self.paths[facet]}/"

    def facet_url(self, facet: str, code: str) -> str:
        return f"{self.paths[facet]}/{code}/"

    def place_agenda_url(self, code: str | None = None) -> str:
        """A place's agenda (agenda/lokasi/<code>/), or without a code the page that lists them."""
        return place_agenda_url(self.paths, code)

    def state(self, program: Program) -> str:
        """What a visitor is told of the program today; worked out once per program (listings ask again and again)."""
        key = id(program)
        if key not in self._states:
            self._states[key] = (program, program.state(self.now))  # the program kept, so its id stays its own
        return self._states[key][1]

    def session_state(self, program: Program, session) -> str:
        """A session's state on the build day, the model's (Program.session_state)."""
        return program.session_state(session, self.now)

    def cancelled_to_come(self, program: Program):
        return program.cancelled_to_come(self.now)

    def moved_to_come(self, program: Program):
        return program.moved_to_come(self.now)

    def features(self, program: Program) -> tuple[str, ...]:
        return effective_features(program, self.vocabularies)

    def upcoming(self, program: Program):
        return program.upcoming(self.now)

    def channels(self, program: Program):
        """The ways to register (or join the waiting list) in the order they are offered (katalog.registration)."""
        return registration_channels(program, self.state(program))

    @staticmethod
    def has_text_channel(program: Program) -> bool:
        """Whether one can register or ask without a voice call: WhatsApp, a form, e-mail (its own or its
        contact's)."""
        return any(channel.written for channel in registration_channels(program, "open"))

    def related(self, program: Program, articles, limit: int = 3, states=("open", "full")) -> list:
        """Up to `limit` other programs that can still be joined: the same category first, then a shared audience;
        the soonest first. Looked up in an index made once per site, so a page costs the same in a large catalog."""
        index = self._related_index(articles, states)
        audiences = set(program.audiences)

        def ranked(entries, same_category):
            found = {}
            for entry in entries:
                other = entry[2].program
                if other.key != program.key and (other.category == program.category) == same_category:
                    found[entry[1]] = (-len(audiences & set(other.audiences)), entry)
            return [pair[1] for pair in sorted(found.values(), key=lambda pair: (pair[0], pair[1][0], pair[1][1]))]

        sharing = [e for a in audiences for e in index["category_audience"].get((program.category, a), ())]
        chosen = ranked(sharing, True)
        if len(chosen) < limit:
            taken = {entry[1] for entry in chosen}
            for entry in index["category"].get(program.category, ()):
                if len(chosen) >= limit:
                    break
                if entry[1] not in taken and entry[2].program.key != program.key:
                    chosen.append(entry)
        if len(chosen) < limit:
            chosen += ranked([e for a in audiences for e in index["audience"].get(a, ())], False)
        return [entry[2] for entry in chosen[:limit]]

    def _related_index(self, articles, states) -> dict:
        """The programs in `states`, soonest first (then in the site's order), by category, by audience and by
        both: what related() looks through."""
        key = (id(articles), tuple(states))
        if key not in self._related:
            entries = sorted(((next_start(a.program, self.now) or a.program.first.start, position, a)
                              for position, a in enumerate(articles)
                              if getattr(a, "program", None) and self.state(a.program) in states),
                             key=lambda entry: entry[:2])
            index = {"category": {}, "audience": {}, "category_audience": {}}
            for entry in entries:
                other = entry[2].program
                index["category"].setdefault(other.category, []).append(entry)
                for audience in dict.fromkeys(other.audiences):
                    index["audience"].setdefault(audience, []).append(entry)
                    index["category_audience"].setdefault((other.category, audience), []).append(entry)
            self._related[key] = index
        return self._related[key]

    def structured_program(self, article, site: str, root: str, site_name: str) -> dict:
        """JSON-LD for a program page: the program, the library that organises it, the breadcrumbs to it."""
        from . import structured

        program = article.program
        page = f"{site}/{article.url}"
        image = f"{root}/{program.image.src}" if program.image and not program.image.decorative else None
        category_url = f"{site}/{self.facet_url('category', program.category)}"
        return structured.graph(
            structured.program(program, self, title=article.title, summary=article.summary, page=page, site=site,
                               image=image),
            structured.course(program, self, title=article.title, summary=article.summary, page=page, site=site),
            structured.library(self, site, site_name),
            structured.breadcrumbs([(site_name, f"{site}/"), (self.label("categories", program.category), category_url),
                                    (article.title, page)]))

    def structured_home(self, site: str, site_name: str) -> dict:
        from . import structured

        return structured.graph(structured.library(self, site, site_name))

    def next_start(self, program: Program):
        return next_start(program, self.now)

    def search_values(self, program: Program) -> dict[str, tuple[str, ...]]:
        """The codes search filters a program by (katalog.search)."""
        return program_values(program, self.vocabularies, self.now)

    def search_values_in_use(self, items) -> dict[str, list[str]]:
        return values_in_use(items, self.vocabularies, self.now)

    def is_upcoming(self, program: Program) -> bool:
        return is_upcoming(program, self.now)

    def search_rank(self, article, articles) -> int:
        """The program's place in the catalog's order (upcoming soonest first, then the most recently over): how
        search lists programs when only filters are chosen."""
        if self._ranks is None:
            programs = [a for a in articles if getattr(a, "program", None)]
            self._ranks = {id(a): rank for rank, a in enumerate(catalog_order(programs, self.now), start=1)}
        return self._ranks.get(id(article), 0)

    def joinable(self, program) -> bool:
        """Whether a program can still be joined (open, or full with a waiting list): what listings put first."""
        return self.state(program) in ("open", "full")

    def joinable_count(self, value) -> int:
        """How many of a facet value's programs can still be joined: counted once, for all its listing pages."""
        key = ("joinable", value.facet, value.code)
        if key not in self._counts:
            self._counts[key] = sum(1 for item in value.items if self.joinable(item.program))
        return self._counts[key]

    def kept(self, key):
        """A part of a page that every page of a section of this site shares, as made before, or None (base.html)."""
        return self._kept.get(key)

    def keep(self, key, html):
        """Keeps a shared part of a page, made once, for every other page of the same section."""
        self._kept[key] = html
        return html

    def card(self, item, level: int):
        """A program's card as a listing of this site already showed it, or None (macros.html, program_list)."""
        return self._cards.get((item.url, level))

    def keep_card(self, item, level: int, html):
        """Keeps a program's card, made once, for every other listing that shows the program at the same level."""
        self.cards_made += 1
        self._cards[(item.url, level)] = html
        return html

    def search_text(self, item) -> str:
        """The words search already finds a program or page by: its title (metadata) and the text its index entry
        holds and excerpts come from, the summary, description, and a program's accessibility note and poster text
        (the template marks the rest ignored)."""
        parts = [item.title, getattr(item, "summary", "") or "", Markup(item.content).striptags()]
        program = getattr(item, "program", None)
        if program is not None:
            parts += [program.accessibility.note or "", (program.image.text or "") if program.image else ""]
        return " ".join(str(part) for part in parts)

    def search_vocabulary(self) -> list[str]:
        """Every vocabulary value's label and search words in this language: what search suggests from, beside the
        indexed text."""
        phrases = []
        for vocabulary in self.vocabularies.values():
            for entry in vocabulary.entries.values():
                phrases += [self.label(vocabulary.name, entry.code), *entry.search_words(self.lang, self._fallbacks())]
        return phrases

    def search_words(self, item, labels=()) -> dict[str, str]:
        """What a program or page adds to the search index for matching only, never shown (katalog.search), as
        Pagefind metadata fields: `terms`, the labels of its filters (given by the template, which names them), the
        words people search its category, audiences, languages, accessibility (its own and its place's), place and
        partners by, its partners' names and kinds and its place's short name and address (a program's also
        EVERY_PROGRAM); `roots`, for Indonesian text, the root words of its affixed words (tulis for menulis),
        which search weighs like the text itself."""
        text = self.search_text(item)
        phrases = list(labels)
        program = getattr(item, "program", None)
        if program is not None:
            phrases.insert(0, EVERY_PROGRAM)
            values = [("categories", program.category), *(("audiences", c) for c in program.audiences),
                      *(("languages", c) for c in program.languages),
                      *(("accessibility", c) for c in self.search_values(program)["accessibility"]),
                      *(("partners", c) for c in program.partners)]
            if not program.online:
                values.append(("locations", program.location))
            for vocabulary, code in values:
                entry = self.entry(vocabulary, code)
                if entry is None:
                    continue
                # A partner is no filter: its name is not among the labels.
                name = [self.label(vocabulary, code)] if vocabulary == "partners" else []
                phrases += [*name, *entry.search_words(self.lang, self._fallbacks())]
                if vocabulary == "partners":
                    phrases.append(self.detail(vocabulary, code, "kind"))
                if vocabulary == "locations":
                    phrases += [self.detail(vocabulary, code, "short"), self.detail(vocabulary, code, "address")]
        roots = root_words(text) if getattr(item, "content_lang", self.lang) == "id" else ""
        return {"terms": matching_words(phrases, text), "roots": roots}
