"""A failed build ends cleanly: the report or one paragraph, a non-zero exit, no traceback, the old site kept."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import PLUGINS, ROOT, TODAY, VALID_PROGRAM, assert_no_traceback, run_pelican, snapshot


def bad_content(content):
    content.program("satu", VALID_PROGRAM.replace("category: literasi-digital", "category: literasi-digitl"))
    content.program("dua", VALID_PROGRAM.replace('end: "11:00"', 'end: "08:00"'))
    content.program("tiga", VALID_PROGRAM.replace("  alt: Dua peserta belajar mengetik di laptop.\n", ""))


def make(target: str, content, output: Path, *variables: str):
    environment = {**os.environ, "KATALOG_TODAY": TODAY}
    return subprocess.run(["make", "-s", target, f"CONTENT={content.root}", f"OUTPUT={output}", *variables],
                          cwd=ROOT, capture_output=True, text=True, env=environment, timeout=300)


def test_good_content_builds(content, tmp_path):
    content.program("kelas-uji")
    result = run_pelican(content.root, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "program" / "kelas-uji" / "index.html").is_file()
    assert not (tmp_path / "out.new").exists()


def test_bad_content_stops_the_build_and_keeps_the_previous_output(content, tmp_path):
    output = tmp_path / "out"
    content.program("kelas-uji")
    assert run_pelican(content.root, output).returncode == 0
    before = snapshot(output)
    assert before

    bad_content(content)
    result = run_pelican(content.root, output)

    assert result.returncode == 1
    assert_no_traceback(result)
    report = result.stderr
    for slug, line, field in (("satu", 4, "category"), ("dua", 11, "schedule.end"), ("tiga", 18, "image.alt")):
        assert f"programs/{slug}/id.md, baris {line}, kolom «{field}»" in report, report
    assert report.rstrip().endswith("Situs tidak dibangun: 3 masalah di 3 berkas. Keluaran sebelumnya tidak diubah.")
    assert snapshot(output) == before


def test_messages_follow_the_message_language_setting(content, tmp_path):
    bad_content(content)
    result = run_pelican(content.root, tmp_path / "out", "-e", 'KATALOG_MESSAGE_LANG="en"')
    assert result.returncode == 1
    assert_no_traceback(result)
    assert "programs/satu/id.md, line 4, field «category»" in result.stderr
    assert "The site was not built: 3 problem(s) in 3 file(s)." in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("target, variables", [("html", ()), ("publish", ("SITEURL=https://contoh.github.io/katalog",)),
                                               ("check", ())])
def test_every_make_command_ends_a_content_problem_with_the_report_and_no_traceback(content, tmp_path, target, variables):
    output = tmp_path / "site"
    content.program("kelas-uji")
    if target != "check":
        assert make(target, content, output, *variables).returncode == 0
        before = snapshot(output)
    bad_content(content)
    result = make(target, content, output, *variables)
    assert result.returncode != 0
    assert_no_traceback(result)
    assert "programs/satu/id.md, baris 4, kolom «category»" in result.stderr
    assert "Situs tidak dibangun: 3 masalah di 3 berkas." in result.stderr
    if target != "check":
        assert snapshot(output) == before
        assert not Path(f"{output}.new").exists()


def test_a_fault_in_the_generator_is_one_paragraph_with_the_details_in_a_log(content, tmp_path):
    """A plugin that breaks is not the librarian's mistake: say so, keep the traceback in a file."""
    broken = tmp_path / "plugins"
    broken.mkdir()
    (broken / "rusak.py").write_text(
        "from pelican import signals\n\n\ndef boom(*args):\n    raise ZeroDivisionError('rusak di plugin')\n\n\n"
        "def register():\n    signals.all_generators_finalized.connect(boom)\n", encoding="utf-8")
    content.program("kelas-uji")
    output = tmp_path / "out"
    assert run_pelican(content.root, output).returncode == 0
    before = snapshot(output)
    plugins = f'["pelican.plugins.i18n_subsites", "katalog_content", "katalog_listings", "katalog_format", "rusak"]'
    extra = ("-e", f'PLUGIN_PATHS=["{PLUGINS}", "{broken}"]', f"PLUGINS={plugins}")

    result = run_pelican(content.root, output, *extra)
    assert result.returncode == 3
    assert_no_traceback(result)
    assert "kesalahan di dalam program pembangun situs, bukan di isi katalog (ZeroDivisionError)" in result.stderr
    assert "PELICANOPTS=--debug" in result.stderr
    log = Path(f"{output}.error.log")
    assert "ZeroDivisionError: rusak di plugin" in log.read_text(encoding="utf-8")
    assert snapshot(output) == before

    debug = run_pelican(content.root, output, *extra, "--debug")
    assert debug.returncode == 3
    assert "Traceback" in debug.stderr and "rusak di plugin" in debug.stderr


def test_an_interrupted_build_leaves_the_previous_site_whole(content, tmp_path):
    for number in range(12):
        content.program(f"kelas-{number}")
    output = tmp_path / "out"
    assert run_pelican(content.root, output).returncode == 0
    before = snapshot(output)

    command = [sys.executable, "-m", "katalog.build", str(content.root), "-o", str(output),
               "-s", str(ROOT / "pelicanconf.py"), "--fatal", "warnings"]
    environment = {**os.environ, "KATALOG_TODAY": TODAY, "PYTHONPATH": str(PLUGINS)}
    for stop in (signal.SIGTERM, signal.SIGKILL):
        build = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True)
        deadline = time.monotonic() + 60
        while not Path(f"{output}.new").exists() and build.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)  # stop it once it has started writing
        build.send_signal(stop)
        out, err = build.communicate(timeout=60)
        assert snapshot(output) == before
        if stop == signal.SIGTERM:
            assert build.returncode in (130, 0), err
            assert "Traceback" not in out + err
            assert not Path(f"{output}.new").exists()
    # A build killed outright leaves its unfinished folder; the next build clears it and succeeds.
    assert run_pelican(content.root, output).returncode == 0
    assert not Path(f"{output}.new").exists()


def test_make_check_strict_stops_on_a_warning_only_for_the_files_a_change_touches(content, tmp_path):
    ended = VALID_PROGRAM.replace("start: 2026-12-02 09:00", "start: 2026-10-07 09:00").replace(
        "except: [2026-12-09]", "except: [2026-10-14]")
    touched = content.program("kelas-uji", ended)
    content.program("kelas-lain", ended)
    relaxed = make("check", content, tmp_path)
    assert relaxed.returncode == 0 and relaxed.stderr.count("Peringatan: Status «open»") == 2
    strict = make("check", content, tmp_path, "STRICT=1")
    assert strict.returncode != 0 and "Situs tidak dibangun: 2 masalah di 2 berkas." in strict.stderr
    pull_request = make("check", content, tmp_path, "STRICT=1", f"CHANGED={touched} content/pages/lain/id.md")
    # The other file's warning is still reported, as a warning, in the same report.
    assert pull_request.returncode != 0 and ("Situs tidak dibangun: 1 masalah di 1 berkas, dan 1 peringatan."
                                             in pull_request.stderr)
    assert "programs/kelas-uji/id.md, baris" in pull_request.stderr
    nightly = make("check", content, tmp_path, "STRICT=1", "CHANGED=")
    assert nightly.returncode == 0, nightly.stderr
    for result in (relaxed, strict, pull_request, nightly):
        assert_no_traceback(result)
