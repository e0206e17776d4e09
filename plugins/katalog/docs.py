"""Writes the field reference of the librarians' guides from the content model (python -m katalog.docs)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .i18n import DOMAIN, LOCALE_DIR, N_, translate
from .messages import MESSAGES
from .choices import FIELD_CHOICES, REPEAT_CHOICES
from .forms import FORMS, FORMS_OF_KIND
from .model import LISTED_SESSION_FIELDS, PAGE_FIELDS, PAGE_TRANSLATION_FIELDS, PROGRAM_FIELDS, PROGRAM_TRANSLATION_FIELDS
from .site import SITE_FIELDS
from .writing import ERROR, GROUPS, LIMIT_OF, RULES, VAGUE_LINKS, WritingLimits

GUIDES = {"id": "docs/panduan.md", "en": "docs/guide.md"}
HEADINGS = (N_("Kolom"), N_("Wajib"), N_("Isi"), N_("Contoh"), N_("ya"))
FORMS_NOTE = N_("Bentuk yang diterima, misalnya: {forms}.")
CHOICES_NOTE = N_("Pilihan, dalam bahasa Indonesia atau Inggris, huruf besar atau kecil: {choices}.")
START, END = "<!-- fields:start (generated from plugins/katalog/model.py: make docs) -->", "<!-- fields:end -->"


def _choices(choices) -> str:
    return ", ".join(f"`{choice.words[0]}` (`{choice.code}`)" for choice in choices)


def _rows(fields, lang, prefix=""):
    yes = translate(HEADINGS[4], lang)
    for spec in fields:
        example = spec.example.replace("|", "\\|").replace("\n", " ")
        doc = translate(spec.doc, lang)
        if spec.kind == "choice":
            doc += " " + translate(CHOICES_NOTE, lang).format(choices=_choices(FIELD_CHOICES[spec.name]))
        if spec.kind == "repeat":
            shown = "; ".join(f"`{part}`: {_choices(choices)}" for part, choices in REPEAT_CHOICES.items())
            doc += " " + translate(CHOICES_NOTE, lang).format(choices=shown)
        if spec.kind in FORMS_OF_KIND and spec.kind not in ("text", "text_list"):
            forms = FORMS[FORMS_OF_KIND[spec.kind]].examples_in(lang)
            shown = ", ".join(f"`{form}`".replace("|", "\\|") for form in forms)
            doc += " " + translate(FORMS_NOTE, lang).format(forms=shown)
        yield f"| `{prefix}{spec.name}` | {yes if spec.required else ''} | {doc} | `{example}` |"
        if spec.children:
            yield from _rows(spec.children, lang, prefix=f"{prefix}{spec.name}.")


def reference(lang: str) -> str:
    field, required, holds, example = (translate(text, lang) for text in HEADINGS[:4])
    head = f"| {field} | {required} | {holds} | {example} |\n|---|---|---|---|"
    pages = translate(N_("Halaman statis (content/pages/NAMA/{lang}.md)"), lang).format(lang=lang)
    programs = translate(N_("Program (content/programs/NAMA/{lang}.md)"), lang).format(lang=lang)
    site = translate(N_("Fakta perpustakaan (content/data/site.yaml)"), lang)
    return "\n".join([
        START, "", f"#### {programs}", "", head, *_rows(PROGRAM_FIELDS, lang), "",
        f"#### {pages}", "", head, *_rows(PAGE_FIELDS, lang), "",
        f"#### {site}", "", head, *_rows(SITE_FIELDS, lang), "", END,
    ])


WRITING_START = "<!-- writing:start (generated from plugins/katalog/writing.py: make docs) -->"
WRITING_END = "<!-- writing:end -->"
# What the expected texts of the rules name, for the guide (in a report they come from the file).
_DOC_DETAIL = {"heading_h1": "###", "heading_first_level": "###", "heading_skipped": "####", "link_file_type": "PDF"}
_WHERE = {"description": N_("di deskripsi"), "summary": N_("di kolom summary"), "image": N_("di dalam kolom image")}


def writing_rules(lang: str) -> str:
    """Each writing rule by group: what is expected, whether it stops the build, and a bad and a good example."""
    limits = WritingLimits()
    weight = {ERROR: translate(N_("kesalahan: situs tidak dibangun"), lang),
              "warning": translate(N_("peringatan: situs tetap dibangun, kecuali dengan STRICT=1"), lang)}
    bad, good = translate(N_("Kurang baik"), lang), translate(N_("Lebih baik"), lang)
    lines = [WRITING_START, ""]
    for group, title in GROUPS.items():
        lines += [f"#### {translate(title, lang)}", ""]
        for rule in (r for r in RULES if r.group == group):
            params = {"detail": _DOC_DETAIL.get(rule.code, ""), "value": "", "example": "", "expected": "",
                      "limit": getattr(limits, LIMIT_OF[rule.code]) if rule.code in LIMIT_OF else ""}
            expected = translate(MESSAGES[rule.code][1], lang).format(**params)
            where = "" if rule.where == "description" else "; " + translate(_WHERE[rule.where], lang)
            lines += [f"- `{rule.code}` ({weight[rule.severity]}{where}): {expected[0].upper()}{expected[1:]}.", "",
                      f"  {bad}:", "", "  ```markdown", *(f"  {line}".rstrip() for line in rule.bad.splitlines()),
                      "  ```", "", f"  {good}:", "", "  ```markdown",
                      *(f"  {line}".rstrip() for line in rule.good.splitlines()), "  ```", ""]
    vague = translate(N_("Teks tautan yang dianggap tidak jelas (ditambah daftar di content/data/link_words.yaml):"), lang)
    lines += [vague, ""]
    lines += [f"- `{code}`: {', '.join(f'«{phrase}»' for phrase in phrases)}" for code, phrases in VAGUE_LINKS.items()]
    lines += ["", WRITING_END]
    return "\n".join(lines)


def updated(text: str, lang: str) -> str:
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.DOTALL)
    text = pattern.sub(lambda _: reference(lang), text)
    pattern = re.compile(re.escape(WRITING_START) + ".*?" + re.escape(WRITING_END), re.DOTALL)
    return pattern.sub(lambda _: writing_rules(lang), text)


def source_texts() -> set[str]:
    """Every text of the build that needs translating: marked with N_ or Msg, or a field's documentation."""
    from babel.messages.extract import extract_from_dir

    found = set()
    here = Path(__file__).parent
    for _, _, message, _, _ in extract_from_dir(str(here), [("**.py", "python")],
                                                 keywords={"N_": None, "Msg": (1,)}):
        found.add(message[0] if isinstance(message, tuple) else message)

    def docs(fields):
        for spec in fields:
            found.add(spec.doc)
            docs(spec.children)

    docs(PROGRAM_FIELDS + PAGE_FIELDS + PROGRAM_TRANSLATION_FIELDS + PAGE_TRANSLATION_FIELDS + LISTED_SESSION_FIELDS
         + SITE_FIELDS)
    return found


