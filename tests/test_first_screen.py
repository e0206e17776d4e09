"""What a visitor on a 360 px phone sees first: a short header, and the page's own heading within 200 px."""

from __future__ import annotations

import pytest

from gate.browser import SiteServer, new_driver

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True}

_MEASURE = """
  const lines = sel => new Set([...document.querySelectorAll(sel + ' a')]
      .map(a => Math.round(a.getBoundingClientRect().top))).size;
  const name = document.querySelector('.site-name a').getClientRects().length;
  const action = document.querySelector('.action');
  // The sample's notice ("Contoh, per ...") is on no library's site (a sample is never published): not counted.
  const sample = document.querySelector('.sample-notice');
  const extra = sample ? sample.getBoundingClientRect().height : 0;
  return {h1: document.querySelector('h1').getBoundingClientRect().top - extra, name: name,
          action: action ? action.getBoundingClientRect().top - extra : null,
          languages: lines('.languages'), navigation: lines('.site-nav')};
"""


@pytest.fixture(scope="module")
def phone():
    driver = new_driver()
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    yield driver
    driver.quit()


def measure(driver, site, urls):
    with SiteServer(site) as server:
        for url in urls:
            driver.get(server.url + url)
            yield url, driver.execute_script(_MEASURE)


def test_on_a_phone_every_page_kind_starts_within_200_px(phone, built_site, sample_programs):
    urls = [f"{prefix}program/{p.slug}/" for p in sample_programs for prefix in ("/", "/en/", "/jv/")]
    urls += [f"{prefix}{page}" for prefix in ("/", "/en/", "/jv/")
             for page in ("", "program/", "agenda/", "kategori/", "lokasi/cabang-gilimanuk/", "cara-mendaftar/")]
    measured = dict(measure(phone, built_site, urls))
    late = {url: round(m["h1"]) for url, m in measured.items() if m["h1"] > 200}
    assert not late, late
    crowded = {url: m for url, m in measured.items() if (m["name"], m["languages"]) != (1, 1) or m["navigation"] > 2}
    assert not crowded, crowded


def test_on_a_phone_every_open_program_offers_registration_within_600_px(phone, built_site, sample_catalog):
    today = sample_catalog.settings["KATALOG_NOW"]
    open_programs = sorted({p.slug for p in sample_catalog.programs if p.state(today) == "open"})
    assert len(open_programs) > 10
    urls = [f"{prefix}program/{slug}/" for slug in open_programs for prefix in ("/", "/en/", "/jv/")]
    measured = dict(measure(phone, built_site, urls))
    missing = [url for url, m in measured.items() if m["action"] is None]
    assert not missing, missing
    late = {url: round(m["action"]) for url, m in measured.items() if m["action"] > 600}
    assert not late, late
