"""The build's speed comes from structure, and these tests keep the structure: the catalog read once per build,
each Markdown body rendered once, each program card made once per language and reused, each date formatted once,
each program's calendar events written once per language, templates compiled once, the languages written by
processes of their own with the same pages as one process writes, and previews that write only the edited
program's pages. Times themselves are measured by `make bench` (bench/README.md), not here."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CONTENT, PLUGINS, ROOT, TODAY, VALID_PROGRAM, get_settings, run_pelican, snapshot

LANGUAGES = ("id", "en", "jv")
CARD = re.compile(r'<li class="program-card">\s*<h(\d)><a href="([^"]+)"')


def probe(content: Path, output: Path, *extra: str) -> dict:
    command = [sys.executable, str(ROOT / "tests" / "build_probe.py"), str(content), "-o", str(output),
               "-s", str(ROOT / "pelicanconf.py"), "--fatal", "warnings", *extra]
    environment = {"KATALOG_TODAY": TODAY, "COLUMNS": "200", "PYTHONPATH": str(PLUGINS),
                   "PATH": "/usr/bin:/bin", "HOME": str(output.parent)}
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=environment, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def pages(folder: Path) -> dict[str, str]:
    """Every written file but the search index (Pagefind numbers its chunks differently from run to run)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.rglob("*") if p.is_file() and "pagefind" not in p.relative_to(folder).parts}


@pytest.fixture(scope="module")
def one_process(tmp_path_factory):
    root = tmp_path_factory.mktemp("speed")
    counts = probe(CONTENT, root / "site", "-e", "KATALOG_BUILD_PROCESSES=1", f'CACHE_PATH="{root / "cache"}"')
    return counts, root


def test_the_catalog_is_read_once_and_each_body_rendered_once(one_process):
    counts, _ = one_process
    files = len(list((CONTENT / "programs").glob("*/*.md"))) + len(list((CONTENT / "pages").glob("**/*.md")))
    assert counts["code"] == 0
    assert counts["catalog_loads"] == 1, "every language's site reads the catalog read for the main site"
    assert counts["bodies_rendered"] == files == counts["files_read"]


def test_each_language_site_reads_only_the_version_it_shows(one_process):
    counts, _ = one_process
    keys = {p.parent for p in (CONTENT / "programs").glob("*/*.md")}
    # A page at a fact page's address is the library's words for that page, written by katalog_pages: never read.
    keys |= {p.parent for p in (CONTENT / "pages").glob("*/*.md")} - \
        {CONTENT / "pages" / slug for slug in ("cara-mendaftar", "tentang", "pernyataan-aksesibilitas")}
    # One version of each program and page per language (its own, or the one it falls back to), never the others.
    assert counts["files_given_to_sites"] == len(keys) * len(LANGUAGES)


def test_each_program_card_is_made_once_per_language_and_reused(one_process):
    counts, root = one_process
    shown, distinct = 0, set()
    for page in (root / "site").rglob("*.html"):
        relative = page.relative_to(root / "site")
        lang = relative.parts[0] if relative.parts[0] in LANGUAGES[1:] else "id"
        for level, href in CARD.findall(page.read_text(encoding="utf-8")):
            shown += 1
            distinct.add((lang, href, level))
    assert distinct and counts["cards_made"] == len(distinct)
    assert shown > 2 * counts["cards_made"], "listings show the cards they share many times over"


def test_each_date_and_time_is_formatted_once(one_process):
    counts, _ = one_process
    assert counts["formatted"] > 100
    assert counts["formatted_twice"] == 0


def test_each_programs_calendar_events_are_written_once_per_language(one_process):
    counts, root = one_process
    programs = len(list((CONTENT / "programs").iterdir()))
    calendars = list((root / "site").rglob("*.ics"))
    assert counts["calendar_event_sets"] == programs * len(LANGUAGES)
    assert len(calendars) > counts["calendar_event_sets"], "facet and agenda calendars reuse the programs' events"


def test_templates_are_compiled_once_and_kept_for_the_next_build(one_process, tmp_path):
    counts, root = one_process
    assert counts["templates_compiled"] == counts["templates_used"] > 30, "no template compiled twice"
    again = probe(CONTENT, tmp_path / "site", "-e", "KATALOG_BUILD_PROCESSES=1", f'CACHE_PATH="{root / "cache"}"')
    assert again["templates_compiled"] == 0
    assert pages(tmp_path / "site") == pages(root / "site")


