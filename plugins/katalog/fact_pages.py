"""The pages every catalog has, made from its facts: how to register, about the library, and the accessibility
statement. A library may add its own words to each with a page of the same address in content/pages (its title,
menu place and text are then used); what the page states of the site itself is worked out here, never written by
hand, so that it stays true."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .model import Page, Program


@dataclass(frozen=True)
class FactPage:
    key: str  # also its address word in KATALOG_PATHS
    menu: int  # its place in the menu, unless the library's own page gives one


FACT_PAGES = (FactPage("register", 1), FactPage("about", 2), FactPage("statement", 3))


@dataclass
class MenuEntry:
    """A fact page as the header and footer list it (the attributes templates read of a Pelican page)."""

    fact: str
    slug: str
    url: str
    menu: int
    title: str = ""  # the library's own, else the theme's (macros.html fact_page_title)
    menu_title: str = ""
    fallback: bool = False
    content_lang: str = ""


def slugs(ks: dict) -> dict[str, str]:
    """Each fact page's address word, by key."""
    return {page.key: ks["KATALOG_PATHS"][page.key] for page in FACT_PAGES}


def is_section(item, ks: dict) -> bool:
    """Whether a page of content/pages is a library's own words for a fact page rather than a page of its own."""
    return isinstance(item, Page) and item.slug in slugs(ks).values()


def sections(catalog, lang: str) -> dict[str, Page | None]:
    """The library's own words for each fact page, in the version the `lang` site shows."""
    by_slug = {page.slug: page for page in catalog.pages if page.lang == catalog.settings["KATALOG_MAIN_LANG"]}
    found = {}
    for key, slug in slugs(catalog.settings).items():
        page = by_slug.get(slug) or next((p for p in catalog.pages if p.slug == slug), None)
        found[key] = catalog.choose(page, lang) if page else None
    return found


def menu_entries(catalog, lang: str) -> list[MenuEntry]:
    entries = []
    own = sections(catalog, lang)
    for page in FACT_PAGES:
        slug = catalog.settings["KATALOG_PATHS"][page.key]
        section = own[page.key]
        entry = MenuEntry(page.key, slug, f"{slug}/", page.menu)
        if section is not None:
            entry.title, entry.menu_title = section.title, section.menu_title
            entry.menu = section.menu or page.menu
            entry.fallback, entry.content_lang = section.lang != lang, section.lang
        entries.append(entry)
    return entries


# What each host's configuration in the repository must run for its pages to be checked before they are published.
HOST_CONFIGURATION = {
    "github-pages": ".github/workflows/*.yml",
    "gitlab-pages": ".gitlab-ci.yml",
    "netlify": "netlify.toml",
}
AUDIT = re.compile(r"\bmake\s+(?:-\S+\s+)*audit\b")


def audited_before_publishing(repository: Path, host: str) -> bool:
    """Whether the host's build, as the repository configures it, runs the accessibility gate over every page before
    the site goes out. Cloudflare Pages and other hosts keep their build command outside the repository: not known,
    so not claimed."""
    pattern = HOST_CONFIGURATION.get(host)
    if pattern is None:
        return False
    for path in sorted(repository.glob(pattern)):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if AUDIT.search(text) and (host != "github-pages" or "deploy-pages" in text):
            return True
    return False


@dataclass
class Channels:
    """How the programs that can still be joined take registrations, each counted once per program."""

    total: int = 0
    whatsapp: int = 0
    form: int = 0
    email: int = 0
    phone: int = 0
    walk_in: int = 0
    without_calling: int = 0  # WhatsApp, a form or e-mail: no voice call needed


def channels(catalog, view) -> Channels:
    counted = Channels()
    for program in catalog.programs:
        if not isinstance(program, Program) or program.lang != catalog.settings["KATALOG_MAIN_LANG"]:
            continue
        if view.state(program) not in ("open", "full"):
            continue
        registration = program.registration
        contacts = [c for c in (program.contact, program.accessibility.contact) if c]
        counted.total += 1
        counted.whatsapp += bool(registration.whatsapp)
        counted.form += bool(registration.form)
        counted.email += any(c.email for c in contacts)
        counted.phone += bool(registration.phone)
        counted.walk_in += bool(registration.walk_in)
        counted.without_calling += view.has_text_channel(program)
    return counted
