"""Every page exists, reads and announces itself in each language; switcher and alternates agree."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

LANGUAGES = ("id", "en", "jv")


def language_of_path(site: Path, html: Path) -> str:
    first = html.relative_to(site).parts[0]
    return first if first in LANGUAGES[1:] else "id"


def unprefixed(site: Path, html: Path) -> tuple[str, ...]:
    parts = html.relative_to(site).parts
    return parts[1:] if parts[0] in LANGUAGES[1:] else parts


def page_at(site: Path, href: str) -> Path:
    path = site / href.strip("/")
    return path / "index.html" if not path.suffix else path


@pytest.fixture(scope="module")
def pages(built_site):
    return {html: BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser") for html in built_site.rglob("*.html")}


def test_every_page_exists_in_every_language(built_site):
    main = {p.relative_to(built_site) for p in built_site.rglob("*.html") if language_of_path(built_site, p) == "id"}
    for lang in LANGUAGES[1:]:
        assert {p.relative_to(built_site / lang) for p in (built_site / lang).rglob("*.html")} == main


def test_html_lang_is_the_language_of_the_page(built_site, pages):
    for html, page in pages.items():
        assert page.html["lang"] == language_of_path(built_site, html), html


def test_switcher_links_land_on_the_same_page_in_each_language(built_site, pages):
    for html, page in pages.items():
        links = page.select("nav.languages a")
        assert [a["hreflang"] for a in links] == list(LANGUAGES), html
        current = [a for a in links if a.get("aria-current") == "true"]
        assert [a["hreflang"] for a in current] == [language_of_path(built_site, html)]
        for link in links:
            # The language's name is marked in its language; the hidden words before it are the page's.
            assert link.select_one("span[lang]")["lang"] == link["hreflang"]
            target = page_at(built_site, link["href"])
            assert target.is_file(), (html, link["href"])
            assert pages[target].html["lang"] == link["hreflang"]
            assert unprefixed(built_site, target) == unprefixed(built_site, html)


def test_alternates_point_to_existing_pages_in_their_language_and_are_reciprocal(built_site, pages):
    for html, page in pages.items():
        alternates = {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')}
        assert set(alternates) == {*LANGUAGES, "x-default"}, html
        assert "/../" not in "".join(alternates.values())
        for lang, href in alternates.items():
            target = page_at(built_site, href)
            assert target.is_file(), (html, href)
            if lang != "x-default":
                assert pages[target].html["lang"] == lang
                theirs = {link["hreflang"]: link["href"] for link in pages[target].select('link[rel="alternate"][hreflang]')}
                assert theirs == alternates, f"{html} and {target} disagree"


@pytest.fixture(scope="module")
def fallback_site(tmp_path_factory):
    """The sample with one program and one page not yet translated."""
    import shutil

    from conftest import CONTENT, run_pelican

    content = tmp_path_factory.mktemp("fallback") / "content"
    shutil.copytree(CONTENT, content)
    for path in ("programs/menulis-cv/en.md", "programs/menulis-cv/jv.md", "pages/tentang/en.md"):
        (content / path).unlink()
    output = content.parent / "out"
    result = run_pelican(content, output)
    assert result.returncode == 0, result.stderr
    return output


def read(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_fallback_content_says_so_and_carries_its_language(fallback_site):
    page = read(fallback_site / "en" / "program" / "menulis-cv" / "index.html")
    assert page.html["lang"] == "en"
    notice = page.select_one("main .notice").get_text(" ", strip=True)
    assert notice == "This program is not yet available in English; it is shown in Indonesian."
    assert page.find("h1")["lang"] == "id"
    assert page.select_one("main .lead")["lang"] == "id"
    assert page.select_one("link[rel=canonical]")["href"] == "/program/menulis-cv/"
    javanese = read(fallback_site / "jv" / "program" / "menulis-cv" / "index.html")
    assert "durung kasedhiya ing Basa Jawa; ditampilake ing Basa Indonesia" in javanese.select_one(".notice").get_text()
    about = read(fallback_site / "en" / "tentang" / "index.html")
    assert "This page is not yet available in English" in about.select_one(".notice").get_text()
    card = read(fallback_site / "en" / "kategori" / "keterampilan-kerja" / "index.html").find(
        "a", href="/en/program/menulis-cv/")
    assert card.find("span")["lang"] == "id"  # the title; words before it ("Dibatalkan:") are the page's


def test_translated_pages_have_no_notice_and_point_to_themselves(built_site, pages):
    for prefix in ("", "en/", "jv/"):
        page = pages[built_site / f"{prefix}program/menulis-cv/index.html"]
        assert not page.select(".notice")
        assert not page.find("h1").has_attr("lang")
        assert page.select_one("link[rel=canonical]")["href"] == f"/{prefix}program/menulis-cv/"
    english = pages[built_site / "en" / "program" / "menulis-cv" / "index.html"]
    assert english.find("h1").get_text(strip=True) == "Writing a CV and a Cover Letter"


@pytest.mark.parametrize("lang, prefix, day, time, skipped", [
    ("id", "", "Jumat, 4 Desember 2026", "pukul 16.00 sampai 17.30 WITA",
     "Tidak ada sesi pada Jumat, 25 Desember 2026 dan Jumat, 1 Januari 2027."),
    ("en", "en/", "Friday, 4 December 2026", "16:00 to 17:30 WITA",
     "No session on Friday, 25 December 2026 and Friday, 1 January 2027."),
    ("jv", "jv/", "Jumat, 4 Desember 2026", "jam 16.00 nganti 17.30 WITA",
     "Ora ana sesi ing Jumat, 25 Desember 2026 lan Jumat, 1 Januari 2027."),
])
def test_dates_and_times_in_each_language(built_site, pages, lang, prefix, day, time, skipped):
    """Read aloud well: words between the times (a dash is skipped), days not zero-padded, British order in
    English, skipped days joined with a word, and start and end each in <time>."""
    page = pages[built_site / f"{prefix}program/bahasa-isyarat-dasar/index.html"]
    first = page.select_one("ol.sessions li")
    text = first.get_text(" ", strip=True)
    assert day in text and time in " ".join(text.split()), text
    assert "–" not in text and "-" not in text.split("(")[0]
    assert [t["datetime"] for t in first.find_all("time")][1:] == ["2026-12-04T16:00:00+08:00", "2026-12-04T17:30:00+08:00"]
    assert skipped in " ".join(page.select_one("#when + p").get_text(" ", strip=True).split()
                                 ).replace(" .", ".").replace(" ,", ",")
    agenda = pages[built_site / f"{prefix}agenda/2026-12/index.html"].get_text(" ", strip=True)
    assert day in agenda


@pytest.mark.parametrize("prefix, text", [("", "Rp50.000"), ("en/", "IDR50,000"), ("jv/", "Rp50.000")])
def test_amounts_in_each_language(built_site, pages, prefix, text):
    page = pages[built_site / f"{prefix}program/desain-grafis-canva/index.html"]
    assert text in page.select_one("main").get_text()
