"""A program page is task first, and a program that cannot be joined cannot be mistaken for one that can."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

from conftest import TODAY, VALID_PROGRAM, moment, run_pelican


def soup(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def text(element) -> str:
    return re.sub(r" ([,.;:)])", r"\1", " ".join(element.get_text(" ", strip=True).split()))


def summary(page) -> dict[str, str]:
    return {text(div.dt): text(div.dd) for div in page.select("dl.summary-list > div")}


def test_under_the_heading_status_then_the_facts_then_one_action(built_site):
    page = soup(built_site, "program/bahasa-isyarat-dasar")
    article = page.select_one("article.program")
    # Under the heading; what search leaves out of its index is wrapped, which changes nothing on the page.
    children = [grandchild for child in article.find_all(recursive=False)
                for grandchild in (child.find_all(recursive=False) if child.get("data-pagefind-ignore") == "all"
                                   and child.name == "div" else [child])]
    order = [child.name + ("." + " ".join(child.get("class", [])) if child.get("class") else "")
             for child in children if not child.has_attr("hidden")]
    assert order[:4] == ["h1", "p.program-status", "dl.summary-list", "div.action"], order
    facts = summary(page)
    assert list(facts) == ["Kapan", "Tempat", "Biaya", "Untuk siapa", "Aksesibilitas"]
    assert facts["Kapan"].startswith("Setiap Jumat, 7 sesi. Berikutnya: 4 Desember 2026, pukul 16.00 sampai 17.30 WITA.")
    assert "6 sesi lain" in facts["Kapan"] and page.select_one("dl.summary-list a[href='#when']")
    assert facts["Tempat"] == "Perpustakaan Dua Pesisir, Cabang Gilimanuk"
    # The program's own provisions; the venue's facilities are kept apart, under the place.
    assert facts["Aksesibilitas"] == "Juru bahasa isyarat (BISINDO) dan Teks langsung (live caption)"
    place = page.find(id="where").find_parent("section")
    assert "Fasilitas tempat" in text(place) and "Akses kursi roda" in text(place)
    action = page.select_one(".action a")
    assert text(action) == "Daftar lewat WhatsApp ke 0819-3602-1188"
    assert "mendaftar%20program" in action["href"]
    headings = [text(h) for h in article.find_all("h2")]
    assert headings == ["Cara lain mendaftar", "Tentang program", "Jadwal", "Tempat", "Aksesibilitas program", "Mitra",
                        "Narahubung", "Bagikan", "Program lain yang mungkin cocok"], headings


def test_the_contact_is_shown_once(built_site):
    main = text(soup(built_site, "program/bahasa-isyarat-dasar").select_one("article"))
    assert main.count("0365) 61 204") == 1, main


def test_a_fee_waiver_sits_beside_the_cost(built_site):
    facts = summary(soup(built_site, "program/desain-grafis-canva"))
    assert facts["Biaya"] == "Rp50.000. Biaya untuk bahan cetak; peserta dari keluarga prasejahtera dibebaskan."
    english = summary(soup(built_site, "en/program/desain-grafis-canva"))
    assert english["Cost"].startswith("IDR50,000. The fee covers printing materials")


def test_a_form_says_it_leads_to_another_site(built_site):
    page = soup(built_site, "program/desain-grafis-canva")
    assert text(page.select_one(".action a")) == "Isi formulir pendaftaran (situs lain)"


@pytest.mark.parametrize("prefix, words", [("", ("Setiap Sabtu terakhir tiap bulan, 4 sesi", "Setiap Selasa kedua tiap bulan, 3 sesi")),
                                            ("en/", ("The last Saturday of every month, 4 sessions",
                                                     "The second Tuesday of every month, 3 sessions"))])
def test_a_monthly_repeat_is_said_with_its_weekday(built_site, prefix, words):
    book_club, health = words
    assert summary(soup(built_site, f"{prefix}program/klub-buku-pesisir"))[
        "Kapan" if not prefix else "When"].startswith(book_club)
    assert summary(soup(built_site, f"{prefix}program/literasi-kesehatan-lansia"))[
        "Kapan" if not prefix else "When"].startswith(health)


def test_a_cancelled_program_says_so_first_everywhere(built_site):
    page = soup(built_site, "program/nonton-bareng-film")
    assert page.title.get_text().startswith("Dibatalkan: ")
    h1 = page.find("h1")
    banner = h1.find_next_sibling(lambda tag: not tag.has_attr("hidden"))
    if banner.get("data-pagefind-ignore") == "all":
        banner = banner.find()  # what search leaves out of its index is wrapped; the page is the same
    assert "banner" in banner["class"] and text(banner.find("h2")) == "Dibatalkan"
    assert banner.select("a")  # similar programs that can still be joined
    assert not page.select(".action")  # nothing to register for
    assert all(text(li).endswith("dibatalkan (2 jam 30 menit)") or "dibatalkan" in text(li)
               for li in page.select("ol.sessions li"))
    for listing in ("program", "kategori/budaya", "agenda"):
        pages = [built_site / listing / "index.html", *(built_site / listing).glob("halaman/*/index.html"),
                 *(built_site / listing).glob("20*/index.html")]  # the agenda's month pages
        links = [text(a) for html in pages
                 for a in BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select(
                     "main a[href$='/nonton-bareng-film/']")]
        assert links and all(link.startswith("Dibatalkan: ") for link in links), (listing, links)


def test_a_full_program_offers_the_waiting_list(built_site, sample_programs):
    from datetime import date

    full = next(p for p in sample_programs if p.state(moment(TODAY)) == "full" and not p.registration.through)
    page = soup(built_site, f"program/{full.slug}")
    action = page.select_one(".action a")
    assert text(action).startswith("Masuk daftar tunggu")
    assert "daftar%20tunggu" in action["href"] or action["href"].startswith("tel:")
    assert "Daftar lewat WhatsApp" not in text(page.select_one("article"))


def test_listings_show_what_can_be_joined_first(built_site):
    page = soup(built_site, "kategori/budaya")
    main = page.select_one("main")
    heading = main.find(class_="over-heading")
    assert text(heading) == "Sudah lewat atau dibatalkan"
    before = [text(card.find("h3")) for card in heading.find_all_previous(class_="program-card")]
    after = [text(card.find("h3")) for card in heading.find_all_next(class_="program-card")]
    assert before and not any(t.startswith(("Dibatalkan", "Sudah selesai")) for t in before)
    assert after and all(t.startswith(("Dibatalkan", "Sudah selesai")) for t in after)
    # Every count says what can be joined.
    assert text(main.find("h2")) == "1 program masih bisa diikuti, 3 sudah lewat atau dibatalkan"
    index = text(soup(built_site, "kategori").select_one("main"))
    assert "Budaya dan diskusi (1 bisa diikuti, 4 semua)" in index
    home = soup(built_site, "")
    assert home.find("a", string=re.compile(r"^Lihat \d+ program yang masih bisa diikuti$"))


def test_a_past_program_is_marked_ended_with_somewhere_to_go(content, tmp_path):
    ended = VALID_PROGRAM.replace("start: 2026-12-02 09:00", "start: 2026-10-07 09:00").replace(
        "except: [2026-12-09]", "except: [2026-10-14]").replace("status: open", "status: finished")
    content.program("kelas-lama", ended)
    content.program("kelas-baru")
    assert run_pelican(content.root, tmp_path / "out").returncode == 0
    page = soup(tmp_path / "out", "program/kelas-lama")
    assert page.title.get_text().startswith("Sudah selesai: ")
    banner = page.select_one(".banner")
    assert text(banner.find("h2")) == "Sudah selesai"
    assert [unquote(a["href"]) for a in banner.select("a")] == ["/program/kelas-baru/"]
    assert not page.select(".action")
    assert TODAY == "2026-11-23"


def test_aria_current_names_the_page_itself_and_only_marks_the_section_elsewhere(built_site):
    program = soup(built_site, "program/bahasa-isyarat-dasar")
    assert [(text(a), a["aria-current"]) for a in program.select(".site-nav a[aria-current]")] == [("Semua program", "true")]
    catalog = soup(built_site, "program")
    assert [(text(a), a["aria-current"]) for a in catalog.select(".site-nav a[aria-current]")] == [("Semua program", "page")]
    for html in built_site.rglob("*.html"):
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        own = "/" + str(html.relative_to(built_site).parent).strip(".") + "/"
        for link in page.select("a[aria-current=page]"):
            assert link["href"].replace("//", "/") in (own.replace("//", "/"), own.rstrip("/") + "/index.html"), (html, link)


def test_links_to_different_places_have_different_names(built_site):
    for path in ("program/bahasa-isyarat-dasar", "program/kelas-komputer-lansia", "en/program/klinik-karier"):
        page = soup(built_site, path)
        names: dict[str, set] = {}
        for a in page.select("a[href]"):
            names.setdefault(text(a), set()).add(a["href"].split("#")[0].rstrip("/") or "/")
        clashes = {name: hrefs for name, hrefs in names.items() if len(hrefs) > 1}
        assert not clashes, (path, clashes)


def test_a_hybrid_program_is_also_listed_with_the_online_ones(built_site, sample_programs):
    hybrid = [p.slug for p in sample_programs if p.mode == "hybrid"]
    assert hybrid
    online = (built_site / "lokasi" / "online" / "index.html").read_text(encoding="utf-8")
    for slug in hybrid:
        assert f'href="/program/{slug}/"' in online


def test_features_and_categories_are_explained(built_site):
    loop = soup(built_site, "aksesibilitas/alat-bantu-dengar")
    assert text(loop.find("h1")) == "Aksesibilitas: Lingkar induksi (hearing loop)"
    assert "alat bantu dengar yang memakai mode T" in text(loop.select_one("main"))
    index = text(soup(built_site, "kategori").select_one("main"))
    assert "Bahasa asing, bahasa daerah dan bahasa isyarat." in index
    assert "Hearing loop" in text(soup(built_site, "en/aksesibilitas").select_one("main"))


def test_the_agenda_goes_by_month_with_links_that_name_the_months(built_site, sample_programs):
    first = soup(built_site, "agenda")
    assert text(first.find("h1")) == "Agenda: November 2026"
    months = [text(a) for a in first.select("nav.pagination a:not([rel])")]
    assert months[:3] == ["November 2026", "Desember 2026", "Januari 2027"]
    december = soup(built_site, "agenda/2026-12")
    assert text(december.find("h1")) == "Agenda: Desember 2026"
    assert text(december.select_one("a[rel=prev]")) == "Bulan sebelumnya: November 2026"
    assert text(december.select_one("a[rel=next]")) == "Bulan berikutnya: Januari 2027"
    days = [text(h) for h in december.select("main h2.agenda-day")]
    assert days and all(day.endswith("Desember 2026") for day in days)
    english = soup(built_site, "en/agenda/2027-01")
    assert text(english.find("h1")) == "Agenda: January 2027"
    # Every month keeps its own address; the agenda's address shows the first month and names itself in its links.
    november = soup(built_site, "agenda/2026-11")
    assert text(november.find("h1")) == "Agenda: November 2026"
    assert november.select_one("main").get_text() == first.select_one("main").get_text().replace('"/agenda/"', "")
    assert december.select_one("a[rel=prev]")["href"] == "/agenda/2026-11/"
    assert first.select_one("nav.pagination a[aria-current=page]")["href"] == "/agenda/"
    assert november.select_one("nav.pagination a[aria-current=page]")["href"] == "/agenda/2026-11/"
    assert not november.select(".site-nav a[aria-current=page]")
    assert first.select_one(".site-nav a[aria-current=page]")["href"] == "/agenda/"


def test_the_agenda_goes_by_week_from_this_week_with_links_that_name_the_weeks(built_site, sample_programs):
    # The sample is built on Monday, 23 November 2026.
    this = soup(built_site, "agenda/minggu-ini")
    assert text(this.find("h1")) == "Agenda minggu ini: 23 sampai 29 November 2026"
    assert text(this.find("title")).startswith("Agenda minggu ini: 23 sampai 29 November 2026 · ")
    assert not this.select_one("a[rel=prev]")
    assert text(this.select_one("a[rel=next]")) == "Minggu berikutnya: 30 November sampai 6 Desember 2026"
    assert this.select_one("a[rel=next]")["href"] == "/agenda/minggu/2026-11-30/"
    assert this.select_one("nav.agenda-views a[aria-current=page]")["href"] == "/agenda/minggu-ini/"
    following = soup(built_site, "agenda/minggu-depan")
    assert text(following.find("h1")) == "Agenda minggu depan: 30 November sampai 6 Desember 2026"
    dated = soup(built_site, "agenda/minggu/2026-11-30")
    assert text(dated.find("h1")) == "Agenda minggu 30 November sampai 6 Desember 2026"
    assert following.select_one("main ul.agenda-list").get_text() == dated.select_one("main ul.agenda-list").get_text()
    assert dated.select_one("a[rel=prev]")["href"] == "/agenda/minggu/2026-11-23/"
    # Every session of a week, each under its day, and only that week's.
    expected = {(p.slug, s.start.date()) for p in sample_programs for s in p.still_listed(moment(TODAY))
                if date(2026, 11, 30) <= s.start.date() <= date(2026, 12, 6)}
    found = {(a["href"].rstrip("/").split("/")[-1], date.fromisoformat(ul.find_previous_sibling("h2")["id"][4:]))
             for ul in dated.select("main ul.agenda-list") for a in ul.select("li > a")}
    assert found == expected
    # A week across the turn of the year names both years; an English week says "to".
    assert text(soup(built_site, "agenda/minggu/2026-12-28").find("h1")) == \
        "Agenda minggu 28 Desember 2026 sampai 3 Januari 2027"
    assert text(soup(built_site, "en/agenda/minggu-depan").find("h1")) == \
        "Next week's agenda: 30 November to 6 December 2026"
    # Week pages go as far as KATALOG_AGENDA_WEEKS; the months go on.
    assert len(list((built_site / "agenda" / "minggu").iterdir())) == 8


def test_each_place_has_its_agenda_and_the_home_page_links_this_week(built_site, sample_programs):
    ketapang = soup(built_site, "agenda/lokasi/cabang-ketapang")
    assert text(ketapang.find("h1")) == "Agenda di Perpustakaan Dua Pesisir, Cabang Ketapang"
    slugs = {a["href"].rstrip("/").split("/")[-1] for a in ketapang.select("main ul.agenda-list > li > a")}
    assert slugs and slugs == {p.slug for p in sample_programs
                               if p.location == "cabang-ketapang" and p.still_listed(moment(TODAY))}
    online = soup(built_site, "agenda/lokasi/online")
    online_slugs = {a["href"].rstrip("/").split("/")[-1] for a in online.select("main ul.agenda-list > li > a")}
    hybrid = {p.slug for p in sample_programs if p.mode == "hybrid"}
    assert hybrid and hybrid <= online_slugs and hybrid & slugs  # a hybrid program is at its place and online
    assert ketapang.select_one("nav.agenda-views a[aria-current=true]")["href"] == "/agenda/lokasi/"
    index = soup(built_site, "agenda/lokasi")
    places = {a["href"]: text(a.find_next_sibling("p")) for a in index.select("main ul.place-list > li > a")}
    assert "/agenda/lokasi/online/" in places and len(places) >= 6
    count = len(ketapang.select("main ul.agenda-list > li"))
    assert places["/agenda/lokasi/cabang-ketapang/"].endswith(f" · {count} sesi akan datang")
    facet = soup(built_site, "lokasi/cabang-ketapang")
    assert facet.select_one("main a[href='/agenda/lokasi/cabang-ketapang/']")
    home = soup(built_site, "")
    assert [text(a) for a in home.select("main a[href='/agenda/minggu-ini/']")] == ["Agenda minggu ini"] * 2


def test_the_home_page_shows_the_next_seven_days(built_site):
    home = soup(built_site, "")
    section = home.find(id="week-heading").find_parent("section")
    days = [text(h) for h in section.find_all("h3")]
    assert days[0] == "Sabtu, 28 November 2026" and days[-1].endswith("November 2026")
    assert all("2026" in d for d in days) and len(days) <= 7


STATUSES = {"id": ("Pendaftaran dibuka", "Kuota penuh", "Dibatalkan", "Sudah selesai"),
            "en": ("Registration open", "Full", "Cancelled", "Finished")}


@pytest.mark.parametrize("lang, prefix", [("id", ""), ("en", "en/")])
def test_every_agenda_entry_says_its_status_time_and_place(built_site, lang, prefix):
    pages = [built_site / prefix / "index.html", *sorted((built_site / prefix / "agenda").glob("*/index.html")),
             built_site / prefix / "agenda" / "index.html"]
    entries = 0
    for page in pages:
        html = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for li in html.select("main ul.agenda-list > li"):
            entries += 1
            # One line of facts: a status only when the session is not open, its time, its place.
            [facts] = [text(p) for p in li.find_all("p")]
            shown = [s for s in STATUSES[lang] if facts.startswith(s)]
            assert shown != [STATUSES[lang][0]], (page, facts)
            assert len(li.find_all("time")) >= 2, (page, text(li))
            assert " · " in facts and not facts.endswith("·"), (page, facts)
    assert entries > 20


@pytest.mark.parametrize("prefix", ["", "en/", "jv/"])
def test_the_one_action_is_in_writing_whenever_the_program_can_be_reached_in_writing(built_site, sample_catalog, prefix):
    """Someone who cannot hear or speak gets WhatsApp, a form or e-mail as the prominent action, never a call,
    when the registration or the program's contact offers one; a call comes under it."""
    from katalog.registration import channels

    now = sample_catalog.settings["KATALOG_NOW"]
    checked = 0
    for program in (p for p in sample_catalog.programs if p.lang == "id"):
        state = program.state(now)
        if state not in ("open", "full"):
            continue
        offered = channels(program, state)
        page = soup(built_site, f"{prefix}program/{program.slug}")
        action = page.select_one(".action a")
        if offered[0].kind in ("come", "through"):  # nothing to register for here: one comes, or registers elsewhere
            assert all(channel.asking for channel in offered[1:]), (prefix, program.slug)
            assert not any(a["href"].startswith(("https://wa.me/", "tel:", "mailto:")) for a in page.select(".action a"))
        elif any(c.written for c in offered):
            assert action is not None and not action["href"].startswith("tel:"), (prefix, program.slug)
            assert action["href"].startswith(("https://wa.me/", "mailto:", program.registration.form or "https://wa.me/"))
            checked += 1
        others = [a["href"] for a in page.select(".register .channels a")]
        calls = [n for n, href in enumerate(others) if href.startswith("tel:")]
        in_person = [n for n, href in enumerate(others) if "/lokasi/" in href]
        assert all(n > m for n in calls for m in in_person), (prefix, program.slug, others)  # in person before a call
    assert checked > 10


def test_the_order_of_channels_is_decided_once(content):
    from katalog.registration import channels

    phone_only = VALID_PROGRAM.replace('  whatsapp: "0812-3301-4455"', '  phone: "(0333) 421 876"\n  walk_in: true')
    with_contact = phone_only.replace('  phone: "(0333) 421 876"\n---', '  phone: "(0333) 421 876"\n  whatsapp: "0812-1111-2222"\n---')
    content.program("kelas-uji", phone_only)
    content.program("kelas-kontak", with_contact)
    programs = {p.slug: p for p in content.load().programs}
    assert [c.kind for c in channels(programs["kelas-uji"], "open")] == ["walk_in", "phone"]
    assert [c.kind for c in channels(programs["kelas-kontak"], "open")] == ["contact_whatsapp", "walk_in", "phone"]
    assert [c.kind for c in channels(programs["kelas-kontak"], "full")] == ["contact_whatsapp", "phone"]
    assert channels(programs["kelas-kontak"], "open")[0].phone.display == "0812-1111-2222"
