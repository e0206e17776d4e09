"""Search in every language: the index Pagefind writes, and the search page used as people use it, by typing, with
filters, with the keyboard alone, and without JavaScript; what a first search downloads, measured."""

from __future__ import annotations

import gzip
import json
import re
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import run_pelican
from gate import checks
from gate.browser import SiteServer, axe_results, describe, new_driver

# (language folder, a query, a program it must find)
LANGUAGES = [
    ("", "tulis", "program/menulis-cv/"),
    ("en/", "computer", "en/program/kelas-komputer-lansia/"),
    ("jv/", "komputer", "jv/program/kelas-komputer-lansia/"),
]
FIRST_SEARCH_BUDGET = 95 * 1024  # bytes, gzipped: a first search on the sample, in any language
LARGE_CATALOG_BUDGET = 160 * 1024  # the same on a catalog of 1,000 programs
QUERIES = {"": ["tulis", "komputer", "lansia", "bahasa isyarat", ""], "en/": ["computer", "sign language", ""],
           "jv/": ["komputer", "basa", ""]}


def test_one_index_per_language_with_programs_and_pages_only(built_site):
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    programs = len(list((built_site / "program").glob("*/index.html")))
    pages = len([p for p in built_site.glob("*/index.html")
                 if 'data-pagefind-body' in p.read_text(encoding="utf-8")])
    assert set(entry["languages"]) == {"id", "en", "jv"}
    for lang, index in entry["languages"].items():
        assert index["page_count"] == programs + pages, lang
    # Only what the search page uses is published.
    names = {p.name for p in (built_site / "pagefind").iterdir()}
    assert "pagefind.js" in names and not {n for n in names if "-ui" in n or "worker" in n or "highlight" in n}


def test_the_search_page_offers_exactly_the_filter_values_the_programs_carry(built_site):
    indexed: dict[str, set[str]] = {}
    for page in (built_site / "program").glob("*/index.html"):
        for span in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("[data-pagefind-filter]"):
            indexed.setdefault(span["data-pagefind-filter"], set()).add(span.get_text())
    form = BeautifulSoup((built_site / "cari" / "index.html").read_text(encoding="utf-8"), "html.parser")
    offered: dict[str, set[str]] = {}
    for box in form.select('#search-filters input[type="checkbox"]'):
        offered.setdefault(box["name"], set()).add(box["value"])
        assert form.find("label", attrs={"for": box["id"]}), box
    indexed.pop("upcoming")
    assert offered == indexed
    assert set(offered) == {"category", "audience", "accessibility", "language", "location", "mode", "cost", "status"}
    for fieldset in form.select("#search-filters fieldset"):
        assert fieldset.legend.get_text(strip=True)


def test_root_words_are_indexed_beside_affixed_indonesian_words():
    from katalog.search import root_words

    assert root_words("Menulis CV dan penulisan surat; mengirim lamaran") == "kirim tulis"
    assert root_words("Tulisan terbaik, belajar bersama") == ""  # the index already finds these from their roots


def test_the_script_keeps_its_meaning_without_comments_and_indentation():
    from katalog.search import compact_script

    assert compact_script("// note\nconst a = 1; // kept\n\n  if (a) {\n    go();\n  }\n") == \
        "const a = 1; // kept\nif (a) {\ngo();\n}\n"


# In the browser -----------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def driver():
    browser = new_driver(1280, 900)
    yield browser
    browser.quit()


@pytest.fixture(scope="module")
def site_url(built_site):
    with SiteServer(built_site) as server:
        yield server.url


WATCH_STATUS = """
  const status = document.getElementById('search-status');
  window.__said = [];
  new MutationObserver(() => window.__said.push(status.textContent))
    .observe(status, {childList: true, characterData: true, subtree: true});
"""


def said(driver, at_least: int = 1, settle: float = 1.5, timeout: float = 15) -> list[str]:
    """The status messages so far, once at least `at_least` came and nothing more for `settle` seconds."""
    end = time.monotonic() + timeout
    while time.monotonic() < end and len(driver.execute_script("return window.__said")) < at_least:
        time.sleep(0.1)
    time.sleep(settle)
    return driver.execute_script("return window.__said")


def results(driver) -> list[str]:
    return driver.execute_script("return Array.from(document.querySelectorAll('#search-list h3 a'), a => a.href)")


def show_all(driver) -> None:
    more = driver.find_element(By.ID, "search-more")
    while more.is_displayed() and more.get_attribute("aria-disabled") != "true":
        count = len(results(driver))
        more.click()
        end = time.monotonic() + 10
        while len(results(driver)) == count and time.monotonic() < end:
            time.sleep(0.1)


