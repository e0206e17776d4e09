"""Writes the pages every catalog has, made from its facts: how to register, about the library, and the
accessibility statement (katalog.fact_pages), each with the library's own words where it wrote them."""

from __future__ import annotations

import logging
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from katalog_content import section_html

from katalog.fact_pages import FACT_PAGES, audited_before_publishing, channels, sections
from katalog.view import CatalogView

logger = logging.getLogger(__name__)
LOG_PREFIX = "[katalog]"


class FactPagesGenerator(Generator):
    def generate_output(self, writer):
        catalog = self.context["katalog_catalog"]
        lang = self.settings["DEFAULT_LANG"]
        view = CatalogView(catalog, lang)
        site = catalog.site
        repository = Path(self.settings["PATH"]).resolve().parent
        facts = {
            "audited": audited_before_publishing(repository, site.host),
            "channels": channels(catalog, view),
            "locations": list(catalog.vocabularies["locations"].entries.values()),
            "partners": list(catalog.vocabularies["partners"].entries.values()),
        }
        own = sections(catalog, lang)
        for page in FACT_PAGES:
            slug = catalog.settings["KATALOG_PATHS"][page.key]
            section = own[page.key]
            # Pelican never reads these files (katalog_content): their checked, rendered text is used here.
            html = section_html(section, self.settings) if section is not None else ""
            writer.write_file(f"{slug}/index.html", self.get_template("fact_page"), self.context,
                              relative_urls=False, page_url=f"{slug}/", fact=page.key, section=section,
                              section_html=html, facts=facts, katalog=view)
        logger.debug("%s fact pages written", LOG_PREFIX)


def get_generators(pelican):
    return FactPagesGenerator


def register():
    signals.get_generators.connect(get_generators)
