"""The library's facts (content/data/site.yaml): checked like every content file, and what every output says of the
library comes from them."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import CONTENT, PLUGINS, ROOT, VALID_PROGRAM, assert_no_traceback, run_pelican, set_site_field, snapshot


def codes(catalog, path_end="site.yaml"):
    return sorted(p.code for p in catalog.problems if p.path.endswith(path_end))


def test_the_sample_s_facts_are_read(sample_catalog):
    site = sample_catalog.site
    assert site.text("name", "en") == "Dua Pesisir Library" and site.text("name", "jv", ("id",)) == "Perpustakaan Dua Pesisir"
    assert site.languages == ("id", "en", "jv") and site.timezone == "Asia/Jakarta"
    assert site.help.whatsapp.number == "+6281233014455" and site.licence_terms.spdx == "CC-BY-4.0"
    assert site.sample.isoformat() == "2026-11-23"
    assert not [p for p in sample_catalog.problems if p.path.endswith("site.yaml")]


@pytest.mark.parametrize("field, value, code, line_text", [
    ("timezone", "Asia/Jakrta", "unknown_timezone", "timezone:"),
    ("help", '{whatsapp: "12345"}', "bad_phone", "help:"),
    ("help", "{hours: Senin sampai Sabtu}", "no_help_channel", "help:"),
    ("languages", "{en: ya, jv: mungkin}", "bad_boolean", "languages:"),
    ("languages", "{id: tidak}", "main_language_off", "languages:"),
    ("languages", "{inggris: ya}", "bad_language", "languages:"),
    ("licence", "MIT", "unknown_choice", "licence:"),
    ("host", "rumah", "unknown_choice", "host:"),
    ("name", "{en: Sukamaju Library}", "missing_main_text", "name:"),
    ("sample", "kemarin", "bad_date", "sample:"),
    ("tagline", "[satu, dua]", "wrong_shape", "tagline:"),
    ("alamat", "Jl. Merdeka", "unknown_field", "alamat:"),
])
def test_each_mistake_names_the_file_line_and_field(content, field, value, code, line_text):
    path = content.site(field, value)
    catalog = content.load()
    problem = next(p for p in catalog.problems if p.code == code)
    assert problem.path.endswith("data/site.yaml")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert problem.line == next(n for n, text in enumerate(lines, 1) if text.startswith(line_text))
    assert problem.field.split(".")[0] == field
    for lang in ("id", "en"):
        assert not re.search(r"\{[a-z_]+\}", problem.format(lang))  # every placeholder filled


def test_every_mistake_in_the_file_is_reported_in_one_run(content):
    content.site("timezone", "Asia/Jakrta")
    content.site("licence", "MIT")
    content.site("address", None)
    content.program("kelas-uji")
    assert codes(content.load()) == ["missing", "unknown_choice", "unknown_timezone"]


@pytest.mark.parametrize("make", ["missing", "empty"])
def test_a_missing_or_empty_site_file_says_what_to_write(content, tmp_path, make):
    path = content.root / "data" / "site.yaml"
    if make == "missing":
        path.unlink()
    else:
        path.write_text("# belum diisi\n", encoding="utf-8")
    content.program("kelas-uji")
    output = tmp_path / "out"
    output.mkdir()
    (output / "index.html").write_text("sebelumnya", encoding="utf-8")
    before = snapshot(output)
    result = run_pelican(content.root, output)
    assert result.returncode == 1
    assert_no_traceback(result)
    assert "content/data/site.yaml" in result.stderr and "name: Perpustakaan Desa Sukamaju" in result.stderr
    assert "timezone: Asia/Jakarta" in result.stderr
    assert snapshot(output) == before


def test_a_missing_content_folder_is_a_content_message_not_a_fault(tmp_path):
    result = run_pelican(tmp_path / "tidak-ada", tmp_path / "out")
    assert result.returncode == 1, result.stderr
    assert_no_traceback(result)
    assert "tidak ada" in result.stderr and "laporkan" not in result.stderr.lower()


def test_a_missing_list_is_named_once_with_what_to_write(content):
    (content.root / "data" / "categories.yaml").unlink()
    content.program("kelas-uji")
    catalog = content.load()
    missing = [p for p in catalog.problems if p.code == "missing_data_file"]
    assert [p.path.rsplit("/", 1)[1] for p in missing] == ["categories.yaml"]
    text = missing[0].format("id")
    assert "literasi-digital: Literasi digital" in text
    unknown = next(p for p in catalog.problems if p.code == "unknown_value")
    assert "daftarnya masih kosong" in unknown.format("id") and "salah satu dari: \n" not in unknown.format("id")
    assert "the list is still empty" in unknown.format("en")


def test_a_catalog_with_no_programs_yet_builds(content, tmp_path):
    for name in ("categories", "audiences", "partners", "locations"):
        (content.root / "data" / f"{name}.yaml").write_text("", encoding="utf-8")
    result = run_pelican(content.root, tmp_path / "out", env={"KATALOG_STRICT": "1"})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "index.html").is_file()


def test_the_sample_says_so_on_every_page_and_is_shown_as_of_its_day(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        if soup.select_one(".site-header") is None:
            continue  # not a page of the site's frame (e.g. a redirect)
        notice = soup.select_one(".site-header .sample-notice")
        assert notice is not None, page
        assert "2026" in notice.get_text() and "23" in notice.get_text(), page


def test_without_a_day_given_the_sample_is_built_for_its_own_day(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    result = run_pelican(content, tmp_path / "out", env={"KATALOG_TODAY": ""})
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2026-11-23">' in home


def test_a_program_file_in_a_language_switched_off_is_left_alone(content):
    content.program("kelas-uji")
    content.program("kelas-uji", VALID_PROGRAM.replace("title: Kelas Uji Coba", "title: Kelas Uji Coba (jv)"), lang="jv")
    content.site("languages", "{en: ya, jv: tidak}")
    catalog = content.load()
    assert not catalog.problems
    assert {p.lang for p in catalog.programs} == {"id"}


def deployable(output, env=None):
    """`make deployable` as a step runs it: outside GitHub Actions unless `env` says otherwise."""
    environment = {name: value for name, value in os.environ.items() if name != "GITHUB_ACTIONS"}
    environment.update(PYTHONPATH=str(PLUGINS), **(env or {}))
    return subprocess.run([sys.executable, "-m", "katalog.deployable", str(output)], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=120)


def test_the_sample_is_never_deployed(built_site, tmp_path):
    result = deployable(built_site)
    assert result.returncode == 1 and "masih katalog contoh" in result.stderr
    # In GitHub Actions the run stays green, the step's output says not to deploy, the summary says why.
    outputs, summary = tmp_path / "outputs", tmp_path / "summary.md"
    result = deployable(built_site, {"GITHUB_ACTIONS": "true", "GITHUB_OUTPUT": str(outputs),
                                     "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 0, result.stderr
    assert outputs.read_text(encoding="utf-8") == "deploy=false\n"
    assert "site.yaml" in summary.read_text(encoding="utf-8")


def test_the_list_of_sample_facts_is_the_sample_s_own(sample_catalog):
    """make docs writes it from the sample; a sample that changed without it would let its new facts through."""
    from katalog.sample_facts import FACTS_FILE, collect

    assert json.loads(FACTS_FILE.read_text(encoding="utf-8")) == collect(sample_catalog)
