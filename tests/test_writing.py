"""Accessible writing: each rule catches its bad example at its line, in Indonesian and English, and passes its
good one; the sample is clean; a site's own lists, weights and limits are used; abbreviations are written out."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
import yaml

from conftest import CONTENT, PLUGINS, ROOT, TODAY, VALID_PROGRAM, line_of
from katalog.i18n import translate
from katalog.messages import MESSAGES
from katalog.writing import ERROR, LIMIT_OF, RULES, RULES_BY_CODE, WritingLimits

LONG_ENGLISH = RULES_BY_CODE["description_language"].bad


def with_example(rule, text: str) -> str:
    """VALID_PROGRAM with the example put where the rule looks: the description, the summary or the image."""
    if rule.where == "summary":
        return VALID_PROGRAM.replace("summary: Ringkasan program uji coba.", f"summary: {text}")
    if rule.where == "image":
        fields = "".join(f"  {line}\n" for line in text.splitlines())
        return VALID_PROGRAM.replace("  alt: Dua peserta belajar mengetik di laptop.\n",
                                     "  alt: Dua peserta belajar mengetik di laptop.\n" + fields)
    return VALID_PROGRAM.replace("Isi program uji coba.\n", text + "\n")


def writing_findings(catalog):
    codes = set(RULES_BY_CODE)
    return [p for p in catalog.problems + catalog.warnings if p.code in codes]


def expected_line(rule, text: str) -> int:
    if rule.where == "summary":
        return line_of(text, "summary:")
    if rule.where == "image":
        return line_of(text, "  " + rule.bad.splitlines()[rule.at].split(":")[0] + ":")
    return text.splitlines().index(rule.bad.splitlines()[0]) + 1 + rule.at


def opening(template: str) -> str:
    """The longest run of a message's own words between its placeholders: what must be found in the report."""
    return max(re.split(r"\{[^{}]*\}|«|»", template), key=len).strip()


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("code", [rule.code for rule in RULES])
def test_each_rule_names_its_bad_example_at_its_line(content, code, lang):
    rule = RULES_BY_CODE[code]
    text = with_example(rule, rule.bad)
    content.program("kelas-uji", text)
    catalog = content.load(KATALOG_MESSAGE_LANG=lang)
    found = [p for p in writing_findings(catalog) if p.code == code]
    assert found, f"{code}: {[(p.code, p.line) for p in catalog.problems + catalog.warnings]}"
    finding = found[0]
    assert finding.line == expected_line(rule, text), (code, finding.line, text)
    assert finding.warning == (rule.severity != ERROR)
    assert (finding in catalog.problems) == (rule.severity == ERROR)
    report = finding.format(lang)
    what, expected, fix = (translate(part, lang) for part in MESSAGES[code])
    assert opening(what) and opening(what) in report, report
    assert "content/programs/kelas-uji/id.md" in report.splitlines()[0] or "kelas-uji/id.md" in report
    if lang == "en":
        assert opening(what) != opening(MESSAGES[code][0]), f"{code} has no English message"
        assert "Warning" in report if finding.warning else "Problem" in report
    if code in LIMIT_OF:  # the measured figure and the limit
        assert str(finding.params["detail"]) in report and str(getattr(WritingLimits(), LIMIT_OF[code])) in report


@pytest.mark.parametrize("code", [rule.code for rule in RULES])
def test_each_rules_good_example_passes(content, code):
    rule = RULES_BY_CODE[code]
    content.program("kelas-uji", with_example(rule, rule.good))
    catalog = content.load()
    assert writing_findings(catalog) == [], [p.format("id") for p in writing_findings(catalog)]


def test_the_offending_text_is_named(content):
    content.program("kelas-uji", with_example(RULES_BY_CODE["link_vague"], "Daftarnya [klik di sini](https://a.example/daftar)."))
    [finding] = writing_findings(content.load())
    assert "«klik di sini»" in finding.format("id")
    assert "Isi [formulir pendaftaran kelas komputer](https://...)" in finding.format("id")


def test_every_heading_problem_in_one_description_is_reported_at_its_own_line(content):
    body = "# Judul besar\n\nTeks.\n\n### Materi\n\nTeks.\n\n###### Terlalu dalam\n\nTeks.\n\n###\n\nAkhir."
    text = with_example(RULES_BY_CODE["heading_h1"], body)
    content.program("kelas-uji", text)
    found = sorted((p.code, p.line) for p in writing_findings(content.load()))
    assert found == sorted([("heading_h1", line_of(text, "# Judul besar")),
                            ("heading_skipped", line_of(text, "###### Terlalu dalam")),
                            ("heading_empty", text.splitlines().index("###") + 1)])


