"""The query set (tests/search/queries.yaml): searches people make, in their words, run on the built sample in the
browser the way they are made (a shared link with the words, a "did you mean" link followed when nothing matches),
with recall at five reported per language and every excerpt shown checked for words the page does not show."""

from __future__ import annotations

import re
import time
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from bs4 import BeautifulSoup
from selenium.webdriver.common.by import By

from gate.browser import SiteServer, new_driver

QUERIES = yaml.safe_load((Path(__file__).parent / "search" / "queries.yaml").read_text(encoding="utf-8"))
RECALL_AT_FIVE = 0.95  # in every language
FOLDERS = {"id": "", "en": "en/", "jv": "jv/"}
_WORDS = re.compile(r"[^\W_]+")


def words(text: str) -> set[str]:
    return {word.casefold() for word in _WORDS.findall(text)}


def own_words(page: Path) -> set[str]:
    """The words a program page shows as its own text: what its index entry holds (data-pagefind-body, less what is
    marked data-pagefind-ignore or hidden). An excerpt may hold nothing else."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    body = soup.select_one("[data-pagefind-body]")
    for part in body.select("[data-pagefind-ignore], [hidden]"):
        part.decompose()
    return words(body.get_text(" "))


def wait_for(driver, condition, timeout: float = 10):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = driver.execute_script(condition)
        if value:
            return value
        time.sleep(0.05)
    return None


def first_five(driver, address: str) -> tuple[list[str], list[tuple[str, str]], str | None]:
    """The first five results' addresses and excerpts for a search opened from its address, and the suggestion
    followed when it found nothing (else None)."""
    driver.get(address)
    wait_for(driver, "return document.getElementById('search-status').textContent")
    followed = None
    if not driver.find_elements(By.CSS_SELECTOR, "#search-list > li"):
        links = driver.find_elements(By.CSS_SELECTOR, "#search-suggestions a")
        if links:
            followed = links[0].text
            driver.get(links[0].get_attribute("href"))
            wait_for(driver, "return document.getElementById('search-status').textContent")
    more = driver.find_element(By.ID, "search-more")
    count = len(driver.find_elements(By.CSS_SELECTOR, "#search-list > li"))
    if count < 5 and more.is_displayed() and more.get_attribute("aria-disabled") != "true":
        more.click()
        wait_for(driver, f"return document.querySelectorAll('#search-list > li').length > {count}")
    found = driver.execute_script(
        "return Array.from(document.querySelectorAll('#search-list > li'), li => [li.querySelector('h3 a').href,"
        " (li.querySelector(':scope > p') || {textContent: ''}).textContent]).slice(0, 5)")
    return [href for href, _ in found], found, followed


@pytest.fixture(scope="module")
def driver():
    browser = new_driver(1280, 900)
    yield browser
    browser.quit()


def test_the_query_set_is_large_and_names_real_programs():
    programs = {p.name for p in (Path(__file__).parent.parent / "content" / "programs").iterdir() if p.is_dir()}
    assert len(QUERIES) >= 60 and {q["lang"] for q in QUERIES} == set(FOLDERS)
    for query in QUERIES:
        assert query["q"].strip() and set(query) <= {"lang", "q", "top", "not"}, query
        assert query["top"] or query.get("not"), query  # each asks something
        assert set(query["top"]) | set(query.get("not", ())) <= programs, query


@pytest.mark.browser
def test_the_query_set_finds_what_people_ask_for_and_excerpts_are_the_programs_own_words(driver, built_site):
    recall: dict[str, list[int]] = {lang: [0, 0] for lang in FOLDERS}
    missed, wrong, machine = [], [], []
    own: dict[str, set[str]] = {}
    with SiteServer(built_site) as server:
        for query in QUERIES:
            folder = FOLDERS[query["lang"]]
            found, shown, followed = first_five(driver, f"{server.url}/{folder}cari/?q={quote(query['q'])}")
            slugs = [href.rstrip("/").rsplit("/", 1)[-1] for href in found]
            for slug in query["top"]:
                recall[query["lang"]][1] += 1
                if slug in slugs:
                    recall[query["lang"]][0] += 1
                else:
                    missed.append((query["lang"], query["q"], followed, slug, slugs))
            wrong += [(query["lang"], query["q"], slug) for slug in query.get("not", ()) if slug in slugs]
            for href, text in shown:
                path = href[len(server.url) + 1:]
                if path not in own:
                    own[path] = own_words(built_site / path / "index.html")
                stray = words(text) - own[path]
                if stray or not text.strip():
                    machine.append((query["lang"], query["q"], path, sorted(stray), text))
    report = {lang: f"{hit}/{total} = {hit / total:.1%}" for lang, (hit, total) in recall.items()}
    print("recall at five:", report)
    for line in missed:
        print("missed:", line)
    assert all(hit / total >= RECALL_AT_FIVE for hit, total in recall.values()), (report, missed)
    assert not wrong, wrong
    assert not machine, machine[:5]
