"""Writes sitemap.xml for the whole site, every language's pages each with xhtml:link alternates to its other
language versions, and robots.txt pointing to it. Written once, by the main site, after every language's sub-site
(they are built while the main site starts writing)."""

from __future__ import annotations

import logging
import os
import re
from xml.sax.saxutils import escape, quoteattr

from pelican import signals

from katalog import parallel, preview
from katalog.settings import katalog_settings

logger = logging.getLogger(__name__)
LOG_PREFIX = "[katalog]"
SITEMAP = "sitemap.xml"


NOINDEX = re.compile(r"""<meta\s[^>]*name=["']?robots["']?[^>]*content=["'][^"']*\bnoindex""", re.IGNORECASE)


def indexable(path: str) -> bool:
    """Whether a written page lets search engines index it: no robots meta with noindex in its head (the sheets to
    print carry one). A sitemap that listed them would ask engines to crawl pages they are told to leave out."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        head = handle.read().split("</head>", 1)[0]
    return not NOINDEX.search(head)


def language_pages(output: str, languages: list[str], main: str) -> dict[str, set[str]]:
    """Each language's pages as paths inside its folder ("", "program/x/", ...), found in the written output."""
    found = {}
    for lang in languages:
        root = output if lang == main else os.path.join(output, lang)
        paths = set()
        for folder, subfolders, files in os.walk(root):
            relative = os.path.relpath(folder, root).replace(os.sep, "/")
            if lang == main and relative.split("/")[0] in languages:
                subfolders[:] = []
                continue
            if "index.html" in files and indexable(os.path.join(folder, "index.html")):
                paths.add("" if relative == "." else relative + "/")
        found[lang] = paths
    return found


def sitemap_xml(pages: dict[str, set[str]], urls: dict[str, str]) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for lang in pages:
        for path in sorted(pages[lang]):
            lines.append(f"  <url><loc>{escape(urls[lang] + '/' + path)}</loc>")
            versions = [other for other in pages if path in pages[other]]
            if len(versions) > 1:
                for other in versions:
                    lines.append(f'    <xhtml:link rel="alternate" hreflang="{other}" href={quoteattr(urls[other] + "/" + path)}/>')
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def write_sitemap(pelican):
    if preview.requested() is not None:
        return  # a preview writes only the edited programs' pages
    settings = pelican.settings
    if settings.get("DEFAULT_LANG") != settings.get("KATALOG_MAIN_LANG"):
        return  # a language sub-site: the sitemap is written once, by the main site, after all of them
    parallel.join()  # every language's pages are written (katalog.parallel)
    ks = katalog_settings(settings)
    urls = settings["KATALOG_SITEURLS"]
    languages = [lang for lang in ks["KATALOG_LANGUAGES"] if lang in urls]
    pages = language_pages(pelican.output_path, languages, ks["KATALOG_MAIN_LANG"])
    with open(os.path.join(pelican.output_path, SITEMAP), "w", encoding="utf-8") as handle:
        handle.write(sitemap_xml(pages, urls))
    main_url = settings["KATALOG_MAIN_SITEURL"]
    with open(os.path.join(pelican.output_path, "robots.txt"), "w", encoding="utf-8") as handle:
        handle.write("# Written by the build. Search engines read this file only at the root of a domain.\n"
                     f"User-agent: *\nAllow: /\n\nSitemap: {main_url}/{SITEMAP}\n")
    logger.debug("%s sitemap written: %d pages", LOG_PREFIX, sum(len(p) for p in pages.values()))


def register():
    signals.finalized.connect(write_sitemap)
