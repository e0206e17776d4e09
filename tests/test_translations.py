"""Every theme string is translated in every language's catalog, with nothing fuzzy or left over."""

from __future__ import annotations

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from conftest import ROOT

TRANSLATIONS = ROOT / "theme" / "translations"
LANGUAGES = sorted(p.name for p in TRANSLATIONS.iterdir() if (p / "LC_MESSAGES" / "messages.po").is_file())


def template_strings() -> set[str]:
    """The strings the templates ask to translate, extracted now (not from a possibly stale .pot)."""
    method_map = [("theme/templates/**.html", "jinja2")]
    options = {"theme/templates/**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True",
                                            "lstrip_blocks": "True"}}
    found = set()
    for _, _, message, _, _ in extract_from_dir(str(ROOT), method_map, options_map=options):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def check_catalog(po_path, lang, wanted):
    with open(po_path, "rb") as handle:
        catalog = read_po(handle, locale=lang)
    messages = {(m.id[0] if isinstance(m.id, tuple) else m.id): m for m in catalog if m.id}
    missing = sorted(wanted - set(messages))
    assert not missing, f"not in {po_path.name} ({lang}): {missing}"
    untranslated = sorted(key for key, m in messages.items()
                          if not all(m.string if isinstance(m.string, tuple) else (m.string,)))
    assert not untranslated, f"untranslated in {lang}: {untranslated}"
    fuzzy = sorted(key for key, m in messages.items() if m.fuzzy)
    assert not fuzzy, f"fuzzy in {lang}: {fuzzy}"
    stale = sorted(set(messages) - wanted)
    assert not stale, f"no longer used, remove from {lang}: {stale}"


def test_build_messages_are_translated_into_english():
    from katalog.docs import source_texts

    wanted = source_texts()
    assert len(wanted) > 200
    check_catalog(ROOT / "plugins" / "katalog" / "locale" / "en" / "LC_MESSAGES" / "katalog.po", "en", wanted)


def test_there_are_catalogs_for_english_and_javanese():
    assert {"en", "jv"} <= set(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_translates_every_template_string(lang):
    wanted = template_strings()
    assert len(wanted) > 50
    check_catalog(TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po", lang, wanted)
