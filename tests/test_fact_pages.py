"""How to register, about the library and the accessibility statement: made from the catalog's facts in every
language, with the library's own words where it wrote them, and stating of the site only what holds."""

from __future__ import annotations

import re
import shutil

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, run_pelican

LANGUAGES = {"id": "", "en": "en/", "jv": "jv/"}
PAGES = ("cara-mendaftar", "tentang", "pernyataan-aksesibilitas")


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def words(page) -> str:
    return re.sub(r"\s+", " ", page.select_one("main").get_text(" ", strip=True))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_the_three_pages_linked_from_every_page(built_site, lang):
    home = soup(built_site / LANGUAGES[lang] / "index.html")
    links = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in home.select(".site-header a, .site-footer a")}
    for slug in PAGES:
        page = soup(built_site / LANGUAGES[lang] / slug / "index.html")
        assert page.html["lang"] == lang and page.h1.get_text(strip=True)
        assert page.select_one("article[data-pagefind-body]")
        assert slug in links, slug


def test_the_library_s_own_words_come_with_the_facts(built_site, sample_catalog):
    about = soup(built_site / "tentang" / "index.html")
    assert about.h1.get_text() == "Tentang Perpustakaan Dua Pesisir"  # the title of its own page
    text = words(about)
    assert "berbasis inklusi sosial" in text  # its own words
    assert sample_catalog.site.address in text  # and the facts
    for code in sample_catalog.vocabularies["partners"].entries:
        assert sample_catalog.vocabularies["partners"].entries[code].label["id"] in text
    english = words(soup(built_site / "en" / "pernyataan-aksesibilitas" / "index.html"))
    assert "Known limitations" in english and "Reporting a barrier" in english
    # Its own page is not also published on its own somewhere else.
    assert sorted(str(p.relative_to(built_site)) for p in built_site.rglob("index.html") if "tentang" in str(p)) == \
        ["en/tentang/index.html", "jv/tentang/index.html", "tentang/index.html"]


def test_the_statement_names_every_way_to_report_a_barrier(built_site, sample_catalog):
    for lang, prefix in LANGUAGES.items():
        statement = soup(built_site / prefix / "pernyataan-aksesibilitas" / "index.html")
        report = statement.select_one("#report").find_next("ul")
        hrefs = [a["href"] for a in report.select("a")]
        help_ = sample_catalog.site.help
        assert hrefs == [f"https://wa.me/{help_.whatsapp.digits}", f"tel:{help_.phone.number}", f"mailto:{help_.email}"]


def build_with_host(tmp_path, host: str, configuration: dict[str, str]):
    """The sample built in a repository of its own whose host and host configuration are given."""
    repository = tmp_path / "repo"
    shutil.copytree(ROOT / "content", repository / "content")
    from conftest import set_site_field

    set_site_field(repository / "content" / "data" / "site.yaml", "host", host)
    for name, text in configuration.items():
        (repository / name).parent.mkdir(parents=True, exist_ok=True)
        (repository / name).write_text(text, encoding="utf-8")
    output = tmp_path / "out"
    result = run_pelican(repository / "content", output)
    assert result.returncode == 0, result.stderr
    return words(soup(output / "pernyataan-aksesibilitas" / "index.html"))


AUDITED = "Situs hanya diterbitkan bila semua pemeriksaan itu lolos."
NOT_AUDITED = "Halaman situs ini tidak diperiksa otomatis sebelum terbit"


def test_on_github_pages_the_statement_claims_the_audit_only_when_the_workflow_runs_it(tmp_path):
    workflow = (ROOT / ".github" / "workflows" / "terbitkan.yml").read_text(encoding="utf-8")
    text = build_with_host(tmp_path / "a", "GitHub Pages", {".github/workflows/terbitkan.yml": workflow})
    assert AUDITED in text and "dibangun dan diperiksa pada 23 November 2026" in text
    without = workflow.replace("run: make audit", "run: echo tidak diperiksa")
    assert without != workflow
    text = build_with_host(tmp_path / "b", "GitHub Pages", {".github/workflows/terbitkan.yml": without})
    assert NOT_AUDITED in text and AUDITED not in text


def test_on_netlify_and_cloudflare_the_statement_says_only_the_content_is_checked(tmp_path):
    netlify = (ROOT / "netlify.toml").read_text(encoding="utf-8")
    assert NOT_AUDITED in build_with_host(tmp_path / "a", "Netlify", {"netlify.toml": netlify})
    audited = netlify.replace("&& make deployable", "&& make audit SITE=output && make deployable")
    assert AUDITED in build_with_host(tmp_path / "b", "Netlify", {"netlify.toml": audited})
    # Cloudflare keeps its build command outside the repository: nothing is claimed.
    assert NOT_AUDITED in build_with_host(tmp_path / "c", "Cloudflare Pages", {"netlify.toml": audited})
