"""Open data and feeds: programs.json checked against its JSON Schema and the content, programs.csv against the JSON,
the "Data terbuka" page, and the Atom feeds parsed back."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from datetime import date, datetime
from urllib.parse import urlsplit

import jsonschema
import pytest
from bs4 import BeautifulSoup

from conftest import SUBPATH_SITEURL, TODAY, moment

from katalog.model import PROGRAM_FIELDS
from katalog.opendata import COLUMNS

LANGUAGES = {"id": "", "en": "en/", "jv": "jv/"}
ATOM = "{http://www.w3.org/2005/Atom}"
JOINABLE_OR_NEWS = ("open", "full", "cancelled")


def load(site, prefix):
    data = json.loads((site / f"{prefix}data/programs.json").read_text(encoding="utf-8"))
    schema = json.loads((site / f"{prefix}data/programs.schema.json").read_text(encoding="utf-8"))
    return data, schema


@pytest.mark.parametrize("lang", LANGUAGES)
def test_programs_json_is_valid_against_its_schema_and_holds_every_program(published_site, sample_programs, lang):
    data, schema = load(published_site, LANGUAGES[lang])
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    assert data["language"] == lang and data["licence"]["id"] == "CC-BY-4.0"
    by_id = {record["id"]: record for record in data["programs"]}
    assert set(by_id) == {p.key for p in sample_programs}
    today = moment(TODAY)
    for program in sample_programs:
        record = by_id[program.key]
        assert record["url"] == f"{SUBPATH_SITEURL}/{LANGUAGES[lang]}program/{program.slug}/"
        assert [(datetime.fromisoformat(s["start"]), datetime.fromisoformat(s["end"]), s["cancelled"])
                for s in record["schedule"]["sessions"]] == [(s.start, s.end, s.cancelled) for s in program.sessions]
        assert record["schedule"]["skipped"] == [d.isoformat() for d in program.skipped]
        assert record["state"] == program.state(today) and record["status"] == program.status
        assert record["cost"] == program.cost and record["category"]["code"] == program.category
        assert [a["code"] for a in record["audiences"]] == list(program.audiences)
        assert record["calendar"].endswith(f"program/{program.slug}/{program.slug}.ics")
        assert (record["schedule"]["repeat"] is None) == (program.repeat is None)
        assert record["contact"]["name"] == program.contact.name


def test_every_public_field_of_the_content_model_is_in_the_data(published_site):
    data, _ = load(published_site, "")
    record = data["programs"][0]
    named = {"audience": "audiences", "schedule": "schedule", "lang": "lang"}
    for field in PROGRAM_FIELDS:
        assert (named.get(field.name, field.name) in record) == field.public, field.name
    for group in ("registration", "accessibility", "image"):
        spec = next(f for f in PROGRAM_FIELDS if f.name == group)
        with_image = next(r for r in data["programs"] if r[group])
        for child in spec.children:
            if child.name in ("text_in_image", "src"):
                continue
            assert child.name in with_image[group], (group, child.name)


def test_a_broken_record_fails_the_schema(published_site):
    """The schema is not a formality: a record missing its sessions or with a time without its zone is refused."""
    data, schema = load(published_site, "")
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    broken = json.loads(json.dumps(data))
    broken["programs"][0]["schedule"]["sessions"][0]["start"] = "2026-12-02T09:00:00"
    assert list(validator.iter_errors(broken))
    broken = json.loads(json.dumps(data))
    del broken["programs"][0]["title"]
    assert list(validator.iter_errors(broken))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_programs_csv_has_one_row_per_program_matching_the_json(published_site, lang):
    data, _ = load(published_site, LANGUAGES[lang])
    raw = (published_site / f"{LANGUAGES[lang]}data/programs.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a spreadsheet then reads the file as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == [c.name for c in COLUMNS]
    assert [r["id"] for r in rows] == [p["id"] for p in data["programs"]]
    for row, record in zip(rows, data["programs"]):
        assert row["title"] == record["title"] and row["url"] == record["url"]
        assert row["first_start"] == record["schedule"]["sessions"][0]["start"]
        assert int(row["session_count"]) == len(record["schedule"]["sessions"])
        assert row["cost"] == str(record["cost"])
        assert row["description_html"] == record["description_html"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_open_data_page_links_every_file_with_its_size_and_the_licence(published_site, lang):
    prefix = LANGUAGES[lang]
    page = BeautifulSoup((published_site / f"{prefix}data/index.html").read_text(), "html.parser")
    subpath = urlsplit(SUBPATH_SITEURL).path
    targets = [a["href"] for a in page.select(".data-files a")]
    assert len(targets) == 5
    for href in targets:
        path = urlsplit(href).path
        assert path.startswith(f"{subpath}/") and (published_site / path[len(subpath) + 1:]).is_file(), href
    assert any("creativecommons.org/licenses/by/4.0" in a["href"] for a in page.select("main a"))
    json_link = page.select_one('.data-files a[type="application/json"]')
    size = (published_site / f"{prefix}data/programs.json").stat().st_size
    assert f"{round(size / 1000)} KB" in json_link.get_text()
    assert [dt.get_text(strip=True) for dt in page.select("dl.columns dt")] == [c.name for c in COLUMNS]
    footer = BeautifulSoup((published_site / f"{prefix}index.html").read_text(), "html.parser").select_one("footer")
    assert any(urlsplit(a["href"]).path == f"{subpath}/{prefix}data/" for a in footer.select("a"))


def feed(path):
    return ET.parse(path).getroot()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_atom_feeds_hold_new_and_changed_programs(published_site, sample_programs, sample_catalog, lang):
    prefix = LANGUAGES[lang]
    today = moment(TODAY)
    root = feed(published_site / f"{prefix}atom.xml")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    entries = root.findall(f"{ATOM}entry")
    expected = {p.slug for p in sample_programs if p.state(today) in JOINABLE_OR_NEWS}
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert {urlsplit(link).path.rstrip("/").rsplit("/", 1)[1] for link in links} == expected
    assert all(link.startswith(f"{SUBPATH_SITEURL}/{prefix}program/") for link in links)
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    ids = [e.find(f"{ATOM}id").text for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    for entry in entries:
        assert entry.find(f"{ATOM}title").text and entry.find(f"{ATOM}summary").text
    categories = sample_catalog.settings["KATALOG_PATHS"]["category"]
    for code in {p.category for p in sample_programs}:
        path = published_site / f"{prefix}{categories}/{code}/atom.xml"
        wanted = {p.slug for p in sample_programs if p.category == code and p.state(today) in JOINABLE_OR_NEWS}
        got = {urlsplit(e.find(f"{ATOM}link").get("href")).path.rstrip("/").rsplit("/", 1)[1]
               for e in feed(path).findall(f"{ATOM}entry")}
        assert got == wanted, code
        page = BeautifulSoup((published_site / f"{prefix}{categories}/{code}/index.html").read_text(), "html.parser")
        discovered = [link["href"] for link in page.select('link[type="application/atom+xml"]')]
        assert f"{SUBPATH_SITEURL}/{prefix}{categories}/{code}/atom.xml" in discovered


@pytest.mark.parametrize("title", ['=HYPERLINK("https://contoh.invalid","klik")', "+1+cmd|' /C calc'!A0", "@SUM(1+1)",
                                   "-2+3"])
def test_text_that_looks_like_a_formula_stays_text_in_every_csv(content, tmp_path, title):
    """Spreadsheets run a cell starting with = + - @ as a formula: the CSV files write such text with a leading '."""
    import subprocess

    from conftest import PAST_PROGRAM, ROOT, TODAY, run_pelican
    content.program("kelas-uji", PAST_PROGRAM.replace("title: Kelas Uji Coba", f"title: {json.dumps(title)}")
                    .replace("---\nIsi program", "report:\n  participants: 3\n  outcome: =1+2\n---\nIsi program"))
    result = run_pelican(content.root, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out/data/programs.csv").read_text(encoding="utf-8-sig"), newline="")))
    assert rows[0]["title"] == "'" + title
    report = subprocess.run(["make", "-s", "report", f"CONTENT={content.root}", "FROM=2026-11-01", "TO=2026-11-30",
                             f"OUT={tmp_path / 'r.csv'}"], cwd=ROOT, capture_output=True, text=True,
                            env={**__import__("os").environ, "KATALOG_TODAY": TODAY})
    assert report.returncode == 0, report.stderr
    (row,) = csv.DictReader(io.StringIO((tmp_path / "r.csv").read_text(encoding="utf-8-sig"), newline=""))
    assert row["Program"] == "'" + title and row["Hasil"] == "'=1+2"