def test_a_page_starts_its_headings_one_level_higher(content):
    content.program("kelas-uji")
    content.page("tentang", "---\ntitle: Tentang\n---\n## Sejarah\n\nPerpustakaan ini lama.\n\n### Cabang\n\nDua.\n")
    assert writing_findings(content.load()) == []
    content.page("tentang", "---\ntitle: Tentang\n---\n### Sejarah\n\nPerpustakaan ini lama.\n")
    assert [p.code for p in writing_findings(content.load())] == ["heading_first_level"]


def test_a_site_weighs_and_measures_the_rules_its_own_way(content):
    content.program("kelas-uji", with_example(RULES_BY_CODE["shouting"], RULES_BY_CODE["shouting"].bad))
    assert [p.code for p in content.load().warnings] == ["shouting"]
    catalog = content.load(KATALOG_WRITING={"shouting": "error"})
    assert [p.code for p in catalog.problems] == ["shouting"] and catalog.warnings == []
    catalog = content.load(KATALOG_WRITING={"shouting": "off"})
    assert writing_findings(catalog) == []
    content.program("kelas-uji", with_example(RULES_BY_CODE["summary_too_long"], "Satu dua tiga empat lima enam."))
    assert writing_findings(content.load()) == []
    assert [p.code for p in content.load(KATALOG_WRITING_LIMITS={"summary_words": 5}).warnings] == ["summary_too_long"]


def test_a_wrong_writing_setting_is_reported_not_raised(content):
    content.program("kelas-uji")
    catalog = content.load(KATALOG_WRITING={"no_such_rule": "error", "shouting": "loud"})
    [problem] = catalog.problems
    assert problem.code == "bad_setting" and "no_such_rule" in problem.format("id")
    [problem] = content.load(KATALOG_WRITING_LIMITS={"words": 3}).problems
    assert problem.code == "bad_setting" and "summary_words" in problem.format("id")


def test_a_librarians_own_vague_link_texts_are_used(content):
    rule = RULES_BY_CODE["link_vague"]
    content.program("kelas-uji", with_example(rule, "Jadwalnya bisa [mampir ke sini](https://a.example/jadwal)."))
    assert writing_findings(content.load()) == []
    (content.root / "data" / "link_words.yaml").write_text("id: [mampir ke sini]\n", encoding="utf-8")
    [finding] = writing_findings(content.load())
    assert finding.code == "link_vague" and "«mampir ke sini»" in finding.format("id")


def test_a_broken_list_file_says_where(content):
    content.program("kelas-uji")
    (content.root / "data" / "abbreviations.yaml").write_text("BLK: {id: Balai Latihan Kerja}\nblk kecil: x\n",
                                                              encoding="utf-8")
    [problem] = content.load().problems
    assert problem.path.endswith("data/abbreviations.yaml") and problem.line == 2 and problem.code == "writing_data"


def test_abbreviations_are_written_out_on_first_use_in_the_pages_language(content):
    body = ("Kelas bersama BLK dan PKK. Sertifikat dari BLK.\n\n"
            "Lihat [jadwal BLK](https://a.example/jadwal). Pusat kesehatan masyarakat (Puskesmas) membantu.")
    content.program("kelas-uji", VALID_PROGRAM.replace("Isi program uji coba.\n", body + "\n"))
    content.program("kelas-uji", "---\ntitle: Trial Class\nsummary: A trial.\nimage: {alt: Two people typing.}\n---\n"
                                 "A class with the BLK.\n", lang="en")
    catalog = content.load()
    indonesian = next(p for p in catalog.programs if p.lang == "id").html
    assert indonesian.count('<abbr title="Balai Latihan Kerja">BLK</abbr> (Balai Latihan Kerja)') == 1
    assert "Sertifikat dari BLK." in indonesian and "jadwal BLK</a>" in indonesian  # later and linked uses stay
    assert '<abbr title="Pemberdayaan Kesejahteraan Keluarga">PKK</abbr> (Pemberdayaan' in indonesian
    # Spelled out already: only marked.
    assert '(<abbr title="pusat kesehatan masyarakat">Puskesmas</abbr>)' in indonesian
    english = next(p for p in catalog.programs if p.lang == "en").html
    assert '<abbr title="vocational training centre">BLK</abbr> (vocational training centre)' in english


def test_an_unknown_abbreviation_is_a_warning_until_it_is_listed(content):
    rule = RULES_BY_CODE["unknown_abbreviation"]
    content.program("kelas-uji", with_example(rule, "Bawa fotokopi KTP dan SKCK."))
    [finding] = writing_findings(content.load())
    assert finding.code == "unknown_abbreviation" and finding.params["value"] == "SKCK"
    with open(content.root / "data" / "abbreviations.yaml", "a", encoding="utf-8") as data:
        data.write("SKCK: {id: surat keterangan catatan kepolisian, en: police clearance certificate}\n")
    catalog = content.load()
    assert writing_findings(catalog) == []
    assert "SKCK</abbr> (surat keterangan catatan kepolisian)" in catalog.programs[0].html


