"""Search: a search page in each language (cari/, en/cari/), and the index it searches, written with Pagefind once
every language's site exists. Pagefind keeps one index per <html lang>, holding only what program and static pages
mark with data-pagefind-body, with the filters and result details those pages declare (katalog/search.py)."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from pelican import signals
from pelican.generators import Generator


from katalog import parallel, preview
from katalog.pagefind_files import make_stable
from katalog.fact_pages import slugs as fact_slugs
from katalog.search import EVERY_PROGRAM, compact_script, known_words

logger = logging.getLogger(__name__)
LOG_PREFIX = "[katalog]"
BUNDLE = "pagefind"
# What the search page loads from the bundle; Pagefind's own interfaces (and its worker, which the page does not
# use) are removed so that the site ships only what runs.
SCRIPT = ("js", "search.js")  # inside the theme's folder in the site
WORDS = "words.json"  # beside each search page: the words it suggests when nothing matches (katalog.search)
KEPT = ("pagefind.js", "pagefind-entry.json", ".pf_meta", ".pagefind", "index", "filter", "fragment")


# The pages that hold something to index (data-pagefind-body: programs and static pages), from every language's site,
# as glob patterns inside the main site's folder: Pagefind then reads only those, not every listing and sheet.
_INDEXED: dict[str, set] = {"root": set(), "patterns": set()}


class SearchPageGenerator(Generator):
    """The search page of one language; needs the catalog view set up by the listings generator."""

    def generate_context(self):
        if self.settings.get("DEFAULT_LANG") == self.settings.get("KATALOG_MAIN_LANG"):
            _INDEXED["root"], _INDEXED["patterns"] = {self.output_path}, set()
        root = next(iter(_INDEXED["root"]), self.output_path)
        prefix = os.path.relpath(self.output_path, root).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        for article in self.context.get("articles", []):
            folder = os.path.dirname(os.path.dirname(article.save_as))  # program/SLUG/index.html: any SLUG
            _INDEXED["patterns"].add(f"{prefix}{folder}/*/index.html".replace("//", "/").lstrip("/"))
        for page in self.context.get("pages", []):
            _INDEXED["patterns"].add(f"{prefix}{page.save_as}")
        # The pages made from the catalog's facts (katalog_pages): about, how to register, the statement.
        for slug in fact_slugs(self.context["katalog_catalog"].settings).values():
            _INDEXED["patterns"].add(f"{prefix}{slug}/index.html")

    def generate_output(self, writer):
        view = self.context["katalog"]
        items = [a for a in self.context.get("articles", []) if getattr(a, "program", None)]
        path = view.paths["search"]
        writer.write_file(f"{path}/index.html", self.get_template("search"), self.context, relative_urls=False,
                          page_url=f"{path}/", filters=view.search_values_in_use(items),
                          batch=view.settings["KATALOG_SEARCH_RESULTS"], every_program=EVERY_PROGRAM, words=WORDS)
        texts = [view.search_text(item) for item in (*self.context.get("articles", []), *self.context.get("pages", []))]
        words = known_words([*texts, *view.search_vocabulary()])
        target = os.path.join(self.output_path, path, WORDS)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as handle:
            json.dump(words, handle, ensure_ascii=False, separators=(",", ":"))


def indexed_glob() -> str:
    """The pages to index, as one glob; every HTML page when no site told which."""
    patterns = sorted(_INDEXED["patterns"])
    return "{" + ",".join(patterns) + "}" if patterns else "**/*.html"


def _index(site: str, bundle: str) -> None:
    """Pagefind's own command, run to its end. (Its Python API stops the indexer as soon as the indexer answers that
    it wrote the files; on a busy machine a large index's pagefind-entry.json was then left empty.)"""
    done = subprocess.run([sys.executable, "-m", "pagefind", "--site", site, "--output-path", bundle,
                           "--glob", indexed_glob()], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"Pagefind could not index the site: {done.stderr.strip() or done.stdout.strip()}")
    logger.debug("%s search index: %s", LOG_PREFIX, done.stdout.strip().splitlines()[-1:] or "")


def write_index(pelican):
    if preview.requested() is not None:
        return  # a preview writes only the edited programs' pages
    settings = pelican.settings
    if settings.get("DEFAULT_LANG") != settings.get("KATALOG_MAIN_LANG"):
        return  # a language sub-site: the main site indexes every language once they all exist
    parallel.join()  # every language's pages are written (katalog.parallel)
    site = os.path.abspath(pelican.output_path)
    bundle = os.path.join(site, BUNDLE)
    shutil.rmtree(bundle, ignore_errors=True)
    _index(site, bundle)
    for name in os.listdir(bundle):
        if not (name in KEPT or name.endswith(KEPT)):
            os.remove(os.path.join(bundle, name))
    make_stable(Path(bundle))
    script = os.path.join(site, settings.get("THEME_STATIC_DIR", "theme"), *SCRIPT)
    if os.path.isfile(script):
        with open(script, encoding="utf-8") as handle:
            text = handle.read()
        with open(script, "w", encoding="utf-8") as handle:
            handle.write(compact_script(text))


def get_generators(pelican):
    return SearchPageGenerator


def register():
    signals.get_generators.connect(get_generators)
    signals.finalized.connect(write_index)
