"""Shared fixtures: the repository's paths, content made for one test, and the sample site built once."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
PLUGINS = ROOT / "plugins"
sys.path.insert(0, str(PLUGINS))

# The day the sample catalog is written for; builds in tests never look at the clock.
TODAY = "2026-11-23"


def moment(day) -> "datetime":
    """A build day as the build's moment: its first minute in the sample's zone (what KATALOG_TODAY=day means)."""
    from datetime import date, datetime, time
    from zoneinfo import ZoneInfo

    day = date.fromisoformat(day) if isinstance(day, str) else day
    return datetime.combine(day, time(0), ZoneInfo("Asia/Jakarta"))


NOW = moment(TODAY)

VALID_PROGRAM = """\
---
title: Kelas Uji Coba
summary: Ringkasan program uji coba.
category: literasi-digital
audience: [lansia]
languages: [id]
partners: [blk-pesisir]
location: cabang-gilimanuk
schedule:
  start: 2026-12-02 09:00
  end: "11:00"
  repeat: {every: week, count: 4}
  except: [2026-12-09]
status: open
cost: gratis
registration:
  whatsapp: "0812-3301-4455"
image:
  src: images/komputer-lansia.svg
  alt: Dua peserta belajar mengetik di laptop.
contact:
  name: Ibu Uji
  phone: "(0333) 421 876"
---
Isi program uji coba.
"""


def with_sessions(*items: str) -> str:
    """VALID_PROGRAM with its repeating schedule replaced by a list of sessions, one flow mapping per item."""
    fixed = '  start: 2026-12-02 09:00\n  end: "11:00"\n  repeat: {every: week, count: 4}\n  except: [2026-12-09]\n'
    return VALID_PROGRAM.replace(fixed, "  sessions:\n" + "".join(f"    - {item}\n" for item in items))


# The same program, held in November (before TODAY) and finished.
PAST_PROGRAM = (VALID_PROGRAM.replace("2026-12-02 09:00", "2026-11-04 09:00")
                .replace("except: [2026-12-09]", "except: [2026-11-11]").replace("status: open", "status: finished"))


def get_settings(**overrides) -> dict:
    """Settings as a build of the sample has them (pelicanconf.py and the sample's site.yaml), with overrides for one
    test."""
    from pelican.settings import read_settings

    from katalog.site import apply_site

    settings = read_settings(str(ROOT / "pelicanconf.py"))
    settings["KATALOG_TODAY"] = TODAY
    apply_site(settings, CONTENT)
    settings.update(overrides)
    return settings


def as_in_a_terminal() -> None:
    """For a child process (preexec_fn): Ctrl-C (SIGINT) acts as it does in a terminal. A shell starts background
    jobs with SIGINT ignored and Python then keeps ignoring it, so a suite run in the background would otherwise
    test nothing of what Ctrl-C does."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the first line containing needle."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in text")


def set_site_field(path: Path, name: str, value: str | None) -> Path:
    """A site.yaml with one top-level field replaced by `name: value` (a YAML text), or removed when value is None."""
    lines, kept, skipping = path.read_text(encoding="utf-8").splitlines(), [], False
    for line in lines:
        if line.startswith(f"{name}:"):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "-")) or not line.strip()):
            continue
        skipping = False
        kept.append(line)
    if value is not None:
        kept.append(f"{name}: {value}")
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return path


class ContentFolder:
    """A content folder for one test: the sample's data and images, plus the programs a test writes."""

    def __init__(self, root: Path):
        self.root = root
        shutil.copytree(CONTENT / "data", root / "data")
        shutil.copytree(CONTENT / "images", root / "images")
        (root / "programs").mkdir()
        (root / "pages").mkdir()

    def program(self, slug: str, text: str | bytes = VALID_PROGRAM, lang: str = "id") -> Path:
        path = self.root / "programs" / slug / f"{lang}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def site(self, name: str, value: str | None) -> Path:
        """site.yaml with one top-level field (and whatever is nested under it) replaced by `name: value`, or removed."""
        return set_site_field(self.root / "data" / "site.yaml", name, value)

    def page(self, slug: str, text: str) -> Path:
        path = self.root / "pages" / slug / "id.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def load(self, **overrides):
        from katalog.catalog import load_catalog

        return load_catalog(self.root, get_settings(**overrides))


@pytest.fixture(autouse=True)
def _no_clock(monkeypatch):
    monkeypatch.delenv("KATALOG_TODAY", raising=False)


@pytest.fixture
def content(tmp_path) -> ContentFolder:
    return ContentFolder(tmp_path / "content")


def compile_catalogs(translations: Path) -> None:
    """Compiles every messages.po under a theme's translations folder, as `make translations-compile` does."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in translations.glob("*/LC_MESSAGES/messages.po"):
        with open(po, "rb") as handle:
            catalog = read_po(handle, locale=po.parent.parent.name)
        with open(po.with_suffix(".mo"), "wb") as handle:
            write_mo(handle, catalog)


def run_pelican(content_dir: Path, output_dir: Path, *extra: str, env: dict | None = None, timeout: int = 300):
    """Runs the build the way `make html` runs it (Pelican through katalog.build), and returns the finished process."""
    command = [sys.executable, "-m", "katalog.build", str(content_dir), "-o", str(output_dir),
               "-s", str(ROOT / "pelicanconf.py"), "--fatal", "warnings", *extra]
    environment = {**os.environ, "KATALOG_TODAY": TODAY, "COLUMNS": "200", "PYTHONPATH": str(PLUGINS), **(env or {})}
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=environment, timeout=timeout)


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file's content hash and modification time, so that any change shows."""
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_no_traceback(result) -> None:
    """What a librarian sees never holds a Python traceback."""
    output = result.stdout + result.stderr
    assert "Traceback" not in output and 'File "/' not in output, output[-3000:]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The sample catalog, built once with the real pelican command, strictly: a warning would stop it."""
    output = tmp_path_factory.mktemp("site")
    compile_catalogs(ROOT / "theme" / "translations")
    result = run_pelican(CONTENT, output, env={"KATALOG_STRICT": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Peringatan" not in result.stderr and "WARNING" not in result.stdout + result.stderr, result.stderr
    return output


SUBPATH_SITEURL = "https://example.github.io/katalog"


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> Path:
    """The sample catalog built for hosting under a sub-path, with `make publish` as a site owner runs it."""
    output = tmp_path_factory.mktemp("published")
    compile_catalogs(ROOT / "theme" / "translations")
    result = subprocess.run(["make", "-s", "publish", f"CONTENT={CONTENT}", f"OUTPUT={output}",
                             f"SITEURL={SUBPATH_SITEURL}/"], cwd=ROOT, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "KATALOG_TODAY": TODAY})
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="session")
def sample_catalog():
    from katalog.catalog import load_catalog

    return load_catalog(CONTENT, get_settings())


@pytest.fixture(scope="session")
def sample_programs(sample_catalog):
    """The sample's programs in the main language: one per program."""
    return [p for p in sample_catalog.programs if p.lang == "id"]


def pytest_configure(config):
    """A test run stopped from outside (SIGTERM) ends like Ctrl-C, so that fixtures close their browsers."""
    import signal

    def interrupted(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
