"""The guides' field reference matches the content model, and every message exists in every language."""

from __future__ import annotations

import pytest

from conftest import ROOT
from katalog import docs
from katalog.messages import MESSAGES, Problem


@pytest.mark.parametrize("lang", list(docs.GUIDES))
def test_guide_field_reference_is_generated_from_the_model(lang):
    text = (ROOT / docs.GUIDES[lang]).read_text(encoding="utf-8")
    assert docs.reference(lang) in text, f"run `make docs` to update {docs.GUIDES[lang]}"
    for spec in docs.PROGRAM_FIELDS:
        assert f"| `{spec.name}` |" in text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_guide_writing_chapter_is_generated_from_the_rules(lang):
    from katalog.writing import RULES

    text = (ROOT / docs.GUIDES[lang]).read_text(encoding="utf-8")
    chapter = docs.writing_rules(lang)
    assert chapter in text, f"run `make docs` to update {docs.GUIDES[lang]}"
    for rule in RULES:  # each rule with its bad and its good example
        assert f"`{rule.code}`" in chapter
        for example in (rule.bad, rule.good):
            assert "\n".join(f"  {line}".rstrip() for line in example.splitlines()) in chapter


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_message_reads_in_indonesian_and_english(code):
    texts = {}
    for lang in ("id", "en"):
        params = {"value": "nilai", "detail": "rincian", "expected": "harapan",
                  "example": "kolom: contoh", "choices": "a, b"}
        what, expected, fix = Problem("berkas.md", 3, "kolom", code, params).texts(lang)
        assert what and expected and fix
        text = what + expected + fix
        for allowed in ("{every", "{whatsapp", "{nilai}", "{jv}", "{id:"):
            text = text.replace(allowed, "")
        assert "{" not in text, text
        texts[lang] = (what, expected, fix)
    assert texts["id"] != texts["en"], f"{code} is not translated into English"


def test_the_guides_state_the_limits_the_build_enforces():
    from babel.numbers import format_decimal as format_number

    from katalog.limits import DEFAULT_LIMITS
    from katalog.settings import DEFAULTS

    numbers = [DEFAULT_LIMITS.front_matter_chars, DEFAULT_LIMITS.body_chars, DEFAULT_LIMITS.line_chars,
               DEFAULT_LIMITS.text_chars, DEFAULT_LIMITS.list_items, DEFAULT_LIMITS.depth,
               DEFAULT_LIMITS.markup_per_paragraph, DEFAULT_LIMITS.lines_per_paragraph,
               DEFAULT_LIMITS.image_bytes // 1_000_000,
               DEFAULTS["KATALOG_MAX_SESSIONS"]]
    for lang, name in (("id", "docs/panduan.md"), ("en", "docs/guide.md")):
        text = (ROOT / name).read_text(encoding="utf-8")
        for number in numbers:
            assert format_number(number, locale=lang) in text, (name, number)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, value in DEFAULT_LIMITS.__dict__.items():
        assert f"| `{name}` | {format_number(value, locale='en')} |" in readme, name
