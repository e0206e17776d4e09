"""Settings for building the sample catalog locally (`make html`, `make serve`)."""

import os
import sys

# The shared catalog code (plugins/katalog) is imported by the plugins by name.
PLUGINS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "plugins")
if PLUGINS_DIR not in sys.path:
    sys.path.insert(0, PLUGINS_DIR)

# The library's facts (its name in every language, address, zone, help, the languages published, licence, host)
# are not settings: they live in content/data/site.yaml, checked like every content file, and the build puts
# them into SITENAME, AUTHOR, KATALOG_SHORT_NAME, I18N_SUBSITES and KATALOG_TIMEZONE (plugins/katalog/site.py).
# A language switched on there gets a sub-site at /en/, /jv/, ...; a program or page not yet translated is
# shown there in Indonesian with a notice.
SITEURL = ""
PATH = "content"
DEFAULT_LANG = "id"
TIMEZONE = "Asia/Jakarta"  # Pelican's own, replaced by site.yaml's timezone when the build starts
THEME = "theme"
I18N_TEMPLATES_LANG = "id"

# "Today" is the build date in the library's zone, so that a nightly build moves programs into the past as their
# last session goes by. The sample says in site.yaml (sample:) the day it is written for, and is shown as of that
# day; KATALOG_TODAY=2026-12-07 make serve shows any catalog as of another day.

PLUGIN_PATHS = [PLUGINS_DIR]
PLUGINS = ["pelican.plugins.i18n_subsites", "katalog_content", "katalog_listings", "katalog_pages", "katalog_format", "katalog_assets", "katalog_hosting",
           "katalog_calendar", "katalog_opendata", "katalog_feeds",
           "katalog_print", "katalog_sitemap", "katalog_search"]

# Only our own Markdown reader; the reStructuredText reader would warn about the language.
READERS = {"rst": None, "html": None, "htm": None}
ARTICLE_PATHS = ["programs"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
ARTICLE_EXCLUDES = []
PAGE_EXCLUDES = []

# Markdown for descriptions: tables (aligned cells get a class, not a style), definition lists,
# abbreviations, fenced code, and [phrase]{jv} for a phrase in another language. What the HTML may
# then hold is decided by plugins/katalog/description.py (see docs/panduan.md, "Deskripsi").
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.tables": {"use_align_attribute": True},
        "markdown.extensions.def_list": {},
        "markdown.extensions.abbr": {},
        "markdown.extensions.fenced_code": {},
        "katalog.language_of_parts": {},
    },
    "output_format": "html5",
}

# Stable, readable addresses; the same slug in every language.
ARTICLE_URL = "program/{slug}/"
ARTICLE_SAVE_AS = "program/{slug}/index.html"
ARTICLE_LANG_URL = "{lang}/program/{slug}/"
ARTICLE_LANG_SAVE_AS = "{lang}/program/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
INDEX_SAVE_AS = "index.html"

# Listings come from the katalog_listings plugin; Pelican's own are switched off.
DIRECT_TEMPLATES = []
PAGINATED_TEMPLATES = {}
DEFAULT_PAGINATION = False
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
# The summary is plain text written by the librarian; templates escape it.
FORMATTED_FIELDS = []
SUMMARY_MAX_LENGTH = None

JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True,
                      "extensions": ["jinja2.ext.i18n"]}
THEME_STATIC_DIR = "theme"

DELETE_OUTPUT_DIRECTORY = False
RELATIVE_URLS = False
CACHE_CONTENT = False
