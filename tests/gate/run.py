"""Runs the whole gate over a folder of HTML: axe-core, our browser checks, site-wide checks, reports."""

from __future__ import annotations

import html
import json
import os
import re
import sys
import threading
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path

from urllib.parse import quote, unquote, urlsplit

from bs4 import BeautifulSoup
from selenium.common.exceptions import (JavascriptException, TimeoutException, UnexpectedAlertPresentException,
                                        WebDriverException)

from . import behaviour, checks, markup
from .browser import (AxeFailed, SiteServer, axe_results, axe_source, axe_version, contrast_violations, new_driver,
                      page_urls, target_text)

HERE = Path(__file__).parent
CRITERIA = {**checks.CRITERIA, **markup.CRITERIA, **behaviour.CRITERIA}  # each of our checks' WCAG 2.2 success criteria


def _finding(found: checks.Finding) -> dict:
    return asdict(found) | {"criteria": CRITERIA.get(found.check, [])}
ALLOWLIST = HERE / "incomplete-allowlist.json"


@dataclass
class PageResult:
    url: str
    violations: list = field(default_factory=list)  # axe-core's, trimmed for the report
    incomplete: list = field(default_factory=list)  # axe-core's "needs review", with allowed or not
    findings: list = field(default_factory=list)  # our own checks'
    unchecked: str = ""  # why the page, or the rest of it, could not be checked
    notes: list = field(default_factory=list)  # what happened on the way (a dialog the page opened, answered)

    @property
    def failed(self) -> bool:
        return bool(self.violations or self.findings or any(not i["allowed"] for i in self.incomplete))


class CouldNotCheck(Exception):
    """A page that cannot be checked, with the reason in the report's words."""


def _first_line(error: BaseException) -> str:
    text = getattr(error, "msg", None) or str(error) or type(error).__name__
    return " ".join(str(text).split("\n", 1)[0].split())[:200]


def unchecked_reason(error: BaseException, load_time: float, script_time: float) -> str:
    """Why a page could not be checked, from what stopped its checks."""
    if isinstance(error, (CouldNotCheck, AxeFailed)):
        return str(error)
    if isinstance(error, UnexpectedAlertPresentException):
        return f"the page kept opening dialogs ({_first_line(error)})"
    if isinstance(error, TimeoutException) and "script" in f"{type(error).__name__} {error}".lower():
        return f"the checks did not finish within {script_time:.0f} s"
    if isinstance(error, TimeoutException):
        return f"the page did not finish loading within {load_time:.0f} s"
    if isinstance(error, JavascriptException):
        return f"a check could not run on this page: {_first_line(error)}"
    if isinstance(error, WebDriverException):
        return f"the browser failed on this page: {_first_line(error)}"
    return f"{type(error).__name__}: {_first_line(error)}"


def _same_page(asked: str, landed: str) -> bool:
    a, b = urlsplit(asked), urlsplit(landed)
    return (a.scheme, a.netloc, unquote(a.path), a.query) == (b.scheme, b.netloc, unquote(b.path), b.query)


# Loaded into every page and frame before the page's own scripts, in the audit's browsers: dialogs are answered
# at once and noted (alert, confirm, prompt, print), and a page cannot ask "leave this page?".
_DIALOGS = """
(() => {
  const seen = [];
  Object.defineProperty(window, '__gateDialogs', {value: seen});
  const note = (kind, text) => { if (seen.length < 10) seen.push(kind + (text === undefined ? '' : ': ' + String(text).slice(0, 80))); };
  window.alert = text => { note('alert', text); };
  window.confirm = text => { note('confirm', text); return false; };
  window.prompt = text => { note('prompt', text); return null; };
  window.print = () => { note('print'); };
  const listen = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, ...rest) {
    if (type === 'beforeunload') { note('beforeunload'); return; }
    return listen.call(this, type, ...rest);
  };
  Object.defineProperty(window, 'onbeforeunload', {configurable: false, get: () => null, set: () => note('beforeunload')});
})();
"""

