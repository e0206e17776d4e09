"""A new program without knowing the format: `make new-program`, the issue form and its conversion, the template."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import yaml

from conftest import CONTENT, ROOT, TODAY, assert_no_traceback, get_settings

FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "usulkan-program.yml"
TEMPLATE = ROOT / "docs" / "templat-program" / "id.md"


@pytest.fixture(scope="module")
def workshop():
    from katalog.proposal import Workshop

    shop = Workshop(CONTENT, get_settings())
    yield shop
    shop.close()


def test_the_issue_form_and_the_template_are_made_from_the_questions_and_the_data(workshop):
    from katalog.issue_form import form_text, template_text

    assert FORM.read_text(encoding="utf-8") == form_text(workshop.vocabularies, "id"), "run make docs"
    assert TEMPLATE.read_text(encoding="utf-8") == template_text(workshop), "run make docs"


def test_the_form_offers_every_value_of_every_vocabulary(workshop):
    from katalog.proposal import QUESTIONS

    body = yaml.safe_load(FORM.read_text(encoding="utf-8"))["body"]
    fields = {item["id"]: item for item in body if "id" in item}
    assert list(fields) == [q.key for q in QUESTIONS]
    for question in QUESTIONS:
        if question.vocabulary:
            offered = fields[question.key]["attributes"]["options"]
            for code in workshop.vocabularies[question.vocabulary].entries:
                assert sum(option.endswith(f"({code})") for option in offered) == 1, (question.key, code)
    assert fields["audience"]["attributes"]["multiple"] is True
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-issue-forms",
                             str(FORM)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_template_passes_the_checks_when_copied(content):
    import shutil

    shutil.copytree(TEMPLATE.parent, content.root / "programs" / "kelas-menjahit")
    catalog = content.load()
    assert catalog.problems == [] and catalog.warnings == []
    assert [p.slug for p in catalog.programs] == ["kelas-menjahit"]


# The issue form, as GitHub writes a submitted one.

GOOD = {
    "Judul program": "Kelas Menjahit: Dasar",
    "Ringkasan": "Belajar menjahit tangan dan memakai mesin jahit.",
    "Kategori": "Keterampilan hidup dan hobi (keterampilan-hidup)",
    "Untuk siapa": "Dewasa (dewasa), Perempuan (perempuan)",
    "Tempat": "Perpustakaan Dua Pesisir, Cabang Ketapang (cabang-ketapang)",
    "Mulai sesi pertama": "2026-12-08 14:00",
    "Jam selesai": "16:00",
    "Berulang": "Setiap minggu",
    "Jumlah sesi": "4",
    "Biaya": "gratis",
    "Daftar lewat WhatsApp": "0812-3301-4455",
    "Daftar lewat formulir daring": "_No response_",
    "Bisa daftar langsung di tempat": "Ya",
    "Nama narahubung": "Ibu Ani",
    "Telepon atau WhatsApp narahubung": "(0333) 421 876",
    "Deskripsi": "Bawa kain perca dan benang.\n\nMesin jahit disediakan.",
}


def issue(**changes) -> str:
    answers = {**GOOD, **changes}
    return "\n\n".join(f"### {label}\n\n{value}" for label, value in answers.items() if value is not None) + "\n"


def propose(content, tmp_path, body: str):
    (tmp_path / "issue.md").write_text(body, encoding="utf-8")
    result = subprocess.run(["make", "-s", "proposal", f"CONTENT={content.root}", f"ISSUE={tmp_path / 'issue.md'}",
                             f"REPORT={tmp_path / 'report.md'}"], cwd=ROOT, capture_output=True, text=True,
                            timeout=300, env={**os.environ, "KATALOG_TODAY": TODAY})
    assert_no_traceback(result)
    return result, (tmp_path / "report.md").read_text(encoding="utf-8")


def test_a_submitted_form_becomes_a_program_that_passes(content, tmp_path):
    content.program("kelas-lain")
    result, report = propose(content, tmp_path, issue())
    assert result.returncode == 0, result.stdout + result.stderr
    path = content.root / "programs" / "kelas-menjahit-dasar" / "id.md"
    assert "content/programs/kelas-menjahit-dasar/id.md" in report and "Pull request" in report
    catalog = content.load()
    assert catalog.problems == [] and catalog.warnings == []
    program = next(p for p in catalog.programs if p.slug == "kelas-menjahit-dasar")
    assert program.title == "Kelas Menjahit: Dasar"
    assert program.audiences == ("dewasa", "perempuan")
    assert len(program.sessions) == 4 and program.registration.walk_in
    assert "Mesin jahit disediakan." in path.read_text(encoding="utf-8")
    # The same proposal again (an edited issue run twice): a second folder, never an overwritten program.
    result, _ = propose(content, tmp_path, issue())
    assert result.returncode == 0
    assert (content.root / "programs" / "kelas-menjahit-dasar-2" / "id.md").is_file()


def test_a_form_in_the_words_librarians_use_becomes_a_file_in_the_same_words(content, tmp_path):
    result, report = propose(content, tmp_path, issue(**{"Mulai sesi pertama": "Selasa, 8 Desember 2026 pukul 14.00",
                                                         "Jam selesai": "16.00", "Jumlah sesi": "4 kali",
                                                         "Biaya": "Rp 15.000"}))
    assert result.returncode == 0, report
    text = (content.root / "programs" / "kelas-menjahit-dasar" / "id.md").read_text(encoding="utf-8")
    for line in ("  start: Selasa, 8 Desember 2026 pukul 14.00", "  end: 16.00", "  repeat: setiap minggu, 4 kali",
                 "status: buka", "cost: Rp 15.000"):
        assert line in text.splitlines(), text
    catalog = content.load()
    assert catalog.problems == [] and catalog.warnings == []
    [program] = catalog.programs
    assert [s.start.strftime("%Y-%m-%d %H:%M") for s in program.sessions] == [
        "2026-12-08 14:00", "2026-12-15 14:00", "2026-12-22 14:00", "2026-12-29 14:00"]
    assert (program.status, program.cost) == ("open", 15000)


@pytest.mark.parametrize("changes, label, words", [
    ({"Mulai sesi pertama": "8 Desember 2026"}, "Mulai sesi pertama", "bukan tanggal dan jam yang benar"),
    ({"Mulai sesi pertama": "2026-10-06 14:00"}, "Mulai sesi pertama", "sudah lewat"),
    ({"Jam selesai": "13:00"}, "Jam selesai", "tidak setelah waktu mulai"),
    ({"Kategori": "Menjahit (menjahit)"}, "Kategori", "tidak ada di daftar"),
    ({"Daftar lewat WhatsApp": "12345"}, "Daftar lewat WhatsApp", "bukan nomor telepon"),
    ({"Daftar lewat formulir daring": "javascript:alert(1)"}, "Daftar lewat formulir daring", "javascript"),
    ({"Daftar lewat WhatsApp": "_No response_", "Bisa daftar langsung di tempat": "Tidak"},
     "Bisa daftar langsung di tempat", "setidaknya satu cara mendaftar"),
    ({"Judul program": "Kelas\nstatus: cancelled"}, "Judul program", "satu baris"),
    ({"Deskripsi": "<iframe src='https://contoh.org'></iframe>"}, "Deskripsi", "iframe"),
    ({"Jumlah sesi": "0"}, "Jumlah sesi", "lebih dari 0"),
    ({"Biaya": None}, "Biaya", "tidak ditemukan"),
])
def test_a_form_with_a_mistake_gets_a_report_and_no_file(content, tmp_path, changes, label, words):
    result, report = propose(content, tmp_path, issue(**changes))
    assert result.returncode != 0
    assert not (content.root / "programs").exists() or not any((content.root / "programs").iterdir())
    line = next((line for line in report.splitlines() if line.startswith(f"- **{label}**")), None)
    assert line and words in line.replace("\\", ""), report
    assert "Sunting usulan ini" in report


def test_every_mistake_is_reported_in_one_round(content, tmp_path):
    result, report = propose(content, tmp_path, issue(**{"Mulai sesi pertama": "besok", "Kategori": "Lain (lain)",
                                                         "Daftar lewat WhatsApp": "123"}))
    assert result.returncode != 0
    assert {line.split("**")[1] for line in report.splitlines() if line.startswith("- **")} == {
        "Mulai sesi pertama", "Kategori", "Daftar lewat WhatsApp"}


def test_text_from_the_form_stays_text_in_the_report(content, tmp_path):
    result, report = propose(content, tmp_path, issue(**{"Kategori": "**[tautan](https://jahat.example)** @semua"}))
    assert result.returncode != 0
    assert "](https://" not in report and "\\*\\*\\[tautan\\]" in report and "\\@semua" in report


# make new-program, answered through standard input.


def new_program(content, answers: list[str]):
    return subprocess.run(["make", "-s", "new-program", f"CONTENT={content.root}"], cwd=ROOT, input="\n".join(answers),
                          capture_output=True, text=True, timeout=300, env={**os.environ, "KATALOG_TODAY": TODAY})


ANSWERS = ["Kelas Menjahit", "Belajar menjahit.", "99", "7", "5, 12", "4", "2026-10-06 14:00", "2026-12-08 14:00",
           "13:00", "16:00", "3", "0", "4", "gratis", "12345", "0812-3301-4455", "", "2", "Ibu Ani", "(0333) 421 876",
           "Bawa kain perca.", "", ""]


def test_new_program_asks_checks_each_answer_and_writes_a_program_that_passes(content):
    result = new_program(content, ANSWERS)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    assert_no_traceback(result)
    out = result.stdout
    assert "«99» tidak ada di daftar" in out  # a number not in the list
    assert "sudah lewat" in out  # a first session in the past
    assert "tidak setelah waktu mulai" in out  # an end before the start
    assert "lebih dari 0" in out and "bukan nomor telepon" in out
    assert out.count("Coba lagi.") == 5
    catalog = content.load()
    assert catalog.problems == [] and catalog.warnings == []
    [program] = catalog.programs
    assert (program.slug, program.category, program.location) == ("kelas-menjahit", "keterampilan-hidup",
                                                                  "balai-kelurahan-gilimanuk")
    assert len(program.sessions) == 4 and program.registration.whatsapp.display == "0812-3301-4455"
    assert program.audiences == ("dewasa", "pendatang") and program.timezone == "Asia/Makassar"
    text = (content.root / "programs" / "kelas-menjahit" / "id.md").read_text(encoding="utf-8")
    assert "# capacity: " in text and "Bawa kain perca." in text  # hints for the optional fields


def test_new_program_stopped_midway_writes_nothing(content):
    result = new_program(content, ANSWERS[:5])  # the input ends: as Ctrl-D, or Ctrl-C
    assert_no_traceback(result)
    assert "tidak ada berkas yang ditulis" in result.stdout
    assert not any((content.root / "programs").iterdir())


# One grammar for every door: what a program file takes, the questions and the form take.

def test_the_forms_report_gives_each_problem_its_fix_with_an_example(content, tmp_path):
    result, report = propose(content, tmp_path, issue(**{"Biaya": "sepuluh ribu", "Jam selesai": "jam sebelas"}))
    assert result.returncode != 0
    text = report.replace("\\", "")
    for label, example in (("Biaya", "«Rp 10.000,-»"), ("Jam selesai", "«11.30»")):
        start = text.index(f"- **{label}**")
        block = text[start:text.find("\n- ", start + 1)]
        assert "Seharusnya:" in block and "Cara memperbaiki:" in block and example in block, block


@pytest.mark.parametrize("changes, check", [
    ({"Berulang": "setiap Selasa, 3 kali", "Jumlah sesi": "_No response_"}, lambda p: len(p.sessions) == 3),
    ({"Berulang": "setiap Selasa", "Jumlah sesi": "2"}, lambda p: len(p.sessions) == 2),
    ({"Berulang": "{every: mingguan, count: 3}", "Jumlah sesi": "_No response_"}, lambda p: len(p.sessions) == 3),
    ({"Kategori": "keterampilan hidup dan hobi"}, lambda p: p.category == "keterampilan-hidup"),
    ({"Kategori": "Life skills and hobbies"}, lambda p: p.category == "keterampilan-hidup"),
    ({"Bisa daftar langsung di tempat": "Meja layanan lantai 1"}, lambda p: p.registration.walk_in == "Meja layanan lantai 1"),
    ({"Deskripsi": "tanpa deskripsi"}, lambda p: p.body.strip() in ("", ) or p.body.lstrip().startswith("<!--")),
])
def test_the_form_takes_what_a_program_file_takes(content, tmp_path, changes, check):
    result, report = propose(content, tmp_path, issue(**changes))
    assert result.returncode == 0, report
    catalog = content.load()
    assert catalog.problems == [], [p.format("id") for p in catalog.problems]
    [program] = catalog.programs
    assert check(program), program
    text = (content.root / "programs" / "kelas-menjahit-dasar" / "id.md").read_text(encoding="utf-8")
    assert "Deskripsi." not in text


def test_an_empty_description_in_the_form_is_asked_for_never_a_placeholder(content, tmp_path):
    result, report = propose(content, tmp_path, issue(**{"Deskripsi": "_No response_"}))
    assert result.returncode != 0
    line = next(line for line in report.splitlines() if line.startswith("- **Deskripsi**"))
    assert "wajib" in line and "tanpa deskripsi" in line.replace("\\", ""), report


WORDS_ANSWERS = ["Kelas Menjahit", "Belajar menjahit.", "keterampilan hidup", "3 dan 5", "Balai Kelurahan Gilimanuk",
                 "Minggu, 6 Desember 2026 pukul 14.00", "16.00", "setiap hari Minggu, 6 kali", "Rp 10.000,-", "0812-3301-4455", "",
                 "Meja layanan", "Ibu Ani", "(0333) 421 876", "", "Bawa kain perca.", "", ""]


def test_new_program_takes_what_a_program_file_takes(content):
    result = new_program(content, WORDS_ANSWERS)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    assert_no_traceback(result)
    out = result.stdout
    assert out.count("Coba lagi.") == 1 and "wajib" in out, out[-2000:]  # the empty description is asked again
    assert "Jumlah sesi" not in out, "a repeat in words with its count asks no count"
    catalog = content.load()
    assert catalog.problems == [], [p.format("id") for p in catalog.problems]
    [program] = catalog.programs
    assert program.category == "keterampilan-hidup" and len(program.audiences) == 2
    assert len(program.sessions) == 6 and {s.start.weekday() for s in program.sessions} == {6}
    assert program.cost == 10000 and program.registration.walk_in == "Meja layanan"
    text = (content.root / "programs" / "kelas-menjahit" / "id.md").read_text(encoding="utf-8")
    assert "  repeat: setiap hari Minggu, 6 kali" in text.splitlines() and "Deskripsi." not in text


def test_new_program_takes_no_description_only_when_said(content):
    answers = WORDS_ANSWERS[:-3] + ["tanpa deskripsi", "", ""]
    result = new_program(content, answers)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    text = (content.root / "programs" / "kelas-menjahit" / "id.md").read_text(encoding="utf-8")
    assert "Deskripsi." not in text
    assert content.load().problems == []