def test_languages_are_written_by_processes_of_their_own_with_the_same_pages(one_process, tmp_path):
    _, root = one_process
    counts = probe(CONTENT, tmp_path / "site", "-e", f'CACHE_PATH="{tmp_path / "cache"}"')
    assert sorted(counts["forked"]) == ["en", "jv"]
    assert counts["catalog_loads"] == 1
    assert pages(tmp_path / "site") == pages(root / "site")


def test_a_failure_in_a_language_process_fails_the_build_and_keeps_the_last_site(content, tmp_path):
    content.program("kelas-uji")
    output = tmp_path / "out"
    assert run_pelican(content.root, output).returncode == 0
    before = snapshot(output)
    # A template error that only the English site meets, in the process that writes it.
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    program = theme / "templates" / "program.html"
    program.write_text(program.read_text(encoding="utf-8").replace(
        "{% block content %}", "{% block content %}{% if DEFAULT_LANG == 'en' %}{{ 1 / 0 }}{% endif %}", 1),
        encoding="utf-8")
    result = run_pelican(content.root, output, "-t", str(theme))
    assert result.returncode == 3, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    log = Path(f"{output}.error.log").read_text(encoding="utf-8")
    assert "ZeroDivisionError" in log and "'en' site" in log
    assert snapshot(output) == before
    assert not Path(f"{output}.new").exists()


def test_a_preview_writes_only_the_edited_programs_pages(content, tmp_path):
    program = content.program("kelas-uji")
    content.program("kelas-lain")
    output = tmp_path / "out"
    assert run_pelican(content.root, output).returncode == 0
    before = snapshot(output)

    program.write_text(VALID_PROGRAM.replace("Kelas Uji Coba", "Kelas Uji Pratinjau"), encoding="utf-8")
    result = run_pelican(content.root, output, env={"KATALOG_PREVIEW": str(program)})
    assert result.returncode == 0, result.stderr[-2000:]
    after = snapshot(output)
    changed = {path for path in after if after[path] != before.get(path)}
    assert changed == {"program/kelas-uji/index.html", "en/program/kelas-uji/index.html",
                       "jv/program/kelas-uji/index.html"}
    assert "Kelas Uji Pratinjau" in (output / "program" / "kelas-uji" / "index.html").read_text(encoding="utf-8")

    # A bad save: the report, and the served site as it was.
    program.write_text(VALID_PROGRAM.replace("category: literasi-digital", "category: literasi-digitl"),
                       encoding="utf-8")
    result = run_pelican(content.root, output, env={"KATALOG_PREVIEW": str(program)})
    assert result.returncode == 1
    assert "literasi-digitl" in result.stderr
    assert snapshot(output) == after


def test_reading_again_reads_only_what_changed(content):
    from katalog import catalog

    content.program("kelas-uji")
    other = content.program("kelas-lain")
    settings = get_settings(KATALOG_TODAY=TODAY)
    first = catalog.load_catalog(content.root, settings)
    read = catalog.READS["files"]
    again = catalog.load_catalog(content.root, settings)
    assert catalog.READS["files"] == read, "nothing changed: nothing read again"
    assert [p.title for p in again.programs] == [p.title for p in first.programs]
    other.write_text(VALID_PROGRAM.replace("category: literasi-digital", "category: literasi-digitl"),
                     encoding="utf-8")
    changed = catalog.load_catalog(content.root, settings)
    assert catalog.READS["files"] == read + 1
    assert any("literasi-digitl" in str(p.params) for p in changed.problems)
    # A problem found in a file is reported again when the file is taken as read before.
    assert any("literasi-digitl" in str(p.params) for p in catalog.load_catalog(content.root, settings).problems)


def test_a_description_learns_nothing_from_the_one_before():
    from katalog import description
    from katalog.catalog import _markdown_settings
    from katalog.limits import DEFAULT_LIMITS

    settings = _markdown_settings(get_settings())
    first = description.render("HTML di sini.\n\n*[HTML]: Hypertext\n", 1, settings, CONTENT, "images", DEFAULT_LIMITS)
    second = description.render("HTML di sini juga.\n", 1, settings, CONTENT, "images", DEFAULT_LIMITS)
    assert "<abbr" in first.html and "<abbr" not in second.html
