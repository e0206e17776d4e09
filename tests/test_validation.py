"""Every kind of bad input gets its own clear message: file, line, field, what was expected, how to fix it."""

from __future__ import annotations

import pytest

from conftest import VALID_PROGRAM, assert_no_traceback, line_of, moment, run_pelican


@pytest.fixture(autouse=True)
def _built_the_way_a_librarian_builds(request):
    """After each test, the same content through the real build: exit 1 on problems, never a traceback."""
    content = request.getfixturevalue("content") if "content" in request.fixturenames else None
    yield
    if content is None:
        return
    result = run_pelican(content.root, content.root.parent / "out")
    assert_no_traceback(result)
    problems = content.load().problems
    assert result.returncode == (1 if problems else 0), result.stderr[-2000:]
    if problems:
        assert "Situs tidak dibangun:" in result.stderr


def only_problem(catalog):
    assert len(catalog.problems) == 1, [p.format("id") for p in catalog.problems]
    return catalog.problems[0]


def check(content, text, *, field, line_needle, phrases, slug="kelas-uji", lang="id", **settings):
    """Writes one program, loads the catalog, and checks its single problem and its Indonesian message."""
    path = content.program(slug, text)
    problem = only_problem(content.load(**settings))
    message = problem.format(lang)
    assert problem.path.endswith(f"programs/{slug}/id.md")
    assert problem.field == field
    if line_needle is not None:
        assert problem.line == line_of(text, line_needle), message
    for phrase in phrases:
        assert phrase in message, message
    assert str(path.name) in message
    return problem, message


def test_the_valid_program_has_no_problem(content):
    content.program("kelas-uji")
    catalog = content.load()
    assert catalog.problems == []
    assert [p.slug for p in catalog.programs] == ["kelas-uji"]


def test_missing_required_field(content):
    text = VALID_PROGRAM.replace("category: literasi-digital\n", "")
    _, message = check(content, text, field="category", line_needle="title:",
                       phrases=["Kolom «category» wajib diisi", "Tambahkan kolom «category»", "category: literasi-digital"])
    assert "Seharusnya:" in message and "Cara memperbaiki:" in message


def test_unknown_vocabulary_value_suggests_the_closest(content):
    text = VALID_PROGRAM.replace("category: literasi-digital", "category: literasi-digitl")
    check(content, text, field="category", line_needle="category:",
          phrases=["«literasi-digitl» bukan kategori yang dikenal", "Mungkin maksudnya «literasi-digital»?",
                   "content/data/categories.yaml"])


def test_unknown_audience_in_a_list(content):
    text = VALID_PROGRAM.replace("audience: [lansia]", "audience: [lansai]")
    check(content, text, field="audience", line_needle="audience:",
          phrases=["«lansai» bukan sasaran peserta yang dikenal", "«lansia»"])


def test_unknown_partner_reference(content):
    text = VALID_PROGRAM.replace("partners: [blk-pesisir]", "partners: [blk-pesisr]")
    check(content, text, field="partners", line_needle="partners:",
          phrases=["«blk-pesisr» tidak ada di daftar mitra", "«blk-pesisir»", "content/data/partners.yaml"])


def test_unknown_location_reference(content):
    text = VALID_PROGRAM.replace("location: cabang-gilimanuk", "location: cabang-gilimanok")
    check(content, text, field="location", line_needle="location:",
          phrases=["«cabang-gilimanok» tidak ada di daftar lokasi", "«cabang-gilimanuk»"])


def test_bad_date(content):
    text = VALID_PROGRAM.replace("start: 2026-12-02 09:00", "start: 2026-13-02 09:00")
    check(content, text, field="schedule.start", line_needle="start:",
          phrases=["«2026-13-02 09:00» bukan tanggal dan jam yang benar", "2 Desember 2026 09.00", "2026-12-02 09:00"])


def test_bad_time(content):
    text = VALID_PROGRAM.replace('end: "11:00"', 'end: "25:00"')
    check(content, text, field="schedule.end", line_needle="end:",
          phrases=["«25:00» bukan jam selesai yang benar", "(24 jam)", "«11.30»"])


