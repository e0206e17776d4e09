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
import signal
import tempfile
import threading
import time
from pathlib import Path

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

# The WCAG 2.2 AA rule set; a plain axe.run() leaves out the 2.2 rules such as target size.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# axe-core from npm, pinned in package.json and installed by `make test` / `make audit` (npm ci): beside the gate in
# the generator's checkout (tests/gate), in the site's folder when the gate is installed with the package
# (katalog_gate), or wherever KATALOG_AXE says.
AXE_PATH = Path("node_modules") / "axe-core" / "axe.min.js"


def _axe_location() -> Path:
    if os.environ.get("KATALOG_AXE"):
        return Path(os.environ["KATALOG_AXE"])
    beside = Path(__file__).parent / AXE_PATH
    return beside if beside.is_file() else Path.cwd() / AXE_PATH


AXE_SCRIPT = _axe_location()


def axe_script() -> Path:
    if not AXE_SCRIPT.is_file():
        raise RuntimeError(f"{AXE_SCRIPT} is missing: run `make test` or `make axe` (npm ci).")
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
            self._remove_profile()

    def kill(self) -> None:
        """Ends the driver and every browser process it started at once, whatever they are doing (a page that
        hangs the browser), and removes the profile. The call this browser was busy with then fails."""
        with _OPEN_LOCK:
            _OPEN.discard(self)
        process = getattr(getattr(self, "service", None), "process", None)
        if process is not None:
            for pid in [process.pid, *_descendants(process.pid)]:
                try:
                    os.kill(pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    pass
            try:
                process.wait(timeout=10)
            except Exception:  # noqa: BLE001 - gone or not, the profile goes next
                pass
        self._remove_profile()

    def _remove_profile(self) -> None:
        for _ in range(20):  # the browser may still be writing its last files as it exits
            shutil.rmtree(self.profile, ignore_errors=True)
            if not os.path.exists(self.profile):
                break
            time.sleep(0.1)


def _descendants(root: int) -> list[int]:
    """Every process below `root` (Chromium's own processes below its driver), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else ():
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as handle:
                parent = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry))
    found, waiting = [], [root]
    while waiting:
        for child in children.get(waiting.pop(), ()):
            found.append(child)
            waiting.append(child)
    return found


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
                 "--autoplay-policy=user-gesture-required", "--mute-audio",
                 f"--user-data-dir={profile}"):
        options.add_argument(flag)
    # Network events in the performance log: every request a page makes, for the other-origin check; the
    # console, for what the page's Content-Security-Policy refused.
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    # A dialog (alert, confirm, prompt, or "leave this page?") is answered instead of stopping the next command.
    options.unhandled_prompt_behavior = "accept"
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


@functools.lru_cache(maxsize=1)
def axe_source() -> str:
    """axe-core's script, for a browser that loads it into every page and frame before the page's own scripts."""
    return axe_script().read_text(encoding="utf-8")


class AxeFailed(RuntimeError):
    """axe-core could not run on a page (the page broke it, or it was not there)."""


# Runs axe-core (injected first unless the page has it) and answers with its results or why it could not run;
# a rejected run answers at once instead of leaving the call to its time limit.
_RUN_AXE = """
  const done = arguments[arguments.length - 1];
  if (typeof axe === 'undefined' || typeof axe.run !== 'function') { done({error: 'axe-core is not on the page'}); return; }
  try {
    axe.run(arguments[0] || document, arguments[1]).then(
      results => done({results: {violations: results.violations, incomplete: results.incomplete}}),
      error => done({error: String(error && error.message || error)}));
  } catch (error) { done({error: String(error && error.message || error)}); }
"""


def run_axe(driver, context=None, options: dict | None = None) -> dict:
    """axe-core's results on the page as it is now; AxeFailed when axe-core cannot run on it."""
    if not driver.execute_script("return typeof axe !== 'undefined' && typeof axe.run === 'function'"):
        Axe(driver, script_url=str(axe_script())).inject()
    answer = driver.execute_async_script(_RUN_AXE, context, options or {})
    if not isinstance(answer, dict) or "results" not in answer:
        reason = answer.get("error") if isinstance(answer, dict) else repr(answer)
        raise AxeFailed(f"axe-core could not run on this page: {str(reason)[:200]}")
    return answer["results"]


def axe_results(driver, url: str | None = None) -> dict:
    """axe-core's violations and incomplete results for a page (loaded first when a url is given)."""
    if url:
        driver.get(url)
    # A frame without axe-core answers nothing, and media that never loads never tells its length: give up on
    # them after 5 s instead of a minute or 10 s.
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations", "incomplete"],
               "frameWaitTime": 5000, "preload": {"assets": ["cssom", "media"], "timeout": 5000}}
    return run_axe(driver, None, options)


def contrast_violations(driver) -> list[dict]:
    """axe-core's color-contrast violations inside main, on the page as it is now (focus and colour scheme kept)."""
    context = {"include": [["main"]]} if driver.execute_script("return !!document.querySelector('main')") else None
    options = {"runOnly": {"type": "rule", "values": ["color-contrast"]}, "resultTypes": ["violations"]}
    return run_axe(driver, context, options)["violations"]


def target_text(target) -> str:
    """axe-core's target of a node as one line. The target holds a selector per document, from the page down into
    each frame; a selector that goes into shadow roots is itself a list, from the host down. Frames are joined by
    " → ", shadow roots by " >>> ": ["iframe#map", "#x"] is "iframe#map → #x", [["my-card", "button"]] is
    "my-card >>> button"."""
    levels = target if isinstance(target, list) else [target]
    return " → ".join(" >>> ".join(map(str, level)) if isinstance(level, list) else str(level) for level in levels)


def describe(url: str, violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = ", ".join(target_text(node["target"]) for node in violation["nodes"][:5])
        lines.append(f"{url}: {violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return "\n".join(lines)


def page_urls(folder: Path) -> list[str]:
    """The address of every HTML page (.html, .htm) in a folder, relative to it; links to folders are not followed
    (they may lead back up)."""
    urls = []
    for where, folders, files in os.walk(folder):
        folders.sort()
        for name in files:
            if name.lower().endswith((".html", ".htm")):
                relative = (Path(where) / name).relative_to(folder).as_posix()
                urls.append("/" + relative[: -len("index.html")] if name == "index.html" else "/" + relative)
    return sorted(urls)
