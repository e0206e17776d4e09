"""The accessibility gate passes on every page in every language, and each broken page is caught by its check."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import pytest

from conftest import ROOT, SUBPATH_SITEURL
from gate import behaviour, checks
from gate.markup import CRITERIA, markup
from gate.browser import SiteServer, axe_results, axe_version, contrast_violations, describe, new_driver
from gate.run import Gate, site_checks, write_reports

pytestmark = pytest.mark.browser
BROKEN = Path(__file__).parent / "broken"


def test_the_whole_sample_passes_the_gate(built_site, tmp_path):
    report = Gate(built_site, keyboard="sample").run()
    write_reports(report, tmp_path)
    assert report["engine"] == "axe-core 4.14.1"
    assert report["pages"] > 300
    problems = [f"{r['url']}: {json.dumps(r['violations'] + r['findings'] + [i for i in r['incomplete'] if not i['allowed']])}"
                for r in report["results"] if r["failed"]]
    assert not problems, "\n".join(problems[:30])
    assert (tmp_path / "accessibility-report.html").is_file()


@pytest.mark.parametrize("features", [
    [{"name": "prefers-color-scheme", "value": "dark"}],
    [{"name": "prefers-contrast", "value": "more"}],
    [{"name": "prefers-contrast", "value": "more"}, {"name": "prefers-color-scheme", "value": "dark"}],
])
def test_colours_pass_in_dark_and_more_contrast_modes(driver, built_site, features):
    pages = ["", "program/", "program/bahasa-isyarat-dasar/", "agenda/", "lokasi/cabang-gilimanuk/"]
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": features})
    failures = []
    try:
        with SiteServer(built_site) as server:
            for lang in ("", "en/", "jv/"):
                for page in pages:
                    violations = axe_results(driver, f"{server.url}/{lang}{page}")["violations"]
                    if violations:
                        failures.append(describe(lang + page, violations))
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    assert not failures, "\n".join(failures)


@pytest.fixture(scope="module")
def driver():
    browser = new_driver()
    yield browser
    browser.quit()


@pytest.fixture(scope="module")
def broken_url():
    with SiteServer(BROKEN) as server:
        yield server.url


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


@pytest.mark.parametrize("page, check, run", [
    ("focus-under-sticky-header.html", "focus-obscured", lambda d, url: checks.keyboard(d, url)),
    ("no-focus-style.html", "focus-visible", lambda d, url: checks.keyboard(d, url)),
    ("skip-link-to-nowhere.html", "skip-link", lambda d, url: checks.keyboard(d, url)),
    ("focus-trap.html", "focus-trap", lambda d, url: checks.keyboard(d, url)),
    ("focus-trap-on-blur.html", "focus-trap", lambda d, url: checks.keyboard(d, url)),
    ("skip-target-restyled.html", "skip-target-contrast",
     lambda d, url: checks.skip_target(d, url, contrast_violations)),
    ("low-contrast-on-focus.html", "focus-contrast", lambda d, url: checks.keyboard(d, url)),
    ("horizontal-scroll.html", "reflow", lambda d, url: (d.get(url), checks.reflow(d))[1]),
    ("wide-at-large-text.html", "text-resize", lambda d, url: (d.get(url), checks.reflow(d, 360, "200%"))[1]),
    ("text-spacing-clipped.html", "text-spacing", lambda d, url: (d.get(url), checks.text_spacing(d))[1]),
    ("vague-link-text.html", "link-text", lambda d, url: (d.get(url), checks.link_text(d))[1]),
    ("content-needs-javascript.html", "javascript-off", lambda d, url: (d.get(url), checks.without_javascript(d, url))[1]),
    ("blocked-by-policy.html", "blocked-by-policy",
     lambda d, url: (checks.policy_refusals(d), d.get(url), checks.policy_refusals(d))[2]),
    ("other-origin-request.html", "other-origin-request",
     lambda d, url: (checks.requests_made(d), d.get(url), checks.other_origins(d, url))[2]),
    ("many-regions.html", "region-count", lambda d, url: (d.get(url), checks.regions(d))[1]),
    ("small-list-links.html", "list-target-size", lambda d, url: (d.get(url), checks.list_targets(d))[1]),
    ("agenda-entry-covered.html", "list-target-size", lambda d, url: (d.get(url), checks.list_targets(d))[1]),
    ("new-window-unannounced.html", "new-window", lambda d, url: (d.get(url), markup(d))[1]),
    ("positive-tabindex.html", "focus-order", lambda d, url: (d.get(url), markup(d))[1]),
    ("css-order.html", "focus-order", lambda d, url: (d.get(url), markup(d))[1]),
    ("positioned-order.html", "focus-order", lambda d, url: (d.get(url), markup(d))[1]),
    ("fake-heading.html", "fake-heading", lambda d, url: (d.get(url), markup(d))[1]),
    ("fake-list.html", "fake-list", lambda d, url: (d.get(url), markup(d))[1]),
    ("placeholder-only.html", "placeholder-label", lambda d, url: (d.get(url), markup(d))[1]),
    ("required-not-said.html", "required-in-text", lambda d, url: (d.get(url), markup(d))[1]),
    ("error-not-tied.html", "error-not-tied", lambda d, url: (d.get(url), markup(d))[1]),
    ("personal-data-no-autocomplete.html", "autocomplete-missing", lambda d, url: (d.get(url), markup(d))[1]),
    ("sensory-instructions.html", "sensory-instructions", lambda d, url: (d.get(url), markup(d))[1]),
])
def test_our_checks_flag_each_deliberately_broken_page(driver, broken_url, page, check, run):
    findings = run(driver, f"{broken_url}/{page}")
    assert check in {f.check for f in findings}, findings


@pytest.fixture(scope="module")
def audit_driver():
    """A browser as the gate sets it up: dialogs answered, the page's own text changes watched, axe-core loaded."""
    gate = Gate(BROKEN)
    yield gate._driver()
    gate._close_drivers()


