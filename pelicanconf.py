"""Settings for building the sample catalog locally (`make html`, `make serve`)."""

import os
import sys

# The shared catalog code (plugins/katalog) is imported by the plugins by name.
PLUGINS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "plugins")
if PLUGINS_DIR not in sys.path:
    sys.path.insert(0, PLUGINS_DIR)

AUTHOR = "Perpustakaan Dua Pesisir"
SITENAME = "Katalog Program Perpustakaan Dua Pesisir"
# The header's shorter name (KATALOG_SHORT_NAME), so that it stays one line on a phone.
KATALOG_SHORT_NAME = "Katalog Dua Pesisir"
SITEURL = ""
PATH = "content"
TIMEZONE = "Asia/Jakarta"
DEFAULT_LANG = "id"
THEME = "theme"

# "Today" is the build date in KATALOG_TIMEZONE, so that a nightly build moves programs into the past as their
# last session goes by. The sample catalog is written as of 2026-11-23: KATALOG_TODAY=2026-11-23 make serve
# shows it as written (the tests do the same).
# One sub-site per further language, at /en/ and /jv/. A program or page not yet translated is
# shown there in Indonesian with a notice. Adding a language: an entry here and a message catalog
# in theme/translations (see README).
I18N_SUBSITES = {
    "en": {"SITENAME": "Program Catalog of the Dua Pesisir Library", "KATALOG_SHORT_NAME": "Dua Pesisir Programs"},
    "jv": {"SITENAME": "Katalog Program Perpustakaan Dua Pesisir"},
}
I18N_TEMPLATES_LANG = "id"
KATALOG_TIMEZONE = "Asia/Jakarta"
# Help in the same place on every page: the library's own contact.
KATALOG_HELP = {"whatsapp": "0812-3301-4455", "phone": "(0333) 421 876",
                "email": "layanan@perpus-duapesisir.example.id"}

PLUGIN_PATHS = [PLUGINS_DIR]
PLUGINS = ["pelican.plugins.i18n_subsites", "katalog_content", "katalog_listings", "katalog_format", "katalog_assets", "katalog_hosting",
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
