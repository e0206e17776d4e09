"""Vocabularies and reference data that librarians keep in content/data/*.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import langcodes

from .forms import markup_params
from .i18n import Msg, N_
from .frontmatter import Mapping, SourceError, Text, decode, parse_yaml
from .limits import DEFAULT_LIMITS, Limits
from .files import SLUG, slugify
from .messages import Problem


class Localized(dict):
    """A text in several languages; asking for a missing language falls back along a chain."""

    def get_text(self, lang: str, fallbacks: tuple[str, ...] = ()) -> str:
        for candidate in (lang, *fallbacks):
            if self.get(candidate):
                return self[candidate]
        return next(iter(self.values()), "")


# Each data file: what it holds, its file name, and what its entries carry.
VOCABULARIES = {
    "categories": N_("kategori"),
    "audiences": N_("sasaran peserta"),
    "accessibility": N_("fitur aksesibilitas"),
    "languages": N_("bahasa"),
    "partners": N_("mitra"),
    "locations": N_("lokasi"),
}

# The lists a program cannot do without, and a first line for each data file (shown when one is missing).
REQUIRED_VOCABULARIES = ("categories", "audiences", "languages", "locations")
VOCABULARY_EXAMPLES = {
    "categories": "literasi-digital: Literasi digital",
    "audiences": "umum: Umum",
    "accessibility": "akses-kursi-roda: Akses kursi roda",
    "languages": "id: Bahasa Indonesia",
    "partners": "puskesmas-sukamaju: {name: Puskesmas Sukamaju}",
    "locations": "perpustakaan: {name: Perpustakaan Desa Sukamaju, address: Jl. Merdeka No. 1, timezone: Asia/Jakarta}",
}


@dataclass
class Entry:
    """One value of a vocabulary, or one partner or location."""

    code: str
    label: Localized
    description: Localized = field(default_factory=Localized)
    line: int = 0
    details: dict = field(default_factory=dict)
    search: dict[str, tuple[str, ...]] = field(default_factory=dict)  # language: the words people search it by

    def search_words(self, lang: str, fallbacks: tuple[str, ...] = ()) -> tuple[str, ...]:
        """The words people type when they look for this value, in a language (or the first fallback that has some)."""
        for candidate in (lang, *fallbacks):
            if self.search.get(candidate):
                return self.search[candidate]
        return ()


@dataclass
class Vocabulary:
    name: str
    data_file: str
    entries: dict[str, Entry] = field(default_factory=dict)

    def __contains__(self, code) -> bool:
        return code in self.entries

    def __getitem__(self, code) -> Entry:
        return self.entries[code]

    def noun(self) -> Msg:
        return Msg(VOCABULARIES[self.name])


# `search:` on any entry of a data file: the words people type when they look for it, beside its label. What it
# accepts and the hint that explains it, once (the check, the guides and the data files' comments say the same).
SEARCH_WORDS_FORMS = N_("kata-kata dipisah koma, satu baris per bahasa (id, en, jv, ...), atau satu baris untuk bahasa "
                        "utama")
SEARCH_WORDS_EXAMPLE = "search: {id: [kursi roda, pengguna kursi roda, wheelchair], en: [wheelchair, wheelchair user]}"


def search_words(value, main_lang: str) -> dict[str, tuple[str, ...]] | None:
    """`search:` as language: words, or None when it has another shape. A text is split at commas (and semicolons);
    a list gives one phrase per item; a mapping gives either for each language."""
    def phrases(words) -> tuple[str, ...] | None:
        if isinstance(words, str):
            words = re.split(r"[,;]", words)
        elif not isinstance(words, list) or not all(isinstance(w, (str, int)) for w in words):
            return None
        kept = []
        for word in (" ".join(str(w).split()) for w in words):
            if word and word.casefold() not in {k.casefold() for k in kept}:
                kept.append(word)
        return tuple(kept)

    if value is None:
        return {}
    if isinstance(value, dict):  # as read from YAML (a Mapping) or given by the build
        # A key that is no language is words lost to a comma inside {...}: said, not dropped.
        if not all(langcodes.tag_is_valid(str(lang)) for lang in value):
            return None
        found = {str(lang): phrases(words if words is not None else []) for lang, words in value.items()}
        return None if any(words is None for words in found.values()) else found
    words = phrases(value)
    return None if words is None else {main_lang: words}


def localized(value, main_lang: str) -> Localized:
    """A YAML value that is either one text for every language or a mapping of language to text."""
    if value is None:
        return Localized()
    if isinstance(value, Mapping):
        return Localized({str(k): str(v).strip() for k, v in value.items() if v is not None})
    return Localized({main_lang: str(value).strip()})


def read_data_tree(path: Path, shown: str, problems: list[Problem], limits: Limits = DEFAULT_LIMITS) -> Mapping | None:
    """A data file's YAML mapping with its lines, or None (missing, or unreadable: then reported in `problems`)."""
    if not path.is_file() or path.is_symlink():
        return None  # a link is reported by the content folder's own check
    findings = []
    try:
        if path.stat().st_size > 4 * limits.data_file_chars:
            raise SourceError("data_file_too_long", 1, str(limits.data_file_chars))
        text = decode(path.read_bytes())
        if len(text) > limits.data_file_chars:
            raise SourceError("data_file_too_long", 1, str(limits.data_file_chars))
        tree = parse_yaml(text, limits=limits, findings=findings)
    except SourceError as error:
        problems.append(Problem(shown, error.line, None, error.code, {"detail": error.detail, "value": error.value}))
        return None
    for finding in findings:
        problems.append(Problem(shown, finding.line, finding.field or None, "bad_character",
                                {"value": finding.character.describe(), "detail": finding.character.index + 1}))
    if not isinstance(tree, Mapping):
        problems.append(Problem(shown, getattr(tree, "line", 1), None, "front_matter_not_mapping"))
        return None
    return tree