@pytest.mark.parametrize("page, check, run", [
    ("moving-banner.html", "moving-content", behaviour.motion),
    ("moving-banner.html", "reduced-motion", behaviour.motion),
    ("motion-ignores-preference.html", "reduced-motion", behaviour.motion),
    ("auto-update.html", "auto-update", behaviour.motion),
    ("text-zoom-clipped.html", "text-zoom-clipped", behaviour.text_zoom),
    ("text-zoom-overlap.html", "text-zoom-overlap", behaviour.text_zoom),
    ("focus-popup-stays.html", "focus-content-dismiss", behaviour.focus_content),
    ("hover-tip-stays.html", "hover-content", behaviour.hover_content),
])
def test_the_behaviour_checks_flag_each_deliberately_broken_page(audit_driver, broken_url, page, check, run):
    audit_driver.get(f"{broken_url}/{page}")
    time.sleep(0.6)  # long enough for a page that updates itself to show it
    found = run(audit_driver)
    assert check in {f.check for f in found}, found


def test_the_good_versions_of_the_behaviour_checks_pass(audit_driver):
    """tests/good/behaviour.html: motion only when the reader has not asked for less and with a pause button,
    updates with a pause button, a box that grows with its text, words only screen readers read, a note on focus that Escape hides, a note on hover
    that stays while the pointer moves onto it and that Escape hides."""
    with SiteServer(Path(__file__).parent / "good") as server:
        audit_driver.get(server.url + "/behaviour.html")
        time.sleep(0.6)
        found = behaviour.motion(audit_driver) + behaviour.text_zoom(audit_driver) + behaviour.focus_content(audit_driver)
        found += behaviour.hover_content(audit_driver)
        assert found == []
        assert audit_driver.execute_script(behaviour._HOVER_TARGETS, 10), "the good page's note on hover was tried"
        assert axe_results(audit_driver)["violations"] == []


