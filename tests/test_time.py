"""Time passing never stops a build: programs whose last session is over show as past, and the pages say their day."""

from __future__ import annotations

from datetime import date

import pytest
from bs4 import BeautifulSoup

from conftest import CONTENT, assert_no_traceback, get_settings, run_pelican

LATER = "2027-01-10"  # past several programs of the sample still marked open


@pytest.fixture(scope="module")
def later_site(tmp_path_factory):
    output = tmp_path_factory.mktemp("later") / "out"
    result = run_pelican(CONTENT, output, env={"KATALOG_TODAY": LATER})
    return output, result


@pytest.fixture(scope="module")
def passed_open_programs():
    from katalog.catalog import load_catalog

    catalog = load_catalog(CONTENT, get_settings())
    later = date.fromisoformat(LATER)
    return sorted({p.slug for p in catalog.programs if p.status == "open" and p.last.end.date() < later})


def test_a_later_day_builds_with_a_warning_for_each_program_still_marked_open(later_site, passed_open_programs):
    output, result = later_site
    assert len(passed_open_programs) >= 5
    assert result.returncode == 0, result.stderr
    assert_no_traceback(result)
    for slug in passed_open_programs:
        assert f"programs/{slug}/id.md, baris" in result.stderr
    assert result.stderr.count("Peringatan: Status «open»") == len(passed_open_programs)


@pytest.mark.parametrize("prefix", ["", "en/", "jv/"])
def test_a_program_that_has_ended_is_shown_as_past_and_offers_no_registration(later_site, passed_open_programs, prefix):
    output, _ = later_site
    for slug in passed_open_programs:
        page = BeautifulSoup((output / prefix / "program" / slug / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        assert page.select_one(".program-status .status-past"), slug
        assert not page.select('a[href^="https://wa.me/"][href*="text="]'), slug  # the registration message
        assert not page.select('a[href^="https://forms"]'), slug
    cards = 0
    programs = output / prefix / "program"
    for listing in [programs / "index.html", *sorted(programs.glob("halaman/*/index.html"))]:
        soup = BeautifulSoup(listing.read_text(encoding="utf-8"), "html.parser")
        for card in soup.select(".program-card"):
            link = card.find("a", href=True)
            if any(link["href"].rstrip("/").endswith(f"/program/{slug}") for slug in passed_open_programs):
                cards += 1
                assert card.select(".status-past") and not card.select(".status-open"), link["href"]
    assert cards == len(passed_open_programs)


@pytest.mark.parametrize("prefix, words", [("", "Diperbarui: 10 Januari 2027"), ("en/", "Updated: 10 January 2027"),
                                           ("jv/", "Dianyari: 10 Januari 2027")])
def test_every_page_says_the_day_it_was_built_in_its_language(later_site, prefix, words):
    output, _ = later_site
    for name in ("index.html", "agenda/index.html"):
        footer = BeautifulSoup((output / prefix / name).read_text(encoding="utf-8"), "html.parser").footer
        assert " ".join(footer.get_text(" ").split()).count(words) == 1, footer.get_text(" ")
        assert footer.find("time")["datetime"] == LATER


@pytest.mark.parametrize("asked", ["besok", "2026-13-01", "7 Desember 2026"])
def test_a_build_moment_that_cannot_be_read_is_named_and_writes_nothing(tmp_path, asked):
    output = tmp_path / "out"
    output.mkdir()
    (output / "index.html").write_text("kemarin")
    result = run_pelican(CONTENT, output, env={"KATALOG_TODAY": asked})
    assert result.returncode != 0
    assert_no_traceback(result)
    assert f"KATALOG_TODAY «{asked}»" in result.stdout + result.stderr
    assert [p.name for p in output.iterdir()] == ["index.html"] and (output / "index.html").read_text() == "kemarin"
