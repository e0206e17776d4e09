"""A 404 page in each language: what happened in plain words, and the way back to every program. Hosts serve it
at any address, so everything it links to or loads is addressed from the site's root."""

from __future__ import annotations

import re

import pytest

from conftest import SUBPATH_SITEURL

WORDS = {"": ("id", "Halaman tidak ditemukan", "Semua program"), "en/": ("en", "Page not found", "All programs"),
         "jv/": ("jv", "Kaca ora ketemu", "Kabeh program")}


@pytest.mark.parametrize("folder", WORDS)
def test_each_language_has_its_404_page(built_site, folder):
    lang, heading, catalog = WORDS[folder]
    page = (built_site / folder / "404.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in page
    assert f"<h1>{heading}</h1>" in page and f"<title>{heading} · " in page
    assert '<meta name="robots" content="noindex">' in page
    main = page[page.index("<main"):page.index("</main>")]
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', main)
    assert (f"/{folder}program/", catalog) in links
    assert f"/{folder}agenda/" in dict(links)
    for address in re.findall(r'(?:href|src)="([^"]+)"', page):
        # Served at /a/b/c/ as well as at /404.html: nothing relative to where it is shown.
        assert address.startswith(("/", "#", "https://", "http://", "mailto:", "tel:")), address
        if address.startswith("/"):
            target = built_site / address.split("?")[0].lstrip("/")
            assert target.is_file() or (target / "index.html").is_file(), address


def test_under_a_sub_path_the_404_page_links_into_it(published_site):
    page = (published_site / "en" / "404.html").read_text(encoding="utf-8")
    assert f'href="{SUBPATH_SITEURL}/en/program/"' in page
    assert f'href="{SUBPATH_SITEURL}/theme/css/main.css?v=' in page