def test_the_good_versions_of_the_markup_checks_pass(driver):
    """tests/good/markup.html does right what each broken page does wrong: a link that says it opens a new tab, the
    natural Tab order, real headings and lists, labelled fields that say they are required, an error tied to its
    field, autocomplete on personal data, an instruction by name and a place described by its side."""
    with SiteServer(Path(__file__).parent / "good") as server:
        driver.get(server.url + "/markup.html")
        assert markup(driver) == []
        assert axe_results(driver)["violations"] == []


def test_every_markup_and_behaviour_check_names_its_success_criteria():
    for criteria in (*CRITERIA.values(), *behaviour.CRITERIA.values()):
        assert criteria and all(c.count(".") == 2 for c in criteria)


def test_a_few_labelled_regions_and_unlabelled_sections_pass(driver, tmp_path):
    sections = "".join(f"<section><h2>Bagian {i}</h2><p>Isi.</p></section>" for i in range(8))
    labelled = "".join(f'<section aria-label="Bagian khusus {i}"><p>Isi.</p></section>' for i in range(checks.REGION_LIMIT))
    hidden = '<section aria-label="Tersembunyi" hidden><p>Isi.</p></section>'
    (tmp_path / "index.html").write_text(f"<!DOCTYPE html><html lang='id'><head><title>Bagian</title></head><body>"
                                         f"<main><h1>Bagian</h1>{sections}{labelled}{hidden}</main></body></html>",
                                         encoding="utf-8")
    with SiteServer(tmp_path) as server:
        driver.get(server.url + "/")
        assert checks.regions(driver) == []
        driver.execute_script("document.querySelector('main section').setAttribute('aria-label', 'Satu lagi')")
        assert [f.check for f in checks.regions(driver)] == ["region-count"]


def test_print_hides_navigation_and_shows_where_links_lead(driver, built_site):
    with SiteServer(built_site) as server:
        driver.get(f"{server.url}/program/menulis-cv/")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        try:
            shown = driver.execute_script("""
              const nav = getComputedStyle(document.querySelector('nav.site-nav')).display;
              const form = document.querySelector('a[href^="https://forms"]');
              return [nav, getComputedStyle(form, '::after').content, form.href];""")
        finally:
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    nav, after, href = shown
    assert nav == "none"
    assert href in after


def test_an_unreviewed_incomplete_result_fails_until_it_is_allowed():
    from gate.run import PageResult, is_allowed

    allowlist = [{"rule": "color-contrast", "target": r"^\.hero", "reason": "text over a photo, checked by hand"}]
    assert is_allowed("color-contrast", ".hero > p", allowlist)
    assert not is_allowed("color-contrast", "main > p", allowlist)
    assert not is_allowed("aria-valid-attr-value", ".hero > p", allowlist)
    page = PageResult("/", incomplete=[{"rule": "color-contrast", "target": "main > p", "allowed": False}])
    assert page.failed
    page.incomplete[0]["allowed"] = True
    assert not page.failed


def test_keyboard_sample_takes_one_page_of_each_kind_in_each_language(built_site):
    from gate.browser import page_urls
    from gate.run import template_sample

    sample = template_sample(built_site, page_urls(built_site))
    for prefix in ("/", "/en/", "/jv/"):
        ours = {url for url in sample if url.startswith(prefix) and (prefix != "/" or not url.startswith(("/en/", "/jv/")))}
        assert prefix in ours
        assert sum(url.startswith(prefix + "program/") and url.count("/") == (4 if prefix != "/" else 3) for url in ours) == 1
        for kind in ("agenda/", "kategori/", "lokasi/", "program/", "cara-mendaftar/"):
            assert prefix + kind in ours, (prefix, kind)