def number_in(message: str) -> int:
    return int(re.search(r"\d+", message).group().replace(".", ""))


@pytest.mark.browser
@pytest.mark.parametrize("lang, query, expected", LANGUAGES, ids=["id", "en", "jv"])
def test_typing_finds_a_known_program_and_says_how_many_once(driver, site_url, lang, query, expected):
    driver.get(f"{site_url}/{lang}cari/")
    driver.execute_script(WATCH_STATUS)
    box = driver.find_element(By.ID, "search-q")
    box.click()
    box.send_keys(query)  # one key at a time: the search waits for typing to pause
    messages = said(driver)
    assert len(messages) == 1, messages
    assert driver.switch_to.active_element == box  # focus stays where the user put it
    show_all(driver)
    assert f"{site_url}/{expected}" in results(driver)
    assert number_in(messages[0]) == len(results(driver)), messages
    # The address holds the search: opening it again repeats it.
    assert f"q={query}" in driver.current_url
    driver.get(driver.current_url)
    end = time.monotonic() + 10
    while not results(driver) and time.monotonic() < end:
        time.sleep(0.1)
    assert results(driver)


@pytest.mark.browser
def test_indonesian_root_words_find_affixed_forms(driver, site_url):
    driver.get(f"{site_url}/cari/?q=tulis")
    end = time.monotonic() + 10
    while not results(driver) and time.monotonic() < end:
        time.sleep(0.1)
    show_all(driver)
    found = results(driver)
    # "Menulis" in its title, "penulisan" in its description
    assert f"{site_url}/program/menulis-cv/" in found and f"{site_url}/program/kelompok-menulis/" in found


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["", "en/", "jv/"], ids=["id", "en", "jv"])
def test_a_filter_narrows_the_results_and_is_announced(driver, site_url, lang):
    driver.get(f"{site_url}/{lang}cari/")
    driver.execute_script(WATCH_STATUS)
    driver.find_element(By.CSS_SELECTOR, "#search-form button[type=submit]").click()  # empty: every program
    everything = number_in(said(driver)[0])
    driver.find_element(By.CSS_SELECTOR, "#search-filters summary").click()
    free, paid = driver.find_elements(By.CSS_SELECTOR, '#search-filters input[name="cost"]')
    free_label = free.get_attribute("value")
    count_shown = number_in(paid.accessible_name.rsplit(" (", 1)[1])
    paid.click()
    messages = said(driver, 2)
    assert len(messages) == 2, messages
    narrowed = number_in(messages[1])
    assert 0 < narrowed < everything and narrowed == count_shown
    show_all(driver)
    assert len(results(driver)) == narrowed
    costs = driver.execute_script("return Array.from(document.querySelectorAll('#search-list .facts li:last-child'), li => li.textContent)")
    assert len(costs) == narrowed and free_label not in costs, costs
    assert "cost=" in driver.current_url


@pytest.mark.browser
@pytest.mark.parametrize("lang, query", [("", "komputer"), ("en/", "computer"), ("jv/", "komputer")], ids=["id", "en", "jv"])
def test_the_search_page_with_results_and_filters_passes_the_gate(driver, site_url, lang, query):
    checks.policy_refusals(driver)
    checks.requests_made(driver)
    driver.get(f"{site_url}/{lang}cari/?q={query}")
    end = time.monotonic() + 10
    while not results(driver) and time.monotonic() < end:
        time.sleep(0.1)
    driver.find_element(By.CSS_SELECTOR, "#search-filters summary").click()
    assert results(driver) and driver.find_element(By.CSS_SELECTOR, "#search-filters fieldset").is_displayed()
    violations = axe_results(driver)["violations"]
    assert not violations, describe(f"{lang}cari/", violations)
    found = (checks.policy_refusals(driver) + checks.other_origins(driver, site_url) + checks.link_text(driver)
             + checks.text_spacing(driver) + checks.reflow(driver) + checks.reflow(driver, 360, "200%"))
    assert not found, found