def test_end_before_start(content):
    text = VALID_PROGRAM.replace('end: "11:00"', 'end: "08:30"')
    check(content, text, field="schedule.end", line_needle="end:",
          phrases=["Waktu selesai (08:30) tidak setelah waktu mulai (2026-12-02 09:00)"])


def test_unknown_time_zone_suggests_the_closest(content):
    text = VALID_PROGRAM.replace('  end: "11:00"\n', '  end: "11:00"\n  timezone: Asia/Jakata\n')
    check(content, text, field="schedule.timezone", line_needle="timezone:",
          phrases=["«Asia/Jakata» bukan nama zona waktu yang dikenal", "«Asia/Jakarta»", "Asia/Makassar (WITA)"])


@pytest.mark.parametrize("rule, needle, phrase", [
    ("{every: fortnight, count: 4}", "repeat:", "every «fortnight» tidak dikenal; pakai harian (day), mingguan (week), bulanan (month)"),
    ("{every: week, count: 4, until: 2027-01-01}", "repeat:", "count dan until tidak boleh dipakai bersamaan"),
    ("{every: week}", "repeat:", "tidak ada akhirnya"),
    ("{every: week, count: 4, days: [seninn]}", "repeat:", "hari «seninn» tidak dikenal"),
    ("{every: week, until: 2026-11-01}", "repeat:", "until lebih awal dari sesi pertama"),
])
def test_bad_repeat_rule(content, rule, needle, phrase):
    text = VALID_PROGRAM.replace("{every: week, count: 4}", rule)
    check(content, text, field="schedule.repeat", line_needle=needle,
          phrases=["Aturan pengulangan tidak bisa dipakai", phrase, "«setiap Sabtu, 4 kali»", "«{every: mingguan, count: 4}»"])


def test_skipped_date_that_is_not_a_session(content):
    text = VALID_PROGRAM.replace("except: [2026-12-09]", "except: [2026-12-10]")
    check(content, text, field="schedule.except", line_needle="except:",
          phrases=["tanggal 2026-12-10 yang dilewati bukan tanggal sesi"])


@pytest.mark.parametrize("cancelled", ["[2026-12-09]", "[2026-12-16, 2026-12-10]", "[2026-12-03]"])
def test_cancelled_date_that_is_not_a_session(content, cancelled):
    """A skipped date, a day between sessions, a day after the last: none is a session that can be cancelled."""
    text = VALID_PROGRAM.replace("except: [2026-12-09]", f"except: [2026-12-09]\n  cancelled: {cancelled}")
    wrong = [day for day in cancelled.strip("[]").split(", ") if day != "2026-12-16"][0]
    check(content, text, field="schedule.cancelled", line_needle="cancelled:",
          phrases=[f"Tanggal {wrong} bukan tanggal salah satu sesi", "cancelled: [2026-12-02]"])


def test_cancelled_sessions_stay_listed_and_marked(content):
    text = VALID_PROGRAM.replace("except: [2026-12-09]", "except: [2026-12-09]\n  cancelled: [2026-12-16]")
    content.program("kelas-uji", text)
    catalog = content.load()
    assert catalog.problems == []
    program = catalog.programs[0]
    assert [(s.day.isoformat(), s.cancelled) for s in program.sessions] == [
        ("2026-12-02", False), ("2026-12-16", True), ("2026-12-23", False)]
    from datetime import date
    assert [s.day.isoformat() for s in program.upcoming(moment(date(2026, 12, 3)))] == ["2026-12-23"]


def test_invalid_language_tag(content):
    text = VALID_PROGRAM.replace("languages: [id]", "languages: [id, jawaa]")
    check(content, text, field="languages", line_needle="languages:",
          phrases=["«jawaa» bukan bahasa yang dikenal", "«inl»", "«Bahasa Indonesia»"])


def test_sign_language_is_a_valid_language_of_instruction(content):
    content.program("kelas-uji", VALID_PROGRAM.replace("languages: [id]", "languages: [id, inl]"))
    catalog = content.load()
    assert catalog.problems == []
    assert catalog.programs[0].languages == ("id", "inl")


