"""Browser checks beyond axe: reflow, text spacing, keyboard walk and focus, skip link, link text, JavaScript off,
requests to other origins, and how many region landmarks a page has."""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlsplit

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from .browser import target_text


# Each check's WCAG 2.2 success criteria, for the report; a check without any is a best practice.
CRITERIA = {
    "reflow": ["1.4.10"], "text-resize": ["1.4.4"], "text-spacing": ["1.4.12"], "link-text": ["2.4.4"],
    "skip-link": ["2.4.1"], "focus-trap": ["2.1.2"], "focus-visible": ["2.4.7"], "focus-obscured": ["2.4.11"],
    "focus-contrast": ["1.4.3"], "skip-target-contrast": ["1.4.3"], "title-unique": ["2.4.2"],
    "navigation-consistent": ["3.2.3"], "javascript-off": [], "other-origin-request": [], "blocked-by-policy": [],
    "region-count": [],
}


@dataclass(frozen=True)
class Finding:
    """One barrier one of our checks found on a page."""

    check: str
    message: str
    target: str = ""


# A CSS path for an element, short enough to read in a report.
_DESCRIBE = """
window.__gateDescribe = function (el) {
  if (!el || el.nodeType !== 1) return String(el);
  const parts = [];
  while (el && el.nodeType === 1 && parts.length < 4) {
    let part = el.localName;
    if (el.id) { parts.unshift(part + '#' + el.id); break; }
    if (el.classList.length) part += '.' + Array.from(el.classList).slice(0, 2).join('.');
    parts.unshift(part);
    el = el.parentElement;
  }
  return parts.join(' > ');
};
"""


