"""A fourth language needs only one line in site.yaml and a message catalog: Sundanese, built from the sample."""

from __future__ import annotations

import json
import shutil

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from bs4 import BeautifulSoup

from conftest import CONTENT, ROOT, compile_catalogs, run_pelican, set_site_field

SUNDANESE = {
    "Langsung ke isi utama": "Langsung ka eusi utama",
    "Semua program": "Sadaya program",
    "Program ini belum tersedia dalam %(language)s; ditampilkan dalam %(original)s.":
        "Program ieu teu acan aya dina %(language)s; ditampilkeun dina %(original)s.",
}


def test_sundanese_sub_site_from_site_yaml_and_a_catalog(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    catalog = Catalog(locale="su")
    for source, translation in SUNDANESE.items():
        catalog.add(source, translation)
    po = theme / "translations" / "su" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    with open(po, "wb") as handle:
        write_po(handle, catalog)
    compile_catalogs(theme / "translations")

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    set_site_field(content / "data" / "site.yaml", "languages", "{en: ya, jv: ya, su: ya}")
    output = tmp_path / "out"
    result = run_pelican(content, output, "-e", f"THEME={json.dumps(str(theme))}")
    assert result.returncode == 0, result.stdout + result.stderr

    program = BeautifulSoup((output / "su" / "program" / "menulis-cv" / "index.html").read_text(encoding="utf-8"),
                            "html.parser")
    assert program.html["lang"] == "su"
    assert program.select_one("a.skip-link").get_text() == "Langsung ka eusi utama"
    assert program.select_one(".notice").get_text(strip=True) == \
        "Program ieu teu acan aya dina Basa Sunda; ditampilkeun dina Bahasa Indonesia."
    assert program.find("h1")["lang"] == "id"
    home = BeautifulSoup((output / "index.html").read_text(encoding="utf-8"), "html.parser")
    sundanese = home.select_one('nav.languages a[hreflang="su"]')
    name = sundanese.select_one("span[lang]")
    assert (sundanese["href"], name["lang"], name.get_text()) == ("/su/", "su", "Basa Sunda")
    assert sundanese.get_text(" ", strip=True) == "Situs dalam Basa Sunda"  # a name no other link on the page has
    assert home.select_one('link[rel=alternate][hreflang="su"]')["href"] == "/su/"


def test_a_language_switched_off_in_site_yaml_has_no_site_and_no_link(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    set_site_field(content / "data" / "site.yaml", "languages", "{en: ya, jv: tidak}")
    output = tmp_path / "out"
    result = run_pelican(content, output)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (output / "en" / "index.html").is_file() and not (output / "jv").exists()
    home = BeautifulSoup((output / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert [a["hreflang"] for a in home.select("nav.languages a[hreflang]")] == ["id", "en"]
    assert not home.select('link[hreflang="jv"]')
