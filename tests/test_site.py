"""The built sample site: every program has its page, listings hold exactly what they should, times are right."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

PATHS = {"category": "kategori", "audience": "sasaran", "accessibility": "aksesibilitas",
         "language": "bahasa", "partner": "mitra", "location": "lokasi"}


def soup(site: Path, url: str) -> BeautifulSoup:
    path = site / url.strip("/") / "index.html" if url.strip("/") else site / "index.html"
    assert path.is_file(), f"{url} was not built"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def all_pages(site: Path, url: str) -> list[BeautifulSoup]:
    """A listing's first page and every further page its pagination links to."""
    first = soup(site, url)
    pages = [first]
    nav = first.select_one("nav.pagination")
    if nav:
        for link in nav.select("a:not([rel])")[1:]:
            pages.append(soup(site, link["href"]))
    return pages


def listed_programs(pages) -> list[str]:
    return [a["href"].strip("/").split("/")[-1] for page in pages
            for a in page.select("main .program-card h2 a, main .program-card h3 a, main .program-card h4 a")]


def expected_values(program, facet, catalog) -> set[str]:
    """Which values of a facet a program should be listed under, read straight from the model."""
    if facet == "category":
        return {program.category}
    if facet == "audience":
        return set(program.audiences)
    if facet == "language":
        return set(program.languages)
    if facet == "partner":
        return set(program.partners)
    if facet == "location":
        # a hybrid program can also be joined from home: it is listed with the online programs too
        return {program.location} | ({"online"} if program.mode == "hybrid" else set())
    features = set(program.accessibility.features)
    if not program.online:
        features |= {str(f) for f in catalog.vocabularies["locations"][program.location].details["accessibility"]}
    return features


def test_every_program_has_its_page_in_every_language(built_site, sample_catalog):
    assert len(sample_catalog.programs) >= 3 * 24
    for program in sample_catalog.programs:
        prefix = "" if program.lang == "id" else f"{program.lang}/"
        page = soup(built_site, f"{prefix}program/{program.slug}/")
        assert page.find("h1").get_text(strip=True) == program.title
        assert page.html["lang"] == program.lang


@pytest.mark.parametrize("facet", list(PATHS))
def test_every_facet_page_lists_exactly_its_programs(built_site, sample_catalog, sample_programs, facet):
    expected: dict[str, set[str]] = {}
    for program in sample_programs:
        for value in expected_values(program, facet, sample_catalog):
            expected.setdefault(value, set()).add(program.slug)
    index = soup(built_site, f"{PATHS[facet]}/")
    linked = {a["href"].strip("/").split("/")[-1] for a in index.select("main .facet-values a")}
    assert set(expected) <= linked
    for value in linked:
        listed = listed_programs(all_pages(built_site, f"{PATHS[facet]}/{value}/"))
        assert len(listed) == len(set(listed)), f"{facet}/{value} lists a program twice"
        assert set(listed) == expected.get(value, set()), f"{facet}/{value}"


def test_every_partner_and_location_has_a_page(built_site, sample_catalog):
    for facet, vocabulary in (("partner", "partners"), ("location", "locations")):
        for code in sample_catalog.vocabularies[vocabulary].entries:
            assert soup(built_site, f"{PATHS[facet]}/{code}/").find("h1")


def test_catalog_lists_every_program_once_grouped_by_category(built_site, sample_programs, sample_catalog):
    def sample_catalog_state(program):
        return program.state(sample_catalog.settings["KATALOG_NOW"])

    pages = all_pages(built_site, "program/")
    # 28 programs, up to 50 a page: one page.
    assert [len(listed_programs([p])) for p in pages] == [28]
    listed = listed_programs(pages)
    assert sorted(listed) == sorted(p.slug for p in sample_programs)
    by_slug = {p.slug: p for p in sample_programs}
    sections = pages[0].select("main section")
    # Joinable programs by category first; then one part for those over or cancelled.
    assert [s.find("h2").get("id") for s in sections].count("over") == 1 and sections[-1].find("h2")["id"] == "over"
    for section in sections[:-1]:
        category = section.find("h2").a["href"].strip("/").split("/")[-1]
        for slug in listed_programs([section]):
            assert by_slug[slug].category == category
            assert sample_catalog_state(by_slug[slug]) in ("open", "full"), slug
    assert all(sample_catalog_state(by_slug[slug]) in ("past", "cancelled") for slug in listed_programs([sections[-1]]))


