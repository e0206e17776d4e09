"""The generator as a versioned package: the wheel built from this checkout holds the plugins, the theme and the
`katalog` command, and a site of its own (content and a two-line pelicanconf.py) builds with it alone."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from conftest import CONTENT, ROOT, TODAY, compile_catalogs

SOURCES = ("pyproject.toml", "README.md", "LICENSE", "plugins", "theme")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from a copy of the sources (so that nothing is written into this checkout)."""
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
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
                   "katalog/locale/en/LC_MESSAGES/katalog.po"):
        assert wanted in names, wanted
    plugins = {path.name for path in (ROOT / "plugins").iterdir() if (path / "__init__.py").is_file()}
    assert {name.split("/")[0] for name in names if name.endswith("/__init__.py")} >= plugins
    assert not [n for n in names if n.startswith(("content/", "tests/", "docs/")) or n.endswith(".md")]


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
