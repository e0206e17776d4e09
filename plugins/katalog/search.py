"""What search can filter by, declared once: each filter's values for a program (written into its page for the
index) and every value in use (the search page's checkboxes), in a stable order. Labels are the pages' own, given by
the templates; here are codes only."""

from __future__ import annotations

import functools
import re

from .listings import FACETS, facet_values
from .model import MODES, Program

# The browsing facets search filters by too (not partners): their codes and order are the facet pages' own.
FACET_FILTERS = tuple(f for f in FACETS if f.name in ("category", "audience", "accessibility", "language", "location"))
# The filters with a fixed set of codes, in the order they are offered; a program's state is the model's.
FIXED_FILTERS = {"mode": MODES, "cost": ("free", "paid"), "status": ("open", "full", "past", "cancelled")}
# One word every program's index entry holds and nobody types: a search for it with no words typed lists every program
# (with the filters chosen) while fetching one small part of the word index. Pagefind's own search without words
# fetches every part of it, the whole index, which on a large catalog is most of a first search.
EVERY_PROGRAM = "katalogsemuaprogram"


def program_values(program: Program, vocabularies, now) -> dict[str, tuple[str, ...]]:
    """Every filter's codes for one program, in the order the search page offers the filters."""
    values = {facet.name: tuple(facet.values_of(program, vocabularies)) for facet in FACET_FILTERS}
    return {**values, "mode": (program.mode,), "cost": ("paid",) if program.cost else ("free",),
            "status": (program.state(now),)}


def values_in_use(items, vocabularies, now, program_of=lambda item: item.program) -> dict[str, list[str]]:
    """For each filter, the codes at least one program has, in the facet pages' order or the filter's fixed one."""
    used = {facet.name: [value.code for value in facet_values(facet, items, vocabularies, now, program_of)
                         if value.items] for facet in FACET_FILTERS}
    for name, order in FIXED_FILTERS.items():
        found = {code for item in items for code in program_values(program_of(item), vocabularies, now)[name]}
        used[name] = [code for code in order if code in found]
    return used


def is_upcoming(program: Program, now) -> bool:
    """What search ranks first: programs one can still join or wait for."""
    return program.state(now) in ("open", "full")


def compact_script(text: str) -> str:
    """The search page's script as sent: without its comment lines, indentation and blank lines, which are a fifth of
    its size. Only whole-line comments go; the script has no multi-line strings, where this would change meaning."""
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//")) + "\n"


# Words as the index splits them: letters, with inner hyphens (anak-anak) split too.
_WORD = re.compile(r"[^\W\d_]+")
# Words of letters and digits, for the words added for matching (BISINDO, 3D).
_TERM = re.compile(r"[^\W_]+")


@functools.cache
def _indonesian():
    """Sastrawi's dictionary-based stemmer (it knows that menulis and penulisan come from tulis), and the Snowball
    stemmer Pagefind runs on Indonesian pages and queries (which makes menulis "ulis", so that tulis misses it)."""
    import snowballstemmer
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer(), snowballstemmer.stemmer("indonesian")


def root_words(text: str) -> str:
    """The Indonesian root words of a text that search would otherwise miss, space-separated: a root whose stem
    differs from the stem of the affixed word in the text (tulis for menulis and penulisan; kirim for mengirim).
    Written into the page for the index only, so that a query for the root finds every affixed form."""
    roots, snowball = _indonesian()
    words = {word.lower() for word in _WORD.findall(text)}
    found = set()
    for word in words:
        root = roots.stem(word)
        if root and root != word and root not in words and snowball.stemWord(root) != snowball.stemWord(word):
            found.add(root)
    return " ".join(sorted(found))


def matching_words(phrases, indexed_text: str) -> str:
    """The words of `phrases` (labels, search words, root words) that the indexed text does not already hold, once
    each, space-separated: what a page adds to the index for matching only (Pagefind metadata, never shown)."""
    held = {word.casefold() for word in _TERM.findall(indexed_text)}
    kept: dict[str, str] = {}
    for phrase in phrases:
        for word in _TERM.findall(phrase or ""):
            key = word.casefold()
            if len(word) > 1 and not word.isdigit() and key not in held and key not in kept:
                kept[key] = word
    return " ".join(kept.values())


def known_words(texts, least: int = 3) -> list[str]:
    """The words search can suggest when nothing matches (a typo: "komputr", "lansai"): every word of at least `least`
    letters in the texts given (the indexed text of each program and page, the vocabularies' labels and search
    words), lower-cased, the most frequent first, then in alphabetical order."""
    counts: dict[str, int] = {}
    for text in texts:
        for word in _WORD.findall(text or ""):
            if len(word) >= least:
                key = word.casefold()
                counts[key] = counts.get(key, 0) + 1
    return sorted(counts, key=lambda word: (-counts[word], word))
