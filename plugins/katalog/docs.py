"""Writes the field reference of the librarians' guides from the content model (python -m katalog.docs)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .i18n import N_, translate
from .model import PAGE_FIELDS, PROGRAM_FIELDS

GUIDES = {"id": "docs/panduan.md", "en": "docs/guide.md"}
HEADINGS = (N_("Kolom"), N_("Wajib"), N_("Isi"), N_("Contoh"), N_("ya"))
START, END = "<!-- fields:start (generated from plugins/katalog/model.py: make docs) -->", "<!-- fields:end -->"


def _rows(fields, lang, prefix=""):
    yes = translate(HEADINGS[4], lang)
    for spec in fields:
        example = spec.example.replace("|", "\\|").replace("\n", " ")
        yield f"| `{prefix}{spec.name}` | {yes if spec.required else ''} | {translate(spec.doc, lang)} | `{example}` |"
        if spec.children:
            yield from _rows(spec.children, lang, prefix=f"{prefix}{spec.name}.")


def reference(lang: str) -> str:
    field, required, holds, example = (translate(text, lang) for text in HEADINGS[:4])
    head = f"| {field} | {required} | {holds} | {example} |\n|---|---|---|---|"
    pages = translate(N_("Halaman statis (content/pages/NAMA/{lang}.md)"), lang).format(lang=lang)
    programs = translate(N_("Program (content/programs/NAMA/{lang}.md)"), lang).format(lang=lang)
    return "\n".join([
        START, "", f"#### {programs}", "", head, *_rows(PROGRAM_FIELDS, lang), "",
        f"#### {pages}", "", head, *_rows(PAGE_FIELDS, lang), "", END,
    ])


def updated(text: str, lang: str) -> str:
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.DOTALL)
    return pattern.sub(lambda _: reference(lang), text)


def main(root: str = ".") -> int:
    for lang, name in GUIDES.items():
        path = Path(root) / name
        path.write_text(updated(path.read_text(encoding="utf-8"), lang), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