@pytest.mark.browser
@pytest.mark.parametrize("lang, query", [("", "komputer"), ("en/", "computer"), ("jv/", "komputer")], ids=["id", "en", "jv"])
def test_search_filter_and_open_a_program_with_the_keyboard_alone(driver, site_url, lang, query):
    driver.get(f"{site_url}/{lang}cari/")
    driver.execute_script(WATCH_STATUS)
    active = lambda: driver.switch_to.active_element  # noqa: E731
    keys = lambda *k: active().send_keys(*k)  # noqa: E731
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    for _ in range(60):
        if active().get_attribute("id") == "search-q":
            break
        keys(Keys.TAB)
    assert active().get_attribute("id") == "search-q"
    keys(query, Keys.ENTER)
    said(driver)
    assert active().get_attribute("id") == "search-q" and results(driver)
    for _ in range(5):
        keys(Keys.TAB)
        if active().tag_name == "summary":
            break
    assert active().tag_name == "summary"
    keys(Keys.ENTER)
    open_label = driver.execute_script("return document.querySelector('#search-filters input[name=status]').value")
    for _ in range(150):
        keys(Keys.TAB)
        if active().get_attribute("value") == open_label:
            break
    assert active().get_attribute("value") == open_label
    box = active()
    keys(Keys.SPACE)
    messages = said(driver, 2)
    assert box.is_selected() and active() == box and len(messages) == 2, messages
    for _ in range(150):
        keys(Keys.TAB)
        if active().tag_name == "a" and driver.execute_script("return arguments[0].closest('#search-list') !== null", active()):
            break
    target = active().get_attribute("href")
    assert "/program/" in target
    keys(Keys.ENTER)
    end = time.monotonic() + 10
    while driver.current_url != target and time.monotonic() < end:
        time.sleep(0.1)
    assert driver.current_url == target


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["", "en/", "jv/"], ids=["id", "en", "jv"])
def test_without_javascript_the_page_explains_and_leads_to_every_program(driver, site_url, built_site, lang):
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        # The search box of a listing page opens the search page with the words, as a plain form.
        driver.get(f"{site_url}/{lang}program/")
        box = driver.find_element(By.CSS_SELECTOR, "form.search-box input[name=q]")
        box.send_keys("komputer", Keys.ENTER)
        end = time.monotonic() + 10
        while "cari/" not in driver.current_url and time.monotonic() < end:
            time.sleep(0.1)
        assert driver.current_url == f"{site_url}/{lang}cari/?q=komputer"
        explanation = driver.find_element(By.CSS_SELECTOR, "#search-form .notice")
        assert explanation.is_displayed() and "JavaScript" in explanation.text
        links = {a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a")}
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    for facet in ("program", "kategori", "sasaran", "aksesibilitas", "bahasa", "mitra", "lokasi"):
        assert f"{site_url}/{lang}{facet}/" in links, facet
    assert not checks.without_javascript(driver, f"{site_url}/{lang}cari/")


def test_every_listing_page_has_a_search_box_that_opens_the_search_page(built_site):
    pages = [built_site / "index.html", built_site / "program" / "index.html", built_site / "agenda" / "index.html",
             built_site / "kategori" / "index.html", built_site / "lokasi" / "cabang-ketapang" / "index.html",
             built_site / "en" / "sasaran" / "lansia" / "index.html"]
    for page in pages:
        form = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("form.search-box")
        assert form and form["method"] == "get" and form["role"] == "search", page
        expected = "/en/cari/" if "/en/" in str(page) else "/cari/"
        assert form["action"] == expected and form.find("input", attrs={"name": "q"}) and form.button, page


# What a first search downloads ---------------------------------------------------------------------------------------

def first_search_bytes(driver, base: str, site: Path, lang: str, query: str) -> tuple[int, str]:
    """The bytes, gzipped, of everything a first search fetches once the page is there: Pagefind's script and
    WebAssembly, the index's metadata, the index and filter chunks it needs and the fragments of the first results
    shown. (Pagefind's own files are already compressed; the others are counted as a host would gzip them.)"""
    driver.get(f"{base}/{lang}cari/")
    driver.execute_script(WATCH_STATUS)
    checks.requests_made(driver)
    driver.execute_script("const box = document.getElementById('search-q'); box.value = arguments[0];"
                          "box.form.requestSubmit();", query)
    message = said(driver)[0]
    total = 0
    for url in checks.requests_made(driver):
        if not url.startswith(base + "/"):
            continue
        path = site / url[len(base) + 1:].split("?")[0]
        data = path.read_bytes()
        total += len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, compresslevel=9))
    return total, message


@pytest.mark.browser
def test_a_first_search_on_the_sample_stays_within_its_budget(driver, built_site, site_url):
    measured = {}
    for lang, queries in QUERIES.items():
        for query in queries:
            size, message = first_search_bytes(driver, site_url, built_site, lang, query)
            assert number_in(message) > 0, (lang, query, message)
            measured[f"{lang or 'id/'}{query}"] = size
    largest = max(measured, key=measured.get)
    print("first search, bytes gzipped:", measured)
    assert measured[largest] <= FIRST_SEARCH_BUDGET, f"{largest}: {measured[largest]} bytes"


