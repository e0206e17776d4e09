"""Writes the iCalendar files of each language's site: one per program (program/SLUG/SLUG.ics), one per facet value
(kategori/CODE/CODE.ics, ...) and one for the whole catalog (kalender.ics), and gives each program page its
"add to calendar" links (article.calendar)."""

from __future__ import annotations

import logging
import os
from functools import cached_property

from pelican import signals

from katalog.calendar import (EventText, uid_domain, calendar, google_calendar_url, program_events, span,
                              google_adds_all, written)
from katalog.listings import FACETS, facet_values
from katalog.outputs import CatalogOutput
from katalog.plaintext import absolute, plain, text_macros

logger = logging.getLogger(__name__)
LOG_PREFIX = "[katalog]"

class CalendarLinks:
    """A program page's "add to calendar" links (article.calendar), worked out when the page is written: by then the
    language's translations are installed."""

    def __init__(self, generator: CalendarGenerator, article):
        self.generator, self.article = generator, article

    @cached_property
    def ics(self) -> str:
        return f"{self.generator.settings['SITEURL']}/{self.generator.ics_path(self.article)}"

    @cached_property
    def session(self):
        upcoming = self.generator.view.upcoming(self.article.program)
        return upcoming[0] if upcoming else self.article.program.first

    @cached_property
    def google(self) -> str:
        words = self.generator.text_for(self.article)
        return google_calendar_url(self.article.program, words.summary, words.description, words.location,
                                   self.session)

    @cached_property
    def google_adds(self) -> str:
        """What the Google Calendar link adds: "all" sessions, the "next" of several, or the "one" there is."""
        program = self.article.program
        if google_adds_all(program, self.session):
            return "all"
        return "next" if len(program.sessions) > 1 else "one"


class CalendarGenerator(CatalogOutput):
    def generate_context(self):
        super().generate_context()
        self.domain = uid_domain(self.ks, self.settings.get("KATALOG_MAIN_SITEURL", ""))
        self._texts: dict[str, EventText] = {}
        for article in self.items:
            article.calendar = CalendarLinks(self, article)

    @cached_property
    def text(self):
        """The theme's plain-text macros (text.html), in this site's language."""
        return text_macros(self, self.view)

    def text_for(self, article) -> EventText:
        program = article.program
        if program.key not in self._texts:
            text, state = self.text, self.view.state(program)
            states = tuple(self.view.session_state(program, s) for s in program.sessions)
            page = absolute(self.settings["SITEURL"], article.url)
            self._texts[program.key] = EventText(
                lang=self.settings["DEFAULT_LANG"],
                summary=plain(text.summary_text(article.title, state)),
                description=plain(text.event_description(article, page)),
                location=plain(text.place_text(program)),
                url=page,
                session_summaries=tuple(plain(text.session_title(article.title, s, own)) for s, own in zip(program.sessions, states)),
                cancelled_summary=plain(text.summary_text(article.title, "cancelled")),
                state=state, session_states=states,
            )
        return self._texts[program.key]

    def ics_path(self, article) -> str:
        folder = os.path.dirname(article.save_as)
        return f"{folder}/{article.program.slug}.ics".lstrip("/")

    def _events(self, article):
        """The program's events in this language, written once for every calendar that holds them."""
        program = article.program
        return written(program_events(program, self.text_for(article), self.revisions[program.key], self.domain))

    def _write(self, path: str, items, name: str) -> None:
        target = os.path.join(self.output_path, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        events = [self.events[item.program.key] for item in items]
        days = span([item.program for item in items])
        with open(target, "wb") as handle:
            handle.write(calendar(events, name, self.settings["DEFAULT_LANG"], days))

    def generate_output(self, writer):
        site_name = self.settings.get("KATALOG_SHORT_NAME") or self.settings["SITENAME"]
        self.events = {article.program.key: self._events(article) for article in self.items}
        for article in self.items:
            self._write(self.ics_path(article), [article], article.title)
        for facet in FACETS:
            base = self.ks["KATALOG_PATHS"][facet.name]
            for value in facet_values(facet, self.items, self.view.vocabularies, self.ks["KATALOG_NOW"]):
                if not value.items:
                    continue
                label = plain(self.text.facet_value_text(facet, value.code))
                self._write(f"{base}/{value.code}/{value.code}.ics", value.items, f"{site_name}: {label}")
        self._write(f"{self.ks['KATALOG_PATHS']['calendar']}.ics", self.items, site_name)
        logger.debug("%s calendars written for %d programs", LOG_PREFIX, len(self.items))


def get_generators(pelican):
    return CalendarGenerator


def register():
    signals.get_generators.connect(get_generators)