def load_vocabulary(name: str, path: Path, shown: str, main_lang: str, problems: list[Problem],
                    limits: Limits = DEFAULT_LIMITS) -> Vocabulary:
    vocabulary = Vocabulary(name, shown)
    tree = read_data_tree(path, shown, problems, limits)
    if tree is None:
        return vocabulary
    for code, value in tree.items():
        line = tree.line_of(code)
        if name != "languages" and not SLUG.fullmatch(code):
            # A code becomes part of an address (/mitra/CODE/): nothing but lower-case letters, digits, hyphens.
            problems.append(Problem(shown, line, code, "bad_code", {"value": code, "suggestion": slugify(code)}))
            continue
        if not isinstance(value, Mapping):
            value = as_mapping({"label": value}, line)
        label_key = "name" if name in ("partners", "locations") else "label"
        label = localized(value.get(label_key), main_lang)
        if not label.get(main_lang):
            problems.append(Problem(shown, line, f"{code}.{label_key}", "missing_label", {"value": main_lang}))
        for key in (label_key, "description"):
            _plain_texts(value.get(key), value.key_lines.get(key, line), f"{code}.{key}", shown, problems)
        details = {k: v for k, v in value.items() if k not in (label_key, "description", "search")}
        details["_lines"] = value.key_lines
        words = search_words(value.get("search"), main_lang)
        if words is None:
            problems.append(Problem(shown, value.key_lines.get("search", line), f"{code}.search", "wrong_shape",
                                    {"expected": Msg(SEARCH_WORDS_FORMS), "example": SEARCH_WORDS_EXAMPLE}))
        vocabulary.entries[code] = Entry(code, label, localized(value.get("description"), main_lang), line, details,
                                         words or {})
    return vocabulary


def _plain_texts(value, line: int, field: str, shown: str, problems: list[Problem]) -> None:
    """A label or description of a data file is plain text: a tag in it (in any language) is reported."""
    texts = value.items() if isinstance(value, Mapping) else [(None, value)] if value is not None else []
    for lang, text in texts:
        params = markup_params(text) if isinstance(text, str) else None
        if params is not None:
            at = value.key_lines.get(lang, line) if isinstance(value, Mapping) else line
            problems.append(Problem(shown, at, f"{field}.{lang}" if lang else field, "markup_in_text", params))


def as_mapping(values: dict, line: int) -> Mapping:
    """A mapping made by the build (not read from YAML), every key on the given line."""
    mapping = Mapping(values)
    mapping.line, mapping.key_lines = line, {k: line for k in values}
    return mapping


def as_list(value) -> list:
    if value is None:
        return []
    if isinstance(value, list):  # a YAML Sequence, or a list the build made
        return list(value)
    return [value]


__all__ = ["Entry", "Localized", "SEARCH_WORDS_EXAMPLE", "SEARCH_WORDS_FORMS", "Text", "Vocabulary", "VOCABULARIES",
           "as_list", "as_mapping", "load_vocabulary", "localized", "search_words"]
