"""The one action fits how a program is really joined: registering in person says where, when and that one registers
first; a program people just come to, or whose registration goes through someone else, offers no registration of
its own; a place's opening hours are read once from its data and said in every language."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

from conftest import VALID_PROGRAM, ContentFolder, run_pelican

from katalog.hours import read_days, read_hours, read_times, runs

WALK_IN_ONLY = VALID_PROGRAM.replace('  whatsapp: "0812-3301-4455"\n', "  walk_in: true\n").replace(
    '  phone: "(0333) 421 876"\n', '  phone: "(0333) 421 876"\n  whatsapp: "0812-1111-2222"\n')
THROUGH = VALID_PROGRAM.replace('  whatsapp: "0812-3301-4455"\n',
                                '  through: guru pembimbing di SMK Bahari Gilimanuk\n  whatsapp: "0812-3301-4455"\n'
                                '  phone: "(0365) 61 204"\n')
JUST_COME = VALID_PROGRAM.replace('  whatsapp: "0812-3301-4455"\n', '  required: false\n  whatsapp: "0812-3301-4455"\n')


def soup(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def text(element) -> str:
    return " ".join(element.get_text().split())


# -- Opening hours, as a librarian writes them --------------------------------------------------------------------

@pytest.mark.parametrize("written, days", [
    ("senin", (0,)), ("Senin sampai Jumat", (0, 1, 2, 3, 4)), ("senin-jumat", (0, 1, 2, 3, 4)),
    ("senin – jumat", (0, 1, 2, 3, 4)), ("Senin s.d. Kamis", (0, 1, 2, 3)), ("senin, rabu dan jumat", (0, 2, 4)),
    ("setiap hari", tuple(range(7))), ("Monday to Friday", (0, 1, 2, 3, 4)), ("mo-fr", (0, 1, 2, 3, 4)),
    ("Senen nganti Setu", (0, 1, 2, 3, 4, 5)), ("jum'at", (4,)), ("sabtu, minggu", (5, 6)),
    ("jumat sampai senin", (4, 5, 6, 0)),
])
def test_days_are_read_in_the_forms_people_write(written, days):
    assert read_days(written) == days


@pytest.mark.parametrize("written", ["", "sen", "libur nasional", "senin sampai", "senin sampai jumat sampai sabtu"])
def test_what_is_not_a_day_is_not_guessed(written):
    assert read_days(written) is None


@pytest.mark.parametrize("written, times", [
    ("08.00 sampai 15.00", [("08:00", "15:00")]), ("08.00-15.00", [("08:00", "15:00")]),
    ("8:00 – 15:00", [("08:00", "15:00")]), ("pukul 08.00 s/d 15.00 WIB", [("08:00", "15:00")]),
    ("08.00 sampai 12.00, 13.00 sampai 15.00", [("08:00", "12:00"), ("13:00", "15:00")]),
    ("8:00 am to 3:00 pm", [("08:00", "15:00")]), ("8.00am-3.00pm", [("08:00", "15:00")]),
    ("tutup", []), ("Libur", []),
])
def test_times_are_read_in_the_forms_people_write(written, times):
    found = read_times(written, "Asia/Jakarta")
    assert [(start.strftime("%H:%M"), end.strftime("%H:%M")) for start, end in found] == times


@pytest.mark.parametrize("written", ["15.00 sampai 08.00", "08.00", "08.00 sampai 15.00 WITA", "pagi sampai sore",
                                     "25.00 sampai 26.00", "08.00 sampai 15.00 sampai 16.00"])
def test_times_that_cannot_be_meant_are_refused(written):
    assert read_times(written, "Asia/Jakarta") is None


def test_days_that_share_hours_are_said_together_in_runs():
    from katalog.frontmatter import parse_yaml

    raw = parse_yaml("hours:\n  senin sampai rabu: 08.00 sampai 15.00\n  kamis: 08.00 sampai 15.00\n"
                     "  sabtu: 08.00 sampai 15.00\n  jumat: 08.00 sampai 11.00\n  minggu: tutup\n")["hours"]
    openings, errors = read_hours(raw, "Asia/Jakarta")
    assert errors == []
    assert [(o.days, len(o.times)) for o in openings] == [((0, 1, 2, 3, 5), 1), ((4,), 1), ((6,), 0)]
    assert runs((0, 1, 2, 3, 5)) == [(0, 3), (5, 5)]
    assert runs((5, 6)) == [(5, 5), (6, 6)]  # two neighbours are two days, not a run


LOCATIONS_BROKEN = {
    "cabang-ketapang": "  hours:\n    senin sampai jumat: 08.00 sampai 15.00\n    sabtu: pagi saja\n",
    "cabang-gilimanuk": "  hours:\n    senin sampai jumat: 08.00 sampai 15.00\n    jumad: 08.00 sampai 11.00\n"
                        "    senin: 09.00 sampai 10.00\n",
    "aula-puskesmas-ketapang": "  hours: Senin sampai Sabtu\n",
}


def _with_hours(path, hours_by_code):
    """locations.yaml with each named place's hours replaced by the given lines (the data's own hours removed)."""
    lines, out, skipping, current = path.read_text(encoding="utf-8").splitlines(keepends=True), [], False, None
    for line in lines:
        if re.match(r"^[a-z0-9-]+:\s*$", line):
            current = line.split(":")[0]
        if skipping and line.startswith("    "):
            continue
        skipping = False
        if line.startswith("  hours:"):
            skipping = True
            continue
        out.append(line)
        if line.startswith("  timezone:") and current in hours_by_code:
            out.append(hours_by_code[current])
    path.write_text("".join(out), encoding="utf-8")


def test_every_unreadable_opening_hour_is_reported_with_its_line_and_the_forms(content):
    _with_hours(content.root / "data" / "locations.yaml", LOCATIONS_BROKEN)
    content.program("kelas-uji")
    catalog = content.load()
    found = [p for p in catalog.problems if p.code == "bad_hours"]
    fields = sorted(p.field for p in found)
    assert fields == ["aula-puskesmas-ketapang.hours", "cabang-gilimanuk.hours.jumad", "cabang-gilimanuk.hours.senin",
                      "cabang-ketapang.hours.sabtu"], fields
    source = (content.root / "data" / "locations.yaml").read_text(encoding="utf-8").splitlines()
    for problem in found:
        assert problem.path.endswith("locations.yaml")
        assert problem.line and (problem.field.split(".")[-1] in source[problem.line - 1]
                                 or "hours" in source[problem.line - 1]), problem
        what, expected, fix = problem.texts("id")
        assert "tidak terbaca" in what and "08.00 sampai 15.00" in expected and "hours:" in fix
        assert "{" not in what + expected
    english = found[0].texts("en")
    assert "cannot be read" in english[0] and "sampai" not in english[0].split("«")[0]


def test_a_build_with_unreadable_hours_stops_and_names_the_place(content, tmp_path):
    _with_hours(content.root / "data" / "locations.yaml", {"cabang-ketapang": "  hours:\n    sabtu: pagi saja\n"})
    content.program("kelas-uji")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "sebelumnya.html").write_text("lama", encoding="utf-8")
    result = run_pelican(content.root, tmp_path / "out")
    assert result.returncode != 0
    report = result.stdout + result.stderr
    assert "locations.yaml" in report and "cabang-ketapang.hours.sabtu" in report and "Traceback" not in report
    assert (tmp_path / "out" / "sebelumnya.html").read_text(encoding="utf-8") == "lama"  # the old site is kept


# -- Registration that needs no registration here, or goes through someone --------------------------------------

def _kinds(content, text):
    from katalog.registration import channels

    content.program("kelas-uji", text)
    catalog = content.load()
    if not catalog.programs:
        return catalog, None, None
    program = catalog.programs[0]
    return catalog, [(c.kind, c.asking) for c in channels(program, "open")], [(c.kind, c.asking) for c in channels(program, "full")]


def test_through_and_just_come_turn_the_other_ways_into_ways_to_ask(content):
    catalog, open_, full = _kinds(content, THROUGH)
    assert catalog.problems == [] and catalog.warnings == []
    assert open_ == [("through", False), ("whatsapp", True), ("phone", True)]
    assert full == open_  # the waiting list goes through them too  # the waiting list goes through them too

    catalog, open_, full = _kinds(content, JUST_COME)
    assert catalog.problems == [] and catalog.warnings == []
    assert open_ == [("come", False), ("whatsapp", True)]
    assert full[0] == ("whatsapp", False)  # a full program people just come to keeps its waiting list


def test_just_come_online_and_contradicting_fields_are_errors(content):
    online = JUST_COME.replace("location: cabang-gilimanuk", "location: online")
    catalog, *_ = _kinds(content, online)
    assert [(p.code, p.field) for p in catalog.problems] == [("just_come_online", "registration.required")]
    both = THROUGH.replace("  through:", "  required: false\n  through:")
    catalog, *_ = _kinds(content, both)
    assert [p.code for p in catalog.problems] == ["through_and_not_required"]


@pytest.mark.parametrize("note, code", [
    ("Pendaftaran lewat guru pembimbing di SMK Bahari Gilimanuk.", "note_says_through"),
    ("Siswa mendaftar melalui sekolah masing-masing.", "note_says_through"),
    ("Pupils apply through their supervising teacher.", "note_says_through"),
    ("Pendaftaran liwat guru pembimbing ing sekolah.", "note_says_through"),
    ("Tidak perlu mendaftar, langsung datang saja.", "note_says_required"),
    ("Tanpa daftar, terbuka untuk umum.", "note_says_required"),
    ("No registration needed.", "note_says_required"),
    ("Daftar lewat WhatsApp paling lambat Jumat.", None),
    ("Pendaftaran melalui formulir ditutup sehari sebelumnya.", None),
    ("Bawa KTP atau kartu pelajar.", None),
])
def test_a_note_that_says_what_a_field_should_gets_a_warning(content, note, code):
    content.program("kelas-uji", VALID_PROGRAM.replace('  whatsapp: "0812-3301-4455"\n',
                                                       f'  whatsapp: "0812-3301-4455"\n  note: "{note}"\n'))
    catalog = content.load()
    assert catalog.problems == []
    warnings = [(w.code, w.field, w.line) for w in catalog.warnings]
    assert warnings == ([(code, "registration.note", 18)] if code else []), warnings
    if code:
        what, expected, fix = catalog.warnings[0].texts("id")
        assert note[:20] in what and ("through:" in fix or "required: false" in fix)


def test_the_sample_notes_never_contradict_the_action(sample_catalog):
    from katalog.registration import note_contradiction

    assert not [p.slug for p in sample_catalog.programs if note_contradiction(p.registration)]
    assert any(p.registration.through for p in sample_catalog.programs)
    assert any(not p.registration.needed for p in sample_catalog.programs)


# -- The pages ---------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def ways_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("ways")
    content = ContentFolder(root / "content")
    content.program("kelas-lewat", THROUGH)
    content.program("kelas-lewat", "---\ntitle: Trial Class\nsummary: A trial.\nregistration:\n"
                    "  through: the supervising teacher at SMK Bahari Gilimanuk\nimage:\n  alt: Two people learn to type.\n"
                    "---\nA trial.\n", lang="en")
    content.program("kelas-datang", JUST_COME)
    content.program("kelas-langsung", WALK_IN_ONLY)
    content.program("kelas-balai", WALK_IN_ONLY.replace("location: cabang-gilimanuk", "location: balai-kelurahan-gilimanuk"))
    result = run_pelican(content.root, root / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "out"


def test_through_is_said_and_nothing_offers_to_register(ways_site):
    page = soup(ways_site, "program/kelas-lewat")
    action = page.select_one(".action")
    assert text(action) == "Pendaftaran lewat guru pembimbing di SMK Bahari Gilimanuk"
    assert not action.select("a")
    register = page.select_one(".register")
    assert text(register.find("h2")) == "Ada pertanyaan?"
    links = [text(a) for a in register.select("a")]
    assert links == ["Tanya lewat WhatsApp ke 0812-3301-4455", "Tanya lewat telepon ke (0365) 61 204"], links
    assert "bertanya" in unquote(register.select_one("a")["href"])
    assert "Daftar lewat" not in text(page.select_one("article"))
    english = soup(ways_site, "en/program/kelas-lewat")
    assert text(english.select_one(".action")) == "Registration through the supervising teacher at SMK Bahari Gilimanuk"
    poster = text(soup(ways_site, "program/kelas-lewat/cetak"))
    assert "Pendaftaran lewat guru pembimbing di SMK Bahari Gilimanuk" in poster and "Tanya lewat telepon" in poster


def test_just_come_links_the_place_and_says_when(ways_site):
    page = soup(ways_site, "program/kelas-datang")
    link = page.select_one(".action a")
    assert text(link) == "Datang saja ke Perpustakaan Dua Pesisir, Cabang Gilimanuk, tanpa mendaftar"
    assert unquote(link["href"]).endswith("/lokasi/cabang-gilimanuk/")
    details = [text(p) for p in page.select(".action .action-detail")]
    assert details[0].startswith("Sesi berikutnya: Rabu, 2 Desember 2026, pukul 09.00 sampai 11.00 WITA"), details
    assert details[1].startswith("Jl. Raya Gilimanuk No. 5")
    asks = [text(a) for a in page.select(".register a")]
    assert asks == ["Tanya lewat WhatsApp ke 0812-3301-4455"], asks
    assert "bertanya" in unquote(page.select_one(".register a")["href"])


def test_walking_in_says_where_when_and_to_register_first(ways_site):
    page = soup(ways_site, "program/kelas-langsung")
    assert text(page.select_one(".action a")).startswith("Daftar lewat WhatsApp ke Ibu Uji")
    walk_in = next(li for li in page.select(".register li") if "/lokasi/" in li.a["href"])
    assert text(walk_in.a) == "Daftar langsung di Perpustakaan Dua Pesisir, Cabang Gilimanuk"
    said = text(walk_in)
    assert "Daftar dulu di sana, lalu datang pada waktu sesinya." in said
    assert "Jam buka: Senin sampai Jumat, pukul 08.00 sampai 15.00 WITA; Sabtu, pukul 08.00 sampai 12.00 WITA" in said
    assert "Jl. Raya Gilimanuk No. 5" in said
    english = next(li for li in soup(ways_site, "en/program/kelas-langsung").select(".register li") if "/lokasi/" in li.a["href"])
    assert "Opening hours: Monday to Friday, 08:00 to 15:00 WITA; Saturday, 08:00 to 12:00 WITA" in text(english)
    javanese = next(li for li in soup(ways_site, "jv/program/kelas-langsung").select(".register li") if "/lokasi/" in li.a["href"])
    assert "Jam buka: Senin nganti Jumat, jam 08.00 nganti 15.00 WITA; Sabtu, jam 08.00 nganti 12.00 WITA" in text(javanese)
    # A place without opening hours: the next session says when.
    balai = next(li for li in soup(ways_site, "program/kelas-balai").select(".register li") if "/lokasi/" in li.a["href"])
    assert "Jam buka" not in text(balai) and "Sesi berikutnya: Rabu, 2 Desember 2026" in text(balai)
    share = text(soup(ways_site, "program/kelas-langsung/cetak"))
    assert "Daftar langsung di Perpustakaan Dua Pesisir, Cabang Gilimanuk (Jam buka: Senin sampai Jumat" in share


def test_the_place_page_gives_its_hours_in_every_language(ways_site):
    for prefix, words in (("", "Senin sampai Jumat, pukul 08.00 sampai 15.00 WITA; Sabtu, pukul 08.00 sampai 12.00 WITA"),
                          ("en/", "Monday to Friday, 08:00 to 15:00 WITA; Saturday, 08:00 to 12:00 WITA")):
        page = soup(ways_site, f"{prefix}lokasi/cabang-gilimanuk")
        hours = page.find("dt", string=re.compile("^(Jam buka|Opening hours)$"))
        assert hours is not None and text(hours.find_next("dd")) == words
    assert soup(ways_site, "lokasi/balai-kelurahan-gilimanuk").find("dt", string="Jam buka") is None
