"""Every internal link resolves, at the domain root and under a sub-path as on GitHub Pages."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from bs4 import BeautifulSoup

from conftest import SUBPATH_SITEURL

def internal_targets(site: Path, prefix: str):
    """(page, href, file it should resolve to) for every link and resource that stays on the site."""
    for html in sorted(site.rglob("*.html")):
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for element, attribute in (("a", "href"), ("link", "href"), ("img", "src")):
            for tag in page.find_all(element):
                href = tag.get(attribute)
                if not href or href.startswith(("mailto:", "tel:", "#")):
                    continue
                parsed = urlparse(href)
                if parsed.scheme and not href.startswith(prefix):
                    continue
                path = unquote(parsed.path[len(urlparse(prefix).path):] if parsed.scheme else parsed.path)
                yield html, href, site / path.lstrip("/")


def resolves(target: Path) -> bool:
    return target.is_file() or (target / "index.html").is_file()


def test_every_internal_link_resolves_at_the_root(built_site):
    broken = [(str(page.relative_to(built_site)), href)
              for page, href, target in internal_targets(built_site, "/") if not resolves(target)]
    assert not broken, broken[:20]


def test_every_internal_link_resolves_under_a_subpath(published_site):
    targets = list(internal_targets(published_site, SUBPATH_SITEURL))
    assert len(targets) > 1000
    broken = [(str(page.relative_to(published_site)), href) for page, href, target in targets if not resolves(target)]
    assert not broken, broken[:20]
    for html in published_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert 'href="/' not in text and 'src="/' not in text, f"{html} has a root-relative link"
    home = (published_site / "index.html").read_text(encoding="utf-8")
    assert f'href="{SUBPATH_SITEURL}/program/"' in home
    assert f'<link rel="canonical" href="{SUBPATH_SITEURL}/">' in home
