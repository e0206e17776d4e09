"""Light enough for cheap phones on slow data: measured budgets for HTML and CSS, gzipped."""

from __future__ import annotations

import gzip

PROGRAM_PAGE_BUDGET = 14 * 1024  # bytes, gzipped: fits the first round trips of a slow connection
CSS_BUDGET = 10 * 1024


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def test_every_program_page_is_within_its_budget(built_site):
    pages = [p for p in built_site.rglob("program/*/index.html") if "halaman" not in p.parts]
    assert len(pages) >= 3 * 24
    sizes = {str(p.relative_to(built_site)): gzipped(p.read_bytes()) for p in pages}
    largest = max(sizes, key=sizes.get)
    assert sizes[largest] <= PROGRAM_PAGE_BUDGET, f"{largest}: {sizes[largest]} bytes gzipped"


def test_all_css_is_within_its_budget(built_site):
    styles = list(built_site.rglob("*.css"))
    assert styles
    total = sum(gzipped(p.read_bytes()) for p in styles)
    assert total <= CSS_BUDGET, f"{total} bytes gzipped"


def test_no_page_loads_anything_from_elsewhere_or_needs_a_script(built_site):
    from bs4 import BeautifulSoup

    search_pages = {built_site / "cari" / "index.html", *built_site.glob("*/cari/index.html")}
    assert len(search_pages) == 3
    for html in built_site.rglob("*.html"):
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        # Data blocks (JSON-LD, the search page's words) are not scripts: nothing runs. Only the search page has one.
        scripts = page.find_all("script", type=lambda kind: kind not in ("application/ld+json", "application/json"))
        if html in search_pages:
            assert [(s.get("type"), s["src"].split("?v=")[0]) for s in scripts] == [("module", "/theme/js/search.js")]
        else:
            assert not scripts, html
        loaded = [tag.get("src", "") for tag in page.find_all(["img", "iframe", "source", "video", "audio", "embed"])]
        loaded += [link.get("href", "") for link in page.find_all("link")
                   if set(link.get("rel", [])) & {"stylesheet", "preload", "icon", "manifest", "prefetch"}]
        outside = [url for url in loaded if url.startswith(("http:", "https:", "//"))]
        assert not outside, f"{html} loads {outside}"
        assert page.find("link", rel="stylesheet")["href"].split("?v=")[0] == "/theme/css/main.css"
