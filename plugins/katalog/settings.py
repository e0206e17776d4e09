"""Every KATALOG_* setting with its default, in one place (documented in README.md)."""

from __future__ import annotations

import os
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

DEFAULTS = {
    # Languages the site is published in; the first is the main one. None: [DEFAULT_LANG].
    "KATALOG_LANGUAGES": None,
    # Where a text is missing in a language, the languages tried next. None: the main language.
    # Example: {"jv": ["id"], "su": ["id"]}.
    "KATALOG_FALLBACKS": None,
    # Stop the build when a program or page has no version in one of KATALOG_LANGUAGES.
    "KATALOG_REQUIRE_TRANSLATIONS": False,
    # Language of the content-check messages. None: the main site language.
    "KATALOG_MESSAGE_LANG": None,
    # Time zone for programs with no physical location and no time zone of their own, and for the build day:
    # site.yaml's timezone (set from there).
    "KATALOG_TIMEZONE": "Asia/Jakarta",
    # The day the build treats as today ("YYYY-MM-DD"), or the moment ("YYYY-MM-DDTHH:MM", in KATALOG_TIMEZONE).
    # None: the build's own moment. A day alone is its first minute: no session of that day is over yet.
    # The environment variable KATALOG_TODAY overrides both, for reproducible builds and tests.
    # KATALOG_NOW is set from it (an aware datetime): the moment every state (open, full, cancelled, over) is
    # worked out at; KATALOG_TODAY is then that moment's day.
    "KATALOG_TODAY": None,
    # Folders inside the content folder.
    "KATALOG_PROGRAM_DIR": "programs",
    "KATALOG_PAGE_DIR": "pages",
    "KATALOG_DATA_DIR": "data",
    # Strict checks, as on a pull request: a warning (a program still "open" after its last session, HTML removed
    # from a description) stops the build like a mistake. Environment: KATALOG_STRICT=1 (make check STRICT=1).
    "KATALOG_STRICT": False,
    # The files a change (a pull request, a push) touches; None: not known. With KATALOG_STRICT only warnings
    # about these stop the build (None: every file's), and in GitHub Actions the job summary links the programs
    # among them. Environment: KATALOG_CHANGED_FILES, paths separated by spaces or lines
    # (make check STRICT=1 CHANGED="content/programs/a/id.md ...").
    "KATALOG_CHANGED_FILES": None,
    # Most sessions one program may have, from a repeat rule or a list (guards against a rule with no end).
    "KATALOG_MAX_SESSIONS": 200,
    # How much one content file may hold; None: the defaults in limits.py (see README, "Limits").
    # Example: {"body_chars": 400_000}.
    "KATALOG_LIMITS": None,
    # The accessible-writing rules (plugins/katalog/writing.py, listed in the guides): a rule's weight on this site,
    # "error", "warning" or "off", over its own. Example: {"time_without_zone": "error", "shouting": "off"}.
    "KATALOG_WRITING": None,
    # The figures those rules measure against; None: the defaults in writing.py (WritingLimits).
    # Example: {"sentence_words": 30, "summary_words": 40}.
    "KATALOG_WRITING_LIMITS": None,
    # The folder inside the content folder that holds images; every image a program shows is there.
    "KATALOG_IMAGE_DIR": "images",
    # The Content-Security-Policy every page carries: scripts, styles, images and fonts only from the site itself.
    # 'wasm-unsafe-eval' lets the search page compile the search engine's WebAssembly (from this site); it allows no
    # JavaScript eval and no inline script.
    "KATALOG_CSP": ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; font-src 'self'; "
                    "connect-src 'self'; object-src 'none'; frame-src 'none'; base-uri 'self'; form-action 'self'"),
    # Headers for hosts that read a _headers file (Netlify, Cloudflare Pages), sent with every file besides the
    # Content-Security-Policy above (there with frame-ancestors 'none', which only a header can carry).
    # GitHub Pages sends its own headers; there the policy travels in each page's meta element.
    "KATALOG_HEADERS": {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
        "X-Frame-Options": "DENY",
    },
    # How long browsers and the host's network may keep the versioned files (theme files and images, whose
    # addresses change with their content), in seconds. HTML keeps the host's own short default.
    "KATALOG_CACHE_SECONDS": 31_536_000,
    # Programs per page of a listing: a list of up to this many is one page, so that one search of the page finds any
    # program in it (a phone's "find in page") and nobody has to guess which page holds it.
    "KATALOG_PAGE_SIZE": 50,
    # The library's own facts, read from content/data/site.yaml by katalog.site before a build or a check (name,
    # address, zone, help channels, languages, licence, host); never set by hand. SITENAME, AUTHOR,
    # KATALOG_SHORT_NAME, I18N_SUBSITES, KATALOG_TIMEZONE and (for the sample) KATALOG_TODAY are set from it too.
    "KATALOG_SITE": None,
    # How many menu pages (lowest `menu` first) the header's navigation shows; the others are listed at the foot
    # of every page. Keeps the header short on a phone.
    "KATALOG_HEADER_PAGES": 1,
    # Accessibility features for people who may not hear or speak: a program offering one must itself be reachable
    # without a phone call (WhatsApp, a form, e-mail). Codes from content/data/accessibility.yaml.
    "KATALOG_TEXT_CHANNEL_FEATURES": ["juru-bahasa-isyarat", "teks-langsung"],
    # The header's shorter name, per language: site.yaml's short_name (set from there). None: SITENAME.
    "KATALOG_SHORT_NAME": None,
    # The part after @ in the UID of every calendar event: keep it when the site moves to another address, so that
    # calendars that subscribed keep matching their events. None: the host name of SITEURL ("localhost" without one).
    "KATALOG_CALENDAR_DOMAIN": None,
    # How many programs a feed (atom.xml, and each category's) holds: the most recently changed.
    "KATALOG_FEED_SIZE": 50,
    # How many weeks the agenda shows a week a page (agenda/minggu/...), this week included; at least 2 (this week
    # and the next). The month pages show every session.
    "KATALOG_AGENDA_WEEKS": 8,
    # How many upcoming programs the home page shows.
    "KATALOG_HOME_UPCOMING": 6,
    # URL words for the listings; the same in every language so that addresses stay stable.
    "KATALOG_PATHS": {
        "program": "program",
        "agenda": "agenda",
        # The agenda a week a page (agenda/minggu/2026-11-23/, by its Monday), and the two addresses that always show
        # the current and the coming week: agenda/minggu-ini/, agenda/minggu-depan/. Each place's agenda is at
        # agenda/<location>/<code>/ (agenda/lokasi/cabang-ketapang/).
        "week": "minggu",
        "this_week": "minggu-ini",
        "next_week": "minggu-depan",
        "category": "kategori",
        "audience": "sasaran",
        "accessibility": "aksesibilitas",
        "language": "bahasa",
        "partner": "mitra",
        "location": "lokasi",
        "page": "halaman",
        # The whole catalog's calendar file, at the root of each language's site: kalender.ics.
        "calendar": "kalender",
        # The open data (programs.json, programs.csv, their schema) and the page that explains them.
        "data": "data",
        # Sheets to print, inside a program's or a month's address: program/SLUG/cetak/, agenda/2026-12/cetak/.
        "print": "cetak",
        # The search page of each language: cari/, en/cari/.
        "search": "cari",
        # The pages made from the catalog's facts (katalog.fact_pages), with the library's own words from the page
        # of the same address in content/pages, if any.
        "register": "cara-mendaftar",
        "about": "tentang",
        "statement": "pernyataan-aksesibilitas",
    },
    # Search results shown at first and added by each "more results" button: each one fetches a small part of the
    # index, so fewer keep a first search light on slow connections.
    "KATALOG_SEARCH_RESULTS": 4,
    # How many processes write the languages' pages at once (katalog/parallel.py): None is one per language, 1
    # writes them one after another. More than the machine's cores gains nothing but costs memory.
    "KATALOG_BUILD_PROCESSES": None,
}


