"""What search can filter by, declared once: each filter's values for a program (written into its page for the
index) and every value in use (the search page's checkboxes), in a stable order. Labels are the pages' own, given by
the templates; here are codes only."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .listings import effective_features
from .model import MODES, ONLINE, Program

# A program's state as search shows it: the two ways of being over read the same.
STATES = ("open", "full", "past", "cancelled")
COSTS = ("free", "paid")


@dataclass(frozen=True)
class SearchFilter:
    """One group of checkboxes on the search page, and the name of the filter in the index."""

    name: str
    vocabulary: str | None = None  # codes from a vocabulary in content/data, labelled from it
    order: tuple[str, ...] = ()  # otherwise this fixed order


FILTERS = (
    SearchFilter("category", "categories"),
    SearchFilter("audience", "audiences"),
    SearchFilter("accessibility", "accessibility"),
    SearchFilter("language", "languages"),
    SearchFilter("location", "locations"),
    SearchFilter("mode", order=MODES),
    SearchFilter("cost", order=COSTS),
    SearchFilter("status", order=STATES),
)


def state_of(program: Program, today) -> str:
    state = program.state(today)
    return "past" if state == "finished" else state


def program_values(program: Program, vocabularies, today) -> dict[str, tuple[str, ...]]:
    """Every filter's codes for one program. A hybrid program is at its place and online, as on the location pages."""
    return {
        "category": (program.category,),
        "audience": tuple(program.audiences),
        "accessibility": effective_features(program, vocabularies),
        "language": tuple(program.languages),
        "location": (program.location, ONLINE) if program.mode == "hybrid" else (program.location,),
        "mode": (program.mode,),
        "cost": ("paid",) if program.cost else ("free",),
        "status": (state_of(program, today),),
    }


def values_in_use(programs, vocabularies, today) -> dict[str, list[str]]:
    """For each filter, the codes at least one program has: in the vocabulary's order (online last among places)
    or the filter's fixed order."""
    found: dict[str, set[str]] = {f.name: set() for f in FILTERS}
    for program in programs:
        for name, codes in program_values(program, vocabularies, today).items():
            found[name].update(codes)
    ordered = {}
    for spec in FILTERS:
        order = list(vocabularies[spec.vocabulary].entries) + [ONLINE] if spec.vocabulary else list(spec.order)
        ordered[spec.name] = sorted(found[spec.name], key=lambda code: (order.index(code) if code in order
                                                                        else len(order), code))
    return ordered


def is_upcoming(program: Program, today) -> bool:
    """What search ranks first: programs one can still join or wait for."""
    return state_of(program, today) in ("open", "full")


def compact_script(text: str) -> str:
    """The search page's script as sent: without its comment lines, indentation and blank lines, which are a fifth of
    its size. Only whole-line comments go; the script has no multi-line strings, where this would change meaning."""
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//")) + "\n"


# Words as the index splits them: letters, with inner hyphens (anak-anak) split too.
_WORD = re.compile(r"[^\W\d_]+")


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
