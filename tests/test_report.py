"""The activity report: report blocks checked like every field, `make report` on the sample (CSV and summary), and
its mistakes answered in words."""

from __future__ import annotations

import csv
import io
import os
import subprocess

import pytest

from conftest import CONTENT, PAST_PROGRAM as PAST, ROOT, TODAY, VALID_PROGRAM, assert_no_traceback, line_of


def make_report(*args, env=None):
    return subprocess.run(["make", "-s", "report", *args], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "KATALOG_TODAY": TODAY, **(env or {})})


def read_csv(path):
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def test_the_sample_report_for_october_and_november(tmp_path, sample_programs):
    out = tmp_path / "laporan.csv"
    result = make_report(f"CONTENT={CONTENT}", "FROM=2026-10-01", "TO=2026-11-30", f"OUT={out}")
    assert result.returncode == 0, result.stderr
    assert_no_traceback(result)
    rows = read_csv(out)
    reported = {p.title: p for p in sample_programs if p.report}
    assert len(reported) == 3
    held = [p for p in sample_programs if p.status != "cancelled" and any(
        not s.cancelled and "2026-10-01" <= s.day.isoformat() <= "2026-11-23" for s in p.sessions)]
    assert sorted(r["Program"] for r in rows) == sorted(p.title for p in held)
    for row in rows:
        program = reported.get(row["Program"])
        if program is None:
            assert row["Peserta"] == "" and row["Sudah dilaporkan"] == "belum"
            continue
        assert int(row["Peserta"]) == program.report.participants
        assert row["Penyandang disabilitas"] == ("" if program.report.disability is None else str(program.report.disability))
        assert row["Hasil"] == program.report.outcome and row["Sudah dilaporkan"] == "ya"
        assert int(row["Sesi terlaksana"]) == len([s for s in program.sessions if not s.cancelled])
    total = sum(p.report.participants for p in reported.values())
    disabled = sum(p.report.disability or 0 for p in reported.values())
    assert f"Peserta: {total}, di antaranya {disabled} penyandang disabilitas" in result.stdout
    assert f"Program terlaksana: {len(held)};" in result.stdout
    assert "Per kategori:" in result.stdout and "Per mitra:" in result.stdout and "Per sasaran:" in result.stdout
    assert "Belum ada laporan" in result.stdout
    assert "Kemitraan baru dalam periode ini: 4" in result.stdout
    # Participants are known only from reports: a group without one says so and never reads as zero attendance.
    groups = [line.strip() for line in result.stdout.splitlines() if line.startswith("  ") and " program, " in line]
    assert groups and not [line for line in groups if " 0 peserta" in line], groups
    assert any("belum dilaporkan" in line and "peserta dari" in line for line in groups), groups


def test_a_period_without_any_report_says_so_instead_of_zero(tmp_path):
    result = make_report(f"CONTENT={CONTENT}", "FROM=2026-11-20", "TO=2026-11-23", f"OUT={tmp_path / 'r.csv'}")
    assert result.returncode == 0, result.stderr
    assert "Peserta: belum dilaporkan" in result.stdout and "0 peserta" not in result.stdout, result.stdout
    groups = [line.strip() for line in result.stdout.splitlines() if line.startswith("  ") and " program, " in line]
    assert groups and all(line.endswith("peserta belum dilaporkan") for line in groups), groups


def test_a_partner_seen_before_the_period_is_not_new(tmp_path):
    out = tmp_path / "november.csv"
    result = make_report(f"CONTENT={CONTENT}", "FROM=2026-11-01", "TO=2026-11-30", f"OUT={out}")
    assert result.returncode == 0, result.stderr
    new = result.stdout.split("Kemitraan baru dalam periode ini:")[1].split("\n\n")[0]
    assert "Balai Latihan Kerja Pesisir" not in new and "Politeknik Pesisir Nusantara" in new
    assert all(r["Tanggal mulai"] >= "2026-11-01" for r in read_csv(out))


def test_future_and_cancelled_sessions_are_not_counted(content, tmp_path):
    text = VALID_PROGRAM.replace("2026-12-02 09:00", "2026-11-11 09:00").replace("except: [2026-12-09]",
                                                                               "except: [2026-11-18]\n  cancelled: [2026-11-25]")
    content.program("kelas-uji", text)
    out = tmp_path / "r.csv"
    result = make_report(f"CONTENT={content.root}", "FROM=2026-11-01", "TO=2026-12-31", f"OUT={out}",
                         env={"KATALOG_TODAY": "2026-12-03"})
    assert result.returncode == 0, result.stderr
    (row,) = read_csv(out)
    # 11 Nov held, 18 Nov skipped, 25 Nov cancelled, 2 Dec held, 9 Dec not yet: two sessions.
    assert row["Sesi terlaksana"] == "2" and row["Tanggal selesai"] == "2026-12-02"


@pytest.mark.parametrize("block, code, needle", [
    ("report:\n  participants: 10\n  women: 8\n  men: 5\n", "report_figures", "men:"),
    ("report:\n  participants: 10\n  disability: 11\n", "report_figures", "disability:"),
    ("report:\n  participants: 10\n  sessions_held: 9\n", "report_sessions", "sessions_held:"),
    ("report:\n  participants: sepuluh\n", "bad_number", "participants:"),
    ("report:\n  participants: -3\n", "bad_number", "participants:"),
    ("report:\n  women: 3\n", "missing", "report:"),
    ("report:\n  participants: 10\n  visitors: 3\n", "unknown_field", "visitors:"),
])
def test_report_mistakes_are_reported_at_their_line(content, block, code, needle):
    text = PAST.replace("---\nIsi program", block + "---\nIsi program")
    content.program("kelas-uji", text)
    catalog = content.load()
    assert [p.code for p in catalog.problems] == [code], [p.format("id") for p in catalog.problems]
    problem = catalog.problems[0]
    assert problem.line == line_of(text, needle), problem.format("id")
    message = problem.format("id")
    assert "Seharusnya:" in message and "Cara memperbaiki:" in message


def test_a_report_before_the_program_is_held_is_a_warning(content):
    content.program("kelas-uji", VALID_PROGRAM.replace("---\nIsi program", "report:\n  participants: 5\n---\nIsi program"))
    catalog = content.load()
    assert not catalog.problems
    assert [w.code for w in catalog.warnings] == ["report_too_early"]


def test_a_report_is_not_part_of_a_translation_nor_of_the_site(content, built_site, sample_programs):
    content.program("kelas-uji", PAST)
    content.program("kelas-uji", "---\ntitle: Test class\nsummary: A test.\nreport:\n  participants: 3\n---\nBody.\n",
                    lang="en")
    assert "fact_in_translation" in [p.code for p in content.load().problems]
    for program in (p for p in sample_programs if p.report):
        for page in (built_site / f"program/{program.slug}/index.html", built_site / "data/programs.json"):
            assert program.report.outcome not in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("args, words", [
    (["FROM=2026-13-01", "TO=2026-12-31"], "FROM dan TO harus tanggal"),
    (["FROM=2026-12-31", "TO=2026-10-01"], "lebih awal dari FROM"),
    (["FROM=2026-10-01"], "Give the period"),
])
def test_a_wrong_period_is_answered_in_words(tmp_path, args, words):
    result = make_report(f"CONTENT={CONTENT}", *args, f"OUT={tmp_path / 'x.csv'}")
    assert result.returncode == 2 and words in result.stdout + result.stderr
    assert_no_traceback(result)
    assert not (tmp_path / "x.csv").exists()
