"""Every built page passes axe-core's WCAG 2.2 AA rules in headless Chromium, and broken pages are caught."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import SiteServer, axe_results, describe, new_driver, page_urls

pytestmark = pytest.mark.browser
BROKEN = Path(__file__).parent / "broken"


@pytest.fixture(scope="module")
def driver():
    browser = new_driver()
    yield browser
    browser.quit()


@pytest.fixture(scope="module")
def site_url(built_site):
    with SiteServer(built_site) as server:
        yield server.url


@pytest.fixture(scope="module")
def broken_url():
    with SiteServer(BROKEN) as server:
        yield server.url


def test_every_page_has_no_axe_violations(driver, site_url, built_site):
    urls = page_urls(built_site)
    assert len(urls) > 100
    failures = []
    for url in urls:
        results = axe_results(driver, site_url + url)
        assert results["passes"] is not None
        if results["violations"]:
            failures.append(describe(url, results["violations"]))
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("page, rule", [
    ("missing-alt.html", "image-alt"),
    ("low-contrast.html", "color-contrast"),
    ("missing-lang.html", "html-has-lang"),
    ("unlabelled-control.html", "label"),
    ("tiny-target.html", "target-size"),
    ("skipped-heading.html", "heading-order"),
])
def test_axe_flags_each_deliberately_broken_page(driver, broken_url, page, rule):
    violations = axe_results(driver, f"{broken_url}/{page}")["violations"]
    assert rule in {v["id"] for v in violations}, describe(page, violations)
