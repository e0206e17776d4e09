"""Sheets to print and text to share: every poster and monthly agenda sheet printed to PDF by headless Chromium is one
A4 page; each QR code holds its page's address; the WhatsApp text says what, when (with the zone), where, cost, how
to register and the link, and the share link carries exactly that text."""

from __future__ import annotations

import base64
from pathlib import Path
import re
import shutil
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
import numpy
import zxingcpp
from bs4 import BeautifulSoup

from conftest import SUBPATH_SITEURL, TODAY, moment
from gate.browser import SiteServer, new_driver

LANGUAGES = {"id": "", "en": "en/", "jv": "jv/"}
ZONES = ("WIB", "WITA", "WIT")
A4_POINTS = (595, 842)


@pytest.fixture(scope="module")
def driver():
    browser = new_driver()
    yield browser
    browser.quit()


def pdf_pages(driver, url: str) -> tuple[int, list[tuple[float, float]]]:
    """How many pages the page prints on, as Chromium prints it, and each page's size in points."""
    driver.get(url)
    data = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True,
                                                                       "printBackground": True})["data"])
    pages = len(re.findall(rb"/Type\s*/Page(?![a-z])", data))
    boxes = [(float(w), float(h)) for w, h in re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)]
    return pages, boxes


def sheets(site, programs):
    today = moment(TODAY)
    found = []
    for prefix in LANGUAGES.values():
        found += [f"{prefix}program/{p.slug}/cetak/" for p in programs if p.state(today) in ("open", "full")]
        found += sorted(str(path.parent.relative_to(site)) + "/" for path in (site / f"{prefix}agenda").glob("*/cetak/index.html"))
    return found


def test_every_sheet_prints_on_one_a4_page(built_site, sample_programs, driver):
    addresses = sheets(built_site, sample_programs)
    assert len([a for a in addresses if "/agenda/" in f"/{a}"]) >= 9 and len(addresses) > 60
    with SiteServer(built_site) as server:
        for address in addresses:
            pages, boxes = pdf_pages(driver, f"{server.url}/{address}")
            assert pages == 1, address
            assert all(abs(w - A4_POINTS[0]) < 2 and abs(h - A4_POINTS[1]) < 2 for w, h in boxes), (address, boxes)