def test_titles_and_navigation_are_checked_across_pages(tmp_path):
    for name, nav in (("a", "<a href='/'>Beranda</a><a href='/agenda/'>Agenda</a>"),
                      ("b", "<a href='/'>Beranda</a><a href='/agenda/'>Agenda</a>"),
                      ("c", "<a href='/agenda/'>Agenda</a><a href='/'>Beranda</a>")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(
            f"<!DOCTYPE html><html lang='id'><head><title>Sama</title></head><body><header><nav>{nav}</nav></header>"
            "<main><h1>Halaman</h1></main></body></html>", encoding="utf-8")
    found = site_checks(tmp_path, ["/a/", "/b/", "/c/"])
    assert {f.check for f in found["/a/"]} == {"title-unique"}
    assert {f.check for f in found["/c/"]} == {"title-unique", "navigation-consistent"}


def test_make_audit_runs_on_a_folder_this_project_did_not_build(tmp_path):
    result = subprocess.run(["make", "-s", "audit", f"SITE={BROKEN}", f"REPORTS={tmp_path}"], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode != 0
    assert "pages/s" in result.stderr
    report = json.loads((tmp_path / "accessibility-report.json").read_text(encoding="utf-8"))
    assert report["pages"] == len(list(BROKEN.glob("*.html")))
    assert report["failed_pages"] == report["pages"]
    assert "accessibility-report.html" in result.stdout


def test_the_pinned_engine_is_installed():
    assert axe_version() == json.loads((ROOT / "tests" / "gate" / "package.json").read_text())["dependencies"]["axe-core"]


def test_a_site_built_for_its_address_is_audited_from_its_folder(published_site):
    """The workflow audits exactly what it deploys: a `make publish` build, its address served from the folder."""
    siteurl, site = SUBPATH_SITEURL, published_site
    assert f'href="{siteurl}/theme/' in (site / "index.html").read_text(encoding="utf-8")
    pages = ["/", "/program/bahasa-isyarat-dasar/", "/en/agenda/", "/jv/"]
    gate = Gate(site, siteurl=siteurl)
    try:
        with SiteServer(site, siteurl) as server:
            results = [gate.check_page(server.url, page, slow=page == "/") for page in pages]
            stylesheet = gate._driver().execute_script(  # the theme's colours: the stylesheet came from the folder
                "return getComputedStyle(document.documentElement).getPropertyValue('--text').trim()")
        with SiteServer(site) as server:  # the same folder without its address: every link leaves it
            unmapped = gate.check_page(server.url, "/", slow=False)
    finally:
        for driver in gate._drivers:
            driver.quit()
    assert [r.url for r in results if r.failed] == [], [r for r in results if r.failed]
    assert stylesheet == "#1b1b1b", stylesheet
    assert any(f["check"] == "other-origin-request" and siteurl in f["message"] for f in unmapped.findings), \
        unmapped.findings


def test_a_link_that_wraps_beside_another_is_not_taken_for_an_obscured_one(driver, tmp_path):
    """The middle of a wrapped link's bounding box can fall on the link before it; the check looks at its first line."""
    before = "Narahubung: Bapak I Made, WhatsApp 0819-3602-1188, "
    width = len(before + "telepon (0365)") + 0.5  # the second link breaks after "(0365)"
    (tmp_path / "index.html").write_text(
        "<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'><title>Narahubung</title>"
        f"<style>p{{width:{width}ch;font:16px/1.5 monospace}}a:focus{{outline:3px solid #000}}</style></head><body>"
        "<a href='#isi'>Langsung ke isi</a><main id='isi'><h1>Narahubung</h1><p>Narahubung: Bapak I Made, "
        "<a href='https://wa.me/6281936021188'>WhatsApp 0819-3602-1188</a>, "
        "<a href='tel:+6236561204'>telepon (0365) 61 204</a>.</p></main></body></html>", encoding="utf-8")
    with SiteServer(tmp_path) as server:
        found = checks.keyboard(driver, server.url + "/")
        middle = driver.execute_script(
            "const r = document.querySelector('a[href^=tel]').getBoundingClientRect();"
            "return document.elementFromPoint(r.left + r.width / 2, r.top + 10).getAttribute('href');")
    assert middle == "https://wa.me/6281936021188"  # the page does what it is here for
    assert [f for f in found if f.check == "focus-obscured"] == [], found