def test_an_image_with_words_shows_them_beside_it(built_site):
    from bs4 import BeautifulSoup

    for prefix, words in (("", "14 dan 15 November 2026"), ("en/", "14 and 15 November 2026")):
        page = BeautifulSoup((built_site / prefix / "program" / "festival-literasi-pesisir" / "index.html")
                             .read_text(encoding="utf-8"), "html.parser")
        image = page.select_one("img.program-image")
        text = image.find_next_sibling("p", class_="image-text")
        assert image["alt"] and text is not None and words in text.get_text()


def test_the_language_of_a_description_is_told_apart_from_its_file(content):
    rule = RULES_BY_CODE["description_language"]
    content.program("kelas-uji", with_example(rule, LONG_ENGLISH))
    [finding] = writing_findings(content.load())
    assert finding.code == "description_language" and finding.params == {"value": "en", "detail": "id"}
    # A phrase marked as another language does not count against the file.
    marked = RULES_BY_CODE["description_language"].good + " [" + LONG_ENGLISH.split(". ")[0] + "]{en}."
    content.program("kelas-uji", with_example(rule, marked))
    assert writing_findings(content.load()) == []


def test_the_sample_is_clean_in_strict_mode():
    result = subprocess.run(["make", "-s", "lint", "STRICT=1"], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "KATALOG_TODAY": TODAY}, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Peringatan" not in result.stderr and "Masalah" not in result.stderr
    assert "Isi katalog baik" in result.stdout


def test_one_report_holds_problems_and_warnings_by_file_and_line(content):
    content.program("kelas-uji", VALID_PROGRAM.replace("Isi program uji coba.\n",
                                                       "Kelas mulai pukul 09.00.\n\n# Judul\n\nTeks.\n"))
    result = subprocess.run([sys.executable, "-m", "katalog.check", str(content.root), "-s", str(ROOT / "pelicanconf.py")],
                            cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "KATALOG_TODAY": TODAY, "PYTHONPATH": str(PLUGINS)})
    assert result.returncode == 1
    report = result.stderr
    warning, problem = report.index("Peringatan: Jam «pukul 09.00»"), report.index("Masalah: Judul bagian «# Judul»")
    assert warning < problem  # by line, whatever the weight
    assert report.rstrip().endswith("Situs tidak dibangun: 1 masalah di 1 berkas, dan 1 peringatan. "
                                    "Keluaran sebelumnya tidak diubah.")


def test_lint_with_unchanged_texts_loads_no_language_model(tmp_path):
    """The budget that keeps `make lint` quick for editors: once the descriptions' languages are known, checking
    an unchanged catalog reads them from the cache and never loads the model (about a second on its own)."""
    environment = {**os.environ, "KATALOG_TODAY": TODAY, "PYTHONPATH": str(PLUGINS)}
    code = ("import sys\nfrom pelican.settings import read_settings\nfrom katalog.catalog import load_catalog\n"
            f"settings = read_settings({str(ROOT / 'pelicanconf.py')!r}); settings['CACHE_PATH'] = {str(tmp_path)!r}\n"
            f"catalog = load_catalog({str(CONTENT)!r}, settings)\n"
            "print(len(catalog.programs), 'py3langid.langid' in sys.modules, 'numpy' in sys.modules)\n")
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment, timeout=120)
    assert first.stdout.split() == ["84", "True", "True"], first.stderr  # 28 programs in 3 languages
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment, timeout=120)
    assert again.stdout.split() == ["84", "False", "False"], again.stderr


def test_pre_commit_runs_the_lint():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    [hook] = [hook for hook in hooks if hook["id"] == "katalog-lint"]
    assert hook["entry"] == "make lint" and hook["language"] == "system" and hook["pass_filenames"] is False
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "\nlint:" in makefile


@pytest.mark.parametrize("alt, code", [
    ("WhatsApp Image 2026-11-02 at 10.15.22.jpeg", "alt_file_name"), ("DSC01234", "alt_file_name"),
    ("IMG-20261102-WA0001", "alt_file_name"), ("foto_kelas_komputer", "alt_file_name"),
    ("www.perpus.example.org/kelas.html", "alt_url"), ("Gambar", "alt_generic"), ("Logo BLK Pesisir", "alt_generic"),
    ("Picture of a class", "alt_generic"), ("KELAS UJI COBA", "alt_same_as_title"), ("Peserta senang ⭐", "alt_emoji"),
])
def test_alternative_texts_that_say_nothing_about_the_image(content, alt, code):
    content.program("kelas-uji", VALID_PROGRAM.replace("alt: Dua peserta belajar mengetik di laptop.", f'alt: "{alt}"'))
    assert code in [p.code for p in content.load().problems]


