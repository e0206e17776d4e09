"""Headless Chromium, a local web server for a folder of pages, and the pinned axe-core engine."""

from __future__ import annotations

import atexit
import functools
import http.server
import io
import json
import os
import re
import shutil
import tempfile
import threading
import time
from pathlib import Path

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

# The WCAG 2.2 AA rule set; a plain axe.run() leaves out the 2.2 rules such as target size.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# axe-core from npm, pinned in tests/gate/package.json and installed by `make test` / `make audit` (npm ci).
AXE_SCRIPT = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"


def axe_script() -> Path:
    if not AXE_SCRIPT.is_file():
        raise RuntimeError(f"{AXE_SCRIPT} is missing: run `make test` or `npm ci --prefix tests/gate`.")
    return AXE_SCRIPT


def axe_version() -> str:
    return json.loads((AXE_SCRIPT.parent / "package.json").read_text(encoding="utf-8"))["version"]


def chromium_paths() -> tuple[str | None, str | None]:
    """Chromium and its driver: CHROMIUM/CHROMEDRIVER, else the usual names, else Google Chrome as on CI runners."""
    browser = os.environ.get("CHROMIUM") or next(
        filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"))), None)
    driver = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver")
    runner_driver = Path(os.environ.get("CHROMEWEBDRIVER", "/nonexistent")) / "chromedriver"
    if not driver and runner_driver.is_file():
        driver = str(runner_driver)
    return browser, driver


PROFILE_PREFIX = "katalog-chromium-"
# Every browser started and not yet closed, so that an interrupted run still closes them (see close_all).
_OPEN: set = set()
_OPEN_LOCK = threading.Lock()


class Browser(webdriver.Chrome):
    """Headless Chromium with a profile of its own, removed again when the browser is closed."""

    def __init__(self, profile: str, **kwargs):
        self.profile = profile
        try:
            super().__init__(**kwargs)
        except BaseException:
            shutil.rmtree(profile, ignore_errors=True)
            raise
        with _OPEN_LOCK:
            _OPEN.add(self)

    def quit(self):
        with _OPEN_LOCK:
            _OPEN.discard(self)
        try:
            super().quit()
        finally:
            for _ in range(20):  # the browser may still be writing its last files as it exits
                shutil.rmtree(self.profile, ignore_errors=True)
                if not os.path.exists(self.profile):
                    break
                time.sleep(0.1)


def close_all() -> None:
    """Closes every browser still open and removes its profile: at exit, after an error or an interruption."""
    with _OPEN_LOCK:
        browsers = list(_OPEN)
    for browser in browsers:
        try:
            browser.quit()
        except Exception:  # closing is best effort; the profile is removed either way
            shutil.rmtree(browser.profile, ignore_errors=True)


atexit.register(close_all)


def new_driver(width: int = 1280, height: int = 900) -> Browser:
    browser, driver = chromium_paths()
    if not (browser and driver):
        raise RuntimeError("Chromium and ChromeDriver are needed: run `make test`, which installs them, "
                           "or set CHROMIUM and CHROMEDRIVER.")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    # One folder per browser: its profile, and Chromium's own temporary folders (org.chromium.Chromium.*),
    # so that closing the browser removes everything it wrote.
    folder = tempfile.mkdtemp(prefix=PROFILE_PREFIX)
    profile, scratch = os.path.join(folder, "profile"), os.path.join(folder, "tmp")
    os.mkdir(profile)
    os.mkdir(scratch)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--disable-extensions", f"--window-size={width},{height}",
                 f"--user-data-dir={profile}"):
        options.add_argument(flag)
    # Network events in the performance log: every request a page makes, for the other-origin check; the
    # console, for what the page's Content-Security-Policy refused.
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    # Chromium puts sockets there, and a socket's path may not be longer than about 100 characters.
    environment = {**os.environ, "TMPDIR": scratch} if len(scratch) < 60 else None
    service = Service(executable_path=driver, env=environment)
    return Browser(folder, service=service, options=options)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


# Files whose text may hold the site's own address.
_TEXT_SUFFIXES = {".html", ".htm", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".webmanifest", ".ics"}


class _AddressHandler(_QuietHandler):
    """Serves a site built for its public address (a SITEURL such as https://name.github.io/katalog) from here:
    that address, in text files, becomes this server's, so that every page and stylesheet is the local copy."""

    address: re.Pattern
    local: bytes

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].split("#", 1)[0].endswith("/"):
                return super().send_head()  # a folder without its slash: the usual redirect
            path = path / "index.html"
        if path.suffix.lower() not in _TEXT_SUFFIXES or not path.is_file():
            return super().send_head()
        body = self.address.sub(self.local, path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class SiteServer:
    """Serves a folder of built HTML on a free port of 127.0.0.1 for as long as it is open.

    With siteurl (the address the site was built for), links to that address lead to this server."""

    def __init__(self, folder: Path, siteurl: str | None = None):
        handler = functools.partial(_QuietHandler, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        if siteurl:
            siteurl = siteurl.rstrip("/")
            variants = {siteurl, siteurl.replace("/", "\\/")}  # also as JSON writes it
            alternatives = b"|".join(re.escape(v.encode()) for v in sorted(variants, key=len, reverse=True))
            address = re.compile(b"(?:" + alternatives + rb")(?![\w.~%-])")
            handler_class = type("SiteAddressHandler", (_AddressHandler,),
                                 {"address": address, "local": self.url.encode()})
            self.httpd.RequestHandlerClass = functools.partial(handler_class, directory=str(folder))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def axe_results(driver, url: str | None = None) -> dict:
    """axe-core's violations and incomplete results for a page (loaded first when a url is given)."""
    if url:
        driver.get(url)
    axe = Axe(driver, script_url=str(axe_script()))
    axe.inject()
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations", "incomplete"]}
    return axe.run(options=json.dumps(options))


def contrast_violations(driver) -> list[dict]:
    """axe-core's color-contrast violations inside main, on the page as it is now (focus and colour scheme kept)."""
    axe = Axe(driver, script_url=str(axe_script()))
    axe.inject()
    context = {"include": [["main"]]} if driver.execute_script("return !!document.querySelector('main')") else None
    options = {"runOnly": {"type": "rule", "values": ["color-contrast"]}, "resultTypes": ["violations"]}
    return axe.run(context=context, options=json.dumps(options))["violations"]


def describe(url: str, violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        lines.append(f"{url}: {violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return "\n".join(lines)


def page_urls(folder: Path) -> list[str]:
    """The address of every built HTML page, relative to the site root."""
    urls = []
    for path in sorted(folder.rglob("*.html")):
        relative = path.relative_to(folder).as_posix()
        urls.append("/" + relative[: -len("index.html")] if relative.endswith("index.html") else "/" + relative)
    return urls
