"""What a screen reader gets from one page of each template in each language, compared with reviewed outlines.

After a deliberate change, review the new outlines and record them with:
    UPDATE_OUTLINES=1 .venv/bin/python -m pytest tests/test_outlines.py
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from gate.browser import SiteServer, new_driver
from gate.outline import outline

pytestmark = pytest.mark.browser
GOLDEN = Path(__file__).parent / "outlines"
TEMPLATES = {
    "home": "",
    "catalog": "program/",
    "program": "program/bahasa-isyarat-dasar/",
    "facet-index": "kategori/",
    "facet": "lokasi/cabang-gilimanuk/",
    "agenda": "agenda/",
    "agenda-week": "agenda/minggu/2026-12-07/",
    "agenda-place": "agenda/lokasi/cabang-ketapang/",
    "page": "cara-mendaftar/",
}
LANGUAGES = {"id": "", "en": "en/", "jv": "jv/"}


@pytest.fixture(scope="module")
def reader(built_site):
    driver = new_driver()
    with SiteServer(built_site) as server:
        yield lambda path: outline(driver, f"{server.url}/{path}")
    driver.quit()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("template", TEMPLATES)
def test_outline_matches_the_reviewed_one(reader, lang, template):
    actual = reader(LANGUAGES[lang] + TEMPLATES[template])
    golden = GOLDEN / lang / f"{template}.txt"
    if os.environ.get("UPDATE_OUTLINES"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8") if golden.is_file() else ""
    diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                        f"reviewed {golden.relative_to(GOLDEN.parent)}", "now"))
    assert actual == expected, f"the outline changed:\n{diff}"
