"""make audit checks any folder to the end: a page that errs, hangs, opens dialogs, moves on, never loads or is
huge becomes a row "could not check: reason" (or is checked after all), and the reports are always written."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import ROOT
from gate.browser import describe, target_text
from gate.run import Gate, write_reports

pytestmark = pytest.mark.browser
ODD = Path(__file__).parent / "odd-pages"
PAGE_TIME = 20  # seconds per page: loading gets a quarter of it, one script half


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" '
            f'content="width=device-width, initial-scale=1"><title>{title}</title></head><body><main><h1>{title}</h1>'
            f"{body}</main></body></html>")


@pytest.fixture(scope="module")
def silent_server():
    """A server that takes connections and never answers: what a page waits for forever."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held = []

    def hold():
        while True:
            try:
                held.append(listener.accept()[0])
            except OSError:
                return

    threading.Thread(target=hold, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    listener.close()
    for connection in held:
        connection.close()


@pytest.fixture(scope="module")
def odd_site(tmp_path_factory, silent_server):
    site = tmp_path_factory.mktemp("odd") / "site"
    shutil.copytree(ODD, site)
    (site / "never-loads.html").write_text(_page("Never finishes loading", "<p>Its picture never arrives.</p>"
                                                 f'<img src="{silent_server}/picture.png" alt="A picture">'),
                                           encoding="utf-8")
    rows = "".join(f'<li><a href="#item-{i}">Item {i}</a> <span id="item-{i}">text {i}</span></li>' for i in range(20000))
    (site / "huge.html").write_text(_page("A very large page", f"<ul>{rows}</ul>"), encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def odd_report(odd_site):
    return Gate(odd_site, workers=2, keyboard="all", page_time=PAGE_TIME).run()


def _row(report, url):
    return next(r for r in report["results"] if r["url"] == url)


def test_every_odd_page_has_its_row_and_the_reports_are_written(odd_report, odd_site, tmp_path):
    expected = {"/" + p.name for p in odd_site.iterdir() if p.suffix == ".html"}
    assert {r["url"] for r in odd_report["results"]} == expected
    assert odd_report["pages"] == len(expected) and not odd_report["interrupted"]
    assert odd_report["unchecked_pages"] == sum(bool(r["unchecked"]) for r in odd_report["results"])
    json_path, html_path = write_reports(odd_report, tmp_path)
    assert json.loads(json_path.read_text(encoding="utf-8"))["unchecked_pages"] == odd_report["unchecked_pages"]
    page = html_path.read_text(encoding="utf-8")
    assert "Could not check" in page and "/hang.html: could not check: the page did not finish loading" in page


@pytest.mark.parametrize("url, reason", [
    ("/hang.html", "the page did not finish loading within 5 s"),
    ("/never-loads.html", "the page did not finish loading within 5 s"),
    ("/refresh-now.html", "the page sends the browser on to"),
    ("/script-redirect.html", "the page sends the browser on to"),
    ("/moves-while-checked.html", "by itself while it was checked"),
    ("/breaks-checks.html", "promises are switched off here"),
])
def test_a_page_that_cannot_be_checked_says_why(odd_report, url, reason):
    row = _row(odd_report, url)
    assert reason in row["unchecked"], row
    assert not row["violations"] and not row["findings"], "what was found on a page that moved away is not kept"


@pytest.mark.parametrize("url", ["/alert.html", "/leave-warning.html", "/autoplay.html", "/missing-resources.html",
                                 "/wrong-encoding.html", "/nama halaman ü.html", "/frame.html", "/shadow.html",
                                 "/empty.html", "/not-html.html"])
def test_an_odd_page_that_can_be_checked_is_checked(odd_report, url):
    """Also the pages that came after a hung browser on the same worker: each got a new browser."""
    row = _row(odd_report, url)
    assert row["unchecked"] == "", row


def test_dialogs_are_answered_and_noted(odd_report):
    notes = " ".join(_row(odd_report, "/alert.html")["notes"])
    for dialog in ("alert: Welcome", "confirm: Stay?", "prompt: Your name?", "print"):
        assert f"dialog ({dialog})" in notes
    assert any("beforeunload" in n for n in _row(odd_report, "/leave-warning.html")["notes"])


def test_targets_inside_frames_and_shadow_roots_keep_their_path(odd_report):
    framed = {t for v in _row(odd_report, "/frame.html")["violations"] for t in v["targets"] if v["rule"] == "image-alt"}
    assert framed == {"iframe → #no-text"}
    shadowed = {t for v in _row(odd_report, "/shadow.html")["violations"] for t in v["targets"] if v["rule"] == "button-name"}
    assert shadowed == {"x-card >>> #nameless"}


def test_a_huge_page_is_checked_or_said_to_take_too_long(odd_report):
    row = _row(odd_report, "/huge.html")
    assert row["unchecked"] == "" or "within" in row["unchecked"] or "longer than" in row["unchecked"], row


def test_target_paths_as_axe_core_gives_them():
    assert target_text(["#main"]) == "#main"
    assert target_text(["iframe#map", "#x"]) == "iframe#map → #x"
    assert target_text([["my-card", "button"]]) == "my-card >>> button"
    assert target_text(["iframe", ["my-card", "a"]]) == "iframe → my-card >>> a"
    violation = {"id": "button-name", "impact": "critical", "help": "Buttons must have discernible text",
                 "nodes": [{"target": [["iframe", "#x"]]}]}
    assert "iframe >>> #x" in describe("/page.html", [violation])


def _audit(site: Path, reports: Path):
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "tests")}
    return subprocess.run([sys.executable, "-m", "gate", str(site), "--reports", str(reports), "--keyboard", "none",
                           "--page-time", str(PAGE_TIME)], cwd=ROOT, env=environment, capture_output=True, text=True,
                          timeout=600)


@pytest.mark.parametrize("pages, code, words", [
    (["alert.html"], 0, "No barriers found on 1 pages."),
    (["alert.html", "breaks-checks.html"], 3, "1 of 2 pages could not be checked."),
    (["alert.html", "breaks-checks.html", "frame-inside.html"], 1, "1 of 3 pages have barriers. 1 of 3 pages could not"),
])
def test_the_exit_code_says_clean_barriers_or_not_checked(tmp_path, pages, code, words):
    site = tmp_path / "site"
    site.mkdir()
    for name in pages:
        shutil.copy(ODD / name, site / name)
    run = _audit(site, tmp_path / "reports")
    assert run.returncode == code, run.stdout + run.stderr
    assert words in run.stdout
    assert "Traceback" not in run.stderr
    assert (tmp_path / "reports" / "accessibility-report.html").is_file()
    assert (tmp_path / "reports" / "accessibility-report.json").is_file()