@pytest.mark.parametrize("text", ["Klik Di Sini!", "disini", "Baca selengkapnya »", "click here.", "Read more…",
                                  "klik ing kene", "LINK"])
def test_vague_link_texts_in_any_case_and_punctuation(content, text):
    content.program("kelas-uji", VALID_PROGRAM.replace("Isi program uji coba.", f"Jadwal: [{text}](https://a.example/j)."))
    assert [p.code for p in content.load().problems] == ["link_vague"]


@pytest.mark.parametrize("prose, found", [
    ("Kelas mulai pukul 9 pagi.", True), ("Kelas pukul 09.00-11.00.", True), ("Kelas 10.00 sampai 12.00.", True),
    ("Kelas pukul 09.00 WITA.", False), ("Kelas 10.00-12.00 WIB.", False), ("Selama 2 jam 30 menit.", False),
    ("Biaya Rp10.000 saja.", False),
])
def test_times_without_a_zone(content, prose, found):
    content.program("kelas-uji", VALID_PROGRAM.replace("Isi program uji coba.", prose))
    assert ("time_without_zone" in [p.code for p in content.load().warnings]) == found


@pytest.mark.parametrize("prose, found", [
    ("Tanya ke +62 813 1111 2222.", True), ("Tanya ke 081311112222.", True), ("Telepon (0361) 223 344.", True),
    ("Tanya ke 0812-3301-4455.", False),  # the program's own WhatsApp
    ("Telepon (0333) 421 876.", False),  # the contact's phone
])
def test_phone_numbers_in_prose(content, prose, found):
    content.program("kelas-uji", VALID_PROGRAM.replace("Isi program uji coba.", prose))
    assert ("phone_in_prose" in [p.code for p in content.load().warnings]) == found


@pytest.mark.parametrize("prose, found", [
    ("Buka pukul 08.00-15.00 WIB.", "08.00 sampai 15.00"), ("Buka 9:00 – 12:00 WITA.", "9:00 sampai 12:00"),
    ("Kelas 13.00—15.30 WIB.", "13.00 sampai 15.30"), ("Buka 8am-3pm WIB.", "8am sampai 3pm"),
    ("Buka 08.00 sampai 15.00 WIB.", None), ("Tanya ke 0812-3301-4455.", None), ("Tanggal 1-3 Desember.", None),
    ("Biaya Rp10.000-20.000.", None),
])
def test_time_ranges_with_a_dash_are_told_with_the_words_to_write(content, prose, found):
    content.program("kelas-uji", VALID_PROGRAM.replace("Isi program uji coba.", prose))
    ranges = [p for p in content.load().warnings if p.code == "time_range_dash"]
    assert [p.params["detail"] for p in ranges] == ([found] if found else [])


@pytest.mark.parametrize("lang, prose, fix", [
    ("en", "Open from 9:00 - 12:00 WITA on Saturdays.", "9:00 to 12:00"),
    ("jv", "Bukak jam 09.00-12.00 WIB.", "09.00 nganti 12.00"),
])
def test_a_time_range_in_any_language_is_fixed_with_that_languages_word(content, lang, prose, fix):
    """The fix names the word the pages themselves write between two times in that language."""
    content.program("kelas-uji")
    content.program("kelas-uji", "---\ntitle: Trial\nsummary: A trial.\nimage:\n  alt: Two people typing.\n---\n"
                    + prose + "\n", lang=lang)
    ranges = [p for p in content.load().warnings if p.code == "time_range_dash"]
    assert [(p.params["detail"], p.line, p.field) for p in ranges] == [(fix, 7, "description")]


def test_a_time_range_in_the_registration_words_is_found_at_its_line(content):
    text = VALID_PROGRAM.replace('  whatsapp: "0812-3301-4455"\n',
                                 '  whatsapp: "0812-3301-4455"\n  walk_in: "Meja layanan, Senin sampai Sabtu 08.00-15.00 WIB"\n'
                                 '  note: "Daftar ulang 07.30 - 08.00 WIB."\n')
    content.program("kelas-uji", text)
    ranges = {p.field: (p.line, p.params["detail"]) for p in content.load().warnings if p.code == "time_range_dash"}
    assert ranges == {"registration.walk_in": (line_of(text, "  walk_in:"), "08.00 sampai 15.00"),
                      "registration.note": (line_of(text, "  note:"), "07.30 sampai 08.00")}
