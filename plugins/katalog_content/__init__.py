"""Checks the whole catalog before anything is written, then reads programs and pages from it."""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
import sys

from pelican import signals
from pelican.generators import Generator
from pelican.readers import MarkdownReader

from katalog import ci
from katalog.catalog import Catalog, load_catalog
from katalog.fact_pages import is_section
from katalog.assets import version_images
from katalog.messages import format_report, frame
from katalog.model import Program
from katalog.settings import DEFAULTS, build_moment, katalog_settings
from katalog.site import apply_site

logger = logging.getLogger(__name__)
LOG_PREFIX = "[katalog]"
NO_SITE_LINK_FORMS = r"(?P<what>(?!))"

# The checked catalog of each content folder in this build, for the reader to use.
_CATALOGS: dict[str, Catalog] = {}
# The catalog is read and checked once per build, for the main site, and shared by every language sub-site whose
# settings read it the same way. These settings change how pages look, not what the catalog holds, so a sub-site
# may set its own; any other difference reads the catalog again for that sub-site.
PRESENTATION_SETTINGS = frozenset({
    "KATALOG_CSP", "KATALOG_HEADERS", "KATALOG_CACHE_SECONDS", "KATALOG_PAGE_SIZE", "KATALOG_SITE",
    "KATALOG_HEADER_PAGES", "KATALOG_SHORT_NAME", "KATALOG_CALENDAR_DOMAIN", "KATALOG_FEED_SIZE",
    "KATALOG_HOME_UPCOMING", "KATALOG_AGENDA_WEEKS", "KATALOG_PATHS", "KATALOG_SEARCH_RESULTS",
    "KATALOG_TEXT_CHANNEL_FEATURES"})
_READ: dict[tuple, Catalog] = {}
# Every site of a build looks up the same files: each path's real path worked out once (a build is one process, or
# a child forked for it, so no file moves while this remembers).
_real = functools.lru_cache(maxsize=None)(os.path.realpath)


def _reading(path: str, settings: dict) -> tuple:
    """What decides how a content folder is read: the folder and every setting that is not presentation."""
    ks = katalog_settings(settings)
    relevant = {key: value for key, value in ks.items() if key not in PRESENTATION_SETTINGS}
    # STATIC_PATHS is left out: language sub-sites empty it (the main site copies the files once).
    paths = {key: settings.get(key) for key in ("MARKDOWN", "ARTICLE_PATHS", "PAGE_PATHS")}
    return os.path.realpath(path), repr(sorted(relevant.items())), repr(sorted(paths.items(), key=str))


def shared_catalog(path: str, settings: dict) -> Catalog:
    """The catalog of `path` for a site with `settings`: read and checked the first time in a build, then the same
    programs and pages with the site's own settings."""
    key = _reading(path, settings)
    if key not in _READ:
        _READ[key] = load_catalog(path, settings)
    catalog = _READ[key]
    return dataclasses.replace(catalog, settings=katalog_settings(settings), _by_source=catalog._by_source,
                               _by_key=catalog._by_key)


class CatalogInvalid(SystemExit):
    """The content has problems; the report has been printed and nothing was written.

    A SystemExit, so that whatever runs Pelican ends quietly with code 1 instead of printing a traceback.
    """

    def __init__(self, summary: str):
        super().__init__(1)
        self.summary = summary