def agenda_items(site):
    items = []
    for page in all_pages(site, "agenda/"):
        for day in page.select("main h2.agenda-day"):
            heading = day.get_text(strip=True)
            for item in day.find_next_sibling("ul").select(":scope > li"):
                moment = datetime.fromisoformat(item.find("time")["datetime"])
                slug = item.find("a")["href"].strip("/").split("/")[-1]
                items.append((heading, moment, slug, item.get_text(" ", strip=True)))
    return items


def test_agenda_lists_every_upcoming_session_in_time_order(built_site, sample_programs):
    today = date(2026, 11, 23)
    items = agenda_items(built_site)
    expected = sorted((s.start, p.slug) for p in sample_programs for s in p.sessions if s.end.date() >= today)
    assert [(moment, slug) for _, moment, slug, _ in items] == expected
    moments = [moment for _, moment, _, _ in items]
    assert moments == sorted(moments)
    assert all(moment.date() >= today for moment in moments)


def test_agenda_days_and_times_are_in_the_zone_of_the_place(built_site, sample_programs):
    zones = {p.slug: p.timezone for p in sample_programs}
    for heading, moment, slug, text in agenda_items(built_site):
        offset = {"Asia/Jakarta": "+07:00", "Asia/Makassar": "+08:00"}[zones[slug]]
        assert moment.isoformat().endswith(offset)
        assert ("WITA" if offset == "+08:00" else "WIB") in text
        assert heading not in text  # the date once, in the day's heading; each entry its times
    first_sign_class = next(i for i in agenda_items(built_site) if i[2] == "bahasa-isyarat-dasar")
    assert first_sign_class[0] == "Jumat, 4 Desember 2026"
    assert "pukul 16.00 sampai 17.30 WITA" in first_sign_class[3]
    assert "sesi 1 dari 7" in first_sign_class[3]


def test_skipped_holidays_are_not_in_the_agenda(built_site):
    days = {(slug, moment.date()) for _, moment, slug, _ in agenda_items(built_site)}
    assert ("bahasa-isyarat-dasar", date(2026, 12, 25)) not in days
    assert ("bahasa-isyarat-dasar", date(2027, 1, 1)) not in days
    assert ("bahasa-isyarat-dasar", date(2026, 12, 18)) in days


def status_texts(page) -> list[str]:
    return [s.get_text(strip=True) for s in page.select(".status")]


def test_a_past_program_is_never_shown_as_open(built_site, sample_programs):
    from conftest import moment

    today = moment(date(2026, 11, 23))
    past = {p.slug for p in sample_programs if p.state(today) == "past"}
    assert {"bincang-tokoh-literasi", "festival-literasi-pesisir"} <= past
    for slug in past:
        page = soup(built_site, f"program/{slug}/")
        assert status_texts(page) == ["Sudah selesai"]
        assert not page.select("#register ~ .channels a, .channels")
    for html in built_site.rglob("*.html"):
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for card in page.select(".program-card"):
            slug = card.find("a")["href"].strip("/").split("/")[-1]
            if slug in past:
                assert "Pendaftaran dibuka" not in card.get_text(), html


def test_cancelled_program_says_so_in_text(built_site):
    page = soup(built_site, "program/nonton-bareng-film/")
    assert status_texts(page) == ["Dibatalkan"]
    assert not page.select(".channels")


def test_registration_links_work_without_javascript(built_site):
    page = soup(built_site, "program/kelas-komputer-lansia/")
    links = {a["href"] for a in page.select(".action a, .channels a")}
    assert any(h.startswith("https://wa.me/6281233014455?text=") for h in links)
    assert "Kelas%20Komputer%20Dasar%20untuk%20Lansia" in next(h for h in links if h.startswith("https://wa.me/"))
    # The only script element is data for search engines (JSON-LD); nothing runs.
    assert [s["type"] for s in page.find_all("script")] == ["application/ld+json"]


def test_every_page_has_one_h1_a_main_landmark_and_a_skip_link(built_site):
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 300
    titles = set()
    for html in pages:
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        assert len(page.find_all("h1")) == 1, html
        assert page.find("main", id="main"), html
        assert page.find("a", class_="skip-link")["href"] == "#main"
        title = (page.html["lang"], page.title.get_text(strip=True))
        assert title not in titles, f"{html}: the title {title!r} is used twice in one language"
        titles.add(title)
