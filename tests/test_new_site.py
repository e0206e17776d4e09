"""make new-site: a copy of the catalog becomes a library's own, from an answers file, with nothing of the sample
left in what it builds."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import CONTENT, ROOT, TODAY, VALID_PROGRAM, assert_no_traceback, run_pelican, snapshot

ANSWERS = """\
name: Perpustakaan Desa Sukamaju
short_name: Katalog Sukamaju
address: Jl. Merdeka No. 1, Sukamaju, Sekampung, Lampung Timur, Lampung 34182
timezone: Asia/Jakarta
whatsapp: "0812-7000-1234"
email: perpus@sukamaju.desa.id
hours: Senin sampai Jumat, pukul 08.00 sampai 14.00 WIB
languages: []
locations:
  - name: Perpustakaan Desa Sukamaju
    address: Jl. Merdeka No. 1, Sukamaju, Sekampung, Lampung Timur, Lampung 34182
    timezone: Asia/Jakarta
  - name: Balai Desa Sukamaju
    address: Jl. Merdeka No. 3, Sukamaju, Sekampung, Lampung Timur, Lampung 34182
partners:
  - name: Puskesmas Sekampung
  - name: SD Negeri 1 Sukamaju
"""

# A first program of the library's own, as a librarian would add it after the starter.
OWN_PROGRAM = (VALID_PROGRAM.replace("partners: [blk-pesisir]", "partners: [Puskesmas Sekampung]")
               .replace("location: cabang-gilimanuk", "location: Balai Desa Sukamaju")
               .replace('  whatsapp: "0812-3301-4455"', '  whatsapp: "0812-7000-1234"')
               .replace("image:\n  src: images/komputer-lansia.svg\n  alt: Dua peserta belajar mengetik di laptop.\n", "")
               .replace('  phone: "(0333) 421 876"', '  phone: "(0725) 41 234"'))

REPOSITORY_PARTS = ("content", "theme", "plugins", "scripts", "docs", ".github", "Makefile", "pelicanconf.py",
                    "publishconf.py", "requirements.txt", "requirements-test.txt", ".python-version", "babel.cfg",
                    "pyproject.toml", "tests/gate")


def copy_of_the_catalog(where: Path) -> Path:
    """A library's copy of this repository (what Use this template gives), with this checkout's environment."""
    where.mkdir(parents=True)
    for name in REPOSITORY_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, where / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo", "node_modules"))
        else:
            shutil.copy2(source, where / name)
    (where / ".venv").symlink_to(ROOT / ".venv")
    for name in ("requirements.txt", "requirements-test.txt"):
        os.utime(where / name, (0, 0))  # older than the environment's stamps: nothing is installed again
    return where


def make(repository: Path, *arguments: str, timeout: int = 600) -> subprocess.CompletedProcess:
    environment = {**os.environ, "KATALOG_TODAY": TODAY}
    return subprocess.run(["make", "-s", *arguments], cwd=repository, env=environment, capture_output=True,
                          text=True, timeout=timeout)


def sample_facts() -> dict:
    return json.loads((ROOT / "plugins" / "katalog" / "sample-facts.json").read_text(encoding="utf-8"))


def leftovers(folder: Path) -> list[str]:
    """Every sample fact found in any file of a folder: names, addresses, e-mails, phone numbers in any spelling,
    images by their bytes."""
    import hashlib

    facts = sample_facts()
    words = [w.lower() for w in (*facts["names"], *facts["addresses"], *facts["emails"])]
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        raw = path.read_bytes()
        if hashlib.sha256(raw).hexdigest() in facts["images"]:
            found.append(f"{path}: image")
        text = raw.decode("utf-8", errors="replace")
        lowered = text.lower()
        found += [f"{path}: {w}" for w in words if w in lowered]
        digits = re.sub(r"\D", "", text)
        for phone in facts["phones"]:
            local = "0" + phone[2:]
            if phone in digits or local in digits:
                found.append(f"{path}: {phone}")
    return found


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Path:
    """The catalog made a village library's own with make new-site ANSWERS=..., in place, and built."""
    repository = copy_of_the_catalog(tmp_path_factory.mktemp("sukamaju") / "katalog")
    (repository / "answers.yaml").write_text(ANSWERS, encoding="utf-8")
    result = make(repository, "new-site", "ANSWERS=answers.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert_no_traceback(result)
    return repository


def test_the_sample_is_gone_and_the_library_s_facts_are_written(library):
    content = library / "content"
    for folder in ("programs", "pages", "images"):
        assert not any((content / folder).iterdir()), folder
    assert not (content / "LICENSE.md").exists()
    site = (content / "data" / "site.yaml").read_text(encoding="utf-8")
    assert "sample:" not in site and "Perpustakaan Desa Sukamaju" in site
    locations = (content / "data" / "locations.yaml").read_text(encoding="utf-8")
    assert "perpustakaan-desa-sukamaju:" in locations and "balai-desa-sukamaju:" in locations
    assert leftovers(content) == []


def test_the_proposal_form_and_the_template_follow_the_new_data(library):
    form = (library / ".github" / "ISSUE_TEMPLATE" / "usulkan-program.yml").read_text(encoding="utf-8")
    assert "Balai Desa Sukamaju (balai-desa-sukamaju)" in form and "cabang-" not in form
    template = (library / "docs" / "templat-program" / "id.md").read_text(encoding="utf-8")
    assert "location: perpustakaan-desa-sukamaju" in template
    assert "# partners: [puskesmas-sekampung]" in template and "blk-pesisir" not in template
    assert leftovers(library / ".github") == [] and leftovers(library / "docs" / "templat-program") == []


def test_nothing_of_the_sample_is_in_what_it_builds(library):
    output = library / "output"
    assert (output / "index.html").is_file()
    assert leftovers(output) == []
    assert not (output / "en").exists() and not (output / "jv").exists()  # switched off in the answers
    home = (output / "index.html").read_text(encoding="utf-8")
    assert "Katalog Program Perpustakaan Desa Sukamaju" in home and "sample-notice" not in home
    # No page of its own yet, and still a statement, an about page and how to register, from its facts.
    statement = (output / "pernyataan-aksesibilitas" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://wa.me/6281270001234"' in statement and "belum ada program" in statement
    about = (output / "tentang" / "index.html").read_text(encoding="utf-8")
    assert "Balai Desa Sukamaju" in about and "Puskesmas Sekampung" in about
    assert (output / "cara-mendaftar" / "index.html").is_file()


def test_its_first_program_builds_and_the_site_may_be_published(library, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(library / "content", content)
    program = content / "programs" / "kelas-komputer" / "id.md"
    program.parent.mkdir()
    program.write_text(OWN_PROGRAM, encoding="utf-8")
    output = tmp_path / "out"
    result = run_pelican(content, output, env={"KATALOG_STRICT": "1"})
    assert result.returncode == 0, result.stderr
    page = (output / "program" / "kelas-komputer" / "index.html").read_text(encoding="utf-8")
    assert "Balai Desa Sukamaju" in page and "Puskesmas Sekampung" in page
    assert leftovers(output) == []
    assert make(library, "deployable", f"OUTPUT={output}").returncode == 0


def test_a_sample_fact_left_in_a_program_is_named_with_its_file_and_line(library, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(library / "content", content)
    text = OWN_PROGRAM.replace('  phone: "(0725) 41 234"', '  phone: "(0333) 421 876"')
    text += "\nInfo lanjut: layanan@perpus-duapesisir.example.id\n"
    program = content / "programs" / "kelas-komputer" / "id.md"
    program.parent.mkdir()
    program.write_text(text, encoding="utf-8")
    output = tmp_path / "out"
    result = run_pelican(content, output)
    assert result.returncode == 1
    assert_no_traceback(result)
    lines = text.splitlines()
    phone_line = next(n for n, line in enumerate(lines, 1) if "421 876" in line)
    assert f"kelas-komputer/id.md, baris {phone_line}" in result.stderr
    assert "«(0333) 421 876» berasal dari katalog contoh" in result.stderr
    assert "«layanan@perpus-duapesisir.example.id» berasal dari katalog contoh" in result.stderr
    assert not output.exists()


def test_a_sample_image_left_behind_is_named(library, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(library / "content", content)
    shutil.copy2(CONTENT / "images" / "bincang.svg", content / "images" / "foto-kegiatan.svg")
    result = run_pelican(content, tmp_path / "out")
    assert result.returncode == 1 and "foto-kegiatan.svg" in result.stderr


@pytest.mark.parametrize("change, key", [
    (("timezone: Asia/Jakarta\n", "timezone: WIB\n"), "timezone"),
    (('whatsapp: "0812-7000-1234"', 'whatsapp: "12345"'), "whatsapp"),
    (("name: Perpustakaan Desa Sukamaju\nshort", "short"), "name"),
    (("languages: []", "languages: [inggris]"), "languages"),
    (("email: perpus@sukamaju.desa.id", "email: perpus sukamaju"), "email"),
    (("  - name: Puskesmas Sekampung\n", "  - name: Puskesmas Sekampung\n  - nama: SD\n"), "partners"),
])
def test_a_wrong_answer_is_reported_at_its_line_and_nothing_changes(tmp_path, change, key):
    repository = copy_of_the_catalog(tmp_path / "katalog")
    old, new = change
    assert old in ANSWERS
    answers = ANSWERS.replace(old, new, 1)
    (repository / "answers.yaml").write_text(answers, encoding="utf-8")
    before = snapshot(repository / "content")
    result = make(repository, "new-site", "ANSWERS=answers.yaml")
    assert result.returncode != 0
    assert_no_traceback(result)
    lines = [n for n, text in enumerate(answers.splitlines(), 1) if text.startswith(f"{key}:")]
    where = f"baris {lines[0]}, kolom «{key}»" if lines else f"kolom «{key}»"  # a missing answer has no line
    assert f"answers.yaml, {where}" in result.stderr, result.stderr
    assert snapshot(repository / "content") == before


def test_questions_in_the_terminal_make_the_same_catalog(tmp_path):
    repository = copy_of_the_catalog(tmp_path / "katalog")
    typed = "\n".join([
        "", "Perpustakaan Desa Sukamaju",  # a required answer left empty is asked again
        "Katalog Sukamaju", "Jl. Merdeka No. 1, Sukamaju", "Asia/Jakrta", "Asia/Jakarta",  # a typo is asked again
        "12345", "0812-7000-1234", "", "", "", "",
        "Perpustakaan Desa Sukamaju", "Jl. Merdeka No. 1, Sukamaju", "", "",
        "Puskesmas Sekampung", "", ""])
    result = subprocess.run(["make", "-s", "new-site"], cwd=repository, input=typed, capture_output=True, text=True,
                            timeout=600, env={**os.environ, "KATALOG_TODAY": TODAY})
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("Coba lagi.") == 3
    site = (repository / "content" / "data" / "site.yaml").read_text(encoding="utf-8")
    assert "whatsapp: 0812-7000-1234" in site and "timezone: Asia/Jakarta" in site
    assert leftovers(repository / "output") == []


# «Siapkan katalog»: the same starter from the browser, through an issue form and its workflow.

SETUP_WORKFLOW = ROOT / ".github" / "workflows" / "siapkan-katalog.yml"
# What a librarian types into the form, by the form's field ids: the answers of ANSWERS above.
FILLED = {"name": "Perpustakaan Desa Sukamaju", "short_name": "Katalog Sukamaju",
          "address": "Jl. Merdeka No. 1, Sukamaju, Sekampung, Lampung Timur, Lampung 34182",
          "timezone": "Asia/Jakarta (WIB)", "whatsapp": "0812-7000-1234", "phone": "",
          "email": "perpus@sukamaju.desa.id", "hours": "Senin sampai Jumat, pukul 08.00 sampai 14.00 WIB",
          "languages": [],
          "locations": "Perpustakaan Desa Sukamaju | Jl. Merdeka No. 1, Sukamaju, Sekampung, Lampung Timur, Lampung "
                       "34182 | Asia/Jakarta\nBalai Desa Sukamaju | Jl. Merdeka No. 3, Sukamaju, Sekampung, Lampung "
                       "Timur, Lampung 34182",
          "partners": "Puskesmas Sekampung\nSD Negeri 1 Sukamaju"}


def setup_form() -> dict:
    import yaml

    return yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "siapkan-katalog.yml").read_text(encoding="utf-8"))


def issue_body(filled: dict, left_out: str = "") -> str:
    """The issue GitHub makes from the form: a heading per field, «_No response_» for an empty one, ticked boxes."""
    parts = []
    for field in setup_form()["body"]:
        if field["type"] == "markdown" or field["id"] == left_out:
            continue
        value = filled.get(field["id"], "")
        if field["type"] == "checkboxes":
            value = "\n".join(f"- [{'X' if option['label'] in value else ' '}] {option['label']}"
                              for option in field["attributes"]["options"])
        parts.append(f"### {field['attributes']['label']}\n\n{value or '_No response_'}")
    return "\n\n".join(parts) + "\n"


def test_the_setup_form_is_written_from_the_starter_s_questions():
    import yaml

    from katalog.new_site import QUESTIONS, SETUP_LABEL, setup_form_text
    from katalog.schedule import INDONESIAN_ZONES

    committed = (ROOT / ".github" / "ISSUE_TEMPLATE" / "siapkan-katalog.yml").read_text(encoding="utf-8")
    assert committed == setup_form_text("id", ["en", "id", "jv"]), "run make docs"
    form = yaml.safe_load(committed)
    assert form["labels"] == [SETUP_LABEL]
    ids = [field.get("id") for field in form["body"] if field["type"] != "markdown"]
    assert ids == [q.key for q in QUESTIONS] + ["locations", "partners"]
    zones = next(f for f in form["body"] if f.get("id") == "timezone")["attributes"]["options"]
    assert [z.split()[0] for z in zones] == list(INDONESIAN_ZONES)
    required = {f["id"] for f in form["body"] if f.get("validations", {}).get("required")}
    assert required == {q.key for q in QUESTIONS if q.required} | {"locations"}


def test_the_setup_workflow_runs_the_starter_on_a_labelled_issue_and_opens_a_pull_request():
    import yaml

    from katalog.new_site import SETUP_LABEL
    from test_workflow import commands, triggers

    workflow = yaml.safe_load(SETUP_WORKFLOW.read_text(encoding="utf-8"))
    assert triggers(workflow) == {"issues": {"types": ["opened", "edited", "reopened"]}}
    assert workflow["permissions"] == {}
    [job] = workflow["jobs"].values()
    assert f"'{SETUP_LABEL}'" in job["if"]
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    assert commands(workflow) == ["new-site"]
    start = next(s for s in job["steps"] if "make new-site" in s.get("run", ""))
    assert start["env"] == {"BODY": "${{ github.event.issue.body }}"}  # the answers reach no command line
    assert "ISSUE=" in start["run"] and "REPORT=" in start["run"]
    opened = next(s for s in job["steps"] if "gh pr create" in s.get("run", ""))
    # Everything the starter changes, removals included; never .github/workflows (the token may not change them).
    assert "git add -A content .github/ISSUE_TEMPLATE docs/templat-program" in opened["run"]
    assert [s.get("if") for s in job["steps"] if "gh issue comment" in s.get("run", "")] == [None, "failure()"]


def test_a_filled_in_setup_form_makes_the_same_catalog_as_the_answers_file(library, tmp_path):
    repository = copy_of_the_catalog(tmp_path / "katalog")
    (tmp_path / "issue.md").write_text(issue_body(FILLED), encoding="utf-8")
    result = make(repository, "new-site", f"ISSUE={tmp_path / 'issue.md'}", f"REPORT={tmp_path / 'report.md'}")
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("site.yaml", "locations.yaml", "partners.yaml"):
        assert (repository / "content" / "data" / name).read_text(encoding="utf-8") == \
            (library / "content" / "data" / name).read_text(encoding="utf-8"), name
    assert not (repository / ".github" / "ISSUE_TEMPLATE" / "siapkan-katalog.yml").exists()  # only for starting
    assert (library / ".github" / "workflows" / "siapkan-katalog.yml").is_file()  # the token may not remove it
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "Perpustakaan Desa Sukamaju" in report and "2 tempat, 2 mitra" in report
    assert leftovers(repository / "output") == []


def test_a_setup_form_with_mistakes_gets_one_comment_naming_each_answer(tmp_path):
    repository = copy_of_the_catalog(tmp_path / "katalog")
    filled = {**FILLED, "email": "perpus sukamaju", "locations": "Balai Desa | Jl. Merdeka 3 | Asia/Lampung"}
    (tmp_path / "issue.md").write_text(issue_body(filled, left_out="partners"), encoding="utf-8")
    before = snapshot(repository / "content")
    result = make(repository, "new-site", f"ISSUE={tmp_path / 'issue.md'}", f"REPORT={tmp_path / 'report.md'}")
    assert result.returncode != 0  # and the workflow's next step, the comment, runs on failure()
    assert_no_traceback(result)
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "**Alamat surel layanan**" in report and "perpus sukamaju" in report
    assert "**Tempat kegiatan**" in report and "Asia/Lampung" in report
    assert "**Mitra**" in report and "«Mitra» tidak ditemukan" in report
    assert snapshot(repository / "content") == before
    assert (repository / ".github" / "ISSUE_TEMPLATE" / "siapkan-katalog.yml").is_file()


def test_a_zone_word_in_the_places_is_read_as_its_zone():
    from katalog.new_site import issue_answers

    filled = {**FILLED, "locations": "Balai Desa | Jl. Merdeka 3 | WITA\nPustaka Keliling | Jl. Raya | wib"}
    answers, missing = issue_answers(issue_body(filled), "id")
    assert not missing
    assert [p["timezone"] for p in answers["locations"]] == ["Asia/Makassar", "Asia/Jakarta"]


def test_the_starter_refuses_a_catalog_already_made_its_own(library, tmp_path):
    before = snapshot(library / "content")
    (tmp_path / "answers.yaml").write_text(ANSWERS, encoding="utf-8")
    result = make(library, "new-site", f"ANSWERS={tmp_path / 'answers.yaml'}")
    assert result.returncode != 0
    assert "sudah milik Perpustakaan Desa Sukamaju" in result.stderr and "AGAIN=1" in result.stderr
    assert snapshot(library / "content") == before
    # With AGAIN, it starts over (here in a copy of the content, without building).
    import sys

    content = tmp_path / "content"
    shutil.copytree(library / "content", content)
    (content / "programs" / "kelas").mkdir()
    (content / "programs" / "kelas" / "id.md").write_text(OWN_PROGRAM, encoding="utf-8")
    again = subprocess.run([sys.executable, "-m", "katalog.new_site", str(content), "-s", "pelicanconf.py",
                            "--answers", str(tmp_path / "answers.yaml"), "--again", "--root", str(tmp_path)],
                           cwd=ROOT, capture_output=True, text=True, timeout=300,
                           env={**os.environ, "PYTHONPATH": str(ROOT / "plugins")})
    assert again.returncode == 0, again.stderr
    assert not any((content / "programs").iterdir())
