"""Prints which programs and pages are not yet translated, language by language (make translations)."""

from __future__ import annotations

import sys

from .check import run
from .i18n import N_, translate

WORDS = (N_("Terjemahan per bahasa"), N_("{done} dari {total} sudah ada"),
         N_("Belum diterjemahkan (ditampilkan dalam bahasa utama):"), N_("Semua sudah diterjemahkan."),
         N_("program"), N_("halaman"))


def report(catalog, lang: str) -> str:
    title, done_text, missing_text, complete, program_word, page_word = (translate(w, lang) for w in WORDS)
    missing = catalog.missing_translations()
    total = len({p.key for p in catalog.programs}) + len({p.key for p in catalog.pages})
    lines = [title, ""]
    for language, items in missing.items():
        lines.append(f"{language}: {done_text.format(done=total - len(items), total=total)}")
        if items:
            lines.append(f"  {missing_text}")
            for item in sorted(items, key=lambda i: (type(i).__name__, i.key)):
                word = program_word if type(item).__name__ == "Program" else page_word
                lines.append(f"  - {word} {item.key}: {item.key}/{language}.md")
        else:
            lines.append(f"  {complete}")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    return run(argv, __doc__, report)


if __name__ == "__main__":
    sys.exit(main())
