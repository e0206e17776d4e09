"""Writes the home page, the catalog by category, one page per facet value, facet indexes, the agenda (by month,
by week and by place), and the page for addresses that do not exist (404.html, in each language's folder)."""

from __future__ import annotations

import logging
from datetime import timedelta

from pelican import signals
from pelican.generators import Generator

from katalog.fact_pages import menu_entries
from katalog.listings import (FACETS, agenda, by_day, by_month, by_place, by_week, catalog_order, facet_values,
                              paginate, place_agenda_url)
from katalog.view import CatalogView

logger = logging.getLogger(__name__)
LOG_PREFIX = "[katalog]"


class ListingsGenerator(Generator):
    """Every page that lists programs; needs the programs read by Pelican's articles generator."""

    def generate_context(self):
        catalog = self.context["katalog_catalog"]
        self.settings_k = catalog.settings
        self.view = CatalogView(catalog, self.settings["DEFAULT_LANG"])
        self.items = [a for a in self.context.get("articles", []) if getattr(a, "program", None)]
        self.context["katalog"] = self.view
        # The library's pages with a menu place, and the pages made from its facts (katalog.fact_pages).
        listed = [p for p in self.context.get("pages", []) if getattr(p, "menu", None)]
        listed += menu_entries(catalog, self.settings["DEFAULT_LANG"])
        menu = sorted(listed, key=lambda p: p.menu)
        shown = catalog.settings["KATALOG_HEADER_PAGES"]
        self.context["menu_pages"], self.context["footer_pages"] = menu[:shown], menu[shown:]

    def _write(self, writer, save_as, template, url, **values):
        writer.write_file(save_as, self.get_template(template), self.context, relative_urls=False,
                          page_url=url, **values)

    def _paginated(self, writer, items, base, template, **values):
        size = self.settings_k["KATALOG_PAGE_SIZE"]
        for page in paginate(items, size, base, self.settings_k["KATALOG_PATHS"]["page"]):
            self._write(writer, page.save_as, template, page.url, listing=page, **values)

    def generate_output(self, writer):
        today, now = self.settings_k["KATALOG_TODAY"], self.settings_k["KATALOG_NOW"]
        view = self.view
        paths = self.settings_k["KATALOG_PATHS"]
        ordered = catalog_order(self.items, now)
        upcoming = [a for a in ordered if view.joinable(a.program)]
        sessions = agenda(self.items, now)
        week = [e for e in sessions if e.day < today + timedelta(days=7)]
        self._write(writer, "index.html", "index", "", upcoming=upcoming[: self.settings_k["KATALOG_HOME_UPCOMING"]],
                    joinable_count=len(upcoming), week=by_day(week))

        # All programs one can still join first, by category; then, in one part, those that are over or cancelled.
        category_order = list(view.vocabularies["categories"].entries)
        by_category = sorted(ordered, key=lambda a: (not view.joinable(a.program), category_order.index(a.program.category)))
        self._paginated(writer, by_category, f"{paths['program']}/", "catalog")

        for facet in FACETS:
            values = facet_values(facet, self.items, view.vocabularies, now)
            self._write(writer, f"{paths[facet.name]}/index.html", "facet_index", f"{paths[facet.name]}/",
                        facet=facet, values=values)
            for value in values:
                self._paginated(writer, value.items, view.facet_url(facet.name, value.code), "facet",
                                facet=facet, value=value)

        places = by_place(sessions, view.vocabularies, paths)
        for page in by_month(sessions, f"{paths['agenda']}/"):
            self._write(writer, page.save_as, "agenda", page.url, listing=page, days=by_day(page.items))
        for week in by_week(sessions, today, f"{paths['agenda']}/", paths, self.settings_k["KATALOG_AGENDA_WEEKS"]):
            self._write(writer, week.save_as, "agenda_week", week.url, week=week, days=by_day(week.items))
        self._write(writer, place_agenda_url(paths) + "index.html", "agenda_places", place_agenda_url(paths),
                    places=places)
        for place in places:
            self._write(writer, place.save_as, "agenda_place", place.url, place=place, days=by_day(place.items))
        # Hosts show the nearest 404.html (Cloudflare Pages), one chosen per language (Netlify) or the root one.
        self._write(writer, "404.html", "not_found", "404.html")
        logger.debug("%s listings written for %d programs", LOG_PREFIX, len(self.items))


def get_generators(pelican):
    return ListingsGenerator


def register():
    signals.get_generators.connect(get_generators)
