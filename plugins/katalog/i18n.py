"""Translation of the build's own texts (content-check messages, guides' tables, reports) with gettext catalogs.

The texts are written in Indonesian; plugins/katalog/locale/<lang>/LC_MESSAGES/katalog.po translates them.
The .po files are read directly, so nothing needs compiling for these messages.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "katalog"
SOURCE_LANG = "id"


def N_(text: str) -> str:
    """Marks a text for extraction; it is translated later, where it is shown."""
    return text


@lru_cache(maxsize=None)
def _catalog(lang: str) -> dict[str, str]:
    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.is_file():
        return {}
    with open(path, "rb") as handle:
        catalog = read_po(handle, locale=lang)
    return {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}


def message_language(lang: str) -> str:
    """The language the build's texts are given in for `lang`: its own when it has a catalog, else Indonesian."""
    return lang if lang == SOURCE_LANG or _catalog(lang) or _catalog(lang.split("-")[0]) else SOURCE_LANG


def translate(text: str, lang: str) -> str:
    """The text in `lang` (a catalog's language, or a language whose base has one), else as written."""
    if lang == SOURCE_LANG:
        return text
    table = _catalog(lang) or _catalog(lang.split("-")[0])
    return table.get(text, text)


class Msg:
    """A translatable text and its placeholder values, turned into words only when shown in a language."""

    def __init__(self, text: str, **params):
        self.text = text
        self.params = params

    def render(self, lang: str) -> str:
        values = {key: render(value, lang) for key, value in self.params.items()}
        return translate(self.text, lang).format(**values)

    def __repr__(self):
        return f"Msg({self.text!r})"


def render(value, lang: str):
    return value.render(lang) if isinstance(value, Msg) else value


def language_name(lang: str) -> str:
    """A language's name in that language (CLDR's), or its tag when CLDR does not know it."""
    from babel import Locale

    try:
        return Locale.parse(lang.replace("-", "_")).get_display_name(lang).capitalize()
    except Exception:  # an unknown or malformed tag: the tag is all there is
        return lang


@lru_cache(maxsize=None)
def _site_catalog(lang: str) -> dict[str, str]:
    """The theme's own translations (theme/translations/<lang>/LC_MESSAGES/messages.po): the words the pages use."""
    from .defaults import THEME

    path = Path(THEME) / "translations" / lang / "LC_MESSAGES" / "messages.po"
    if not path.is_file():
        return {}
    with open(path, "rb") as handle:
        catalog = read_po(handle, locale=lang)
    return {m.id: m.string for m in catalog if isinstance(m.id, str) and m.id and m.string and not m.fuzzy}


def site_word(text: str, lang: str) -> str:
    """A word as the site's pages write it in `lang` (the theme's translation), so that a hint names the same word."""
    if lang == SOURCE_LANG:
        return text
    return (_site_catalog(lang) or _site_catalog(lang.split("-")[0])).get(text, text)
