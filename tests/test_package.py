"""The generator as a versioned package: the wheel built from this checkout holds the plugins, the theme and the
`katalog` command, and a site of its own (content and a two-line pelicanconf.py) builds with it alone."""

from __future__ import annotations

import json
import re
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from conftest import CONTENT, ROOT, TODAY, compile_catalogs

SOURCES = ("pyproject.toml", "README.md", "LICENSE", "plugins", "theme", ".github", "scripts", "tests/gate")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from a copy of the sources (so that nothing is written into this checkout)."""
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
        else:
            shutil.copy2(ROOT / name, source / name)
    compile_catalogs(source / "theme" / "translations")
    built = tmp_path_factory.mktemp("wheel")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                             "--disable-pip-version-check", "-w", str(built), str(source)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    (found,) = built.glob("*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("installed")
    result = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--disable-pip-version-check",
                             "--target", str(target), str(wheel)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return target


def katalog(installed: Path, site: Path, *arguments: str) -> subprocess.CompletedProcess:
    """The installed `katalog` command in a site's folder; the checkout's plugins are nowhere on the path."""
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    environment.update(PYTHONPATH=str(installed), KATALOG_TODAY=TODAY)
    return subprocess.run([sys.executable, str(installed / "bin" / "katalog"), *arguments], cwd=site,
                          env=environment, capture_output=True, text=True, timeout=600)


def test_the_wheel_holds_the_engine_and_nothing_of_a_site(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert wheel.name.startswith(f"katalog_program_inklusif-{version}-")
    for wanted in ("katalog/build.py", "katalog/defaults.py", "katalog/sample-facts.json", "katalog_pages/__init__.py",
                   "katalog/theme/templates/base.html", "katalog/theme/static/css/main.css",
                   "katalog/theme/translations/en/LC_MESSAGES/messages.mo",
                   "katalog/locale/en/LC_MESSAGES/katalog.po", "katalog_gate/run.py", "katalog_gate/package-lock.json",
                   "katalog/starter/Makefile", "katalog/starter/scripts/find-python",
                   "katalog/starter/github/workflows/terbitkan.yml",
                   "katalog/starter/github/actions/lingkungan-python/action.yml"):
        assert wanted in names, wanted
    plugins = {path.name for path in (ROOT / "plugins").iterdir() if (path / "__init__.py").is_file()}
    assert {name.split("/")[0] for name in names if name.endswith("/__init__.py")} >= plugins
    assert not [n for n in names if n.startswith(("content/", "tests/", "docs/"))
                or n.endswith(".md") and n != "katalog/starter/README.md"]
    assert not [n for n in names if "node_modules" in n or "ISSUE_TEMPLATE" in n]  # npm's and the sample's own


def test_a_site_of_its_own_builds_with_the_installed_package(installed, tmp_path):
    site = tmp_path / "perpustakaan"
    shutil.copytree(CONTENT, site / "content")
    (site / "pelicanconf.py").write_text("from katalog.defaults import *  # noqa: F401,F403\n", encoding="utf-8")
    assert katalog(installed, site, "version").stdout.strip() == \
        tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    checked = katalog(installed, site, "check")
    assert checked.returncode == 0, checked.stderr
    built = katalog(installed, site, "html")
    assert built.returncode == 0, built.stdout + built.stderr
    output = site / "output"
    assert (output / "index.html").is_file() and (output / "theme" / "css" / "main.css").is_file()
    english = (output / "en" / "index.html").read_text(encoding="utf-8")
    assert "Skip to main content" in english  # the theme's translations came with the package
    data = json.loads((output / "data" / "programs.json").read_text(encoding="utf-8"))
    assert data["programs"]
    assert katalog(installed, site, "deployable").returncode == 1  # still the sample


def test_a_content_problem_through_the_command_is_the_same_report(installed, tmp_path):
    site = tmp_path / "perpustakaan"
    shutil.copytree(CONTENT, site / "content")
    (site / "pelicanconf.py").write_text("from katalog.defaults import *  # noqa: F401,F403\n", encoding="utf-8")
    (site / "content" / "data" / "site.yaml").unlink()
    result = katalog(installed, site, "html")
    assert result.returncode == 1 and "content/data/site.yaml" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_package_s_modules_import_each_other_in_one_direction():
    """No circle among katalog's modules (a function's own import counts too): a lower module never needs a
    higher one."""
    import re

    base = ROOT / "plugins" / "katalog"
    graph = {}
    for path in base.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        names = set(re.findall(r"^\s*from \.(\w+) import", text, re.MULTILINE))
        for group in re.findall(r"^\s*from \. import ([\w, ]+)", text, re.MULTILINE):
            names |= {name.strip() for name in group.split(",")}
        graph[path.stem] = {name for name in names if (base / f"{name}.py").is_file()}

    def reaches(start) -> set[str]:
        found, todo = set(), list(graph[start])
        while todo:
            name = todo.pop()
            if name not in found:
                found.add(name)
                todo.extend(graph[name])
        return found

    circles = sorted(module for module in graph if module in reaches(module))
    assert circles == []


@pytest.mark.browser
def test_the_starter_writes_a_thin_repository_that_passes_its_own_make_test(wheel, tmp_path):
    """make new-site DIR=path in a library's copy of the generator: a repository of content, settings, workflows and a
    pinned requirement, whose own `make test` (an environment from requirements.txt alone, the strict checks, the
    build and the accessibility gate) passes, with nothing of the sample in it."""
    from test_new_site import ANSWERS, OWN_PROGRAM, copy_of_the_catalog, leftovers, make

    repository = copy_of_the_catalog(tmp_path / "katalog")
    (tmp_path / "answers.yaml").write_text(ANSWERS, encoding="utf-8")
    site = tmp_path / "sukamaju"
    requirement = f"katalog-program-inklusif[gate] @ {wheel.as_uri()}"
    result = make(repository, "new-site", f"ANSWERS={tmp_path / 'answers.yaml'}", f"DIR={site}",
                  f"REQUIREMENT={requirement}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "output" / "index.html").is_file()  # built with the checkout, at once
    assert (repository / "content" / "programs").is_dir() and any((repository / "content" / "programs").iterdir())
    top = {p.name for p in site.iterdir()} - {"output", "cache"}
    assert top == {".git", ".github", ".gitignore", ".python-version", "Makefile", "README.md", "content", "docs",
                   "package-lock.json", "package.json", "pelicanconf.py", "publishconf.py", "requirements.txt",
                   "scripts"}
    assert requirement in (site / "requirements.txt").read_text(encoding="utf-8").splitlines()
    for name in ("terbitkan.yml", "usulan-program.yml", "perbarui-formulir.yml"):
        assert (site / ".github" / "workflows" / name).read_bytes() == \
            (ROOT / ".github" / "workflows" / name).read_bytes(), name
    assert not (site / ".github" / "workflows" / "siapkan-katalog.yml").exists()
    assert (site / ".github" / "dependabot.yml").is_file() and os.access(site / "scripts" / "find-python", os.X_OK)
    # The same targets as the generator's Makefile wherever a workflow calls one.
    from test_workflow import WORKFLOWS, makefile_targets

    own = (site / "Makefile").read_text(encoding="utf-8")
    for path in WORKFLOWS:
        for target in re.findall(r"\bmake ([a-z-]+)", path.read_text(encoding="utf-8")):
            assert re.search(rf"^{target}:", own, re.MULTILINE), (path.name, target)
    assert makefile_targets() >= {"publish", "audit", "deployable", "proposal", "docs", "new-site"}
    # Its first program, then its own make test, from nothing but its files.
    shutil.rmtree(site / "output")
    program = site / "content" / "programs" / "kelas-komputer" / "id.md"
    program.parent.mkdir(parents=True)
    program.write_text(OWN_PROGRAM, encoding="utf-8")
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    environment["KATALOG_TODAY"] = TODAY
    tested = subprocess.run(["make", "test"], cwd=site, env=environment, capture_output=True, text=True, timeout=900)
    assert tested.returncode == 0, tested.stdout[-4000:] + tested.stderr[-4000:]
    assert "No barriers found" in tested.stdout
    assert (site / ".venv" / "bin" / "katalog").is_file()
    assert (site / "output" / "program" / "kelas-komputer" / "index.html").is_file()
    assert leftovers(site / "output") == [] and leftovers(site / ".github") == []
    # A new place in its data: the proposal form follows with `make docs`, what «Perbarui formulir» runs.
    locations = site / "content" / "data" / "locations.yaml"
    locations.write_text(locations.read_text(encoding="utf-8") + "pustaka-keliling:\n  name: Pustaka Keliling\n"
                         "  address: Jl. Raya Sukamaju\n  timezone: Asia/Jakarta\n", encoding="utf-8")
    documented = subprocess.run(["make", "-s", "docs"], cwd=site, env=environment, capture_output=True, text=True,
                                timeout=300)
    assert documented.returncode == 0, documented.stderr
    form = (site / ".github" / "ISSUE_TEMPLATE" / "usulkan-program.yml").read_text(encoding="utf-8")
    assert "Pustaka Keliling (pustaka-keliling)" in form