def test_duplicate_slug(content):
    content.program("kelas-uji")
    text = VALID_PROGRAM.replace("title: Kelas Uji Coba", "title: Kelas Lain\nslug: kelas-uji")
    content.program("kelas-lain", text)
    problem = only_problem(content.load())
    message = problem.format("id")
    assert problem.field == "slug"
    assert problem.path.endswith("programs/kelas-lain/id.md")
    assert problem.line == line_of(text, "slug:")
    assert "Alamat «kelas-uji» sudah dipakai oleh" in message
    assert "programs/kelas-uji/id.md" in message


def test_page_address_that_a_listing_uses(content):
    content.program("kelas-uji")
    content.page("agenda", "---\ntitle: Agenda Kami\n---\nIsi.\n")
    problem = only_problem(content.load())
    assert problem.code == "reserved_slug"
    assert "Alamat «agenda» sudah dipakai oleh daftar program" in problem.format("id")


def test_image_without_alt_text(content):
    text = VALID_PROGRAM.replace("  alt: Dua peserta belajar mengetik di laptop.\n", "")
    check(content, text, field="image.alt", line_needle="image:",
          phrases=["Gambar tidak punya teks alternatif (alt)", "decorative: true"])


def test_decorative_image_needs_no_alt(content):
    content.program("kelas-uji", VALID_PROGRAM.replace("  alt: Dua peserta belajar mengetik di laptop.\n", "  decorative: true\n"))
    assert content.load().problems == []


def test_image_file_that_does_not_exist(content):
    text = VALID_PROGRAM.replace("images/komputer-lansia.svg", "images/tidak-ada.png")
    check(content, text, field="image.src", line_needle="src:",
          phrases=["Berkas gambar «images/tidak-ada.png» tidak ditemukan"])


def test_no_registration_channel(content):
    text = VALID_PROGRAM.replace('  whatsapp: "0812-3301-4455"\n', "  note: Segera dibuka.\n")
    check(content, text, field="registration", line_needle="registration:",
          phrases=["Belum ada cara mendaftar", "whatsapp, phone, atau walk_in"])


OVER = (VALID_PROGRAM.replace("start: 2026-12-02 09:00", "start: 2026-10-07 09:00")
        .replace("except: [2026-12-09]", "except: [2026-10-14]"))


def test_open_status_on_a_program_that_is_over_is_a_warning_and_the_program_shows_as_past(content):
    """Time passing never stops a build: a nightly build must not fail because a program has ended."""
    content.program("kelas-uji", OVER)
    catalog = content.load()
    assert catalog.problems == []
    [warning] = catalog.warnings
    assert warning.code == "open_but_past" and warning.field == "status" and warning.line == line_of(OVER, "status:")
    message = warning.format("id")
    assert "Peringatan: Status «open» (pendaftaran dibuka), tetapi sesi terakhir sudah lewat (2026-10-28)" in message
    assert "Ganti status menjadi selesai" in message
    assert catalog.programs[0].state(catalog.settings["KATALOG_NOW"]) == "past"


def test_strict_checks_stop_on_a_warning_about_a_file_the_change_touches(content, monkeypatch):
    path = content.program("kelas-uji", OVER)
    content.program("kelas-lain", OVER)
    monkeypatch.setenv("KATALOG_STRICT", "1")
    assert {p.code for p in content.load().problems} == {"open_but_past"}
    assert len(content.load().problems) == 2  # no list of changed files: every file is strict
    monkeypatch.setenv("KATALOG_CHANGED_FILES", f"{path} content/programs/lain/id.md")
    catalog = content.load()
    assert [(p.path, p.code, p.warning) for p in catalog.problems] == [(str(path), "open_but_past", False)]
    assert [p.path.rsplit("/", 2)[-2] for p in catalog.warnings] == ["kelas-lain"]
    monkeypatch.setenv("KATALOG_CHANGED_FILES", "")  # a scheduled build changes nothing
    assert content.load().problems == []


