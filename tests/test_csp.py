"""No code on the pages but ours: every page carries the Content-Security-Policy, and a browser enforces it."""

from __future__ import annotations

import re
import shutil

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from gate import checks
from gate.browser import SiteServer, new_driver
from gate.browser import page_urls

CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
PLANTED = ('<script>document.title = "dibajak";</script>'
           '<img src="tidak-ada.png" alt="" onerror="document.title = \'dibajak\'">'
           '<a id="tanam" href="javascript:document.title=\'dibajak\'">tautan</a>')


def test_every_page_carries_the_policy_before_anything_it_loads(built_site):
    from katalog.settings import DEFAULTS

    policy = DEFAULTS["KATALOG_CSP"]
    for directive in ("default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'self'"):
        assert directive in policy
    # Scripts only from the site; the search page's WebAssembly may compile ('wasm-unsafe-eval'), nothing may eval.
    directives = dict((part.split()[0], part.split()[1:]) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == ["'self'", "'wasm-unsafe-eval'"]
    assert "'unsafe-inline'" not in policy.split() and "'unsafe-eval'" not in policy.split()
    urls = page_urls(built_site)
    assert len(urls) > 300
    for url in urls:
        path = built_site / url.strip("/") / "index.html" if url.endswith("/") else built_site / url.strip("/")
        text = path.read_text(encoding="utf-8")
        found = CSP.search(text)
        assert found and found.group(1).replace("&#39;", "'") == policy, url
        head = BeautifulSoup(text, "html.parser").head
        first_load = head.find(["link", "script", "style"])
        assert head.find("meta", attrs={"http-equiv": "Content-Security-Policy"}).sourceline < first_load.sourceline


@pytest.fixture(scope="module")
def driver():
    browser = new_driver()
    yield browser
    browser.quit()


def runs_planted_code(driver, url: str) -> bool:
    """Loads a page with a script, an event handler and a javascript: link planted in it: does any of them run?"""
    driver.get(url)
    title = driver.title
    driver.execute_script("document.getElementById('tanam').click()")  # a click from the test, not page code
    return "dibajak" in (title, driver.title)


@pytest.mark.browser
def test_a_planted_inline_script_is_blocked_and_runs_on_a_page_without_the_policy(driver, built_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page = (site / "program" / "menulis-cv" / "index.html").read_text(encoding="utf-8")
    (site / "ditanam.html").write_text(page.replace("</main>", PLANTED + "</main>"), encoding="utf-8")
    (site / "tanpa-kebijakan.html").write_text(CSP.sub("", page).replace("</main>", PLANTED + "</main>"),
                                              encoding="utf-8")
    with SiteServer(site) as server:
        assert not runs_planted_code(driver, f"{server.url}/ditanam.html")
        # The deliberately broken page: the same plant without the policy runs, so the check can fail.
        assert runs_planted_code(driver, f"{server.url}/tanpa-kebijakan.html")


@pytest.mark.browser
def test_the_request_log_sees_what_a_page_loads(driver, built_site):
    """The other-origin check reads the browser's request log; it must see the page's own requests."""
    with SiteServer(built_site) as server:
        checks.requests_made(driver)
        driver.get(f"{server.url}/program/")
        made = checks.requests_made(driver)
    assert f"{server.url}/program/" in made
    assert any(url.split("?v=")[0].endswith("/theme/css/main.css") for url in made)