def load_allowlist(path: Path = ALLOWLIST) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["allowed"] if path.is_file() else []


def is_allowed(rule: str, target: str, allowlist: list[dict]) -> bool:
    return any(entry["rule"] == rule and re.search(entry.get("target", ".*"), target) for entry in allowlist)


def _page_file(site: Path, url: str) -> Path:
    return site / url.strip("/") / "index.html" if url.endswith("/") else site / url.strip("/")


def _read_page(site: Path, url: str, limit: int | None = None) -> BeautifulSoup | None:
    """A page's markup, whatever its encoding; None when it cannot be read or parsed."""
    try:
        with open(_page_file(site, url), "rb") as handle:
            data = handle.read(limit or -1)
        return BeautifulSoup(data.decode("utf-8", errors="replace"), "html.parser")
    except Exception:  # noqa: BLE001 - an odd file is the browser's to judge, not a reason to stop
        return None


def template_sample(site: Path, urls: list[str]) -> set[str]:
    """One page of each kind (same language, section and depth), for the slower keyboard checks."""
    chosen: dict[tuple, str] = {}
    for url in urls:
        parts = [p for p in url.strip("/").split("/") if p]
        page = _read_page(site, url, 2000)
        root = page.html if page else None
        lang = str(root.get("lang", "")) if root else ""
        if parts and parts[0] == lang:
            parts = parts[1:]  # a language sub-site's prefix, as in /en/program/...
        key = (lang, parts[0] if len(parts) > 1 else "/".join(parts), len(parts))
        chosen.setdefault(key, url)
    return set(chosen.values())


def site_checks(site: Path, urls: list[str]) -> dict[str, list]:
    """Across pages of one language: titles are unique and the main navigation keeps one order."""
    titles: dict[tuple, list[str]] = defaultdict(list)
    navs: dict[str, dict[str, tuple]] = defaultdict(dict)
    for url in urls:
        page = _read_page(site, url)
        if page is None:
            continue
        lang = str(page.html.get("lang", "")) if page.html else ""
        titles[(lang, page.title.get_text(strip=True) if page.title else "")].append(url)
        nav = page.select_one("header nav:not(.languages)") or page.find("nav")
        if nav:
            navs[lang][url] = tuple(a.get_text(" ", strip=True) for a in nav.find_all("a"))
    results: dict[str, list] = defaultdict(list)
    for (lang, title), pages in titles.items():
        for url in pages if len(pages) > 1 else ():
            results[url].append(checks.Finding("title-unique", f"the title \u201c{title}\u201d is used by "
                                                               f"{len(pages)} pages in {lang or 'one language'}"))
    for lang, by_url in navs.items():
        usual, _ = Counter(by_url.values()).most_common(1)[0]
        for url, order in by_url.items():
            if order != usual:
                results[url].append(checks.Finding("navigation-consistent", "the main navigation differs from the "
                                                   "other pages of this language: " + " / ".join(order)))
    return results


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 60} min {seconds % 60} s" if seconds >= 60 else f"{seconds} s"