def test_the_same_program_is_fine_when_its_status_says_finished(content):
    text = (VALID_PROGRAM.replace("start: 2026-12-02 09:00", "start: 2026-10-07 09:00")
            .replace("except: [2026-12-09]", "except: [2026-10-14]").replace("status: open", "status: finished"))
    content.program("kelas-uji", text)
    catalog = content.load()
    assert catalog.problems == []
    assert catalog.programs[0].state(catalog.settings["KATALOG_NOW"]) == "past"


def test_malformed_yaml(content):
    text = VALID_PROGRAM.replace("audience: [lansia]", "audience: [lansia")
    problem, message = check(content, text, field=None, line_needle=None,
                             phrases=["Bagian data (YAML) tidak bisa dibaca di sini", "tanda kutip harus berpasangan"])
    assert problem.line in (line_of(text, "audience:"), line_of(text, "audience:") + 1)


def test_file_that_is_not_utf8(content):
    text = VALID_PROGRAM.replace("Ringkasan program uji coba.", "Ringkasan caf\u00e9.")
    raw = text.encode("latin-1")
    check(content, raw, field=None, line_needle=None,
          phrases=["Berkas ini bukan teks UTF-8", "Simpan ulang berkas sebagai UTF-8"])
    problem = content.load().problems[0]
    assert problem.line == line_of(text, "summary:")


def test_file_without_front_matter(content):
    check(content, "title: Lupa garis pembuka\n", field=None, line_needle="title:",
          phrases=["Berkas tidak diawali bagian data", "---"])


def test_misspelt_field_name_is_not_silently_ignored(content):
    text = VALID_PROGRAM.replace("summary:", "sumary:")
    content.program("kelas-uji", text)
    problems = content.load().problems
    codes = {(p.code, p.field) for p in problems}
    assert ("unknown_field", "sumary") in codes
    assert ("missing", "summary") in codes
    unknown = next(p for p in problems if p.code == "unknown_field")
    assert "Mungkin maksudnya «summary»?" in unknown.format("id")


def test_offline_program_with_an_online_location(content):
    text = VALID_PROGRAM.replace("location: cabang-gilimanuk", "location: online\nmode: offline")
    check(content, text, field="location", line_needle="location:",
          phrases=["Mode «offline» butuh tempat, tetapi lokasinya online"])


def test_phone_number_that_cannot_be_called(content):
    text = VALID_PROGRAM.replace('whatsapp: "0812-3301-4455"', 'whatsapp: "WA saya"')
    check(content, text, field="registration.whatsapp", line_needle="whatsapp:",
          phrases=["«WA saya» bukan nomor telepon yang bisa dihubungi"])


def test_file_language_that_the_site_does_not_publish(content):
    content.program("kelas-uji", VALID_PROGRAM, lang="fr")
    problem = only_problem(content.load())
    assert problem.code == "lang_not_site"
    assert "Bahasa berkas «fr» bukan bahasa situs ini" in problem.format("id")


def test_messages_in_english_for_an_english_site(content):
    text = VALID_PROGRAM.replace("category: literasi-digital", "category: literasi-digitl")
    content.program("kelas-uji", text)
    problem = only_problem(content.load())
    message = problem.format("en")
    assert f"line {line_of(text, 'category:')}" in message
    assert "field «category»" in message
    assert "«literasi-digitl» is not a known category." in message
    assert "Did you mean «literasi-digital»?" in message
    assert "How to fix:" in message


def test_every_problem_in_every_file_is_reported_at_once(content):
    content.program("satu", VALID_PROGRAM.replace("category: literasi-digital", "category: x"))
    content.program("dua", VALID_PROGRAM.replace('end: "11:00"', 'end: "08:00"').replace("cost: gratis", "cost: mahal"))
    content.program("tiga", b"---\ntitle: \xff\n---\n")
    problems = content.load().problems
    assert {(p.path.split("/")[-2], p.code) for p in problems} == {
        ("satu", "unknown_value"), ("dua", "end_before_start"), ("dua", "bad_number"), ("tiga", "encoding")}


