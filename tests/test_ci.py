"""In GitHub Actions, problems appear where librarians look: on the pull request's file and line, and in the job
summary. Runs the real build and check with GITHUB_ACTIONS=true and reads the workflow commands back."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, TODAY, VALID_PROGRAM, assert_no_traceback, line_of, run_pelican

COMMAND = re.compile(r"^::(?P<kind>error|warning|notice)(?: (?P<properties>[^:]*))?::(?P<message>.*)$")

PAST = VALID_PROGRAM.replace("start: 2026-12-02 09:00", "start: 2026-10-07 09:00").replace(
    "except: [2026-12-09]", "except: [2026-10-14]")


TRANSLATION = "---\ntitle: Trial Class\nsummary: A trial program.\nimage:\n  alt: A trial picture.\n---\nAbout the trial.\n"


def _unescape(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def workflow_commands(stdout: str) -> list[dict]:
    """The workflow commands a step printed, decoded as the runner decodes them."""
    found = []
    for line in stdout.splitlines():
        match = COMMAND.match(line)
        if not match:
            assert not line.startswith("::"), f"not a well-formed workflow command: {line!r}"
            continue
        properties = {}
        for item in (match["properties"] or "").split(","):
            name, _, value = item.partition("=")
            properties[name] = _unescape(value)
        found.append({"kind": match["kind"], **properties, "message": _unescape(match["message"])})
    return found


@pytest.fixture
def actions(tmp_path):
    """The environment of a GitHub Actions step whose checkout is the test's folder."""
    summary = tmp_path / "summary.md"
    summary.write_text("", encoding="utf-8")
    return summary, {"GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(tmp_path), "GITHUB_STEP_SUMMARY": str(summary)}


def bad_programs(content):
    """Three programs with one problem each, one with a value that is Markdown and HTML if not escaped."""
    satu = VALID_PROGRAM.replace("category: literasi-digital", "category: '**<b>x</b>**'")
    dua = VALID_PROGRAM.replace('end: "11:00"', 'end: "08:00"')
    content.program("satu", satu)
    content.program("dua", dua)
    content.program("dua", TRANSLATION.replace("Trial Class", ""), lang="en")
    return {"content/programs/satu/id.md": (line_of(satu, "category:"), "category"),
            "content/programs/dua/id.md": (line_of(dua, "end:"), "schedule.end"),
            "content/programs/dua/en.md": (line_of(TRANSLATION, "title:"), "title")}


def test_every_problem_is_annotated_at_its_file_and_line_in_indonesian(content, tmp_path, actions):
    summary, environment = actions
    expected = bad_programs(content)
    content.program("lampau", PAST)  # a warning travels with the errors
    result = run_pelican(content.root, tmp_path / "out", env=environment)
    assert result.returncode == 1
    assert_no_traceback(result)

    commands = workflow_commands(result.stdout)
    errors = [c for c in commands if c["kind"] == "error"]
    assert {c["file"]: (int(c["line"]), c["title"]) for c in errors} == {
        path: (line, f"Masalah: kolom «{field}»") for path, (line, field) in expected.items()}
    for command in errors:
        assert "Seharusnya:" in command["message"] and "Cara memperbaiki:" in command["message"], command
        assert "\n" in command["message"]  # several lines, kept as one command
    assert "«**<b>x</b>**» bukan kategori yang dikenal" in next(
        c["message"] for c in errors if c["file"] == "content/programs/satu/id.md")
    [warning] = [c for c in commands if c["kind"] == "warning"]
    assert warning["file"] == "content/programs/lampau/id.md" and warning["title"] == "Peringatan: kolom «status»"
    assert int(warning["line"]) == line_of(PAST, "status:")
    # The same problems, once: the language sub-sites never run after the main site stopped.
    assert len(errors) == 3

    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Situs tidak dibangun: 3 masalah di 3 berkas · 1 peringatan\n")
    headings = re.findall(r"^### `(.+)`$", text, flags=re.MULTILINE)
    assert headings == sorted(headings) and set(headings) == {*expected, "content/programs/lampau/id.md"}
    sections = dict(zip(headings, re.split(r"^### .+$", text, flags=re.MULTILINE)[1:]))
    for path, (line, field) in expected.items():
        assert f"baris {line}, kolom «{field}»" in sections[path], sections[path]
    assert "**Peringatan**" in sections["content/programs/lampau/id.md"]
    # Text from content is text in the summary: never bold, never an HTML tag.
    assert "\\*\\*\\<b\\>x\\</b\\>\\*\\*" in sections["content/programs/satu/id.md"]
    assert "<b>" not in text


def test_annotations_follow_the_message_language(content, tmp_path, actions):
    _, environment = actions
    bad_programs(content)
    result = run_pelican(content.root, tmp_path / "out", "-e", 'KATALOG_MESSAGE_LANG="en"', env=environment)
    assert result.returncode == 1
    errors = workflow_commands(result.stdout)
    assert errors and all(c["title"].startswith("Problem: field «") for c in errors), errors
    assert all("How to fix:" in c["message"] for c in errors), errors


def test_outside_github_actions_nothing_is_printed_for_it(content, tmp_path):
    bad_programs(content)
    summary = tmp_path / "summary.md"
    result = run_pelican(content.root, tmp_path / "out",
                         env={"GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 1
    assert "::error" not in result.stdout + result.stderr
    assert not summary.exists()


def test_a_successful_build_lists_the_programs_a_change_touched_with_links(content, tmp_path, actions):
    summary, environment = actions
    touched = content.program("kelas-uji")
    content.program("kelas-uji", TRANSLATION.replace("Trial Class", "Trial [Class]"), lang="en")
    content.program("kelas-lain", PAST)
    output = tmp_path / "out"
    environment["KATALOG_CHANGED_FILES"] = f"{touched} {touched.with_name('en.md')} content/pages/hapus/id.md"
    result = run_pelican(content.root, output, "-e", 'SITEURL="https://perpustakaan.example.org/katalog"',
                         env=environment)
    assert result.returncode == 0, result.stderr
    assert_no_traceback(result)
    [warning] = workflow_commands(result.stdout)  # the past program, once for the whole build
    assert warning["kind"] == "warning" and warning["file"] == "content/programs/kelas-lain/id.md"

    text = summary.read_text(encoding="utf-8")
    pages = sum(1 for _ in output.rglob("*.html"))
    assert text.startswith(f"## Situs dibangun: 2 program, {pages} halaman\n"), text
    assert "### Program yang ditambah atau diubah" in text
    links = re.findall(r"\[((?:\\.|[^\]])+)\]\(([^)]+)\)", text)
    assert links == [("Kelas Uji Coba", "https://perpustakaan.example.org/katalog/program/kelas-uji/"),
                     ("Trial \\[Class\\]", "https://perpustakaan.example.org/katalog/en/program/kelas-uji/")], text
    for _, url in links:  # each link leads to a page that was built
        path = url.removeprefix("https://perpustakaan.example.org/katalog/")
        assert (output / path / "index.html").is_file(), path
    changed, warned = text.split("### 1 peringatan\n")
    assert "kelas-lain" not in changed
    assert "#### `content/programs/kelas-lain/id.md`" in warned and "Status «open»" in warned


def test_a_change_that_touches_no_program_says_so(content, tmp_path, actions):
    summary, environment = actions
    content.program("kelas-uji")
    environment["KATALOG_CHANGED_FILES"] = "content/data/categories.yaml"
    result = run_pelican(content.root, tmp_path / "out", env=environment)
    assert result.returncode == 0, result.stderr
    assert workflow_commands(result.stdout) == []
    assert "Perubahan ini tidak menyentuh program mana pun." in summary.read_text(encoding="utf-8")


def test_make_check_annotates_too(content, tmp_path, actions):
    summary, environment = actions
    expected = bad_programs(content)
    result = subprocess.run(["make", "-s", "check", f"CONTENT={content.root}", "STRICT=1"], cwd=ROOT,
                            capture_output=True, text=True, timeout=300,
                            env={**os.environ, "KATALOG_TODAY": TODAY, **environment})
    assert result.returncode != 0
    assert_no_traceback(result)
    assert {c["file"] for c in workflow_commands(result.stdout)} == set(expected)
    assert "## Situs tidak dibangun: 3 masalah di 3 berkas" in summary.read_text(encoding="utf-8")


def test_workflow_command_text_cannot_end_or_split_a_command():
    from katalog.ci import annotations
    from katalog.messages import Problem

    problem = Problem(path=str(Path.cwd() / "content/programs/a,b::c/id.md"), line=3, field="schedule.start",
                      code="bad_datetime", params={"value": "100%\n::error::palsu"})
    output = annotations([problem], "id")
    assert output.count("\n") == 1
    [command] = workflow_commands(output)
    assert command["file"] == "content/programs/a,b::c/id.md" and command["line"] == "3"
    assert command["message"].startswith("«100%\n::error::palsu» bukan tanggal dan jam yang benar.")
