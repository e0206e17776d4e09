"""Writes the field reference of the librarians' guides from the content model (python -m katalog.docs)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .model import PAGE_FIELDS, PROGRAM_FIELDS

GUIDES = {"id": "docs/panduan.md", "en": "docs/guide.md"}
HEADINGS = {
    "id": ("Kolom", "Wajib", "Isi", "Contoh", "ya", ""),
    "en": ("Field", "Required", "What it holds", "Example", "yes", ""),
}
START, END = "<!-- fields:start (generated from plugins/katalog/model.py: make docs) -->", "<!-- fields:end -->"


def _rows(fields, lang, prefix=""):
    yes, no = HEADINGS[lang][4:]
    for spec in fields:
        example = spec.example.replace("|", "\\|").replace("\n", " ")
        yield f"| `{prefix}{spec.name}` | {yes if spec.required else no} | {spec.doc[lang]} | `{example}` |"
        if spec.children:
            yield from _rows(spec.children, lang, prefix=f"{prefix}{spec.name}.")


def reference(lang: str) -> str:
    field, required, holds, example = HEADINGS[lang][:4]
    head = f"| {field} | {required} | {holds} | {example} |\n|---|---|---|---|"
    pages = {"id": "Halaman statis (content/pages/NAMA/id.md)", "en": "Static pages (content/pages/NAME/en.md)"}[lang]
    programs = {"id": "Program (content/programs/NAMA/id.md)", "en": "Programs (content/programs/NAME/en.md)"}[lang]
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
