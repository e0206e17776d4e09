"""Checks of what a page's markup says against what it shows, beyond axe: links that open a new window without
saying so, a focus order that the layout contradicts, text that looks like a heading or a list but is not one,
form fields that leave out what a person needs to fill them in, and instructions that rely on colour, shape or
position alone. Each reads the page as it is in the browser (computed styles, label texts) in one script."""

from __future__ import annotations

from .checks import _DESCRIBE, Finding

# Words that say a link opens a new window or tab, in the catalog's languages (lower case).
NEW_WINDOW_WORDS = ("jendela baru", "tab baru", "new window", "new tab", "jendela anyar", "tab anyar",
                    "jendhela anyar")

# Words that say a field must be filled in, besides a "*" that a legend or the form explains.
REQUIRED_WORDS = ("wajib", "harus diisi", "required", "must be filled", "kudu diisi", "kudu", "perlu diisi")

# A field that asks for personal data, by its type, name, id or label: it needs autocomplete (WCAG 1.3.5).
PERSONAL_DATA = ("name", "nama", "email", "e-mail", "surel", "tel", "phone", "telepon", "telp", "hp", "whatsapp",
                 "address", "alamat", "postal", "kode pos", "zip", "birthday", "tanggal lahir", "bday", "jeneng",
                 "organization", "organisasi")

# An instruction that points at something by how it looks or where it is (WCAG 1.3.3): a word for a control or an
# action, with a colour, a shape or a side in the same sentence, per language. "Above" and "below" are left out:
# they follow the reading order, which a screen reader keeps.
SENSORY = {
    "id": {"control": ("klik", "tekan", "pilih", "tombol", "ikon", "tautan", "sentuh", "ketuk"),
           "sense": ("merah", "hijau", "biru", "kuning", "oranye", "ungu", "bulat", "persegi", "segitiga",
                     "sebelah kanan", "sebelah kiri", "di kanan", "di kiri", "pojok")},
    "en": {"control": ("click", "press", "select", "button", "icon", "link", "tap"),
           "sense": ("red", "green", "blue", "yellow", "orange", "purple", "round", "square", "triangle",
                     "on the right", "on the left", "to the right", "to the left", "corner")},
    "jv": {"control": ("klik", "pencet", "pilih", "tombol", "ikon", "tautan", "demok"),
           "sense": ("abang", "ijo", "biru", "kuning", "bunder", "kothak", "tengen", "kiwa")},
}

# Each check's WCAG 2.2 success criteria, for the report.
CRITERIA = {
    "new-window": ["3.2.5"],
    "focus-order": ["2.4.3", "1.3.2"],
    "fake-heading": ["1.3.1"],
    "fake-list": ["1.3.1"],
    "placeholder-label": ["3.3.2", "1.3.1"],
    "required-in-text": ["3.3.2"],
    "error-not-tied": ["3.3.1", "1.3.1"],
    "autocomplete-missing": ["1.3.5"],
    "sensory-instructions": ["1.3.3"],
}

