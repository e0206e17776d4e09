"""The base of the generators that write what the checked catalog flows out as (calendars, feeds, open data,
print): each language's programs, their view in that language, and their revisions."""

from __future__ import annotations

from pelican.generators import Generator

from .revisions import catalog_revisions
from .view import CatalogView


class CatalogOutput(Generator):
    """Gathers, for one language's site: ks (the KATALOG_* settings), view (labels and states in the language),
    items (Pelican's articles that are programs) and revisions (SEQUENCE and change time of each program)."""

    def generate_context(self):
        catalog = self.context["katalog_catalog"]
        self.ks = catalog.settings
        self.view = CatalogView(catalog, self.settings["DEFAULT_LANG"])
        self.items = [a for a in self.context.get("articles", []) if getattr(a, "program", None)]
        self.revisions = catalog_revisions(catalog, self.settings["PATH"])
