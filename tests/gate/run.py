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
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup

from . import checks
from .browser import SiteServer, axe_results, axe_version, contrast_violations, new_driver, page_urls

HERE = Path(__file__).parent
ALLOWLIST = HERE / "incomplete-allowlist.json"


@dataclass
class PageResult:
    url: str
    violations: list = field(default_factory=list)  # axe-core's, trimmed for the report
    incomplete: list = field(default_factory=list)  # axe-core's "needs review", with allowed or not
    findings: list = field(default_factory=list)  # our own checks'

    @property
    def failed(self) -> bool:
        return bool(self.violations or self.findings or any(not i["allowed"] for i in self.incomplete))


def load_allowlist(path: Path = ALLOWLIST) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["allowed"] if path.is_file() else []


def is_allowed(rule: str, target: str, allowlist: list[dict]) -> bool:
    return any(entry["rule"] == rule and re.search(entry.get("target", ".*"), target) for entry in allowlist)


def template_sample(site: Path, urls: list[str]) -> set[str]:
    """One page of each kind (same language, section and depth), for the slower keyboard checks."""
    chosen: dict[tuple, str] = {}
    for url in urls:
        parts = [p for p in url.strip("/").split("/") if p]
        root = BeautifulSoup((site / url.strip("/") / "index.html" if url.endswith("/") else site / url.strip("/"))
                             .read_text(encoding="utf-8", errors="replace")[:2000], "html.parser").html
        lang = root.get("lang", "") if root else ""
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
        path = site / url.strip("/") / "index.html" if url.endswith("/") else site / url.strip("/")
        page = BeautifulSoup(path.read_text(encoding="utf-8", errors="replace"), "html.parser")
        lang = page.html.get("lang", "") if page.html else ""
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


