"""Checks of what a page does, beyond axe: content that moves, blinks or updates by itself without a way to pause
it, animation that goes on when the reader asks for reduced motion, text cut off or on top of other text when only
the text is zoomed to 200%, and content that appears on focus and cannot be dismissed."""

from __future__ import annotations

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from .checks import _DESCRIBE, Finding, press

CRITERIA = {
    "moving-content": ["2.2.2"],
    "auto-update": ["2.2.2"],
    "reduced-motion": ["2.3.3"],
    "text-zoom-clipped": ["1.4.4"],
    "text-zoom-overlap": ["1.4.4"],
    "focus-content-dismiss": ["1.4.13"],
    "hover-content": ["1.4.13"],
}

# Names of a control that pauses, stops or hides moving content, in the catalog's languages (lower case).
PAUSE_WORDS = ("jeda", "hentikan", "berhenti", "stop", "pause", "sembunyikan", "hide", "mandheg", "leren", "ndhelikake")

# Watches, from before the page's own scripts, how often the page changes its own text after it has loaded (for
# the auto-update check). The gate's own checks change styles only, not text.
TEXT_WATCH = """
(() => {
  const times = [];
  Object.defineProperty(window, '__gateTextChanges', {value: times});
  const start = () => {
    const loaded = performance.now();
    new MutationObserver(records => {
      for (const r of records) {
        const node = r.type === 'characterData' ? r.target.parentElement : r.target;
        if (!node || node.closest && node.closest('head, script, style')) continue;
        const added = r.type === 'childList' && Array.from(r.addedNodes).some(n => (n.textContent || '').trim());
        if (r.type === 'characterData' || added) { times.push(Math.round(performance.now() - loaded)); break; }
      }
    }).observe(document.documentElement, {subtree: true, childList: true, characterData: true});
  };
  addEventListener('load', () => setTimeout(start, 0));
})();
"""

_PAUSE_CONTROL = """
  const words = arguments[0];
  return Array.from(document.querySelectorAll('button, [role=button], input[type=button], input[type=checkbox], a[href]'))
    .some(el => words.some(w => ((el.getAttribute('aria-label') || '') + ' ' + el.textContent + ' ' + (el.value || ''))
                                   .toLowerCase().includes(w)));
"""

_MOVING = _DESCRIBE + """
  const found = [];
  for (const el of document.querySelectorAll('marquee, blink')) found.push([el.localName, __gateDescribe(el)]);
  for (const animation of document.getAnimations()) {
    const timing = animation.effect && animation.effect.getComputedTiming ? animation.effect.getComputedTiming() : {};
    const long = timing.iterations === Infinity || (timing.endTime || 0) > 5000;
    const target = animation.effect && animation.effect.target;
    if (animation.playState === 'running' && long && target && target.getClientRects().length) {
      found.push([animation.animationName || 'animation', __gateDescribe(target)]);
    }
  }
  return found.slice(0, 5);
"""