class Gate:
    """Checks every page of a folder, each in isolation: whatever one page does (an error, a hang, a dialog, going
    somewhere else, never loading), it becomes a row "could not check: reason" and the run goes on, in a new
    browser when the old one may be hurt."""

    # Browsers that fail to start one after another before the remaining pages are given up at once.
    START_FAILURES = 3

    def __init__(self, site: Path, workers: int | None = None, keyboard: str = "sample", allowlist=None,
                 siteurl: str | None = None, page_time: float = 120.0):
        self.site = Path(site)
        self.siteurl = siteurl  # the address the site was built for, served from the folder
        self.workers = workers or os.cpu_count() or 1
        self.keyboard = keyboard
        self.allowlist = load_allowlist() if allowlist is None else allowlist
        # The most one page may take, all its checks together; loading it and one script get parts of it.
        self.page_time = float(page_time)
        self.load_time = max(2.0, self.page_time / 4)
        self.script_time = max(2.0, self.page_time / 2)
        self._local = threading.local()
        self._drivers = []
        self._lock = threading.Lock()
        self._stopping = False
        self._start_failures = 0
        self._given_up = ""  # why every page left is not checked (the browser does not start)

    def _driver(self):
        if getattr(self._local, "driver", None) is None:
            driver = new_driver()
            with self._lock:
                if self._stopping:  # started while the run was being stopped: never used
                    driver.quit()
                    raise RuntimeError("the run was stopped")
                self._drivers.append(driver)
            try:
                driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": _DIALOGS + behaviour.TEXT_WATCH + axe_source()})
                driver.set_page_load_timeout(self.load_time)
                driver.set_script_timeout(self.script_time)
            except BaseException:
                self._recycle(driver)
                raise
            self._local.driver = driver
        return self._local.driver

    def _recycle(self, driver) -> None:
        """Ends a browser that a page may have hurt; the thread's next page starts a new one."""
        with self._lock:
            if driver in self._drivers:
                self._drivers.remove(driver)
        if getattr(self._local, "driver", None) is driver:
            self._local.driver = None
        driver.kill()

    def _close_drivers(self) -> None:
        with self._lock:
            drivers, self._drivers = self._drivers, []
        for driver in drivers:
            try:
                driver.quit()
            except Exception:  # closing is best effort; Browser.quit removes the profile either way
                driver.kill()

    def check_page(self, base: str, url: str, slow: bool) -> PageResult:
        result = PageResult(url)
        if self._given_up:
            result.unchecked = self._given_up
            return result
        try:
            driver = self._driver()
        except Exception as error:  # noqa: BLE001 - reported in the row; the run goes on
            if self._stopping:
                raise
            result.unchecked = f"the browser could not start: {_first_line(error)}"
            with self._lock:
                self._start_failures += 1
                if self._start_failures >= self.START_FAILURES:
                    self._given_up = result.unchecked
            return result
        with self._lock:
            self._start_failures = 0
        overrun = threading.Event()

        def stop_the_page():  # the page took too long: its browser is ended, which ends the call it is in
            overrun.set()
            driver.kill()

        watchdog = threading.Timer(self.page_time, stop_the_page)
        watchdog.daemon = True
        watchdog.start()
        try:
            self._check(driver, base, url, slow, result)
        except Exception as error:  # noqa: BLE001 - any failure on one page is that page's row
            if self._stopping:
                raise
            result.unchecked = (f"the checks took longer than {self.page_time:.0f} s" if overrun.is_set()
                                else unchecked_reason(error, self.load_time, self.script_time))
            self._recycle(driver)
        finally:
            watchdog.cancel()
        if overrun.is_set() and not result.unchecked:  # finished just as its time ran out: its browser is gone
            result.unchecked = f"the checks took longer than {self.page_time:.0f} s"
            self._recycle(driver)
        return result

    def _check(self, driver, base: str, url: str, slow: bool, result: PageResult) -> None:
        checks.requests_made(driver)  # forget what the previous page asked for
        checks.policy_refusals(driver)  # and what its policy refused
        address = base + quote(url, safe="/:@!$&'()*+,;=~")
        driver.get(address)
        landed = driver.current_url
        if not _same_page(address, landed):
            raise CouldNotCheck(f"the page sends the browser on to {landed[:160]} as it loads (a refresh or a "
                                "script), so there is nothing of its own to check")
        mark = driver.execute_script("return window.__gateMark = String(Math.random());")
        try:
            self._checks(driver, base, address, result, mark)
        except WebDriverException as error:
            # A check that failed because the page went on to another one (whose script then hung or broke it)
            # is said as that, as when the checks finish on the other page.
            if not self._went_on(driver, address, mark):
                raise
            raise self._gone_on(driver, result) from error
        if slow:
            found = behaviour.focus_content(driver) + behaviour.hover_content(driver) + behaviour.text_zoom(driver)
            found += checks.keyboard(driver, address)
            found += checks.without_javascript(driver, address)
            found += checks.skip_target(driver, address, contrast_violations)
            result.findings.extend(_finding(f) for f in found)

    @staticmethod
    def _gone_on(driver, result: PageResult) -> CouldNotCheck:
        """A page that went on to another while it was checked: what was found may belong to either page, so none
        of it is reported."""
        result.violations, result.incomplete, result.findings = [], [], []
        return CouldNotCheck(f"the page went on to {driver.current_url[:160]} by itself while it was checked "
                             "(a refresh or a script)")

    @staticmethod
    def _went_on(driver, address: str, mark: str) -> bool:
        """Whether the browser is on another page than the one being checked, after a check failed."""
        try:
            return (not _same_page(address, driver.current_url)
                    or driver.execute_script("return window.__gateMark") != mark)
        except WebDriverException:
            return False

    def _checks(self, driver, base: str, address: str, result: PageResult, mark: str) -> None:
        """The checks that read the page as it loaded: axe-core and our own, then the dialogs it opened."""
        axe = axe_results(driver)
        for violation in axe["violations"]:
            result.violations.append({"rule": violation["id"], "impact": violation["impact"], "help": violation["help"],
                                      "targets": [target_text(n["target"]) for n in violation["nodes"][:10]]})
        for item in axe["incomplete"]:
            for node in item["nodes"]:
                target = target_text(node["target"])
                result.incomplete.append({"rule": item["id"], "help": item["help"], "target": target,
                                          "allowed": is_allowed(item["id"], target, self.allowlist)})
        found = checks.other_origins(driver, base) + checks.policy_refusals(driver) + checks.link_text(driver)
        found += checks.text_spacing(driver) + checks.reflow(driver, restore=False) + checks.reflow(driver, 360, "200%")
        found += checks.regions(driver) + checks.list_targets(driver) + markup.markup(driver) + behaviour.motion(driver)
        result.findings.extend(_finding(f) for f in found)
        if driver.execute_script("return window.__gateMark") != mark:
            raise self._gone_on(driver, result)
        for dialog in dict.fromkeys(driver.execute_script("return window.__gateDialogs || []") or []):
            result.notes.append("the page asks before it is left (beforeunload); the question was turned off"
                                if dialog == "beforeunload" else
                                f"the page opened a dialog ({dialog}); it was answered at once")

    def run(self, progress=sys.stderr) -> dict:
        urls = page_urls(self.site)
        slow = set(urls) if self.keyboard == "all" else template_sample(self.site, urls) if self.keyboard == "sample" else set()
        started = time.monotonic()
        results: list[PageResult] = []
        pool = ThreadPoolExecutor(self.workers)
        interrupted = False
        try:
            with SiteServer(self.site, self.siteurl) as server:
                futures = [pool.submit(self.check_page, server.url, url, url in slow) for url in urls]
                for done, future in enumerate(as_completed(futures), start=1):  # a slow page holds back nothing
                    results.append(future.result())
                    if progress:
                        self._progress(progress, done, len(urls), started, results)
        except KeyboardInterrupt:
            # Ctrl-C: pages not yet started are dropped, and closing the browsers now ends the checks still running
            # in them (a keyboard walk may otherwise take a minute more). The report holds the pages done.
            interrupted = True
            with self._lock:
                self._stopping = True
            pool.shutdown(wait=False, cancel_futures=True)
            self._close_drivers()
        except BaseException:
            with self._lock:
                self._stopping = True
            pool.shutdown(wait=False, cancel_futures=True)
            self._close_drivers()
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            self._close_drivers()  # each browser closes and its profile goes
        elapsed = max(time.monotonic() - started, 1e-6)
        if not interrupted:
            by_url = {r.url: r for r in results}
            for url, found in site_checks(self.site, urls).items():
                by_url[url].findings.extend(_finding(f) for f in found)
        unchecked = sum(bool(r.unchecked) for r in results)
        if progress:
            progress.write(f"{chr(10) if progress.isatty() else ''}[gate] {len(results)} pages in {elapsed:.1f} s "
                           f"({len(results) / elapsed:.1f} pages/s), {self.workers} browser(s), keyboard walk on "
                           f"{len(slow)} page(s)" + (f", {unchecked} could not be checked" if unchecked else "") + "\n")
        return {
            "site": str(self.site), "siteurl": self.siteurl, "engine": f"axe-core {axe_version()}", "pages": len(urls),
            "checked_pages": len(results) - unchecked, "unchecked_pages": unchecked,
            "interrupted": interrupted, "page_time": self.page_time,
            "seconds": round(elapsed, 1), "pages_per_second": round(len(results) / elapsed, 2),
            "failed_pages": sum(r.failed for r in results),
            "results": [asdict(r) | {"failed": r.failed} for r in sorted(results, key=lambda r: r.url)],
        }

    def _progress(self, progress, done: int, total: int, started: float, results: list[PageResult]) -> None:
        elapsed = max(time.monotonic() - started, 1e-6)
        rate = done / elapsed
        line = f"[gate] {done}/{total} pages, {rate:.1f} pages/s"
        if done < total:
            line += f", about {_duration((total - done) / rate)} left"
        unchecked = sum(bool(r.unchecked) for r in results)
        if unchecked:
            line += f", {unchecked} could not be checked"
        if progress.isatty():
            progress.write(f"\r{line}\x1b[K")
        elif done % max(total // 10, 1) == 0 or done == total:
            progress.write(line + "\n")
        progress.flush()


def _criteria_text(found: dict) -> str:
    criteria = found.get("criteria") or CRITERIA.get(found["check"], [])
    return "WCAG " + ", ".join(criteria) if criteria else "best practice"


def verdict(report: dict) -> str:
    """The report's outcome in one sentence."""
    parts = []
    if report["failed_pages"]:
        parts.append(f"{report['failed_pages']} of {report['pages']} pages have barriers.")
    if report.get("unchecked_pages"):
        parts.append(f"{report['unchecked_pages']} of {report['pages']} pages could not be checked.")
    if report.get("interrupted"):
        checked = len(report["results"])
        parts.append(f"Stopped after {checked} of {report['pages']} pages; the rest were not checked.")
    if not parts:
        parts.append(f"No barriers found on {report['pages']} pages.")
    return " ".join(parts)


def write_reports(report: dict, folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    json_path = folder / "accessibility-report.json"
    json_path.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    rows, unchecked = [], []
    for result in report["results"]:
        if result.get("unchecked"):
            unchecked.append(f"<li>{html.escape(result['url'])}: could not check: {html.escape(result['unchecked'])}</li>")
        problems = [f"axe {v['rule']} ({v['impact']}): {v['help']} at {', '.join(v['targets'][:3])}" for v in result["violations"]]
        problems += [f"{f['check']} ({_criteria_text(f)}): {f['message']}" + (f" at {f['target']}" if f["target"] else "")
                     for f in result["findings"]]
        problems += [f"needs review, not in the allow-list: {i['rule']}: {i['help']} at {i['target']}"
                     for i in result["incomplete"] if not i["allowed"]]
        problems += [f"note: {note}" for note in result.get("notes", ()) if problems]
        if problems:
            items = "".join(f"<li>{html.escape(p)}</li>" for p in problems)
            rows.append(f"<section><h2>{html.escape(result['url'])}</h2><ul>{items}</ul></section>")
    if unchecked:
        rows.insert(0, f"<section><h2>Could not check</h2><ul>{''.join(unchecked)}</ul></section>")
    html_path = folder / "accessibility-report.html"
    html_path.write_text(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>Accessibility report</title><style>body{font-family:system-ui,sans-serif;max-width:60rem;"
        "margin:auto;padding:1rem;line-height:1.5}h2{font-size:1.1rem;word-break:break-all}li{overflow-wrap:anywhere}"
        "</style></head>"
        f"<body><main><h1>Accessibility report</h1><p>{html.escape(verdict(report))} Engine: {html.escape(report['engine'])}; "
        f"{report['pages_per_second']} pages per second.</p>{''.join(rows)}</main></body></html>",
        encoding="utf-8")
    return json_path, html_path