def test_bad_reference_data_is_reported_with_its_own_file_and_line(content):
    locations = content.root / "data" / "locations.yaml"
    text = locations.read_text(encoding="utf-8").replace("timezone: Asia/Makassar", "timezone: Asia/Makasar", 1)
    locations.write_text(text, encoding="utf-8")
    content.program("kelas-uji")
    problems = content.load().problems
    assert len(problems) == 1
    assert problems[0].path.endswith("data/locations.yaml")
    assert problems[0].line == line_of(text, "Asia/Makasar")
    assert "«Asia/Makasar» bukan nama zona waktu yang dikenal" in problems[0].format("id")



def replace_lines(path, first: str, last: str, new: str, after: str = "") -> str:
    """A data file with its lines from `first` (the first one after `after`) to the line holding `last` replaced
    by `new`; the new text, as written."""
    text = path.read_text(encoding="utf-8")
    start = text.index(first, text.index(after) if after else 0)
    end = text.index("\n", text.index(last, start)) + 1
    text = text[:start] + new + text[end:]
    path.write_text(text, encoding="utf-8")
    return text


@pytest.mark.parametrize("short", ["[Cabang, Gilimanuk]", "{}", "{id: ''}", "{id: [a, b]}"])
def test_a_place_short_name_that_is_not_text_is_reported_at_its_line(content, short):
    text = replace_lines(content.root / "data" / "locations.yaml", "  short:\n    id: Cabang Gilimanuk",
                         "    jv: Cabang Gilimanuk", f"  short: {short}\n")
    content.program("kelas-uji")
    [problem] = content.load().problems
    assert (problem.path.endswith("data/locations.yaml"), problem.line, problem.field, problem.code) == (
        True, line_of(text, f"  short: {short}"), "cabang-gilimanuk.short", "wrong_shape")
    assert "short: {id: Cabang Ketapang, en: Ketapang branch}" in problem.format("id")

@pytest.mark.parametrize("words", ["{id: kursi roda, pengguna kursi roda}", "{id: {a: b}}", "{id: [a, [b]]}", "{a: b}"])
def test_search_words_in_another_shape_are_reported_at_their_line_with_the_forms(content, words):
    text = replace_lines(content.root / "data" / "accessibility.yaml", "  search:", "    jv:", f"  search: {words}\n",
                         after="braille:")
    content.program("kelas-uji")
    [problem] = content.load().problems
    assert (problem.path.endswith("data/accessibility.yaml"), problem.line, problem.field, problem.code) == (
        True, line_of(text, f"  search: {words}"), "braille.search", "wrong_shape")
    message = problem.format("id")
    assert "dipisah koma" in message and "search: {id: [kursi roda" in message


def test_search_words_are_read_per_language_in_the_forms_librarians_write():
    from katalog.data import Entry, Localized, search_words

    assert search_words("kursi roda, wheelchair; ramp", "id") == {"id": ("kursi roda", "wheelchair", "ramp")}
    assert search_words(["Tuli", "tuli", " teman  tuli "], "id") == {"id": ("Tuli", "teman tuli")}
    assert search_words({"id": "tuli", "en": ["Deaf", "hard of hearing"]}, "id") == \
        {"id": ("tuli",), "en": ("Deaf", "hard of hearing")}
    assert search_words(None, "id") == {}
    entry = Entry("x", Localized({"id": "X"}), search={"id": ("a",)})
    assert entry.search_words("jv", ("id",)) == ("a",) and entry.search_words("en") == ()


TRANSLATION = """\
---
title: Trial Class
summary: A summary of the trial program.
image: {alt: A trial picture.}
---
The trial program's description.
"""


def test_translation_takes_its_facts_from_the_main_file(content):
    content.program("kelas-uji")
    content.program("kelas-uji", TRANSLATION, lang="en")
    catalog = content.load()
    assert catalog.problems == []
    main, english = sorted(catalog.programs, key=lambda p: p.lang != "id")
    assert (english.lang, english.title, english.image.alt) == ("en", "Trial Class", "A trial picture.")
    assert english.sessions == main.sessions and english.location == main.location and english.slug == main.slug
    assert english.body.strip() == "The trial program's description."


