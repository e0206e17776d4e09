"""A build with bad content stops before writing anything, reports every problem, and keeps the old site."""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

from conftest import ROOT, VALID_PROGRAM, run_pelican


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file's content hash and modification time, so that any change shows."""
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def bad_content(content):
    content.program("satu", VALID_PROGRAM.replace("category: literasi-digital", "category: literasi-digitl"))
    content.program("dua", VALID_PROGRAM.replace('end: "11:00"', 'end: "08:00"'))
    content.program("tiga", VALID_PROGRAM.replace("  alt: Gambar uji coba.\n", ""))


def test_good_content_builds(content, tmp_path):
    content.program("kelas-uji")
    result = run_pelican(content.root, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "program" / "kelas-uji" / "index.html").is_file()


def test_bad_content_stops_the_build_and_keeps_the_previous_output(content, tmp_path):
    output = tmp_path / "out"
    content.program("kelas-uji")
    assert run_pelican(content.root, output).returncode == 0
    before = snapshot(output)
    assert before

    bad_content(content)
    result = run_pelican(content.root, output)

    assert result.returncode != 0
    report = result.stderr
    for slug, line, field in (("satu", 4, "category"), ("dua", 11, "schedule.end"), ("tiga", 18, "image.alt")):
        assert f"programs/{slug}/id.md, baris {line}, kolom «{field}»" in report, report
    assert "Situs tidak dibangun: 3 masalah di 3 berkas. Keluaran sebelumnya tidak diubah." in report
    assert snapshot(output) == before


def test_messages_follow_the_message_language_setting(content, tmp_path):
    bad_content(content)
    result = run_pelican(content.root, tmp_path / "out", "-e", 'KATALOG_MESSAGE_LANG="en"')
    assert result.returncode != 0
    assert "programs/satu/id.md, line 4, field «category»" in result.stderr
    assert "The site was not built: 3 problem(s) in 3 file(s)." in result.stderr
    assert not (tmp_path / "out").exists()


def test_make_html_swaps_in_a_new_site_only_when_the_build_succeeds(content, tmp_path):
    output = tmp_path / "site"
    environment = {**os.environ, "KATALOG_TODAY": "2026-11-23"}

    def make_html():
        return subprocess.run(["make", "-s", "html", f"CONTENT={content.root}", f"OUTPUT={output}"],
                              cwd=ROOT, capture_output=True, text=True, env=environment, timeout=300)

    content.program("kelas-uji")
    assert make_html().returncode == 0
    before = snapshot(output)

    bad_content(content)
    result = make_html()
    assert result.returncode != 0
    assert "was left as it was" in result.stdout
    assert snapshot(output) == before
    assert not Path(f"{output}.new").exists()