_SCRIPT = _DESCRIBE + """
const [newWindowWords, requiredWords, personal, sensory] = arguments;
const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
const text = el => (el ? el.textContent : '').replace(/\\s+/g, ' ').trim();
const byIds = ids => (ids || '').split(/\\s+/).filter(Boolean).map(id => text(document.getElementById(id))).join(' ');
const has = (words, value) => words.some(w => value.includes(w));
const found = [];
const add = (check, message, el) => { if (found.length < 40) found.push([check, message, el ? __gateDescribe(el) : '']); };

// Links to a new window or tab that do not say so.
for (const a of document.querySelectorAll('a[href][target], area[href][target]')) {
  const target = a.getAttribute('target').trim().toLowerCase();
  if (!target || ['_self', '_parent', '_top'].includes(target) || !shown(a)) continue;
  const said = [a.getAttribute('aria-label'), text(a), a.getAttribute('title'), byIds(a.getAttribute('aria-describedby')),
                Array.from(a.querySelectorAll('img[alt]')).map(i => i.alt).join(' ')].join(' ').toLowerCase();
  if (!has(newWindowWords, said)) add('new-window', 'the link opens a new window or tab without saying so in its text', a);
}

// A focus order that the layout contradicts.
const focusable = Array.from(document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, [tabindex]'))
  .filter(el => !el.disabled && shown(el));
for (const el of focusable) {
  if (el.tabIndex > 0) add('focus-order', `tabindex=${el.getAttribute('tabindex')} puts this first in the Tab order, before what comes earlier on the page`, el);
}
const styles = new Map();
const style = el => { let s = styles.get(el); if (!s) { s = getComputedStyle(el); styles.set(el, s); } return s; };
const reordered = new Set();
for (const el of focusable) {
  for (let node = el; node.parentElement && node.parentElement !== document.body; node = node.parentElement) {
    const parent = node.parentElement, cs = style(parent);
    if (!(cs.display.includes('flex') || cs.display.includes('grid'))) continue;
    if (style(node).order !== '0' || /reverse/.test(cs.flexDirection) || /reverse/.test(cs.flexWrap)) {
      if (reordered.has(parent) || parent.querySelectorAll('a[href], button, input, select, textarea, [tabindex]').length > 1) {
        reordered.add(parent);
        add('focus-order', 'CSS order or a reversed direction shows this in another place than its place in the Tab order', el);
        break;
      }
    }
  }
}

// Positioned elements (absolute, fixed) shown above what comes before them in the Tab order.
const positioned = el => { for (let n = el; n && n !== document.body; n = n.parentElement) {
  if (['absolute', 'fixed'].includes(style(n).position)) return true; } return false; };
const boxes = focusable.map(el => [el, el.getClientRects()[0]])
  .filter(([el, r]) => r && r.width && r.height && r.top >= 0 && r.left >= 0 && r.bottom <= document.documentElement.scrollHeight);
for (let i = 1; i < boxes.length; i++) {
  const [a, ra] = boxes[i - 1], [b, rb] = boxes[i];
  if (rb.bottom < ra.top - 4 && (positioned(a) || positioned(b)) && !a.contains(b) && !b.contains(a)) {
    add('focus-order', 'positioned above what comes before it in the Tab order, so focus jumps back up the page', b);
    break;
  }
}

// Text that looks like a heading: a short line of bold or large text alone in its block, with text after it.
const headingLike = el => {
  const t = text(el);
  if (!t || t.length > 80 || t.split(' ').length > 10 || /[.,;:]$/.test(t) && !/:$/.test(t)) return false;
  if (el.closest('h1,h2,h3,h4,h5,h6,[role=heading],label,legend,button,a,th,caption,summary,dt,li,td,nav,header,footer,figcaption,table,form')) return false;
  const weights = Array.from(el.querySelectorAll('*')).concat([el]).filter(n => Array.from(n.childNodes).some(c => c.nodeType === 3 && c.textContent.trim()));
  if (!weights.length) return false;
  const bold = weights.every(n => parseInt(getComputedStyle(n).fontWeight, 10) >= 600);
  const parentSize = parseFloat(getComputedStyle(el.parentElement || el).fontSize);
  const large = parseFloat(getComputedStyle(el).fontSize) >= 1.25 * parentSize;
  return bold || large;
};
for (const el of document.querySelectorAll('p, div')) {
  const next = el.nextElementSibling;
  if (!next || !['P', 'UL', 'OL'].includes(next.tagName) || el.children.length > 3) continue;
  const own = text(el);
  if (!own || own.length > 80 || text(next).length <= own.length) continue;
  if (el.querySelector('p, div, ul, ol, table, h1, h2, h3, h4, h5, h6') || !shown(el)) continue;
  if (headingLike(el)) {
    add('fake-heading', `\u201c${text(el).slice(0, 60)}\u201d looks like a heading but is not marked up as one`, el);
  }
}

// Text that looks like a list: two or more lines in a row starting with a bullet or a number.
const marker = /^\\s*(?:[-\u2022\u2023\u25e6\u2043*\u00b7]|\\d{1,2}[.)])\\s+\\S/;
const anyMarker = /(?:^|\\s)(?:[-\u2022\u2023\u25e6\u2043*\u00b7]|\\d{1,2}[.)])\\s+\\S/;
for (const el of document.querySelectorAll('p, div, td')) {
  if (!el.querySelector('br') || !anyMarker.test(el.textContent)) continue;  // lines need a break between them
  if (el.querySelector('p, div, ul, ol') || el.closest('ul, ol, pre, code') || !shown(el)) continue;
  const lines = el.innerText.split('\\n').filter(l => l.trim());
  let run = 0, most = 0;
  for (const line of lines) { run = marker.test(line) ? run + 1 : 0; most = Math.max(most, run); }
  if (most >= 2) add('fake-list', 'lines starting with a bullet or a number look like a list but are not marked up as one', el);
}
const paragraphs = Array.from(document.querySelectorAll('p')).filter(p => marker.test(p.textContent) && !p.closest('ul, ol'));
for (let i = 1; i < paragraphs.length; i++) {
  const a = paragraphs[i - 1], b = paragraphs[i];
  if (a.nextElementSibling === b && shown(a) && shown(b) && !a.querySelector('br')) {
    add('fake-list', 'paragraphs starting with a bullet or a number look like a list but are not marked up as one', a);
    i++;
  }
}

// Form fields.
const labelOf = field => {
  const parts = [field.getAttribute('aria-label'), byIds(field.getAttribute('aria-labelledby')), field.getAttribute('title')];
  for (const label of field.labels || []) parts.push(text(label));
  return parts.filter(Boolean).join(' ').trim();
};
for (const field of document.querySelectorAll('input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]), select, textarea')) {
  if (!shown(field)) continue;
  const label = labelOf(field), lower = label.toLowerCase();
  const described = byIds(field.getAttribute('aria-describedby')).toLowerCase();
  if (!label && field.getAttribute('placeholder')) add('placeholder-label', 'the field\u2019s only label is its placeholder, which goes away as soon as one types', field);
  if ((field.required || field.getAttribute('aria-required') === 'true') && label
      && !label.includes('*') && !has(requiredWords, lower) && !has(requiredWords, described)) {
    add('required-in-text', 'the field must be filled in, but its label does not say so', field);
  }
  if (field.getAttribute('aria-invalid') === 'true' && !described && !byIds(field.getAttribute('aria-errormessage'))) {
    add('error-not-tied', 'the field is marked invalid, but no error message is tied to it (aria-describedby)', field);
  }
  const type = (field.getAttribute('type') || '').toLowerCase();
  const about = [type, field.name, field.id, lower].join(' ').toLowerCase();
  if (!field.getAttribute('autocomplete') && type !== 'search' && type !== 'password'
      && (['email', 'tel'].includes(type) || personal.some(w => new RegExp('(^|[^a-z])' + w + '($|[^a-z])').test(about)))) {
    add('autocomplete-missing', 'the field asks for personal data but has no autocomplete attribute', field);
  }
}

// Instructions that rely on colour, shape or position.
const senses = Object.values(sensory).flatMap(w => w.sense);
for (const el of document.querySelectorAll('p, li, td, dd, label, legend, figcaption')) {
  const lowered = el.textContent.toLowerCase();
  if (!senses.some(s => lowered.includes(s)) || !shown(el)) continue;
  const lang = ((el.closest('[lang]') || document.documentElement).getAttribute('lang') || '').slice(0, 2).toLowerCase();
  const words = sensory[lang];
  if (!words) continue;
  for (const sentence of text(el).toLowerCase().split(/(?<=[.!?])\\s+/)) {
    const w = ' ' + sentence.replace(/[^\\p{L}\\p{N} ]/gu, ' ') + ' ';
    const hit = list => list.find(x => w.includes(' ' + x + ' '));
    const control = hit(words.control), sense = hit(words.sense);
    if (control && sense) { add('sensory-instructions', `\u201c${sentence.slice(0, 80)}\u201d points at something by ${sense} alone`, el); break; }
  }
}
return found;
"""


def markup(driver) -> list[Finding]:
    """Every check of this module on the page as it is now."""
    sensory = {lang: {"control": list(w["control"]), "sense": list(w["sense"])} for lang, w in SENSORY.items()}
    rows = driver.execute_script(_SCRIPT, list(NEW_WINDOW_WORDS), list(REQUIRED_WORDS), list(PERSONAL_DATA), sensory)
    return [Finding(check, message, target) for check, message, target in rows or ()]