def reflow(driver, width: int = 320, text_size: str = "", restore: bool = True) -> list[Finding]:
    """WCAG 1.4.10: at 320 CSS pixels nothing may need horizontal scrolling. With text_size ("200%"), the same with
    the root font size raised, as older Android phones' large-text setting does (WCAG 1.4.4). restore=False leaves
    the narrow window for the next width's check, which saves laying the page out once more at full width."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": False})
    before = driver.execute_script("const s = document.documentElement.style.fontSize;"
                                   "document.documentElement.style.fontSize = arguments[0] || s; return s;", text_size)
    try:
        found = driver.execute_script(_DESCRIBE + """
          const width = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth <= width + 1) return [];
          const wide = [];
          for (const el of document.querySelectorAll('body *')) {
            const r = el.getBoundingClientRect();
            if (r.width && r.right > width + 1 && getComputedStyle(el).position !== 'fixed') wide.push(__gateDescribe(el));
            if (wide.length >= 3) break;
          }
          return [[document.documentElement.scrollWidth, wide.join(' | ')]];
        """, )
    finally:
        driver.execute_script("document.documentElement.style.fontSize = arguments[0];", before)
        if restore:
            driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    if text_size:
        return [Finding("text-resize", f"with text at {text_size} the page is {scroll_width}px wide at {width}px and "
                        "scrolls sideways", target) for scroll_width, target in found]
    return [Finding("reflow", f"the page is {scroll_width}px wide at {width}px and scrolls sideways", target)
            for scroll_width, target in found]


def text_spacing(driver) -> list[Finding]:
    """WCAG 1.4.12: with the text-spacing override, no text may be cut off."""
    found = driver.execute_script(_DESCRIBE + """
      const style = document.createElement('style');
      style.textContent = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important;'
        + ' word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
      document.head.appendChild(style);
      const clipped = [];
      for (const el of document.querySelectorAll('body *')) {
        if (!el.textContent.trim()) continue;
        const cs = getComputedStyle(el);
        if (el.clientWidth <= 1 || el.clientHeight <= 1) continue;  // visually hidden on purpose
        const cutX = ['hidden', 'clip'].includes(cs.overflowX) && el.scrollWidth > el.clientWidth + 1;
        const cutY = ['hidden', 'clip'].includes(cs.overflowY) && el.scrollHeight > el.clientHeight + 1;
        if (cutX || cutY) clipped.push(__gateDescribe(el));
      }
      style.remove();
      return clipped.slice(0, 5);
    """)
    return [Finding("text-spacing", "text is cut off when line, letter and word spacing are increased", target)
            for target in found]


_FOCUS_STATE = _DESCRIBE + """
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  if (!el.dataset.gateStop) el.dataset.gateStop = String(Object.keys(window.__gateStops = window.__gateStops || {}).length);
  window.__gateStops[el.dataset.gateStop] = true;
  const r = el.getBoundingClientRect();
  const cs = getComputedStyle(el);
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1;
  const shadow = !!cs.boxShadow && cs.boxShadow !== 'none';
  function luminance(color) {
    const m = color.match(/[\\d.]+/g); if (!m) return null;
    const [r, g, b] = m.slice(0, 3).map(v => { v = v / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  function background(node) {
    while (node && node.nodeType === 1) {
      const bg = getComputedStyle(node).backgroundColor;
      if (bg && !bg.startsWith('rgba(0, 0, 0, 0)') && bg !== 'transparent') return bg;
      node = node.parentElement;
    }
    return 'rgb(255, 255, 255)';
  }
  let contrast = null;
  if (outline) {
    const a = luminance(cs.outlineColor), b = luminance(background(el.parentElement));
    if (a !== null && b !== null) contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }
  let textContrast = null;
  if (el.textContent.trim()) {
    const own = cs.backgroundColor && !cs.backgroundColor.startsWith('rgba(0, 0, 0, 0)') ? cs.backgroundColor : background(el);
    const a = luminance(cs.color), b = luminance(own);
    if (a !== null && b !== null) textContrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }
  // The middle of the first line box: a link that wraps has a bounding box over its neighbours' text.
  const line = el.getClientRects().length ? el.getClientRects()[0] : r;
  const x = Math.min(Math.max(line.left + line.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(line.top + Math.min(line.height / 2, 10), 0), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  const covered = !!hit && !(hit === el || el.contains(hit) || hit.contains(el));
  const offscreen = r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth;
  // An open modal dialog keeps focus inside it by design, until it is closed (WAI-ARIA's dialog pattern).
  const dialog = el.closest('[aria-modal="true"], dialog');
  const inModal = !!dialog && (dialog.getAttribute('aria-modal') === 'true' || dialog.matches(':modal'));
  return {id: el.dataset.gateStop, what: __gateDescribe(el), href: el.getAttribute('href'),
          outline, shadow, contrast, textContrast, covered, offscreen, inMain: !!el.closest('main'), inModal};
"""

_FOCUSABLE_COUNT = """
  const all = document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, [tabindex]');
  return Array.from(all).filter(el => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length
                                      && getComputedStyle(el).visibility !== 'hidden').length;
"""


COLOUR_SCHEMES = {
    "light": [{"name": "prefers-color-scheme", "value": "light"}],
    "dark": [{"name": "prefers-color-scheme", "value": "dark"}],
    "more contrast": [{"name": "prefers-contrast", "value": "more"}],
    "more contrast, dark": [{"name": "prefers-contrast", "value": "more"}, {"name": "prefers-color-scheme", "value": "dark"}],
}


def skip_target(driver, url: str, contrast) -> list[Finding]:
    """After the skip link, the focused target (main) must keep readable colours in every colour scheme.

    `contrast(driver)` runs axe's color-contrast rule on the page as it is and returns its violations."""
    driver.get(url)
    press(driver, Keys.TAB)
    if not (driver.execute_script("const a = document.activeElement; return a && a.getAttribute('href');") or "")\
            .startswith("#"):
        return []  # no skip link: keyboard() reports that
    press(driver, Keys.ENTER)
    findings = []
    try:
        for scheme, features in COLOUR_SCHEMES.items():
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": features})
            focused = driver.execute_script(_DESCRIBE + "return __gateDescribe(document.activeElement);")
            for violation in contrast(driver):
                targets = ", ".join(target_text(node["target"]) for node in violation["nodes"][:3])
                findings.append(Finding("skip-target-contrast", f"with {focused} focused by the skip link, in the "
                                        f"{scheme} colour scheme: {violation['help']}", targets))
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    return findings


# How long the keyboard walk waits for a page's own focus handling before it trusts that focus left the page.
SETTLE_MS = 250


def press(driver, key) -> None:
    # An ActionChains forgets its actions once performed: build one per key press.
    ActionChains(driver).send_keys(key).perform()


def keyboard(driver, url: str) -> list[Finding]:
    """A full Tab walk: skip link first and landing in main, focus always visible and unobscured, no trap."""
    findings = []
    driver.get(url)
    expected = driver.execute_script(_FOCUSABLE_COUNT)
    press(driver, Keys.TAB)
    first = driver.execute_script(_FOCUS_STATE)
    if not first or not (first["href"] or "").startswith("#"):
        findings.append(Finding("skip-link", "the first Tab stop is not a skip link", first["what"] if first else ""))
    else:
        target = driver.execute_script("return document.getElementById(arguments[0].slice(1)) ? true : false;",
                                       first["href"])
        press(driver, Keys.ENTER)
        landed = driver.execute_script(
            "const t = document.getElementById(location.hash.slice(1)); const a = document.activeElement;"
            "return !!t && (t.closest('main') !== null || t.querySelector('main') !== null)"
            " && (a === t || t.contains(a) || a === document.body);")
        if not target or not landed:
            findings.append(Finding("skip-link", f"the skip link {first['href']} does not lead into main", first["what"]))
        driver.get("about:blank")  # a real reload: from url#main to url would only move to the fragment
        driver.get(url)
        press(driver, Keys.TAB)
    seen: list[str] = []
    in_modal = False  # focus kept inside an open modal dialog: not a trap, the dialog's own closing ends it
    for _ in range(expected + 3):
        state = driver.execute_script(_FOCUS_STATE)
        if state is None:
            # A page's own script may pull focus back a moment later (a blur handler with a timer): look again
            # once it has had time to run before deciding that focus left the page.
            driver.execute_async_script("setTimeout(arguments[arguments.length - 1], arguments[0]);", SETTLE_MS)
            state = driver.execute_script(_FOCUS_STATE)
        if state is None:
            break  # focus left the page: the walk went all the way round
        if state["inModal"]:
            in_modal = True
        if seen and state["id"] == seen[-1]:
            if not state["inModal"]:
                findings.append(Finding("focus-trap", "Tab does not move focus on from here", state["what"]))
            break
        if state["id"] in seen:
            break
        seen.append(state["id"])
        if not (state["outline"] or state["shadow"]):
            findings.append(Finding("focus-visible", "the focused element shows no focus indicator", state["what"]))
        elif state["outline"] and state["contrast"] is not None and state["contrast"] < 3 and not state["shadow"]:
            findings.append(Finding("focus-visible", f"the focus outline has a contrast of {state['contrast']:.1f}:1, "
                                    "below 3:1", state["what"]))
        if state["textContrast"] is not None and state["textContrast"] < 4.5:
            findings.append(Finding("focus-contrast", f"focused text has a contrast of {state['textContrast']:.1f}:1, "
                                    "below 4.5:1", state["what"]))
        if state["covered"] or state["offscreen"]:
            findings.append(Finding("focus-obscured", "the focused element is hidden behind something or off screen",
                                    state["what"]))
        press(driver, Keys.TAB)
    if len(seen) < expected and not in_modal and not any(f.check == "focus-trap" for f in findings):
        findings.append(Finding("focus-trap", f"Tab reached {len(seen)} of {expected} focusable elements"))
    return findings


# Link texts that say nothing about where they lead, in the catalog's languages.
VAGUE_LINK_TEXTS = {
    "klik di sini", "klik disini", "di sini", "disini", "selengkapnya", "baca selengkapnya", "lihat", "tautan",
    "click here", "here", "read more", "more", "link", "this page",
    "klik ing kene", "ing kene", "kene", "luwih jangkep",
}


def link_text(driver) -> list[Finding]:
    """WCAG 2.4.4: a link's text must say where it leads, not just "click here"."""
    names = driver.execute_script(_DESCRIBE + """
      return Array.from(document.querySelectorAll('a[href]')).map(a =>
        [(a.getAttribute('aria-label') || a.textContent || '').trim().toLowerCase().replace(/[.!:]+$/, ''),
         __gateDescribe(a)]);
    """)
    return [Finding("link-text", f"the link text \u201c{name}\u201d does not say where it leads", target)
            for name, target in names if name in VAGUE_LINK_TEXTS]


# More labelled regions than this on one page is flagged: the landmark list is for finding the page's few large parts
# (banner, navigation, main, search, contentinfo), and every labelled section in it makes that list a second table of
# contents. Headings are what lists a page's sections.
REGION_LIMIT = 3


def regions(driver, limit: int = REGION_LIMIT) -> list[Finding]:
    """Best practice: no more than a few region landmarks (a section or role=region with an accessible name)."""
    count, targets = driver.execute_script(_DESCRIBE + """
      const text = el => (el ? el.textContent : '').trim();
      const named = el => (el.getAttribute('aria-label') || '').trim()
        || (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean)
             .map(id => text(document.getElementById(id))).join('')
        || (el.getAttribute('title') || '').trim();
      const found = Array.from(document.querySelectorAll('section, [role]')).filter(el => {
        const role = (el.getAttribute('role') || '').trim().split(/\\s+/)[0];
        if (role ? role !== 'region' : el.localName !== 'section') return false;
        return !!named(el) && el.getClientRects().length > 0;
      });
      return [found.length, found.slice(0, 5).map(__gateDescribe).join(' | ')];
    """)
    if count > limit:
        return [Finding("region-count", f"the page has {count} region landmarks (labelled sections); more than "
                        f"{limit} make the landmark list a second table of contents: leave sections unlabelled and "
                        "let their headings list them", targets)]
    return []


# WCAG 2.5.5 (AAA), held for the lists people tap through on a phone: 44 by 44 CSS pixels.
LIST_TARGET = 44


def list_targets(driver, size: int = LIST_TARGET) -> list[Finding]:
    """Every link that stands as an item of a list in the page's main part (the item's own link, or its heading's) is
    at least `size` by `size` CSS pixels: related programs, features, share links, agenda entries, cards. A link
    inside a sentence of the item is left out (WCAG's inline exception). A link whose ::after is stretched over its
    entry (the agenda's) counts that box, but only if a tap in its middle and near its edges reaches the link."""
    small = driver.execute_script(_DESCRIBE + """
      const size = arguments[0];
      const own = a => a.parentElement.localName === 'li'
          || (/^h[1-6]$/.test(a.parentElement.localName) && a.parentElement.parentElement.localName === 'li');
      const px = value => parseFloat(value) || 0;
      const target = a => {
        const after = getComputedStyle(a, '::after');
        const r = a.getBoundingClientRect();
        if (after.content === 'none' || after.position !== 'absolute') return [r, ''];
        const holder = getComputedStyle(a).position !== 'static' ? a : a.offsetParent;
        holder.scrollIntoView({block: 'center'});
        const h = holder.getBoundingClientRect();
        const box = new DOMRect(h.left + px(after.left), h.top + px(after.top),
                                h.width - px(after.left) - px(after.right), h.height - px(after.top) - px(after.bottom));
        const reach = (x, y) => { const hit = document.elementFromPoint(x, y); return hit && a.contains(hit); };
        const inset = 4;
        const points = [[box.left + box.width / 2, box.top + box.height / 2], [box.left + inset, box.top + inset],
                        [box.right - inset, box.bottom - inset]];
        const missed = points.filter(([x, y]) => !reach(x, y)).length;
        return missed ? [r, ` (its stretched box is covered at ${missed} of 3 points)`] : [box, ''];
      };
      const links = [...document.querySelectorAll('main li a[href]')].filter(a => own(a) && a.checkVisibility());
      const found = links.map(a => [a, ...target(a)])
        .filter(([a, r, why]) => why || r.width + 0.5 < size || r.height + 0.5 < size)
        .slice(0, 5).map(([a, r, why]) => __gateDescribe(a) + ` (${Math.round(r.width)} x ${Math.round(r.height)})` + why);
      window.scrollTo(0, 0);
      return found;
    """, size)
    return [Finding("list-target-size", f"a link in a list is smaller than {size} by {size} CSS pixels: hard to tap "
                    "on a phone for someone with a tremor or large fingers", target) for target in small]


def _text_length(driver) -> int:
    nodes = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
    return sum(len(str(n.get("name", {}).get("value", ""))) for n in nodes
               if n.get("role", {}).get("value") == "StaticText" and not n.get("ignored"))


def without_javascript(driver, url: str) -> list[Finding]:
    """The page must read in full with JavaScript off: compare what the accessibility tree holds."""
    with_js = _text_length(driver)
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        driver.get(url)
        without = _text_length(driver)
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    if with_js and without < 0.9 * with_js:
        return [Finding("javascript-off", f"with JavaScript off the page has {without} characters of text "
                        f"instead of {with_js}")]
    return []


def requests_made(driver) -> list[str]:
    """The address of every request the browser started since the last call (from its performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def policy_refusals(driver) -> list[Finding]:
    """What the page's own Content-Security-Policy refused since the last call: markup of ours that the policy
    stops (an inline style or script, a font from elsewhere) is a part of the page that silently does not work."""
    found = []
    for entry in driver.get_log("browser"):
        message = entry.get("message", "")
        if "Content Security Policy" in message:
            found.append(Finding("blocked-by-policy", message[:240]))
    return found


def _origin(url: str) -> tuple:
    parts = urlsplit(url)
    return parts.scheme, parts.hostname, parts.port


def other_origins(driver, base: str) -> list[Finding]:
    """Nothing a page loads may come from another origin: no tracking, no outside code, no slow third parties.

    Counts every request the browser started, also those the page's Content-Security-Policy then blocked.
    """
    own = _origin(base)
    found = []
    for url in requests_made(driver):
        if url.split(":", 1)[0] in ("data", "blob", "about", "chrome", "devtools"):
            continue
        if _origin(url) != own:
            found.append(Finding("other-origin-request", f"the page asks another origin for {url[:120]}"))
    return found