def katalog_settings(settings: dict) -> dict:
    """The KATALOG_* settings with defaults filled in and derived values resolved."""
    merged = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    merged["KATALOG_PATHS"] = {**DEFAULTS["KATALOG_PATHS"], **(settings.get("KATALOG_PATHS") or {})}
    headers = {**DEFAULTS["KATALOG_HEADERS"], **(settings.get("KATALOG_HEADERS") or {})}
    merged["KATALOG_HEADERS"] = {name: value for name, value in headers.items() if value is not None}  # None: left out
    # Inside a language sub-site DEFAULT_LANG is that language; the main one is remembered here.
    main = settings.get("KATALOG_MAIN_LANG") or settings.get("DEFAULT_LANG", "id")
    merged["KATALOG_LANGUAGES"] = list(merged["KATALOG_LANGUAGES"] or [main, *settings.get("I18N_SUBSITES", {})])
    merged["KATALOG_FALLBACKS"] = {lang: list((merged["KATALOG_FALLBACKS"] or {}).get(lang) or [main])
                                   for lang in merged["KATALOG_LANGUAGES"]}
    merged["KATALOG_MESSAGE_LANG"] = merged["KATALOG_MESSAGE_LANG"] or main
    merged["KATALOG_MAIN_LANG"] = main
    merged["KATALOG_NOW"] = build_moment({**settings, **merged})
    merged["KATALOG_TODAY"] = merged["KATALOG_NOW"].date()
    if os.environ.get("KATALOG_STRICT"):
        merged["KATALOG_STRICT"] = os.environ["KATALOG_STRICT"].strip().lower() not in ("0", "false", "no", "")
    if "KATALOG_CHANGED_FILES" in os.environ:
        merged["KATALOG_CHANGED_FILES"] = os.environ["KATALOG_CHANGED_FILES"].split()
    return merged