def test_a_sheet_too_long_for_one_page_is_caught(built_site, sample_programs, driver, tmp_path):
    """The page count is real: the same poster with its facts written five times prints on more than one page."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    program = next(p for p in sample_programs if p.state(moment(TODAY)) == "open")
    poster = site / f"program/{program.slug}/cetak/index.html"
    page = BeautifulSoup(poster.read_text(encoding="utf-8"), "html.parser")
    facts = page.select_one(".poster dl")
    for _ in range(4):
        facts.insert_after(BeautifulSoup(str(facts), "html.parser"))
    poster.write_text(str(page), encoding="utf-8")
    with SiteServer(site) as server:
        pages, _ = pdf_pages(driver, f"{server.url}/program/{program.slug}/cetak/")
    assert pages > 1


def decoded_qr(svg: Path) -> str:
    """What a phone reads from a QR code SVG: its dark rectangles drawn on a light image, read by zxing-cpp."""
    text = svg.read_text(encoding="utf-8")
    width = int(re.search(r'viewBox="0 0 (\d+) \1"', text).group(1))
    assert re.search(r'<rect width="(\d+)" height="\1" fill="#fff"/>', text), "a light square under the code"
    image = numpy.full((width, width), 255, dtype=numpy.uint8)
    path = re.search(r'<path stroke="#000" d="M(\d+) (\d+)\.5h(\d+)((?:m-?\d+ \d+h\d+)*)"/>', text)
    x, y, run = (int(n) for n in path.groups()[:3])
    image[y, x:x + run] = 0
    x += run
    for dx, dy, run in re.findall(r"m(-?\d+) (\d+)h(\d+)", path.group(4)):
        x, y, run = x + int(dx), y + int(dy), int(run)
        image[y, x:x + run] = 0
        x += run
    assert (image[:4] == 255).all() and (image[:, :4] == 255).all(), "a quiet zone of four modules"
    found = zxingcpp.read_barcode(numpy.kron(image, numpy.ones((4, 4), dtype=numpy.uint8)),
                                  formats=zxingcpp.BarcodeFormat.QRCode)
    assert found is not None, f"{svg} does not read as a QR code"
    return found.text


def test_posters_hold_the_essentials_and_a_qr_code_of_the_page(published_site, sample_programs):
    today = moment(TODAY)
    for lang, prefix in LANGUAGES.items():
        for program in (p for p in sample_programs if p.state(today) in ("open", "full")):
            folder = published_site / f"{prefix}program/{program.slug}/cetak"
            sheet = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser").select_one(".poster")
            text = sheet.get_text(" ", strip=True)
            address = f"{SUBPATH_SITEURL}/{prefix}program/{program.slug}/"
            assert address in text and any(zone in text for zone in ZONES), text
            upcoming = program.upcoming(today)
            assert str(upcoming[0].start.day) in text
            if program.registration.whatsapp:
                assert program.registration.whatsapp.display in text
            assert decoded_qr(folder / "qr.svg") == address
            image = sheet.select_one(".qr img")
            assert image["alt"] and urlsplit(image["src"]).path.endswith(f"program/{program.slug}/cetak/qr.svg")


def test_share_text_fits_whatsapp_and_the_link_carries_it(published_site, sample_programs, sample_catalog):
    today = moment(TODAY)
    checked = 0
    for lang, prefix in LANGUAGES.items():
        for program in sample_programs:
            page = BeautifulSoup((published_site / f"{prefix}program/{program.slug}/index.html").read_text(), "html.parser")
            block = page.select_one(".share-text")
            if program.state(today) not in ("open", "full"):
                assert block is None
                continue
            text = block.get_text()
            lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
            assert lines[-1] == f"{SUBPATH_SITEURL}/{prefix}program/{program.slug}/"
            assert any(zone in lines[1] for zone in ZONES), lines
            if not program.online:
                label = sample_catalog.vocabularies["locations"][program.location].label.get_text(lang, ("id",))
                assert label in text
            assert len(text) < 1000
            link = next(a for a in page.select("#share ~ p a, section a") if a["href"].startswith("https://wa.me/?"))
            shared = parse_qs(urlsplit(link["href"]).query)["text"][0]
            assert [line.strip() for line in shared.splitlines() if line.strip()] == lines
            checked += 1
    assert checked > 40


def test_sitemap_lists_every_page_search_engines_may_index_with_its_language_versions(published_site):
    import xml.etree.ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(published_site / "sitemap.xml").getroot()
    entries = root.findall("s:url", ns)
    locations = [e.find("s:loc", ns).text for e in entries]
    written = {p: BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in published_site.rglob("index.html")}
    left_out = {p for p, soup in written.items()
                if "noindex" in (soup.find("meta", attrs={"name": "robots"}) or {}).get("content", "")}
    assert len(left_out) > 40  # every poster and agenda sheet
    pages = {SUBPATH_SITEURL + "/" + str(p.parent.relative_to(published_site)).replace(".", "").strip("/")
             for p in written if p not in left_out}
    assert {loc.rstrip("/") for loc in locations} == {p.rstrip("/") for p in pages}
    assert len(locations) == len(set(locations)) > 300
    alternates = {e.find("s:loc", ns).text: {a.get("hreflang"): a.get("href") for a in e.findall("x:link", ns)}
                  for e in entries}
    for loc, versions in alternates.items():
        for lang, href in versions.items():
            assert href in alternates and alternates[href] == versions, (loc, lang)  # reciprocal
    home = alternates[f"{SUBPATH_SITEURL}/"]
    assert home == {"id": f"{SUBPATH_SITEURL}/", "en": f"{SUBPATH_SITEURL}/en/", "jv": f"{SUBPATH_SITEURL}/jv/"}
    robots = (published_site / "robots.txt").read_text()
    assert f"Sitemap: {SUBPATH_SITEURL}/sitemap.xml" in robots