class Gate:
    def __init__(self, site: Path, workers: int | None = None, keyboard: str = "sample", allowlist=None,
                 siteurl: str | None = None):
        self.site = Path(site)
        self.siteurl = siteurl  # the address the site was built for, served from the folder
        self.workers = workers or os.cpu_count() or 1
        self.keyboard = keyboard
        self.allowlist = load_allowlist() if allowlist is None else allowlist
        self._local = threading.local()
        self._drivers = []
        self._lock = threading.Lock()
        self._stopping = False

    def _driver(self):
        if not hasattr(self._local, "driver"):
            driver = new_driver()
            with self._lock:
                if self._stopping:  # started while the run was being stopped: never used
                    driver.quit()
                    raise RuntimeError("the run was stopped")
                self._drivers.append(driver)
            self._local.driver = driver
        return self._local.driver

    def _close_drivers(self) -> None:
        with self._lock:
            drivers, self._drivers = self._drivers, []
        for driver in drivers:
            try:
                driver.quit()
            except Exception:  # closing is best effort; Browser.quit removes the profile either way
                pass

    def check_page(self, base: str, url: str, slow: bool) -> PageResult:
        driver = self._driver()
        result = PageResult(url)
        checks.requests_made(driver)  # forget what the previous page asked for
        checks.policy_refusals(driver)  # and what its policy refused
        axe = axe_results(driver, base + url)
        for violation in axe["violations"]:
            result.violations.append({"rule": violation["id"], "impact": violation["impact"], "help": violation["help"],
                                      "targets": [" ".join(n["target"]) for n in violation["nodes"][:10]]})
        for item in axe["incomplete"]:
            for node in item["nodes"]:
                target = " ".join(node["target"])
                result.incomplete.append({"rule": item["id"], "help": item["help"], "target": target,
                                          "allowed": is_allowed(item["id"], target, self.allowlist)})
        found = checks.other_origins(driver, base) + checks.policy_refusals(driver) + checks.link_text(driver) + checks.text_spacing(driver) + checks.reflow(driver) + checks.reflow(driver, 360, "200%")
        if slow:
            found += checks.keyboard(driver, base + url)
            found += checks.without_javascript(driver, base + url)
            found += checks.skip_target(driver, base + url, contrast_violations)
        result.findings.extend(asdict(f) for f in found)
        return result

    def run(self, progress=sys.stderr) -> dict:
        urls = page_urls(self.site)
        slow = set(urls) if self.keyboard == "all" else template_sample(self.site, urls) if self.keyboard == "sample" else set()
        started = time.monotonic()
        results: list[PageResult] = []
        pool = ThreadPoolExecutor(self.workers)
        try:
            with SiteServer(self.site, self.siteurl) as server:
                futures = [pool.submit(self.check_page, server.url, url, url in slow) for url in urls]
                for done, future in enumerate(futures, start=1):
                    results.append(future.result())
                    if progress:
                        rate = done / max(time.monotonic() - started, 1e-6)
                        line = f"[gate] {done}/{len(urls)} pages, {rate:.1f} pages/s"
                        if progress.isatty():
                            progress.write(f"\r{line} ")
                        elif done % max(len(urls) // 10, 1) == 0 or done == len(urls):
                            progress.write(line + "\n")
                        progress.flush()
        except BaseException:
            # An error or Ctrl-C: pages not yet started are dropped, and closing the browsers now ends the checks
            # still running in them (a keyboard walk may otherwise take a minute more).
            with self._lock:
                self._stopping = True
            pool.shutdown(wait=False, cancel_futures=True)
            self._close_drivers()
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            self._close_drivers()  # each browser closes and its profile goes
        elapsed = time.monotonic() - started
        for url, found in site_checks(self.site, urls).items():
            next(r for r in results if r.url == url).findings.extend(asdict(f) for f in found)
        if progress:
            progress.write(f"{chr(10) if progress.isatty() else ''}[gate] {len(urls)} pages in {elapsed:.1f} s ({len(urls) / elapsed:.1f} pages/s), "
                           f"{self.workers} browser(s), keyboard walk on {len(slow)} page(s)\n")
        return {
            "site": str(self.site), "siteurl": self.siteurl, "engine": f"axe-core {axe_version()}", "pages": len(urls),
            "seconds": round(elapsed, 1), "pages_per_second": round(len(urls) / elapsed, 2),
            "failed_pages": sum(r.failed for r in results),
            "results": [asdict(r) | {"failed": r.failed} for r in sorted(results, key=lambda r: r.url)],
        }


def write_reports(report: dict, folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    json_path = folder / "accessibility-report.json"
    json_path.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    rows = []
    for result in report["results"]:
        problems = [f"axe {v['rule']} ({v['impact']}): {v['help']} at {', '.join(v['targets'][:3])}" for v in result["violations"]]
        problems += [f"{f['check']}: {f['message']}" + (f" at {f['target']}" if f["target"] else "") for f in result["findings"]]
        problems += [f"needs review, not in the allow-list: {i['rule']}: {i['help']} at {i['target']}"
                     for i in result["incomplete"] if not i["allowed"]]
        if problems:
            items = "".join(f"<li>{html.escape(p)}</li>" for p in problems)
            rows.append(f"<section><h2>{html.escape(result['url'])}</h2><ul>{items}</ul></section>")
    verdict = (f"{report['failed_pages']} of {report['pages']} pages have barriers." if report["failed_pages"]
               else f"No barriers found on {report['pages']} pages.")
    html_path = folder / "accessibility-report.html"
    html_path.write_text(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>Accessibility report</title><style>body{font-family:system-ui,sans-serif;max-width:60rem;"
        "margin:auto;padding:1rem;line-height:1.5}h2{font-size:1.1rem;word-break:break-all}</style></head>"
        f"<body><main><h1>Accessibility report</h1><p>{html.escape(verdict)} Engine: {html.escape(report['engine'])}; "
        f"{report['pages_per_second']} pages per second.</p>{''.join(rows)}</main></body></html>",
        encoding="utf-8")
    return json_path, html_path