def _asked_moment(merged: dict):
    """What KATALOG_TODAY asks for (the environment first), as written."""
    return os.environ.get("KATALOG_TODAY") or merged.get("KATALOG_TODAY")


def _moment(value, zone) -> datetime:
    """KATALOG_TODAY's value as a moment in `zone`: a day is its first minute. ValueError when it is neither."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone)
    if isinstance(value, date):
        return datetime.combine(value, time(0), zone)
    moment = datetime.fromisoformat(str(value).strip())
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def build_moment(merged: dict) -> datetime:
    """The moment the build describes, in the site's time zone: KATALOG_TODAY's day (its first minute) or moment,
    else now (also when KATALOG_TODAY cannot be read: moment_problem says so, and the check stops the build)."""
    zone = ZoneInfo(merged.get("KATALOG_TIMEZONE") or DEFAULTS["KATALOG_TIMEZONE"])
    if not os.environ.get("KATALOG_TODAY") and isinstance(merged.get("KATALOG_NOW"), datetime):
        return merged["KATALOG_NOW"]  # pinned when the build started: every site and output of it shares one moment
    value = _asked_moment(merged)
    if value:
        try:
            return _moment(value, zone)
        except ValueError:
            pass
    return datetime.now(zone).replace(microsecond=0)


def moment_problem(settings: dict) -> str | None:
    """Why KATALOG_TODAY cannot be read, or None."""
    value = _asked_moment(settings)
    try:
        value and _moment(value, ZoneInfo(DEFAULTS["KATALOG_TIMEZONE"]))
    except ValueError:
        return f"KATALOG_TODAY «{value}» bukan tanggal (2026-12-07) atau waktu (2026-12-07T14:30)"
    return None