@pytest.mark.browser
def test_a_first_search_on_a_catalog_of_a_thousand_programs_is_measured(driver, tmp_path):
    from generated_catalog import write_catalog

    content = write_catalog(tmp_path / "content", 1000, languages=("id",))
    output = tmp_path / "site"
    result = run_pelican(content, output, timeout=900)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    entry = json.loads((output / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["id"]["page_count"] >= 1000
    measured = {}
    with SiteServer(output) as server:
        for query in ("tulis", "komputer", "bahasa isyarat", ""):
            size, message = first_search_bytes(driver, server.url, output, "", query)
            assert number_in(message) > 0, (query, message)
            measured[query] = size
    print("first search on 1,000 programs, bytes gzipped:", measured)
    # With no words typed too: every program is found through one word of the index (katalog.search.EVERY_PROGRAM).
    assert max(measured.values()) <= LARGE_CATALOG_BUDGET, measured


@pytest.mark.browser
def test_hostile_words_stay_text_in_results_and_in_the_status(driver, content, tmp_path):
    from urllib.parse import quote

    from conftest import VALID_PROGRAM
    from test_safety import HOSTILE_TITLE

    # A tag in a title is refused at the source (test_hints); the visitor's words below still carry one.
    title = HOSTILE_TITLE + ' < img src=x onerror="window.__hit=1">'
    content.program("kelas-uji", VALID_PROGRAM.replace("title: Kelas Uji Coba", f"title: {json.dumps(title)}"))
    output = tmp_path / "site"
    result = run_pelican(content.root, output)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    query = 'kelas <img src=x onerror="window.__hit=2">'
    with SiteServer(output) as server:
        driver.get(f"{server.url}/cari/?q={quote(query)}")
        end = time.monotonic() + 10
        while not results(driver) and time.monotonic() < end:
            time.sleep(0.1)
        link = driver.find_element(By.CSS_SELECTOR, "#search-list h3 a")
        assert link.text == title
        assert driver.execute_script("return window.__hit") is None
        assert not driver.find_elements(By.CSS_SELECTOR, "#search-list img, #search-list script, #search-status *")
        assert query in driver.find_element(By.ID, "search-status").text


# Filter counts on the paths people take ------------------------------------------------------------------------------

def counts_shown(driver) -> dict[str, int]:
    """Each checkbox's value and the count its label shows."""
    pairs = driver.execute_script("return Array.from(document.querySelectorAll('#search-filters input[type=checkbox]'),"
                                  " box => [box.name + '=' + box.value, box.labels[0].querySelector('.count').textContent])")
    return {name: number_in(count) for name, count in pairs}


def wait_for_status(driver, previous: str = "", timeout: float = 15) -> str:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        text = driver.find_element(By.ID, "search-status").text
        if text and text != previous:
            return text
        time.sleep(0.1)
    return driver.find_element(By.ID, "search-status").text


def expected_counts(built_site: Path, lang: str, found: list[str]) -> dict[str, int]:
    """What each filter value's count must be for these results: counted from the program pages' own filter values."""
    counts: dict[str, int] = {}
    for url in found:
        page = built_site / url.split("/", 3)[3] / "index.html"
        for span in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("[data-pagefind-filter]"):
            if span["data-pagefind-filter"] != "upcoming":
                key = f"{span['data-pagefind-filter']}={span.get_text()}"
                counts[key] = counts.get(key, 0) + 1
    return counts


@pytest.mark.browser
@pytest.mark.parametrize("lang, query", [("", "komputer"), ("en/", "computer"), ("jv/", "komputer")], ids=["id", "en", "jv"])
def test_filter_counts_are_right_from_a_shared_link_with_words_after_clearing_and_from_typing(driver, site_url, built_site, lang, query):
    # A shared link with words: the first search has words, and every count is that of its results.
    driver.get(f"{site_url}/{lang}cari/?q={query}")
    wait_for_status(driver)
    show_all(driver)
    found = results(driver)
    assert found
    shown = counts_shown(driver)
    expected = expected_counts(built_site, lang, found)
    assert {k: v for k, v in shown.items() if v} == expected, (shown, expected)
    # Clearing the words: every program, and counts that add up to them.
    box = driver.find_element(By.ID, "search-q")
    box.clear()
    before = driver.find_element(By.ID, "search-status").text
    box.send_keys(Keys.ENTER)
    everything = number_in(wait_for_status(driver, before))
    shown = counts_shown(driver)
    assert sum(v for k, v in shown.items() if k.startswith("cost=")) == everything, shown
    assert all(v for v in shown.values()), shown  # every value offered is some program's
    # Typing words again after that: counts follow the new results.
    before = driver.find_element(By.ID, "search-status").text
    box.send_keys(query, Keys.ENTER)
    wait_for_status(driver, before)
    show_all(driver)
    assert {k: v for k, v in counts_shown(driver).items() if v} == expected_counts(built_site, lang, results(driver))


@pytest.mark.browser
def test_filter_counts_from_a_shared_link_with_words_and_filters_count_within_and_across_groups(driver, site_url, built_site):
    driver.get(f"{site_url}/cari/")
    free = driver.execute_script("return document.querySelector('#search-filters input[name=cost]').value")
    driver.get(f"{site_url}/cari/?q=kelas&cost={free}")
    wait_for_status(driver)
    show_all(driver)
    found = results(driver)
    shown = counts_shown(driver)
    within = expected_counts(built_site, "", found)
    # A group with nothing chosen counts among the results; the chosen group counts as if each value were chosen.
    for key, count in shown.items():
        if not key.startswith("cost="):
            assert count == within.get(key, 0), (key, shown, within)
    assert shown[f"cost={free}"] == len(found)
    driver.get(f"{site_url}/cari/?q=kelas")
    wait_for_status(driver)
    show_all(driver)
    everything = expected_counts(built_site, "", results(driver))
    assert {k: v for k, v in shown.items() if k.startswith("cost=") and v} == \
        {k: v for k, v in everything.items() if k.startswith("cost=")}


def test_the_index_is_the_same_bytes_for_two_builds_of_one_commit(built_site, tmp_path):
    again = tmp_path / "again"
    result = run_pelican(Path(__file__).parent.parent / "content", again, env={"KATALOG_STRICT": "1"})
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    first = {p.relative_to(built_site / "pagefind"): p.read_bytes() for p in (built_site / "pagefind").rglob("*") if p.is_file()}
    second = {p.relative_to(again / "pagefind"): p.read_bytes() for p in (again / "pagefind").rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    # The word index is in several small parts, so that a search fetches only the parts its words are in.
    assert len(list((built_site / "pagefind" / "index").glob("id_*.pf_index"))) > 3


def test_words_added_for_matching_are_metadata_never_page_text(built_site):
    page = BeautifulSoup((built_site / "program" / "menulis-cv" / "index.html").read_text(encoding="utf-8"), "html.parser")
    terms = page.select_one('meta[data-pagefind-meta="terms[content]"]')["content"].split()
    roots = page.select_one('meta[data-pagefind-meta="roots[content]"]')["content"].split()
    assert "tulis" in roots and "wheelchair" in terms
    body = page.select_one("[data-pagefind-body]")
    assert not body.select("[hidden]:not([data-pagefind-ignore])"), "no hidden text is indexed"
    shown = body.get_text(" ").casefold()
    assert "wheelchair" not in shown and " tulis " not in f" {shown} "


@pytest.mark.browser
@pytest.mark.parametrize("lang, typed, meant", [("", "komputr", "komputer"), ("", "lansai", "lansia"),
                                               ("en/", "wheelchiar", "wheelchair"), ("jv/", "komputr", "komputer")],
                         ids=["id-letter-missing", "id-letters-swapped", "en", "jv"])
def test_a_typing_error_offers_the_nearest_known_words_as_links_that_find_programs(driver, site_url, lang, typed, meant):
    driver.get(f"{site_url}/{lang}cari/?q={typed}")
    status = wait_for_status(driver)
    links = driver.find_elements(By.CSS_SELECTOR, "#search-suggestions a")
    assert not results(driver) and links and links[0].text == meant, (status, [a.text for a in links])
    assert meant in status  # said once, with the rest of the message
    violations = axe_results(driver)["violations"]  # the page with its suggestions shown
    assert not violations, describe(f"{lang}cari/?q={typed}", violations)
    assert not checks.reflow(driver, 360, "200%")
    driver.get(links[0].get_attribute("href"))
    wait_for_status(driver)
    assert results(driver) and f"q={meant}" in driver.current_url
    assert not driver.find_element(By.ID, "search-suggestions").is_displayed()


@pytest.mark.browser
def test_the_hint_speaks_of_an_empty_search_only_where_it_works(driver, site_url):
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        driver.get(f"{site_url}/cari/")
        without = driver.find_element(By.ID, "search-hint").text
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    driver.get(f"{site_url}/cari/")
    with_script = driver.find_element(By.ID, "search-hint").text
    assert "Kosongkan" not in without and "Kosongkan" in with_script and with_script.startswith(without)