def motion(driver) -> list[Finding]:
    """WCAG 2.2.2: content that moves or blinks for more than 5 s, or updates by itself, needs a way to pause it.
    WCAG 2.3.3: with reduced motion asked for (prefers-reduced-motion: reduce), nothing keeps moving."""
    moving_now = driver.execute_script(_MOVING)
    found = []
    if moving_now:  # only then is it worth restyling the page for the reduced-motion preference
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                               {"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]})
        try:
            still = driver.execute_script(_MOVING)
        finally:
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
        found += [Finding("reduced-motion", f"{name} keeps moving when the reader asks for reduced motion", target)
                  for name, target in still if name not in ("marquee", "blink")]
    changes = driver.execute_script("return window.__gateTextChanges || []") or []
    updating = len(changes) >= 3 and len({c // 250 for c in changes}) >= 2
    if (moving_now or updating) and not driver.execute_script(_PAUSE_CONTROL, list(PAUSE_WORDS)):
        found += [Finding("moving-content", f"{name} moves or blinks for more than 5 seconds and the page has no "
                          "control to pause, stop or hide it", target) for name, target in moving_now]
        if updating:
            found.append(Finding("auto-update", f"the page changed its own text {len(changes)} times after loading "
                                 "and has no control to pause, stop or hide the updates"))
    return found


_TEXT_ZOOM = _DESCRIBE + """
  const all = Array.from(document.querySelectorAll('body, body *'));
  const texts = all.filter(el => Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()))
                   .slice(0, 2000);
  const cut = box => {
    const cs = getComputedStyle(box);
    return (['hidden', 'clip'].includes(cs.overflowX) && box.scrollWidth > box.clientWidth + 1)
        || (['hidden', 'clip'].includes(cs.overflowY) && box.scrollHeight > box.clientHeight + 1);
  };
  const boxes = el => {
    const found = [];
    for (let box = el; box && box !== document.body; box = box.parentElement) {
      if (box.clientWidth <= 1 || box.clientHeight <= 1) return [];  // visually hidden on purpose
      found.push(box);
    }
    return found;
  };
  // The line boxes of each element's own text, as [element index, left, top, right, bottom], top to bottom.
  // Text nobody sees: clipped away (the visually-hidden pattern) or in a box of a pixel that hides its overflow.
  const unseen = el => {
    for (let box = el; box && box !== document.body; box = box.parentElement) {
      const cs = getComputedStyle(box);
      if (cs.visibility === 'hidden' || parseFloat(cs.opacity) === 0) return true;
      if (cs.clip && cs.clip !== 'auto' && ['absolute', 'fixed'].includes(cs.position)) return true;
      if (cs.clipPath && cs.clipPath !== 'none') return true;
      const r = box.getBoundingClientRect();
      if ((['hidden', 'clip'].includes(cs.overflowX) || ['hidden', 'clip'].includes(cs.overflowY))
          && (r.width <= 1 || r.height <= 1)) return true;
    }
    return false;
  };
  const lines = () => {
    const found = [];
    texts.forEach((el, i) => {
      if (unseen(el)) return;
      for (const node of el.childNodes) {
        if (node.nodeType !== 3 || !node.textContent.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects())
          if (r.width > 2 && r.height > 2) found.push([i, r.left, r.top, r.right, r.bottom]);
      }
    });
    return found.sort((a, b) => a[2] - b[2]);
  };
  // Pairs of elements whose lines of text lie on top of each other (an element with itself when its own lines do):
  // more than a quarter of the smaller line's height and more than a few pixels across.
  const overlaps = () => {
    const pairs = new Map(), open = [];
    for (const b of lines()) {
      for (let k = open.length - 1; k >= 0; k--) if (open[k][4] <= b[2]) open.splice(k, 1);
      for (const a of open) {
        const wide = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
        const high = Math.min(a[4], b[4]) - Math.max(a[2], b[2]);
        if (wide > 3 && high > 0.25 * Math.min(a[4] - a[2], b[4] - b[2])) {
          const key = Math.min(a[0], b[0]) + ' ' + Math.max(a[0], b[0]);
          if (!pairs.has(key)) pairs.set(key, [a[0], b[0]]);
        }
      }
      open.push(b);
      if (pairs.size > 200) break;
    }
    return pairs;
  };
  // What is already cut off or on top of other text at 100% (an ellipsis, a badge over a picture) is not the
  // zoom's doing.
  const before = new Set(texts.flatMap(boxes).filter(cut));
  const overlapBefore = overlaps();
  // Text-only zoom: every element's font size doubled, in pixels, from the sizes it had before.
  const sizes = all.map(el => getComputedStyle(el).fontSize);
  const inline = all.map(el => el.style.getPropertyValue('font-size'));
  all.forEach((el, i) => el.style.setProperty('font-size', (parseFloat(sizes[i]) * 2) + 'px', 'important'));
  const clipped = [];
  for (const el of texts) {
    const box = boxes(el).find(b => !before.has(b) && cut(b));
    if (box) clipped.push(__gateDescribe(box));
    if (clipped.length >= 5) break;
  }
  const overlapping = [];
  for (const [key, [i, j]] of overlaps()) {
    if (overlapBefore.has(key)) continue;
    overlapping.push(i === j ? __gateDescribe(texts[i]) : __gateDescribe(texts[i]) + ' / ' + __gateDescribe(texts[j]));
    if (overlapping.length >= 5) break;
  }
  all.forEach((el, i) => inline[i] ? el.style.setProperty('font-size', inline[i]) : el.style.removeProperty('font-size'));
  return {clipped: Array.from(new Set(clipped)), overlapping};
"""


def text_zoom(driver) -> list[Finding]:
    """WCAG 1.4.4: with only the text zoomed to 200% (every font size doubled), no text is cut off by a box and
    no text lies on top of other text."""
    found = driver.execute_script(_TEXT_ZOOM)
    return [Finding("text-zoom-clipped", "with the text zoomed to 200%, text is cut off by a box that hides its "
                    "overflow", target) for target in found["clipped"]] + \
           [Finding("text-zoom-overlap", "with the text zoomed to 200%, text lies on top of other text (a box of "
                    "fixed height, or a line height in pixels)", target) for target in found["overlapping"]]


_SHOWN_POPUPS = """
  return Array.from(document.querySelectorAll('body *')).filter(el => {
    const cs = getComputedStyle(el);
    return ['absolute', 'fixed'].includes(cs.position) && el.getClientRects().length && cs.visibility !== 'hidden'
           && parseFloat(cs.opacity) > 0 && el.textContent.trim();
  });
"""


def focus_content(driver, limit: int = 25) -> list[Finding]:
    """WCAG 1.4.13: content that appears when something gets focus can be dismissed with Escape, focus staying."""
    found = []
    count = driver.execute_script("return document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]').length")
    for index in range(min(count, limit)):
        shown = driver.execute_script("""
          const el = document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')[arguments[0]];
          if (!el || el.disabled || !el.getClientRects().length) return null;
          const before = new Set((() => {""" + _SHOWN_POPUPS + """})());
          el.focus();
          if (document.activeElement !== el) return null;
          const appeared = (() => {""" + _SHOWN_POPUPS + """})().filter(p => !before.has(p) && !p.contains(el));
          window.__gatePopups = appeared;
          return appeared.length;
        """, index)
        if not shown:
            continue
        press(driver, Keys.ESCAPE)
        left = driver.execute_script(_DESCRIBE + """
          const still = (window.__gatePopups || []).filter(p => {
            const cs = getComputedStyle(p);
            return p.isConnected && p.getClientRects().length && cs.visibility !== 'hidden' && parseFloat(cs.opacity) > 0;
          });
          return still.length ? __gateDescribe(still[0]) : '';
        """)
        if left:
            found.append(Finding("focus-content-dismiss", "content that appears on focus stays after Escape", left))
        driver.execute_script("document.activeElement && document.activeElement.blur && document.activeElement.blur()")
        if len(found) >= 3:
            break
    return found


# Elements that show something when the pointer is over them: the part before ":hover" of every same-origin style
# rule that changes display, visibility or opacity on hover.
_HOVER_TARGETS = """
  const found = new Set();
  const visit = rules => { for (const rule of rules) {
    if (rule.cssRules && !rule.selectorText) { visit(rule.cssRules); continue; }
    if (!rule.selectorText || !rule.selectorText.includes(':hover')) continue;
    if (!['display', 'visibility', 'opacity'].some(p => rule.style.getPropertyValue(p))) continue;
    for (const part of rule.selectorText.split(',')) {
      const before = part.split(':hover')[0].trim();
      if (!before) continue;
      try { document.querySelectorAll(before).forEach(el => { if (el.getClientRects().length) found.add(el); }); } catch (e) {}
    }
  } };
  for (const sheet of document.styleSheets) { try { visit(sheet.cssRules); } catch (e) {} }
  return Array.from(found).slice(0, arguments[0]);
"""


def hover_content(driver, limit: int = 10) -> list[Finding]:
    """WCAG 1.4.13: content that appears on hover can be dismissed with Escape and stays while the pointer moves
    onto it."""
    found = []
    for target in driver.execute_script(_HOVER_TARGETS, limit):
        driver.execute_script("window.__gateBefore = new Set((() => {" + _SHOWN_POPUPS + "})());")
        try:
            ActionChains(driver).move_to_element(target).perform()
        except Exception:  # noqa: BLE001 - an element that cannot be pointed at shows nothing to check
            continue
        appeared = driver.execute_script("window.__gatePopups = (() => {" + _SHOWN_POPUPS + "})()"
                                         ".filter(p => !window.__gateBefore.has(p) && !p.contains(arguments[0]));"
                                         "return window.__gatePopups.length ? window.__gatePopups[0] : null;", target)
        if appeared is None:
            continue
        what = driver.execute_script(_DESCRIBE + "return __gateDescribe(arguments[0]);", appeared)
        try:
            ActionChains(driver).move_to_element(appeared).perform()
            stays = driver.execute_script(_STILL_SHOWN, appeared)
        except Exception:  # noqa: BLE001 - gone before the pointer got there
            stays = False
        if not stays:
            found.append(Finding("hover-content", "content that appears on hover goes away when the pointer moves "
                                 "onto it", what))
        else:
            press(driver, Keys.ESCAPE)
            if driver.execute_script(_STILL_SHOWN, appeared):
                found.append(Finding("hover-content", "content that appears on hover stays after Escape", what))
        ActionChains(driver).move_by_offset(0, 0).perform()
        driver.execute_script("window.scrollTo(0, 0)")
        if len(found) >= 3:
            break
    return found


_STILL_SHOWN = """
  const p = arguments[0], cs = getComputedStyle(p);
  return p.isConnected && p.getClientRects().length > 0 && cs.visibility !== 'hidden' && parseFloat(cs.opacity) > 0;
"""
