"""Pelican's settings for every catalog: the plugins, the readers, the addresses and the theme. A site's own
pelicanconf.py starts with `from katalog.defaults import *` and adds only what is its own (PATH, SITEURL); the
library's facts are in its content/data/site.yaml, the catalog's own settings (KATALOG_*) in katalog/settings.py."""

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _theme() -> str:
    """The theme: shipped inside this package (katalog/theme), or beside the plugins in a checkout of the generator."""
    for candidate in (_HERE / "theme", _HERE.parent.parent / "theme"):
        if (candidate / "templates" / "base.html").is_file():
            return str(candidate)
    raise RuntimeError(f"the catalog's theme is missing beside {_HERE}")


PATH = "content"
SITEURL = ""
DEFAULT_LANG = "id"
TIMEZONE = "Asia/Jakarta"  # Pelican's own, replaced by site.yaml's timezone when the build starts
THEME = _theme()
I18N_TEMPLATES_LANG = "id"

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


def published_siteurl() -> str:
    """publishconf.py's SITEURL: the address the site will live at, from the SITEURL environment variable."""
    import os

    address = os.environ.get("SITEURL", "").rstrip("/")
    if not address:
        raise SystemExit("publishconf.py: set the SITEURL environment variable, e.g. "
                         "SITEURL=https://name.github.io/katalog")
    return address