def test_a_fact_written_in_a_translation(content):
    content.program("kelas-uji")
    text = TRANSLATION.replace("image: {alt: A trial picture.}", "image: {alt: A trial picture.}\nstatus: full")
    content.program("kelas-uji", text, lang="en")
    problem = only_problem(content.load())
    assert (problem.code, problem.field, problem.line) == ("fact_in_translation", "status", line_of(text, "status:"))
    message = problem.format("id")
    assert "Kolom «status» tidak ditulis di berkas terjemahan: isinya diambil dari" in message
    assert "programs/kelas-uji/id.md" in message


def test_a_translation_that_leaves_a_text_out(content):
    content.program("kelas-uji")
    content.program("kelas-uji", TRANSLATION.replace("image: {alt: A trial picture.}\n", ""), lang="en")
    problem = only_problem(content.load())
    assert (problem.code, problem.field) == ("untranslated_field", "image.alt")
    assert "Terjemahan belum lengkap" in problem.format("id") and "Dua peserta belajar mengetik di laptop." in problem.format("id")


def test_a_translation_without_its_main_file(content):
    content.program("kelas-uji", TRANSLATION, lang="en")
    problem = only_problem(content.load())
    assert problem.code == "no_main_version"
    assert "Buat dulu kelas-uji/id.md" in problem.format("id")


def test_missing_translations_can_be_required(content):
    content.program("kelas-uji")
    content.program("kelas-uji", TRANSLATION, lang="en")
    assert content.load().problems == []
    problems = content.load(KATALOG_REQUIRE_TRANSLATIONS=True).problems
    assert [(p.code, p.params["value"]) for p in problems] == [("missing_translation", "jv")]
    assert "Belum ada versi bahasa «jv»" in problems[0].format("id")


def test_language_of_a_part_with_a_bad_tag(content):
    text = VALID_PROGRAM.replace("Isi program uji coba.", "Isi program.\n\nSalam dari kami: [Sugeng rawuh]{jawa}.")
    check(content, text, field="description", line_needle="Sugeng rawuh",
          phrases=["«jawa» pada [teks]{jawa} bukan kode bahasa BCP 47 yang benar", "[Sugeng rawuh]{jv}"])


def test_translation_report_lists_what_is_missing(content):
    from katalog.translations import report

    content.program("kelas-uji")
    content.program("kelas-uji", TRANSLATION, lang="en")
    content.program("kelas-dua")
    text = report(content.load(), "id")
    assert "en: 1 dari 2 sudah ada" in text
    assert "- program kelas-dua: kelas-dua/en.md" in text
    assert "jv: 0 dari 2 sudah ada" in text
    assert "id: 2 dari 2 sudah ada\n  Semua sudah diterjemahkan." in text


def test_a_mistake_in_the_main_file_is_reported_once_not_again_for_its_translations(content):
    content.program("kelas-uji", VALID_PROGRAM.replace("category: literasi-digital", "category: literasi-digitl"))
    content.program("kelas-uji", TRANSLATION, lang="en")
    problem = only_problem(content.load())
    assert problem.path.endswith("programs/kelas-uji/id.md") and problem.field == "category"


def test_a_translation_is_still_checked_while_its_main_file_has_a_mistake(content):
    content.program("kelas-uji", VALID_PROGRAM.replace("category: literasi-digital", "category: literasi-digitl"))
    content.program("kelas-uji", TRANSLATION + "\n<script>x</script>\n", lang="en")
    problems = content.load().problems
    assert [(p.path.rsplit("/", 1)[-1], p.code) for p in problems] == [("id.md", "unknown_value"), ("en.md", "unsafe_html")]


MOVED = "except: [2026-12-09]\n  moved:\n"