class CatalogGate(Generator):
    """Loads and checks every content file when the build starts; stops it with the full report."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        catalog = shared_catalog(self.path, self.settings)
        lang = catalog.settings["KATALOG_MESSAGE_LANG"]
        main_site = self.settings["DEFAULT_LANG"] == catalog.settings["KATALOG_MAIN_LANG"]
        if catalog.problems:
            sys.stderr.write("\n" + format_report(catalog.problems, lang, catalog.warnings))
            sys.stderr.flush()
            ci.report_problems(catalog.problems + catalog.warnings, lang)
            raise CatalogInvalid(frame("summary", lang, count=len(catalog.problems),
                                       files=len({p.path for p in catalog.problems})))
        if catalog.warnings and main_site:
            # Once per build (the main site), not again for each language sub-site.
            sys.stderr.write("\n" + format_report([], lang, catalog.warnings))
            sys.stderr.flush()
            ci.report_problems(catalog.warnings, lang, summary=False)  # the build's summary lists them
        _CATALOGS[os.path.realpath(self.path)] = catalog
        self.context["katalog_catalog"] = catalog
        logger.debug("%s %d programs and %d pages checked", LOG_PREFIX, len(catalog.programs), len(catalog.pages))


def catalog_for(settings) -> Catalog | None:
    return _CATALOGS.get(_real(settings["PATH"]))


class CatalogReader(MarkdownReader):
    """Gives Pelican the checked program or page for a Markdown file, with its body rendered."""

    enabled = True
    file_extensions = ["md", "markdown"]

    def read(self, source_path):
        catalog = catalog_for(self.settings)
        item = catalog.by_source().get(_real(str(source_path))) if catalog else None
        if item is None:
            # Only files outside the program and page folders get here; Pelican skips them.
            return "", {}
        lang = self.settings["DEFAULT_LANG"]
        if catalog.choose(item, lang) is not item:
            # Another version of this program or page is the one this language's site shows.
            return "", {"status": "skip"}
        self._source_path = source_path
        content = section_html(item, self.settings)
        metadata = {
            "title": item.title,
            "slug": item.slug,
            # Every item is native to the sub-site that shows it; content_lang says what it is written in.
            "lang": lang,
            "content_lang": item.lang,
            "fallback": item.lang != lang,
            "summary": item.summary,
        }
        if isinstance(item, Program):
            metadata.update(
                program=item,
                date=item.first.start,
                category=self.process_metadata("category", item.category),
                template="program",
            )
        else:
            metadata.update(katalog_page=item, menu=item.menu, menu_title=item.menu_title)
        return content, metadata


def section_html(item, settings) -> str:
    """A program's or page's text, rendered and sanitised when the catalog was checked; images addressed from the
    main site's root, versioned."""
    catalog = catalog_for(settings)
    return version_images(item.html, settings.get("KATALOG_MAIN_SITEURL", settings["SITEURL"]),
                          catalog.settings["KATALOG_IMAGE_DIR"], settings["PATH"])


def remember_main_site(pelican):
    """Records the main language and each language's address before any language sub-site copies the settings."""
    settings = pelican.settings
    if "KATALOG_MAIN_LANG" in settings:
        return  # a language sub-site: its settings came from the main site's
    _READ.clear()  # a new build reads the content again
    _real.cache_clear()
    # The library's facts (content/data/site.yaml) name the site and decide its languages before the sub-sites are
    # set up; their problems are reported with every other one when the catalog is checked.
    apply_site(settings, settings["PATH"])
    # One moment for the whole build: every language's site, every output, every process works states out at it.
    settings["KATALOG_NOW"] = build_moment(settings)
    settings.setdefault("KATALOG_CSP", DEFAULTS["KATALOG_CSP"])  # the templates read it
    # Descriptions are checked and addressed by the catalog; Pelican's {static}/{attach}/{filename} link forms
    # would read and copy files by path, so they are switched off (a pattern that never matches).
    settings["INTRASITE_LINK_REGEX"] = NO_SITE_LINK_FORMS
    main_url = settings["SITEURL"]
    settings["KATALOG_MAIN_LANG"] = settings["DEFAULT_LANG"]
    settings["KATALOG_MAIN_SITEURL"] = main_url
    urls = {settings["DEFAULT_LANG"]: main_url}
    for lang, overrides in settings.get("I18N_SUBSITES", {}).items():
        urls[lang] = overrides.get("SITEURL") or f"{main_url}/{lang}"
    settings["KATALOG_SITEURLS"] = urls


def read_only_shown(generator):
    """Leaves out of a site's reading the files of other versions of a program or page than the one it shows (an
    English file on the Javanese site when a Javanese one exists): the reader would skip them one by one."""
    find_files = generator.get_files

    def get_files(paths, exclude=None, extensions=None):
        found = find_files(paths, exclude=exclude, extensions=extensions)
        catalog = catalog_for(generator.settings)
        if catalog is None:
            return found
        lang, by_source = generator.settings["DEFAULT_LANG"], catalog.by_source()
        switched_off = set(catalog.site.switched_off) if catalog.site else set()
        shown = set()
        for name in found:
            item = by_source.get(_real(os.path.join(generator.path, name)))
            if item is None and os.path.splitext(os.path.basename(name))[0] in switched_off:
                continue  # a language switched off in site.yaml: its files wait, unread
            if item is not None and is_section(item, catalog.settings):
                continue  # a library's own words for a fact page: katalog_pages writes that page
            if item is None or catalog.choose(item, lang) is item:
                shown.add(name)
        return shown

    generator.get_files = get_files


def add_reader(readers):
    for extension in CatalogReader.file_extensions:
        readers.reader_classes[extension] = CatalogReader


def get_generators(pelican):
    return CatalogGate


def register():
    signals.initialized.connect(remember_main_site)
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(read_only_shown)
    signals.page_generator_init.connect(read_only_shown)
    signals.get_generators.connect(get_generators)
