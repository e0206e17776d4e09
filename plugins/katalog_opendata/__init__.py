"""Writes each language's open data: data/programs.json with its JSON Schema (data/programs.schema.json),
data/programs.csv, and the "Data terbuka" page (data/index.html) that lists them with the licence."""

from __future__ import annotations

import json
import logging
import os
from datetime import datetime, timezone

from pelican import signals

from katalog.i18n import message_language
from katalog.opendata import COLUMNS, SCHEMA_NAME, document, program_record, programs_csv, schema
from katalog.outputs import CatalogOutput
from katalog.plaintext import absolute

logger = logging.getLogger(__name__)
LOG_PREFIX = "[katalog]"


class OpenDataGenerator(CatalogOutput):
    """One language's open data and its page."""

    def records(self) -> list[dict]:
        site, root = self.settings["SITEURL"], self.settings.get("KATALOG_MAIN_SITEURL", self.settings["SITEURL"])
        found = []
        for article in sorted(self.items, key=lambda a: a.program.key):
            program = article.program
            image = None
            if program.image:
                image = f"{root}/{program.image.src}"
            calendar = getattr(article, "calendar", None)
            found.append(program_record(
                program, self.view, url=f"{site}/{article.url}",
                calendar=calendar.ics if calendar else "", image=image, revision=self.revisions[program.key],
                title=article.title, summary=article.summary, description_html=article.content))
        return found

    def _write(self, path: str, text: str, encoding: str = "utf-8") -> int:
        target = os.path.join(self.output_path, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding=encoding, newline="") as handle:
            handle.write(text)
        return os.path.getsize(target)

    def generate_output(self, writer):
        lang = self.settings["DEFAULT_LANG"]
        base = self.ks["KATALOG_PATHS"]["data"]
        records = self.records()
        # The newest change of any program: the data's own date, the same for every build of one commit.
        newest = max((r.stamp for r in self.revisions.values()), default=datetime(2000, 1, 1, tzinfo=timezone.utc))
        licence = self.view.licence
        data = document(records, lang=lang, site=self.settings["SITENAME"],
                        url=absolute(self.settings["SITEURL"], "") or None, generated=newest, licence=licence)
        sizes = {
            "json": self._write(f"{base}/programs.json", json.dumps(data, ensure_ascii=False, indent=1) + "\n"),
            "csv": self._write(f"{base}/programs.csv", programs_csv(records), encoding="utf-8-sig"),
            "schema": self._write(f"{base}/{SCHEMA_NAME}", json.dumps(schema(lang, licence), ensure_ascii=False, indent=1) + "\n"),
        }
        # Column descriptions come from the build's messages: Indonesian where a language has none (marked so).
        columns_lang = message_language(lang)
        columns = [{"name": c.name, "doc": c.doc.render(columns_lang)} for c in COLUMNS]
        writer.write_file(f"{base}/index.html", self.get_template("open_data"), self.context, relative_urls=False,
                          page_url=f"{base}/", sizes=sizes, columns=columns, columns_lang=columns_lang,
                          licence=licence, program_count=len(records), data_base=f"{base}/")
        logger.debug("%s open data written for %d programs", LOG_PREFIX, len(records))


def get_generators(pelican):
    return OpenDataGenerator


def register():
    signals.get_generators.connect(get_generators)