@pytest.mark.parametrize("moved, kept", [
    ("    2026-12-16: 2026-12-17 13:00", "2026-12-17 13:00"),
    ("    Rabu, 16 Desember 2026: Kamis, 17 Desember 2026 pukul 13.00 WITA", "2026-12-17 13:00"),
    ("    16 Desember 2026: 18 Desember 2026", "2026-12-18 09:00"),  # a day alone keeps the time
    ("    2026-12-16 09:00: 2026-12-16 14:00", "2026-12-16 14:00"),  # the same day, a later hour
])
def test_a_moved_session_keeps_its_length_and_says_where_it_was(content, moved, kept):
    content.program("kelas-uji", VALID_PROGRAM.replace("except: [2026-12-09]", MOVED + moved))
    catalog = content.load()
    assert catalog.problems == []
    sessions = catalog.programs[0].sessions
    assert [(s.number, s.start.strftime("%Y-%m-%d %H:%M"), s.end - s.start) for s in sessions][1] == (
        2, kept, sessions[0].end - sessions[0].start)
    assert sessions[1].moved_from.isoformat() == "2026-12-16T09:00:00+08:00"
    assert [s.moved_from for s in sessions if s is not sessions[1]] == [None, None]


def test_a_session_moved_past_another_is_numbered_in_its_new_place(content):
    content.program("kelas-uji", VALID_PROGRAM.replace("except: [2026-12-09]", MOVED + "    2026-12-02: 2026-12-18 09:00"))
    sessions = content.load().programs[0].sessions
    assert [(s.number, s.day.isoformat(), bool(s.moved_from)) for s in sessions] == [
        (1, "2026-12-16", False), (2, "2026-12-18", True), (3, "2026-12-23", False)]


@pytest.mark.parametrize("moved, code, phrases", [
    ("    2026-12-09: 2026-12-10 09:00", "moved_not_a_session", ["Tanggal 2026-12-09 di moved bukan tanggal salah satu sesi"]),
    ("    2026-12-03: 2026-12-04", "moved_not_a_session", ["seperti ini: 2026-12-02: 2026-12-02 13:00"]),
    ("    2026-12-23: 2026-12-16 09:00", "moved_onto_session", ["Sesi 2026-12-23 dipindah ke 2026-12-16 09:00"]),
    ("    2026-12-16: 2026-12-17 13:00\n    16 Desember 2026: 2026-12-18 13:00", "moved_twice", ["dipindah dua kali"]),
    ("    2026-12-16: besok sore", "bad_datetime", ["besok sore"]),
    ("    kemarin: 2026-12-17 13:00", "bad_date", ["kemarin"]),
    ("    2026-02-30: 2026-12-17 13:00", "bad_date", ["2026-02-30"]),
    ("    2026-12-16: {start: 2026-12-17 13:00}", "wrong_shape", ["moved"]),
    ("    2026-12-16:", "wrong_shape", ["moved"]),
    ("    - 2026-12-16", "wrong_shape", ["moved"]),
])
def test_a_move_that_cannot_be_made_is_explained(content, moved, code, phrases):
    text = VALID_PROGRAM.replace("except: [2026-12-09]", MOVED + moved)
    needle = "moved:" if moved.strip().startswith("-") else moved.splitlines()[-1].strip()  # a list: its key's line
    problem, _ = check(content, text, field="schedule.moved", line_needle=needle, phrases=phrases)
    assert problem.code == code


def test_a_session_cannot_be_both_cancelled_and_moved(content):
    text = VALID_PROGRAM.replace("except: [2026-12-09]", "except: [2026-12-09]\n  cancelled: [2026-12-16]\n  moved:\n"
                                 "    2026-12-16: 2026-12-17 13:00")
    problem, message = check(content, text, field="schedule.moved", line_needle="2026-12-16: 2026-12-17",
                             phrases=["Sesi 2026-12-16 ditulis dibatalkan (cancelled) sekaligus dipindah (moved)",
                                      "hapus tanggalnya dari cancelled"])
    assert problem.code == "moved_and_cancelled"


def test_moved_sessions_in_a_list_of_sessions(content):
    from conftest import with_sessions
    text = with_sessions('{start: 2026-12-02 09:00, end: "11:00"}', '{start: 2026-12-05 09:00, end: "11:00"}')
    text = text.replace("status: open", "  moved: {2026-12-05: 2026-12-06 10:00}\nstatus: open")
    content.program("kelas-uji", text)
    catalog = content.load()
    assert catalog.problems == []
    assert [(s.start.strftime("%d %H"), s.moved_from and s.moved_from.day) for s in catalog.programs[0].sessions] == [
        ("02 09", None), ("06 10", 5)]