def write_message_template(path: Path = LOCALE_DIR / f"{DOMAIN}.pot") -> None:
    """Writes the catalog template of the build's own texts that `pybabel update -D katalog` merges into each
    language (make translations-extract)."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    catalog = Catalog(project="Katalog Program Inklusif")
    for text in sorted(source_texts()):
        catalog.add(text, flags=("python-brace-format",) if "{" in text else ())
    with open(path, "wb") as handle:
        write_po(handle, catalog, omit_header=True, width=100)


def write_sample_facts(content: str = "content", settings_file: str = "pelicanconf.py") -> int:
    """Writes sample-facts.json from the sample catalog (make docs); any other catalog is left alone."""
    import json

    from pelican.settings import read_settings

    from .catalog import load_catalog
    from .sample_facts import FACTS_FILE, collect

    catalog = load_catalog(content, read_settings(settings_file))
    if catalog.problems or catalog.site is None or catalog.site.sample is None:
        sys.stderr.write(f"{content} is not the sample catalog (its site.yaml has no sample:), or it has problems; "
                         f"{FACTS_FILE.name} left as it was\n")
        return 0
    FACTS_FILE.write_text(json.dumps(collect(catalog), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


def main(root: str = ".") -> int:
    for lang, name in GUIDES.items():
        path = Path(root) / name
        path.write_text(updated(path.read_text(encoding="utf-8"), lang), encoding="utf-8")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--messages"]:
        write_message_template()
        sys.exit(0)
    if sys.argv[1:2] == ["--sample-facts"]:
        sys.exit(write_sample_facts(*sys.argv[2:]))
    sys.exit(main(*sys.argv[1:]))
