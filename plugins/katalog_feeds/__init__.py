"""Writes an Atom feed of new and changed programs for each language (atom.xml) and for each category
(kategori/CODE/atom.xml): programs that can still be joined or were cancelled, the most recently changed first."""

from __future__ import annotations

import html
import logging
import os
import uuid

from feedgenerator import Atom1Feed
from pelican import signals

from katalog.calendar import uid_domain
from katalog.outputs import CatalogOutput
from katalog.plaintext import plain, text_macros

logger = logging.getLogger(__name__)
LOG_PREFIX = "[katalog]"
FEED_NAME = "atom.xml"
# Programs in a feed: those one can still join, and those called off (news to whoever planned to come).
FEED_STATES = ("open", "full", "cancelled")


def entry_id(domain: str, name: str, lang: str) -> str:
    """An id that stays the same in every build and when the site moves (with KATALOG_CALENDAR_DOMAIN set): a UUID
    made from the program's (or feed's) name, the domain and the language."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{name}@{domain}/{lang}')}"


class FeedGenerator(CatalogOutput):
    """One language's feeds."""

    def _feed(self, path: str, title: str, items, text) -> None:
        site = self.settings["SITEURL"]
        lang = self.settings["DEFAULT_LANG"]
        domain = uid_domain(self.ks, self.settings.get("KATALOG_MAIN_SITEURL", ""))
        feed = Atom1Feed(title=title, link=f"{site}/", description="", language=lang,
                         feed_url=f"{site}/{path}", author_name=self.settings.get("AUTHOR") or self.settings["SITENAME"],
                         feed_guid=entry_id(domain, path, lang))
        chosen = [a for a in items if self.view.state(a.program) in FEED_STATES]
        chosen.sort(key=lambda a: (self.revisions[a.program.key].stamp, a.program.key), reverse=True)
        for article in chosen[: self.ks["KATALOG_FEED_SIZE"]]:
            program = article.program
            revision = self.revisions[program.key]
            page = f"{site}/{article.url}"
            words = plain(text.event_description(article, None))
            body = "".join(f"<p>{html.escape(part).replace(chr(10), '<br>')}</p>" for part in words.split("\n\n") if part)
            feed.add_item(title=plain(text.summary_text(article.title, self.view.state(program))), link=page,
                          description=body, unique_id=entry_id(domain, program.key, lang),
                          updateddate=revision.stamp, pubdate=revision.published,
                          categories=[self.view.label("categories", program.category)])
        target = os.path.join(self.output_path, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as handle:
            feed.write(handle, "utf-8")

    def generate_output(self, writer):
        text = text_macros(self, self.view)
        name = self.settings.get("KATALOG_SHORT_NAME") or self.settings["SITENAME"]
        self._feed(FEED_NAME, name, self.items, text)
        base = self.ks["KATALOG_PATHS"]["category"]
        for code in self.view.vocabularies["categories"].entries:
            items = [a for a in self.items if a.program.category == code]
            if items:
                label = self.view.label("categories", code)
                self._feed(f"{base}/{code}/{FEED_NAME}", f"{name}: {label}", items, text)
        logger.debug("%s feeds written", LOG_PREFIX)


def get_generators(pelican):
    return FeedGenerator


def register():
    signals.get_generators.connect(get_generators)
